// person_name: Chinese names (surname dictionary + a small given-name model + context)
// and Latin-script names (given-name and surname lists, or a capitalised pair after a
// title or label).
//
// Chinese: one left-to-right pass over the unit's code points. At a surname character
// (single, or the first of a compound surname) the recognizer weighs the surname's
// frequency, the one or two following characters as given-name characters, what
// precedes the candidate (a boundary, a role word such as 记者, a preposition) and
// what follows it (a boundary, a title such as 先生, a verb such as 说, a function
// character; anything else costs points). Common words that begin with a surname
// character (高兴, 周末, 黄金) and place names (宁波) are never read as names without a
// label. Lookups are flat tables indexed by code point, so the pass is linear and
// allocation-free. Label words (姓名, 联系人, 客户, ...) trigger a second path that reads
// the name right after them with high confidence; a unit whose field is hinted
// person_name is read whole. A name found once vouches for its other mentions in the
// same unit.
//
// Measured with bench/eval_cluener.py on CLUENER2020 dev (exact spans, all `name`
// labels including foreign and Latin-script names): precision ~0.86, recall ~0.41.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "custos/detect/recognizers/cjk_scan.h"
#include "custos/detect/recognizers/groups.h"
#include "custos/detect/recognizers/name_labels.h"
#include "custos/detect/recognizers/text.h"

namespace custos::detect {

std::string_view ChineseSurnames();    // embedded data/names/cn_surnames.txt
std::string_view ChineseGivenChars();  // embedded data/names/cn_given_chars.tsv
std::string_view ChineseNonNames();    // embedded data/names/cn_not_names.txt
std::string_view Gb2260Province();     // embedded data/gb2260/province.csv
std::string_view Gb2260City();         // embedded data/gb2260/city.csv

namespace {

using namespace text;  // NOLINT: the shared byte, UTF-8 and context helpers
// Model weights in tenths, tuned on the CLUENER2020 training split (see
// bench/eval_cluener.py); the dev split is kept for reporting.
constexpr int kUnlistedGiven = -6;     // a given-name character not in the list
constexpr int kThreshold = 25;         // score needed without context
constexpr int kMidWord = -15;          // a Han character before the surname that is no cue
constexpr int kTitleBonus = 15;        // 先生, 女士, 经理 after the name
constexpr int kSingleGiven = 0;        // one given character instead of two
constexpr int kOtherAfter = -20;       // a Han character after the name that is no cue
constexpr double kSurnameScale = 0.7;  // surname score = ln(share / 0.1%) * scale
constexpr double kSurnameFloor = -2.5;
constexpr int kTopSurname = 22;        // surname score of the dozen most common (1.5% and up)

// ---------------------------------------------------------------------------------
// UTF-8 and code point helpers.

constexpr size_t kHanCount = kHanLast - kHanFirst + 1;



inline size_t HanIndex(char32_t c) { return static_cast<size_t>(c - kHanFirst); }

std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    char32_t c;
    i += DecodeAt(s, i, c);
    out.push_back(c);
  }
  return out;
}


// ---------------------------------------------------------------------------------
// Chinese word lists that live in code: function characters, and the words that
// typically precede or follow a name.

// Characters that are almost never part of a given name: function words, pronouns,
// common verbs and measure words.
constexpr std::string_view kStopChars =
    "的了是在和我你您他她它这那个们也就都而及与着或于被把让给从到对向以等所其此但又还很更最已将会能要"
    "该并却只说去做看得地里后吗呢吧啊哪谁什么怎没人点些每各某当因比己第次种样想知道使用进回起公司市省"
    "区县号啦嘛呀哦嗯哈噢罢即既且仍乃便令今昨本彼另外内虽除非两几请叫称让经据按往跟位名副行总部局处系";

// Characters that are mostly function words but do occur in given names (王为民, 孙中山,
// 张一白, 谢有福): a penalty, not a veto.
constexpr std::string_view kSoftChars = "有中来上下为不之前时年月日无元多少好开出一大再作同自由如然问道亦可若则照才科过";

// Single characters that may follow a name directly: "张伟说", "李娜在", "王芳的".
constexpr std::string_view kFollowChars =
    "是的在和与及等也都就又将已曾被把对向从因于则还却所说称今昨便乃即并正要会能可了这那到去来给让"
    "同跟率带作任出为以指问答道讲笑看听想做没不从先后再更最很均亦仍独和、";

// Characters that may precede a name directly: "和张伟", "由李娜", "给王芳".
constexpr std::string_view kLeftChars = "和与及同跟对向给被让叫请由为是将把据令使派找问替陪带见有称即等、";

// Words after a name that make it a person: titles (strong), speech verbs, and labels
// of the next field in a record.
constexpr std::string_view kTitleWords[] = {
    "先生", "女士", "小姐", "老师", "医生", "经理", "同学", "教授", "博士", "律师", "主任", "院士",
    "总经理", "董事长", "大夫", "护士", "阿姨", "师傅", "同志", "老板", "总裁", "主席", "书记", "校长",
    "院长", "局长", "处长", "科长", "部长", "市长", "省长", "县长", "教练", "队长", "警官", "法官",
    "先生们", "夫妇", "一家", "本人", "女儿", "儿子", "家属"};
constexpr std::string_view kVerbWords[] = {
    "表示", "认为", "指出", "介绍", "透露", "坦言", "强调", "告诉", "回忆", "解释", "笑称", "坦承",
    "发现", "说道", "说", "称", "曾经", "还是", "已经", "现任", "担任", "出任", "出生", "毕业", "来自",
    "带领", "率领", "主演", "执导", "导演", "饰演", "获得", "打破", "宣布", "承认", "希望", "觉得",
    "知道", "决定", "成为", "被判", "因为", "随后", "接受", "参加", "加盟", "离开", "回到", "同样",
    "也是", "本人", "自己", "则", "曾", "于", "和", "与", "等", "报道", "发自", "摄影", "摄", "撰文",
    "采写", "整理", "编译", "供图", "绘制", "作品", "夫人", "妻子", "丈夫", "父亲", "母亲", "儿子",
    "女儿", "之父", "之母", "之子", "之女", "之妻", "本场", "近日", "日前", "昨天", "今天", "昨日",
    "今年", "去年", "当时", "目前", "现在", "曾经", "一直", "正在", "已经", "刚刚", "终于", "突然",
    "此前", "此后", "随即", "立即", "当即", "先后", "分别", "同时", "一起", "一同", "共同", "亲自",
    "等人", "生前", "去世", "逝世", "出席", "主持", "发表", "提出", "建议", "提醒", "推荐", "分析",
    "扮演", "作为", "开始", "继续", "负责", "接到", "收到", "看到", "听到", "得知", "签约", "当选",
    "入选", "获奖", "夺冠", "落选", "辞职", "上任", "离任", "退休", "入狱", "被捕", "涉嫌", "因涉嫌"};
constexpr std::string_view kLabelWords[] = {
    "性别", "年龄", "电话", "手机", "身份证", "证件", "地址", "住址", "职业", "民族", "出生", "联系",
    "邮箱", "籍贯", "学历", "单位", "部门", "工号", "账号", "卡号", "金额", "备注", "男", "女"};

// Words before a name: roles and relations ("记者王小明", "导演张艺谋").
constexpr std::string_view kRoleWords[] = {
    "记者", "教练", "导演", "主演", "演员", "歌手", "作家", "球员", "队长", "主席", "总统", "总理",
    "部长", "市长", "省长", "书记", "局长", "院长", "校长", "教授", "博士", "主任", "经理", "总裁",
    "董事长", "老师", "医生", "律师", "网友", "同学", "父亲", "母亲", "妻子", "丈夫", "儿子", "女儿",
    "哥哥", "姐姐", "弟弟", "妹妹", "爷爷", "奶奶", "老婆", "老公", "朋友", "男友", "女友", "编辑",
    "主持人", "选手", "冠军", "前锋", "后卫", "中锋", "门将", "主帅", "大师", "创始人", "总监", "作者",
    "译者", "画家", "诗人", "学者", "专家", "研究员", "工程师", "处长", "科长", "县长", "警官", "法官",
    "先生", "女士", "小姐", "名叫", "叫做", "名为", "演员", "影星", "明星", "艺人", "模特", "车手",
    "棋手", "新秀", "球星", "副总裁", "副主席", "委员", "代表", "发言人", "负责人", "嫌疑人", "被告人",
    "原告", "被告", "当事人", "患者", "病人", "学生", "员工", "职员", "工人", "农民", "司机", "村民",
    "居民", "市民", "乘客", "游客", "老人", "男子", "女子", "少年", "少女", "孩子", "小孩", "宝宝",
    "署长", "所长", "司长", "厅长", "行长", "会长", "社长", "团长", "组长", "站长", "馆长", "州长",
    "议长", "董事", "理事", "助理", "秘书", "议员", "队员", "收藏家", "艺术家", "画家", "歌唱家",
    "企业家", "评论家", "设计师", "建筑师", "分析师", "摄影师", "投资人", "合伙人", "刑警", "民警",
    "警察", "法医", "护士", "通讯员", "实习生", "特约记者", "首席", "总监", "总编", "主编", "导师",
    "医师", "教师", "讲师", "副教授", "研究生", "院士", "将军", "上校", "中校", "少校", "大使",
    "领事", "参赞", "外长", "首相", "国王", "女王", "王子", "公主", "皇帝", "太后", "诗人", "词人",
    "歌星", "笑星", "球员", "主教练", "助教", "后卫", "边锋", "裁判", "门将", "骑手", "棋手", "选手",
    "主创", "评委", "嘉宾", "彩民", "解说", "书法家", "画家", "作曲家", "歌唱家", "音乐家", "科学家",
    "经济学家", "文学家", "哲学家", "政治家", "思想家", "军事家", "小说家", "艺术家", "收藏家", "藏家",
    "影帝", "影后", "天后", "天王", "歌后", "网红", "主播", "博主", "up主", "店主", "车主", "房主",
    "感谢", "谢谢", "恭喜", "祝贺", "欢迎", "邀请", "通知", "联系", "致电", "拜访", "转告", "提醒"};


// ---------------------------------------------------------------------------------
// Chinese tables, built once.

enum CnFlag : uint8_t {
  kStop = 1,          // function character
  kFollow = 2,        // may follow a name
  kLeft = 4,          // may precede a name
  kCompoundFirst = 8, // first character of a compound surname
  kWordFirst = 16,    // first character of a title/verb/label word (after a name)
  kRoleLast = 32,     // last character of a role word (before a name)
  kNotNameFirst = 64, // first character of a not-a-name word
  kSoft = 128,        // function character that still occurs in given names
};

enum class After : uint8_t { kNone, kOther, kBoundary, kFollowChar, kLabel, kVerb, kTitle };

constexpr int8_t kNoSurname = INT8_MIN;

// Lists keyed by a Han character: a flat index per code point, so a lookup is one load.
template <typename T>
class HanMap {
 public:
  HanMap() : index_(kHanCount, 0) {}
  std::vector<T>& At(char32_t c) {
    uint16_t& i = index_[HanIndex(c)];
    if (i == 0) {
      lists_.emplace_back();
      i = static_cast<uint16_t>(lists_.size());
    }
    return lists_[i - 1u];
  }
  const std::vector<T>* Find(char32_t c) const {
    if (!IsHan(c)) return nullptr;
    const uint16_t i = index_[HanIndex(c)];
    return i == 0 ? nullptr : &lists_[i - 1u];
  }
  std::vector<std::vector<T>>& lists() { return lists_; }

 private:
  std::vector<uint16_t> index_;
  std::vector<std::vector<T>> lists_;
};

// A set of 64-bit keys with open addressing; built once, then read-only.
class KeySet {
 public:
  void Insert(uint64_t k) {
    if ((count_ + 1) * 2 > slots_.size()) Grow();
    InsertSlot(k);
  }
  bool Contains(uint64_t k) const {
    if (slots_.empty()) return false;
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash(k) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == k) return true;
      if (slots_[i] == 0) return false;
    }
  }

 private:
  static size_t Hash(uint64_t k) { return static_cast<size_t>((k * 0x9E3779B97F4A7C15ull) >> 20); }
  void InsertSlot(uint64_t k) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash(k) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == k) return;
      if (slots_[i] == 0) {
        slots_[i] = k;
        ++count_;
        return;
      }
    }
  }
  void Grow() {
    std::vector<uint64_t> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    count_ = 0;
    for (uint64_t k : old) {
      if (k != 0) InsertSlot(k);
    }
  }
  std::vector<uint64_t> slots_;  // 0 = empty (no key is 0: keys pack Han code points)
  size_t count_ = 0;
};

struct CnWord {
  std::string bytes;
  After kind;
};

struct CnTables {
  std::vector<int8_t> surname;  // score in tenths, kNoSurname if not a single surname
  std::vector<int8_t> given;    // given-name score in tenths
  // GivenScore of each Han character, precomputed from flags, surname and given so the
  // scoring of a candidate's given characters costs one load each.
  std::vector<int8_t> given_score;
  std::vector<uint8_t> flags;
  // 1 where a name may start (a single or compound surname's first character), indexed
  // for cjk::HanScanner (by code point from U+4000).
  std::vector<uint8_t> start;
  struct Compound {
    char32_t second;
    int score;
  };
  HanMap<Compound> compounds;          // by first character
  KeySet not_names;                    // packed 2- or 3-char words
  HanMap<CnWord> after_words;          // by first character, longest first
  HanMap<std::string> role_words;      // by last character

  static uint64_t Key(char32_t a, char32_t b, char32_t c = 0) {
    return (uint64_t{a} << 42) | (uint64_t{b} << 21) | uint64_t{c};
  }
};

int SurnameScore(double percent) {
  // In tenths: 王 (7%) ~ +2.5 (capped), 0.1% ~ 0, 0.01% ~ -1.6.
  double s = std::log(std::max(percent, 0.001) / 0.1) * kSurnameScale;
  s = std::clamp(s, kSurnameFloor, 2.5);
  return static_cast<int>(std::lround(s * 10));
}

const CnTables& Cn() {
  static const CnTables* t = [] {
    auto* tb = new CnTables();
    tb->surname.assign(kHanCount, kNoSurname);
    tb->given.assign(kHanCount, static_cast<int8_t>(kUnlistedGiven));
    tb->flags.assign(kHanCount, 0);
    auto flag = [tb](char32_t c, uint8_t f) {
      if (IsHan(c)) tb->flags[HanIndex(c)] = static_cast<uint8_t>(tb->flags[HanIndex(c)] | f);
    };
    ForEachLine(ChineseSurnames(), [&](std::string_view key, std::string_view value) {
      std::vector<char32_t> cps = CodePoints(key);
      const int score = SurnameScore(ParseNumber(value, 0.01));
      if (cps.size() == 1 && IsHan(cps[0])) {
        int8_t& s = tb->surname[HanIndex(cps[0])];
        if (s == kNoSurname) s = static_cast<int8_t>(score);
      } else if (cps.size() == 2 && IsHan(cps[0]) && IsHan(cps[1])) {
        // Compound surnames are distinctive: +1.0 over their frequency.
        tb->compounds.At(cps[0]).push_back({cps[1], score + 10});
        flag(cps[0], kCompoundFirst);
      }
    });
    ForEachLine(ChineseGivenChars(), [&](std::string_view key, std::string_view value) {
      std::vector<char32_t> cps = CodePoints(key);
      if (cps.size() != 1 || !IsHan(cps[0])) return;
      const double w = std::clamp(ParseNumber(value, 5), 1.0, 9.0);
      // weight 9 -> +2.5, 5 -> +0.5, 1 -> -1.5
      tb->given[HanIndex(cps[0])] = static_cast<int8_t>(std::lround((w - 4) * 5));
    });
    for (char32_t c : CodePoints(kStopChars)) flag(c, kStop);
    for (char32_t c : CodePoints(kSoftChars)) flag(c, kSoft);
    for (char32_t c : CodePoints(kFollowChars)) flag(c, kFollow);
    for (char32_t c : CodePoints(kLeftChars)) flag(c, kLeft);
    ForEachLine(ChineseNonNames(), [&](std::string_view key, std::string_view) {
      std::vector<char32_t> cps = CodePoints(key);
      if (cps.size() < 2) return;
      // Longer words (马来西亚) block their two- and three-character prefixes.
      tb->not_names.Insert(CnTables::Key(cps[0], cps[1], cps.size() == 3 ? cps[2] : 0));
      if (cps.size() >= 4) {
        tb->not_names.Insert(CnTables::Key(cps[0], cps[1], 0));
        tb->not_names.Insert(CnTables::Key(cps[0], cps[1], cps[2]));
      }
      flag(cps[0], kNotNameFirst);
    });
    // Place names are not names: 宁波, 常州, 金华 begin with a surname character.
    auto add_place = [&](std::string_view name) {
      std::vector<char32_t> cps = CodePoints(name);
      while (cps.size() > 2 && (cps.back() == U'市' || cps.back() == U'省' || cps.back() == U'区' ||
                                cps.back() == U'县' || cps.back() == U'盟')) {
        cps.pop_back();
      }
      if (cps.size() < 2 || !IsHan(cps[0]) || !IsHan(cps[1])) return;
      tb->not_names.Insert(CnTables::Key(cps[0], cps[1], 0));
      flag(cps[0], kNotNameFirst);
    };
    for (std::string_view csv : {Gb2260Province(), Gb2260City()}) {
      size_t pos = 0;
      while (pos < csv.size()) {
        size_t nl = csv.find('\n', pos);
        if (nl == std::string_view::npos) nl = csv.size();
        std::string_view line = csv.substr(pos, nl - pos);
        pos = nl + 1;
        const size_t c1 = line.find(',');
        if (c1 == std::string_view::npos) continue;
        const size_t c2 = line.find(',', c1 + 1);
        add_place(line.substr(c1 + 1, c2 == std::string_view::npos ? std::string_view::npos : c2 - c1 - 1));
      }
    }
    auto add_after = [&](std::string_view w, After kind) {
      std::vector<char32_t> cps = CodePoints(w);
      auto& v = tb->after_words.At(cps[0]);
      for (const CnWord& e : v) {
        if (e.bytes == w) return;  // first list wins (titles before verbs before labels)
      }
      v.push_back(CnWord{std::string(w), kind});
      flag(cps[0], kWordFirst);
    };
    for (std::string_view w : kTitleWords) add_after(w, After::kTitle);
    for (std::string_view w : kVerbWords) add_after(w, After::kVerb);
    for (std::string_view w : kLabelWords) add_after(w, After::kLabel);
    for (auto& v : tb->after_words.lists()) {
      std::stable_sort(v.begin(), v.end(), [](const CnWord& a, const CnWord& b) { return a.bytes.size() > b.bytes.size(); });
    }
    for (std::string_view w : kRoleWords) {
      std::vector<char32_t> cps = CodePoints(w);
      auto& v = tb->role_words.At(cps.back());
      if (std::find(v.begin(), v.end(), w) == v.end()) v.emplace_back(w);
      flag(cps.back(), kRoleLast);
    }
    tb->start.assign(cjk::HanScanner::kWantedSize, 0);
    tb->given_score.assign(kHanCount, 0);
    for (size_t i = 0; i < kHanCount; ++i) {
      int g = tb->given[i];
      if ((tb->flags[i] & kStop) != 0) {
        g = -60;
      } else if ((tb->flags[i] & kSoft) != 0) {
        g = -15;
      } else if (tb->surname[i] >= kTopSurname) {
        // The most common surnames (王, 李, 张 ...) are rare given-name characters: 感谢王芳
        // is 王芳 after 感谢, not 谢王芳.
        g -= 15;
      }
      tb->given_score[i] = static_cast<int8_t>(g);
      const bool start = tb->surname[i] != kNoSurname || (tb->flags[i] & kCompoundFirst) != 0;
      tb->start[i + (kHanFirst - 0x4000)] = start ? 1 : 0;
    }
    return tb;
  }();
  return *t;
}

inline uint8_t FlagsOf(const CnTables& t, char32_t c) { return IsHan(c) ? t.flags[HanIndex(c)] : 0; }

// ---------------------------------------------------------------------------------
// Chinese name scoring.

struct Scored {
  uint32_t end = 0;    // byte end of the name
  int score = INT32_MIN;  // tenths
  After after = After::kNone;
};

// What follows the candidate at byte `pos` < s.size(), where the caller has already
// decoded the code point c there (the given-name scoring reads the same character, so
// it is decoded once).
After ClassifyAfterAt(const CnTables& t, std::string_view s, uint32_t pos, char32_t c) {
  if (!IsHan(c)) return After::kBoundary;
  const uint8_t f = t.flags[HanIndex(c)];
  if ((f & kWordFirst) != 0) {
    if (const auto* list = t.after_words.Find(c)) {
      for (const CnWord& w : *list) {
        if (s.size() - pos >= w.bytes.size() && std::memcmp(s.data() + pos, w.bytes.data(), w.bytes.size()) == 0) {
          return w.kind;
        }
      }
    }
  }
  if ((f & kFollow) != 0) return After::kFollowChar;
  return After::kOther;
}

// What follows the candidate at byte `pos`.
After ClassifyAfter(const CnTables& t, std::string_view s, uint32_t pos) {
  if (pos >= s.size()) return After::kBoundary;
  char32_t c;
  DecodeAt(s, pos, c);
  return ClassifyAfterAt(t, s, pos, c);
}

int AfterScore(After a) {
  switch (a) {
    case After::kNone: return INT32_MIN;
    case After::kOther: return kOtherAfter;
    case After::kBoundary: return 5;
    case After::kFollowChar: return 3;
    case After::kLabel: return 5;
    case After::kVerb: return 10;
    case After::kTitle: return kTitleBonus;
  }
  return INT32_MIN;
}

// -60 for a function character, -15 for a soft one, else the listed weight (less for
// the most common surnames); see CnTables::given_score.
inline int GivenScore(const CnTables& t, char32_t c) {
  if (!IsHan(c)) return INT32_MIN;
  return t.given_score[HanIndex(c)];
}

// Best name reading with the surname occupying [start, given_start). `context` relaxes
// the not-a-name word list (a label such as 姓名 said a name follows).
Scored BestGiven(const CnTables& t, std::string_view s, char32_t surname_first, char32_t surname_second,
                 uint32_t given_start, int surname_score, bool context) {
  Scored best;
  char32_t g1 = 0, g2 = 0;
  if (given_start >= s.size()) return best;
  const uint32_t l1 = DecodeAt(s, given_start, g1);
  const int s1 = GivenScore(t, g1);
  if (s1 <= -60) return best;  // not Han, or a function character: no name here
  const uint32_t e1 = given_start + l1;
  const bool compound = surname_second != 0;
  // Not-a-name words: the surname character starts a common word (高兴, 周末, 黄金).
  bool word2 = false, word3 = false;
  if (!compound && (FlagsOf(t, surname_first) & kNotNameFirst) != 0) {
    word2 = t.not_names.Contains(CnTables::Key(surname_first, g1));
  }
  // 王先生, 李总经理: a surname and a title, not a full name.
  if (ClassifyAfterAt(t, s, given_start, g1) == After::kTitle) return best;
  // The character after the first given one: what follows a one-character given name,
  // and the second given character of a two-character one.
  uint32_t l2 = 0;
  if (e1 < s.size()) l2 = DecodeAt(s, e1, g2);
  const After a1 = e1 < s.size() ? ClassifyAfterAt(t, s, e1, g2) : After::kBoundary;
  // One given character.
  {
    const After a = a1;
    // 向薛女士, 支行卢先生: the character before the title is itself a common surname.
    const bool surname_title = a == After::kTitle && IsHan(g1) && t.surname[HanIndex(g1)] >= 0 &&
                               t.surname[HanIndex(g1)] != kNoSurname;
    if (a != After::kNone && !surname_title) {
      int sc = surname_score + s1 + AfterScore(a) + kSingleGiven;  // single given characters are rarer
      if (word2) sc = context ? sc - 20 : INT32_MIN;
      if (sc > best.score) best = Scored{e1, sc, a};
    }
  }
  // Two given characters (not when a title starts right after the first).
  if (e1 < s.size() && a1 != After::kTitle) {
    const int s2 = GivenScore(t, g2);
    if (s2 > -60) {
      const uint32_t e2 = e1 + l2;
      After a = ClassifyAfter(t, s, e2);
      const bool surname_title = a == After::kTitle && IsHan(g2) && t.surname[HanIndex(g2)] >= 0 &&
                                 t.surname[HanIndex(g2)] != kNoSurname;
      if (a != After::kNone && !surname_title) {
        if (!compound && (FlagsOf(t, surname_first) & kNotNameFirst) != 0) {
          word3 = t.not_names.Contains(CnTables::Key(surname_first, g1, g2));
        }
        int sc = surname_score + s1 + s2 + AfterScore(a);
        if (word2) sc -= context ? 5 : 20;
        if (word3) sc = context ? sc - 20 : INT32_MIN;
        // A reading that stops at a real boundary beats one that needs a follow character.
        if (sc > best.score || (sc == best.score && a > best.after)) best = Scored{e2, sc, a};
      }
    }
  }
  return best;
}

// Best reading of a name starting at byte `pos` whose first character is `c` (len bytes).
Scored BestName(const CnTables& t, std::string_view s, uint32_t pos, char32_t c, uint32_t len, bool context) {
  Scored best;
  const size_t idx = HanIndex(c);
  const int8_t single = t.surname[idx];
  if (single != kNoSurname) {
    int sc = single;
    if ((t.flags[idx] & (kStop | kSoft)) != 0) sc -= 15;  // 于, 和, 有 ... are surnames but mostly function words
    best = BestGiven(t, s, c, 0, pos + len, sc, context);
  }
  // 欧阳 alone is a compound surname, not 欧 + 阳.
  bool compound_only = false;
  if ((t.flags[idx] & kCompoundFirst) != 0 && pos + len < s.size()) {
    char32_t c2;
    const uint32_t l2 = DecodeAt(s, pos + len, c2);
    if (const auto* list = t.compounds.Find(c)) {
      for (const auto& comp : *list) {
        if (comp.second != c2) continue;
        const bool word = (t.flags[idx] & kNotNameFirst) != 0 && t.not_names.Contains(CnTables::Key(c, c2));
        if (word && !context) break;
        Scored r = BestGiven(t, s, c, c2, pos + len + l2, comp.score - (word ? 20 : 0), context);
        compound_only = !word && best.end == pos + len + l2;
        if (r.score > best.score || compound_only) best = r;
        break;
      }
    }
  }
  return best;
}

// What precedes a candidate starting at byte `pos`: tenths added to its score.
int BeforeScore(const CnTables& t, std::string_view s, uint32_t pos, char32_t prev) {
  if (pos == 0) return 5;
  if (prev >= '0' && prev <= '9') return kMidWord;  // 1500万英镑: a number's unit, not a name
  if (!IsHan(prev)) return 5;
  const uint8_t f = t.flags[HanIndex(prev)];
  if ((f & kRoleLast) != 0) {
    if (const auto* list = t.role_words.Find(prev)) {
      for (const std::string& w : *list) {
        if (w.size() <= pos && std::memcmp(s.data() + pos - w.size(), w.data(), w.size()) == 0) return 15;
      }
    }
  }
  if ((f & kLeft) != 0) return 3;
  if (prev == U'的') return 0;  // 89岁的赵无极; the not-a-name list keeps out 的高度, 的方法
  // The last character of a role word not in the list: 扮演者, 研究员, 副署长, 设计师.
  if (prev == U'者' || prev == U'员' || prev == U'长' || prev == U'师' || prev == U'官') return 5;
  return kMidWord;
}


// Cheap necessary conditions for a name at byte i whose first character is the Han
// character c: false when no reading can reach `threshold`, so most surname characters
// in running text cost a few table lookups instead of the full model. Otherwise sets
// *before to BeforeScore. The bound takes every reading's best case: a title after the
// name (+15) and the second given character's score when it helps.
bool MayReach(const CnTables& t, std::string_view s, uint32_t i, char32_t c, int threshold, int* before) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto n = static_cast<uint32_t>(s.size());
  const int32_t h1 = cjk::HanAt(p, i + 3, n);
  if (h1 < 0) return false;  // every reading has a Han character after the first
  const size_t idx = HanIndex(c);
  const uint8_t f = t.flags[idx];
  const char32_t c1 = kHanFirst + static_cast<char32_t>(h1);
  if ((f & kCompoundFirst) != 0) {
    if (const auto* list = t.compounds.Find(c)) {
      for (const auto& comp : *list) {
        if (comp.second != c1) continue;
        // A compound surname: the full model decides.
        *before = BeforeScore(t, s, i, i == 0 ? 0 : cjk::CodePointBefore(s, i));
        return true;
      }
    }
  }
  const int8_t single = t.surname[idx];
  if (single == kNoSurname) return false;
  const int s1 = GivenScore(t, c1);
  if (s1 <= -60) return false;
  const bool weak = (f & (kStop | kSoft)) != 0;
  int bound = single - (weak ? 15 : 0) + s1 + AfterScore(After::kTitle);
  const int32_t h2 = cjk::HanAt(p, i + 6, n);
  if (h2 >= 0) bound += std::max(0, GivenScore(t, kHanFirst + static_cast<char32_t>(h2)));
  if (bound + 15 < threshold) return false;  // even after a role word (记者, the best BeforeScore)
  const int b = BeforeScore(t, s, i, i == 0 ? 0 : cjk::CodePointBefore(s, i));
  *before = b;
  if (weak && b < 5) return false;  // the caller's weak-start rule
  bound += b;
  return bound >= threshold;
}

float ModelConfidence(int score, After after) {
  if (after == After::kTitle) return 0.88f;
  // 0.5 at the threshold, +0.1 per point above it, at most 0.7.
  const float c = 0.5f + 0.01f * static_cast<float>(score - kThreshold);
  return std::min(c, 0.7f);
}

inline bool IsSeparatorByte(char b) { return b == ' ' || b == '\t' || b == ':' || b == '=' || b == '"' || b == '\''; }

class ChineseNameRecognizer final : public Recognizer {
 public:
  ChineseNameRecognizer() { Cn(); }
  std::string_view name() const override { return "cn_person_name"; }
  CategorySet categories() const override { return Bit(Category::kPersonName); }
  Interest interest() const override {
    Interest in;
    in.cjk_units = true;
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> k;
    for (std::string_view w : kLabelContext) {
      k.push_back(KeywordSpec{std::string(w), Bit(Category::kPersonName), KeywordRole::kTrigger});
    }
    return k;
  }

  // A label word: read the name right after it.
  void OnKeyword(const Unit& unit, const KeywordHit& hit, Sink& out) const override {
    const std::string_view s = unit.text;
    const std::string_view word = unit.KeywordText(hit.id);
    if (word == "name") {
      // "name:", "user_name:", "username:" but not "filename:" or "hostname:".
      if (hit.start > 0) {
        const char b = s[hit.start - 1];
        const bool letter = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
        if (letter) {
          static constexpr std::string_view kOk[] = {"user", "full", "real", "first", "last", "nick", "sur", "given"};
          bool ok = false;
          for (std::string_view p : kOk) {
            if (hit.start >= p.size()) {
              std::string_view before = s.substr(hit.start - p.size(), p.size());
              bool eq = true;
              for (size_t i = 0; i < p.size(); ++i) eq = eq && (before[i] | 0x20) == p[i];
              ok = ok || eq;
            }
          }
          if (!ok) return;
        }
      }
    }
    // Skip separators: spaces, ':', '=', quotes, full-width colon and space, "是", "为".
    uint32_t p = hit.end;
    bool labelled = false;
    for (int steps = 0; steps < 6 && p < s.size(); ++steps) {
      if (IsSeparatorByte(s[p])) {
        labelled = labelled || s[p] == ':' || s[p] == '=';
        ++p;
        continue;
      }
      char32_t c;
      const uint32_t l = DecodeAt(s, p, c);
      if (c == 0xFF1A || c == 0x3000 || c == 0x201C || c == 0x300C || c == 0xFF08 || c == 0x3010) {  // ： 　 “ 「 （ 【
        labelled = labelled || c == 0xFF1A;
        p += l;
        continue;
      }
      if (c == U'是' || c == U'为' || c == U'叫') {
        p += l;
        continue;
      }
      break;
    }
    if (p >= s.size()) return;
    char32_t c;
    const uint32_t len = DecodeAt(s, p, c);
    if (!IsHan(c)) return;
    const CnTables& t = Cn();
    if (t.surname[HanIndex(c)] == kNoSurname && (t.flags[HanIndex(c)] & kCompoundFirst) == 0) return;
    if (labelled) {
      // A labelled value: the whole Han run when it is a name's length.
      uint32_t e = p, count = 0;
      while (e < s.size() && count < 5) {
        char32_t d;
        const uint32_t l = DecodeAt(s, e, d);
        if (!IsHan(d)) break;
        e += l;
        ++count;
      }
      const bool run_ends = e >= s.size() || [&] {
        char32_t d;
        DecodeAt(s, e, d);
        return !IsHan(d);
      }();
      if (run_ends && count >= 2 && count <= 4 && WholeIsName(t, s.substr(p, e - p))) {
        out.Emit(p, e, Category::kPersonName, 0.92f);
        return;
      }
    }
    Scored r = BestName(t, s, p, c, len, /*context=*/true);
    if (r.score == INT32_MIN || r.score < 0) return;
    out.Emit(p, r.end, Category::kPersonName, labelled ? 0.9f : 0.86f);
  }

  void OnUnit(const Unit& unit, Sink& out) const override {
    const std::string_view s = unit.text;
    const CnTables& t = Cn();
    const bool hinted = unit.Hinted(Category::kPersonName);
    if (hinted) {
      // A name column: the whole short value, surname first.
      std::string_view v = s;
      uint32_t off = 0;
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) {
        v.remove_prefix(1);
        ++off;
      }
      while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r')) v.remove_suffix(1);
      if (WholeIsName(t, v)) {
        out.Emit(off, off + static_cast<uint32_t>(v.size()), Category::kPersonName, 0.9f);
        return;
      }
    }
    const uint32_t n = static_cast<uint32_t>(s.size());
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const int threshold = hinted ? kThreshold - 15 : kThreshold;
    // Names found, to report their other mentions in the same unit (金石开：… 金石开认为).
    struct Seen {
      uint32_t start, end;
      float conf;
    };
    constexpr size_t kSeenMax = 8;
    // Only the first seen_count entries are read, so the array is left uninitialised:
    // zeroing it cost more per unit than the rest of a unit without Han text.
    std::array<Seen, kSeenMax> seen;
    size_t seen_count = 0;
    int32_t idx = 0;
    cjk::HanScanner scan(p, n);
    for (uint32_t i = scan.Next(0, t.start.data(), &idx); i < n; i = scan.Next(i, t.start.data(), &idx)) {
      const char32_t c = kHanFirst + static_cast<char32_t>(idx);
      int before = 0;
      if (!MayReach(t, s, i, c, threshold, &before)) {
        i += 3;
        continue;
      }
      Scored r = BestName(t, s, i, c, 3, /*context=*/false);
      if (r.score != INT32_MIN) {
        const int total = r.score + before;
        // 于, 和, 有 are surnames but mostly function words: only after a clear boundary.
        const bool weak_start = (t.flags[static_cast<size_t>(idx)] & (kStop | kSoft)) != 0 && before < 5;
        if (!weak_start && total >= threshold) {
          float conf = hinted ? 0.85f : ModelConfidence(total, before >= 0 ? r.after : After::kNone);
          out.Emit(i, r.end, Category::kPersonName, conf);
          if (seen_count < kSeenMax && r.end - i >= 6) seen[seen_count++] = Seen{i, r.end, conf};
          i = r.end;
          continue;
        }
      }
      i += 3;
    }
    for (size_t k = 0; k < seen_count; ++k) {
      const std::string_view name = s.substr(seen[k].start, seen[k].end - seen[k].start);
      for (size_t at = s.find(name); at != std::string_view::npos; at = s.find(name, at + name.size())) {
        const auto a = static_cast<uint32_t>(at);
        bool known = false;
        for (size_t m = 0; m < seen_count; ++m) known = known || (a < seen[m].end && seen[m].start < a + name.size());
        if (!known) out.Emit(a, a + static_cast<uint32_t>(name.size()), Category::kPersonName, seen[k].conf);
      }
    }
  }

 private:
  // The value is a surname (single or compound) followed by one or two Han characters.
  static bool WholeIsName(const CnTables& t, std::string_view v) {
    if (v.size() < 6 || v.size() > 12) return false;
    std::array<char32_t, 4> cps{};
    size_t count = 0;
    for (size_t i = 0; i < v.size();) {
      char32_t c;
      i += DecodeAt(v, i, c);
      if (!IsHan(c) || count == 4) return false;
      cps[count++] = c;
    }
    if (count < 2) return false;
    bool compound = false;
    if (const auto* list = t.compounds.Find(cps[0])) {
      for (const auto& comp : *list) compound = compound || comp.second == cps[1];
    }
    const bool single = t.surname[HanIndex(cps[0])] != kNoSurname;
    const size_t given = count - (compound ? 2 : 1);
    if (compound && given >= 1 && given <= 2) return true;
    if (!single || count > 3) return false;
    for (size_t k = 1; k < count; ++k) {
      if ((t.flags[HanIndex(cps[k])] & kStop) != 0 && t.given[HanIndex(cps[k])] <= -10) return false;
    }
    return true;
  }
};

}  // namespace

RecognizerList MakeNameRecognizers() {
  RecognizerList v;
  v.push_back(std::make_unique<ChineseNameRecognizer>());
  return v;
}

}  // namespace custos::detect
