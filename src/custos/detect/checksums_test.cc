#include "custos/detect/checksums.h"

#include <gtest/gtest.h>

#include <array>
#include <string>

namespace custos::detect {
namespace {

TEST(ChecksumTest, Luhn) {
  // Wikipedia "Luhn algorithm" example and the well-known Visa test number.
  EXPECT_TRUE(LuhnValid("79927398713"));
  EXPECT_EQ(LuhnCheckChar("7992739871"), '3');
  EXPECT_TRUE(LuhnValid("4111111111111111"));
  EXPECT_EQ(LuhnCheckChar("411111111111111"), '1');
  EXPECT_FALSE(LuhnValid("79927398710"));
  EXPECT_FALSE(LuhnValid("4111111111111112"));
  EXPECT_FALSE(LuhnValid("4111-1111"));
  EXPECT_FALSE(LuhnValid("0"));
  EXPECT_FALSE(LuhnValid(""));
  EXPECT_EQ(LuhnCheckChar(""), '\0');
  EXPECT_EQ(LuhnCheckChar("12a"), '\0');
  // Every body gets the one check digit that validates it.
  for (int i = 0; i < 1000; ++i) {
    std::string body = std::to_string(i * 7919 + 123456);
    char c = LuhnCheckChar(body);
    EXPECT_TRUE(LuhnValid(body + c)) << i;
  }
}

TEST(ChecksumTest, Mod11_2ResidentId) {
  // GB 11643-1999's own example.
  EXPECT_TRUE(Mod11_2Valid("11010519491231002X"));
  EXPECT_TRUE(Mod11_2Valid("11010519491231002x"));
  EXPECT_EQ(Mod11_2CheckChar("11010519491231002"), 'X');
  // The same body with any other last character fails (e.g. the often-quoted
  // 110105194912310021 is not a valid number).
  EXPECT_FALSE(Mod11_2Valid("110105194912310021"));
  EXPECT_FALSE(Mod11_2Valid("110105194912310020"));
  // Computed here: sequence 003 gives check 8.
  EXPECT_EQ(Mod11_2CheckChar("11010519491231003"), '8');
  EXPECT_FALSE(Mod11_2Valid("11010519491231002Y"));
  EXPECT_FALSE(Mod11_2Valid("X"));
  EXPECT_EQ(Mod11_2CheckChar("1101051949123100A"), '\0');
}

TEST(ChecksumTest, Iban) {
  // Examples from the SWIFT IBAN registry (ISO 13616).
  EXPECT_TRUE(IbanValid("GB82WEST12345698765432"));
  EXPECT_TRUE(IbanValid("DE89370400440532013000"));
  EXPECT_TRUE(IbanValid("FR1420041010050500013M02606"));
  EXPECT_TRUE(IbanValid("gb82west12345698765432"));
  EXPECT_FALSE(IbanValid("GB83WEST12345698765432"));
  EXPECT_FALSE(IbanValid("GB82WEST12345698765433"));
  EXPECT_FALSE(IbanValid("GB82 WEST 1234 5698 7654 32"));  // compact form only
  EXPECT_FALSE(IbanValid("1282WEST12345698765432"));
  EXPECT_EQ(IbanCheckDigits("GB00WEST12345698765432"), (std::array<char, 2>{'8', '2'}));
  EXPECT_EQ(IbanCheckDigits("DE99370400440532013000"), (std::array<char, 2>{'8', '9'}));
  EXPECT_EQ(IbanCheckDigits("FR0020041010050500013M02606"), (std::array<char, 2>{'1', '4'}));
  EXPECT_EQ(IbanCheckDigits("G"), (std::array<char, 2>{'\0', '\0'}));
  // Plain MOD 97-10: a valid rearranged IBAN leaves remainder 1.
  EXPECT_EQ(Mod97_10("WEST12345698765432GB82"), 1);
  EXPECT_EQ(Mod97_10("97"), 0);
  EXPECT_EQ(Mod97_10("A"), 10);
  EXPECT_EQ(Mod97_10("12-3"), -1);
}

TEST(ChecksumTest, UnifiedSocialCreditCode) {
  // GB 32100-2015's example code.
  EXPECT_TRUE(UsccValid("91350100M000100Y43"));
  EXPECT_EQ(UsccCheckChar("91350100M000100Y4"), '3');
  // Codes of listed companies as published in their filings (from memory, and they
  // validate): Shenzhen Tencent Computer Systems; China National Petroleum.
  EXPECT_TRUE(UsccValid("9144030071526726XG"));
  EXPECT_TRUE(UsccValid("91110000100010433L"));
  EXPECT_FALSE(UsccValid("91350100M000100Y44"));
  EXPECT_FALSE(UsccValid("91350100M000100Y4I"));  // I is not in the alphabet
  EXPECT_FALSE(UsccValid("91350100m000100Y43"));  // uppercase only
  EXPECT_FALSE(UsccValid("91350100M000100Y4"));
  EXPECT_EQ(UsccCheckChar("91350100M000100YO"), '\0');
}

TEST(ChecksumTest, Vin) {
  // The check-digit example VIN of the Wikipedia VIN article (check digit X).
  EXPECT_TRUE(VinValid("1M8GDM9AXKP042788"));
  EXPECT_EQ(VinCheckChar("1M8GDM9A0KP042788"), 'X');
  EXPECT_TRUE(VinValid("11111111111111111"));
  EXPECT_FALSE(VinValid("1M8GDM9A1KP042788"));
  EXPECT_FALSE(VinValid("1M8GDM9AXKP04278"));
  EXPECT_FALSE(VinValid("1M8GDM9AXKO042788"));  // O is not allowed
  EXPECT_FALSE(VinValid("1M8GDM9AXKQ042788"));
  EXPECT_FALSE(VinValid("1M8GDM9AXKI042788"));
}

TEST(ChecksumTest, Hkid) {
  // A123456(3): the example used in descriptions of the HKID check digit; it validates.
  EXPECT_TRUE(HkidValid("A123456(3)"));
  EXPECT_TRUE(HkidValid("A1234563"));
  EXPECT_EQ(HkidCheckChar("A123456"), '3');
  EXPECT_FALSE(HkidValid("A123456(4)"));
  EXPECT_FALSE(HkidValid("A1234564"));
  // Two-letter prefix, computed here (no published vector confirmed): AB987654(3).
  EXPECT_EQ(HkidCheckChar("AB987654"), '3');
  EXPECT_TRUE(HkidValid("AB987654(3)"));
  // Check value 10 is written 'A'. Found by search over bodies, computed here.
  std::string with_a;
  for (int n = 100000; n < 100100 && with_a.empty(); ++n) {
    std::string body = "Z" + std::to_string(n);
    if (HkidCheckChar(body) == 'A') with_a = body;
  }
  ASSERT_FALSE(with_a.empty());
  EXPECT_TRUE(HkidValid(with_a + "(A)"));
  EXPECT_EQ(HkidCheckChar("1123456"), '\0');
  EXPECT_EQ(HkidCheckChar("A12345"), '\0');
}

TEST(ChecksumTest, TaiwanId) {
  // A123456789: the sample number widely used in Taiwan's own documentation; it validates.
  EXPECT_TRUE(TwIdValid("A123456789"));
  EXPECT_EQ(TwIdCheckChar("A12345678"), '9');
  EXPECT_FALSE(TwIdValid("A123456788"));
  EXPECT_FALSE(TwIdValid("1123456789"));
  EXPECT_FALSE(TwIdValid("A12345678"));
}

TEST(ChecksumTest, Imei) {
  // Wikipedia "IMEI" check digit example: 49015420323751 -> 8.
  EXPECT_TRUE(ImeiValid("490154203237518"));
  EXPECT_EQ(ImeiCheckChar("49015420323751"), '8');
  EXPECT_FALSE(ImeiValid("490154203237517"));
  EXPECT_FALSE(ImeiValid("4901542032375180"));
  EXPECT_EQ(ImeiCheckChar("4901542032375"), '\0');
}

TEST(ChecksumTest, Icao9303) {
  // The ICAO Doc 9303 specimen passport (Utopia, L898902C3, born 740812, expires 120415).
  EXPECT_EQ(Icao9303CheckChar("L898902C3"), '6');
  EXPECT_EQ(Icao9303CheckChar("740812"), '2');
  EXPECT_EQ(Icao9303CheckChar("120415"), '9');
  EXPECT_EQ(Icao9303CheckChar("AB<"), Icao9303CheckChar("AB0"));
  EXPECT_EQ(Icao9303CheckChar("ab"), '\0');
}

}  // namespace
}  // namespace custos::detect

namespace custos::detect {
namespace {

TEST(ResidentIdShapeTest, ShapeWithoutTheCheckDigit) {
  EXPECT_TRUE(ResidentIdShaped("11010519491231002X"));
  EXPECT_TRUE(ResidentIdShaped("360902198301289152"));  // wrong check digit, right shape
  EXPECT_FALSE(ResidentIdShaped("990902198301289152"));  // no province 99
  EXPECT_FALSE(ResidentIdShaped("360902198313289152"));  // month 13
  EXPECT_FALSE(ResidentIdShaped("360902190002299152"));  // 1900 is not a leap year
  EXPECT_FALSE(ResidentIdShaped("6222021234567890123"));
  EXPECT_FALSE(ResidentIdShaped("36090219830128915"));
}

}  // namespace
}  // namespace custos::detect
