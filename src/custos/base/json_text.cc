#include "custos/base/json_text.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace custos {

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;

// The high bit of every byte of `w` that JSON cannot carry as it is in ASCII text
// (>= 0x80, < 0x20, '"' or '\\'). Borrows only run upwards from a flagged byte, so the
// lowest flagged byte is exact (bytes above it may be flagged wrongly; callers only
// use the lowest).
inline uint64_t SpecialBytes(uint64_t w) {
  const auto zero_bytes = [](uint64_t x) { return (x - kOnes) & ~x & kHighBits; };
  const uint64_t below_space = (w - 0x20 * kOnes) & ~w & kHighBits;
  return (w & kHighBits) | below_space | zero_bytes(w ^ ('"' * kOnes)) | zero_bytes(w ^ ('\\' * kOnes));
}

inline bool IsPlainAscii(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

// Length of the prefix of s[i..] made of plain ASCII, eight bytes at a time (most
// values and previews are short ASCII: digits, letters, '@', '.', '-').
[[gnu::always_inline]] inline size_t PlainAsciiEnd(std::string_view s, size_t i) {
  const size_t n = s.size();
  if (n - i >= 8) {
    uint64_t w;
    for (; i + 8 <= n; i += 8) {
      std::memcpy(&w, s.data() + i, 8);
      if (const uint64_t m = SpecialBytes(w)) return i + static_cast<size_t>(__builtin_ctzll(m) / 8);
    }
    if (i == n) return n;
    // The last bytes, read as the (overlapping) final word: the bytes before i are
    // already known to be plain.
    std::memcpy(&w, s.data() + n - 8, 8);
    const uint64_t m = SpecialBytes(w);
    return m == 0 ? n : n - 8 + static_cast<size_t>(__builtin_ctzll(m) / 8);
  }
  while (i < n && IsPlainAscii(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// Well-formed UTF-8 (Unicode table 3-7): the lead byte gives the length and the range
// of the second byte, which rules out overlong forms, surrogates and code points above
// U+10FFFF; later bytes are 80..BF. Length 0: not a lead byte.
struct Utf8Lead {
  uint8_t length = 0;
  uint8_t second_min = 0x80;
  uint8_t second_max = 0xBF;
};
constexpr auto kUtf8Leads = [] {
  std::array<Utf8Lead, 256> t{};
  for (unsigned c = 0; c < 0x80; ++c) t[c].length = 1;
  for (unsigned c = 0xC2; c <= 0xDF; ++c) t[c].length = 2;
  for (unsigned c = 0xE0; c <= 0xEF; ++c) t[c].length = 3;
  for (unsigned c = 0xF0; c <= 0xF4; ++c) t[c].length = 4;
  t[0xE0].second_min = 0xA0;
  t[0xED].second_max = 0x9F;
  t[0xF0].second_min = 0x90;
  t[0xF4].second_max = 0x8F;
  return t;
}();

// Length of the valid UTF-8 sequence at s[i], or 0.
inline size_t ValidSequenceLength(std::string_view s, size_t i) {
  const Utf8Lead lead = kUtf8Leads[static_cast<unsigned char>(s[i])];
  if (lead.length <= 1) return lead.length;
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (s.size() - i < lead.length || b(1) < lead.second_min || b(1) > lead.second_max) return 0;
  for (size_t k = 2; k < lead.length; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
  }
  return lead.length;
}

constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// The digit writers below are small and sit on the per-finding path: always inlined.
[[gnu::always_inline]] inline void WritePair(char* p, uint32_t two_digits) { std::memcpy(p, kDigitPairs + 2 * two_digits, 2); }

// Exactly four digits, with leading zeros.
[[gnu::always_inline]] inline void Write4Digits(char* p, uint32_t v) {
  WritePair(p, v / 100);
  WritePair(p + 2, v % 100);
}

// v < 10000, without leading zeros.
[[gnu::always_inline]] inline char* WriteUpTo4Digits(char* out, uint32_t v) {
  if (v < 10) {
    *out = static_cast<char>('0' + v);
    return out + 1;
  }
  if (v < 100) {
    WritePair(out, v);
    return out + 2;
  }
  if (v < 1000) {
    *out = static_cast<char>('0' + v / 100);
    WritePair(out + 1, v % 100);
    return out + 3;
  }
  Write4Digits(out, v);
  return out + 4;
}

unsigned DecimalDigits(uint64_t v) {
  unsigned n = 1;
  for (; v >= 10000; v /= 10000) n += 4;
  return n + (v >= 10) + (v >= 100) + (v >= 1000);
}

}  // namespace

size_t Utf8SequenceLength(std::string_view s, size_t i) { return ValidSequenceLength(s, i); }

size_t JsonPlainLength(std::string_view s) {
  size_t i = PlainAsciiEnd(s, 0);  // the whole of most values
  // Text with multi-byte characters (CJK names, addresses): one character at a time.
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (!IsPlainAscii(c)) break;
      ++i;
    } else {
      const size_t n = ValidSequenceLength(s, i);
      if (n == 0) break;
      i += n;
    }
  }
  return i;
}

char* WriteJsonString(char* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  *out++ = '"';
  size_t i = 0;
  while (true) {
    // Copy the longest run that needs no escaping in one go.
    const size_t plain = JsonPlainLength(s.substr(i));
    std::memcpy(out, s.data() + i, plain);
    out += plain;
    i += plain;
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i++]);
    const auto put2 = [&](char a, char b) {
      out[0] = a;
      out[1] = b;
      out += 2;
    };
    switch (c) {
      case '"': put2('\\', '"'); break;
      case '\\': put2('\\', '\\'); break;
      case '\n': put2('\\', 'n'); break;
      case '\r': put2('\\', 'r'); break;
      case '\t': put2('\\', 't'); break;
      default:
        if (c >= 0x80) {  // not valid UTF-8 (JsonPlainLength stopped at it)
          std::memcpy(out, "\\ufffd", 6);
        } else {
          std::memcpy(out, "\\u00", 4);
          out[4] = kHex[c >> 4];
          out[5] = kHex[c & 15];
        }
        out += 6;
    }
  }
  *out++ = '"';
  return out;
}

char* WriteJsonUint(char* out, uint64_t v) {
  // Line numbers and offsets are short: up to eight digits take no loop and only
  // 32-bit arithmetic.
  if (v < 10000) return WriteUpTo4Digits(out, static_cast<uint32_t>(v));
  if (v < 100000000) {
    const auto x = static_cast<uint32_t>(v);
    out = WriteUpTo4Digits(out, x / 10000);
    Write4Digits(out, x % 10000);
    return out + 4;
  }
  // Longer: two digits per step, written back to front.
  const unsigned len = DecimalDigits(v);
  char* p = out + len;
  while (v >= 100) {
    p -= 2;
    WritePair(p, static_cast<uint32_t>(v % 100));
    v /= 100;
  }
  if (v >= 10) {
    WritePair(p - 2, static_cast<uint32_t>(v));
  } else {
    p[-1] = static_cast<char>('0' + v);
  }
  return out + len;
}

char* WriteJsonFixed2(char* out, double v) {
  if (v >= 0 && v <= 1) {  // confidences and shares: "0.00" to "1.00"
    const double scaled = v * 100.0;
    auto hundredths = static_cast<uint32_t>(scaled);
    if (scaled - static_cast<double>(hundredths) >= 0.5) ++hundredths;  // as std::round
    out[0] = hundredths == 100 ? '1' : '0';
    out[1] = '.';
    WritePair(out + 2, hundredths % 100);
    return out + 4;
  }
  if (!std::isfinite(v)) v = 0;
  // Integer arithmetic: this sits on the per-finding output path.
  const bool negative = v < 0;
  const double scaled = std::fabs(v) * 100.0;
  if (scaled >= 1e17) {
    auto r = std::to_chars(out, out + kJsonFixed2Bound, v, std::chars_format::fixed, 2);
    return r.ptr;
  }
  // Rounds half away from zero, as std::round does (without a libm call): for scaled
  // below 1e17 both the conversion and the fraction scaled - hundredths are exact.
  auto hundredths = static_cast<uint64_t>(scaled);
  if (scaled - static_cast<double>(hundredths) >= 0.5) ++hundredths;
  if (negative && hundredths != 0) *out++ = '-';
  if (hundredths < 100) {  // confidences: "0.xx"
    out[0] = '0';
    out[1] = '.';
    WritePair(out + 2, static_cast<uint32_t>(hundredths));
    return out + 4;
  }
  out = WriteJsonUint(out, hundredths / 100);
  *out++ = '.';
  WritePair(out, static_cast<uint32_t>(hundredths % 100));
  return out + 2;
}

void AppendJsonString(std::string& out, std::string_view s) {
  const size_t old = out.size();
  out.resize(old + JsonStringBound(s.size()));
  out.resize(static_cast<size_t>(WriteJsonString(out.data() + old, s) - out.data()));
}

void AppendJsonUint(std::string& out, uint64_t v) {
  char buf[kJsonUintBound];
  out.append(buf, static_cast<size_t>(WriteJsonUint(buf, v) - buf));
}

void AppendJsonFixed2(std::string& out, double v) {
  char buf[kJsonFixed2Bound];
  out.append(buf, static_cast<size_t>(WriteJsonFixed2(buf, v) - buf));
}

}  // namespace custos
