// Identity recognizers, through the public Detector. Vectors marked "computed" were
// made with checksums.h for these tests (they are not published examples).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "custos/testing/detect_helpers.h"

namespace custos::detect {
namespace {

using ::custos::testing::FindAll;
using ::custos::testing::Found;
using ::custos::testing::Values;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The one finding of `category` in text, or a failure.
Found One(std::string_view text, std::string_view category, std::string_view field = {}) {
  std::vector<Found> hits;
  for (auto& f : FindAll(text, field)) {
    if (f.category == category) hits.push_back(f);
  }
  EXPECT_EQ(hits.size(), 1u) << text;
  return hits.empty() ? Found{} : hits[0];
}

// ---- cn_resident_id ----

TEST(IdentityResidentIdTest, StandardExampleWithX) {
  // GB 11643-1999's example.
  Found f = One("11010519491231002X", "cn_resident_id");
  EXPECT_EQ(f.value, "11010519491231002X");
  EXPECT_EQ(f.recognizer, "cn_resident_id");
  EXPECT_GE(f.confidence, 0.85f);
  EXPECT_EQ(f.attributes.birth_date, 19491231u);
  EXPECT_EQ(f.attributes.region, 110105u);
  EXPECT_EQ(f.attributes.sex, 'F');  // 17th digit 2
  EXPECT_TRUE(f.attributes.has_minor_flag);
  EXPECT_FALSE(f.attributes.minor_under_14);
  EXPECT_THAT(Values("11010519491231002x", "cn_resident_id"), ElementsAre("11010519491231002x"));
}

TEST(IdentityResidentIdTest, NextToChineseText) {
  // 110105194912310038 is computed (same person's data, sequence 003, male).
  EXPECT_THAT(Values("身份证号110105194912310038办理", "cn_resident_id"), ElementsAre("110105194912310038"));
  EXPECT_THAT(Values("身份证号11010519491231002X办理", "cn_resident_id"), ElementsAre("11010519491231002X"));
  Found f = One("证件号码：110105194912310038，", "cn_resident_id");
  EXPECT_GE(f.confidence, 0.95f);
  EXPECT_EQ(f.attributes.sex, 'M');
  // 110105194912310021, often quoted as an example, fails MOD 11-2 (the check is X).
  EXPECT_THAT(Values("身份证号110105194912310021办理", "cn_resident_id"), IsEmpty());
}

TEST(IdentityResidentIdTest, GluedAsciiLabels) {
  EXPECT_THAT(Values("ID:110105194912310038", "cn_resident_id"), ElementsAre("110105194912310038"));
  EXPECT_THAT(Values("id110105194912310038", "cn_resident_id"), ElementsAre("110105194912310038"));
  EXPECT_THAT(Values("ID11010519491231002X", "cn_resident_id"), ElementsAre("11010519491231002X"));
  EXPECT_THAT(Values("A11010519491231002X", "cn_resident_id"), IsEmpty());
}

TEST(IdentityResidentIdTest, MinorFlag) {
  // Computed: born 2015-06-15, so 11 on the helpers' as-of date 2026-11-29.
  Found f = One("idcard=440304201506151231", "cn_resident_id");
  EXPECT_EQ(f.attributes.birth_date, 20150615u);
  EXPECT_EQ(f.attributes.region, 440304u);
  EXPECT_EQ(f.attributes.sex, 'M');
  EXPECT_TRUE(f.attributes.has_minor_flag);
  EXPECT_TRUE(f.attributes.minor_under_14);
}

TEST(IdentityResidentIdTest, RejectsWrongCheckDatesAndProvinces) {
  EXPECT_THAT(Values("身份证 110105194912310020", "cn_resident_id"), IsEmpty());  // wrong check
  EXPECT_THAT(Values("身份证 11010519491231003X", "cn_resident_id"), IsEmpty());
  // Each computed with a right check digit, wrong elsewhere:
  EXPECT_THAT(Values("身份证 110105194902300012", "cn_resident_id"), IsEmpty());  // 30 Feb
  EXPECT_THAT(Values("身份证 110105202701010016", "cn_resident_id"), IsEmpty());  // born in the future
  EXPECT_THAT(Values("身份证 110105189912310015", "cn_resident_id"), IsEmpty());  // before 1900
  EXPECT_THAT(Values("身份证 990105194912310015", "cn_resident_id"), IsEmpty());  // no province 99
}

TEST(IdentityResidentIdTest, RejectsLookalikeNumbers) {
  // An 18-digit valid ID inside a 24-digit order number is never a token of its own.
  EXPECT_THAT(Values("订单 123110105194912310038456", "cn_resident_id"), IsEmpty());
  EXPECT_THAT(Values("110105194912310038123456", "cn_resident_id"), IsEmpty());
  // A decimal fraction, a dotted version.
  EXPECT_THAT(Values("ratio 0.110105194912310038", "cn_resident_id"), IsEmpty());
  EXPECT_THAT(Values("v110105194912310038.2", "cn_resident_id"), IsEmpty());
  // Negative context alone.
  EXPECT_THAT(Values("订单号 110105194912310038", "cn_resident_id"), IsEmpty());
  EXPECT_THAT(Values("order no 110105194912310038", "cn_resident_id"), IsEmpty());
  // But an ID next to an order number is still an ID.
  EXPECT_THAT(Values("订单号 42 身份证 110105194912310038", "cn_resident_id"), ElementsAre("110105194912310038"));
  // Timestamps and UUIDs.
  EXPECT_THAT(Values("ts=1732848000123456789 id=550e8400-e29b-41d4-a716-446655440000", "cn_resident_id"), IsEmpty());
}

TEST(IdentityResidentIdTest, Legacy15Digits) {
  Found f = One("身份证：110105491231002", "cn_resident_id");
  EXPECT_EQ(f.value, "110105491231002");
  EXPECT_EQ(f.recognizer, "cn_resident_id_legacy");
  EXPECT_LT(f.confidence, 0.9f);
  EXPECT_EQ(f.attributes.birth_date, 19491231u);
  EXPECT_EQ(f.attributes.sex, 'F');
  EXPECT_THAT(Values("110105491231002", "cn_resident_id", "身份证号"), ElementsAre("110105491231002"));
  // Without context, or with an impossible date or province: nothing.
  EXPECT_THAT(Values("110105491231002", "cn_resident_id"), IsEmpty());
  EXPECT_THAT(Values("身份证：110105491331002", "cn_resident_id"), IsEmpty());
  EXPECT_THAT(Values("身份证：990105491231002", "cn_resident_id"), IsEmpty());
}

// ---- hk_id ----

TEST(IdentityHkIdTest, WithParentheses) {
  Found f = One("HKID A123456(3) ok", "hk_id");
  EXPECT_EQ(f.value, "A123456(3)");
  EXPECT_GE(f.confidence, 0.95f);
  EXPECT_THAT(Values("holder A123456(3)", "hk_id"), ElementsAre("A123456(3)"));
  EXPECT_THAT(Values("香港身份證 A123456 (3)", "hk_id"), ElementsAre("A123456 (3)"));
  // Two letters: computed.
  EXPECT_THAT(Values("AB987654(3)", "hk_id"), ElementsAre("AB987654(3)"));
}

TEST(IdentityHkIdTest, CompactNeedsContext) {
  EXPECT_THAT(Values("HKID: A1234563", "hk_id"), ElementsAre("A1234563"));
  EXPECT_THAT(Values("part A1234563", "hk_id"), IsEmpty());
}

TEST(IdentityHkIdTest, Rejects) {
  EXPECT_THAT(Values("A123456(4)", "hk_id"), IsEmpty());
  EXPECT_THAT(Values("HKID A1234564", "hk_id"), IsEmpty());
  EXPECT_THAT(Values("a123456(3)", "hk_id"), IsEmpty());
  EXPECT_THAT(Values("ABC123456(3)", "hk_id"), IsEmpty());
  EXPECT_THAT(Values("A123456", "hk_id"), IsEmpty());
}

// ---- tw_id ----

TEST(IdentityTwIdTest, AcceptsAndRejects) {
  Found f = One("A123456789", "tw_id");
  EXPECT_GE(f.confidence, 0.5f);
  EXPECT_EQ(f.attributes.sex, 'M');
  EXPECT_GE(One("身分證字號：A123456789", "tw_id").confidence, 0.9f);
  EXPECT_THAT(Values("B223456782", "tw_id"), ElementsAre("B223456782"));  // computed, female
  EXPECT_THAT(Values("A123456788", "tw_id"), IsEmpty());
  EXPECT_THAT(Values("A323456789", "tw_id"), IsEmpty());
  EXPECT_THAT(Values("a123456789", "tw_id"), IsEmpty());
  EXPECT_THAT(Values("订单号 A123456789", "tw_id"), IsEmpty());
}

// ---- us_ssn ----

TEST(IdentityUsSsnTest, Dashed) {
  EXPECT_THAT(Values("ssn 123-45-6789", "us_ssn"), ElementsAre("123-45-6789"));
  EXPECT_GE(One("SSN: 123-45-6789", "us_ssn").confidence, 0.9f);
  EXPECT_THAT(Values("holder 123-45-6789 x", "us_ssn"), ElementsAre("123-45-6789"));
}

TEST(IdentityUsSsnTest, ValidityRules) {
  for (const char* bad : {"000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567", "123-45-0000",
                          "078-05-1120", "219-09-9999"}) {
    EXPECT_THAT(Values(std::string("SSN ") + bad, "us_ssn"), IsEmpty()) << bad;
  }
  EXPECT_THAT(Values("1-123-45-6789", "us_ssn"), IsEmpty());
  EXPECT_THAT(Values("123-45-67890", "us_ssn"), IsEmpty());
  EXPECT_THAT(Values("123-45-6789-1", "us_ssn"), IsEmpty());
  EXPECT_THAT(Values("tracking 123-45-6789", "us_ssn"), IsEmpty());
}

TEST(IdentityUsSsnTest, PlainOrSpacedOnlyWithContext) {
  EXPECT_THAT(Values("123456789", "us_ssn"), IsEmpty());
  EXPECT_THAT(Values("SSN: 123456789", "us_ssn"), ElementsAre("123456789"));
  EXPECT_THAT(Values("123456789", "us_ssn", "ssn"), ElementsAre("123456789"));
  EXPECT_THAT(Values("123 45 6789", "us_ssn"), IsEmpty());
  EXPECT_THAT(Values("social security number 123 45 6789", "us_ssn"), ElementsAre("123 45 6789"));
  EXPECT_THAT(Values("SSN: 000456789", "us_ssn"), IsEmpty());
}

// ---- passport_number ----

TEST(IdentityPassportTest, PrcSeries) {
  EXPECT_THAT(Values("护照号码：E12345678", "passport_number"), ElementsAre("E12345678"));
  EXPECT_GE(One("护照号码：E12345678", "passport_number").confidence, 0.9f);
  Found alone = One("holder E12345678 arrived", "passport_number");
  EXPECT_GE(alone.confidence, 0.5f);
  EXPECT_LT(alone.confidence, 0.8f);
  EXPECT_THAT(Values("passportNo=EA1234567", "passport_number"), ElementsAre("EA1234567"));
  EXPECT_THAT(Values("G12345678", "passport_number"), ElementsAre("G12345678"));
  EXPECT_THAT(Values("EI1234567", "passport_number"), IsEmpty());
  EXPECT_THAT(Values("E1234567", "passport_number"), IsEmpty());
  EXPECT_THAT(Values("订单号 E12345678", "passport_number"), IsEmpty());
}

TEST(IdentityPassportTest, OtherCountriesOnlyAfterLabel) {
  EXPECT_THAT(Values("Passport No.: 123456789", "passport_number"), ElementsAre("123456789"));
  EXPECT_THAT(Values("passport K1234567", "passport_number"), ElementsAre("K1234567"));
  EXPECT_THAT(Values("123456789", "passport_number"), IsEmpty());
  EXPECT_THAT(Values("K1234567", "passport_number"), IsEmpty());
  // Far from the label, or another token in between.
  EXPECT_THAT(Values("passport checked at gate 7, seat 123456789", "passport_number"), IsEmpty());
  EXPECT_THAT(Values("bypass 123456789", "passport_number"), IsEmpty());
  EXPECT_THAT(Values("K1234567", "passport_number", "passport"), ElementsAre("K1234567"));
}

TEST(IdentityPassportTest, MrzLine) {
  // ICAO Doc 9303 specimen (Utopia) TD3 line 2: document number L898902C3.
  EXPECT_THAT(Values("L898902C36UTO7408122F1204159ZE184226B<<<<<10", "passport_number"), ElementsAre("L898902C3"));
  // A wrong check digit in the date of birth breaks it.
  EXPECT_THAT(Values("L898902C36UTO7408123F1204159ZE184226B<<<<<10", "passport_number"), IsEmpty());
}

// ---- travel_permit ----

TEST(IdentityTravelPermitTest, LetterFormsNeedContext) {
  EXPECT_THAT(Values("回乡证 H12345678", "travel_permit"), ElementsAre("H12345678"));
  EXPECT_THAT(Values("港澳居民来往内地通行证号码：M1234567801", "travel_permit"), ElementsAre("M1234567801"));
  EXPECT_THAT(Values("往来港澳通行证 CA1234567", "travel_permit"), ElementsAre("CA1234567"));
  EXPECT_THAT(Values("Exit-Entry Permit C12345678", "travel_permit"), ElementsAre("C12345678"));
  EXPECT_THAT(Values("H12345678", "travel_permit"), IsEmpty());
  EXPECT_THAT(Values("C12345678", "travel_permit"), IsEmpty());
  EXPECT_THAT(Values("通行证 X12345678", "travel_permit"), IsEmpty());
}

TEST(IdentityTravelPermitTest, TaiwanDigitsOnlyAfterLabel) {
  EXPECT_THAT(Values("台胞证号码：12345678", "travel_permit"), ElementsAre("12345678"));
  EXPECT_THAT(Values("12345678", "travel_permit"), IsEmpty());
  EXPECT_THAT(Values("台胞证已于 2023 年办理，电话 12345678", "travel_permit"), IsEmpty());
}

// ---- org_credit_code ----

TEST(IdentityOrgCreditCodeTest, AcceptsAndRejects) {
  // GB 32100-2015's example code.
  Found f = One("统一社会信用代码：91350100M000100Y43", "org_credit_code");
  EXPECT_GE(f.confidence, 0.95f);
  EXPECT_EQ(f.recognizer, "org_credit_code");
  EXPECT_THAT(Values("supplier 91350100M000100Y43", "org_credit_code"), ElementsAre("91350100M000100Y43"));
  EXPECT_THAT(Values("9144030071526726XG", "org_credit_code"), ElementsAre("9144030071526726XG"));
  EXPECT_THAT(Values("91350100M000100Y44", "org_credit_code"), IsEmpty());
  EXPECT_THAT(Values("91350100m000100y43", "org_credit_code"), IsEmpty());
  EXPECT_THAT(Values("0135010000000100Y4", "org_credit_code"), IsEmpty());
}

TEST(IdentityTest, NamesAreStable) {
  EXPECT_EQ(One("11010519491231002X", "cn_resident_id").recognizer, "cn_resident_id");
  EXPECT_EQ(One("A123456(3)", "hk_id").recognizer, "hk_id");
  EXPECT_EQ(One("A123456789", "tw_id").recognizer, "tw_id");
  EXPECT_EQ(One("123-45-6789", "us_ssn").recognizer, "us_ssn");
  EXPECT_EQ(One("E12345678", "passport_number").recognizer, "passport_number");
  EXPECT_EQ(One("回乡证 H12345678", "travel_permit").recognizer, "travel_permit");
}

}  // namespace
}  // namespace custos::detect
