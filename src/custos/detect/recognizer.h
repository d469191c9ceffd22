// Internal to detect: the interface recognizers implement and the view of a unit
// they are handed. Not part of the public API (see detector.h).
//
// The engine makes three cheap passes over a unit and hands recognizers only the
// candidates they asked for (Interest):
//  - tokens: maximal runs of ASCII [0-9A-Za-z], classed numeric / alpha / alnum and
//    by length. A numeric token is a whole digit run, so a 24-digit order number is
//    never offered to the 18-digit ID recognizer. Separators ('-', ' ', '.', ':') are
//    not tokens; recognizers that accept grouped forms (spaced cards, dotted IPs) look
//    at the neighbouring bytes themselves.
//  - '@' positions, for e-mail.
//  - keyword hits from one Vectorscan database compiled from every recognizer's
//    KeywordSpecs: context words (raise confidence, or are required), negative
//    context words (lower it), and triggers (call OnKeyword).
// Units with bytes >= 0x80 may also be offered whole (OnUnit) to CJK recognizers.
#ifndef CUSTOS_DETECT_RECOGNIZER_H_
#define CUSTOS_DETECT_RECOGNIZER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "custos/detect/detector.h"

namespace custos::detect {

enum class TokenKind : uint8_t { kNumeric, kAlpha, kAlnum };

struct Token {
  uint32_t start;
  uint32_t end;
  TokenKind kind;
  uint32_t size() const { return end - start; }
};

struct KeywordHit {
  uint32_t start;
  uint32_t end;
  uint32_t id;  // index into the engine's keyword table
};

enum class KeywordRole : uint8_t {
  kContext,   // supports the categories it names
  kNegative,  // argues against them (e.g. "订单号", "order no")
  kTrigger,   // calls the declaring recognizer's OnKeyword (and also counts as context)
};

struct KeywordSpec {
  std::string text;         // literal; ASCII letters match case-insensitively
  CategorySet categories;   // which categories it is context (or negative context) for
  KeywordRole role = KeywordRole::kContext;
};

// A set of bytes, for the cheap filters of a TokenRule.
struct ByteSet {
  uint64_t bits[4] = {~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0}};
  static constexpr ByteSet None() {
    ByteSet b;
    b.bits[0] = b.bits[1] = b.bits[2] = b.bits[3] = 0;
    return b;
  }
  static constexpr ByteSet Of(std::string_view chars) {
    ByteSet b = None();
    for (char c : chars) b.Add(static_cast<unsigned char>(c));
    return b;
  }
  static constexpr ByteSet Range(unsigned char lo, unsigned char hi) {
    ByteSet b = None();
    for (unsigned c = lo; c <= hi; ++c) b.Add(static_cast<unsigned char>(c));
    return b;
  }
  constexpr ByteSet operator|(ByteSet o) const {
    ByteSet b = *this;
    for (int i = 0; i < 4; ++i) b.bits[i] |= o.bits[i];
    return b;
  }
  constexpr void Add(unsigned char c) { bits[c >> 6] |= uint64_t{1} << (c & 63); }
  constexpr bool Has(unsigned char c) const { return (bits[c >> 6] >> (c & 63)) & 1; }
  constexpr bool IsAll() const { return (bits[0] & bits[1] & bits[2] & bits[3]) == ~uint64_t{0}; }
};

// A finer token subscription: tokens of `kind` with a length in `lengths` whose first
// byte, preceding byte and following byte lie in the given sets (byte 0 stands for
// "no byte": the unit's edge). The engine tests these before calling OnToken, so a
// recognizer that only cares about "1–3 digits followed by '.'" (IPv4) costs nothing
// on the millions of other short numbers in a log.
struct TokenRule {
  TokenKind kind;
  uint64_t lengths;
  ByteSet first{};
  ByteSet prev{};
  ByteSet next{};
};

// What a recognizer wants to be called for. Length masks: bit n set means tokens of
// n bytes; bit 63 means 63 bytes or more. Masks subscribe unconditionally; `rules` add
// filtered subscriptions.
struct Interest {
  uint64_t numeric_lengths = 0;
  uint64_t alpha_lengths = 0;
  uint64_t alnum_lengths = 0;
  std::vector<TokenRule> rules;
  bool at_sign = false;   // OnAt for each '@'
  bool every_unit = false;  // OnUnit for every unit
  bool cjk_units = false;   // OnUnit for units containing bytes >= 0x80
  bool hinted_units = false;  // OnUnit for units whose field hints name one of categories()
};

// Inclusive length range as a mask, for Interest.
constexpr uint64_t Lengths(unsigned lo, unsigned hi) {
  uint64_t m = 0;
  for (unsigned n = lo; n <= hi && n < 64; ++n) m |= uint64_t{1} << n;
  return m;
}

class Engine;

// The unit being scanned, with everything the passes found.
class Unit {
 public:
  std::string_view text;
  std::span<const Token> tokens;
  std::span<const KeywordHit> keywords;  // sorted by start
  // Categories some keyword in the unit is context for: a recognizer that needs context
  // can give up on a unit before looking at any candidate.
  CategorySet context_present = 0;
  // Likewise for negative context words.
  CategorySet negative_present = 0;
  // The longest keyword, in bytes: a hit that ends in a window starts at most this far
  // before it.
  uint32_t max_keyword = 0;
  const FieldHints* hints = nullptr;
  const Engine* engine = nullptr;

  // Byte at i, or 0 outside the unit: lets validators peek at neighbours safely.
  char At(int64_t i) const {
    return i < 0 || static_cast<uint64_t>(i) >= text.size() ? '\0' : text[static_cast<size_t>(i)];
  }
  std::string_view Slice(uint32_t start, uint32_t end) const { return text.substr(start, end - start); }
  // True when a context keyword for `c` lies within the window before `start` or after
  // `end`, or the field hints name `c`.
  bool HasContext(Category c, uint32_t start, uint32_t end) const;
  bool Hinted(Category c) const { return hints != nullptr && Contains(hints->categories, c); }
  // Today's date or the configured --as-of, yyyymmdd.
  uint32_t AsOf() const;
  std::string_view KeywordText(uint32_t id) const;
};

// Collects a recognizer's findings; the engine stamps the recognizer id.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void Emit(uint32_t start, uint32_t end, Category category, float confidence,
                    const Attributes& attributes = {}) = 0;
};

class Recognizer {
 public:
  virtual ~Recognizer() = default;
  // Stable name printed as "recognizer" in findings, e.g. "cn_resident_id".
  virtual std::string_view name() const = 0;
  // Categories this recognizer can emit; used to skip it when the user narrows the scan.
  virtual CategorySet categories() const = 0;
  virtual Interest interest() const = 0;
  virtual std::vector<KeywordSpec> keywords() const { return {}; }

  virtual void OnToken(const Unit& /*unit*/, size_t /*token_index*/, Sink& /*out*/) const {}
  virtual void OnAt(const Unit& /*unit*/, uint32_t /*pos*/, Sink& /*out*/) const {}
  virtual void OnKeyword(const Unit& /*unit*/, const KeywordHit& /*hit*/, Sink& /*out*/) const {}
  virtual void OnUnit(const Unit& /*unit*/, Sink& /*out*/) const {}
};

// Confidence with optional support from context: base without, boosted with.
inline float WithContext(bool has_context, float base, float boosted) { return has_context ? boosted : base; }

// Every built-in recognizer. Each recognizers/*.cc file contributes a factory here.
std::vector<std::unique_ptr<Recognizer>> BuiltinRecognizers();

}  // namespace custos::detect

#endif  // CUSTOS_DETECT_RECOGNIZER_H_
