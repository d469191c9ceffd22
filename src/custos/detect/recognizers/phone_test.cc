// Phone numbers through the public Detector.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "custos/testing/detect_helpers.h"

namespace custos::detect {
namespace {

using ::custos::testing::FindAll;
using ::custos::testing::RecognizerOf;
using ::custos::testing::Values;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// ----------------------------------------------------------------------------------
// PRC mobile numbers.

TEST(PhoneTest, MobilePlainAndGrouped) {
  EXPECT_THAT(Values("联系电话13812345678", "phone_number"), ElementsAre("13812345678"));
  EXPECT_THAT(Values("call 138 1234 5678 now", "phone_number"), ElementsAre("138 1234 5678"));
  EXPECT_THAT(Values("call 138-1234-5678.", "phone_number"), ElementsAre("138-1234-5678"));
  EXPECT_THAT(Values("tel 138 12345678", "phone_number"), ElementsAre("138 12345678"));
  EXPECT_THAT(Values("tel13812345678", "phone_number"), ElementsAre("13812345678"));
  EXPECT_EQ(RecognizerOf("13812345678", "phone_number"), "phone_cn_mobile");
}

TEST(PhoneTest, MobileWithCountryCode) {
  EXPECT_THAT(Values("手机 +86 138 1234 5678", "phone_number"), ElementsAre("+86 138 1234 5678"));
  EXPECT_THAT(Values("+8613812345678", "phone_number"), ElementsAre("+8613812345678"));
  EXPECT_THAT(Values("0086 13812345678", "phone_number"), ElementsAre("0086 13812345678"));
  EXPECT_THAT(Values("008613812345678", "phone_number"), ElementsAre("008613812345678"));
  EXPECT_THAT(Values("(+86) 138-1234-5678", "phone_number"), ElementsAre("(+86) 138-1234-5678"));
  EXPECT_THAT(Values("+86-13812345678", "phone_number"), ElementsAre("+86-13812345678"));
}

TEST(PhoneTest, MobileSegments) {
  for (const char* ok : {"13012345678", "14512345678", "14912345678", "15012345678", "15312345678", "15512345678",
                         "16212345678", "16512345678", "16712345678", "17012345678", "17812345678", "18012345678",
                         "19912345678"}) {
    EXPECT_THAT(Values(ok, "phone_number"), ElementsAre(ok)) << ok;
  }
  for (const char* bad : {"11012345678", "12012345678", "14012345678", "14412345678", "15412345678", "16012345678",
                          "16312345678", "16812345678", "17912345678", "10012345678"}) {
    EXPECT_THAT(Values(bad, "phone_number"), IsEmpty()) << bad;
  }
}

TEST(PhoneTest, MobileAfterTimestampInLog) {
  EXPECT_THAT(Values("2024-05-06 12:00:00 user 13812345678 login", "phone_number"), ElementsAre("13812345678"));
  EXPECT_THAT(Values("13812345678 200 1532", "phone_number"), ElementsAre("13812345678"));
}

TEST(PhoneTest, MobileHardNegatives) {
  // Inside a longer digit run (a 24-digit order number), a timestamp, a version, decimals.
  EXPECT_THAT(Values("订单 202405061381234567812345", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("ts=1700000000123", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("version 1.38.1234.5678", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("v=13812345678.25", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("x=0.13812345678", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("id 550e8400-e29b-41d4-a716-13812345678", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("138 1234 5678 9012", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("13812345678-0042", "phone_number"), IsEmpty());
}

TEST(PhoneTest, EightIdenticalSubscriberDigitsNeedPhoneWords) {
  EXPECT_THAT(Values("2017/05/19: [new] add \\o{17777777777} syntax.", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("手机：17777777777", "phone_number"), ElementsAre("17777777777"));
  EXPECT_THAT(Values("call 17777777778", "phone_number"), ElementsAre("17777777778"));
  EXPECT_THAT(Values("see 177 7777 7777 and 177-7777-7777", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("电话 177 7777 7777", "phone_number"), ElementsAre("177 7777 7777"));
}

TEST(PhoneTest, NegativeContextLowersConfidence) {
  EXPECT_THAT(Values("订单号 13812345678", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("tracking 13812345678", "phone_number"), IsEmpty());
  // A nearer phone word wins over a farther order word; "ver" inside "server" is no negative.
  EXPECT_THAT(Values("订单号 1234，联系电话 13812345678", "phone_number"), ElementsAre("13812345678"));
  EXPECT_THAT(Values("server 13812345678", "phone_number"), ElementsAre("13812345678"));
}

TEST(PhoneTest, ContextAndHintsRaiseConfidence) {
  auto plain = FindAll("13812345678");
  auto with = FindAll("手机号：13812345678");
  auto hinted = FindAll("13812345678", "mobile");
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_EQ(with.size(), 1u);
  ASSERT_EQ(hinted.size(), 1u);
  EXPECT_GT(with[0].confidence, plain[0].confidence);
  EXPECT_GT(hinted[0].confidence, plain[0].confidence);
  EXPECT_LE(with[0].confidence, 1.0f);
}

// ----------------------------------------------------------------------------------
// PRC landlines.

TEST(PhoneTest, Landlines) {
  EXPECT_THAT(Values("电话 010-12345678", "phone_number"), ElementsAre("010-12345678"));
  EXPECT_THAT(Values("call (021) 1234 5678", "phone_number"), ElementsAre("(021) 1234 5678"));
  EXPECT_THAT(Values("0755-1234567", "phone_number"), ElementsAre("0755-1234567"));
  EXPECT_THAT(Values("0755 12345678", "phone_number"), ElementsAre("0755 12345678"));
  EXPECT_THAT(Values("(0571)87654321", "phone_number"), ElementsAre("(0571)87654321"));
  EXPECT_THAT(Values("010-12345678-123", "phone_number"), ElementsAre("010-12345678-123"));
  EXPECT_THAT(Values("010-12345678 ext 88", "phone_number"), ElementsAre("010-12345678 ext 88"));
  EXPECT_THAT(Values("010-12345678转8001", "phone_number"), ElementsAre("010-12345678转8001"));
  EXPECT_THAT(Values("+86 10 1234 5678", "phone_number"), ElementsAre("+86 10 1234 5678"));
  EXPECT_THAT(Values("+86-755-1234567", "phone_number"), ElementsAre("+86-755-1234567"));
  EXPECT_EQ(RecognizerOf("010-12345678", "phone_number"), "phone_cn_landline");
}

TEST(PhoneTest, LandlineContiguousNeedsContext) {
  EXPECT_THAT(Values("电话：01062345678", "phone_number"), ElementsAre("01062345678"));
  EXPECT_THAT(Values("075587654321", "phone_number", "telephone"), ElementsAre("075587654321"));
  EXPECT_THAT(Values("ref 01062345678", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("电话：01012345678", "phone_number"), IsEmpty());  // 1xxx only when written apart
}

TEST(PhoneTest, LandlineNegatives) {
  EXPECT_THAT(Values("010-02345678", "phone_number"), IsEmpty());   // subscriber starts with 0
  EXPECT_THAT(Values("010-1234567", "phone_number"), IsEmpty());    // 3-digit area needs 8 digits
  EXPECT_THAT(Values("026-12345678", "phone_number"), IsEmpty());   // unassigned area code
  EXPECT_THAT(Values("0123-1234567", "phone_number"), IsEmpty());   // 01x is not a 4-digit area code
  EXPECT_THAT(Values("2010-12-31", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("x 010-12345678.5", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("021 1234 5678 9012", "phone_number"), IsEmpty());
}

// ----------------------------------------------------------------------------------
// International numbers.

TEST(PhoneTest, International) {
  EXPECT_THAT(Values("London +44 20 7946 0958", "phone_number"), ElementsAre("+44 20 7946 0958"));
  EXPECT_THAT(Values("SF +1 (415) 555-2671.", "phone_number"), ElementsAre("+1 (415) 555-2671"));
  EXPECT_THAT(Values("0044 20 7946 0958", "phone_number"), ElementsAre("0044 20 7946 0958"));
  EXPECT_THAT(Values("+442079460958", "phone_number"), ElementsAre("+442079460958"));
  EXPECT_THAT(Values("+49 30 901820 and 12", "phone_number"), ElementsAre("+49 30 901820"));
  EXPECT_EQ(RecognizerOf("+44 20 7946 0958", "phone_number"), "phone_intl");
}

TEST(PhoneTest, InternationalNegatives) {
  EXPECT_THAT(Values("+1 (000) 000-0000", "phone_number"), IsEmpty());  // not a valid number
  EXPECT_THAT(Values("x=+12", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("aGVsbG8+442079460958", "phone_number"), IsEmpty());  // base64
  EXPECT_THAT(Values("+44 20 7946 0958.123", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("card 6217 0036 1955 3563", "phone_number"), IsEmpty());  // "0036..." inside a card
}

}  // namespace
}  // namespace custos::detect
