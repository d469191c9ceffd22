#include <gtest/gtest.h>

#include "custos/detect/detector.h"

namespace custos::detect {
namespace {

TEST(PreviewTest, FollowsCommonChinesePractice) {
  EXPECT_EQ(MaskedPreview(Category::kPhoneNumber, "13812345678"), "138****5678");
  EXPECT_EQ(MaskedPreview(Category::kCnResidentId, "11010519491231002X"), "110105********002X");
  EXPECT_EQ(MaskedPreview(Category::kPersonName, "张三"), "张*");
  EXPECT_EQ(MaskedPreview(Category::kPersonName, "欧阳娜娜"), "欧***");
  EXPECT_EQ(MaskedPreview(Category::kEmailAddress, "zhang@example.com"), "z***@example.com");
  EXPECT_EQ(MaskedPreview(Category::kBankCardNumber, "6222021234567890123"), "622202*********0123");
}

TEST(PreviewTest, KeepsSeparatorsAndHidesTheMiddle) {
  EXPECT_EQ(MaskedPreview(Category::kBankCardNumber, "6222-0212-3456-7890"), "6222-02**-****-7890");
  EXPECT_EQ(MaskedPreview(Category::kPhoneNumber, "+86 138-1234-5678"), "+86 138-****-5678");
  EXPECT_EQ(MaskedPreview(Category::kIpAddress, "203.0.113.45"), "203.0.*.*");
  EXPECT_EQ(MaskedPreview(Category::kIpAddress, "2001:db8::1"), "2001:****");
  EXPECT_EQ(MaskedPreview(Category::kGeoCoordinates, "22.543096,114.057865"), "22.5*****,114.0*****");
  EXPECT_EQ(MaskedPreview(Category::kPersonName, "John Smith"), "J*** S****");
}

TEST(PreviewTest, SecretsAndHealthShowNothing) {
  EXPECT_EQ(MaskedPreview(Category::kCredentialSecret, "hunter2"), "********");
  EXPECT_EQ(MaskedPreview(Category::kHealthInfo, "糖尿病"), "****");
}

TEST(PreviewTest, ShortAndInvalidValuesNeverLeakWhole) {
  EXPECT_EQ(MaskedPreview(Category::kImAccount, "12345"), "1****");
  EXPECT_EQ(MaskedPreview(Category::kImAccount, "123456789"), "12*****89");
  EXPECT_EQ(MaskedPreview(Category::kVin, "AB"), "A*");
  std::string bad = "\xff\xfe\xfd";
  std::string p = MaskedPreview(Category::kMacAddress, bad);
  EXPECT_NE(p, bad);
  EXPECT_EQ(MaskedPreview(Category::kPostalAddress, "广东省深圳市南山区科技园路18号"), "广东省深圳市****");
}

}  // namespace
}  // namespace custos::detect
