// E-mail addresses and IM accounts through the public Detector.
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
