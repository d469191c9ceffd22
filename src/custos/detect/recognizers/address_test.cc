// postal_address (Chinese gazetteer addresses, Latin street addresses) through the
// public Detector.
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

std::vector<std::string> Addresses(std::string_view text, std::string_view field = {}) {
  return Values(text, "postal_address", field);
}

float ConfidenceOf(std::string_view text, std::string_view value, std::string_view field = {}) {
  for (const auto& f : FindAll(text, field)) {
    if (f.category == "postal_address" && f.value == value) return f.confidence;
  }
  return 0;
}

// ----------------------------------------------------------------------------------
// Chinese addresses.

TEST(ChineseAddress, AfterALabel) {
  EXPECT_THAT(Addresses("收货地址：广东省深圳市南山区科技园路18号3栋201室"),
              ElementsAre("广东省深圳市南山区科技园路18号3栋201室"));
  EXPECT_GE(ConfidenceOf("收货地址：广东省深圳市南山区科技园路18号3栋201室", "广东省深圳市南山区科技园路18号3栋201室"),
            0.85f);
  EXPECT_THAT(Addresses("地址:文汇路12号，电话见下"), ElementsAre("文汇路12号"));
  EXPECT_THAT(Addresses("家庭住址：朝阳区建国路88号SOHO现代城A座1201"), ElementsAre("朝阳区建国路88号SOHO现代城A座1201"));
  EXPECT_THAT(Addresses("address: 上海市浦东新区世纪大道100号"), ElementsAre("上海市浦东新区世纪大道100号"));
}

TEST(ChineseAddress, GazetteerStartInRunningText) {
  EXPECT_THAT(Addresses("寄到北京市海淀区中关村大街27号，谢谢"), ElementsAre("北京市海淀区中关村大街27号"));
  EXPECT_THAT(Addresses("他住在浙江省杭州市西湖区文三路90号东部软件园"),
              ElementsAre("浙江省杭州市西湖区文三路90号东部软件园"));
  EXPECT_THAT(Addresses("发货地：江苏南京市鼓楼区"), ElementsAre("江苏南京市鼓楼区"));
  EXPECT_THAT(Addresses("广州市天河区体育西路103号维多利广场B座"), ElementsAre("广州市天河区体育西路103号维多利广场B座"));
  EXPECT_THAT(Addresses("四川省成都市武侯区某某街道幸福村3组"), ElementsAre("四川省成都市武侯区某某街道幸福村3组"));
  EXPECT_GE(ConfidenceOf("寄到北京市海淀区中关村大街27号，谢谢", "北京市海淀区中关村大街27号"), 0.8f);
}

// The recognizer skips to Han characters 30 bytes at a time: an address is found
// wherever it falls relative to those blocks and the unit's end.
TEST(ChineseAddress, FoundAtEveryOffset) {
  for (size_t pad = 0; pad < 70; ++pad) {
    const std::string lead(pad, 'x');
    EXPECT_THAT(Addresses(lead + " 寄到北京市海淀区中关村大街27号，谢谢"), ElementsAre("北京市海淀区中关村大街27号")) << pad;
    EXPECT_THAT(Addresses(lead + "\xff 北京市海淀区中关村大街27号"), ElementsAre("北京市海淀区中关村大街27号")) << pad;
  }
}

TEST(ChineseAddress, TwoLevelsWithoutARoadAreWeak) {
  const float c = ConfidenceOf("来自广东省深圳市的游客", "广东省深圳市");
  EXPECT_GE(c, 0.5f);
  EXPECT_LT(c, 0.7f);
}

TEST(ChineseAddress, ABarePlaceNameIsNotAnAddress) {
  for (const char* text : {"北京", "北京欢迎你", "上海市场很大", "北京市民", "我在深圳工作", "广东人喜欢喝汤", "北京上海广州",
                           "北京大学", "中国", "南山区", "朝阳", "广东金融学院", "新华社北京报道", "香港媒体报道称",
                           "长沙市商业银行单独上市", "北京市政府", "南昌铁路公安局", "广州楼市回暖", "西区一栋",
                           "澳门四座大桥", "广东三省"}) {
    EXPECT_THAT(Addresses(text), IsEmpty()) << text;
  }
}

TEST(ChineseAddress, ProvincesThatDoNotContainTheCity) {
  // 上海 is not inside 广东: the run stops after 广东省.
  EXPECT_THAT(Addresses("广东省上海市"), IsEmpty());
}

TEST(ChineseAddress, RoadNamedAfterAPlace) {
  EXPECT_THAT(Addresses("门店在中山路18号"), ElementsAre("中山路18号"));
}

TEST(ChineseAddress, AddressColumn) {
  EXPECT_THAT(Addresses("深圳市福田区福华一路1号", "地址"), ElementsAre("深圳市福田区福华一路1号"));
  EXPECT_THAT(Addresses("幸福小区5栋2单元301", "address"), ElementsAre("幸福小区5栋2单元301"));
  EXPECT_GE(ConfidenceOf("幸福小区5栋2单元301", "幸福小区5栋2单元301", "address"), 0.85f);
}

TEST(ChineseAddress, IsCappedAndSafeOnOddInput) {
  std::string long_text = "地址：广东省深圳市南山区";
  for (int i = 0; i < 60; ++i) long_text += "科技园路18号";
  for (const auto& v : Addresses(long_text)) EXPECT_LE(v.size(), 256u);
  EXPECT_THAT(Addresses("地址："), IsEmpty());
  EXPECT_THAT(Addresses(std::string("\xe5\xb9\xbf", 3)), IsEmpty());  // 广 alone
  EXPECT_THAT(Addresses(std::string("\xe5\xb9\xbf\xe4\xb8", 5)), IsEmpty());  // 广 + truncated
  EXPECT_THAT(Addresses("IP地址：192.168.1.1"), IsEmpty());
}

// ----------------------------------------------------------------------------------
// Latin street addresses.

TEST(LatinAddress, NumberStreetSuffixAndLocality) {
  EXPECT_THAT(Addresses("He lives at 1600 Pennsylvania Avenue NW, Washington, DC 20500"),
              ElementsAre("1600 Pennsylvania Avenue NW, Washington, DC 20500"));
  EXPECT_THAT(Addresses("Ship to 350 Fifth Ave, New York, NY 10118-0110 today"),
              ElementsAre("350 Fifth Ave, New York, NY 10118-0110"));
  EXPECT_THAT(Addresses("221B Baker Street, London"), ElementsAre("221B Baker Street"));
  EXPECT_THAT(Addresses("meet at 350 W 42nd St."), ElementsAre("350 W 42nd St."));
  EXPECT_THAT(Addresses("Foundation, Inc., 51 Franklin Street, Fifth Floor, Boston, MA  02110-1301  USA"),
              ElementsAre("51 Franklin Street, Fifth Floor, Boston, MA  02110-1301"));
  EXPECT_THAT(Addresses("office: 12 Oak Ln, Suite 200, Springfield, IL 62701"),
              ElementsAre("12 Oak Ln, Suite 200, Springfield, IL 62701"));
  EXPECT_GE(ConfidenceOf("He lives at 1600 Pennsylvania Avenue NW, Washington, DC 20500",
                         "1600 Pennsylvania Avenue NW, Washington, DC 20500"),
            0.85f);
}

TEST(LatinAddress, NotAddresses) {
  for (const char* text : {"Main Street", "version 2 Street", "Dr. Smith", "call 555 Dr Smith", "3 St", "100 Way",
                           "1,600 Pennsylvania Avenue", "the street was quiet"}) {
    EXPECT_THAT(Addresses(text), IsEmpty()) << text;
  }
}

}  // namespace
}  // namespace custos::detect

namespace custos::detect {
namespace {

TEST(AddressRegressionTest, VerbAfterLabelIsNotPartOfTheAddress) {
  EXPECT_EQ(testing::Values("麻烦把地址改成湖南省永州市宁远县解放路244号20栋，谢谢", "postal_address"),
            std::vector<std::string>{"湖南省永州市宁远县解放路244号20栋"});
}

TEST(AddressRegressionTest, NamedEstateAfterTheStreetNumber) {
  EXPECT_EQ(testing::Values("收货地址：湖南省株洲市天元区长安街195号金地名郡7号楼268室，金额", "postal_address"),
            std::vector<std::string>{"湖南省株洲市天元区长安街195号金地名郡7号楼268室"});
}

TEST(AddressRegressionTest, RoadSections) {
  EXPECT_EQ(testing::Values("地址：四川省成都市武侯区人民南路四段27号", "postal_address"),
            std::vector<std::string>{"四川省成都市武侯区人民南路四段27号"});
  EXPECT_TRUE(testing::Values("这个阶段很重要", "postal_address").empty());
}

TEST(AddressRegressionTest, NumberedRoadsOfDevelopmentZones) {
  EXPECT_EQ(testing::Values("收货地址：江苏省扬州市宝应县高新南一道931号，金额", "postal_address"),
            std::vector<std::string>{"江苏省扬州市宝应县高新南一道931号"});
  EXPECT_TRUE(testing::Values("他做了一道菜", "postal_address").empty());
}

}  // namespace
}  // namespace custos::detect
