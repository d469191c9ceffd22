// Identity documents: PRC resident ID (GB 11643, and the legacy 15-digit form), Hong
// Kong and Taiwan IDs, US SSN, passports (PRC series, others by label, ICAO MRZ), the
// travel permits of HK/Macau/Taiwan residents and mainland exit-entry permits, and the
// GB 32100 unified social credit code of organisations (reported so it is not taken for
// a personal identifier).
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

std::string_view Gb2260Province();  // embedded data/gb2260/province.csv

namespace {

using namespace text;  // NOLINT: the shared byte and context helpers

uint32_t ParseDigits(std::string_view s) {
  uint32_t v = 0;
  for (char c : s) v = v * 10 + static_cast<uint32_t>(Digit(c));
  return v;
}

// yyyymmdd is a real calendar date.
bool ValidDate(uint32_t ymd) {
  const uint32_t y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
  if (m < 1 || m > 12 || d < 1) return false;
  static constexpr uint8_t kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  if (m == 2 && d == 29) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return true;
}

// Birth date plausible for a living ID holder: real, from 1900, not after the reference date.
bool PlausibleBirthDate(uint32_t ymd, uint32_t as_of) { return ymd >= 19000101 && ymd <= as_of && ValidDate(ymd); }

// GB/T 2260 province-level codes (first two digits of a region code).
const std::array<bool, 100>& Provinces() {
  static const std::array<bool, 100> table = [] {
    std::array<bool, 100> t{};
    std::string_view csv = Gb2260Province();
    size_t pos = 0;
    while (pos < csv.size()) {
      size_t eol = csv.find('\n', pos);
      if (eol == std::string_view::npos) eol = csv.size();
      std::string_view line = csv.substr(pos, eol - pos);
      pos = eol + 1;
      if (line.size() >= 2 && IsDigit(line[0]) && IsDigit(line[1])) {
        t[static_cast<size_t>(Digit(line[0]) * 10 + Digit(line[1]))] = true;
      }
    }
    t[71] = t[81] = t[82] = true;  // Taiwan, Hong Kong, Macau
    return t;
  }();
  return table;
}

bool ProvinceCode(char a, char b) {
  return IsDigit(a) && IsDigit(b) && Provinces()[static_cast<size_t>(Digit(a) * 10 + Digit(b))];
}

// ---- context ----------------------------------------------------------------------

// The token is labelled: a context word for `c` ends at most `max_gap` bytes before it
// with no other token in between ("护照号：X", "Passport No. X"), or a field hint names c.
bool Labelled(const Unit& u, size_t ti, Category c, uint32_t max_gap = 12) {
  if (u.Hinted(c)) return true;
  if (!Contains(u.context_present, c)) return false;  // no context word for c anywhere
  const uint32_t start = u.tokens[ti].start;
  uint32_t prev_end = 0;  // end of the previous token that lies wholly before this one
  for (size_t j = ti; j-- > 0;) {
    if (u.tokens[j].end <= start) {
      prev_end = u.tokens[j].end;
      break;
    }
  }
  for (auto it = FirstHitNear(u, start > max_gap ? start - max_gap : 0); it != u.keywords.end(); ++it) {
    const KeywordHit& h = *it;
    if (h.start >= start) break;
    if (h.end > start || start - h.end > max_gap || h.end < prev_end) continue;
    if (Contains(u.engine->keyword(h.id).context, c) && WordBounded(u, h.start, h.end)) return true;
  }
  return false;
}

Attributes BirthAttributes(uint32_t birth, uint32_t region, char sex, uint32_t as_of) {
  Attributes a;
  a.birth_date = birth;
  a.region = region;
  a.sex = sex;
  a.has_minor_flag = true;
  a.minor_under_14 = as_of < birth + 140000;  // turns 14 on yyyy+14 mm dd
  return a;
}

// ---- cn_resident_id ---------------------------------------------------------------

// GB 11643: 6-digit region, 8-digit birth date, 3-digit sequence (odd = male), MOD 11-2
// check ('X' for 10). The check digit, a real birth date and a province code together
// leave little room for chance; context settles the rest.
class CnResidentId final : public Recognizer {
 public:
  CnResidentId() { Provinces(); }
  std::string_view name() const override { return "cn_resident_id"; }
  CategorySet categories() const override { return Bit(Category::kCnResidentId); }
  Interest interest() const override {
    Interest in;
    in.numeric_lengths = Lengths(18, 18);
    in.alnum_lengths = Lengths(18, 26);  // 17 digits + X, possibly after a glued label ("ID")
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> v;
    const CategorySet c = Bit(Category::kCnResidentId);
    AddKeywords(v,
             {"身份证", "身份證", "证件号", "證件號", "公民身份号码", "身份号码", "居民身份", "id card", "idcard",
              "id_card", "id no", "id number", "idno", "citizen id", "national id", "identity card", "identity no",
              "resident id", "sfz"},
             c);
    AddNumberNegatives(v, c);
    return v;
  }

  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    uint32_t s = t.start;
    const uint32_t e = t.end;
    if (t.kind == TokenKind::kAlnum) {
      const char last = u.text[e - 1];
      if (last != 'X' && last != 'x') return;
      s = e - 18;
      for (uint32_t i = t.start; i < s; ++i) {
        if (!IsLetter(u.text[i])) return;
      }
      if (s - t.start == 1) return;  // a one-letter prefix is not a label
    }
    std::string_view v = u.Slice(s, e);
    if (!ProvinceCode(v[0], v[1]) || !AllDigits(v.substr(0, 17))) return;
    const uint32_t birth = ParseDigits(v.substr(6, 8));
    const uint32_t as_of = u.AsOf();
    if (!PlausibleBirthDate(birth, as_of) || !Mod11_2Valid(v)) return;
    if (t.kind == TokenKind::kNumeric && InDottedNumber(u, s, e)) return;
    const Context ctx = FindContext(u, Category::kCnResidentId, s, e);
    const char sex = Digit(v[16]) % 2 == 1 ? 'M' : 'F';
    out.Emit(s, e, Category::kCnResidentId, Score(ctx, 0.9f, 0.99f, 0.4f),
             BirthAttributes(birth, ParseDigits(v.substr(0, 6)), sex, as_of));
  }
};

// The 15-digit form issued before 1999: region, yymmdd (19yy), 3-digit sequence, no check
// digit. Too weak alone: reported only with context or a field hint.
class CnResidentIdLegacy final : public Recognizer {
 public:
  CnResidentIdLegacy() { Provinces(); }
  std::string_view name() const override { return "cn_resident_id_legacy"; }
  CategorySet categories() const override { return Bit(Category::kCnResidentId); }
  Interest interest() const override {
    Interest in;
    in.numeric_lengths = Lengths(15, 15);
    return in;
  }
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    // Context is required: without a context word for the category in the unit (or a
    // hint) FindContext cannot find one near the token.
    if (!Contains(u.context_present, Category::kCnResidentId) && !u.Hinted(Category::kCnResidentId)) return;
    const Token& t = u.tokens[ti];
    std::string_view v = u.Slice(t.start, t.end);
    if (!ProvinceCode(v[0], v[1])) return;
    const uint32_t birth = 19000000 + ParseDigits(v.substr(6, 6));
    const uint32_t as_of = u.AsOf();
    if (!PlausibleBirthDate(birth, as_of) || InDottedNumber(u, t.start, t.end)) return;
    const Context ctx = FindContext(u, Category::kCnResidentId, t.start, t.end);
    if (!ctx.pos) return;
    const char sex = Digit(v[14]) % 2 == 1 ? 'M' : 'F';
    out.Emit(t.start, t.end, Category::kCnResidentId, ctx.neg ? 0.6f : 0.8f,
             BirthAttributes(birth, ParseDigits(v.substr(0, 6)), sex, as_of));
  }
};

// ---- hk_id ------------------------------------------------------------------------

// 1 or 2 uppercase letters + 6 digits + check ('0'..'9' or 'A'), usually printed with
// the check in parentheses: "A123456(3)" (the span includes them). The compact form
// "A1234563" is an ordinary-looking code, so it needs context.
class HkId final : public Recognizer {
 public:
  std::string_view name() const override { return "hk_id"; }
  CategorySet categories() const override { return Bit(Category::kHkId); }
  Interest interest() const override {
    Interest in;
    in.alnum_lengths = Lengths(7, 9);
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> v;
    const CategorySet c = Bit(Category::kHkId);
    AddKeywords(v, {"香港身份证", "香港身份證", "身份證", "hkid", "hk id", "hkic", "hong kong id", "hong kong identity"}, c);
    AddNumberNegatives(v, c);
    return v;
  }
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    std::string_view v = u.Slice(t.start, t.end);
    if (!IsUpper(v[0])) return;
    const size_t letters = IsUpper(v[1]) ? 2 : 1;
    if (v.size() < letters + 6 || !AllDigits(v.substr(letters, 6))) return;
    char body[8];
    for (size_t i = 0; i < letters + 6; ++i) body[i] = v[i];
    const std::string_view body_view(body, letters + 6);
    if (v.size() == letters + 6) {
      // "A123456(3)" or "A123456 (3)"
      uint32_t p = t.end;
      if (u.At(p) == ' ') ++p;
      const char check = u.At(int64_t{p} + 1);
      if (u.At(p) != '(' || u.At(int64_t{p} + 2) != ')' || !(IsDigit(check) || check == 'A')) return;
      if (HkidCheckChar(body_view) != check) return;
      const uint32_t end = p + 3;
      const Context ctx = FindContext(u, Category::kHkId, t.start, end);
      out.Emit(t.start, end, Category::kHkId, Score(ctx, 0.85f, 0.97f, 0.6f));
    } else if (v.size() == letters + 7) {
      const char check = v.back();
      if (!(IsDigit(check) || check == 'A') || HkidCheckChar(body_view) != check) return;
      const Context ctx = FindContext(u, Category::kHkId, t.start, t.end);
      out.Emit(t.start, t.end, Category::kHkId, Score(ctx, 0.4f, 0.9f, 0.2f));
    }
  }
};

// ---- tw_id ------------------------------------------------------------------------

// Letter + 1 (male) or 2 (female) + 8 digits, the last a check digit.
class TwId final : public Recognizer {
 public:
  std::string_view name() const override { return "tw_id"; }
  CategorySet categories() const override { return Bit(Category::kTwId); }
  Interest interest() const override {
    Interest in;
    in.alnum_lengths = Lengths(10, 10);
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> v;
    const CategorySet c = Bit(Category::kTwId);
    AddKeywords(v, {"身分證", "身分证", "身份證", "統一編號", "国民身分", "國民身分", "台湾身份证", "臺灣", "台湾", "台灣",
                 "taiwan id", "taiwan", "roc id", "national id"},
             c);
    AddNumberNegatives(v, c);
    return v;
  }
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    std::string_view v = u.Slice(t.start, t.end);
    if (!IsUpper(v[0]) || (v[1] != '1' && v[1] != '2') || !AllDigits(v.substr(2)) || !TwIdValid(v)) return;
    const Context ctx = FindContext(u, Category::kTwId, t.start, t.end);
    Attributes a;
    a.sex = v[1] == '1' ? 'M' : 'F';
    out.Emit(t.start, t.end, Category::kTwId, Score(ctx, 0.6f, 0.95f, 0.3f), a);
  }
};

// ---- us_ssn -----------------------------------------------------------------------

// Area-group-serial with the SSA's validity rules: area not 000, 666 or 900-999, group
// not 00, serial not 0000, and not the two numbers famously misused in advertising.
bool SsnValid(uint32_t area, uint32_t group, uint32_t serial) {
  if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) return false;
  if ((area == 78 && group == 5 && serial == 1120) || (area == 219 && group == 9 && serial == 9999)) return false;
  return true;
}

// "AAA-GG-SSSS" alone; "AAA GG SSSS" and plain 9 digits only with context.
class UsSsn final : public Recognizer {
 public:
  std::string_view name() const override { return "us_ssn"; }
  CategorySet categories() const override { return Bit(Category::kUsSsn); }
  Interest interest() const override {
    Interest in;
    in.rules = {{TokenKind::kNumeric, Lengths(3, 3), {}, {}, ByteSet::Of("- ")}, {TokenKind::kNumeric, Lengths(9, 9)}};
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> v;
    const CategorySet c = Bit(Category::kUsSsn);
    AddKeywords(v, {"ssn", "social security", "soc sec", "ss#", "ss no", "社会安全号", "社會安全號", "社安号"}, c);
    AddNumberNegatives(v, c);
    return v;
  }
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    if (t.size() == 3) {
      const char sep = u.At(t.end);
      if (sep != '-' && sep != ' ') return;
      const int64_t p = t.end;
      if (!IsDigit(u.At(p + 1)) || !IsDigit(u.At(p + 2)) || u.At(p + 3) != sep) return;
      for (int64_t i = p + 4; i < p + 8; ++i) {
        if (!IsDigit(u.At(i))) return;
      }
      const char after = u.At(p + 8);
      if (IsAlnum(after) || ((after == sep || after == '-' || after == '.') && IsDigit(u.At(p + 9)))) return;
      const char before = u.At(int64_t{t.start} - 1), before2 = u.At(int64_t{t.start} - 2);
      if (((before == '-' || before == '.') && IsAlnum(before2)) || (before == ' ' && IsDigit(before2))) return;
      const uint32_t end = t.end + 8;
      std::string_view v = u.Slice(t.start, end);
      if (!SsnValid(ParseDigits(v.substr(0, 3)), ParseDigits(v.substr(4, 2)), ParseDigits(v.substr(7, 4)))) return;
      const Context ctx = FindContext(u, Category::kUsSsn, t.start, end);
      if (sep == '-') {
        out.Emit(t.start, end, Category::kUsSsn, Score(ctx, 0.75f, 0.95f, 0.3f));
      } else if (ctx.pos && !ctx.neg) {
        out.Emit(t.start, end, Category::kUsSsn, 0.8f);
      }
      return;
    }
    // Plain 9 digits, only with context: none without a context word in the unit.
    if (!Contains(u.context_present, Category::kUsSsn) && !u.Hinted(Category::kUsSsn)) return;
    std::string_view v = u.Slice(t.start, t.end);
    if (!SsnValid(ParseDigits(v.substr(0, 3)), ParseDigits(v.substr(3, 2)), ParseDigits(v.substr(5, 4)))) return;
    if (InDottedNumber(u, t.start, t.end)) return;
    const Context ctx = FindContext(u, Category::kUsSsn, t.start, t.end);
    if (!ctx.pos) return;
    out.Emit(t.start, t.end, Category::kUsSsn, ctx.neg ? 0.5f : 0.75f);
  }
};

// ---- passport_number --------------------------------------------------------------

// PRC ordinary passports: E + 8 digits, E + letter (not I/O) + 7 digits, older G + 8 digits.
bool PrcPassport(std::string_view v) {
  if (v.size() != 9) return false;
  if (v[0] == 'G') return AllDigits(v.substr(1));
  if (v[0] != 'E') return false;
  if (IsDigit(v[1])) return AllDigits(v.substr(2));
  return IsUpper(v[1]) && v[1] != 'I' && v[1] != 'O' && AllDigits(v.substr(2));
}

constexpr bool IsMrzChar(char c) { return IsDigit(c) || IsUpper(c) || c == '<'; }

// PRC series (moderate alone, confident with context); any other 6-9 character number
// only right after a passport label; the document number of an ICAO 9303 TD3 MRZ line 2
// ("E123456784CHN8001014M2501017<<<<<<<<<<<<<<04"), checked by its three check digits.
class PassportNumber final : public Recognizer {
 public:
  std::string_view name() const override { return "passport_number"; }
  CategorySet categories() const override { return Bit(Category::kPassportNumber); }
  Interest interest() const override {
    Interest in;
    in.numeric_lengths = Lengths(6, 9);
    in.alnum_lengths = Lengths(6, 9) | Lengths(28, 44);
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> v;
    const CategorySet c = Bit(Category::kPassportNumber);
    AddKeywords(v, {"护照", "護照", "护照号", "护照号码", "護照號碼", "passport", "passport no", "passport number",
                 "passport #", "passport#", "passportno", "pass no"},
             c);
    AddNumberNegatives(v, c);
    return v;
  }
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    if (t.size() >= 28) {
      Mrz(u, t, out);
      return;
    }
    std::string_view v = u.Slice(t.start, t.end);
    if (t.kind == TokenKind::kAlnum && PrcPassport(v)) {
      const Context ctx = FindContext(u, Category::kPassportNumber, t.start, t.end);
      // "E" + letter + 7 digits is also a European patent number (EP0482154): without
      // a passport word it stays below the default threshold; "E"/"G" + 8 digits does not.
      const bool letter_series = v[1] >= 'A' && v[1] <= 'Z';
      out.Emit(t.start, t.end, Category::kPassportNumber, Score(ctx, letter_series ? 0.45f : 0.55f, 0.95f, 0.3f));
      return;
    }
    // Other numbers only right after a passport word (Labelled), so not at all in a unit
    // without one.
    if (!Contains(u.context_present, Category::kPassportNumber) && !u.Hinted(Category::kPassportNumber)) return;
    if (t.kind != TokenKind::kNumeric) {
      for (char c : v) {
        if (IsLower(c)) return;
      }
    }
    if (InDottedNumber(u, t.start, t.end) || !Labelled(u, ti, Category::kPassportNumber)) return;
    out.Emit(t.start, t.end, Category::kPassportNumber, 0.75f);
  }

 private:
  static void Mrz(const Unit& u, const Token& t, Sink& out) {
    const uint32_t s = t.start;
    if (uint64_t{s} + 44 > u.text.size() || IsMrzChar(u.At(int64_t{s} - 1)) || IsMrzChar(u.At(int64_t{s} + 44))) return;
    std::string_view line = u.text.substr(s, 44);
    for (char c : line) {
      if (!IsMrzChar(c)) return;
    }
    const char sex = line[20];
    if (sex != 'M' && sex != 'F' && sex != '<') return;
    if (Icao9303CheckChar(line.substr(0, 9)) != line[9] || Icao9303CheckChar(line.substr(13, 6)) != line[19] ||
        Icao9303CheckChar(line.substr(21, 6)) != line[27]) {
      return;
    }
    uint32_t n = 9;
    while (n > 0 && line[n - 1] == '<') --n;
    if (n < 5) return;
    out.Emit(s, s + n, Category::kPassportNumber, 0.95f);
  }
};

// ---- travel_permit ----------------------------------------------------------------

// Mainland travel permit for HK/Macau residents (回乡证): H/M + 8 digits, formerly
// + 10 digits; exit-entry permit to HK/Macau: C + 8 digits or letters; to Taiwan: L + 8
// digits; Taiwan residents' permit (台胞证): 8 digits (formerly 10). All of these look
// like ordinary codes, so they are reported only with context, and the bare digit forms
// only right after a permit label.
class TravelPermit final : public Recognizer {
 public:
  std::string_view name() const override { return "travel_permit"; }
  CategorySet categories() const override { return Bit(Category::kTravelPermit); }
  Interest interest() const override {
    Interest in;
    in.alnum_lengths = Lengths(9, 9) | Lengths(11, 11);
    in.numeric_lengths = Lengths(8, 8) | Lengths(10, 10);
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> v;
    const CategorySet c = Bit(Category::kTravelPermit);
    AddKeywords(v, {"通行证", "通行證", "回乡证", "回鄉證", "台胞证", "台胞證", "来往内地", "來往內地", "来往大陆", "來往大陸",
                 "往来港澳", "往來港澳", "往来台湾", "往來台灣", "港澳通行", "permit", "exit-entry", "exit entry",
                 "home return", "home-return", "mtp"},
             c);
    AddNumberNegatives(v, c);
    return v;
  }
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    // Every form needs a permit word (or a hint): none in the unit, nothing to find.
    if (!Contains(u.context_present, Category::kTravelPermit) && !u.Hinted(Category::kTravelPermit)) return;
    std::string_view v = u.Slice(t.start, t.end);
    if (t.kind == TokenKind::kNumeric) {
      if (InDottedNumber(u, t.start, t.end) || !Labelled(u, ti, Category::kTravelPermit)) return;
      out.Emit(t.start, t.end, Category::kTravelPermit, 0.8f);
      return;
    }
    bool shape = false;
    switch (v[0]) {
      case 'H':
      case 'M': shape = AllDigits(v.substr(1)); break;
      case 'L': shape = v.size() == 9 && AllDigits(v.substr(1)); break;
      case 'C':
        shape = v.size() == 9;
        for (size_t i = 1; shape && i < 9; ++i) shape = IsDigit(v[i]) || IsUpper(v[i]);
        break;
      default: return;
    }
    if (!shape) return;
    const Context ctx = FindContext(u, Category::kTravelPermit, t.start, t.end);
    if (!ctx.pos) return;
    out.Emit(t.start, t.end, Category::kTravelPermit, ctx.neg ? 0.6f : 0.9f);
  }
};

// ---- org_credit_code --------------------------------------------------------------

// GB 32100: registration authority (1-9, A, N, Y), organisation type, 6-digit region code,
// 9-char organisation code, check char over the 31-char alphabet. Not personal: reported
// so that it is not mistaken for a personal identifier.
class OrgCreditCode final : public Recognizer {
 public:
  OrgCreditCode() { Provinces(); }
  std::string_view name() const override { return "org_credit_code"; }
  CategorySet categories() const override { return Bit(Category::kOrgCreditCode); }
  Interest interest() const override {
    Interest in;
    in.numeric_lengths = Lengths(18, 18);
    in.alnum_lengths = Lengths(18, 18);
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> v;
    AddKeywords(v, {"统一社会信用代码", "統一社會信用代碼", "信用代码", "社会信用代码", "纳税人识别号", "税号", "uscc",
                 "credit code", "unified social credit"},
             Bit(Category::kOrgCreditCode));
    return v;
  }
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    std::string_view v = u.Slice(t.start, t.end);
    const char a = v[0];
    if (!((a >= '1' && a <= '9') || a == 'A' || a == 'N' || a == 'Y')) return;
    if (v[1] < '1' || v[1] > '9' || !AllDigits(v.substr(2, 6))) return;
    if (!ProvinceCode(v[2], v[3]) && !(v[2] == '1' && v[3] == '0')) return;  // 10xxxx: central level
    if (!UsccValid(v)) return;
    const Context ctx = FindContext(u, Category::kOrgCreditCode, t.start, t.end);
    // An all-digit code shaped like a resident ID is far more likely a mistyped ID.
    if (ResidentIdShaped(v) && !ctx.pos) return;
    out.Emit(t.start, t.end, Category::kOrgCreditCode, ctx.pos ? 0.97f : 0.85f);
  }
};

}  // namespace

RecognizerList MakeIdentityRecognizers() {
  RecognizerList v;
  v.push_back(std::make_unique<CnResidentId>());
  v.push_back(std::make_unique<CnResidentIdLegacy>());
  v.push_back(std::make_unique<HkId>());
  v.push_back(std::make_unique<TwId>());
  v.push_back(std::make_unique<UsSsn>());
  v.push_back(std::make_unique<PassportNumber>());
  v.push_back(std::make_unique<TravelPermit>());
  v.push_back(std::make_unique<OrgCreditCode>());
  return v;
}

}  // namespace custos::detect
