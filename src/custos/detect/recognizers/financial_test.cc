// Financial recognizers, through the public Detector. Vectors marked "computed" were
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

Found One(std::string_view text, std::string_view category, std::string_view field = {}) {
  std::vector<Found> hits;
  for (auto& f : FindAll(text, field)) {
    if (f.category == category) hits.push_back(f);
  }
  EXPECT_EQ(hits.size(), 1u) << text;
  return hits.empty() ? Found{} : hits[0];
}

// The highest confidence any finding of `category` had before the threshold: found by
// scanning with min_confidence 0.
float Confidence(std::string_view text, std::string_view category) {
  static const std::unique_ptr<Detector> d = [] {
    DetectorOptions o;
    o.min_confidence = 0;
    o.as_of = 20261129;
    return std::move(Detector::Create(o)).value();
  }();
  float best = -1;
  for (auto& f : FindAll(text, {}, *d)) {
    if (f.category == category && f.confidence > best) best = f.confidence;
  }
  return best;
}

// ---- bank_card_number ----

TEST(FinancialCardTest, WholeNumbersByIssuer) {
  // Issuers' published test card numbers.
  for (const char* card : {"4111111111111111", "5555555555554444", "2223000048400011", "378282246310005",
                           "3530111333300000", "6011111111111117", "30569309025904"}) {
    EXPECT_THAT(Values(std::string("pay ") + card + " ok", "bank_card_number"), ElementsAre(card)) << card;
  }
  // UnionPay 19 digits: computed.
  Found f = One("卡号：6222021234567890128", "bank_card_number");
  EXPECT_EQ(f.value, "6222021234567890128");
  EXPECT_EQ(f.recognizer, "bank_card_luhn");
  EXPECT_GE(f.confidence, 0.9f);
  EXPECT_THAT(Values("银行卡6222021234567890128已绑定", "bank_card_number"), ElementsAre("6222021234567890128"));
}

TEST(FinancialCardTest, GroupedNumbers) {
  EXPECT_THAT(Values("card 4111-1111-1111-1111 exp 12/29", "bank_card_number"), ElementsAre("4111-1111-1111-1111"));
  EXPECT_THAT(Values("卡号 6222 0212 3456 7890 128", "bank_card_number"), ElementsAre("6222 0212 3456 7890 128"));
  EXPECT_THAT(Values("amex 3782 822463 10005.", "bank_card_number"), ElementsAre("3782 822463 10005"));
  EXPECT_THAT(Values("4111 1111 1111 1111", "bank_card_number"), ElementsAre("4111 1111 1111 1111"));
}

TEST(FinancialCardTest, Rejects) {
  EXPECT_THAT(Values("4111111111111112", "bank_card_number"), IsEmpty());           // Luhn
  EXPECT_THAT(Values("1234567812345670", "bank_card_number"), IsEmpty());           // Luhn-valid, no issuer
  EXPECT_THAT(Values("411111111111111", "bank_card_number"), IsEmpty());            // Visa is 13/16/19
  EXPECT_THAT(Values("4111 1111 1111 1111 1111", "bank_card_number"), IsEmpty());   // 20 digits in groups
  EXPECT_THAT(Values("4111-1111-1111-1111-2", "bank_card_number"), IsEmpty());
  EXPECT_THAT(Values("41111-11111111-111", "bank_card_number"), IsEmpty());         // group of 8
  EXPECT_THAT(Values("ratio 0.4111111111111111", "bank_card_number"), IsEmpty());
  EXPECT_THAT(Values("1.4111111111111111.2", "bank_card_number"), IsEmpty());
  // Luhn-valid numbers labelled as orders are not cards.
  EXPECT_THAT(Values("订单号：6222021234567890128", "bank_card_number"), IsEmpty());
  EXPECT_LT(Confidence("订单号：6222021234567890128", "bank_card_number"), 0.5f);
  EXPECT_LT(Confidence("order id 4111111111111111", "bank_card_number"), 0.5f);
  EXPECT_THAT(Values("tracking 4111-1111-1111-1111", "bank_card_number"), IsEmpty());
  // Timestamps, UUIDs, versions, dates.
  EXPECT_THAT(Values("ts 1732848000123 1732848000123456789", "bank_card_number"), IsEmpty());
  EXPECT_THAT(Values("550e8400-e29b-41d4-a716-446655440000", "bank_card_number"), IsEmpty());
  EXPECT_THAT(Values("v4.1.1111 6.2.2021", "bank_card_number"), IsEmpty());
  EXPECT_THAT(Values("2023-11-29 23:59:59.123", "bank_card_number"), IsEmpty());
}

// ---- bank_account ----

TEST(FinancialCardTest, IdentifierTailsAreNotCardsWithoutCardWords) {
  // OSS-Fuzz test case IDs in a changelog pass Luhn with a Mastercard prefix.
  EXPECT_THAT(Values("Fixes https://oss-fuzz.com/testcase-detail/5390364397928448.", "bank_card_number"), IsEmpty());
  EXPECT_THAT(Values("clusterfuzz-testcase-minimized-hb-fuzzer-5390364397928448 | Bin", "bank_card_number"),
              IsEmpty());
  EXPECT_THAT(Values("id_5390364397928448", "bank_card_number"), IsEmpty());
  // The same number standing alone, after '=' or ':', or with card words, still is one.
  EXPECT_THAT(Values("paid with 5390364397928448", "bank_card_number"), ElementsAre("5390364397928448"));
  EXPECT_THAT(Values("card=5390364397928448", "bank_card_number"), ElementsAre("5390364397928448"));
  EXPECT_THAT(Values("/cards/card number/4111111111111111", "bank_card_number"), ElementsAre("4111111111111111"));
}

TEST(FinancialAccountTest, NeedsContext) {
  Found f = One("开户行：工商银行 账号：1234567890123", "bank_account");
  EXPECT_EQ(f.value, "1234567890123");
  EXPECT_GE(f.confidence, 0.75f);
  EXPECT_THAT(Values("账号：123456789012345", "bank_account"), ElementsAre("123456789012345"));
  EXPECT_THAT(Values("bank account 0200 0011 2233 4455", "bank_account"), ElementsAre("0200 0011 2233 4455"));
  EXPECT_THAT(Values("12345678901", "bank_account", "银行账号"), ElementsAre("12345678901"));
  EXPECT_THAT(Values("1234567890123", "bank_account"), IsEmpty());
  // A UK-style 8-digit account after a bank word, but weakly.
  Found uk = One("bank account 41234567, sort code 12-34-56", "bank_account");
  EXPECT_EQ(uk.value, "41234567");
  EXPECT_LT(uk.confidence, 0.7f);
}

TEST(FinancialAccountTest, Rejects) {
  EXPECT_THAT(Values("账号：12345678", "bank_account"), IsEmpty());               // short, generic label
  EXPECT_THAT(Values("账户余额 12345678.90", "bank_account"), IsEmpty());          // an amount
  EXPECT_THAT(Values("开户日期 20230105", "bank_account"), IsEmpty());             // a date
  EXPECT_THAT(Values("账号 123456789012345 订单号", "bank_account"), IsEmpty());   // generic + negative
  // A card is reported as a card.
  EXPECT_THAT(Values("银行账号 6222021234567890128", "bank_account"), IsEmpty());
  EXPECT_THAT(Values("银行账号 6222021234567890128", "bank_card_number"), ElementsAre("6222021234567890128"));
}

// ---- iban ----

TEST(FinancialIbanTest, RegistryExamples) {
  // SWIFT IBAN registry examples.
  EXPECT_THAT(Values("IBAN GB82WEST12345698765432", "iban"), ElementsAre("GB82WEST12345698765432"));
  EXPECT_THAT(Values("DE89370400440532013000", "iban"), ElementsAre("DE89370400440532013000"));
  EXPECT_THAT(Values("to FR1420041010050500013M02606.", "iban"), ElementsAre("FR1420041010050500013M02606"));
  EXPECT_THAT(Values("GB82 WEST 1234 5698 7654 32", "iban"), ElementsAre("GB82 WEST 1234 5698 7654 32"));
  EXPECT_THAT(Values("收款 DE89 3704 0044 0532 0130 00 谢谢", "iban"), ElementsAre("DE89 3704 0044 0532 0130 00"));
  EXPECT_THAT(Values("FR14 2004 1010 0505 0001 3M02 606", "iban"), ElementsAre("FR14 2004 1010 0505 0001 3M02 606"));
  EXPECT_GE(One("IBAN: GB82WEST12345698765432", "iban").confidence, 0.95f);
}

TEST(FinancialIbanTest, Rejects) {
  EXPECT_THAT(Values("GB83WEST12345698765432", "iban"), IsEmpty());       // check digits
  EXPECT_THAT(Values("GB82WEST1234569876543", "iban"), IsEmpty());        // GB is 22 long
  EXPECT_THAT(Values("DE89 3704 0044 0532 0130 001", "iban"), IsEmpty()); // one too many
  EXPECT_THAT(Values("DE89 3704 0044 0532 0130", "iban"), IsEmpty());     // too short
  EXPECT_THAT(Values("gb82west12345698765432", "iban"), IsEmpty());
  EXPECT_THAT(Values("CN12345678901234567890", "iban"), IsEmpty());       // China has no IBAN
}

// ---- imei ----

TEST(FinancialImeiTest, NeedsContextForConfidence) {
  // Wikipedia's IMEI check digit example.
  Found f = One("IMEI: 490154203237518", "imei");
  EXPECT_GE(f.confidence, 0.8f);
  EXPECT_THAT(Values("手机串号490154203237518", "imei"), ElementsAre("490154203237518"));
  EXPECT_THAT(Values("490154203237518", "imei", "imei"), ElementsAre("490154203237518"));
  EXPECT_THAT(Values("490154203237518", "imei"), IsEmpty());
  EXPECT_LT(Confidence("490154203237518", "imei"), 0.5f);
  EXPECT_GT(Confidence("490154203237518", "imei"), 0.0f);
  EXPECT_THAT(Values("IMEI: 490154203237517", "imei"), IsEmpty());  // Luhn
  EXPECT_THAT(Values("imei 4901542032375180", "imei"), IsEmpty());  // 16 digits
}

// ---- vin ----

TEST(FinancialVinTest, CheckDigit) {
  // The check-digit example of the Wikipedia VIN article.
  Found f = One("1M8GDM9AXKP042788", "vin");
  EXPECT_GE(f.confidence, 0.75f);
  EXPECT_EQ(f.recognizer, "vin");
  EXPECT_GE(One("VIN: 1M8GDM9AXKP042788", "vin").confidence, 0.95f);
  EXPECT_THAT(Values("车架号LFV2A21K0G3012345", "vin"), ElementsAre("LFV2A21K0G3012345"));  // computed
}

TEST(FinancialVinTest, WrongCheckDigitOnlyWithContext) {
  // Computed: a European-style VIN whose position 9 is not a check digit.
  EXPECT_THAT(Values("WVWZZZ1JZ3W386752", "vin"), IsEmpty());
  EXPECT_THAT(Values("VIN: WVWZZZ1JZ3W386752", "vin"), ElementsAre("WVWZZZ1JZ3W386752"));
  EXPECT_THAT(Values("车辆识别代号 WVWZZZ1JZ3W386752", "vin"), ElementsAre("WVWZZZ1JZ3W386752"));
  // "vin" inside another word is no context.
  EXPECT_THAT(Values("having WVWZZZ1JZ3W386752", "vin"), IsEmpty());
}

TEST(FinancialVinTest, Rejects) {
  EXPECT_THAT(Values("1M8GDM9AXKO042788", "vin"), IsEmpty());   // O
  EXPECT_THAT(Values("1M8GDM9AXKP04278A", "vin"), IsEmpty());   // last four must be digits
  EXPECT_THAT(Values("1m8gdm9axkp042788", "vin"), IsEmpty());   // lowercase, no context
  EXPECT_THAT(Values("vin=1m8gdm9axkp042788", "vin"), ElementsAre("1m8gdm9axkp042788"));
  EXPECT_THAT(Values("1a2b3c4d5e6f70123", "vin"), IsEmpty());   // hex
  EXPECT_THAT(Values("1M8GDM9AXKP0427889", "vin"), IsEmpty());  // 18 chars
}

}  // namespace
}  // namespace custos::detect

namespace custos::detect {
namespace {

TEST(FinancialRegressionTest, MistypedResidentIdIsNotACardOrOrgCode) {
  // Luhn-valid with a UnionPay prefix, but shaped like a resident ID (Gansu, born
  // 1983-01-28) whose MOD 11-2 check digit is wrong: neither an ID nor a card.
  const char* text = "身份证号：620102198301289157，出生日期";
  EXPECT_TRUE(testing::FindAll(text).empty());
  // With card words it is a card after all.
  EXPECT_EQ(testing::Values("银行卡号 620102198301289157", "bank_card_number"),
            std::vector<std::string>{"620102198301289157"});
}

}  // namespace
}  // namespace custos::detect
