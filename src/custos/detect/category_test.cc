#include "custos/detect/category.h"

#include <gtest/gtest.h>

namespace custos::detect {
namespace {

TEST(CategoryTest, IdentifiersFollowTheContract) {
  // The identifiers of ../shared/spec/categories.md, in its order.
  const char* expected[] = {"person_name", "cn_resident_id", "passport_number", "travel_permit", "hk_id",
                            "tw_id", "us_ssn", "phone_number", "email_address", "postal_address",
                            "im_account", "ip_address", "mac_address", "imei", "bank_card_number",
                            "bank_account", "iban", "credential_secret", "geo_coordinates",
                            "license_plate", "vin", "date_of_birth", "health_info", "org_credit_code"};
  ASSERT_EQ(AllCategories().size(), std::size(expected));
  for (size_t i = 0; i < std::size(expected); ++i) {
    EXPECT_EQ(AllCategories()[i].id, expected[i]);
    EXPECT_EQ(static_cast<size_t>(AllCategories()[i].category), i);
  }
}

TEST(CategoryTest, SensitivityFollowsPiplArticle28) {
  EXPECT_TRUE(Info(Category::kCnResidentId).sensitive);
  EXPECT_TRUE(Info(Category::kBankCardNumber).sensitive);
  EXPECT_TRUE(Info(Category::kHealthInfo).sensitive);
  EXPECT_TRUE(Info(Category::kGeoCoordinates).sensitive);
  EXPECT_FALSE(Info(Category::kPhoneNumber).sensitive);
  EXPECT_FALSE(Info(Category::kOrgCreditCode).sensitive);
  EXPECT_EQ(Info(Category::kOrgCreditCode).group, "not personal");
  EXPECT_EQ(Info(Category::kEmailAddress).group, "contact");
  EXPECT_FALSE(Info(Category::kHealthInfo).legal_source.empty());
}

TEST(CategoryTest, ParsesKnownAndRejectsUnknown) {
  EXPECT_EQ(ParseCategory("phone_number"), Category::kPhoneNumber);
  EXPECT_EQ(ParseCategory("org_credit_code"), Category::kOrgCreditCode);
  EXPECT_FALSE(ParseCategory("phone").has_value());
  EXPECT_FALSE(ParseCategory("").has_value());
  EXPECT_NE(CategoryList().find("cn_resident_id, passport_number"), std::string::npos);
}

}  // namespace
}  // namespace custos::detect
