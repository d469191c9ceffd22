// Financial and device numbers: payment cards (Luhn + issuer prefix, whole or in
// groups), bank accounts (context only), IBANs (ISO 13616, mod 97), IMEIs (Luhn +
// context) and VINs (ISO 3779 check digit).
//
// Every recognizer rejects on the first byte or two before any other work, and none
// allocates while scanning.
#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "custos/detect/checksums.h"
#include "custos/detect/engine.h"
#include "custos/detect/recognizers/groups.h"
#include "custos/detect/recognizers/text.h"

namespace custos::detect {

namespace {

using namespace text;  // NOLINT: the shared byte and context helpers

// Bank-specific words for bank_account; the others ("账号", "account no") also label
// logins and user IDs.
bool StrongAccountWord(std::string_view kw) {
  for (std::string_view w : {"银行账号", "银行账户", "银行帐号", "开户行", "开户银行", "开户账号", "对公账户", "收款账号",
                             "收款账户", "付款账号", "银行", "bank account", "beneficiary account"}) {
    if (kw == w) return true;
  }
  return false;
}

// Context for bank_account; *strong says whether a supporting word names a bank.
Context AccountContext(const Unit& u, uint32_t start, uint32_t end, bool* strong) {
  *strong = false;
  return FindContext(u, Category::kBankAccount, start, end, [&](const KeywordEntry& k, bool positive) {
    if (positive && StrongAccountWord(k.text)) *strong = true;
  });
}

// ---- grouped numbers --------------------------------------------------------------

// A number written in groups split by one ' ' or one '-' (the same throughout),
// "6222 0212 3456 7890 123" or "4111-1111-1111-1111", starting at token t. Fails when t
// is not followed by a separator and a digit, when t is not the first group, or when a
// later group or the total falls outside the limits.
struct Grouped {
  char digits[32];
  uint32_t size = 0;
  uint32_t end = 0;
  std::string_view view() const { return {digits, size}; }
};

bool JoinGroups(const Unit& u, const Token& t, uint32_t min_group, uint32_t max_group, uint32_t max_total,
                Grouped& g) {
  const char sep = u.At(t.end);
  if ((sep != ' ' && sep != '-') || !IsDigit(u.At(int64_t{t.end} + 1))) return false;
  const char before = u.At(int64_t{t.start} - 1);
  if ((before == ' ' || before == '-' || before == '.') && IsDigit(u.At(int64_t{t.start} - 2))) return false;
  if (t.size() > max_total || max_total > sizeof(g.digits)) return false;
  g.size = 0;
  for (uint32_t i = t.start; i < t.end; ++i) g.digits[g.size++] = u.text[i];
  uint32_t p = t.end;
  while (u.At(p) == sep && IsDigit(u.At(int64_t{p} + 1))) {
    uint32_t q = p + 1;
    while (IsDigit(u.At(q))) ++q;
    const uint32_t len = q - p - 1;
    if (len < min_group || len > max_group || g.size + len > max_total) return false;
    for (uint32_t i = p + 1; i < q; ++i) g.digits[g.size++] = u.text[i];
    p = q;
  }
  if (IsLetter(u.At(p)) || (u.At(p) == '.' && IsDigit(u.At(int64_t{p} + 1)))) return false;
  g.end = p;
  return true;
}

// ---- bank_card_number -------------------------------------------------------------

uint32_t Prefix(std::string_view d, size_t n) {
  uint32_t v = 0;
  for (size_t i = 0; i < n && i < d.size(); ++i) v = v * 10 + static_cast<uint32_t>(Digit(d[i]));
  return v;
}

// Issuer identification number ranges with their card lengths. d holds at least 13
// digits (IsCard checks first), so the prefixes are read directly.
bool IssuerFits(std::string_view d) {
  const size_t n = d.size();
  const auto p2 = static_cast<uint32_t>(Digit(d[0]) * 10 + Digit(d[1]));
  const uint32_t p3 = p2 * 10 + static_cast<uint32_t>(Digit(d[2]));
  const uint32_t p4 = p3 * 10 + static_cast<uint32_t>(Digit(d[3]));
  switch (d[0]) {
    case '4': return n == 13 || n == 16 || n == 19;                                        // Visa
    case '5': return p2 >= 51 && p2 <= 55 && n == 16;                                      // Mastercard
    case '2': return p4 >= 2221 && p4 <= 2720 && n == 16;                                  // Mastercard 2-series
    case '3':
      if (p2 == 34 || p2 == 37) return n == 15;                                            // Amex
      if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19;                             // JCB
      return (p2 == 36 || p2 == 38 || (p3 >= 300 && p3 <= 305)) && n >= 14 && n <= 19;    // Diners
    case '6':
      return (p2 == 62 || p2 == 65 || p4 == 6011 || (p3 >= 644 && p3 <= 649)) && n >= 16 && n <= 19;  // UnionPay, Discover
    case '8': return p2 == 81 && n >= 16 && n <= 19;                                       // UnionPay 81
    default: return false;
  }
}

bool IsCard(std::string_view d) { return d.size() >= 13 && d.size() <= 19 && IssuerFits(d) && LuhnValid(d); }

constexpr bool CardFirstDigit(char c) {
  return c == '2' || c == '3' || c == '4' || c == '5' || c == '6' || c == '8';
}

// 13-19 digits with an issuer prefix of the right length and a Luhn check digit; whole
// or in groups (one finding spanning the groups, made from the first).
class BankCard final : public Recognizer {
 public:
  std::string_view name() const override { return "bank_card_luhn"; }
  CategorySet categories() const override { return Bit(Category::kBankCardNumber); }
  Interest interest() const override {
    Interest in;
    const ByteSet issuer = ByteSet::Of("234568");  // CardFirstDigit
    in.rules = {{TokenKind::kNumeric, Lengths(4, 6), issuer, {}, ByteSet::Of(" -")},
                {TokenKind::kNumeric, Lengths(13, 19), issuer}};
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> v;
    const CategorySet c = Bit(Category::kBankCardNumber);
    AddKeywords(v, {"卡号", "卡號", "银行卡", "銀行卡", "信用卡", "借记卡", "储蓄卡", "银联", "card", "card no", "card number",
                 "cardno", "card#", "credit card", "debit card", "visa", "mastercard", "amex", "unionpay"},
             c);
    AddNumberNegatives(v, c);
    return v;
  }
  // Fast rejection inline; the rest out of line keeps this call cheap for the many
  // short groups that are not followed by another one.
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    if (!CardFirstDigit(u.text[t.start])) return;
    // A first group: the next group has at least three digits, so not a date ("2024-08-17").
    if (t.size() <= 6 && (!IsDigit(u.At(int64_t{t.end} + 3)) || !IsDigit(u.At(int64_t{t.end} + 2)) ||
                          !IsDigit(u.At(int64_t{t.end} + 1)))) {
      return;
    }
    Slow(u, t, out);
  }

  [[gnu::noinline]] void Slow(const Unit& u, const Token& t, Sink& out) const {
    Grouped g;
    uint32_t end = t.end;
    std::string_view d;
    const bool grouped = t.size() <= 6;
    if (grouped) {
      if (!JoinGroups(u, t, 3, 6, 19, g)) return;
      d = g.view();
      end = g.end;
    } else {
      d = u.Slice(t.start, t.end);
      if (InDottedNumber(u, t.start, t.end)) return;
    }
    if (!IsCard(d)) return;
    const Context ctx = FindContext(u, Category::kBankCardNumber, t.start, end);
    // 18 digits shaped like a resident ID (with a wrong check digit) are a mistyped ID,
    // not a card, unless card words say otherwise.
    if (!grouped && ResidentIdShaped(d) && !ctx.pos) return;
    // A run of digits that ends a URL path segment or a hyphenated name ("testcase-detail/
    // 5390364397928448", "fuzzer-5390364397928448") is an identifier; one in ten such
    // random 16-digit numbers with an issuer's prefix passes Luhn. Only card words keep it.
    if (!grouped && !ctx.pos && IdentifierTail(u, t.start)) return;
    float conf = Score(ctx, grouped ? 0.85f : 0.75f, 0.95f, 0.3f);
    if (ctx.pos && ctx.neg) conf = 0.7f;
    out.Emit(t.start, end, Category::kBankCardNumber, conf);
  }
};

// ---- bank_account -----------------------------------------------------------------

// yyyymmdd from 1900 to 2099 ("开户日期 20230105" is not an account).
bool LooksLikeDate(std::string_view d) {
  if (d.size() != 8 && d.size() != 14) return false;
  const uint32_t y = Prefix(d, 4), m = Prefix(d.substr(4), 2), day = Prefix(d.substr(6), 2);
  return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

// 8-30 digits (whole or grouped) that are not a payment card, only with context: a
// bank word ("开户行", "银行账号", "bank account") or a field hint is enough (strongest
// from 10 digits); a generic one ("账号", "account no", which also label logins and
// user IDs) only for 12 digits or more.
class BankAccount final : public Recognizer {
 public:
  std::string_view name() const override { return "bank_account"; }
  CategorySet categories() const override { return Bit(Category::kBankAccount); }
  Interest interest() const override {
    Interest in;
    in.rules = {{TokenKind::kNumeric, Lengths(3, 7), {}, {}, ByteSet::Of(" -")}, {TokenKind::kNumeric, Lengths(8, 30)}};
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> v;
    const CategorySet c = Bit(Category::kBankAccount);
    AddKeywords(v, {"银行账号", "银行账户", "银行帐号", "开户行", "开户银行", "开户账号", "对公账户", "收款账号", "收款账户",
                 "付款账号", "银行", "bank account", "beneficiary account", "账号", "帳號", "帐号", "账户", "帐户",
                 "帳戶", "account no", "account number", "acct", "a/c"},
             c);
    AddNumberNegatives(v, c);
    return v;
  }
  // Most units have no account context: that test inline, the rest out of line, so
  // that the many numbers of such units cost no more than the call.
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    if (!Contains(u.context_present, Category::kBankAccount) && !u.Hinted(Category::kBankAccount)) return;
    Slow(u, u.tokens[ti], out);
  }

  [[gnu::noinline]] void Slow(const Unit& u, const Token& t, Sink& out) const {
    const char next = u.At(t.end);
    const char before = u.At(int64_t{t.start} - 1);
    if ((before == ' ' || before == '-') && IsDigit(u.At(int64_t{t.start} - 2))) return;  // a later group
    Grouped g;
    uint32_t end = t.end;
    std::string_view d;
    if ((next == ' ' || next == '-') && t.size() <= 8 && JoinGroups(u, t, 2, 8, 30, g) && g.size >= 8) {
      d = g.view();
      end = g.end;
    } else {
      if (t.size() < 8) return;
      d = u.Slice(t.start, t.end);
    }
    if (InDottedNumber(u, t.start, end) || IsCard(d) || LooksLikeDate(d)) return;
    bool strong = false;
    const Context ctx = AccountContext(u, t.start, end, &strong);
    if (!ctx.pos) return;
    float conf;
    if (strong) {
      conf = d.size() >= 10 ? 0.8f : 0.55f;
    } else if (u.Hinted(Category::kBankAccount)) {
      conf = 0.7f;
    } else {
      conf = d.size() >= 12 ? 0.6f : 0.45f;
    }
    if (ctx.neg && !strong) conf = 0.3f;
    out.Emit(t.start, end, Category::kBankAccount, conf);
  }
};

// ---- iban -------------------------------------------------------------------------

// IBAN lengths by country, from the SWIFT IBAN registry.
struct IbanCountry {
  char cc[3];
  uint8_t length;
};
constexpr IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22}, {"BH", 22},
    {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27},
    {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27},
    {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22},
    {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32},
    {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19},
    {"MN", 20}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23},
    {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
};

constexpr std::array<uint8_t, 26 * 26> MakeIbanLengths() {
  std::array<uint8_t, 26 * 26> t{};
  for (const IbanCountry& c : kIbanCountries) {
    t[static_cast<size_t>((c.cc[0] - 'A') * 26 + (c.cc[1] - 'A'))] = c.length;
  }
  return t;
}
constexpr std::array<uint8_t, 26 * 26> kIbanLengths = MakeIbanLengths();

// Country code of a registry country + 2 check digits + BBAN of that country's length,
// compact or printed in groups of 4 split by single spaces; mod 97 must hold.
class Iban final : public Recognizer {
 public:
  std::string_view name() const override { return "iban"; }
  CategorySet categories() const override { return Bit(Category::kIban); }
  Interest interest() const override {
    Interest in;
    in.rules = {{TokenKind::kAlnum, Lengths(4, 4) | Lengths(15, 34), ByteSet::Range('A', 'Z') | ByteSet::Range('a', 'z')}};
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> v;
    AddKeywords(v, {"iban", "国际银行账号", "international bank account"}, Bit(Category::kIban));
    return v;
  }
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    std::string_view v = u.Slice(t.start, t.end);
    if (!IsUpper(v[0]) || !IsUpper(v[1]) || !IsDigit(v[2]) || !IsDigit(v[3])) return;
    const uint32_t len = kIbanLengths[static_cast<size_t>((v[0] - 'A') * 26 + (v[1] - 'A'))];
    if (len == 0) return;
    char buf[34];
    uint32_t n = 0;
    uint32_t end = t.end;
    if (t.size() == 4) {
      for (char c : v) buf[n++] = c;
      uint32_t p = t.end;
      while (n < len) {
        if (u.At(p) != ' ') return;
        const uint32_t want = len - n < 4 ? len - n : 4;
        for (uint32_t i = 1; i <= want; ++i) {
          const char c = u.At(int64_t{p} + i);
          if (!IsDigit(c) && !IsUpper(c)) return;
          buf[n++] = c;
        }
        p += want + 1;
        if (IsDigit(u.At(p)) || IsLetter(u.At(p))) return;  // a group longer than its share
      }
      end = p;
    } else {
      if (t.size() != len) return;
      for (char c : v) {
        if (IsLower(c)) return;
        buf[n++] = c;
      }
    }
    std::string_view iban(buf, n);
    const uint32_t check = static_cast<uint32_t>(Digit(iban[2]) * 10 + Digit(iban[3]));
    if (check < 2 || check > 98 || !IbanValid(iban)) return;
    const Context ctx = FindContext(u, Category::kIban, t.start, end);
    out.Emit(t.start, end, Category::kIban, ctx.pos ? 0.97f : 0.85f);
  }
};

// ---- imei -------------------------------------------------------------------------

// 15 Luhn-valid digits. Without context it is only a weak guess (any Luhn-valid
// 15-digit number), below the default threshold.
class Imei final : public Recognizer {
 public:
  std::string_view name() const override { return "imei"; }
  CategorySet categories() const override { return Bit(Category::kImei); }
  Interest interest() const override {
    Interest in;
    in.numeric_lengths = Lengths(15, 15);
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> v;
    const CategorySet c = Bit(Category::kImei);
    AddKeywords(v, {"imei", "meid", "设备号", "設備號", "串号", "串號", "设备识别码", "移动设备识别码", "国际移动设备"}, c);
    AddNumberNegatives(v, c);
    return v;
  }
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    std::string_view d = u.Slice(t.start, t.end);
    if (!LuhnValid(d) || InDottedNumber(u, t.start, t.end)) return;
    const Context ctx = FindContext(u, Category::kImei, t.start, t.end);
    float conf = Score(ctx, 0.3f, 0.85f, 0.1f);
    if (ctx.pos && ctx.neg) conf = 0.6f;
    out.Emit(t.start, t.end, Category::kImei, conf);
  }
};

// ---- vin --------------------------------------------------------------------------

// 17 characters without I, O, Q, the last four digits (ISO 3779). A valid check digit
// (position 9) is enough; many non-North-American VINs do not use it, so a wrong one is
// accepted only with context. Lowercase only with context.
class Vin final : public Recognizer {
 public:
  std::string_view name() const override { return "vin"; }
  CategorySet categories() const override { return Bit(Category::kVin); }
  Interest interest() const override {
    Interest in;
    in.alnum_lengths = Lengths(17, 17);
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> v;
    const CategorySet c = Bit(Category::kVin);
    AddKeywords(v, {"vin", "vin码", "vin号", "车架号", "車架號", "车辆识别代号", "车辆识别代码", "车辆识别码", "车辆识别号",
                 "車輛識別", "vehicle identification", "chassis no", "chassis number", "frame no"},
             c);
    AddNumberNegatives(v, c);
    return v;
  }
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    std::string_view v = u.Slice(t.start, t.end);
    if (v[0] == '0' || !AllDigits(v.substr(13))) return;
    bool lower = false, upper = false;
    for (char c : v) {
      const char up = IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c;
      if (up == 'I' || up == 'O' || up == 'Q') return;
      lower |= IsLower(c);
      upper |= IsUpper(c);
    }
    if (lower && upper) return;
    const bool valid = VinValid(v);
    const Context ctx = FindContext(u, Category::kVin, t.start, t.end);
    if (lower && !ctx.pos) return;
    float conf;
    if (valid) {
      conf = Score(ctx, 0.8f, 0.97f, 0.4f);
    } else {
      if (!ctx.pos) return;
      conf = ctx.neg ? 0.5f : 0.7f;
    }
    out.Emit(t.start, t.end, Category::kVin, conf);
  }
};

}  // namespace

RecognizerList MakeFinancialRecognizers() {
  RecognizerList v;
  v.push_back(std::make_unique<BankCard>());
  v.push_back(std::make_unique<BankAccount>());
  v.push_back(std::make_unique<Iban>());
  v.push_back(std::make_unique<Imei>());
  v.push_back(std::make_unique<Vin>());
  return v;
}

}  // namespace custos::detect
