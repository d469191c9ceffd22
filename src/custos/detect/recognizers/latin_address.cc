// Latin-script street addresses: house number, street name and suffix, then optional
// direction, unit, city, state and ZIP code.
#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "custos/detect/engine.h"
#include "custos/detect/recognizers/groups.h"
#include "custos/detect/recognizers/text.h"

namespace custos::detect {


namespace {

using namespace text;  // NOLINT: the shared byte, UTF-8 and context helpers

constexpr uint32_t kMaxAddressBytes = 256;  // the longest finding reported

// ---------------------------------------------------------------------------------
// Latin street addresses.


constexpr std::string_view kStreetSuffixes[] = {
    "Street", "St", "Avenue", "Ave", "Av", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Ln", "Drive", "Dr",
    "Court", "Ct", "Way", "Place", "Pl", "Parkway", "Pkwy", "Highway", "Hwy", "Terrace", "Ter", "Circle",
    "Cir", "Square", "Sq", "Trail", "Trl", "Alley", "Crescent", "Row", "Plaza", "Pike"};

constexpr std::string_view kDirections[] = {"N", "S", "E", "W", "NE", "NW", "SE", "SW"};
constexpr std::string_view kUnits[] = {"Apt", "Suite", "Ste", "Unit", "Fl", "Floor", "Room", "Rm", "Bldg"};

// Exact street-suffix test: a switch on the length leaves a handful of fixed-size
// compares, where a scan of the list cost ~300 instructions per capitalised word.
// Must accept exactly kStreetSuffixes (checked below at compile time).
constexpr bool IsStreetSuffix(std::string_view w) {
  switch (w.size()) {
    case 2:
      return w == "St" || w == "Av" || w == "Rd" || w == "Ln" || w == "Dr" || w == "Ct" || w == "Pl" || w == "Sq";
    case 3: return w == "Ave" || w == "Way" || w == "Hwy" || w == "Ter" || w == "Cir" || w == "Trl" || w == "Row";
    case 4: return w == "Road" || w == "Blvd" || w == "Lane" || w == "Pkwy" || w == "Pike";
    case 5: return w == "Drive" || w == "Court" || w == "Place" || w == "Trail" || w == "Alley" || w == "Plaza";
    case 6: return w == "Street" || w == "Avenue" || w == "Circle" || w == "Square";
    case 7: return w == "Parkway" || w == "Highway" || w == "Terrace";
    case 8: return w == "Crescent";
    case 9: return w == "Boulevard";
    default: return false;
  }
}

// The switch names 35 distinct words; with every listed suffix accepted, the two sets
// are equal.
constexpr bool AllSuffixesAccepted() {
  for (std::string_view w : kStreetSuffixes) {
    if (!IsStreetSuffix(w)) return false;
  }
  return true;
}
static_assert(std::size(kStreetSuffixes) == 35 && AllSuffixesAccepted());

// First letters of the street suffixes, for the engine's first-byte filter.
constexpr std::string_view kSuffixInitials = "ABCDHLPRSTW";

bool OneOf(std::string_view w, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool CapitalisedWord(std::string_view w) {
  if (w.empty() || !IsUpper(w[0])) return false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (!IsLower(w[i]) && !IsUpper(w[i])) return false;
  }
  return true;
}

// 5th, 42nd, 1st, 103rd
bool Ordinal(std::string_view w) {
  size_t i = 0;
  while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
  if (i == 0 || i > 3 || w.size() - i != 2) return false;
  std::string_view suf = w.substr(i);
  return suf == "st" || suf == "nd" || suf == "rd" || suf == "th";
}

// 1600, 221B, 12A
bool HouseNumber(const Token& t, std::string_view w) {
  if (t.kind == TokenKind::kNumeric) return w.size() <= 6 && w[0] != '0';
  if (t.kind != TokenKind::kAlnum || w.size() > 7) return false;
  size_t i = 0;
  while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
  return i >= 1 && i + 1 == w.size() && IsUpper(w[i]) && w[0] != '0';
}

class LatinAddressRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "latin_street_address"; }
  CategorySet categories() const override { return Bit(Category::kPostalAddress); }
  Interest interest() const override {
    Interest in;
    // A street suffix (2-9 letters, one of a few initials) one space after the street
    // name: OnToken gives up on anything else before looking at the text.
    in.rules = {{TokenKind::kAlpha, Lengths(2, 9), ByteSet::Of(kSuffixInitials), ByteSet::Of(" ")}};
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> k;
    for (std::string_view w : {"address", "addr", "ship to", "mailing", "residence", "lives at", "located at"}) {
      k.push_back(KeywordSpec{std::string(w), Bit(Category::kPostalAddress), KeywordRole::kContext});
    }
    return k;
  }

  // Fast rejection inline; the rest out of line keeps this call cheap for the many
  // capitalised words that are not street suffixes.
  void OnToken(const Unit& unit, size_t ti, Sink& out) const override {
    const Token& tok = unit.tokens[ti];
    if (ti < 2 || !IsStreetSuffix(unit.Slice(tok.start, tok.end))) return;
    Slow(unit, ti, out);
  }

 private:
  [[gnu::noinline]] static void Slow(const Unit& unit, size_t ti, Sink& out) {
    const std::string_view s = unit.text;
    const Token& tok = unit.tokens[ti];
    // Back: name words, then the house number, each one space apart.
    size_t k = ti;
    int words = 0;
    uint32_t start = UINT32_MAX;
    while (k > 0 && words <= 5) {
      const Token& cur = unit.tokens[k];
      const Token& pv = unit.tokens[k - 1];
      if (pv.end + 1 != cur.start || s[pv.end] != ' ') break;
      const std::string_view pw = unit.Slice(pv.start, pv.end);
      if (words >= 1 && HouseNumber(pv, pw)) {
        start = pv.start;
        break;
      }
      if ((pv.kind == TokenKind::kAlpha && CapitalisedWord(pw) && (pw.size() >= 2 || OneOf(pw, kDirections))) ||
          (pv.kind == TokenKind::kAlnum && Ordinal(pw))) {
        ++words;
        --k;
        continue;
      }
      break;
    }
    if (start == UINT32_MAX) return;
    // The number must not continue a larger figure ("1,600", "3.1600").
    if (start > 0) {
      const char b = s[start - 1];
      if (b == ',' || b == '.' || b == '-' || b == '/' || b == '#' || b == '$') return;
    }
    uint32_t end = tok.end;
    if (end < s.size() && s[end] == '.') ++end;
    size_t j = ti + 1;
    auto token_at = [&](size_t idx, uint32_t pos) {
      return idx < unit.tokens.size() && unit.tokens[idx].start == pos;
    };
    // Direction: "Avenue NW".
    if (end + 1 < s.size() && s[end] == ' ' && token_at(j, end + 1) &&
        OneOf(unit.Slice(unit.tokens[j].start, unit.tokens[j].end), kDirections)) {
      end = unit.tokens[j].end;
      if (end < s.size() && s[end] == '.') ++end;
      ++j;
    }
    // Unit: ", Apt 4B", " Suite 200", " #12".
    {
      uint32_t p = end;
      if (p < s.size() && s[p] == ',') ++p;
      if (p < s.size() && s[p] == ' ') ++p;
      if (p < s.size() && s[p] == '#' && token_at(j, p + 1) && unit.tokens[j].kind != TokenKind::kAlpha) {
        end = unit.tokens[j].end;
        ++j;
      } else if (token_at(j, p) && OneOf(unit.Slice(unit.tokens[j].start, unit.tokens[j].end), kUnits)) {
        uint32_t q = unit.tokens[j].end;
        if (q < s.size() && s[q] == '.') ++q;
        if (q < s.size() && s[q] == ' ') ++q;
        if (q < s.size() && s[q] == '#') ++q;
        if (token_at(j + 1, q) && unit.tokens[j + 1].kind != TokenKind::kAlpha) {
          end = unit.tokens[j + 1].end;
          j += 2;
        }
      }
    }
    // Floor: ", Fifth Floor", ", 3rd Floor".
    {
      uint32_t p = end;
      if (p + 2 < s.size() && s[p] == ',' && s[p + 1] == ' ' && token_at(j, p + 2) && token_at(j + 1, unit.tokens[j].end + 1) &&
          s[unit.tokens[j].end] == ' ' && unit.Slice(unit.tokens[j + 1].start, unit.tokens[j + 1].end) == "Floor") {
        const std::string_view ord = unit.Slice(unit.tokens[j].start, unit.tokens[j].end);
        static constexpr std::string_view kOrdinals[] = {"First", "Second", "Third", "Fourth", "Fifth",
                                                         "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"};
        if (Ordinal(ord) || OneOf(ord, kOrdinals)) {
          end = unit.tokens[j + 1].end;
          j += 2;
        }
      }
    }
    bool locality = false;
    // ", City[ City], ST[ 12345[-6789]]" or ", City 12345".
    {
      uint32_t p = end;
      if (p + 2 < s.size() && s[p] == ',' && s[p + 1] == ' ') {
        p += 2;
        size_t m = j;
        int city_words = 0;
        uint32_t city_end = 0;
        while (city_words < 3 && token_at(m, p) && unit.tokens[m].kind == TokenKind::kAlpha &&
               CapitalisedWord(unit.Slice(unit.tokens[m].start, unit.tokens[m].end)) && unit.tokens[m].size() >= 2) {
          const std::string_view cw = unit.Slice(unit.tokens[m].start, unit.tokens[m].end);
          const bool state_code = cw.size() == 2 && IsUpper(cw[1]);
          if (state_code && city_words > 0) break;
          city_end = unit.tokens[m].end;
          ++city_words;
          ++m;
          p = city_end + 1;
          if (city_end >= s.size() || s[city_end] != ' ') break;
        }
        if (city_words > 0) {
          uint32_t q = city_end;
          if (q < s.size() && s[q] == ',') ++q;
          if (q < s.size() && s[q] == ' ') ++q;
          uint32_t loc_end = 0;
          if (token_at(m, q) && unit.tokens[m].size() == 2 && unit.tokens[m].kind == TokenKind::kAlpha &&
              IsUpper(s[q]) && IsUpper(s[q + 1])) {
            loc_end = unit.tokens[m].end;
            ++m;
            q = loc_end + 1;
          }
          if (loc_end != 0 || q > city_end) {
            uint32_t zq = loc_end != 0 ? loc_end + 1 : q;
            if (zq < s.size() && s[zq] == ' ' && s[zq - 1] == ' ') ++zq;  // "MA  02110"
            if (zq <= s.size() && zq > 0 && s[zq - 1] == ' ' && token_at(m, zq) &&
                unit.tokens[m].kind == TokenKind::kNumeric && unit.tokens[m].size() == 5) {
              loc_end = unit.tokens[m].end;
              if (loc_end + 5 <= s.size() && s[loc_end] == '-' && token_at(m + 1, loc_end + 1) &&
                  unit.tokens[m + 1].size() == 4 && unit.tokens[m + 1].kind == TokenKind::kNumeric) {
                loc_end = unit.tokens[m + 1].end;
              }
            }
          }
          if (loc_end != 0) {
            end = loc_end;
            locality = true;
          }
        }
      }
    }
    if (end - start > kMaxAddressBytes) end = start + kMaxAddressBytes;
    const bool context = unit.HasContext(Category::kPostalAddress, start, end);
    const float conf = context ? 0.9f : (locality ? 0.85f : 0.7f);
    out.Emit(start, end, Category::kPostalAddress, conf);
  }
};

}  // namespace

RecognizerList MakeLatinAddressRecognizers() {
  RecognizerList list;
  list.push_back(std::make_unique<LatinAddressRecognizer>());
  return list;
}

}  // namespace custos::detect
