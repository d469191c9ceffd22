// Contact recognizers besides phones (phone.cc): e-mail addresses, and instant-messaging
// accounts (QQ numbers, WeChat IDs), which need context.
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "custos/detect/engine.h"
#include "custos/detect/recognizers/groups.h"
#include "custos/detect/recognizers/text.h"

namespace custos::detect {

namespace {

using namespace text;  // NOLINT: the shared byte, UTF-8 and context helpers

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
    out.Emit(s, e, Category::kEmailAddress, ScoreNearest(u, Category::kEmailAddress, s, e, 0.9f, 0.97f, 0.9f));
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
  list.push_back(std::make_unique<EmailRecognizer>());
  list.push_back(std::make_unique<QqRecognizer>());
  list.push_back(std::make_unique<WechatRecognizer>());
  return list;
}

}  // namespace custos::detect
