// Internal to the Chinese name and address recognizers: finding the Han characters
// of a unit fast. Both recognizers walk a unit's code points only to stop at Han
// characters that may start a candidate, so they can skip everything else in bulk:
// ASCII 16 bytes at a time, other non-Han bytes one at a time.
//
// Skipping gives the same stops as decoding every code point with text::DecodeAt from
// the start: a valid multi-byte sequence consists of a lead byte and continuation bytes
// (0x80-0xBF), so a left-to-right decode lands on every byte that is not a
// continuation byte, and a Han lead byte (0xE4-0xE9) never is one.
#ifndef CUSTOS_DETECT_RECOGNIZERS_CJK_SCAN_H_
#define CUSTOS_DETECT_RECOGNIZERS_CJK_SCAN_H_

#include <emmintrin.h>

#include <cstdint>
#include <string_view>

#include "custos/detect/recognizers/text.h"

namespace custos::detect::cjk {

inline bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The Han character at p[i] as an index from U+4E00, or -1 when p[i] does not start a
// valid three-byte sequence of a Han character (as text::DecodeAt would read it).
[[gnu::always_inline]] inline int32_t HanAt(const unsigned char* p, uint32_t i, uint32_t n) {
  if (i + 2 >= n || static_cast<unsigned char>(p[i] - 0xE4) > 5 || !IsContinuation(p[i + 1]) ||
      !IsContinuation(p[i + 2])) {
    return -1;
  }
  const int32_t cp = ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
  return cp - static_cast<int32_t>(text::kHanFirst);  // negative below U+4E00 (lead 0xE4)
}

// Visits the Han characters of a unit left to right. A block of 32 bytes is classified
// at once (Han lead bytes 0xE4-0xE9 followed by two continuation bytes), so ASCII and
// other text cost a few instructions per block and each Han character a few more.
class HanScanner {
 public:
  HanScanner(const unsigned char* p, uint32_t n) : p_(p), n_(n) { Load(0); }

  // Position of the first Han character at or after `from` whose entry in `wanted` is
  // not 0 (its index from U+4E00 in *han), or n. `wanted` has kWantedSize entries, one
  // per code point from U+4000 (see WantedIndex); 0 below U+4E00. `from` must not go
  // back before the previous answer.
  [[gnu::always_inline]] uint32_t Next(uint32_t from, const uint8_t* wanted, int32_t* han) {
    if (from >= base_ + kStep) {
      Load(from);
    } else if (from > base_) {
      bits_ &= ~uint32_t{0} << (from - base_);
    }
    for (;;) {
      while (bits_ == 0) {
        if (base_ + kStep >= n_) return n_;
        Load(base_ + kStep);
      }
      const uint32_t i = base_ + static_cast<uint32_t>(__builtin_ctz(bits_));
      bits_ &= bits_ - 1;
      const uint32_t w = WantedIndex(p_ + i);
      if (wanted[w] != 0) {
        *han = static_cast<int32_t>(w) - (0x4E00 - 0x4000);
        return i;
      }
    }
  }

  // Index into a `wanted` table of the valid three-byte sequence at q with lead byte
  // 0xE4-0xE9: its code point minus U+4000. The continuation bytes' 10 prefix and the
  // lead's 1110 prefix are subtracted as one constant instead of masked off.
  static uint32_t WantedIndex(const unsigned char* q) {
    constexpr uint32_t kBias = (0xE4u << 12) + (0x80u << 6) + 0x80u;
    return (uint32_t{q[0]} << 12) + (uint32_t{q[1]} << 6) + uint32_t{q[2]} - kBias;
  }
  static constexpr size_t kWantedSize = 0xA000 - 0x4000;

 private:
  // Leads are looked for at the first 30 bytes of a 32-byte window (a lead needs the
  // two bytes after it), so windows start 30 bytes apart.
  static constexpr uint32_t kStep = 30;

  [[gnu::always_inline]] void Load(uint32_t at) {
    base_ = at;
    if (at >= n_) {
      bits_ = 0;
      return;
    }
    const uint32_t left = n_ - at;
    if (left >= 32) {
      bits_ = Classify(p_ + at) & ((uint32_t{1} << kStep) - 1);
    } else if (n_ >= 32) {
      // Never read past the unit: classify its last 32 bytes and shift the window's
      // part down. The bits shifted in are zeros, as if the unit were followed by bytes
      // that are neither leads nor continuations.
      bits_ = (Classify(p_ + n_ - 32) >> (32 - left)) & ((uint32_t{1} << kStep) - 1);
    } else {
      alignas(16) unsigned char tail[32];
      __builtin_memset(tail, 0, sizeof tail);
      __builtin_memcpy(tail, p_ + at, left);
      bits_ = Classify(tail) & ((uint32_t{1} << kStep) - 1);
    }
  }
  // Bit k: q[k] is a Han lead byte followed by two continuation bytes (within the 32).
  [[gnu::always_inline]] static uint32_t Classify(const unsigned char* q) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 16));
    const uint32_t lead = Mask(IsLead(a)) | (Mask(IsLead(b)) << 16);
    const uint32_t cont = Mask(IsCont(a)) | (Mask(IsCont(b)) << 16);
    return lead & (cont >> 1) & (cont >> 2);
  }
  static uint32_t Mask(__m128i v) { return static_cast<uint32_t>(_mm_movemask_epi8(v)); }
  static __m128i IsLead(__m128i v) {  // 0xE4..0xE9: (b + 0x1C) mod 256 <= 5
    const __m128i x = _mm_add_epi8(v, _mm_set1_epi8(0x1C));
    return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(5)), x);
  }
  static __m128i IsCont(__m128i v) {
    return _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))), _mm_set1_epi8(static_cast<char>(0x80)));
  }

  const unsigned char* p_;
  uint32_t n_;
  uint32_t base_ = 0;
  uint32_t bits_ = 0;
};

// The code point a left-to-right text::DecodeAt walk reads just before byte i (i > 0),
// found by looking back: U+FFFD where that walk reads a stray byte.
inline char32_t CodePointBefore(std::string_view s, uint32_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (p[i - 1] < 0x80) return p[i - 1];
  if (i >= 3) {
    const int32_t h = HanAt(p, i - 3, static_cast<uint32_t>(s.size()));
    if (h >= 0) return text::kHanFirst + static_cast<char32_t>(h);  // the common case
  }
  for (uint32_t k = i - 1;; --k) {
    if (!IsContinuation(p[k])) {
      char32_t c;
      return k + text::DecodeAt(s, k, c) == i ? c : U'\uFFFD';
    }
    if (k == 0 || i - k >= 4) return U'\uFFFD';
  }
}

}  // namespace custos::detect::cjk

#endif  // CUSTOS_DETECT_RECOGNIZERS_CJK_SCAN_H_
