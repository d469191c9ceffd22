// Latin-script person names: a given name and a surname from the lists, or a capitalised
// pair after a title or a label (Mr, Dr, Dear, patient:, name:).
#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "custos/detect/engine.h"
#include "custos/detect/recognizers/groups.h"
#include "custos/detect/recognizers/name_labels.h"
#include "custos/detect/recognizers/text.h"

namespace custos::detect {

std::string_view LatinGivenNames();  // embedded data/names/latin_given.txt
std::string_view LatinSurnames();    // embedded data/names/latin_surnames.txt

namespace {

using namespace text;  // NOLINT: the shared byte, UTF-8 and context helpers

// ---------------------------------------------------------------------------------
// Latin-script names.

// Keys view the embedded data, which lives as long as the program.
struct LatinTables {
  std::unordered_map<std::string_view, float> given;  // weight; < 0.5 means "only after context"
  std::unordered_set<std::string_view> surnames;
};

const LatinTables& Latin() {
  static const LatinTables* t = [] {
    auto* tb = new LatinTables();
    ForEachLine(LatinGivenNames(), [&](std::string_view key, std::string_view value) {
      tb->given.emplace(key, static_cast<float>(ParseNumber(value, 1.0)));
    });
    ForEachLine(LatinSurnames(), [&](std::string_view key, std::string_view) { tb->surnames.emplace(key); });
    return tb;
  }();
  return *t;
}


// A name-like word: capital first letter, then lower case (internal capitals allowed
// after the second letter: McDonald, DeAngelo). Tokens are maximal letter/digit runs,
// so an alphabetic token needs only its first two letters checked, and a token with a
// digit never is one.
bool CapitalisedToken(const Unit& unit, const Token& t) {
  return t.kind == TokenKind::kAlpha && t.size() >= 2 && IsUpper(unit.text[t.start]) &&
         IsLower(unit.text[t.start + 1]);
}

// Words before a capitalised name that say it is a person's name. A label followed by
// a colon ("name: ", "patient: ") is strong; a bare one ("contact If ...") only counts
// when a word of the name is in the lists.
enum class LatinCue { kNone, kTitle, kLabel, kWeakLabel };

constexpr std::string_view kTitles[] = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "dear"};
constexpr std::string_view kLabels[] = {"name",      "patient", "customer", "contact",  "client",
                                        "recipient", "fullname", "username", "applicant", "cardholder",
                                        "signed",    "attn",     "insured",  "employee"};

// The cue a word before the name gives: titles as people write them ("Mr", "Dr.",
// "dear" but not "MS" or "DR"), and labels ("patient", "name:"). A switch on the
// length leaves a compare or two per word, where scanning both lists cost ~100
// instructions for every capitalised word in a log. Must know exactly kTitles and
// kLabels (checked below at compile time).
constexpr LatinCue WordCue(std::string_view w, bool colon) {
  if (w.size() < 2 || w.size() > 10) return LatinCue::kNone;
  char buf[10] = {};
  for (size_t i = 0; i < w.size(); ++i) buf[i] = Lower(w[i]);
  const std::string_view l(buf, w.size());
  const bool title_case = (IsUpper(w[0]) || IsLower(w[0])) && IsLower(w[1]);
  bool title = false, label = false, needs_colon = false;
  switch (l.size()) {
    case 2: title = l == "mr" || l == "ms" || l == "dr"; break;
    case 3: title = l == "mrs" || l == "sir"; break;
    case 4:
      title = l == "miss" || l == "prof" || l == "dear";
      needs_colon = l == "name";
      label = needs_colon || l == "attn";
      break;
    case 5: title = l == "madam"; break;
    case 6: label = l == "client" || l == "signed"; break;
    case 7: label = l == "patient" || l == "contact" || l == "insured"; break;
    case 8:
      needs_colon = l == "fullname" || l == "username";
      label = needs_colon || l == "customer" || l == "employee";
      break;
    case 9: label = l == "recipient" || l == "applicant"; break;
    case 10: label = l == "cardholder"; break;
    default: break;
  }
  if (title) return title_case ? LatinCue::kTitle : LatinCue::kNone;
  if (!label) return LatinCue::kNone;
  if (colon) return LatinCue::kLabel;
  // "name" needs its colon; "patient Maria Lopez" may do without.
  return needs_colon ? LatinCue::kNone : LatinCue::kWeakLabel;
}

// The switch names 9 titles and 14 labels; with each listed word recognised as what
// it is, it knows the lists and nothing else.
constexpr bool CueListsRecognised() {
  for (std::string_view w : kTitles) {
    if (WordCue(w, false) != LatinCue::kTitle) return false;
  }
  for (std::string_view w : kLabels) {
    if (WordCue(w, true) != LatinCue::kLabel) return false;
  }
  return true;
}
static_assert(std::size(kTitles) == 9 && std::size(kLabels) == 14 && CueListsRecognised());

// First letters (bit 0 = 'a') of the titles and labels, by length: a word that fails
// this cannot be a cue, whatever its case.
constexpr std::array<uint32_t, 11> kCueInitials = [] {
  std::array<uint32_t, 11> t{};
  for (std::string_view w : kTitles) t[w.size()] |= 1u << (w[0] - 'a');
  for (std::string_view w : kLabels) t[w.size()] |= 1u << (w[0] - 'a');
  return t;
}();

// Whether the token before ti could be a title or label for it: alphabetic, of a cue's
// length and initial, and at most four separator bytes before the name (CueBefore).
bool MayBeCue(const Unit& unit, size_t ti) {
  const Token& prev = unit.tokens[ti - 1];
  if (prev.kind != TokenKind::kAlpha || prev.size() < 2 || prev.size() > 10 ||
      unit.tokens[ti].start - prev.end > 4) {
    return false;
  }
  const auto initial = static_cast<unsigned>((unit.text[prev.start] | 0x20) - 'a');  // letters only here
  return ((kCueInitials[prev.size()] >> initial) & 1u) != 0;
}

LatinCue CueBefore(const Unit& unit, size_t ti) {
  const Token& tok = unit.tokens[ti];
  const std::string_view s = unit.text;
  // Separator run before the name: " ", ". ", ": ", "=", ", ".
  uint32_t j = tok.start;
  uint32_t gap = 0;
  bool colon = false;
  while (j > 0 && gap < 4) {
    const char b = s[j - 1];
    if (b == ' ' || b == '.' || b == ':' || b == '=' || b == ',' || b == '"' || b == '\t') {
      colon = colon || b == ':' || b == '=';
      --j;
      ++gap;
      continue;
    }
    break;
  }
  if (gap == 0) {
    // CJK label directly before: "姓名John Smith" is rare; "姓名：" ends in a full-width colon.
    return LatinCue::kNone;
  }
  if (ti == 0) {
    // A CJK label: "姓名： John Smith", "联系人:John".
    if (j >= 3) {
      char32_t c;
      const uint32_t ps = PrevStart(s, j);
      DecodeAt(s, ps, c);
      if (c == 0xFF1A && ps >= 6) {
        for (std::string_view w : kLabelContext) {
          if (w.size() <= ps && s.substr(ps - w.size(), w.size()) == w) return LatinCue::kLabel;
        }
      }
    }
    return LatinCue::kNone;
  }
  const Token& prev = unit.tokens[ti - 1];
  if (prev.end != j) {
    // Maybe a CJK label with a full-width colon between.
    return LatinCue::kNone;
  }
  return WordCue(unit.Slice(prev.start, prev.end), colon);
}

class LatinNameRecognizer final : public Recognizer {
 public:
  LatinNameRecognizer() : tables_(Latin()) {}
  std::string_view name() const override { return "latin_person_name"; }
  CategorySet categories() const override { return Bit(Category::kPersonName); }
  Interest interest() const override {
    Interest in;
    in.rules = {{TokenKind::kAlpha, Lengths(2, 20), ByteSet::Range('A', 'Z')}};
    return in;
  }

  // Fast rejection inline: the engine only offers alphabetic tokens starting with a
  // capital, so the second letter decides (see CapitalisedToken); all-caps
  // words ("INFO", "GET", "HTTP") end here. A capitalised word then needs a
  // capitalised word after it, or a title or label before it, or to open the unit
  // (a name column, a CJK label); "(KHTML, like Gecko)" ends here too.
  void OnToken(const Unit& unit, size_t ti, Sink& out) const override {
    const Token& tok = unit.tokens[ti];
    if (!CapitalisedToken(unit, tok)) return;
    if (ti != 0 && !MayBeCue(unit, ti)) {
      const size_t next = NextNameWord(unit, ti);
      if (next == 0 || !CapitalisedToken(unit, unit.tokens[next])) return;
    }
    Slow(unit, ti, out);
  }

 private:
  [[gnu::noinline]] void Slow(const Unit& unit, size_t ti, Sink& out) const {
    const Token& tok = unit.tokens[ti];
    const std::string_view s = unit.text;
    const std::string_view w = unit.Slice(tok.start, tok.end);
    const LatinTables& t = tables_;

    if (ti == 0 && unit.Hinted(Category::kPersonName)) {
      if (EmitWholeValue(unit, out)) return;
    }
    // The next word of the name: one space, or a middle initial "J. ".
    const size_t next = NextNameWord(unit, ti);
    const bool has_next = next != 0 && CapitalisedToken(unit, unit.tokens[next]);
    const LatinCue cue = CueBefore(unit, ti);
    if (cue != LatinCue::kNone) {
      const bool listed = t.surnames.count(w) != 0 || t.given.count(w) != 0 ||
                          (has_next && t.surnames.count(unit.Slice(unit.tokens[next].start, unit.tokens[next].end)) != 0);
      if (cue == LatinCue::kWeakLabel && !listed) return;
      if (has_next) {
        out.Emit(tok.start, unit.tokens[next].end, Category::kPersonName, 0.9f);
      } else if (cue == LatinCue::kTitle || listed) {
        out.Emit(tok.start, tok.end, Category::kPersonName, cue == LatinCue::kTitle ? 0.85f : 0.8f);
      }
      return;
    }
    if (!has_next) return;
    // Not the surname of a pair we already saw ("John Smith": called again for "Smith").
    auto g = t.given.find(w);
    if (g == t.given.end() || g->second < 0.5f) return;
    const std::string_view last = unit.Slice(unit.tokens[next].start, unit.tokens[next].end);
    if (t.surnames.count(last) == 0) return;
    // A third capitalised word glued on ("John Smith Street", "Grace Kelly Show") makes it
    // something else's name.
    if (unit.tokens[next].end < s.size() && s[unit.tokens[next].end] == ' ' && next + 1 < unit.tokens.size() &&
        unit.tokens[next + 1].start == unit.tokens[next].end + 1 && CapitalisedToken(unit, unit.tokens[next + 1])) {
      return;
    }
    out.Emit(tok.start, unit.tokens[next].end, Category::kPersonName, 0.65f);
  }

  const LatinTables& tables_;

  // Index of the token that continues a name after token ti, or 0 if none.
  static size_t NextNameWord(const Unit& unit, size_t ti) {
    const std::string_view s = unit.text;
    const Token& tok = unit.tokens[ti];
    if (ti + 1 >= unit.tokens.size()) return 0;
    const Token& nx = unit.tokens[ti + 1];
    if (nx.start == tok.end + 1 && s[tok.end] == ' ') {
      // Middle initial: "John F. Kennedy".
      if (nx.size() == 1 && IsUpper(s[nx.start]) && nx.end + 1 < s.size() && s[nx.end] == '.' &&
          s[nx.end + 1] == ' ' && ti + 2 < unit.tokens.size() && unit.tokens[ti + 2].start == nx.end + 2) {
        return ti + 2;
      }
      return nx.kind == TokenKind::kAlpha ? ti + 1 : 0;
    }
    return 0;
  }

  // A name column holding "John Smith", "Smith, John" or "Mary Ann O Neil".
  static bool EmitWholeValue(const Unit& unit, Sink& out) {
    const std::string_view s = unit.text;
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
    if (e - b < 2 || e - b > 64) return false;
    int words = 0;
    bool in_word = false;
    for (size_t i = b; i < e; ++i) {
      const char c = s[i];
      if (IsUpper(c) || IsLower(c) || c == '\'' || c == '-') {
        if (!in_word) {
          if (!IsUpper(c)) return false;
          ++words;
          in_word = true;
        }
      } else if (c == ' ' || c == ',' || c == '.') {
        in_word = false;
      } else {
        return false;
      }
    }
    if (words < 1 || words > 4) return false;
    out.Emit(static_cast<uint32_t>(b), static_cast<uint32_t>(e), Category::kPersonName, words >= 2 ? 0.9f : 0.75f);
    return true;
  }
};

}  // namespace

RecognizerList MakeLatinNameRecognizers() {
  RecognizerList list;
  list.push_back(std::make_unique<LatinNameRecognizer>());
  return list;
}

}  // namespace custos::detect
