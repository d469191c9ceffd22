// Masked previews: enough shape for a reviewer to recognise the kind of value, never
// enough to recover it.
//
// Previews sit on the per-finding output path (--format jsonl), so they are written
// straight into the caller's buffer, in at most two short passes over the value (count
// the characters, then copy or mask them).
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "custos/detect/detector.h"

namespace custos::detect {

namespace {

constexpr size_t Utf8Len(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

constexpr bool IsAsciiAlnum(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

// Per byte, as the lead byte of a code point: its length (Utf8Len: judged by the lead
// byte alone, an invalid byte counts as one code point) and whether it is content.
// Letters, digits, CJK and any byte that is not ASCII count as content (masked); ASCII
// punctuation and spaces are separators (kept, so the shape stays visible). One table
// lookup per character keeps the masking loops short.
constexpr uint8_t kLengthMask = 7;
constexpr uint8_t kContent = 8;
constexpr auto kLead = [] {
  std::array<uint8_t, 256> t{};
  for (size_t c = 0; c < 256; ++c) {
    const auto b = static_cast<unsigned char>(c);
    t[c] = static_cast<uint8_t>(Utf8Len(b) | (b >= 0x80 || IsAsciiAlnum(b) ? kContent : 0));
  }
  return t;
}();

uint8_t LeadInfo(char c) { return kLead[static_cast<unsigned char>(c)]; }

// Bytes of the code point at v[i] (a sequence cut off by the end stops there).
size_t CodePointLength(std::string_view v, size_t i) {
  return std::min<size_t>(LeadInfo(v[i]) & kLengthMask, v.size() - i);
}

char* Put(char* out, std::string_view s) {
  std::memcpy(out, s.data(), s.size());
  return out + s.size();
}

// A few bytes (a code point, a dialling prefix): cheaper than a call to memcpy.
char* PutShort(char* out, std::string_view cp) {
  for (char c : cp) *out++ = c;
  return out;
}

size_t ContentLength(std::string_view v) {
  size_t n = 0;
  for (size_t i = 0; i < v.size();) {
    const uint8_t info = LeadInfo(v[i]);
    n += (info & kContent) != 0 ? 1u : 0u;
    i += info & kLengthMask;  // may overshoot at a cut-off sequence: the loop ends
  }
  return n;
}

// Keeps the first `head` and last `tail` of the `content` content characters of `v`;
// separators stay.
char* KeepEnds(char* out, std::string_view v, size_t content, size_t head, size_t tail) {
  if (head + tail >= content) {
    // Too short to show both ends: show only the first character.
    head = content > 1 ? 1 : 0;
    tail = 0;
  }
  const size_t mask_end = content - tail;  // content characters [head, mask_end) become '*'
  size_t seen = 0, i = 0;
  while (i < v.size() && seen < mask_end) {
    const uint8_t info = LeadInfo(v[i]);
    if ((info & kLengthMask) == 1 && (info & kContent) != 0) {  // ASCII letter or digit, or a stray byte
      out[0] = seen++ >= head ? '*' : v[i];
      ++out;
      ++i;
      continue;
    }
    const size_t n = std::min<size_t>(info & kLengthMask, v.size() - i);
    if ((info & kContent) != 0 && seen++ >= head) {
      *out++ = '*';
    } else {
      out = PutShort(out, v.substr(i, n));
    }
    i += n;
  }
  return Put(out, v.substr(i));  // after the last masked character everything stays
}

// ASCII values of up to 64 bytes (nearly all identifiers) take a faster path: eight
// bytes at a time, the value is copied and its letters and digits (its content
// characters) noted as one bit per byte; masking then clears bits, not bytes.
constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;

// The high bit of each byte of `w` that is an ASCII letter or digit. Bytes of `w` must
// be ASCII (below 0x80): then no byte of the sums below carries into the next.
uint64_t AlnumBytes(uint64_t w) {
  const auto in_range = [](uint64_t x, uint64_t lo, uint64_t hi) {
    return (x + (0x80 - lo) * kOnes) & ~(x + (0x7F - hi) * kOnes) & kHighBits;  // lo <= x <= hi
  };
  return in_range(w, '0', '9') | in_range(w | 0x20 * kOnes, 'a', 'z');
}

// Bit k for byte k of a mask that has only high bits set: the multiplication moves the
// eight high bits, without carries, into the top byte.
uint64_t ByteBits(uint64_t high_bits) { return ((high_bits >> 7) * 0x0102040810204080ull) >> 56; }

// 0xFF in byte k of the result for each bit k set in `bits` (below 256): the
// multiplication copies `bits` into every byte, the AND keeps bit k in byte k, and the
// addition turns any set bit into the byte's high bit.
uint64_t ByteLanes(uint64_t bits) {
  const uint64_t spread = (bits * kOnes) & 0x8040201008040201ull;
  return (((spread + 0x7F * kOnes) & kHighBits) >> 7) * 0xFF;
}

// The rule of KeepEnds for ASCII values of at most 64 bytes: copies `v` to `out` and
// masks its middle letters and digits, keeping the first `head` and last `tail`. With
// `min_content` set, values with fewer letters and digits than that keep only their
// first character. Returns nullptr for other values (then `out` holds nothing useful).
char* KeepEndsAscii(char* out, std::string_view v, size_t head, size_t tail, size_t min_content = 0) {
  const size_t n = v.size();
  if (n > 64) return nullptr;
  uint64_t all = 0;      // every byte ORed: has a high bit if any byte is not ASCII
  uint64_t content = 0;  // bit k: byte k is a letter or digit
  size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    uint64_t w;
    std::memcpy(&w, v.data() + k, 8);
    std::memcpy(out + k, &w, 8);
    all |= w;
    content |= ByteBits(AlnumBytes(w)) << k;
  }
  if (k < n) {  // the last one to seven bytes, in the low bytes of `w`
    uint64_t w = 0;
    if (n >= 8) {
      std::memcpy(&w, v.data() + n - 8, 8);  // overlaps bytes already done
      std::memcpy(out + n - 8, &w, 8);
      w >>= 8 * (8 - (n - k));
    } else {
      for (size_t j = 0; j < n; ++j) {
        w |= uint64_t{static_cast<unsigned char>(v[j])} << (8 * j);
        out[j] = v[j];
      }
    }
    all |= w;
    content |= ByteBits(AlnumBytes(w)) << k;
  }
  if ((all & kHighBits) != 0) return nullptr;
  uint64_t masked = content;
  if (min_content > 0) {
    uint64_t rest = content;  // fewer than min_content bits?
    for (size_t i = 1; i < min_content && rest != 0; ++i) rest &= rest - 1;
    if (rest == 0) {
      head = 1;
      tail = 0;
    }
  }
  // Keep the first `head` and the last `tail` content bits. Usually the value starts
  // and ends with them (no separators there): then one mask does it.
  const uint64_t first = (uint64_t{1} << head) - 1;
  // (tail == 0 is kept apart: with n == 64 the shift by n - tail would be undefined.)
  const uint64_t last = tail > 0 && n >= head + tail ? ((uint64_t{1} << tail) - 1) << (n - tail) : 0;
  if (n >= head + tail && (content & first) == first && (content & last) == last) {
    masked &= ~(first | last);
  } else {
    for (size_t h = 0; h < head && masked != 0; ++h) masked &= masked - 1;  // lowest bit off
    for (size_t t = 0; t < tail && masked != 0; ++t) masked &= ~(uint64_t{1} << (63 - __builtin_clzll(masked)));
  }
  if (masked == 0) {
    // Too short to show both ends: show only the first character.
    masked = content & (content - 1);
    if (masked == 0) masked = content;
  }
  if (n < 8) {
    for (; masked != 0; masked &= masked - 1) out[__builtin_ctzll(masked)] = '*';
    return out + n;
  }
  // Eight bytes at a time, the last eight overlapping (masking twice changes nothing).
  for (size_t at = 0;; at += 8) {
    if (at + 8 > n) at = n - 8;
    if (const uint64_t lanes = ByteLanes((masked >> at) & 0xFF)) {
      uint64_t w;
      std::memcpy(&w, out + at, 8);
      w = (w & ~lanes) | ('*' * kOnes & lanes);
      std::memcpy(out + at, &w, 8);
    }
    if (at + 8 >= n) return out + n;
  }
}

char* KeepEnds(char* out, std::string_view v, size_t head, size_t tail) {
  if (char* end = KeepEndsAscii(out, v, head, tail)) return end;
  return KeepEnds(out, v, ContentLength(v), head, tail);
}

char* MaskPersonName(char* out, std::string_view value) {
  bool word_start = true, first = true;
  for (size_t i = 0; i < value.size();) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c < 0x80) {  // the same rule, for one ASCII byte (Latin names): no substrings
      const bool separator = c == ' ' || c == '.' || c == '-';
      *out++ = separator || first || word_start ? value[i] : '*';
      word_start = separator;
      first = first && separator;
      ++i;
      continue;
    }
    const size_t n = CodePointLength(value, i);
    const std::string_view cp = value.substr(i, n);
    i += n;
    // The middle dot of transliterated names (U+00B7, or the katakana U+30FB) separates
    // words like a space: "阿卜杜勒·克里木" -> "阿***·***".
    if (n == 1 ? (cp[0] == ' ' || cp[0] == '.' || cp[0] == '-') : (cp == "\u00B7" || cp == "\u30FB")) {
      out = PutShort(out, cp);
      word_start = true;
      continue;
    }
    const bool cjk = n > 1;
    if (first || (word_start && !cjk)) {
      out = PutShort(out, cp);
    } else {
      *out++ = '*';
    }
    first = false;
    word_start = false;
  }
  return out;
}

char* MaskPostalAddress(char* out, std::string_view value) {
  // Shows the first six characters of a long address (about province and city), half
  // of a short one. Only the first nine code points matter to decide which.
  size_t ends[10] = {0};  // ends[k]: byte offset after the first k code points
  size_t count = 0;
  for (size_t i = 0; i < value.size() && count < 9;) {
    i += CodePointLength(value, i);
    ends[++count] = i;
  }
  const size_t keep = count > 8 ? 6 : count / 2;
  out = Put(out, value.substr(0, ends[keep]));
  return Put(out, "****");
}

char* MaskIpAddress(char* out, std::string_view value) {
  const size_t colon = value.find(':');
  if (colon != std::string_view::npos) {
    out = Put(out, value.substr(0, colon));
    return Put(out, ":****");
  }
  const size_t d1 = value.find('.');
  const size_t d2 = d1 == std::string_view::npos ? d1 : value.find('.', d1 + 1);
  if (d2 == std::string_view::npos) return KeepEnds(out, value, 1, 0);
  out = Put(out, value.substr(0, d2));
  return Put(out, ".*.*");
}

char* MaskGeoCoordinates(char* out, std::string_view value) {
  bool after_dot = false;
  int kept = 0;
  for (char c : value) {
    if (c == '.') {
      after_dot = true;
      kept = 0;
      *out++ = c;
    } else if (c >= '0' && c <= '9' && after_dot) {
      *out++ = kept++ < 1 ? c : '*';
    } else {
      if (c != '-' && !(c >= '0' && c <= '9')) after_dot = false;
      *out++ = c;
    }
  }
  return out;
}

}  // namespace

char* WriteMaskedPreview(char* out, Category category, std::string_view value) {
  switch (category) {
    case Category::kCnResidentId:
    case Category::kBankCardNumber:
      return KeepEnds(out, value, 6, 4);
    case Category::kPhoneNumber: {
      // An international prefix ("+86 ", "0086-") stays; the national number shows its
      // first three and last four digits, as on Chinese receipts.
      size_t national = 0;
      if (!value.empty() && (value[0] == '+' || value.starts_with("00"))) {
        for (size_t i = 1; i < value.size() && national == 0; ++i) {
          if (value[i] == ' ' || value[i] == '-' || value[i] == '(') national = i;
        }
        out = PutShort(out, value.substr(0, national));
      }
      return KeepEnds(out, value.substr(national), 3, 4);
    }
    case Category::kPersonName:
      return MaskPersonName(out, value);
    case Category::kEmailAddress: {
      const size_t at = value.rfind('@');
      if (at == std::string_view::npos || at == 0) return KeepEnds(out, value, 1, 0);
      out = Put(out, value.substr(0, std::min(Utf8Len(static_cast<unsigned char>(value[0])), at)));
      out = Put(out, "***");
      return Put(out, value.substr(at));
    }
    case Category::kCredentialSecret:
      return Put(out, "********");
    case Category::kHealthInfo:
      return Put(out, "****");
    case Category::kPostalAddress:
      return MaskPostalAddress(out, value);
    case Category::kIpAddress:
      return MaskIpAddress(out, value);
    case Category::kDateOfBirth:
      return KeepEnds(out, value, 4, 0);
    case Category::kGeoCoordinates:
      return MaskGeoCoordinates(out, value);
    default: {
      // Short identifiers show only their first character.
      if (char* end = KeepEndsAscii(out, value, 2, 2, 8)) return end;
      const size_t content = ContentLength(value);
      return content < 8 ? KeepEnds(out, value, content, 1, 0) : KeepEnds(out, value, content, 2, 2);
    }
  }
}

void AppendMaskedPreview(std::string& out, Category category, std::string_view value) {
  const size_t old = out.size();
  out.resize(old + value.size() + kMaskedPreviewSlack);
  out.resize(static_cast<size_t>(WriteMaskedPreview(out.data() + old, category, value) - out.data()));
}

std::string MaskedPreview(Category category, std::string_view value) {
  std::string out;
  AppendMaskedPreview(out, category, value);
  return out;
}

}  // namespace custos::detect
