// Phone numbers: PRC mobile and landline by number plan, international E.164 validated by
// libphonenumber.
//
// Phone recognizers are offered numeric tokens and read the neighbouring bytes
// themselves for '+', '(' and group separators. A grouped number is matched from its
// first group; a prefixed form ("+86 138 ...") and the bare national form may both be
// emitted, and the engine's overlap resolution keeps the better one.
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "custos/detect/engine.h"
#include "custos/detect/recognizers/groups.h"
#include "custos/detect/recognizers/text.h"

namespace custos::detect {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// ---------------------------------------------------------------------------------
// Bytes and context.

using namespace text;  // NOLINT: the shared byte, UTF-8 and context helpers



// Phone context: supporting and opposing words shared by the phone recognizers.
std::vector<KeywordSpec> PhoneKeywords() {
  std::vector<KeywordSpec> k;
  AddKeywords(k,
              {"手机", "电话", "联系方式", "座机", "传真", "致电", "拨打", "来电", "tel", "phone", "telephone",
               "cellphone", "mobile", "fax"},
              Category::kPhoneNumber, KeywordRole::kContext);
  AddKeywords(k,
              {"订单", "单号", "流水号", "运单", "交易号", "发票", "序列号", "版本", "order", "tracking", "invoice",
               "serial", "version", "ver"},
              Category::kPhoneNumber, KeywordRole::kNegative);
  return k;
}

// The first byte before a candidate must not make it part of a longer number, a
// decimal or version string, or a hyphenated identifier.
bool LeftOk(const Unit& u, uint32_t s) {
  const char c = u.At(Prev(s));
  if (IsDigit(c)) return false;
  if ((c == '.' || c == '-') && IsAlnum(u.At(Prev(s, 2)))) return false;
  return true;
}

bool RightOk(const Unit& u, uint32_t e) {
  const char c = u.At(e);
  if (IsAlnum(c)) return false;
  if ((c == '.' || c == '-') && IsAlnum(u.At(int64_t{e} + 1))) return false;
  return true;
}

// Digit groups from p separated by one ' ' or '-', the same separator throughout.
struct Groups {
  static constexpr int kMax = 5;
  uint32_t start[kMax] = {};
  uint32_t end[kMax] = {};
  int n = 0;
  char sep = 0;
  uint32_t len(int i) const { return end[i] - start[i]; }
};

Groups Collect(const Unit& u, uint32_t p) {
  Groups g;
  const char* text = u.text.data();
  const auto size = static_cast<uint32_t>(u.text.size());
  uint32_t i = p;
  while (g.n < Groups::kMax) {
    const uint32_t s = i;
    // A raw bounded loop: u.At() would test the bounds on every digit.
    const uint32_t limit = size - s < 24 ? size : s + 24;
    while (i < limit && IsDigit(text[i])) ++i;
    g.start[g.n] = s;
    g.end[g.n] = i;
    ++g.n;
    const char c = u.At(i);
    if ((c == ' ' || c == '-') && (g.sep == 0 || g.sep == c) && IsDigit(u.At(int64_t{i} + 1))) {
      g.sep = c;
      ++i;
    } else {
      break;
    }
  }
  return g;
}

// Copies the digits in [s, e) into buf (at most cap); returns how many.
uint32_t Digits(const Unit& u, uint32_t s, uint32_t e, char* buf, uint32_t cap) {
  uint32_t n = 0;
  for (uint32_t i = s; i < e && n < cap; ++i) {
    const char c = u.At(i);
    if (IsDigit(c)) buf[n++] = c;
  }
  return n;
}

// ---------------------------------------------------------------------------------
// PRC mobile numbers.

// Allocated mobile segments 1<x><y>: bit y of kSegments[x].
constexpr uint16_t kSegments[10] = {
    0, 0, 0,
    0x3FF,  // 130-139
    0x3E0,  // 145-149
    0x3EF,  // 150-153, 155-159
    0x0E4,  // 162, 165-167
    0x1FF,  // 170-178
    0x3FF,  // 180-189
    0x3FF,  // 190-199
};

bool ValidMobile(const char* d) {
  if (d[0] != '1') return false;
  const auto x = static_cast<size_t>(d[1] - '0');
  const auto y = static_cast<unsigned>(d[2] - '0');
  return ((kSegments[x] >> y) & 1u) != 0;
}

// An 11-digit mobile number written from q as 11, 3-4-4 or 3-8 digits: its end, or 0.
uint32_t MatchMobileAt(const Unit& u, uint32_t q, bool* grouped) {
  const Groups g = Collect(u, q);
  uint32_t end = 0;
  *grouped = false;
  if (g.len(0) == 11) {
    if (g.n > 1 && g.sep == '-') return 0;  // "13812345678-42": part of a longer identifier
    end = g.end[0];
  } else if (g.n == 3 && g.len(0) == 3 && g.len(1) == 4 && g.len(2) == 4) {
    end = g.end[2];
    *grouped = true;
  } else if (g.n == 2 && g.len(0) == 3 && g.len(1) == 8) {
    end = g.end[1];
    *grouped = true;
  } else {
    return 0;
  }
  // Each accepted shape holds exactly 11 digits and starts with a group of at least 3,
  // so the segment digits are the first three bytes at q.
  if (!ValidMobile(u.text.data() + q)) return 0;
  return end;
}

class CnMobileRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "phone_cn_mobile"; }
  CategorySet categories() const override { return Bit(Category::kPhoneNumber); }
  Interest interest() const override {
    Interest in;
    // "86"/"0086" prefixes, a 3-digit first group, 11 digits, 86+11, 0086+11.
    in.rules = {{TokenKind::kNumeric, Lengths(11, 11), ByteSet::Of("1")},
                {TokenKind::kNumeric, Lengths(3, 3), ByteSet::Of("1"), {}, ByteSet::Of(" -")},
                {TokenKind::kNumeric, Lengths(2, 2) | Lengths(13, 13), ByteSet::Of("8")},
                {TokenKind::kNumeric, Lengths(4, 4) | Lengths(15, 15), ByteSet::Of("0")}};
    return in;
  }
  std::vector<KeywordSpec> keywords() const override { return PhoneKeywords(); }

  // Fast rejection inline; the rest out of line keeps this call cheap for the many
  // tokens that are not candidates.
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    const char* p = u.text.data() + t.start;
    bool candidate = false;
    switch (t.size()) {
      case 11: candidate = p[0] == '1'; break;
      case 3: candidate = p[0] == '1' && (u.At(t.end) == ' ' || u.At(t.end) == '-'); break;
      case 2: case 13: candidate = p[0] == '8' && p[1] == '6'; break;
      case 4: case 15: candidate = p[0] == '0' && p[1] == '0'; break;
      default: break;
    }
    if (!candidate) return;
    Slow(u, t, out);
  }

  [[gnu::noinline]] void Slow(const Unit& u, const Token& t, Sink& out) const {
    const char* p = u.text.data() + t.start;
    const uint32_t n = t.size();
    uint32_t national = t.start;
    bool separated_prefix = false;
    switch (n) {
      case 11:
        if (p[0] != '1') return;
        break;
      case 3: {
        if (p[0] != '1') return;
        const char c = u.At(t.end);
        if (c != ' ' && c != '-') return;
        break;
      }
      case 13:
        if (p[0] != '8' || p[1] != '6') return;
        national = t.start + 2;
        break;
      case 15:
        if (std::memcmp(p, "0086", 4) != 0) return;
        national = t.start + 4;
        break;
      case 2:
        if (p[0] != '8' || p[1] != '6') return;
        separated_prefix = true;
        break;
      case 4:
        if (std::memcmp(p, "0086", 4) != 0) return;
        separated_prefix = true;
        break;
      default:
        return;
    }
    const bool plus = u.At(Prev(t.start)) == '+';
    const bool prefixed = national != t.start || separated_prefix;
    if (plus && !(prefixed && p[0] == '8')) return;  // another country's number: phone_intl
    uint32_t start = t.start;
    if (plus) {
      --start;
      if (u.At(Prev(start)) == '(') --start;
    }
    if (!LeftOk(u, start)) return;
    if (separated_prefix) {
      uint32_t q = t.end;
      if (u.At(q) == ')') ++q;
      if (u.At(q) == ' ' || u.At(q) == '-') ++q;
      if (q == t.end || !IsDigit(u.At(q))) return;
      national = q;
    }
    bool grouped = false;
    uint32_t end = 0;
    if (!separated_prefix && t.end - national == 11) {
      // The common case, 11 digits ending the token: MatchMobileAt would find the same
      // (a following "-digits" group is rejected by RightOk as well).
      end = ValidMobile(p + (national - t.start)) ? t.end : 0;
    } else {
      end = MatchMobileAt(u, national, &grouped);
    }
    if (end == 0 || !RightOk(u, end)) return;
    float base = grouped ? 0.85f : 0.8f, boosted = 0.95f, lowered = 0.35f;
    if (prefixed) {
      const bool international = plus || p[0] == '0';
      base = international ? 0.9f : 0.6f;
      boosted = international ? 0.97f : 0.9f;
      lowered = international ? 0.4f : 0.3f;
    }
    // Eight identical subscriber digits ("17777777777", "177 7777 7777") make a
    // placeholder or a constant (an octal escape in regex docs), not someone's number:
    // only phone words make it one.
    char d[11];
    if (Digits(u, national, end, d, 11) == 11 && std::all_of(d + 4, d + 11, [&](char c) { return c == d[3]; })) {
      base = std::min(base, 0.45f);
    }
    out.Emit(start, end, Category::kPhoneNumber, ScoreNearest(u, Category::kPhoneNumber, start, end, base, boosted, lowered));
  }
};

// ---------------------------------------------------------------------------------
// PRC landlines: area code (3 digits 010/02x, 4 digits 03xx-09xx) + 7-8 digit
// subscriber number, optional extension. Written contiguously ("01062345678") they need
// context.

// Area code length (3 or 4, counting the trunk '0') for national digits d (starting
// with '0'), or 0 if no valid area code starts there.
uint32_t AreaLen(const char* d, uint32_t n) {
  if (n < 3 || d[0] != '0') return 0;
  if (d[1] == '1') return d[2] == '0' ? 3 : 0;
  if (d[1] == '2') return d[2] != '6' ? 3 : 0;
  if (d[1] >= '3' && d[1] <= '9') return n >= 4 ? 4 : 0;
  return 0;
}

// Subscriber numbers do not start with 0; those starting with 1 (service numbers) are
// accepted only when written apart from the area code ("010-12345678" is the usual way
// people write a made-up or real Beijing number), see Match().
bool ValidSubscriber(uint32_t area_len, char first, uint32_t len) {
  if (first < '1' || first > '9') return false;
  return area_len == 3 ? len == 8 : (len == 7 || len == 8);
}

// Optional extension after a subscriber number: "-123", " ext 123", "ext.123", "x123",
// "转123", "#123". Returns the new end.
uint32_t Extension(const Unit& u, uint32_t e) {
  uint32_t i = e;
  if (u.At(i) == ' ') ++i;
  if ((u.At(i) | 0x20) == 'e' && (u.At(int64_t{i} + 1) | 0x20) == 'x' && (u.At(int64_t{i} + 2) | 0x20) == 't') {
    i += 3;
    if (u.At(i) == '.') ++i;
  } else if (u.At(i) == 'x' || u.At(i) == 'X' || u.At(i) == '#') {
    ++i;
  } else if (Has(u, i, "转")) {
    i += 3;
  } else {
    return e;
  }
  if (u.At(i) == ' ') ++i;
  const uint32_t s = i;
  while (IsDigit(u.At(i)) && i - s <= 6) ++i;
  if (i == s || i - s > 6 || IsAlnum(u.At(i))) return e;
  return i;
}

class CnLandlineRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "phone_cn_landline"; }
  CategorySet categories() const override { return Bit(Category::kPhoneNumber); }
  Interest interest() const override {
    Interest in;
    // "86" after '+', area codes (3-4, also "0086"), contiguous area+subscriber.
    in.rules = {{TokenKind::kNumeric, Lengths(2, 2), ByteSet::Of("8"), ByteSet::Of("+")},
                {TokenKind::kNumeric, Lengths(3, 4) | Lengths(10, 12), ByteSet::Of("0")}};
    return in;
  }
  std::vector<KeywordSpec> keywords() const override { return PhoneKeywords(); }

  // Fast rejection inline; the rest out of line keeps this call cheap for the many
  // tokens that are not candidates.
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    const char* p = u.text.data() + t.start;
    const uint32_t n = t.size();
    if (n == 2 ? p[0] != '8' || p[1] != '6' || u.At(Prev(t.start)) != '+' : p[0] != '0') return;
    if (n <= 4 && n > 2 && p[1] != '0') {
      const char c = u.At(t.end);
      if (c != ' ' && c != '-' && c != ')') return;
    }
    Slow(u, t, out);
  }

  [[gnu::noinline]] void Slow(const Unit& u, const Token& t, Sink& out) const {
    const char* p = u.text.data() + t.start;
    const uint32_t n = t.size();
    uint32_t start = t.start;
    if (n == 2 || (n == 4 && p[0] == '0' && p[1] == '0')) {
      // "+86 10 12345678", "0086-755-1234567"
      if (n == 2 && (p[0] != '8' || p[1] != '6' || u.At(Prev(t.start)) != '+')) return;
      if (n == 4 && (p[2] != '8' || p[3] != '6')) return;
      if (n == 2) {
        --start;
        if (u.At(Prev(start)) == '(') --start;
      }
      if (!LeftOk(u, start)) return;
      uint32_t q = t.end;
      if (u.At(q) == ')') ++q;
      if (u.At(q) == ' ' || u.At(q) == '-') ++q;
      if (q == t.end || !IsDigit(u.At(q))) return;
      const bool trunk = u.At(q) == '0';
      Match(u, start, q, trunk, 0.9f, 0.97f, 0.4f, out);
      return;
    }
    if (p[0] != '0' || p[1] == '0') return;
    if (n <= 4) {
      const char c = u.At(t.end);
      if (c != ' ' && c != '-' && c != ')') return;
    }
    if (u.At(Prev(t.start)) == '(') start = t.start - 1;
    if (u.At(Prev(start)) == '+') return;
    if (!LeftOk(u, start)) return;
    Match(u, start, t.start, true, 0.8f, 0.95f, 0.35f, out);
  }

 private:
  // Matches a landline whose area code starts at q (with or without the trunk '0').
  static void Match(const Unit& u, uint32_t start, uint32_t q, bool trunk, float base, float boosted, float lowered,
                    Sink& out) {
    uint32_t r = q;
    while (IsDigit(u.At(r)) && r - q < 16) ++r;
    const uint32_t run = r - q;
    char d[16];
    uint32_t nd = 0;
    if (!trunk) d[nd++] = '0';
    nd += Digits(u, q, r, d + nd, 15);
    const uint32_t area = AreaLen(d, nd);
    if (area == 0) return;
    const bool paren = u.At(Prev(q)) == '(';
    uint32_t end = 0;
    if (nd > area) {
      // Contiguous area code and subscriber number: "01012345678".
      if (paren || !trunk || run < 10) return;
      if (d[area] == '1' || !ValidSubscriber(area, d[area], nd - area)) return;
      end = r;
      base = 0.45f;
      boosted = 0.9f;
    } else {
      if (nd != area) return;
      uint32_t s = r;
      if (paren) {
        if (u.At(s) != ')') return;
        ++s;
        if (u.At(s) == ' ' || u.At(s) == '-') ++s;
      } else {
        if (u.At(s) != ' ' && u.At(s) != '-') return;
        ++s;
      }
      if (!IsDigit(u.At(s))) return;
      const Groups g = Collect(u, s);
      int rest = 0;
      if (g.len(0) == 7 || g.len(0) == 8) {
        rest = 1;
      } else if (g.n >= 2 && ((g.len(0) == 4 && g.len(1) == 4) || (g.len(0) == 3 && g.len(1) == 4))) {
        rest = 2;
      } else {
        return;
      }
      if (!ValidSubscriber(area, u.At(s), g.end[rest - 1] - g.start[0] - static_cast<uint32_t>(rest - 1))) return;
      end = g.end[rest - 1];
      if (g.n > rest) {
        if (g.sep == '-' && g.n == rest + 1 && g.len(rest) <= 6) {
          end = g.end[rest];  // extension
        } else if (!(g.sep == ' ' && rest == 1)) {
          return;  // more groups: some longer number
        }
      }
    }
    end = Extension(u, end);
    if (!RightOk(u, end)) return;
    out.Emit(start, end, Category::kPhoneNumber, ScoreNearest(u, Category::kPhoneNumber, start, end, base, boosted, lowered));
  }
};

// ---------------------------------------------------------------------------------
// International numbers: '+' or "00" followed by a country code, validated by
// libphonenumber (only for such candidates; +86 is left to the PRC recognizers).

bool IsIntlSep(char c) { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')'; }

class IntlPhoneRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "phone_intl"; }
  CategorySet categories() const override { return Bit(Category::kPhoneNumber); }
  Interest interest() const override {
    Interest in;
    // After '+': a country code of one or two digits followed by ':' is a UTC offset
    // ("+08:00"), and no country code starts with 0 ("+0800"); neither is offered.
    const ByteSet not_colon = ByteSet::Range(0, ':' - 1) | ByteSet::Range(':' + 1, 255);
    in.rules = {{TokenKind::kNumeric, Lengths(1, 2), ByteSet::Range('1', '9'), ByteSet::Of("+"), not_colon},
                {TokenKind::kNumeric, Lengths(3, 17), ByteSet::Range('1', '9'), ByteSet::Of("+")},
                {TokenKind::kNumeric, Lengths(3, 17), ByteSet::Of("0")}};
    return in;
  }
  std::vector<KeywordSpec> keywords() const override { return PhoneKeywords(); }

  // Fast rejection inline; the rest out of line keeps this call cheap for the many
  // tokens that are not candidates.
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    if (u.At(Prev(t.start)) != '+' && !(t.size() >= 3 && u.text[t.start] == '0' && u.text[t.start + 1] == '0')) return;
    Slow(u, t, out);
  }

  [[gnu::noinline]] void Slow(const Unit& u, const Token& t, Sink& out) const {
    const char* p = u.text.data() + t.start;
    const uint32_t n = t.size();
    uint32_t start = 0, first = 0;
    if (u.At(Prev(t.start)) == '+') {
      if (p[0] == '0' || (n >= 2 && p[0] == '8' && p[1] == '6')) return;
      start = t.start - 1;
      const char b = u.At(Prev(start));
      if (IsAlnum(b) || b == '+' || b == '/' || b == '=' || b == '%') return;  // base64, URL encoding
      first = t.start;
    } else if (n >= 3 && p[0] == '0' && p[1] == '0' && p[2] != '0') {
      if (n >= 4 && p[2] == '8' && p[3] == '6') return;
      if (!LeftOk(u, t.start) || IsLetter(u.At(Prev(t.start)))) return;
      const char b = u.At(Prev(t.start));
      if ((b == ' ' || b == '-') && IsDigit(u.At(Prev(t.start, 2)))) return;  // a group of "6217 0036 1955 3563"
      start = t.start;
      first = t.start + 2;
    } else {
      return;
    }
    if (!LeftOk(u, start)) return;
    // Digit groups with short separator runs: "+1 (415) 555-2671", "+44 20 7946 0958".
    constexpr int kMaxGroups = 8;
    uint32_t ends[kMaxGroups];
    uint32_t counts[kMaxGroups];
    char digits[20];
    uint32_t nd = 0;
    int ng = 0;
    uint32_t i = first;
    while (ng < kMaxGroups) {
      while (IsDigit(u.At(i)) && nd < 18) digits[nd++] = u.At(i++);
      if (IsDigit(u.At(i))) return;  // far too long for a phone number
      ends[ng] = i;
      counts[ng] = nd;
      ++ng;
      uint32_t j = i;
      int seps = 0;
      while (seps < 3 && IsIntlSep(u.At(j))) {
        ++j;
        ++seps;
      }
      if (seps == 0 || !IsDigit(u.At(j))) break;
      i = j;
    }
    // The whole run, or the run without its last one or two groups when those are
    // separated by a space (a following number).
    for (int k = ng; k >= 1 && k >= ng - 2; --k) {
      const uint32_t end = ends[k - 1];
      const uint32_t count = counts[k - 1];
      if (k == ng ? !RightOk(u, end) : u.At(end) != ' ') continue;
      if (count < 7 || count > 15) continue;
      if (!Valid(digits, count)) continue;
      out.Emit(start, end, Category::kPhoneNumber, ScoreNearest(u, Category::kPhoneNumber, start, end, 0.85f, 0.95f, 0.4f));
      return;
    }
  }

 private:
  bool Valid(const char* digits, uint32_t count) const {
    std::string s;
    s.reserve(count + 1);
    s.push_back('+');
    s.append(digits, count);
    PhoneNumber number;
    // Fetched on first use: building libphonenumber's metadata costs ~5 ms, which a run
    // without international candidates need not pay. (GetInstance is thread-safe.)
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    if (util->Parse(s, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
    return number.country_code() != 86 && util->IsValidNumber(number);
  }
};

}  // namespace

RecognizerList MakePhoneRecognizers() {
  RecognizerList list;
  list.push_back(std::make_unique<CnMobileRecognizer>());
  list.push_back(std::make_unique<CnLandlineRecognizer>());
  list.push_back(std::make_unique<IntlPhoneRecognizer>());
  return list;
}

}  // namespace custos::detect
