// Dates of birth: dates in common Chinese and English forms, reported only next to birth
// words or in a field hinted as a birth date.
#include <algorithm>
#include <cstring>
#include <string_view>

#include "custos/detect/engine.h"
#include "custos/detect/recognizers/groups.h"
#include "custos/detect/recognizers/text.h"

namespace custos::detect {

namespace {

using namespace text;  // NOLINT: the shared byte, UTF-8 and context helpers
using Ctx = Nearest;

uint32_t DigitValue(char c) { return static_cast<uint32_t>(c - '0'); }

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
  while (*i < u.text.size() && IsDigit(u.text[*i]) && n <= max) {
    v = v * 10 + DigitValue(u.text[*i]);
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
      // The full-width stops all start with a byte >= 0x80: test that before comparing.
      if (c == ',' || c == ';' || c == '|' || c == '\n' ||
          (IsHigh(c) && (Has(u, i, "，") || Has(u, i, "；") || Has(u, i, "。")))) {
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

}  // namespace

RecognizerList MakeBirthDateRecognizers() {
  RecognizerList list;
  list.push_back(std::make_unique<DateOfBirthRecognizer>());
  return list;
}

}  // namespace custos::detect
