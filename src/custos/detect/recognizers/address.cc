// postal_address: Chinese postal addresses (GB/T 2260 gazetteer + administrative,
// road and number patterns) and Latin-script street addresses.
//
// Chinese: one left-to-right pass over the unit's code points. A run starts at a
// gazetteer name (province, prefecture or county, full or common short form, indexed
// by first code point) and grows component by component: further gazetteer names that
// lie inside the previous one (广东 → 深圳市 → 南山区, checked by code prefix), generic
// administrative units (…镇, …村, …街道), roads (…路, …大道 …), places (…小区, …大厦)
// and numbers (18号, 3栋, 201室). A run is reported only with a road or number part or
// two administrative levels, so a city named in prose (北京) is not an address. After
// a label (地址, 收货地址, address) or in a field hinted postal_address the run may
// start anywhere and is reported with high confidence.
//
// Latin: a street suffix token (Street, Ave, Rd, ...) looks back for a house number and
// one to five name words, then forward for a direction, a unit, and "City, ST 12345".
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "custos/detect/recognizers/cjk_scan.h"
#include "custos/detect/recognizers/groups.h"
#include "custos/detect/recognizers/text.h"

namespace custos::detect {

std::string_view Gb2260Province();  // embedded data/gb2260/province.csv
std::string_view Gb2260City();      // embedded data/gb2260/city.csv
std::string_view Gb2260Area();      // embedded data/gb2260/area.csv

namespace {

using namespace text;  // NOLINT: the shared byte, UTF-8 and context helpers

constexpr uint32_t kMaxAddressBytes = 256;

constexpr size_t kHanCount = kHanLast - kHanFirst + 1;

inline size_t HanIndex(char32_t c) { return static_cast<size_t>(c - kHanFirst); }


size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// First `count` code points of s.
std::string_view Prefix(std::string_view s, size_t count) {
  size_t i = 0;
  for (size_t k = 0; k < count && i < s.size(); ++k) {
    char32_t c;
    i += DecodeAt(s, i, c);
  }
  return s.substr(0, i);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ---------------------------------------------------------------------------------
// The gazetteer.

enum Level : uint8_t { kProvince = 1, kCity = 2, kArea = 3 };

struct Place {
  std::string bytes;
  uint32_t second;  // bytes 3..5 (the second character), for a cheap first test
  uint32_t code;    // 6-digit GB/T 2260 code
  uint8_t level;
  bool anchor;     // may start an address on its own (not a county short form)
};

struct Gazetteer {
  std::vector<uint16_t> bucket;            // per Han index: 0 = none, else index + 1
  std::vector<std::vector<Place>> places;  // longest first
  // 1 where an anchor place starts, indexed for cjk::HanScanner (by code point from U+4000).
  std::vector<uint8_t> anchor_first;
  // The places that share their first two characters (a run of a `places` list), found
  // by those six bytes: open addressing, each slot key << 16 | run index + 1 (0 = empty).
  struct Run {
    const Place* first;
    uint32_t count;
  };
  std::vector<Run> runs;
  std::vector<uint64_t> slots;
  int shift = 64;

  static size_t Hash(uint64_t key, int shift) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift); }
  const Run* FindRun(uint64_t key) const {
    const size_t mask = slots.size() - 1;
    for (size_t i = Hash(key, shift);; i = (i + 1) & mask) {
      const uint64_t slot = slots[i];
      if (slot == 0) return nullptr;
      if ((slot >> 16) == key) return &runs[(slot & 0xFFFF) - 1];
    }
  }
};

// The six bytes at s[i] (two three-byte characters) as one key; s.size() >= i + 6.
inline uint64_t Load6(const char* s) {
  uint32_t lo;
  uint16_t hi;
  std::memcpy(&lo, s, 4);
  std::memcpy(&hi, s + 4, 2);
  return uint64_t{lo} | (uint64_t{hi} << 32);
}

// Three bytes from s[i] as one integer (0 past the end).
inline uint32_t Load3(std::string_view s, size_t i) {
  if (i + 3 > s.size()) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  return (uint32_t{p[0]} << 16) | (uint32_t{p[1]} << 8) | uint32_t{p[2]};
}

void AddPlace(Gazetteer& g, std::string_view bytes, uint32_t code, uint8_t level, bool anchor) {
  if (CodePointCount(bytes) < 2) return;
  char32_t c;
  DecodeAt(bytes, 0, c);
  if (!IsHan(c)) return;
  uint16_t& b = g.bucket[HanIndex(c)];
  if (b == 0) {
    g.places.emplace_back();
    b = static_cast<uint16_t>(g.places.size());
  }
  auto& v = g.places[b - 1];
  for (const Place& p : v) {
    if (p.bytes == bytes && p.code == code) return;
  }
  v.push_back(Place{std::string(bytes), Load3(bytes, 3), code, level, anchor});
}

template <typename F>
void ForEachCsvRow(std::string_view csv, F&& f) {
  size_t pos = 0;
  while (pos < csv.size()) {
    size_t nl = csv.find('\n', pos);
    if (nl == std::string_view::npos) nl = csv.size();
    std::string_view line = csv.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t c1 = line.find(',');
    if (c1 != 6) continue;  // header or malformed
    uint32_t code = 0;
    bool digits = true;
    for (size_t i = 0; i < 6; ++i) {
      const char d = line[i];
      digits = digits && d >= '0' && d <= '9';
      code = code * 10 + static_cast<uint32_t>(d - '0');
    }
    if (!digits) continue;
    size_t c2 = line.find(',', c1 + 1);
    std::string_view name = line.substr(c1 + 1, c2 == std::string_view::npos ? std::string_view::npos : c2 - c1 - 1);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    if (!name.empty()) f(code, name);
  }
}

const Gazetteer& Gaz() {
  static const Gazetteer* g = [] {
    auto* gz = new Gazetteer();
    gz->bucket.assign(kHanCount, 0);
    ForEachCsvRow(Gb2260Province(), [&](uint32_t code, std::string_view name) {
      AddPlace(*gz, name, code, kProvince, true);
      std::string_view stem = name;
      for (std::string_view suf : {"特别行政区", "自治区", "省", "市"}) {
        if (EndsWith(stem, suf)) {
          stem.remove_suffix(suf.size());
          break;
        }
      }
      // 广西壮族 → 广西, 新疆维吾尔 → 新疆; 黑龙江 and 内蒙古 keep three characters.
      if (CodePointCount(stem) > 3) stem = Prefix(stem, 2);
      AddPlace(*gz, stem, code, kProvince, true);
    });
    ForEachCsvRow(Gb2260City(), [&](uint32_t code, std::string_view name) {
      if (name.find("辖") != std::string_view::npos || name.find("行政区划") != std::string_view::npos) return;
      AddPlace(*gz, name, code, kCity, true);
      if (name.find("自治州") != std::string_view::npos) return;
      std::string_view stem = name;
      for (std::string_view suf : {"地区", "市", "盟"}) {
        if (EndsWith(stem, suf)) {
          stem.remove_suffix(suf.size());
          break;
        }
      }
      if (stem.size() != name.size()) AddPlace(*gz, stem, code, kCity, true);
    });
    ForEachCsvRow(Gb2260Area(), [&](uint32_t code, std::string_view name) {
      if (name.find("辖") != std::string_view::npos) return;
      // Two-character county names (西区, 城区, 矿区) are words too: they continue an
      // address but do not start one.
      AddPlace(*gz, name, code, kArea, CodePointCount(name) > 2);
      if (name.find("自治") != std::string_view::npos) return;
      std::string_view stem = name;
      for (std::string_view suf : {"新区", "区", "县", "市", "旗"}) {
        if (EndsWith(stem, suf)) {
          stem.remove_suffix(suf.size());
          break;
        }
      }
      // County short forms (海淀, 南山) continue an address but never start one.
      if (stem.size() != name.size() && CodePointCount(stem) >= 2) AddPlace(*gz, stem, code, kArea, false);
    });
    gz->anchor_first.assign(cjk::HanScanner::kWantedSize, 0);
    for (size_t i = 0; i < kHanCount; ++i) {
      if (gz->bucket[i] == 0) continue;
      for (const Place& p : gz->places[gz->bucket[i] - 1u]) {
        if (p.anchor) gz->anchor_first[i + (kHanFirst - 0x4000)] = 1;
      }
    }
    // By second character, then longest first: a lookup finds the run for its second
    // character by binary search and takes the first (longest) name that matches.
    for (auto& v : gz->places) {
      std::stable_sort(v.begin(), v.end(), [](const Place& a, const Place& b) {
        return a.second != b.second ? a.second < b.second : a.bytes.size() > b.bytes.size();
      });
    }
    for (const auto& v : gz->places) {
      for (size_t i = 0; i < v.size();) {
        size_t j = i + 1;
        while (j < v.size() && v[j].second == v[i].second) ++j;
        // (A name whose second character is not three bytes long never matched.)
        if (v[i].bytes.size() >= 6) gz->runs.push_back(Gazetteer::Run{&v[i], static_cast<uint32_t>(j - i)});
        i = j;
      }
    }
    size_t size = 1024;
    while (size < gz->runs.size() * 2) size *= 2;
    gz->slots.assign(size, 0);
    gz->shift = 64 - std::countr_zero(size);
    for (size_t r = 0; r < gz->runs.size(); ++r) {
      const uint64_t key = Load6(gz->runs[r].first->bytes.data());
      size_t i = Gazetteer::Hash(key, gz->shift);
      while (gz->slots[i] != 0) i = (i + 1) & (size - 1);
      gz->slots[i] = (key << 16) | (r + 1);
    }
    return gz;
  }();
  return *g;
}

// Does `child` lie inside `parent` (by code prefix)? parent == nullptr: anything goes.
bool Inside(const Place* parent, const Place& child) {
  if (parent == nullptr) return true;
  if (child.level <= parent->level) return false;
  if (parent->level == kProvince) return child.code / 10000 == parent->code / 10000;
  return child.code / 100 == parent->code / 100;
}

// The places whose first two characters are the six bytes at pos; nullptr if none.
inline const Gazetteer::Run* RunAt(const Gazetteer& g, std::string_view s, uint32_t pos) {
  return s.size() - pos < 6 ? nullptr : g.FindRun(Load6(s.data() + pos));
}

// Longest name of `run` (found at byte pos) inside `parent`; nullptr if none.
const Place* MatchInRun(const Gazetteer::Run* run, std::string_view s, uint32_t pos, const Place* parent,
                        bool anchors_only) {
  for (const Place* p = run->first; p != run->first + run->count; ++p) {
    if (anchors_only && !p->anchor) continue;
    const size_t size = p->bytes.size();
    if (s.size() - pos < size || (size > 6 && std::memcmp(s.data() + pos + 6, p->bytes.data() + 6, size - 6) != 0)) {
      continue;
    }
    if (Inside(parent, *p)) return p;
  }
  return nullptr;
}

// Longest gazetteer name at byte pos (code point c) inside `parent`; nullptr if none.
const Place* MatchPlace(const Gazetteer& g, std::string_view s, uint32_t pos, char32_t c, const Place* parent,
                        bool anchors_only) {
  if (!IsHan(c)) return nullptr;
  const Gazetteer::Run* run = RunAt(g, s, pos);
  return run == nullptr ? nullptr : MatchInRun(run, s, pos, parent, anchors_only);
}

// ---------------------------------------------------------------------------------
// Generic components.

enum class Part : uint8_t { kNone, kAdmin, kRoad, kPlace, kNumber };

struct Suffix {
  std::string_view text;
  Part part;
  uint8_t min_body = 1;           // characters before the suffix, at least ...
  uint8_t max_body = 10;          // ... and at most
  std::string_view next_veto{};   // a following character that makes it another word (市场, 县长); Han only
  std::string_view prev_veto{};   // a preceding character that makes it another word (报道, 铁路); Han only
  bool after_numerals = false;    // a number suffix that may follow Chinese numerals alone (三号楼)
};

// Longer forms first where one is a prefix of another. Organisations (法院, 政府, 中心)
// are deliberately not place suffixes: in prose they name institutions, not addresses.
constexpr Suffix kSuffixes[] = {
    {"大道", Part::kRoad, 1, 8},
    // Numbered roads of development zones: 高新南一道, 科技园北二道 (一道 alone is "a").
    {"一道", Part::kRoad, 2, 8}, {"二道", Part::kRoad, 2, 8}, {"三道", Part::kRoad, 2, 8},
    {"四道", Part::kRoad, 2, 8}, {"五道", Part::kRoad, 2, 8}, {"六道", Part::kRoad, 2, 8},
    {"七道", Part::kRoad, 2, 8}, {"八道", Part::kRoad, 2, 8}, {"九道", Part::kRoad, 2, 8},
    {"大街", Part::kRoad, 1, 8},
    // A numbered section of a long road: 人民南路四段27号.
    {"段", Part::kRoad, 1, 2, "", "阶手片地时分身路号区"},
    {"胡同", Part::kRoad, 1, 6},
    {"街道", Part::kAdmin, 2, 6, "办"},
    {"路", Part::kRoad, 2, 8, "线上过边面由费况途灯人段网径子数", "铁公马道线网思出套门后前来去走问进近岔"},
    {"街", Part::kRoad, 2, 8, "头坊区舞市", "上大老长商步逛"},
    {"道", Part::kRoad, 2, 8, "理路德歉具别", "报知味频渠轨通隧赛跑车管难一厚公霸地门人说问大赤街水铁航要"},
    {"巷", Part::kRoad, 2, 6, "战子口", "小深陋街"},
    {"弄", Part::kRoad, 2, 6, "堂", "摆玩捉"},
    {"开发区", Part::kAdmin, 2, 8},
    {"工业区", Part::kAdmin, 2, 8},
    {"工业园", Part::kAdmin, 2, 8},
    {"新区", Part::kAdmin, 2, 6},
    {"园区", Part::kAdmin, 2, 8},
    {"社区", Part::kAdmin, 2, 6, "医卫服居"},
    {"省", Part::kAdmin, 2, 4, "长委级内外份钱略心事会城去得下"},
    {"市", Part::kAdmin, 2, 4, "场民长委政值面容区级属内外中县局辖府里", "上股楼车城超都夜黑早门"},
    {"区", Part::kAdmin, 2, 4, "域别块分间长委内外政县级", "地赛景校社园市城郊山灾禁误盲"},
    {"县", Part::kAdmin, 2, 4, "长委城级政", "郡州"},
    {"旗", Part::kAdmin, 2, 4, "下帜舰号手袍杆", "国红彩锦军队"},
    {"镇", Part::kAdmin, 2, 4, "长定静压痛守", "乡城市坐"},
    {"乡", Part::kAdmin, 2, 4, "村镇下亲长愁音间", "家故老城回思还异他"},
    {"村", Part::kAdmin, 2, 5, "长民委庄里口子", "农乡山渔球"},
    {"屯", Part::kAdmin, 2, 4, "兵田积"},
    {"小区", Part::kPlace, 2, 8, "物业"},
    {"花园", Part::kPlace, 2, 8},
    {"公寓", Part::kPlace, 2, 8},
    {"大厦", Part::kPlace, 2, 8},
    {"广场", Part::kPlace, 2, 8, "舞"},
    {"新村", Part::kPlace, 2, 6},
    {"家园", Part::kPlace, 2, 6},
    {"山庄", Part::kPlace, 2, 6},
    {"公馆", Part::kPlace, 2, 6},
    {"大楼", Part::kPlace, 2, 8},
    {"宿舍", Part::kPlace, 2, 8},
    {"苑", Part::kPlace, 2, 6},
    {"园", Part::kPlace, 3, 6, "区林长丁艺地", "公花校家乐菜果田陵"},
    {"城", Part::kPlace, 2, 6, "市乡区管建里墙际", "长京省县都进出古皇名进卫围"},
    {"湾", Part::kPlace, 2, 6, "区", "海港台"},
};

// Chinese numerals alone only before 号, 栋, 单元 ... (三号楼), not 四座 or 三层.
constexpr Suffix kNumberSuffixes[] = {
    {"号楼", Part::kNumber, 1, 10, "", "", true},
    {"号院", Part::kNumber},
    {"号", Part::kNumber, 1, 10, "码称召", "", true},
    {"栋", Part::kNumber, 1, 10, "", "", true},
    {"幢", Part::kNumber, 1, 10, "", "", true},
    {"座", Part::kNumber, 1, 10, "位谈"},
    {"单元", Part::kNumber, 1, 10, "", "", true},
    {"室", Part::kNumber, 1, 10, "内外友", "", true},
    {"楼", Part::kNumber, 1, 10, "市盘下上梯道"},
    {"层", Part::kNumber, 1, 10, "次面"},
    {"户", Part::kNumber, 1, 10, "口型籍"},
    {"期", Part::kNumber, 1, 10, "间末限货刊待望"},
    {"排", Part::kNumber, 1, 10, "名行队"},
    {"组", Part::kNumber, 1, 10, "织合成员长委", "", true},
    {"弄", Part::kNumber},   {"巷", Part::kNumber},
};

// Is the 3-byte character at s[pos] one of `chars` (3-byte characters only)?
bool CharIn(std::string_view chars, std::string_view s, size_t pos) {
  if (pos + 3 > s.size()) return false;
  for (size_t i = 0; i + 3 <= chars.size(); i += 3) {
    if (chars[i] == s[pos] && chars[i + 1] == s[pos + 1] && chars[i + 2] == s[pos + 2]) return true;
  }
  return false;
}

// The character after a suffix ending at byte e does not turn it into another word.
bool NextAllowed(const Suffix& x, std::string_view s, uint32_t e) { return x.next_veto.empty() || !CharIn(x.next_veto, s, e); }

// Characters that end an address run: function words and verbs that do not occur in
// place names.
constexpr std::string_view kStopChars = "的了是在我你他她它们说吗呢吧啊着被把都就也很还又要会去来到从对但而及或等这那个些么什谁哪怎没得";

struct Tables {
  std::vector<uint8_t> stop;     // per Han index
  std::vector<uint8_t> numeral;  // per Han index: Chinese numeral (一二三, 甲乙)
  // Suffixes by first character: per Han index 0 = none, else index + 1 into the lists.
  std::vector<uint8_t> suffix_bucket;
  std::vector<uint8_t> number_bucket;
  std::vector<std::vector<Suffix>> suffixes;
};

const Tables& Tab() {
  static const Tables* t = [] {
    auto* tb = new Tables();
    tb->stop.assign(kHanCount, 0);
    tb->numeral.assign(kHanCount, 0);
    tb->suffix_bucket.assign(kHanCount, 0);
    tb->number_bucket.assign(kHanCount, 0);
    auto mark = [](std::vector<uint8_t>& v, std::string_view chars) {
      for (size_t i = 0; i < chars.size();) {
        char32_t c;
        i += DecodeAt(chars, i, c);
        if (IsHan(c)) v[HanIndex(c)] = 1;
      }
    };
    mark(tb->stop, kStopChars);
    mark(tb->numeral, "一二三四五六七八九十百零〇甲乙丙丁");
    auto add = [tb](std::vector<uint8_t>& bucket, const Suffix& x) {
      char32_t c;
      DecodeAt(x.text, 0, c);
      uint8_t& b = bucket[HanIndex(c)];
      if (b == 0) {
        tb->suffixes.emplace_back();
        b = static_cast<uint8_t>(tb->suffixes.size());
      }
      tb->suffixes[b - 1u].push_back(x);  // keeps the list order: longer forms first
    };
    for (const Suffix& x : kSuffixes) add(tb->suffix_bucket, x);
    for (const Suffix& x : kNumberSuffixes) add(tb->number_bucket, x);
    return tb;
  }();
  return *t;
}

// The suffix from `bucket` that starts at byte pos (whose code point is c), if any.
inline const Suffix* SuffixAt(const Tables& t, const std::vector<uint8_t>& bucket, std::string_view s, uint32_t pos,
                              char32_t c) {
  if (!IsHan(c)) return nullptr;
  const uint8_t b = bucket[HanIndex(c)];
  if (b == 0) return nullptr;
  // The bucket is the suffix's first character, c: a Han code point has one three-byte
  // encoding, so only the bytes after it need comparing (a short loop, not memcmp).
  for (const Suffix& x : t.suffixes[b - 1u]) {
    const size_t size = x.text.size();
    if (s.size() - pos < size) continue;
    size_t k = 3;
    while (k < size && s[pos + k] == x.text[k]) ++k;
    if (k == size) return &x;
  }
  return nullptr;
}

inline bool IsAsciiAlnum(char32_t c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
inline bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsFullwidthDigit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }

struct Component {
  uint32_t end = 0;
  Part part = Part::kNone;
};

// A number component at pos: "18号", "3栋", "201室", "A座", "3-201", "十二号".
Component NumberAt(const Tables& t, std::string_view s, uint32_t pos, bool after_number) {
  uint32_t p = pos;
  int count = 0;
  bool digit = false, upper_only = true, ascii_digit = false;
  while (p < s.size() && count < 8) {
    char32_t c;
    const uint32_t l = DecodeAt(s, p, c);
    if (IsDigit(c) || IsFullwidthDigit(c)) {
      digit = true;
      ascii_digit = true;
    } else if (IsAsciiAlnum(c) || c == '-' || c == '#') {
      // letters and dashes inside a number: A座, 3-201, B1
    } else if (IsHan(c) && t.numeral[HanIndex(c)] != 0) {
      digit = true;
    } else {
      break;
    }
    upper_only = upper_only && c >= 'A' && c <= 'Z';
    p += l;
    ++count;
  }
  // Building letters count as numbers before a suffix: A座, B栋.
  const bool letters = upper_only && count <= 2;
  if (count == 0 || (!digit && !letters)) return {};
  if (p < s.size()) {
    char32_t c;
    DecodeAt(s, p, c);
    if (const Suffix* x = SuffixAt(t, t.number_bucket, s, p, c)) {
      const uint32_t e = p + static_cast<uint32_t>(x->text.size());
      // Chinese numerals alone only before some suffixes (after_numerals).
      const bool han_numerals = !ascii_digit;
      if (NextAllowed(*x, s, e) && (!han_numerals || x->after_numerals || letters)) {
        return Component{e, Part::kNumber};
      }
    }
  }
  // A bare trailing number right after another number part: "3栋201".
  if (after_number && digit && count <= 6) {
    char32_t c = 0;
    if (p < s.size()) DecodeAt(s, p, c);
    if (p >= s.size() || !IsHan(c)) return Component{p, Part::kNumber};
  }
  return {};
}

// A named component at pos: a body of up to 10 characters and a suffix. A road suffix
// found further on wins over an earlier place suffix (科技园路 is a road, not 科技园 + 路).
Component NamedAt(const Tables& t, std::string_view s, uint32_t pos) {
  uint32_t p = pos;
  Component fallback;
  uint32_t prev_pos = 0;      // byte offset of the previous character
  bool numerals_only = true;  // 三省, 四座: a count, not a name
  for (int count = 0; count < 11 && p < s.size(); ++count) {
    char32_t c;
    const uint32_t l = DecodeAt(s, p, c);
    const bool han = IsHan(c);
    if (count > 0 && han) {
      const Suffix* x = SuffixAt(t, t.suffix_bucket, s, p, c);
      // A numeral body is a count (三省, 四座), except for a road's section (四段).
      if (x != nullptr && numerals_only && x->text != "段") x = nullptr;
      if (x != nullptr) {
        const uint32_t e = p + static_cast<uint32_t>(x->text.size());
        const bool ok = count >= x->min_body && count <= x->max_body && NextAllowed(*x, s, e) &&
                        (x->prev_veto.empty() || !CharIn(x->prev_veto, s, prev_pos));
        if (ok && x->part == Part::kPlace) {
          if (fallback.part == Part::kNone) fallback = Component{e, x->part};
        } else if (ok) {
          if (fallback.part != Part::kNone && x->part != Part::kRoad) return fallback;
          // A village or district that names a road: 中关村大街, 新区大道.
          if (x->part == Part::kAdmin && e < s.size()) {
            char32_t d;
            DecodeAt(s, e, d);
            const Suffix* road = SuffixAt(t, t.suffix_bucket, s, e, d);
            if (road != nullptr && road->part == Part::kRoad) {
              return Component{e + static_cast<uint32_t>(road->text.size()), Part::kRoad};
            }
          }
          return Component{e, x->part};
        }
      }
    }
    if (han) {
      if (t.stop[HanIndex(c)] != 0) break;
      numerals_only = numerals_only && t.numeral[HanIndex(c)] != 0;
    } else if (IsAsciiAlnum(c)) {
      numerals_only = numerals_only && IsDigit(c);
    } else {
      break;
    }
    prev_pos = p;
    p += l;
  }
  return fallback;
}

struct Run {
  uint32_t end = 0;
  int admin = 0;  // administrative levels (gazetteer or generic)
  bool road = false;
  bool number = false;
  bool place = false;
  bool gazetteer = false;
  int gazetteer_levels = 0;  // administrative levels that are gazetteer names
};

// Grows an address from pos. `first` is the gazetteer name already matched at pos
// (nullptr in context mode, where the run may start with any component).
// After a street number, a named estate or building and the number in it:
// 长安街195号「金地名郡」7号楼268室. Two to six Han characters, then a number.
Component EstateThenNumber(const Tables& t, std::string_view s, uint32_t pos) {
  uint32_t k = pos;
  for (int n = 1; n <= 6 && k < s.size(); ++n) {
    char32_t c;
    const uint32_t l = DecodeAt(s, k, c);
    if (!IsHan(c) || t.stop[HanIndex(c)] != 0) break;
    k += l;
    if (n >= 2 && k < s.size() && s[k] >= '0' && s[k] <= '9') {
      const Component number = NumberAt(t, s, k, false);
      if (number.part == Part::kNumber) return number;
    }
  }
  return Component{};
}

Run Grow(const Gazetteer& g, const Tables& t, std::string_view s, uint32_t start, uint32_t pos, const Place* first) {
  Run r;
  r.end = pos;
  const Place* last = first;
  if (first != nullptr) {
    r.admin = 1;
    r.gazetteer = true;
    r.gazetteer_levels = 1;
  }
  uint32_t p = pos;
  while (p < s.size()) {
    // One space may separate components ("广东省 深圳市").
    uint32_t q = p;
    if (s[q] == ' ' && q + 1 < s.size() && q > start) ++q;
    char32_t c;
    DecodeAt(s, q, c);
    Component comp;
    const Place* place = nullptr;
    bool conflict = false;
    const Gazetteer::Run* run = !r.road && !r.number && !r.place && IsHan(c) ? RunAt(g, s, q) : nullptr;
    if (run != nullptr) {
      place = MatchInRun(run, s, q, last, false);
      // A place that does not lie inside the previous one (广东省上海市, 北京上海) ends the
      // run, unless it names a road (南京市鼓楼区上海路).
      if (place == nullptr && last != nullptr) {
        place = MatchInRun(run, s, q, nullptr, false);
        conflict = place != nullptr;
      }
    }
    if (place != nullptr) {
      // A gazetteer name followed by a road suffix is a road's name (北京路, 中山路).
      const uint32_t e = q + static_cast<uint32_t>(place->bytes.size());
      const Suffix* x = nullptr;
      if (e < s.size()) {
        char32_t d;
        DecodeAt(s, e, d);
        x = SuffixAt(t, t.suffix_bucket, s, e, d);
      }
      if (x != nullptr && x->part == Part::kRoad) {
        comp = Component{e + static_cast<uint32_t>(x->text.size()), Part::kRoad};
        place = nullptr;
      } else if (conflict) {
        break;
      } else {
        comp = Component{e, Part::kAdmin};
      }
    } else if (IsDigit(c) || IsFullwidthDigit(c) || (IsHan(c) && t.numeral[HanIndex(c)] != 0) || IsAsciiAlnum(c)) {
      // A bare number never follows a space: "18号 13812345678" is an address and a phone.
      comp = NumberAt(t, s, q, r.number && q == p);
      if (comp.part == Part::kNone) comp = NamedAt(t, s, q);
    } else if (IsHan(c)) {
      comp = NamedAt(t, s, q);
    }
    if (comp.part == Part::kNone && r.road && r.number && IsHan(c)) comp = EstateThenNumber(t, s, q);
    if (comp.part == Part::kNone) break;
    // Administrative units come before roads and numbers.
    if (comp.part == Part::kAdmin && (r.road || r.number)) break;
    if (comp.end - start > kMaxAddressBytes) break;
    switch (comp.part) {
      case Part::kAdmin:
        ++r.admin;
        if (place != nullptr) {
          last = place;
          r.gazetteer = true;
          ++r.gazetteer_levels;
        }
        break;
      case Part::kRoad: r.road = true; break;
      case Part::kPlace: r.place = true; break;
      case Part::kNumber: r.number = true; break;
      case Part::kNone: break;
    }
    r.end = comp.end;
    p = comp.end;
  }
  return r;
}

// Does a road suffix (路, 大道, 街 ...) start at byte e?
bool RoadAfter(const Tables& t, std::string_view s, uint32_t e) {
  if (e >= s.size()) return false;
  char32_t d;
  DecodeAt(s, e, d);
  const Suffix* x = SuffixAt(t, t.suffix_bucket, s, e, d);
  return x != nullptr && x->part == Part::kRoad;
}

// Confidence of a run found without context; 0 if it is not an address.
float RunConfidence(const Run& r) {
  if (r.admin >= 1 && r.road && r.number) return 0.85f;
  if (r.admin >= 1 && r.number) return 0.8f;
  if (r.admin >= 1 && r.road) return r.admin >= 2 ? 0.8f : 0.72f;
  if (r.road && r.number) return 0.65f;
  if (r.admin >= 3) return 0.65f;
  // Two levels, or one and a place name: a location more than an address.
  if (r.gazetteer_levels >= 2 || (r.admin >= 2 && r.place)) return 0.6f;
  if (r.admin >= 1 && r.place) return 0.55f;
  return 0.0f;
}

bool RunQualifiesInContext(const Run& r) { return r.gazetteer || r.road || r.number || r.admin >= 2; }

// Runs grown after a label, remembered for OnUnit. The engine calls OnKeyword for a
// label before OnUnit for the same unit, and OnUnit then usually reaches the same
// gazetteer name at the same byte and would grow the same run again (about half the
// recognizer's work on PI-dense logs). Grow is a pure function of the unit's bytes and
// its arguments, so a run is recalled only for a unit with the same bytes: the memo is
// per thread (recognizers are shared and const) and never changes a result.
struct GrowMemo {
  struct Entry {
    uint32_t start, pos;
    const Place* first;
    Run run;
  };
  std::string text;  // the unit the entries belong to
  std::array<Entry, 8> entries;
  size_t count = 0;
};

GrowMemo& Memo() {
  thread_local GrowMemo memo;
  return memo;
}

void RememberRun(std::string_view s, uint32_t start, uint32_t pos, const Place* first, const Run& r) {
  GrowMemo& m = Memo();
  if (m.count == 0 || std::string_view(m.text) != s) {
    m.text.assign(s);
    m.count = 0;
  }
  if (m.count < m.entries.size()) m.entries[m.count++] = GrowMemo::Entry{start, pos, first, r};
}

bool RecallRun(std::string_view s, uint32_t start, uint32_t pos, const Place* first, Run* r) {
  GrowMemo& m = Memo();
  for (size_t k = 0; k < m.count; ++k) {
    const GrowMemo::Entry& e = m.entries[k];
    if (e.start == start && e.pos == pos && e.first == first) {
      if (std::string_view(m.text) != s) return false;
      *r = e.run;
      return true;
    }
  }
  return false;
}

constexpr std::string_view kAddressLabels[] = {
    "地址",     "住址",     "收货地址", "家庭住址", "详细地址", "通讯地址", "联系地址", "送货地址",
    "寄件地址", "收件地址", "户籍地址", "居住地址", "现住址",   "住所",     "户籍所在地", "所在地",
    "address",  "addr"};

class ChineseAddressRecognizer final : public Recognizer {
 public:
  ChineseAddressRecognizer() {
    Gaz();
    Tab();
  }
  std::string_view name() const override { return "cn_postal_address"; }
  CategorySet categories() const override { return Bit(Category::kPostalAddress); }
  Interest interest() const override {
    Interest in;
    in.cjk_units = true;
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> k;
    for (std::string_view w : kAddressLabels) {
      k.push_back(KeywordSpec{std::string(w), Bit(Category::kPostalAddress), KeywordRole::kTrigger});
    }
    return k;
  }

  void OnKeyword(const Unit& unit, const KeywordHit& hit, Sink& out) const override {
    const std::string_view s = unit.text;
    uint32_t p = hit.end;
    for (int steps = 0; steps < 6 && p < s.size(); ++steps) {
      const char b = s[p];
      if (b == ' ' || b == '\t' || b == ':' || b == '=' || b == '"' || b == '\'') {
        ++p;
        continue;
      }
      char32_t c;
      const uint32_t l = DecodeAt(s, p, c);
      if (c == 0xFF1A || c == 0x3000 || c == U'是' || c == U'为' || c == U'在') {
        p += l;
        continue;
      }
      // "地址改成…", "地址更新为…": the verb is not part of the address.
      bool verb = false;
      // (Every verb starts with a character from U+4FEE to U+66F4: lead byte 0xE4-0xE6.)
      const auto lead = static_cast<unsigned char>(s[p]);
      const bool may_be_verb = lead >= 0xE4 && lead <= 0xE6;
      for (std::string_view v : {"改成", "改为", "更改为", "更新为", "变更为", "修改为", "换成", "填写为"}) {
        if (may_be_verb && s.substr(p).starts_with(v)) {
          p += static_cast<uint32_t>(v.size());
          verb = true;
          break;
        }
      }
      if (verb) continue;
      break;
    }
    EmitContextRun(unit, p, out);
  }

  void OnUnit(const Unit& unit, Sink& out) const override {
    const std::string_view s = unit.text;
    const Gazetteer& g = Gaz();
    const Tables& t = Tab();
    uint32_t i = 0;
    if (unit.Hinted(Category::kPostalAddress)) {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
      const uint32_t e = EmitContextRun(unit, i, out);
      if (e > i) i = e;
    }
    const uint32_t n = static_cast<uint32_t>(s.size());
    cjk::HanScanner scan(reinterpret_cast<const unsigned char*>(s.data()), n);
    int32_t idx = 0;
    for (i = scan.Next(i, g.anchor_first.data(), &idx); i < n; i = scan.Next(i, g.anchor_first.data(), &idx)) {
      // Most anchor characters start no gazetteer name here: one hash probe says so.
      const Gazetteer::Run* run = RunAt(g, s, i);
      const Place* first = run == nullptr ? nullptr : MatchInRun(run, s, i, nullptr, true);
      if (first == nullptr) {
        i += 3;
        continue;
      }
      const uint32_t e = i + static_cast<uint32_t>(first->bytes.size());
      Run r;
      if (!RecallRun(s, i, e, first, &r)) r = Grow(g, t, s, i, e, first);
      // A gazetteer name that is really a road's name: 中山路18号.
      if (RoadAfter(t, s, e)) {
        Run rr = Grow(g, t, s, i, i, nullptr);
        if (rr.end > r.end) r = rr;
      }
      const float conf = RunConfidence(r);
      if (conf > 0) {
        out.Emit(i, r.end, Category::kPostalAddress, conf);
        i = r.end;
      } else {
        i = e;
      }
    }
  }

 private:
  // Reads an address starting at p after a label; returns its end (p if none).
  static uint32_t EmitContextRun(const Unit& unit, uint32_t p, Sink& out) {
    const std::string_view s = unit.text;
    if (p >= s.size()) return p;
    const Gazetteer& g = Gaz();
    const Tables& t = Tab();
    char32_t c;
    DecodeAt(s, p, c);
    const Place* first = MatchPlace(g, s, p, c, nullptr, false);
    Run r;
    if (first != nullptr) {
      const uint32_t e = p + static_cast<uint32_t>(first->bytes.size());
      r = Grow(g, t, s, p, e, first);
      RememberRun(s, p, e, first, r);
    }
    // Growing from scratch reads the same first place and then continues exactly as
    // above, unless that place names a road (中山路): only then can it differ.
    if (first == nullptr || RoadAfter(t, s, p + static_cast<uint32_t>(first->bytes.size()))) {
      Run r2 = Grow(g, t, s, p, p, nullptr);
      if (r2.end > r.end) r = r2;
    }
    if (r.end <= p || !RunQualifiesInContext(r)) return p;
    out.Emit(p, r.end, Category::kPostalAddress, 0.9f);
    return r.end;
  }
};

}  // namespace

RecognizerList MakeAddressRecognizers() {
  RecognizerList v;
  v.push_back(std::make_unique<ChineseAddressRecognizer>());
  return v;
}

}  // namespace custos::detect
