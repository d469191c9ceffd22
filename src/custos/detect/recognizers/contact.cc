// Contact recognizers: phone numbers (PRC mobile and landline by number plan,
// international E.164 validated by libphonenumber), e-mail addresses, and
// instant-messaging accounts (QQ numbers, WeChat IDs), which need context.
//
// Phone recognizers are offered numeric tokens and read the neighbouring bytes
// themselves for '+', '(' and group separators. A grouped number is matched from its
// first group; a prefixed form ("+86 138 ...") and the bare national form may both be
// emitted, and the engine's overlap resolution keeps the better one.
#include <phonenumbers/phonenumberutil.h>

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
using Ctx = Nearest;

float Score(const Unit& u, Category c, uint32_t start, uint32_t end, float base, float boosted, float lowered) {
  switch (NearestContext(u, c, start, end)) {
    case Ctx::kPositive: return boosted;
    case Ctx::kNegative: return lowered;
    case Ctx::kNone: break;
  }
  return base;
}


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
    out.Emit(start, end, Category::kPhoneNumber, Score(u, Category::kPhoneNumber, start, end, base, boosted, lowered));
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
    out.Emit(start, end, Category::kPhoneNumber, Score(u, Category::kPhoneNumber, start, end, base, boosted, lowered));
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
      out.Emit(start, end, Category::kPhoneNumber, Score(u, Category::kPhoneNumber, start, end, 0.85f, 0.95f, 0.4f));
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

// ---------------------------------------------------------------------------------
// E-mail addresses, found from each '@'.

// Local-part characters: RFC 5322 atext and '.', except those that in logs, URLs and
// markup are far more often delimiters than address characters (= ? & / ' ` { } | * %).
constexpr bool IsLocalByte(char c) {
  if (IsAlnum(c)) return true;
  switch (c) {
    case '.': case '!': case '#': case '$': case '+': case '-': case '^': case '_': case '~':
      return true;
    default:
      return false;
  }
}

constexpr bool IsDomainByte(char c) { return IsAlnum(c) || c == '-' || c == '.'; }

// The two predicates as one table: the scans around each '@' test every byte.
enum : uint8_t { kLocal = 1, kDomain = 2 };
constexpr std::array<uint8_t, 256> MakeEmailBytes() {
  std::array<uint8_t, 256> t{};
  for (unsigned b = 0; b < 256; ++b) {
    const auto c = static_cast<char>(b);
    t[b] = static_cast<uint8_t>((IsLocalByte(c) ? kLocal : 0) | (IsDomainByte(c) ? kDomain : 0));
  }
  return t;
}
constexpr std::array<uint8_t, 256> kEmailBytes = MakeEmailBytes();

bool IsLocalChar(char c) { return (kEmailBytes[static_cast<unsigned char>(c)] & kLocal) != 0; }
bool IsDomainChar(char c) { return (kEmailBytes[static_cast<unsigned char>(c)] & kDomain) != 0; }


// Image names like "icon@2x.png" have an address's shape.
bool IsFileExtension(std::string_view tld) {
  if (tld.size() != 3 && tld.size() != 4) return false;  // most TLDs: no compare needed
  for (std::string_view ext : {"png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff"}) {
    if (EqualsLower(tld, ext)) return true;
  }
  return false;
}

class EmailRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "email"; }
  CategorySet categories() const override { return Bit(Category::kEmailAddress); }
  Interest interest() const override {
    Interest in;
    in.at_sign = true;
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> k;
    AddKeywords(k, {"邮箱", "邮件", "电子邮件", "email", "e-mail", "mail", "mailto"}, Category::kEmailAddress,
                KeywordRole::kContext);
    return k;
  }

  void OnAt(const Unit& u, uint32_t pos, Sink& out) const override {
    // Local part: back over local characters, at most 64.
    uint32_t s = pos;
    while (s > 0 && IsLocalChar(u.text[s - 1])) {
      --s;
      if (pos - s > 64) return;
    }
    if (u.At(Prev(pos)) == '.') return;  // "abc.@x.com"
    // Dot-atom: no leading dot, no "..": keep what follows the last break.
    for (uint32_t i = pos; i > s; --i) {
      if (u.text[i - 1] == '.' && (i - 1 == s || u.text[i - 2] == '.')) {
        s = i;
        break;
      }
    }
    if (s == pos) return;
    // Domain: labels of [A-Za-z0-9-] separated by dots, at most 253 bytes.
    uint32_t e = pos + 1;
    while (e < u.text.size() && IsDomainChar(u.text[e])) {
      ++e;
      if (e - pos - 1 > 253) return;
    }
    while (e > pos + 1 && (u.text[e - 1] == '.' || u.text[e - 1] == '-')) --e;
    uint32_t labels = 0, label_start = pos + 1;
    for (uint32_t i = pos + 1; i <= e; ++i) {
      if (i < e && u.text[i] != '.') continue;
      const uint32_t len = i - label_start;
      if (len == 0 || len > 63 || u.text[label_start] == '-' || u.text[i - 1] == '-') return;
      ++labels;
      if (i < e) label_start = i + 1;
    }
    if (labels < 2) return;
    const std::string_view tld = u.Slice(label_start, e);
    if (tld.size() < 2) return;
    for (char c : tld) {
      if (!IsLetter(c)) return;
    }
    if (IsFileExtension(tld)) return;
    out.Emit(s, e, Category::kEmailAddress, Score(u, Category::kEmailAddress, s, e, 0.9f, 0.97f, 0.9f));
  }
};

// ---------------------------------------------------------------------------------
// QQ numbers: 5-11 digits, not starting with 0, only right after (or before) a QQ word,
// or as a whole value in a field hinted as an IM account.


bool IsQqNumber(const Unit& u, uint32_t s, uint32_t e) {
  const uint32_t n = e - s;
  if (n < 5 || n > 11 || u.At(s) == '0') return false;
  for (uint32_t i = s; i < e; ++i) {
    if (!IsDigit(u.At(i))) return false;
  }
  return true;
}

class QqRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "qq"; }
  CategorySet categories() const override { return Bit(Category::kImAccount); }
  Interest interest() const override {
    Interest in;
    in.hinted_units = true;
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> k;
    AddKeywords(k, {"qq", "扣扣"}, Category::kImAccount, KeywordRole::kTrigger);
    return k;
  }

  void OnKeyword(const Unit& u, const KeywordHit& h, Sink& out) const override {
    const bool ascii = !IsHigh(u.At(h.start));
    if (ascii) {
      if (IsLetter(u.At(Prev(h.start))) || IsLetter(u.At(h.end))) return;  // a longer word
      if (u.At(Prev(h.start)) == '@' || u.At(h.end) == '.') return;         // "@qq.com"
    }
    if (Has(u, h.end, "群")) return;  // a group number, not a person's account
    // After the keyword: "QQ: 12345678", "QQ号码：12345678", "qq 12345678".
    const uint32_t limit = h.end + 24;
    for (uint32_t i = h.end; i < limit && i < u.text.size(); ++i) {
      const char c = u.At(i);
      if (c == ';' || c == '|' || c == '\n' || c == '@' || (IsHigh(c) && (Has(u, i, "。") || Has(u, i, "群")))) break;
      if (!IsDigit(c)) continue;
      if (IsLetter(u.At(Prev(i)))) break;
      uint32_t e = i;
      while (IsDigit(u.At(e)) && e - i <= 12) ++e;
      if (IsQqNumber(u, i, e) && !IsAlnum(u.At(e)) && u.At(e) != '@' &&
          !(u.At(e) == '.' && IsDigit(u.At(int64_t{e} + 1)))) {
        out.Emit(i, e, Category::kImAccount, 0.85f);
      }
      return;
    }
    // Before it: "12345678(QQ)", "12345678 qq".
    uint32_t e = h.start;
    for (int k = 0; k < 2 && e > 0 && (u.At(Prev(e)) == ' ' || u.At(Prev(e)) == '('); ++k) --e;
    if (e >= 3 && Has(u, e - 3, "（")) e -= 3;
    uint32_t s = e;
    while (s > 0 && IsDigit(u.At(Prev(s))) && e - s <= 12) --s;
    if (s < e && IsQqNumber(u, s, e) && !IsAlnum(u.At(Prev(s))) && u.At(Prev(s)) != '.') {
      out.Emit(s, e, Category::kImAccount, 0.7f);
    }
  }

  void OnUnit(const Unit& u, Sink& out) const override {
    if (!u.Hinted(Category::kImAccount)) return;
    uint32_t s = 0, e = 0;
    if (!Trim(u.text, &s, &e) || !IsQqNumber(u, s, e)) return;
    out.Emit(s, e, Category::kImAccount, 0.8f);
  }
};

// ---------------------------------------------------------------------------------
// WeChat IDs: 6-20 characters of [A-Za-z0-9_-] starting with a letter, right after a
// WeChat keyword and an optional separator.

bool IsWechatChar(char c) { return IsAlnum(c) || c == '_' || c == '-'; }

// Length of a WeChat ID at s, or 0.
uint32_t WechatIdAt(const Unit& u, uint32_t s, bool* strong) {
  if (!IsLetter(u.At(s))) return 0;
  uint32_t e = s;
  bool mixed = false;
  while (IsWechatChar(u.At(e)) && e - s <= 20) {
    if (!IsLetter(u.At(e))) mixed = true;
    ++e;
  }
  const uint32_t n = e - s;
  if (n < 6 || n > 20) return 0;
  const char after = u.At(e);
  if (after == '@' || (after == '.' && IsAlnum(u.At(int64_t{e} + 1)))) return 0;  // an address or domain
  *strong = mixed;
  return n;
}

class WechatRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "wechat"; }
  CategorySet categories() const override { return Bit(Category::kImAccount); }
  Interest interest() const override {
    Interest in;
    in.hinted_units = true;
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> k;
    AddKeywords(k, {"微信", "微信号", "wechat", "weixin", "wx", "vx"}, Category::kImAccount, KeywordRole::kTrigger);
    return k;
  }

  void OnKeyword(const Unit& u, const KeywordHit& h, Sink& out) const override {
    const bool ascii = !IsHigh(u.At(h.start));
    uint32_t i = h.end;
    bool separator = false, space = false;
    if (ascii) {
      if (IsLetter(u.At(Prev(h.start))) || IsDigit(u.At(Prev(h.start)))) return;
      // "WeChat ID: ..."
      if (u.At(i) == ' ' && (u.At(int64_t{i} + 1) | 0x20) == 'i' && (u.At(int64_t{i} + 2) | 0x20) == 'd' &&
          !IsAlnum(u.At(int64_t{i} + 3))) {
        i += 3;
      } else if ((u.At(i) | 0x20) == 'i' && (u.At(int64_t{i} + 1) | 0x20) == 'd' && !IsAlnum(u.At(int64_t{i} + 2))) {
        i += 2;
      }
    } else if ((u.At(i) | 0x20) == 'i' && (u.At(int64_t{i} + 1) | 0x20) == 'd' && !IsAlnum(u.At(int64_t{i} + 2))) {
      i += 2;  // 微信ID
    }
    while (u.At(i) == ' ') {
      ++i;
      space = true;
    }
    if (u.At(i) == ':' || u.At(i) == '=') {
      ++i;
      separator = true;
    } else if (Has(u, i, "：") || Has(u, i, "是")) {
      i += 3;
      separator = true;
    }
    while (u.At(i) == ' ') ++i;
    const bool short_word = h.end - h.start == 2;  // "wx", "vx": only with a separator
    if (ascii && (short_word ? !separator : !(separator || space))) return;
    // "wx"/"vx" glued to an identifier ("max_vx = …") are variable names, not labels.
    if (ascii && short_word && (u.At(Prev(h.start)) == '_' || u.At(h.end) == ' ')) return;
    bool strong = false;
    const uint32_t n = WechatIdAt(u, i, &strong);
    if (n == 0) return;
    const float conf = strong ? 0.85f : (ascii ? 0.45f : 0.7f);
    out.Emit(i, i + n, Category::kImAccount, conf);
  }

  void OnUnit(const Unit& u, Sink& out) const override {
    if (!u.Hinted(Category::kImAccount)) return;
    uint32_t s = 0, e = 0;
    if (!Trim(u.text, &s, &e)) return;
    bool strong = false;
    if (WechatIdAt(u, s, &strong) != e - s) return;
    out.Emit(s, e, Category::kImAccount, strong ? 0.8f : 0.7f);
  }
};

}  // namespace

RecognizerList MakeContactRecognizers() {
  RecognizerList list;
  list.push_back(std::make_unique<CnMobileRecognizer>());
  list.push_back(std::make_unique<CnLandlineRecognizer>());
  list.push_back(std::make_unique<IntlPhoneRecognizer>());
  list.push_back(std::make_unique<EmailRecognizer>());
  list.push_back(std::make_unique<QqRecognizer>());
  list.push_back(std::make_unique<WechatRecognizer>());
  return list;
}

}  // namespace custos::detect
