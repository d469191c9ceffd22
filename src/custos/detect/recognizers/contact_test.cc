// Phone numbers, e-mail addresses and IM accounts through the public Detector.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "custos/testing/detect_helpers.h"

namespace custos::detect {
namespace {

using ::custos::testing::FindAll;
using ::custos::testing::Values;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string RecognizerOf(std::string_view text, std::string_view category) {
  for (const auto& f : FindAll(text)) {
    if (f.category == category) return f.recognizer;
  }
  return "";
}

// ----------------------------------------------------------------------------------
// PRC mobile numbers.

TEST(ContactPhone, MobilePlainAndGrouped) {
  EXPECT_THAT(Values("联系电话13812345678", "phone_number"), ElementsAre("13812345678"));
  EXPECT_THAT(Values("call 138 1234 5678 now", "phone_number"), ElementsAre("138 1234 5678"));
  EXPECT_THAT(Values("call 138-1234-5678.", "phone_number"), ElementsAre("138-1234-5678"));
  EXPECT_THAT(Values("tel 138 12345678", "phone_number"), ElementsAre("138 12345678"));
  EXPECT_THAT(Values("tel13812345678", "phone_number"), ElementsAre("13812345678"));
  EXPECT_EQ(RecognizerOf("13812345678", "phone_number"), "phone_cn_mobile");
}

TEST(ContactPhone, MobileWithCountryCode) {
  EXPECT_THAT(Values("手机 +86 138 1234 5678", "phone_number"), ElementsAre("+86 138 1234 5678"));
  EXPECT_THAT(Values("+8613812345678", "phone_number"), ElementsAre("+8613812345678"));
  EXPECT_THAT(Values("0086 13812345678", "phone_number"), ElementsAre("0086 13812345678"));
  EXPECT_THAT(Values("008613812345678", "phone_number"), ElementsAre("008613812345678"));
  EXPECT_THAT(Values("(+86) 138-1234-5678", "phone_number"), ElementsAre("(+86) 138-1234-5678"));
  EXPECT_THAT(Values("+86-13812345678", "phone_number"), ElementsAre("+86-13812345678"));
}

TEST(ContactPhone, MobileSegments) {
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

TEST(ContactPhone, MobileAfterTimestampInLog) {
  EXPECT_THAT(Values("2024-05-06 12:00:00 user 13812345678 login", "phone_number"), ElementsAre("13812345678"));
  EXPECT_THAT(Values("13812345678 200 1532", "phone_number"), ElementsAre("13812345678"));
}

TEST(ContactPhone, MobileHardNegatives) {
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

TEST(ContactPhone, NegativeContextLowersConfidence) {
  EXPECT_THAT(Values("订单号 13812345678", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("tracking 13812345678", "phone_number"), IsEmpty());
  // A nearer phone word wins over a farther order word; "ver" inside "server" is no negative.
  EXPECT_THAT(Values("订单号 1234，联系电话 13812345678", "phone_number"), ElementsAre("13812345678"));
  EXPECT_THAT(Values("server 13812345678", "phone_number"), ElementsAre("13812345678"));
}

TEST(ContactPhone, ContextAndHintsRaiseConfidence) {
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

TEST(ContactPhone, Landlines) {
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

TEST(ContactPhone, LandlineContiguousNeedsContext) {
  EXPECT_THAT(Values("电话：01062345678", "phone_number"), ElementsAre("01062345678"));
  EXPECT_THAT(Values("075587654321", "phone_number", "telephone"), ElementsAre("075587654321"));
  EXPECT_THAT(Values("ref 01062345678", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("电话：01012345678", "phone_number"), IsEmpty());  // 1xxx only when written apart
}

TEST(ContactPhone, LandlineNegatives) {
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

TEST(ContactPhone, International) {
  EXPECT_THAT(Values("London +44 20 7946 0958", "phone_number"), ElementsAre("+44 20 7946 0958"));
  EXPECT_THAT(Values("SF +1 (415) 555-2671.", "phone_number"), ElementsAre("+1 (415) 555-2671"));
  EXPECT_THAT(Values("0044 20 7946 0958", "phone_number"), ElementsAre("0044 20 7946 0958"));
  EXPECT_THAT(Values("+442079460958", "phone_number"), ElementsAre("+442079460958"));
  EXPECT_THAT(Values("+49 30 901820 and 12", "phone_number"), ElementsAre("+49 30 901820"));
  EXPECT_EQ(RecognizerOf("+44 20 7946 0958", "phone_number"), "phone_intl");
}

TEST(ContactPhone, InternationalNegatives) {
  EXPECT_THAT(Values("+1 (000) 000-0000", "phone_number"), IsEmpty());  // not a valid number
  EXPECT_THAT(Values("x=+12", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("aGVsbG8+442079460958", "phone_number"), IsEmpty());  // base64
  EXPECT_THAT(Values("+44 20 7946 0958.123", "phone_number"), IsEmpty());
  EXPECT_THAT(Values("card 6217 0036 1955 3563", "phone_number"), IsEmpty());  // "0036..." inside a card
}

// ----------------------------------------------------------------------------------
// E-mail addresses.

TEST(ContactEmail, Basic) {
  EXPECT_THAT(Values("mail me: zhang.san+tag@example.com.cn, thanks", "email_address"),
              ElementsAre("zhang.san+tag@example.com.cn"));
  EXPECT_THAT(Values("<li_si@mail.example.org>", "email_address"), ElementsAre("li_si@mail.example.org"));
  EXPECT_THAT(Values("a@b.co and c@d.io", "email_address"), ElementsAre("a@b.co", "c@d.io"));
  EXPECT_THAT(Values("12345678@qq.com", "email_address"), ElementsAre("12345678@qq.com"));
  EXPECT_EQ(RecognizerOf("a@b.co", "email_address"), "email");
}

TEST(ContactEmail, NextToCjkText) {
  EXPECT_THAT(Values("联系邮箱abc@x.com谢谢", "email_address"), ElementsAre("abc@x.com"));
  EXPECT_THAT(Values("邮箱：王abc@x.com。", "email_address"), ElementsAre("abc@x.com"));
  EXPECT_THAT(Values("请发至abc@x.com，谢谢", "email_address"), ElementsAre("abc@x.com"));
}

TEST(ContactEmail, Boundaries) {
  EXPECT_THAT(Values("write to abc@x.com.", "email_address"), ElementsAre("abc@x.com"));
  EXPECT_THAT(Values("abc@x.com-", "email_address"), ElementsAre("abc@x.com"));
  EXPECT_THAT(Values("url?email=abc@x.com&y=1", "email_address"), ElementsAre("abc@x.com"));
  EXPECT_THAT(Values("'abc@x.com'", "email_address"), ElementsAre("abc@x.com"));
  EXPECT_THAT(Values("...abc@x.com", "email_address"), ElementsAre("abc@x.com"));
  EXPECT_THAT(Values("a..b@x.com", "email_address"), ElementsAre("b@x.com"));
}

TEST(ContactEmail, Negatives) {
  EXPECT_THAT(Values("user@localhost", "email_address"), IsEmpty());
  EXPECT_THAT(Values("lodash@4.17.21", "email_address"), IsEmpty());
  EXPECT_THAT(Values("icon@2x.png", "email_address"), IsEmpty());
  EXPECT_THAT(Values("@types/node", "email_address"), IsEmpty());
  EXPECT_THAT(Values("abc.@x.com", "email_address"), IsEmpty());
  EXPECT_THAT(Values("abc@-x.com", "email_address"), IsEmpty());
  EXPECT_THAT(Values("abc@x.c", "email_address"), IsEmpty());
  EXPECT_THAT(Values("z***@example.com", "email_address"), IsEmpty());  // a masked preview
  EXPECT_THAT(Values(std::string(70, 'a') + "@x.com", "email_address"), IsEmpty());
  EXPECT_THAT(Values("联系邮箱@谢谢", "email_address"), IsEmpty());
}

// ----------------------------------------------------------------------------------
// IM accounts.

TEST(ContactIm, QqNeedsContext) {
  EXPECT_THAT(Values("QQ: 12345678", "im_account"), ElementsAre("12345678"));
  EXPECT_THAT(Values("我的qq号是 87654321，加我", "im_account"), ElementsAre("87654321"));
  EXPECT_THAT(Values("扣扣：10001", "im_account"), ElementsAre("10001"));
  EXPECT_THAT(Values("联系 12345678(QQ)", "im_account"), ElementsAre("12345678"));
  EXPECT_THAT(Values("12345678", "im_account", "qq"), ElementsAre("12345678"));
  EXPECT_EQ(RecognizerOf("QQ: 12345678", "im_account"), "qq");
}

TEST(ContactIm, QqNegatives) {
  EXPECT_THAT(Values("id 12345678", "im_account"), IsEmpty());
  EXPECT_THAT(Values("12345678", "im_account"), IsEmpty());
  EXPECT_THAT(Values("QQ: 01234567", "im_account"), IsEmpty());       // leading zero
  EXPECT_THAT(Values("QQ: 1234", "im_account"), IsEmpty());           // too short
  EXPECT_THAT(Values("QQ: 123456789012", "im_account"), IsEmpty());   // too long
  EXPECT_THAT(Values("QQ群 12345678", "im_account"), IsEmpty());      // a group, not a person
  EXPECT_THAT(Values("QQQ 12345678", "im_account"), IsEmpty());
  EXPECT_THAT(Values("abc@qq.com 12345678", "im_account"), IsEmpty());
  // An address that contains a QQ number stays an e-mail address.
  EXPECT_THAT(Values("QQ邮箱 12345678@qq.com", "email_address"), ElementsAre("12345678@qq.com"));
  EXPECT_THAT(Values("QQ邮箱 12345678@qq.com", "im_account"), IsEmpty());
}

TEST(ContactIm, Wechat) {
  EXPECT_THAT(Values("微信：zhang_san88", "im_account"), ElementsAre("zhang_san88"));
  EXPECT_THAT(Values("微信号 wxid_abc12345", "im_account"), ElementsAre("wxid_abc12345"));
  EXPECT_THAT(Values("加微信abc-123456谢谢", "im_account"), ElementsAre("abc-123456"));
  EXPECT_THAT(Values("WeChat: lisi2024", "im_account"), ElementsAre("lisi2024"));
  EXPECT_THAT(Values("wechat id: Lisi_2024", "im_account"), ElementsAre("Lisi_2024"));
  EXPECT_THAT(Values("wx:abc_12345", "im_account"), ElementsAre("abc_12345"));
  EXPECT_THAT(Values("微信：zhangsan", "im_account"), ElementsAre("zhangsan"));
  EXPECT_THAT(Values("zhangsan88", "im_account", "wechat"), ElementsAre("zhangsan88"));
  EXPECT_EQ(RecognizerOf("微信：zhang_san88", "im_account"), "wechat");
}

TEST(ContactIm, WechatNegatives) {
  EXPECT_THAT(Values("zhang_san88", "im_account"), IsEmpty());            // no keyword
  EXPECT_THAT(Values("微信：abc", "im_account"), IsEmpty());               // too short
  EXPECT_THAT(Values("微信：1abcdefg", "im_account"), IsEmpty());          // starts with a digit
  EXPECT_THAT(Values("微信：" + std::string(21, 'a'), "im_account"), IsEmpty());
  EXPECT_THAT(Values("wechatpay abc12345", "im_account"), IsEmpty());
  EXPECT_THAT(Values("wx abc12345", "im_account"), IsEmpty());            // short word needs ':'
  EXPECT_THAT(Values("wechat: support", "im_account"), IsEmpty());        // a plain English word
  EXPECT_THAT(Values("微信同号", "im_account"), IsEmpty());
  EXPECT_THAT(Values("微信：abc123@x.com", "im_account"), IsEmpty());
}

}  // namespace
namespace {

TEST(ContactRegressionTest, WxInsideAnIdentifierIsNotALabel) {
  EXPECT_TRUE(::custos::testing::Values("max_vx = src_image->bits.width << 16;", "im_account").empty());
  EXPECT_EQ(::custos::testing::Values("vx: zhangwei_1990", "im_account"), std::vector<std::string>{"zhangwei_1990"});
}

}  // namespace
}  // namespace custos::detect
