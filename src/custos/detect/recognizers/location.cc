// Location: geographic coordinates and PRC licence plates.
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
    // An integer part before '.', not itself after '.' or '_' (the later octets of an
    // address, "12:00:37.191", "v_1.2345"): Slow() rejects those.
    ByteSet prev = ByteSet::None();
    for (unsigned c = 0; c < 256; ++c) {
      if (c != '.' && c != '_') prev.Add(static_cast<unsigned char>(c));
    }
    in.rules = {{TokenKind::kNumeric, Lengths(1, 3), {}, prev, ByteSet::Of(".")}};
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
    // At least four fractional digits ("175.112.128.229", "605.1.15" and "37.191" end
    // here), and no leading zero in a longer integer part.
    const std::string_view s = u.text;
    const size_t e = t.end;
    if (e + 4 >= s.size() || s[e] != '.' || !IsDigit(s[e + 1]) || !IsDigit(s[e + 2]) || !IsDigit(s[e + 3]) ||
        !IsDigit(s[e + 4]) || (t.size() > 1 && s[t.start] == '0')) {
      return;
    }
    // Without a lat/lng word or hint in the unit only a pair can be reported, and a
    // pair needs a space, ',', ';' or '，' right after the fraction ("rt=0.1887" ends
    // here).
    if (!u.Hinted(Category::kGeoCoordinates) && !Contains(u.context_present, Category::kGeoCoordinates)) {
      size_t f = e + 5;
      while (f < s.size() && IsDigit(s[f]) && f - e <= 16) ++f;
      const char c = f < s.size() ? s[f] : '\0';
      if (c != ' ' && c != ',' && c != ';' && c != '\xEF') return;  // 0xEF: '，' starts so
    }
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
    // A lat/lng word is a context keyword for coordinates: without any in the unit
    // there is nothing for LatLngWordBefore() to find.
    if (u.Hinted(Category::kGeoCoordinates) ||
        (Contains(u.context_present, Category::kGeoCoordinates) && LatLngWordBefore(u, a.start, v))) {
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

}  // namespace

RecognizerList MakeLocationRecognizers() {
  RecognizerList list;
  list.push_back(std::make_unique<GeoRecognizer>());
  list.push_back(std::make_unique<LicensePlateRecognizer>());
  return list;
}

}  // namespace custos::detect
