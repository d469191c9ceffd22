// Internal to detect: the byte, UTF-8 and context-word helpers the recognizers share.
// Everything here is small and inline: it runs on every candidate.
#ifndef CUSTOS_DETECT_RECOGNIZERS_TEXT_H_
#define CUSTOS_DETECT_RECOGNIZERS_TEXT_H_

#include <algorithm>
#include <cstdlib>
#include <string>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

#include "custos/detect/engine.h"
#include "custos/detect/recognizer.h"

namespace custos::detect::text {

// ---- ASCII bytes --------------------------------------------------------------------

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsLetter(char c) { return IsUpper(c) || IsLower(c); }
constexpr bool IsAlnum(char c) { return IsDigit(c) || IsLetter(c); }
constexpr bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
constexpr bool IsHigh(char c) { return static_cast<unsigned char>(c) >= 0x80; }
constexpr int Digit(char c) { return c - '0'; }
// i - n as a signed offset, for Unit::At() just before a position.
constexpr int64_t Prev(uint32_t i, uint32_t n = 1) { return int64_t{i} - int64_t{n}; }

constexpr bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

constexpr bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
constexpr char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// s equals `lower` (given in lower case) ignoring ASCII case.
constexpr bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (Lower(s[i]) != lower[i]) return false;
  }
  return true;
}

constexpr bool InList(std::string_view s, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list) {
    if (s == w) return true;
  }
  return false;
}

// [*s, *e) is `text` without leading and trailing ASCII whitespace; false if empty.
inline bool Trim(std::string_view text, uint32_t* s, uint32_t* e) {
  uint32_t a = 0, b = static_cast<uint32_t>(text.size());
  while (a < b && IsSpace(text[a])) ++a;
  while (b > a && IsSpace(text[b - 1])) --b;
  *s = a;
  *e = b;
  return b > a;
}

// Whether the unit's bytes at [s, s + lit.size()) equal lit.
inline bool Has(const Unit& u, uint64_t s, std::string_view lit) {
  return s <= u.text.size() && u.text.size() - s >= lit.size() && u.text.compare(s, lit.size(), lit) == 0;
}

// ---- UTF-8 --------------------------------------------------------------------------

constexpr char32_t kHanFirst = 0x4E00;  // CJK Unified Ideographs
constexpr char32_t kHanLast = 0x9FFF;
constexpr bool IsHan(char32_t c) { return c >= kHanFirst && c <= kHanLast; }

// Decodes the code point at s[i] (i < s.size()); returns its length in bytes (>= 1).
// Invalid or truncated sequences decode as U+FFFD with length 1.
[[gnu::always_inline]] inline uint32_t DecodeAt(std::string_view s, size_t i, char32_t& cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  const unsigned char b0 = p[i];
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  if (b0 >= 0xE0 && b0 < 0xF0 && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
    cp = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{p[i + 1] & 0x3Fu} << 6) | char32_t{p[i + 2] & 0x3Fu};
    return 3;
  }
  if (b0 >= 0xC2 && b0 < 0xE0 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
    cp = (char32_t{b0 & 0x1Fu} << 6) | char32_t{p[i + 1] & 0x3Fu};
    return 2;
  }
  if (b0 >= 0xF0 && b0 < 0xF5 && i + 3 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80 &&
      (p[i + 3] & 0xC0) == 0x80) {
    cp = (char32_t{b0 & 0x07u} << 18) | (char32_t{p[i + 1] & 0x3Fu} << 12) | (char32_t{p[i + 2] & 0x3Fu} << 6) |
         char32_t{p[i + 3] & 0x3Fu};
    return 4;
  }
  cp = 0xFFFD;
  return 1;
}

// Start of the code point that ends just before byte i (i > 0).
inline uint32_t PrevStart(std::string_view s, uint32_t i) {
  uint32_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return j;
}

// Backs e up so that [s, e) does not end inside a UTF-8 sequence.
inline uint32_t Utf8Floor(const Unit& u, uint32_t s, uint32_t e) {
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

// ---- embedded data ----------------------------------------------------------------

// Non-comment, non-empty lines of an embedded data file, split at the first tab or space.
template <typename F>
void ForEachLine(std::string_view data, F&& f) {
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    size_t sep = line.find_first_of("\t ");
    std::string_view key = line.substr(0, sep);
    std::string_view value = sep == std::string_view::npos ? std::string_view() : line.substr(sep + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    f(key, value);
  }
}

inline double ParseNumber(std::string_view v, double fallback) {
  if (v.empty()) return fallback;
  std::string s(v);
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  return end == s.c_str() ? fallback : d;
}

// ---- context words ------------------------------------------------------------------

// A keyword whose ASCII-letter edges run on into more letters is part of a longer word
// ("ver" in "server", "vin" in "having"); a lower-to-upper case change counts as a word
// boundary ("userPhone", "cardNo").
inline bool WordBounded(const Unit& u, uint32_t start, uint32_t end) {
  const char first = u.At(start), before = u.At(Prev(start));
  if (IsLetter(first) && IsLetter(before) && !(IsLower(before) && IsUpper(first))) return false;
  const char last = u.At(Prev(end)), after = u.At(end);
  if (IsLetter(last) && IsLetter(after) && !(IsLower(last) && IsUpper(after))) return false;
  return true;
}

// Hits are sorted by start; skip those that end long before `lo` (no keyword is
// anywhere near kMaxKeyword bytes long, so none of them can reach it).
inline std::span<const KeywordHit>::iterator FirstHitNear(const Unit& u, uint32_t lo) {
  if (lo <= u.max_keyword) return u.keywords.begin();
  return std::lower_bound(u.keywords.begin(), u.keywords.end(), lo - u.max_keyword,
                          [](const KeywordHit& h, uint32_t v) { return h.start < v; });
}

// Whole-word context words for a category around [start, end), within the window.
struct Context {
  bool pos = false;  // a supporting word, or a field hint naming the category
  bool neg = false;  // an opposing word ("订单号" next to a number)
  uint64_t pos_distance = UINT64_MAX;  // bytes between the candidate and the nearest one
  uint64_t neg_distance = UINT64_MAX;
  // The nearer kind wins; a tie goes to the supporting word.
  bool NearestIsPositive() const { return pos && pos_distance <= neg_distance; }
  bool NearestIsNegative() const { return neg && neg_distance < pos_distance; }
};

// Calls visit(entry, is_positive) for each qualifying keyword, nearest-first not
// guaranteed; returns what was found.
template <typename Visit>
Context FindContext(const Unit& u, Category c, uint32_t start, uint32_t end, Visit&& visit) {
  Context r;
  if (u.Hinted(c)) {
    r.pos = true;
    r.pos_distance = 0;
  }
  if (!Contains(u.context_present | u.negative_present, c)) return r;
  const uint32_t window = u.engine->options().context_window;
  const uint32_t lo = start > window ? start - window : 0;
  const uint64_t hi = uint64_t{end} + window;
  for (auto it = FirstHitNear(u, lo); it != u.keywords.end(); ++it) {
    const KeywordHit& h = *it;
    if (h.start >= hi) break;
    if (h.end < lo || (h.end > start && h.start < end)) continue;
    const KeywordEntry& k = u.engine->keyword(h.id);
    const bool p = Contains(k.context, c), n = Contains(k.negative, c);
    if (!p && !n) continue;
    if (!WordBounded(u, h.start, h.end)) continue;
    const uint64_t d = h.end <= start ? start - h.end : h.start - end;
    if (p) {
      r.pos = true;
      r.pos_distance = std::min(r.pos_distance, d);
    }
    if (n) {
      r.neg = true;
      r.neg_distance = std::min(r.neg_distance, d);
    }
    visit(k, p);
  }
  return r;
}

inline Context FindContext(const Unit& u, Category c, uint32_t start, uint32_t end) {
  return FindContext(u, c, start, end, [](const KeywordEntry&, bool) {});
}

// Which context word lies nearest: supporting, opposing, or none in the window.
enum class Nearest : uint8_t { kNone, kPositive, kNegative };

inline Nearest NearestContext(const Unit& u, Category c, uint32_t start, uint32_t end) {
  const Context found = FindContext(u, c, start, end);
  if (found.NearestIsPositive()) return Nearest::kPositive;
  if (found.NearestIsNegative()) return Nearest::kNegative;
  return Nearest::kNone;
}

// Confidence by the nearest context word: `boosted` if it supports the category,
// `lowered` if it opposes it, `base` with none in the window.
inline float ScoreNearest(const Unit& u, Category c, uint32_t start, uint32_t end, float base, float boosted,
                          float lowered) {
  switch (NearestContext(u, c, start, end)) {
    case Nearest::kPositive: return boosted;
    case Nearest::kNegative: return lowered;
    case Nearest::kNone: break;
  }
  return base;
}

// Confidence: `with` supporting context, `against` with only opposing context, else `base`.
inline float Score(const Context& c, float base, float with, float against) {
  return c.pos ? with : (c.neg ? against : base);
}

// The digits [s, e) continue a dotted number (a decimal fraction, a version, an address).
inline bool InDottedNumber(const Unit& u, uint32_t s, uint32_t e) {
  return (u.At(int64_t{s} - 1) == '.' && IsDigit(u.At(int64_t{s} - 2))) ||
         (u.At(e) == '.' && IsDigit(u.At(int64_t{e} + 1)));
}

// The digits from `s` end a URL path segment or a hyphenated name ("testcase-detail/
// 5390364397928448", "fuzzer-5390364397928448"): an identifier's tail.
inline bool IdentifierTail(const Unit& u, uint32_t s) {
  const char b = u.At(int64_t{s} - 1);
  if (b == '/') return true;
  return (b == '-' || b == '_') && IsAlnum(u.At(int64_t{s} - 2));
}

inline void AddKeywords(std::vector<KeywordSpec>& out, std::initializer_list<const char*> words, CategorySet cats,
                        KeywordRole role = KeywordRole::kContext) {
  for (const char* w : words) out.push_back(KeywordSpec{w, cats, role});
}
inline void AddKeywords(std::vector<KeywordSpec>& out, std::initializer_list<const char*> words, Category c,
                        KeywordRole role = KeywordRole::kContext) {
  AddKeywords(out, words, Bit(c), role);
}

// Words that mark a number as something else (an order, a transaction, a shipment):
// negative context for the number-shaped identifiers.
inline void AddNumberNegatives(std::vector<KeywordSpec>& out, CategorySet cats) {
  AddKeywords(out,
              {"订单", "单号", "流水号", "交易号", "交易编号", "运单", "快递", "批次号", "发票号", "order", "order no",
               "order id", "tracking", "invoice", "txn", "transaction", "trace id", "request id"},
              cats, KeywordRole::kNegative);
}

}  // namespace custos::detect::text

#endif  // CUSTOS_DETECT_RECOGNIZERS_TEXT_H_
