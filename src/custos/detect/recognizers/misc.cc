// Miscellaneous recognizers: geographic coordinates, PRC licence plates, dates of birth
// (only with birth context), credentials and secrets, health information.
#include <algorithm>
#include <cstring>
#include <string_view>

#include "custos/detect/engine.h"
#include "custos/detect/recognizers/groups.h"
#include "custos/detect/recognizers/text.h"

namespace custos::detect {

namespace {

// ---------------------------------------------------------------------------------
// Bytes and context.

using namespace text;  // NOLINT: the shared byte, UTF-8 and context helpers
using Ctx = Nearest;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
uint32_t DigitValue(char c) { return static_cast<uint32_t>(c - '0'); }

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (Lower(s[i]) != lower[i]) return false;
  }
  return true;
}

bool InList(std::string_view s, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list) {
    if (s == w) return true;
  }
  return false;
}

bool Trim(std::string_view text, uint32_t* s, uint32_t* e) {
  uint32_t a = 0, b = static_cast<uint32_t>(text.size());
  while (a < b && IsSpace(text[a])) ++a;
  while (b > a && IsSpace(text[b - 1])) --b;
  *s = a;
  *e = b;
  return b > a;
}

// Backs e up so that [s, e) does not end inside a UTF-8 sequence.
uint32_t Utf8Floor(const Unit& u, uint32_t s, uint32_t e) {
  uint32_t i = e;
  while (i > s && (static_cast<unsigned char>(u.text[i - 1]) & 0xC0) == 0x80) --i;
  if (i > s) {
    const auto lead = static_cast<unsigned char>(u.text[i - 1]);
    const uint32_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (e - (i - 1) >= need) return e;
    return i - 1;
  }
  return e;
}

// ---------------------------------------------------------------------------------
// Geographic coordinates: "39.9042, 116.4074" (both orders), >= 4 fractional digits;
// a single decimal only right after a lat/lng word or in a hinted field.

struct Decimal {
  uint32_t start = 0;  // including a sign
  uint32_t end = 0;
  double value = 0;
};

// A decimal whose integer part (1-3 digits) starts at i.
bool ParseDecimal(const Unit& u, uint32_t i, Decimal* d) {
  uint32_t s = i;
  const char sign = u.At(Prev(i));
  if (sign == '-' || sign == '+') s = i - 1;
  uint32_t e = i, whole = 0;
  while (IsDigit(u.At(e)) && e - i < 4) whole = whole * 10 + DigitValue(u.At(e++));
  const uint32_t n = e - i;
  if (n == 0 || n > 3 || (n > 1 && u.At(i) == '0') || u.At(e) != '.') return false;
  const uint32_t fs = ++e;
  double frac = 0, scale = 1;
  while (IsDigit(u.At(e)) && e - fs < 16) {
    frac = frac * 10 + DigitValue(u.At(e++));
    scale *= 10;
  }
  const uint32_t nf = e - fs;
  if (nf < 4 || nf > 15) return false;
  const char after = u.At(e);
  if (IsAlnum(after) || (after == '.' && IsAlnum(u.At(int64_t{e} + 1)))) return false;
  d->start = s;
  d->end = e;
  d->value = (whole + frac / scale) * (sign == '-' ? -1 : 1);
  return true;
}

double Abs(double v) { return v < 0 ? -v : v; }

class GeoRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "geo_coordinates"; }
  CategorySet categories() const override { return Bit(Category::kGeoCoordinates); }
  Interest interest() const override {
    Interest in;
    in.rules = {{TokenKind::kNumeric, Lengths(1, 3), {}, {}, ByteSet::Of(".")}};
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> k;
    AddKeywords(k,
                {"坐标", "经纬度", "纬度", "经度", "定位", "位置", "lat", "lng", "lon", "latitude", "longitude",
                 "location", "gps", "coordinates", "coords", "geo", "position"},
                Category::kGeoCoordinates, KeywordRole::kContext);
    AddKeywords(k, {"version", "ver", "版本", "price", "价格", "金额", "amount", "score", "ratio"},
                Category::kGeoCoordinates, KeywordRole::kNegative);
    return k;
  }

  // Fast rejection inline; the rest out of line keeps this call cheap for the many
  // tokens that are not candidates.
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    // At least four fractional digits.
    if (u.At(t.end) != '.' || !IsDigit(u.At(int64_t{t.end} + 1)) || !IsDigit(u.At(int64_t{t.end} + 4))) return;
    Slow(u, t, out);
  }

  [[gnu::noinline]] void Slow(const Unit& u, const Token& t, Sink& out) const {
    if (u.At(t.end) != '.' || !IsDigit(u.At(int64_t{t.end} + 1))) return;
    Decimal a;
    if (!ParseDecimal(u, t.start, &a)) return;
    const char before = u.At(Prev(a.start));
    if (IsAlnum(before) || before == '.' || before == '_') return;
    if (a.start != t.start && (IsDigit(before) || before == '-')) return;
    // A second decimal after ',' '，' or spaces.
    uint32_t i = a.end;
    bool comma = false;
    int spaces = 0;
    while (u.At(i) == ' ' && spaces < 3) {
      ++i;
      ++spaces;
    }
    if (u.At(i) == ',' || u.At(i) == ';') {
      comma = true;
      ++i;
    } else if (Has(u, i, "，")) {
      comma = true;
      i += 3;
    }
    while (u.At(i) == ' ' && spaces < 6) {
      ++i;
      ++spaces;
    }
    if (u.At(i) == '-' || u.At(i) == '+') ++i;
    Decimal b;
    if ((comma || spaces > 0) && IsDigit(u.At(i)) && ParseDecimal(u, i, &b) && b.start >= a.end) {
      const double x = Abs(a.value), y = Abs(b.value);
      if ((x <= 90 && y <= 180) || (x <= 180 && y <= 90)) {
        float conf = 0.45f;
        switch (NearestContext(u, Category::kGeoCoordinates, a.start, b.end)) {
          case Ctx::kPositive: conf = 0.9f; break;
          case Ctx::kNegative: conf = 0.3f; break;
          case Ctx::kNone:
            // Bare pairs: only comma-separated ones away from the null island.
            if (comma && x >= 1 && y >= 1) conf = 0.6f;
            break;
        }
        out.Emit(a.start, b.end, Category::kGeoCoordinates, conf);
        return;
      }
    }
    // A single decimal: needs a lat/lng word right before it, or a hinted field.
    const double v = Abs(a.value);
    if (v > 180) return;
    if (u.Hinted(Category::kGeoCoordinates) || LatLngWordBefore(u, a.start, v)) {
      out.Emit(a.start, a.end, Category::kGeoCoordinates, 0.8f);
    }
  }

 private:
  static bool LatLngWordBefore(const Unit& u, uint32_t start, double v) {
    for (const KeywordHit& h : u.keywords) {
      if (h.start >= start) break;
      if (h.end > start || start - h.end > 12) continue;
      const std::string_view w = u.KeywordText(h.id);
      const bool lat = InList(w, {"lat", "latitude", "纬度"});
      if (!lat && !InList(w, {"lng", "lon", "longitude", "经度"})) continue;
      if (!WordBounded(u, h.start, h.end)) continue;
      if (lat && v > 90) continue;
      bool gap_ok = true;
      for (uint32_t i = h.end; i < start && gap_ok; ++i) {
        const char c = u.At(i);
        gap_ok = c == ' ' || c == ':' || c == '=' || c == '"' || c == '\'' || c == '_' || IsHigh(c);
      }
      if (gap_ok) return true;
    }
    return false;
  }
};

// ---------------------------------------------------------------------------------
// PRC licence plates: province character, letter (not I/O), optional '·' or space,
// then 5 characters (regular), 6 (new-energy: D/F-class letter first for small
// vehicles, last for large ones), or 4 plus 学/警/挂/港/澳/领/试/超.

constexpr std::string_view kProvinces[] = {
    "京", "津", "沪", "渝", "冀", "豫", "云", "辽", "黑", "湘", "皖", "鲁", "新", "苏", "浙", "赣", "鄂", "桂",
    "甘", "晋", "蒙", "陕", "吉", "闽", "贵", "粤", "青", "藏", "川", "宁", "琼", "使", "领"};
constexpr std::string_view kPlateSuffixes[] = {"学", "警", "挂", "港", "澳", "领", "试", "超"};

bool ProvinceBefore(const Unit& u, uint32_t s) {
  if (s < 3 || !IsHigh(u.text[s - 1])) return false;
  const std::string_view p = u.text.substr(s - 3, 3);
  for (std::string_view c : kProvinces) {
    if (p == c) return true;
  }
  return false;
}

bool IsPlateChar(char c) { return IsDigit(c) || (IsUpper(c) && c != 'I' && c != 'O'); }
bool IsNewEnergyLetter(char c) { return c >= 'A' && c <= 'K' && c != 'I'; }

// Validates the characters after the issuing-office letter; returns the plate's end
// (after a suffix character if any), or 0.
uint32_t PlateRest(const Unit& u, uint32_t s, uint32_t e) {
  const uint32_t n = e - s;
  uint32_t letters = 0;
  for (uint32_t i = s; i < e; ++i) {
    const char c = u.At(i);
    if (!IsPlateChar(c)) return 0;
    if (!IsDigit(c)) ++letters;
  }
  if (n == 5) return letters <= 3 ? e : 0;
  if (n == 6) {
    const char* r = u.text.data() + s;
    const bool small = IsNewEnergyLetter(r[0]) && IsDigit(r[2]) && IsDigit(r[3]) && IsDigit(r[4]) && IsDigit(r[5]);
    const bool large = IsNewEnergyLetter(r[5]) && IsDigit(r[0]) && IsDigit(r[1]) && IsDigit(r[2]) && IsDigit(r[3]) &&
                       IsDigit(r[4]);
    return small || large ? e : 0;
  }
  if (n == 4 && letters <= 2) {
    for (std::string_view sfx : kPlateSuffixes) {
      if (Has(u, e, sfx)) return e + 3;
    }
  }
  return 0;
}

class LicensePlateRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "cn_license_plate"; }
  CategorySet categories() const override { return Bit(Category::kLicensePlate); }
  Interest interest() const override {
    Interest in;
    // After a province character (a byte >= 0x80): "京A·12345" (the letter alone),
    // "京A12345", "京AD12345", "粤B1234学".
    const ByteSet high = ByteSet::Range(0x80, 0xFF);
    in.rules = {{TokenKind::kAlpha, Lengths(1, 1), ByteSet::Range('A', 'Z'), high}, {TokenKind::kAlnum, Lengths(5, 7), ByteSet::Range('A', 'Z'), high}};
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> k;
    AddKeywords(k, {"车牌", "车牌号", "号牌", "车辆", "plate", "license plate", "licence plate"},
                Category::kLicensePlate, KeywordRole::kContext);
    return k;
  }

  // Fast rejection inline; the rest out of line keeps this call cheap for the many
  // tokens that are not candidates.
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    if (!IsHigh(u.At(Prev(t.start)))) return;
    Slow(u, t, out);
  }

  [[gnu::noinline]] void Slow(const Unit& u, const Token& t, Sink& out) const {
    if (!IsHigh(u.At(Prev(t.start)))) return;
    const char letter = u.At(t.start);
    if (!IsUpper(letter) || letter == 'I' || letter == 'O') return;
    if (!ProvinceBefore(u, t.start)) return;
    uint32_t end = 0;
    if (t.size() == 1) {
      uint32_t r = t.end;
      if (Has(u, r, "·")) {
        r += 2;
      } else if (Has(u, r, "•")) {
        r += 3;
      } else if (u.At(r) == ' ' || u.At(r) == '-') {
        ++r;
      } else {
        return;
      }
      uint32_t e = r;
      while (IsAlnum(u.At(e)) && e - r < 7) ++e;
      if (IsAlnum(u.At(e))) return;
      end = PlateRest(u, r, e);
    } else {
      end = PlateRest(u, t.start + 1, t.end);
    }
    if (end == 0) return;
    const uint32_t start = t.start - 3;
    const float conf = NearestContext(u, Category::kLicensePlate, start, end) == Ctx::kPositive ? 0.95f : 0.8f;
    out.Emit(start, end, Category::kLicensePlate, conf);
  }
};

// ---------------------------------------------------------------------------------
// Dates, and dates of birth (only next to birth words or in a hinted field).

bool LeapYear(uint32_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool ValidDate(uint32_t y, uint32_t m, uint32_t d, uint32_t as_of) {
  static constexpr uint32_t kDays[13] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > kDays[m]) return false;
  if (m == 2 && d == 29 && !LeapYear(y)) return false;
  return y * 10000 + m * 100 + d <= as_of;
}

// Reads 1..max digits at *i; returns how many (0 if none or more than max).
uint32_t Number(const Unit& u, uint32_t* i, uint32_t max, uint32_t* value) {
  uint32_t v = 0, n = 0;
  while (IsDigit(u.At(*i)) && n <= max) {
    v = v * 10 + DigitValue(u.At(*i));
    ++*i;
    ++n;
  }
  if (n == 0 || n > max) return 0;
  *value = v;
  return n;
}

// Month from an English name or abbreviation at *i ("Jan", "January", "Sept.").
uint32_t MonthName(const Unit& u, uint32_t* i) {
  static constexpr std::string_view kMonths[12] = {"january", "february", "march",     "april",   "may",      "june",
                                                    "july",    "august",   "september", "october", "november", "december"};
  char w[10];
  uint32_t n = 0, j = *i;
  while (IsLetter(u.At(j)) && n < 10) w[n++] = Lower(u.At(j++));
  if (n < 3 || n > 9 || IsLetter(u.At(j))) return 0;
  const std::string_view word(w, n);
  for (uint32_t m = 0; m < 12; ++m) {
    if (word == kMonths[m] || word == kMonths[m].substr(0, 3) || (m == 8 && word == "sept")) {
      if (u.At(j) == '.') ++j;
      *i = j;
      return m + 1;
    }
  }
  return 0;
}

bool EndOk(const Unit& u, uint32_t e) {
  const char c = u.At(e);
  if (c == 'T' && IsDigit(u.At(int64_t{e} + 1))) return true;  // ISO 8601 "1990-01-02T00:00:00Z"
  return !IsAlnum(c) && !((c == '.' || c == '-' || c == '/') && IsDigit(u.At(int64_t{e} + 1)));
}

// A complete date starting at i: 1990-01-02, 1990/1/2, 1990.1.2, 1990年1月2日, 19900102,
// 02/01/1990, 2 Jan 1990, Jan 2, 1990; also 1990年10月 (year and month). Returns its end, or 0.
uint32_t ParseDate(const Unit& u, uint32_t i, uint32_t as_of) {
  uint32_t j = i, a = 0, b = 0, c = 0;
  if (IsLetter(u.At(i))) {
    const uint32_t m = MonthName(u, &j);
    if (m == 0 || u.At(j) != ' ') return 0;
    ++j;
    if (Number(u, &j, 2, &b) == 0) return 0;
    if (Has(u, j, "st") || Has(u, j, "nd") || Has(u, j, "rd") || Has(u, j, "th")) j += 2;
    if (u.At(j) == ',') ++j;
    if (u.At(j) != ' ') return 0;
    ++j;
    if (Number(u, &j, 4, &c) != 4 || !EndOk(u, j)) return 0;
    return ValidDate(c, m, b, as_of) ? j : 0;
  }
  if (!IsDigit(u.At(i)) || IsDigit(u.At(Prev(i)))) return 0;
  const uint32_t n = Number(u, &j, 8, &a);
  if (n == 8) {
    if (!EndOk(u, j)) return 0;
    return ValidDate(a / 10000, a / 100 % 100, a % 100, as_of) ? j : 0;
  }
  if (n == 4) {
    if (Has(u, j, "年")) {
      j += 3;
      if (Number(u, &j, 2, &b) == 0 || !Has(u, j, "月")) return 0;
      j += 3;
      if (!IsDigit(u.At(j))) return ValidDate(a, b, 1, as_of) ? j : 0;  // "1990年10月" (出生年月)
      if (Number(u, &j, 2, &c) == 0) return 0;
      if (Has(u, j, "日") || Has(u, j, "号")) j += 3;
      return ValidDate(a, b, c, as_of) ? j : 0;
    }
    const char sep = u.At(j);
    if (sep != '-' && sep != '/' && sep != '.') return 0;
    ++j;
    if (Number(u, &j, 2, &b) == 0 || u.At(j) != sep) return 0;
    ++j;
    if (Number(u, &j, 2, &c) == 0 || !EndOk(u, j)) return 0;
    return ValidDate(a, b, c, as_of) ? j : 0;
  }
  if (n == 1 || n == 2) {
    const char sep = u.At(j);
    if (sep == ' ') {
      ++j;
      const uint32_t m = MonthName(u, &j);
      if (m == 0) return 0;
      if (u.At(j) == ',') ++j;
      if (u.At(j) != ' ') return 0;
      ++j;
      if (Number(u, &j, 4, &c) != 4 || !EndOk(u, j)) return 0;
      return ValidDate(c, m, a, as_of) ? j : 0;
    }
    if (sep != '-' && sep != '/' && sep != '.') return 0;
    ++j;
    if (Number(u, &j, 2, &b) == 0 || u.At(j) != sep) return 0;
    ++j;
    if (Number(u, &j, 4, &c) != 4 || !EndOk(u, j)) return 0;
    // Day-first or month-first: either reading must be a real date.
    return ValidDate(c, b, a, as_of) || ValidDate(c, a, b, as_of) ? j : 0;
  }
  return 0;
}

class DateOfBirthRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "date_of_birth"; }
  CategorySet categories() const override { return Bit(Category::kDateOfBirth); }
  Interest interest() const override {
    Interest in;
    in.hinted_units = true;
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> k;
    AddKeywords(k,
                {"出生", "出生日期", "出生年月", "生日", "生于", "诞辰", "dob", "d.o.b", "birth", "birthday",
                 "birthdate", "date of birth", "born"},
                Category::kDateOfBirth, KeywordRole::kTrigger);
    return k;
  }

  void OnKeyword(const Unit& u, const KeywordHit& h, Sink& out) const override {
    if (!WordBounded(u, h.start, h.end)) return;
    if (Has(u, h.end, "地")) return;  // 出生地: place of birth
    const uint32_t as_of = u.AsOf();
    // After the keyword: "出生日期：1990-01-02", "DOB: 02/01/1990", "born on Jan 2, 1990".
    const uint64_t limit = std::min<uint64_t>(uint64_t{h.end} + 32, u.text.size());
    for (uint32_t i = h.end; i < limit; ++i) {
      const char c = u.At(i);
      if (c == ',' || c == ';' || c == '|' || c == '\n' || Has(u, i, "，") || Has(u, i, "；") || Has(u, i, "。")) {
        break;
      }
      const bool digit = IsDigit(c) && !IsDigit(u.At(Prev(i)));
      const bool word = IsLetter(c) && !IsLetter(u.At(Prev(i)));
      if (!digit && !word) continue;
      const uint32_t e = ParseDate(u, i, as_of);
      if (e != 0) {
        out.Emit(i, e, Category::kDateOfBirth, 0.85f);
        return;
      }
      if (digit) break;  // some other number: do not look past it
    }
    // Before it: "1990年1月2日出生", "1990-01-02 (DOB)".
    const uint32_t lo = h.start > 28 ? h.start - 28 : 0;
    for (uint32_t i = h.start; i-- > lo;) {
      const char c = u.At(i);
      if (!((IsDigit(c) && !IsDigit(u.At(Prev(i)))) || (IsUpper(c) && !IsLetter(u.At(Prev(i)))))) continue;
      const uint32_t e = ParseDate(u, i, as_of);
      if (e == 0 || e > h.start) continue;
      bool gap_ok = h.start - e <= 3;
      for (uint32_t j = e; j < h.start && gap_ok; ++j) gap_ok = u.At(j) == ' ' || u.At(j) == '(';
      if (gap_ok) out.Emit(i, e, Category::kDateOfBirth, 0.8f);
      return;
    }
  }

  void OnUnit(const Unit& u, Sink& out) const override {
    if (!u.Hinted(Category::kDateOfBirth)) return;
    uint32_t s = 0, e = 0;
    if (!Trim(u.text, &s, &e)) return;
    if (ParseDate(u, s, u.AsOf()) == e) out.Emit(s, e, Category::kDateOfBirth, 0.85f);
  }
};

// ---------------------------------------------------------------------------------
// Credentials: values after password/secret/token words, and well-known key formats.

enum class SecretKind : uint8_t { kNone, kPassword, kKey, kBearer, kPem, kGithub, kSlack, kJwt };

SecretKind KindOf(std::string_view w) {
  if (InList(w, {"password", "passwd", "pwd", "passcode", "密码", "口令"})) return SecretKind::kPassword;
  if (InList(w, {"secret", "token", "api_key", "apikey", "api-key", "access_key", "accesskey", "secret_key",
                 "secretkey", "private_key", "auth_key", "密钥", "私钥", "令牌"})) {
    return SecretKind::kKey;
  }
  if (w == "bearer") return SecretKind::kBearer;
  if (w == "private key-----" || w == "private key block-----") return SecretKind::kPem;
  if (InList(w, {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"})) return SecretKind::kGithub;
  if (InList(w, {"xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-"})) return SecretKind::kSlack;
  if (w == "eyj") return SecretKind::kJwt;
  return SecretKind::kNone;
}

bool IsB64Url(char c) { return IsAlnum(c) || c == '_' || c == '-'; }

// Values that stand for a secret without being one.
bool IsPlaceholder(std::string_view v) {
  if (v.empty()) return true;
  const char f = v[0];
  // Templates and variables: "${DB_PASSWORD}", "$DB_PASSWORD", "{{ secret }}", "%s",
  // "%(pw)s"; enclosed markers: "<your password>", "[REDACTED]", "(null)".
  if (v.size() >= 2 && (f == '$' || f == '%' || f == '{') && (v[1] == '{' || v[1] == '(')) return true;
  if (f == '$') {
    bool variable = v.size() >= 2;
    for (size_t i = 1; i < v.size(); ++i) variable = variable && (IsUpper(v[i]) || IsDigit(v[i]) || v[i] == '_');
    if (variable) return true;
  }
  if (v.size() == 2 && f == '%' && IsLower(v[1])) return true;
  if (f == '[' || f == '<') return true;  // "[REDACTED]", "<hidden>" (unquoted values end at ']' '>')
  const char last = v.back();
  if (v.size() >= 2 && ((f == '<' && last == '>') || (f == '[' && last == ']') || (f == '(' && last == ')') ||
                        (f == '{' && last == '}'))) {
    return true;
  }
  bool same = true;
  for (char c : v) same = same && c == f;
  if (same && v.size() > 1 && !IsAlnum(f)) return true;  // "******", "...."
  if (same && (f == 'x' || f == 'X')) return true;
  if (v.size() <= 12) {
    char low[13];
    for (size_t i = 0; i < v.size(); ++i) low[i] = Lower(v[i]);
    const std::string_view l(low, v.size());
    if (InList(l, {"null", "none", "nil", "undefined", "true", "false", "empty", "redacted", "hidden", "masked",
                   "required", "invalid", "incorrect", "wrong", "expired", "missing", "changed", "reset", "updated",
                   "mismatch", "error", "failed", "ok", "n/a", "na", "string", "optional", "yes", "no", "not",
                   "is", "was", "for", "filtered", "removed", "omitted", "protected", "sensitive", "encrypted"})) {
      return true;
    }
  }
  return false;
}

// Whether `v` contains `lower_word` ignoring ASCII case.
bool ContainsLower(std::string_view v, std::string_view lower_word) {
  if (lower_word.empty() || v.size() < lower_word.size()) return false;
  for (size_t i = 0; i + lower_word.size() <= v.size(); ++i) {
    if (EqualsLower(v.substr(i, lower_word.size()), lower_word)) return true;
  }
  return false;
}

// How many of lower, upper, digit, other the value mixes.
int Classes(std::string_view v) {
  bool l = false, up = false, d = false, o = false;
  for (char c : v) {
    if (IsLower(c)) l = true;
    else if (IsUpper(c)) up = true;
    else if (IsDigit(c)) d = true;
    else o = true;
  }
  return int{l} + int{up} + int{d} + int{o};
}

class CredentialRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "credential"; }
  CategorySet categories() const override { return Bit(Category::kCredentialSecret); }
  Interest interest() const override {
    Interest in;
    in.alnum_lengths = Lengths(20, 20);  // AWS access key IDs
    in.alpha_lengths = Lengths(20, 20);
    in.hinted_units = true;
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> k;
    AddKeywords(k,
                {"password", "passwd", "pwd", "passcode", "密码", "口令", "secret", "token", "api_key", "apikey",
                 "api-key", "access_key", "accesskey", "secret_key", "secretkey", "private_key", "auth_key", "密钥",
                 "私钥", "令牌", "bearer", "private key-----", "private key block-----", "ghp_", "gho_", "ghu_",
                 "ghs_", "ghr_", "github_pat_", "xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-", "eyJ"},
                Category::kCredentialSecret, KeywordRole::kTrigger);
    return k;
  }

  // Fast rejection inline; the rest out of line keeps this call cheap for the many
  // tokens that are not candidates.
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    if (u.text[t.start] != 'A') return;
    Slow(u, t, out);
  }

  [[gnu::noinline]] void Slow(const Unit& u, const Token& t, Sink& out) const {
    const char* p = u.text.data() + t.start;
    if (!((p[0] == 'A' && p[1] == 'K') || (p[0] == 'A' && p[1] == 'S')) || p[2] != 'I' || p[3] != 'A') return;
    for (uint32_t i = 4; i < 20; ++i) {
      if (!IsDigit(p[i]) && !IsUpper(p[i])) return;
    }
    out.Emit(t.start, t.end, Category::kCredentialSecret, 0.9f);
  }

  void OnKeyword(const Unit& u, const KeywordHit& h, Sink& out) const override {
    const SecretKind kind = KindOf(u.KeywordText(h.id));
    switch (kind) {
      case SecretKind::kNone: return;
      case SecretKind::kPassword:
      case SecretKind::kKey: KeyValue(u, h, kind, out); return;
      case SecretKind::kBearer: Bearer(u, h, out); return;
      case SecretKind::kPem: Pem(u, h, out); return;
      case SecretKind::kGithub:
      case SecretKind::kSlack: Prefixed(u, h, kind, out); return;
      case SecretKind::kJwt: Jwt(u, h, out); return;
    }
  }

  void OnUnit(const Unit& u, Sink& out) const override {
    if (!u.Hinted(Category::kCredentialSecret)) return;
    uint32_t s = 0, e = 0;
    if (!Trim(u.text, &s, &e) || e - s > 512) return;
    if (IsPlaceholder(u.Slice(s, e))) return;
    out.Emit(s, e, Category::kCredentialSecret, 0.85f);
  }

 private:
  // "password=abc", "\"token\": \"abc\"", "密码：abc", "--password abc", "<pwd>abc</pwd>".
  static void KeyValue(const Unit& u, const KeywordHit& h, SecretKind kind, Sink& out) {
    const bool ascii = !IsHigh(u.At(h.start));
    uint32_t i = h.end;
    if (u.At(i) == '"' || u.At(i) == '\'') ++i;  // end of a quoted key
    while (u.At(i) == ' ' && i - h.end < 6) ++i;
    bool sep = true;
    if (u.At(i) == '=' && u.At(int64_t{i} + 1) == '>') {
      i += 2;
    } else if (u.At(i) == ':' || u.At(i) == '=') {
      ++i;
    } else if (Has(u, i, "：") || (!ascii && (Has(u, i, "是") || Has(u, i, "为")))) {
      i += 3;
    } else if (u.At(i) == '>' && u.At(Prev(h.start)) == '<') {
      ++i;
    } else {
      sep = false;
    }
    if (!sep) {
      const bool flag = u.At(Prev(h.start)) == '-' && u.At(Prev(h.start, 2)) == '-';  // --password value
      if (!(flag && u.At(h.end) == ' ') && ascii) return;
    }
    if (u.At(i) == '=' && u.At(Prev(i)) == ':') ++i;  // Makefile "PWD:=..."
    while (u.At(i) == ' ' && i - h.end < 12) ++i;
    const char quote = u.At(i);
    uint32_t s = i, e = i;
    if (quote == '"' || quote == '\'') {
      s = e = i + 1;
      while (e < u.text.size() && u.text[e] != quote && u.text[e] != '\n' && e - s < 256) ++e;
      if (u.At(e) != quote) return;
    } else {
      while (e < u.text.size() && e - s < 256) {
        const char c = u.text[e];
        if (IsSpace(c) || IsHigh(c) || c == '"' || c == '\'' || c == '`' || c == '&' || c == ',' || c == ';' ||
            c == '<' || c == '>' || c == ')' || c == ']' || c == '}') {
          break;
        }
        ++e;
      }
    }
    const std::string_view v = u.Slice(s, e);
    if (IsPlaceholder(v)) return;
    const std::string_view keyword = u.KeywordText(h.id);
    if (EqualsLower(keyword, "pwd") && (v[0] == '/' || v[0] == '~')) return;  // $PWD, a directory
    // Code and prose, not values: "' + last_token + '" (string concatenation), a name
    // that contains the key ("valid_token"), "pwd: Jim Meyering" (words going on).
    if ((quote == '"' || quote == '\'') && (v.front() == ' ' || v.find(" + ") != std::string_view::npos)) return;
    if (ContainsLower(v, keyword)) return;
    // A word as people write it (all lower case or Capitalised) after "key:" with more
    // words following is prose; "key=value" is configuration whatever follows.
    bool word_like = quote != '"' && quote != '\'' && u.At(Prev(s)) != '=' && u.At(e) == ' ' &&
                     IsLetter(u.At(int64_t{e} + 1));
    for (size_t k = 0; k < v.size() && word_like; ++k) word_like = k == 0 ? IsLetter(v[k]) : IsLower(v[k]);
    if (word_like) return;
    // Code: a call ("xstrdup(v)"), a declaration ("Pcchar = 'x'"), a constant
    // ("MS_DEF_PROV_A").
    if (v.find('(') != std::string_view::npos && u.At(e) == ')') return;
    if (u.At(e) == ' ' && (u.At(int64_t{e} + 1) == '=' || (u.At(int64_t{e} + 1) == ':' && u.At(int64_t{e} + 2) == '='))) return;
    bool constant = IsUpper(v[0]) && v.find('_') != std::string_view::npos;
    for (char c : v) constant = constant && (IsUpper(c) || IsDigit(c) || c == '_');
    if (constant) return;
    float conf = 0;
    const int classes = Classes(v);
    if (kind == SecretKind::kPassword) {
      if (v.size() < 3) return;
      // A short all-lowercase word ("new", "got") is prose far more often than a password.
      conf = classes == 1 && IsLower(v[0]) ? (v.size() < 6 ? 0.45f : 0.6f) : 0.85f;
    } else {
      if (v.size() < 8) return;
      conf = classes >= 2 ? (v.size() >= 16 ? 0.9f : 0.8f) : 0.45f;
    }
    out.Emit(s, e, Category::kCredentialSecret, conf);
  }

  // "Authorization: Bearer <token>".
  static void Bearer(const Unit& u, const KeywordHit& h, Sink& out) {
    if (IsLetter(u.At(Prev(h.start))) || u.At(h.end) != ' ') return;
    const uint32_t s = h.end + 1;
    uint32_t e = s;
    while (e < u.text.size() && e - s < 4096) {
      const char c = u.text[e];
      if (!(IsB64Url(c) || c == '.' || c == '~' || c == '+' || c == '/' || c == '=')) break;
      ++e;
    }
    if (e - s < 16 || Classes(u.Slice(s, e)) < 2) return;
    out.Emit(s, e, Category::kCredentialSecret, 0.9f);
  }

  // "-----BEGIN RSA PRIVATE KEY-----" through "-----END ...-----" if in the unit, else
  // through the base64 that follows.
  static void Pem(const Unit& u, const KeywordHit& h, Sink& out) {
    // Bounded searches: a unit full of headers must not make this quadratic.
    const uint32_t lo = h.start > 40 ? h.start - 40 : 0;
    const size_t rel = u.Slice(lo, h.start).rfind("-----BEGIN ");
    if (rel == std::string_view::npos) return;
    const auto b = static_cast<uint32_t>(lo + rel);
    uint32_t e = h.end;
    // The body has no dashes: the next "-----" is the END line or nothing of ours.
    const std::string_view rest = u.text.substr(h.end, 65536);
    const size_t end_marker = rest.find("-----");
    if (end_marker != std::string_view::npos && rest.substr(end_marker, 9) == "-----END ") {
      const size_t close = rest.substr(0, end_marker + 9 + 64).find("-----", end_marker + 9);
      if (close != std::string_view::npos) e = h.end + static_cast<uint32_t>(close + 5);
    }
    if (e == h.end) {
      while (e < u.text.size()) {
        const char c = u.text[e];
        if (!(IsAlnum(c) || c == '+' || c == '/' || c == '=' || c == '\\' || IsSpace(c))) break;
        ++e;
      }
      while (e > h.end && IsSpace(u.text[e - 1])) --e;
    }
    out.Emit(b, e, Category::kCredentialSecret, 0.95f);
  }

  // GitHub tokens (ghp_ + 36 base62, github_pat_ ...) and Slack tokens (xoxb-...).
  static void Prefixed(const Unit& u, const KeywordHit& h, SecretKind kind, Sink& out) {
    for (uint32_t i = h.start; i < h.end; ++i) {
      if (IsUpper(u.At(i))) return;  // the prefixes are lower case
    }
    if (IsB64Url(u.At(Prev(h.start)))) return;
    const bool pat = h.end - h.start == 11;  // github_pat_
    uint32_t e = h.end;
    while (e < u.text.size() && e - h.end < 255) {
      const char c = u.text[e];
      if (!(IsAlnum(c) || (pat && c == '_') || (kind == SecretKind::kSlack && c == '-'))) break;
      ++e;
    }
    const uint32_t n = e - h.end;
    if (IsB64Url(u.At(e))) return;
    if (kind == SecretKind::kGithub ? n < (pat ? 22u : 30u) : n < 10) return;
    out.Emit(h.start, e, Category::kCredentialSecret, 0.95f);
  }

  // JSON Web Tokens: eyJ<header>.eyJ<payload>.<signature>.
  static void Jwt(const Unit& u, const KeywordHit& h, Sink& out) {
    if (!Has(u, h.start, "eyJ") || IsB64Url(u.At(Prev(h.start)))) return;
    uint32_t e = h.start;
    auto segment = [&]() {
      const uint32_t s = e;
      while (IsB64Url(u.At(e)) && e - s < 8192) ++e;
      return e - s;
    };
    if (segment() < 10 || u.At(e) != '.' || !Has(u, uint64_t{e} + 1, "eyJ")) return;
    ++e;
    if (segment() < 10 || u.At(e) != '.') return;
    ++e;
    segment();
    if (u.At(e) == '.' || IsB64Url(u.At(e))) return;
    out.Emit(h.start, e, Category::kCredentialSecret, 0.9f);
  }
};

// ---------------------------------------------------------------------------------
// Health information: diagnoses, conditions, medications and tests by name; the phrase
// after 诊断/确诊/diagnosed with; the whole value of a field hinted as health data.

// Words that introduce a diagnosis: the finding is the phrase after them.
bool IntroducesDiagnosis(std::string_view w) {
  return InList(w, {"诊断", "诊断为", "诊断结果", "确诊", "确诊为", "患有", "diagnosed with", "diagnosis",
                    "diagnosed as"});
}

// Acronyms that are ordinary words in lower case ("hearing aids").
bool NeedsUpperCase(std::string_view w) { return InList(w, {"hiv", "aids", "hba1c"}); }

class HealthRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "health_terms"; }
  CategorySet categories() const override { return Bit(Category::kHealthInfo); }
  Interest interest() const override {
    Interest in;
    in.hinted_units = true;
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> k;
    AddKeywords(k,
                {// introducers
                 "诊断", "诊断为", "诊断结果", "确诊", "确诊为", "患有", "diagnosed with", "diagnosis", "diagnosed as",
                 // conditions
                 "高血压", "糖尿病", "抑郁症", "焦虑症", "精神分裂", "双相情感障碍", "精神病", "自闭症", "艾滋病", "乙肝",
                 "丙肝", "肝炎", "癌症", "肝硬化", "肺结核", "结核病", "癌", "肿瘤", "白血病", "心脏病", "冠心病", "心肌梗死",
                 "脑卒中", "中风", "哮喘", "癫痫", "帕金森", "阿尔茨海默", "老年痴呆", "梅毒", "淋病", "性病", "不孕",
                 "流产", "新冠", "hiv", "aids", "hepatitis", "diabetes", "hypertension", "cancer", "tumor", "tumour",
                 "leukemia", "asthma", "epilepsy", "schizophrenia", "bipolar disorder", "dementia", "alzheimer",
                 "tuberculosis", "depressive disorder", "major depression",
                 // treatment and tests
                 "处方", "化疗", "放疗", "透析", "胰岛素", "二甲双胍", "抗抑郁", "血糖", "血压", "血常规", "病理",
                 "病历", "病史", "prescribed", "prescription", "chemotherapy", "dialysis", "insulin", "metformin",
                 "blood glucose", "blood pressure", "hba1c",
                 // people with conditions
                 "患者", "病人", "就诊", "住院", "patient"},
                Category::kHealthInfo, KeywordRole::kTrigger);
    return k;
  }

  void OnKeyword(const Unit& u, const KeywordHit& h, Sink& out) const override {
    const std::string_view w = u.KeywordText(h.id);
    if (!WordBounded(u, h.start, h.end)) return;
    if (NeedsUpperCase(w)) {
      for (uint32_t i = h.start; i < h.end; ++i) {
        if (IsLower(u.At(i))) return;
      }
    }
    if (IntroducesDiagnosis(w)) {
      Phrase(u, h, out);
      return;
    }
    if (InList(w, {"患者", "病人", "就诊", "住院", "patient", "病历", "病史"})) return;  // context only
    const bool context = NearestContext(u, Category::kHealthInfo, h.start, h.end) == Ctx::kPositive;
    // A lone English term is too often something else ("prescription" as a glyph name,
    // "cancer" as a word in prose); a Chinese condition name, or HIV/AIDS in capitals,
    // rarely is.
    const float alone = IsHigh(u.At(h.start)) || NeedsUpperCase(w) ? 0.6f : 0.45f;
    out.Emit(h.start, h.end, Category::kHealthInfo, context ? 0.85f : alone);
  }

  void OnUnit(const Unit& u, Sink& out) const override {
    if (!u.Hinted(Category::kHealthInfo)) return;
    uint32_t s = 0, e = 0;
    if (!Trim(u.text, &s, &e)) return;
    const std::string_view v = u.Slice(s, e);
    if (v == "-" || v == "无" || EqualsLower(v, "n/a") || EqualsLower(v, "null") || EqualsLower(v, "none")) return;
    out.Emit(s, e, Category::kHealthInfo, 0.9f);
  }

 private:
  // The phrase after an introducer, up to punctuation: "诊断为2型糖尿病，" → "2型糖尿病".
  static void Phrase(const Unit& u, const KeywordHit& h, Sink& out) {
    uint32_t i = h.end;
    for (int k = 0; k < 3; ++k) {
      if (u.At(i) == ' ' || u.At(i) == ':') {
        ++i;
      } else if (Has(u, i, "：") || Has(u, i, "为") || Has(u, i, "是")) {
        i += 3;
      }
    }
    const uint32_t s = i;
    uint32_t e = s;
    const uint64_t limit = std::min<uint64_t>(uint64_t{s} + 60, u.text.size());
    while (e < limit) {
      const char c = u.text[e];
      if (c == ',' || c == ';' || c == '!' || c == '?' || c == '|' || c == '"' || c == '\n' || c == '\r' ||
          c == '(' || c == ')' || (c == '.' && !IsDigit(u.At(int64_t{e} + 1))) || Has(u, e, "，") ||
          Has(u, e, "。") || Has(u, e, "；") || Has(u, e, "、") || Has(u, e, "（") || Has(u, e, "！")) {
        break;
      }
      ++e;
    }
    e = Utf8Floor(u, s, e);
    while (e > s && IsSpace(u.text[e - 1])) --e;
    if (e == s) return;
    // "Diagnosis" is also a word of engineering ("error diagnosis", "故障诊断",
    // "diagnosed with -std=c2x"): the phrase must name a condition, by a listed term or
    // a disease-like ending, or stand next to a patient.
    float conf = 0;
    if (HasHealthTermIn(u, s, e)) {
      conf = 0.85f;
    } else if (EndsLikeACondition(u.Slice(s, e))) {
      conf = 0.8f;
    } else if (NearPatient(u, h.start, e)) {
      conf = 0.7f;
    } else {
      return;
    }
    out.Emit(s, e, Category::kHealthInfo, conf);
  }

  // A word for a patient or a medical record lies within the window around [s, e).
  static bool NearPatient(const Unit& u, uint32_t s, uint32_t e) {
    const uint32_t window = u.engine->options().context_window;
    const uint32_t lo = s > window ? s - window : 0;
    for (const KeywordHit& k : u.keywords) {
      if (k.start >= uint64_t{e} + window) break;
      if (k.end < lo || (k.start >= s && k.end <= e)) continue;
      if (InList(u.KeywordText(k.id), {"患者", "病人", "就诊", "住院", "patient", "病历", "病史"}) &&
          WordBounded(u, k.start, k.end)) {
        return true;
      }
    }
    return false;
  }

  // Another health keyword (not an introducer) lies inside [s, e).
  static bool HasHealthTermIn(const Unit& u, uint32_t s, uint32_t e) {
    for (const KeywordHit& k : u.keywords) {
      if (k.start >= e) break;
      if (k.start < s || k.end > e) continue;
      if (Contains(u.engine->keyword(k.id).context, Category::kHealthInfo) && !IntroducesDiagnosis(u.KeywordText(k.id))) {
        return true;
      }
    }
    return false;
  }

  static bool EndsLikeACondition(std::string_view p) {
    for (std::string_view end : {"炎", "病", "症", "癌", "瘤", "综合征", "骨折", "感染"}) {
      if (p.ends_with(end)) return true;
    }
    if (p.size() < 5) return false;
    char low[64];
    const size_t n = std::min(p.size(), sizeof(low));
    for (size_t i = 0; i < n; ++i) low[i] = Lower(p[p.size() - n + i]);
    const std::string_view tail(low, n);
    for (std::string_view end : {"itis", "osis", "oma", "emia", "disease", "disorder", "syndrome", "infection",
                                 "fracture", "deficiency"}) {
      if (tail.ends_with(end)) return true;
    }
    return false;
  }
};

}  // namespace

RecognizerList MakeMiscRecognizers() {
  RecognizerList list;
  list.push_back(std::make_unique<GeoRecognizer>());
  list.push_back(std::make_unique<LicensePlateRecognizer>());
  list.push_back(std::make_unique<DateOfBirthRecognizer>());
  list.push_back(std::make_unique<CredentialRecognizer>());
  list.push_back(std::make_unique<HealthRecognizer>());
  return list;
}

}  // namespace custos::detect
