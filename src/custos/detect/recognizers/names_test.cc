// person_name (Chinese and Latin script) through the public Detector.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "custos/testing/detect_helpers.h"

namespace custos::detect {
namespace {

using ::custos::testing::FindAll;
using ::custos::testing::Values;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Names(std::string_view text, std::string_view field = {}) {
  return Values(text, "person_name", field);
}

float ConfidenceOf(std::string_view text, std::string_view value, std::string_view field = {}) {
  for (const auto& f : FindAll(text, field)) {
    if (f.category == "person_name" && f.value == value) return f.confidence;
  }
  return 0;
}

// ----------------------------------------------------------------------------------
// Chinese names after a label.

TEST(ChineseName, AfterLabelWords) {
  EXPECT_THAT(Names("客户张伟于2024年下单"), ElementsAre("张伟"));
  EXPECT_THAT(Names("姓名：欧阳娜娜，"), ElementsAre("欧阳娜娜"));
  EXPECT_THAT(Names("姓名:李秀英 性别:女"), ElementsAre("李秀英"));
  EXPECT_THAT(Names("收件人：王建国，电话见附件"), ElementsAre("王建国"));
  EXPECT_THAT(Names("联系人 刘洋"), ElementsAre("刘洋"));
  EXPECT_THAT(Names("患者陈红，女，45岁"), ElementsAre("陈红"));
  EXPECT_THAT(Names("持卡人：司马光"), ElementsAre("司马光"));
  EXPECT_THAT(Names("姓名：张伟性别：男"), ElementsAre("张伟"));
  EXPECT_THAT(Names("name: 黄晓明"), ElementsAre("黄晓明"));
  EXPECT_GE(ConfidenceOf("姓名：欧阳娜娜，", "欧阳娜娜"), 0.85f);
  EXPECT_GE(ConfidenceOf("客户张伟于2024年下单", "张伟"), 0.85f);
}

TEST(ChineseName, LabelWithoutASurnameIsNothing) {
  EXPECT_THAT(Names("客户服务热线"), IsEmpty());
  EXPECT_THAT(Names("用户名：admin"), IsEmpty());
  EXPECT_THAT(Names("filename: 王国.txt"), IsEmpty());
  EXPECT_THAT(Names("用户高度评价这款产品"), IsEmpty());
}

TEST(ChineseName, BeforeTitles) {
  EXPECT_THAT(Names("感谢王芳女士的支持"), ElementsAre("王芳"));
  EXPECT_THAT(Names("请联系张志强经理。"), ElementsAre("张志强"));
  EXPECT_GE(ConfidenceOf("感谢王芳女士的支持", "王芳"), 0.85f);
  // A surname and a title alone is not a full name.
  EXPECT_THAT(Names("李先生表示同意"), IsEmpty());
  EXPECT_THAT(Names("公司总经理办公室"), IsEmpty());
}

TEST(ChineseName, RunningText) {
  EXPECT_THAT(Names("彭小军认为，国内银行现在走的是台湾的发卡模式"), ElementsAre("彭小军"));
  EXPECT_THAT(Names("记者王晓燕报道"), ElementsAre("王晓燕"));
  EXPECT_THAT(Names("据刘德华介绍，"), ElementsAre("刘德华"));
  const float c = ConfidenceOf("彭小军认为，国内银行现在走的是台湾的发卡模式", "彭小军");
  EXPECT_GE(c, 0.5f);
  EXPECT_LE(c, 0.7f);
}

TEST(ChineseName, CommonWordsStartingWithASurnameAreNotNames) {
  for (const char* text : {"王国", "今天很高兴。", "周末去哪里？", "黄金价格上涨", "马上就到", "他说的方法不错",
                           "这是一个王国的故事。", "高兴地说", "周末，", "黄金，", "北京", "宁波正是一个试点城市",
                           "何时出发？", "许多人认为", "任何时候", "安全第一", "国防部长", "1500万英镑"}) {
    EXPECT_THAT(Names(text), IsEmpty()) << text;
  }
}

TEST(ChineseName, NameColumnTakesTheWholeValue) {
  EXPECT_THAT(Names("张三", "姓名"), ElementsAre("张三"));
  EXPECT_THAT(Names("诸葛亮", "name"), ElementsAre("诸葛亮"));
  EXPECT_THAT(Names(" 王小明 ", "收货人"), ElementsAre("王小明"));
  EXPECT_GE(ConfidenceOf("张三", "张三", "姓名"), 0.85f);
  // Without the hint a bare value is weaker or absent, never above the hinted one.
  EXPECT_LT(ConfidenceOf("张三", "张三"), 0.85f);
}

TEST(ChineseName, OtherMentionsInTheSameUnit) {
  // The second mention (after a digit, before an arbitrary character) is too weak on
  // its own; the first one vouches for it.
  EXPECT_THAT(Names("卢克勤认为对。3卢克勤赢"), ElementsAre("卢克勤", "卢克勤"));
  EXPECT_THAT(Names("3卢克勤赢"), IsEmpty());
}

TEST(ChineseName, NoCrashOnOddInput) {
  EXPECT_THAT(Names("王"), IsEmpty());
  EXPECT_THAT(Names("姓名："), IsEmpty());
  EXPECT_THAT(Names(std::string("\xe7\x8e", 2)), IsEmpty());          // truncated 王
  EXPECT_THAT(Names(std::string("\xe7\x8e\x8b\xff\xfe", 5)), IsEmpty());  // 王 then junk
  EXPECT_THAT(Names("欧阳"), IsEmpty());
}

// The recognizer skips to Han characters 30 bytes at a time: a name is found wherever it
// falls relative to those blocks and the unit's end, and whatever stray bytes precede it.
TEST(ChineseName, FoundAtEveryOffset) {
  for (size_t pad = 0; pad < 70; ++pad) {
    const std::string lead(pad, 'x');
    EXPECT_THAT(Names(lead + " 记者王晓燕报道"), ElementsAre("王晓燕")) << pad;
    EXPECT_THAT(Names(lead + " 记者王晓燕"), ElementsAre("王晓燕")) << pad;
    EXPECT_THAT(Names(lead + "\xff\x80 记者王晓燕报道"), ElementsAre("王晓燕")) << pad;
    EXPECT_THAT(Names(lead + "\xe7\x8e 王晓燕报道"), ElementsAre("王晓燕")) << pad;  // a truncated 王 before it
  }
}

// ----------------------------------------------------------------------------------
// Latin-script names.

TEST(LatinName, GivenNameAndSurnameFromTheLists) {
  EXPECT_THAT(Names("Meeting notes by John Smith, reviewed."), ElementsAre("John Smith"));
  EXPECT_THAT(Names("signed off by Maria Garcia"), ElementsAre("Maria Garcia"));
  EXPECT_THAT(Names("President John F. Kennedy spoke"), ElementsAre("John F. Kennedy"));
  const float c = ConfidenceOf("Meeting notes by John Smith, reviewed.", "John Smith");
  EXPECT_GE(c, 0.5f);
  EXPECT_LE(c, 0.7f);
}

TEST(LatinName, AfterTitlesAndLabels) {
  EXPECT_THAT(Names("Dear Xavier Quinlan,"), ElementsAre("Xavier Quinlan"));
  EXPECT_THAT(Names("Mr. Thornbury called"), ElementsAre("Thornbury"));
  EXPECT_THAT(Names("patient Maria Fitzwilliam was admitted"), ElementsAre("Maria Fitzwilliam"));
  EXPECT_THAT(Names("patient: Zelda Fitzwilliam"), ElementsAre("Zelda Fitzwilliam"));
  EXPECT_THAT(Names("name: Olga Petrova"), ElementsAre("Olga Petrova"));
  EXPECT_GE(ConfidenceOf("Dear Xavier Quinlan,", "Xavier Quinlan"), 0.85f);
}

TEST(LatinName, OrdinaryCapitalisedWordsAreNotNames) {
  for (const char* text : {"Will Smith Street is closed", "New York City", "May June weather", "Main Street",
                           "The Quick Brown Fox", "ERROR John", "john smith", "Grant Park opens", "Hope Street",
                           "- MS Crypto API (Windows only)", "know whom to contact. If Contributor obtains"}) {
    EXPECT_THAT(Names(text), IsEmpty()) << text;
  }
}

TEST(LatinName, NameColumn) {
  EXPECT_THAT(Names("Jane Doe", "full_name"), ElementsAre("Jane Doe"));
  EXPECT_THAT(Names("Smith, John", "name"), ElementsAre("Smith, John"));
  EXPECT_THAT(Names("jane doe 42", "name"), IsEmpty());
}

}  // namespace
}  // namespace custos::detect

namespace custos::detect {
namespace {

TEST(NameRegressionTest, SelfIntroductionsAndRoleLabels) {
  EXPECT_EQ(testing::Values("您好，我叫肖然，手机号13793231210", "person_name"), std::vector<std::string>{"肖然"});
  EXPECT_EQ(testing::Values("统一社会信用代码 法人 秦若辉 身份证", "person_name"), std::vector<std::string>{"秦若辉"});
  EXPECT_EQ(testing::Values("op=QUERY|who=闫若琪|phone=17620468196", "person_name"),
            std::vector<std::string>{"闫若琪"});
  EXPECT_EQ(testing::Values("您好，我叫司马梓玉，手机号", "person_name"), std::vector<std::string>{"司马梓玉"});
  EXPECT_TRUE(testing::Values("我是学生，我叫不出来", "person_name").empty());
}

}  // namespace
}  // namespace custos::detect
