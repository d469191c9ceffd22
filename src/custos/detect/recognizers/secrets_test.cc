// Credentials and secrets through the public Detector.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "custos/testing/detect_helpers.h"

namespace custos::detect {
namespace {

using ::custos::testing::FindAll;
using ::custos::testing::Values;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(SecretTest, KeyValue) {
  EXPECT_THAT(Values("login password=Hunter2! ok", "credential_secret"), ElementsAre("Hunter2!"));
  EXPECT_THAT(Values("db_passwd: s3cr3t;", "credential_secret"), ElementsAre("s3cr3t"));
  EXPECT_THAT(Values("pwd=abc123&user=bob", "credential_secret"), ElementsAre("abc123"));
  EXPECT_THAT(Values("db.password=%zc8R*Csq#MwDjiXqJ x", "credential_secret"), ElementsAre("%zc8R*Csq#MwDjiXqJ"));
  EXPECT_THAT(Values("db.password=$6dKhEU35@uoy x", "credential_secret"), ElementsAre("$6dKhEU35@uoy"));
  EXPECT_THAT(Values("{\"password\": \"p@ss w0rd\"}", "credential_secret"), ElementsAre("p@ss w0rd"));
  EXPECT_THAT(Values("密码：Abc12345，请保管", "credential_secret"), ElementsAre("Abc12345"));
  EXPECT_THAT(Values("密码是qwe123", "credential_secret"), ElementsAre("qwe123"));
  EXPECT_THAT(Values("api_key=sk_live_4eC39HqLyjWDarjtT1zdp7dc", "credential_secret"),
              ElementsAre("sk_live_4eC39HqLyjWDarjtT1zdp7dc"));
  EXPECT_THAT(Values("client_secret='Zx9_aB3-kLmN0pQr'", "credential_secret"), ElementsAre("Zx9_aB3-kLmN0pQr"));
  EXPECT_THAT(Values("mysql --password Tr0ub4dor", "credential_secret"), ElementsAre("Tr0ub4dor"));
  EXPECT_THAT(Values("<pwd>Tr0ub4dor</pwd>", "credential_secret"), ElementsAre("Tr0ub4dor"));
  EXPECT_THAT(Values("Tr0ub4dor&3", "credential_secret", "password"), ElementsAre("Tr0ub4dor&3"));
}

TEST(SecretTest, KeyValueNegatives) {
  EXPECT_THAT(Values("password=", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("password= &user=bob", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("password=&user=bob", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("password: ********", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("password=${DB_PASSWORD}", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("password=$DB_PASSWORD", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("password=%s", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("password=\"<your password>\"", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("password=[REDACTED]", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("password: incorrect", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("password reset link sent", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("PWD=/home/alice", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("tokens=512", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("token_count=5", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("token=abc", "credential_secret"), IsEmpty());         // too short for a token
  EXPECT_THAT(Values("secretary=Jane", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("密码错误", "credential_secret"), IsEmpty());
}

TEST(SecretTest, KnownFormats) {
  EXPECT_THAT(Values("key AKIAIOSFODNN7EXAMPLE used", "credential_secret"), ElementsAre("AKIAIOSFODNN7EXAMPLE"));
  EXPECT_THAT(Values("GITHUB ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R", "credential_secret"),
              ElementsAre("ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R"));
  EXPECT_THAT(Values("slack xoxb-123456789012-abcdefABCDEF", "credential_secret"),
              ElementsAre("xoxb-123456789012-abcdefABCDEF"));
  const std::string jwt =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
  EXPECT_THAT(Values("auth " + jwt + " end", "credential_secret"), ElementsAre(jwt));
  EXPECT_THAT(Values("Authorization: Bearer abcDEF123456ghiJKL789", "credential_secret"),
              ElementsAre("abcDEF123456ghiJKL789"));
  EXPECT_THAT(Values("-----BEGIN RSA PRIVATE KEY-----", "credential_secret"),
              ElementsAre("-----BEGIN RSA PRIVATE KEY-----"));
  EXPECT_THAT(Values("k=\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADAN\\n-----END PRIVATE KEY-----\" x",
                     "credential_secret"),
              ElementsAre("-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADAN\\n-----END PRIVATE KEY-----"));
}

TEST(SecretTest, KnownFormatNegatives) {
  EXPECT_THAT(Values("AKIA1234", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("AKIAiosfodnn7example", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("ghp_short", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("GHP_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("eyJhbGciOiJIUzI1NiJ9 alone", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("-----END RSA PRIVATE KEY-----", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("-----BEGIN PUBLIC KEY-----", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("a bearer of news", "credential_secret"), IsEmpty());
}

TEST(SecretTest, CodeAndProseAreNotSecrets) {
  EXPECT_THAT(Values("PWD:=$(firstword $(PWD))", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("pwd: Jim Meyering", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("url = base + '?token=' + last_token + '&x'", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("token = valid_token", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("password: new", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("password = xstrdup(v);", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("password: Pcchar = 'testpass';", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("const char * const default_token = MS_DEF_PROV_A;", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("db password=Sup3r-S3cret! reload", "credential_secret"), ElementsAre("Sup3r-S3cret!"));
}

TEST(SecretTest, LongRepetitiveUnits) {
  for (std::string piece : {"-----BEGIN PRIVATE KEY-----", "password=", "eyJ", "诊断为", "出生", "京A", "39.9042,"}) {
    std::string text;
    while (text.size() < 200000) text += piece;
    for (const auto& f : FindAll(text)) {
      EXPECT_FALSE(f.value.empty());
      EXPECT_LE(f.value.size(), text.size());
    }
  }
}

}  // namespace
}  // namespace custos::detect
