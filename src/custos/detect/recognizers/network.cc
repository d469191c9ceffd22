// Network recognizers: IPv4 and IPv6 addresses, MAC addresses.
//
// IPv4 and MAC are offered short tokens and parse the dotted/colon-separated form from
// the bytes; IPv6 scans each unit's colons (16 bytes at a time) and validates maximal
// hex/colon runs with a private parser that accepts what glibc's inet_pton does.
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <bit>
#include <cstring>

#include "custos/detect/engine.h"
#include "custos/detect/recognizers/groups.h"
#include "custos/detect/recognizers/text.h"

namespace custos::detect {

namespace {

using namespace text;  // NOLINT: the shared byte, UTF-8 and context helpers
using Ctx = Nearest;

// Whether a supporting context word for `c` can lie anywhere in the unit: without one
// (and without a field hint) NearestContext() cannot answer kPositive, so callers that
// only ask about kPositive skip the keyword walk.
bool MayHavePositiveContext(const Unit& u, Category c) {
  return Contains(u.context_present, c) || u.Hinted(c);
}

// Bytes by role, one lookup instead of three range compares in the per-colon test.
constexpr uint8_t kHexByte = 1, kV6Byte = 2;  // hex digit; hex digit, ':' or '.'
constexpr std::array<uint8_t, 256> kByteRoles = [] {
  std::array<uint8_t, 256> t{};
  for (unsigned c = 0; c < 256; ++c) {
    if (IsHex(static_cast<char>(c))) t[c] = kHexByte | kV6Byte;
  }
  t[':'] = t['.'] = kV6Byte;
  return t;
}();
bool HexByte(char c) { return (kByteRoles[static_cast<unsigned char>(c)] & kHexByte) != 0; }
// A hex digit's value, 16 for any other byte.
constexpr std::array<uint8_t, 256> kNibble = [] {
  std::array<uint8_t, 256> t{};
  for (unsigned c = 0; c < 256; ++c) {
    t[c] = c >= '0' && c <= '9' ? static_cast<uint8_t>(c - '0')
           : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? static_cast<uint8_t>((c | 0x20) - 'a' + 10)
                                                    : 16;
  }
  return t;
}();
bool V6Byte(char c) { return (kByteRoles[static_cast<unsigned char>(c)] & kV6Byte) != 0; }

std::vector<KeywordSpec> IpKeywords() {
  std::vector<KeywordSpec> k;
  AddKeywords(k,
              {"ip", "地址", "addr", "client", "remote", "host", "peer", "forwarded", "realip"},
              Category::kIpAddress, KeywordRole::kContext);
  // Not "build": user agents carry "Build/..." right next to client addresses.
  AddKeywords(k, {"version", "ver", "版本", "firmware", "固件"}, Category::kIpAddress, KeywordRole::kNegative);
  return k;
}

// ---------------------------------------------------------------------------------
// IPv4: four dotted decimals 0-255 without leading zeros, not part of a longer dotted
// sequence ("1.2.3.4.5", version "20.38.242.5741") and not glued to letters.

// Parses one octet at i (before n, the unit's size): 1-3 digits, no leading zero, at most
// 255, and no fourth digit. Returns its end or 0. Unrolled and reading the bytes
// directly: the general digit loop with Unit::At() cost ~60 instructions an octet.
uint32_t Octet(const char* data, uint32_t n, uint32_t i, uint32_t* value) {
  if (i >= n || !IsDigit(data[i])) return 0;
  uint32_t v = static_cast<uint32_t>(Digit(data[i]));
  uint32_t e = i + 1;
  if (e < n && IsDigit(data[e])) {
    if (v == 0) return 0;  // leading zero
    v = v * 10 + static_cast<uint32_t>(Digit(data[e++]));
    if (e < n && IsDigit(data[e])) {
      v = v * 10 + static_cast<uint32_t>(Digit(data[e++]));
      if (v > 255 || (e < n && IsDigit(data[e]))) return 0;
    }
  }
  *value = v;
  return e;
}

class Ipv4Recognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "ipv4"; }
  CategorySet categories() const override { return Bit(Category::kIpAddress); }
  Interest interest() const override {
    Interest in;
    in.rules = {{TokenKind::kNumeric, Lengths(1, 3), {}, {}, ByteSet::Of(".")}};
    return in;
  }
  std::vector<KeywordSpec> keywords() const override { return IpKeywords(); }

  // Fast rejection inline; the rest out of line keeps this call cheap for the many
  // tokens that are not candidates.
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    // The rule offers only tokens followed by '.' (Slow() checks it again). The next
    // octet is 1-3 digits, so another '.' must follow within four bytes: not in
    // "12:00:37.191". Read directly when those bytes lie inside the unit.
    const uint32_t e = t.end;
    const char* d = u.text.data();
    if (uint64_t{e} + 5 <= u.text.size()) {
      if (d[e + 2] != '.' && d[e + 3] != '.' && d[e + 4] != '.') return;
    } else if (u.At(int64_t{e} + 2) != '.' && u.At(int64_t{e} + 3) != '.' && u.At(int64_t{e} + 4) != '.') {
      return;
    }
    // The second octet of an address seen from its first ("1.[2].3.4"), a version's
    // middle: Slow() would reject these too.
    if (u.At(Prev(t.start)) == '.' && IsAlnum(u.At(Prev(t.start, 2)))) return;
    Slow(u, t, out);
  }

  [[gnu::noinline]] void Slow(const Unit& u, const Token& t, Sink& out) const {
    if (u.At(t.end) != '.') return;
    const char before = u.At(Prev(t.start));
    if (before == '.' && IsAlnum(u.At(Prev(t.start, 2)))) return;  // inside a longer dotted sequence
    if (IsLetter(before)) return;
    const char* data = u.text.data();
    const auto n = static_cast<uint32_t>(u.text.size());
    uint32_t v[4];
    uint32_t i = t.start;
    for (int k = 0; k < 4; ++k) {
      if (k > 0) {
        if (i >= n || data[i] != '.') return;
        ++i;
      }
      i = Octet(data, n, i, &v[k]);
      if (i == 0) return;
    }
    const char after = u.At(i);
    if (IsAlnum(after)) return;
    if (after == '.' && IsAlnum(u.At(int64_t{i} + 1))) return;
    float conf = 0.85f;
    if (v[0] == 0 || v[0] == 127 || v[0] == 255 || v[0] >= 224) {
      conf = 0.3f;  // unspecified, loopback, masks, multicast/reserved: not a person's
    } else {
      // A version word labels the number right after it ("ver 10.2.3.4"); one further
      // away (a user agent's "app_ver=" later in the line) says nothing about this one.
      constexpr uint64_t kVersionLabelReach = 16;
      const Context c = FindContext(u, Category::kIpAddress, t.start, i);
      if (c.NearestIsPositive()) {
        conf = 0.95f;
      } else if (c.NearestIsNegative() && c.neg_distance <= kVersionLabelReach) {
        conf = 0.3f;
      } else if (v[0] < 10 && !(u.At(i) == ':' && IsDigit(u.At(int64_t{i} + 1))) &&
                 (u.At(Prev(t.start)) == ' ' || u.At(Prev(t.start)) == '(' || IsLetter(u.At(Prev(t.start))))) {
        // A single-digit first octet in running text ("update to 3.7.16.2", "(1.2.13.1)"),
        // with no context and no port, is far more often a version than an address. At
        // the start of a line (access logs) or after '=', quotes or '/' it stays an address.
        conf = 0.45f;
      } else if (i - t.start == 7) {
        // "1.2.3.4": single-digit octets look more like a version than an address,
        // unless a port follows ("8.8.4.4:53").
        conf = u.At(i) == ':' && IsDigit(u.At(int64_t{i} + 1)) ? 0.6f : 0.45f;
      }
    }
    out.Emit(t.start, i, Category::kIpAddress, conf);
  }
};

// ---------------------------------------------------------------------------------
// IPv6: full, compressed ("::") and with an embedded IPv4 address.

// What Check() asks of an address besides its validity.
struct Ipv6Shape {
  uint32_t colons = 0;
  uint32_t groups = 0;      // groups written out; an IPv4 tail counts as two
  bool compressed = false;  // has "::"
  bool long_group = false;  // a group of 3+ digits (an IPv4 tail always is one)
};

// glibc's inet_pton(AF_INET6) on [p, end), without the copy into a C string and the
// library call (~470 instructions a run), and noting the shape on the way. Same
// acceptance: up to four hex digits a group, at most one "::" (which must stand for at
// least one group), 16 bytes in all, an optional dotted IPv4 tail of four decimal
// octets without leading zeros. Fills the 16 address bytes on success.
bool ParseIpv6(const char* p, const char* end, unsigned char addr[16], Ipv6Shape* shape) {
  unsigned char tmp[16] = {};
  unsigned char* tp = tmp;
  unsigned char* const tend = tmp + 16;
  unsigned char* colonp = nullptr;
  Ipv6Shape sh;
  if (p == end) return false;
  if (*p == ':') {  // a leading ':' only as "::"
    ++sh.colons;
    if (++p == end || *p != ':') return false;
  }
  const char* group = p;  // where the current group starts, for an IPv4 tail
  unsigned digits = 0, val = 0;
  while (p < end) {
    const char c = *p++;
    if (const unsigned nibble = kNibble[static_cast<unsigned char>(c)]; nibble < 16) {
      if (digits == 4) return false;
      val = (val << 4) | nibble;
      if (digits == 0) ++sh.groups;
      if (++digits == 3) sh.long_group = true;
      continue;
    }
    if (c == ':') {
      ++sh.colons;
      group = p;
      if (digits == 0) {
        if (colonp != nullptr) return false;
        colonp = tp;
        continue;
      }
      if (p == end || tp + 2 > tend) return false;  // a trailing single ':'; too many groups
      *tp++ = static_cast<unsigned char>(val >> 8);
      *tp++ = static_cast<unsigned char>(val);
      digits = val = 0;
      continue;
    }
    if (c == '.' && tp + 4 <= tend) {
      // The tail from the group's start must be a whole dotted quad.
      unsigned octets = 0, v = 0;
      bool saw_digit = false;
      unsigned char quad[4];
      for (const char* q = group; q < end; ++q) {
        if (IsDigit(*q)) {
          if (saw_digit && v == 0) return false;  // leading zero
          v = v * 10 + static_cast<unsigned>(*q - '0');
          if (v > 255) return false;
          if (!saw_digit) {
            if (++octets > 4) return false;
            saw_digit = true;
          }
          quad[octets - 1] = static_cast<unsigned char>(v);
        } else if (*q == '.' && saw_digit) {
          if (octets == 4) return false;
          v = 0;
          saw_digit = false;
        } else {
          return false;
        }
      }
      if (octets < 4) return false;
      std::memcpy(tp, quad, 4);
      tp += 4;
      digits = 0;
      ++sh.groups;  // the tail's first digit counted one group; it stands for two
      sh.long_group = true;
      break;
    }
    return false;
  }
  if (digits > 0) {
    if (tp + 2 > tend) return false;
    *tp++ = static_cast<unsigned char>(val >> 8);
    *tp++ = static_cast<unsigned char>(val);
  }
  if (colonp != nullptr) {
    if (tp == tend) return false;  // "::" would stand for no group
    const auto n = static_cast<size_t>(tp - colonp);
    std::memmove(tend - n, colonp, n);
    std::memset(colonp, 0, static_cast<size_t>(tend - n - colonp));
    tp = tend;
    sh.compressed = true;
  }
  if (tp != tend) return false;
  std::memcpy(addr, tmp, 16);
  *shape = sh;
  return true;
}

class Ipv6Recognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "ipv6"; }
  CategorySet categories() const override { return Bit(Category::kIpAddress); }
  Interest interest() const override {
    Interest in;
    in.every_unit = true;
    return in;
  }
  std::vector<KeywordSpec> keywords() const override { return IpKeywords(); }

  // Runs on every unit, so the scan finds colons 16 bytes at a time and spends a few
  // table lookups on each (logs are full of "12:30:45" and "key: value").
  void OnUnit(const Unit& u, Sink& out) const override {
    const char* data = u.text.data();
    const size_t n = u.text.size();
    size_t done = 0;  // end of the last run checked: colons before it were part of it
    size_t b = 0;
#if defined(__SSE2__)
    const __m128i colon = _mm_set1_epi8(':');
    // 32 bytes a step, one test for both halves: most of a log line has no colon.
    for (; b + 32 <= n; b += 32) {
      const __m128i c0 = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + b)), colon);
      const __m128i c1 = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + b + 16)), colon);
      if (_mm_movemask_epi8(_mm_or_si128(c0, c1)) == 0) continue;
      auto m = static_cast<uint32_t>(_mm_movemask_epi8(c0)) | static_cast<uint32_t>(_mm_movemask_epi8(c1)) << 16;
      while (m != 0) {
        const size_t k = b + static_cast<size_t>(__builtin_ctz(m));
        m &= m - 1;
        if (k >= done && MayStartRun(data, n, k)) done = Run(u, k, done, out);
      }
    }
    if (b + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + b));
      auto m = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, colon)));
      while (m != 0) {
        const size_t k = b + static_cast<size_t>(__builtin_ctz(m));
        m &= m - 1;
        if (k >= done && MayStartRun(data, n, k)) done = Run(u, k, done, out);
      }
      b += 16;
    }
    if (n >= 16 && b < n) {
      // The last partial block: load the final 16 bytes and drop the ones already seen.
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + n - 16));
      auto m = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, colon))) >> (16 - (n - b));
      while (m != 0) {
        const size_t k = b + static_cast<size_t>(__builtin_ctz(m));
        m &= m - 1;
        if (k >= done && MayStartRun(data, n, k)) done = Run(u, k, done, out);
      }
      return;
    }
#endif
    for (; b < n; ++b) {
      if (data[b] == ':' && b >= done && MayStartRun(data, n, b)) done = Run(u, b, done, out);
    }
  }

 private:
  // A colon with neither a neighbouring colon nor 3+ hex digits on either side
  // ("12:30:45", "key: value") cannot pass Check(); a later colon of the same run still
  // can.
  static bool MayStartRun(const char* data, size_t n, size_t k) {
    const bool double_colon = (k > 0 && data[k - 1] == ':') || (k + 1 < n && data[k + 1] == ':');
    return double_colon || (k >= 3 && HexByte(data[k - 1]) && HexByte(data[k - 2]) && HexByte(data[k - 3])) ||
           (k + 3 < n && HexByte(data[k + 1]) && HexByte(data[k + 2]) && HexByte(data[k + 3]));
  }

  // Checks the maximal hex/colon/dot run around the colon at k (not reaching back
  // before `done`); returns its end.
  [[gnu::noinline]] static size_t Run(const Unit& u, size_t k, size_t done, Sink& out) {
    const char* data = u.text.data();
    const size_t n = u.text.size();
    size_t colons = 1;  // the one at k
    size_t s = k;
    while (s > done && V6Byte(data[s - 1])) colons += data[--s] == ':';
    const size_t e = RunEnd(data, k + 1, n, &colons);
    // Without "::" an address writes out all eight groups: seven colons, or six before
    // an IPv4 tail. Access logs' "[17/Apr/2024:16:03:07" has three and no "::", so it
    // is dropped here instead of in the parse. Check() only trims the run, which cannot
    // add colons, so this rejects nothing it would accept.
    if (colons < 6 && !HasDoubleColon(data + s, data + e, data + n)) return e;
    Check(u, static_cast<uint32_t>(s), static_cast<uint32_t>(e), out);
    return e;
  }

#if defined(__SSE2__)
  static uint32_t MoveMask(__m128i m) { return static_cast<uint32_t>(_mm_movemask_epi8(m)); }
  // Bytes in [lo, hi]: x - lo, unsigned, is at most hi - lo.
  static __m128i InRange(__m128i x, char lo, char hi) {
    const __m128i d = _mm_sub_epi8(x, _mm_set1_epi8(lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(static_cast<char>(hi - lo))), d);
  }
#endif

  // The end of the hex/colon/dot bytes from e on, adding their colons to *colons. An
  // address runs on for up to 45 bytes: 16 are classified at a time while 16 remain.
  static size_t RunEnd(const char* data, size_t e, size_t n, size_t* colons) {
#if defined(__SSE2__)
    for (; e + 16 <= n; e += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + e));
      const uint32_t colon = MoveMask(_mm_cmpeq_epi8(v, _mm_set1_epi8(':')));
      const uint32_t v6 = MoveMask(_mm_or_si128(
          _mm_or_si128(InRange(v, '0', ':'), _mm_cmpeq_epi8(v, _mm_set1_epi8('.'))),
          InRange(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'f')));  // 'A'-'F' fold onto 'a'-'f'
      if (v6 != 0xFFFF) {
        const auto len = static_cast<unsigned>(std::countr_one(v6));
        *colons += static_cast<size_t>(std::popcount(colon & ((1u << len) - 1)));
        return e + len;
      }
      *colons += static_cast<size_t>(std::popcount(colon));
    }
#endif
    for (; e < n && V6Byte(data[e]); ++e) *colons += data[e] == ':';
    return e;
  }

  // Whether [p, end) holds "::"; data_end bounds the unit, for a 16-byte load.
  static bool HasDoubleColon(const char* p, const char* end, const char* data_end) {
#if defined(__SSE2__)
    if (end - p <= 16 && data_end - p >= 16) {
      const uint32_t len = static_cast<uint32_t>(end - p);
      const uint32_t colon =
          MoveMask(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), _mm_set1_epi8(':'))) &
          ((1u << len) - 1);
      return (colon & (colon >> 1)) != 0;
    }
#endif
    for (; p + 1 < end; ++p) {
      if (p[0] == ':' && p[1] == ':') return true;
    }
    return false;
  }

  static void Check(const Unit& u, uint32_t s, uint32_t e, Sink& out) {
    while (e > s && u.text[e - 1] == '.') --e;  // sentence end
    if (e - s >= 2 && u.text[s] == ':' && u.text[s + 1] != ':') ++s;  // "ip:fe80::1"
    if (e - s >= 2 && u.text[e - 1] == ':' && u.text[e - 2] != ':') --e;  // "fe80::1: ..."
    if (e - s < 2 || e - s > 45) return;
    const char before = u.At(Prev(s)), after = u.At(e);
    if (IsAlnum(before) || before == '_' || IsAlnum(after) || after == '_') return;  // "std::x", identifiers
    unsigned char addr[16];
    Ipv6Shape shape;
    if (!ParseIpv6(u.text.data() + s, u.text.data() + e, addr, &shape)) return;
    // At least two colons, and "::" or a group of 3+ hex digits (not "1:2:3:4:5:6:7:8").
    if (shape.colons < 2 || !(shape.compressed || shape.long_group)) return;
    // The first 15 bytes all zero, as two word compares instead of a byte loop.
    uint64_t head = 0, tail7 = 0;
    std::memcpy(&head, addr, 8);
    std::memcpy(&tail7, addr + 8, 7);
    const bool zero_prefix = head == 0 && tail7 == 0;
    float conf;
    if (zero_prefix) {
      conf = 0.3f;  // "::", "::1": unspecified, loopback
    } else {
      const bool context = MayHavePositiveContext(u, Category::kIpAddress) &&
                           NearestContext(u, Category::kIpAddress, s, e) == Ctx::kPositive;
      conf = shape.groups >= 3 ? (context ? 0.95f : 0.85f) : (context ? 0.8f : 0.45f);
    }
    out.Emit(s, e, Category::kIpAddress, conf);
  }
};

// ---------------------------------------------------------------------------------
// MAC addresses: six hex pairs separated consistently by ':' or '-', or Cisco
// "aabb.ccdd.eeff".

class MacRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "mac"; }
  CategorySet categories() const override { return Bit(Category::kMacAddress); }
  Interest interest() const override {
    Interest in;
    // The first group: a hex pair before ':' or '-', or a Cisco quad before '.'.
    const ByteSet hex = ByteSet::Range('0', '9') | ByteSet::Range('a', 'f') | ByteSet::Range('A', 'F');
    for (TokenKind k : {TokenKind::kNumeric, TokenKind::kAlpha, TokenKind::kAlnum}) {
      in.rules.push_back(TokenRule{k, Lengths(2, 2), hex, {}, ByteSet::Of(":-")});
      in.rules.push_back(TokenRule{k, Lengths(4, 4), hex, {}, ByteSet::Of(".")});
    }
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> k;
    AddKeywords(k,
                {"mac", "mac地址", "macaddr", "hwaddr", "ether", "bssid", "物理地址", "physical address",
                 "网卡"},
                Category::kMacAddress, KeywordRole::kContext);
    return k;
  }

  // Fast rejection inline; the rest out of line keeps this call cheap for the many
  // tokens that are not candidates.
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    // The engine offers pairs before ':' or '-' and quads before '.'; the separator
    // must recur where the last group starts ("12:30:45" ends long before).
    const size_t last_sep = t.start + (t.size() == 2 ? 14 : 9);
    if (last_sep >= u.text.size() || u.text[last_sep] != u.text[t.end]) return;
    Slow(u, t, out);
  }

  [[gnu::noinline]] void Slow(const Unit& u, const Token& t, Sink& out) const {
    const char sep = u.At(t.end);
    uint32_t end = 0;
    bool all_digits = true, all_zero = true, all_f = true;
    auto note = [&](char c) {
      all_digits = all_digits && IsDigit(c);
      all_zero = all_zero && c == '0';
      all_f = all_f && (c == 'f' || c == 'F');
    };
    // Every byte of the address must be there; then they can be read directly.
    end = t.start + (t.size() == 2 ? 17 : 14);
    if (end > u.text.size()) return;
    const char* m = u.text.data() + t.start;
    if (t.size() == 2) {
      if (sep != ':' && sep != '-') return;
      for (uint32_t k = 0; k < 6; ++k) {
        const char* p = m + 3 * k;
        if (!HexByte(p[0]) || !HexByte(p[1])) return;
        if (k < 5 && p[2] != sep) return;
        note(p[0]);
        note(p[1]);
      }
    } else {
      if (sep != '.') return;
      for (uint32_t k = 0; k < 3; ++k) {
        const char* p = m + 5 * k;
        for (uint32_t j = 0; j < 4; ++j) {
          if (!HexByte(p[j])) return;
          note(p[j]);
        }
        if (k < 2 && p[4] != '.') return;
      }
    }
    // Not part of a longer sequence on either side.
    const char before = u.At(Prev(t.start));
    if (IsAlnum(before) || (before == sep && IsAlnum(u.At(Prev(t.start, 2))))) return;
    const char after = u.At(end);
    if (IsAlnum(after) || ((after == sep || after == '.' || after == ':' || after == '-') &&
                           IsAlnum(u.At(int64_t{end} + 1)))) {
      return;
    }
    const bool context = MayHavePositiveContext(u, Category::kMacAddress) &&
                         NearestContext(u, Category::kMacAddress, t.start, end) == Ctx::kPositive;
    float conf = context ? 0.95f : 0.85f;
    if (all_zero || all_f) {
      conf = 0.3f;  // unset or broadcast
    } else if (all_digits && sep != ':') {
      conf = context ? 0.8f : 0.45f;  // "12-34-56-78-90-12": as likely some other number
    }
    out.Emit(t.start, end, Category::kMacAddress, conf);
  }
};

}  // namespace

RecognizerList MakeNetworkRecognizers() {
  RecognizerList list;
  list.push_back(std::make_unique<Ipv4Recognizer>());
  list.push_back(std::make_unique<Ipv6Recognizer>());
  list.push_back(std::make_unique<MacRecognizer>());
  return list;
}

}  // namespace custos::detect
