// Coordinates, licence plates, dates of birth, credentials and health data through the
// public Detector.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "custos/testing/detect_helpers.h"

namespace custos::detect {
namespace {

using ::custos::testing::FindAll;
using ::custos::testing::Values;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

float ConfidenceOf(std::string_view text, std::string_view category, std::string_view field = {}) {
  for (const auto& f : FindAll(text, field)) {
    if (f.category == category) return f.confidence;
  }
  return 0;
}

// ----------------------------------------------------------------------------------
// Geographic coordinates.

TEST(MiscGeo, Pairs) {
  EXPECT_THAT(Values("坐标：39.9042, 116.4074", "geo_coordinates"), ElementsAre("39.9042, 116.4074"));
  EXPECT_THAT(Values("location 39.904211 116.407395", "geo_coordinates"), ElementsAre("39.904211 116.407395"));
  EXPECT_THAT(Values("at 116.4074,39.9042 now", "geo_coordinates"), ElementsAre("116.4074,39.9042"));
  EXPECT_THAT(Values("gps=-33.8688,151.2093", "geo_coordinates"), ElementsAre("-33.8688,151.2093"));
  EXPECT_THAT(Values("经纬度 22.5431，114.0579", "geo_coordinates"), ElementsAre("22.5431，114.0579"));
  EXPECT_GT(ConfidenceOf("坐标 39.9042,116.4074", "geo_coordinates"), ConfidenceOf("39.9042,116.4074", "geo_coordinates"));
}

TEST(MiscGeo, SingleDecimalNeedsLatLngWord) {
  EXPECT_THAT(Values("{\"lat\": 39.904211, \"lng\": 116.407395}", "geo_coordinates"),
              ElementsAre("39.904211", "116.407395"));
  EXPECT_THAT(Values("纬度：31.2304", "geo_coordinates"), ElementsAre("31.2304"));
  EXPECT_THAT(Values("31.2304", "geo_coordinates", "latitude"), ElementsAre("31.2304"));
  EXPECT_THAT(Values("value 39.904211", "geo_coordinates"), IsEmpty());
  EXPECT_THAT(Values("lat: 139.9042", "geo_coordinates"), IsEmpty());  // out of range for a latitude
}

TEST(MiscGeo, Rejects) {
  EXPECT_THAT(Values("39.90, 116.40", "geo_coordinates"), IsEmpty());             // too coarse
  EXPECT_THAT(Values("95.1234, 195.1234", "geo_coordinates"), IsEmpty());         // out of range
  EXPECT_THAT(Values("cpu 0.1234 0.5678", "geo_coordinates"), IsEmpty());         // bare metrics
  EXPECT_THAT(Values("ratio 0.1234,0.5678", "geo_coordinates"), IsEmpty());
  EXPECT_THAT(Values("1.2345.6789, 2.3456", "geo_coordinates"), IsEmpty());       // version-like
  EXPECT_THAT(Values("price 12.3456, 45.6789", "geo_coordinates"), IsEmpty());    // negative context
  EXPECT_THAT(Values("ts 1700000000.1234,1.2345", "geo_coordinates"), IsEmpty());
}

// ----------------------------------------------------------------------------------
// Licence plates.

TEST(MiscPlate, Accepts) {
  EXPECT_THAT(Values("车牌号京A12345", "license_plate"), ElementsAre("京A12345"));
  EXPECT_THAT(Values("粤B·D12345 新能源", "license_plate"), ElementsAre("粤B·D12345"));
  EXPECT_THAT(Values("沪AD12345", "license_plate"), ElementsAre("沪AD12345"));
  EXPECT_THAT(Values("苏E 12345F", "license_plate"), ElementsAre("苏E 12345F"));
  EXPECT_THAT(Values("京A·12345", "license_plate"), ElementsAre("京A·12345"));
  EXPECT_THAT(Values("车辆 浙A1B2C3 停放", "license_plate"), ElementsAre("浙A1B2C3"));
  EXPECT_THAT(Values("粤B1234学", "license_plate"), ElementsAre("粤B1234学"));
  EXPECT_GT(ConfidenceOf("车牌 京A12345", "license_plate"), ConfidenceOf("京A12345", "license_plate"));
}

TEST(MiscPlate, Rejects) {
  EXPECT_THAT(Values("京I12345", "license_plate"), IsEmpty());     // I is not used
  EXPECT_THAT(Values("京A1234O", "license_plate"), IsEmpty());     // nor O
  EXPECT_THAT(Values("京a12345", "license_plate"), IsEmpty());
  EXPECT_THAT(Values("京A1234", "license_plate"), IsEmpty());      // too short
  EXPECT_THAT(Values("京A123456", "license_plate"), IsEmpty());    // 6 digits is not a new-energy pattern
  EXPECT_THAT(Values("京AX12345", "license_plate"), IsEmpty());    // X is no new-energy letter
  EXPECT_THAT(Values("北A12345", "license_plate"), IsEmpty());     // not a province abbreviation
  EXPECT_THAT(Values("A12345", "license_plate"), IsEmpty());
  EXPECT_THAT(Values("京ABCDE1", "license_plate"), IsEmpty());     // too many letters
}

// ----------------------------------------------------------------------------------
// Dates of birth.

TEST(MiscDob, WithBirthContext) {
  EXPECT_THAT(Values("出生日期：1990-01-02", "date_of_birth"), ElementsAre("1990-01-02"));
  EXPECT_THAT(Values("生日 1990/1/2，", "date_of_birth"), ElementsAre("1990/1/2"));
  EXPECT_THAT(Values("1990年1月2日出生", "date_of_birth"), ElementsAre("1990年1月2日"));
  EXPECT_THAT(Values("出生于1990年1月2日", "date_of_birth"), ElementsAre("1990年1月2日"));
  EXPECT_THAT(Values("DOB: 19900102", "date_of_birth"), ElementsAre("19900102"));
  EXPECT_THAT(Values("born on Jan 2, 1990 in Leeds", "date_of_birth"), ElementsAre("Jan 2, 1990"));
  EXPECT_THAT(Values("Date of birth: 02/01/1990", "date_of_birth"), ElementsAre("02/01/1990"));
  EXPECT_THAT(Values("birthday 2 January 1990", "date_of_birth"), ElementsAre("2 January 1990"));
  EXPECT_THAT(Values("date_of_birth=1990.12.31", "date_of_birth"), ElementsAre("1990.12.31"));
  EXPECT_THAT(Values("1990-01-02", "date_of_birth", "birthday"), ElementsAre("1990-01-02"));
  EXPECT_THAT(Values("{\"dob\": \"1990-01-02T00:00:00Z\"}", "date_of_birth"), ElementsAre("1990-01-02"));
  EXPECT_THAT(Values("出生年月：1990年10月", "date_of_birth"), ElementsAre("1990年10月"));
}

TEST(MiscDob, WithoutContextOrInvalid) {
  EXPECT_THAT(Values("1990-01-02", "date_of_birth"), IsEmpty());
  EXPECT_THAT(Values("created 1990-01-02", "date_of_birth"), IsEmpty());
  EXPECT_THAT(Values("出生日期：1990-02-30", "date_of_birth"), IsEmpty());
  EXPECT_THAT(Values("出生日期：1990-13-01", "date_of_birth"), IsEmpty());
  EXPECT_THAT(Values("出生日期：2030-01-01", "date_of_birth"), IsEmpty());  // after the reference date
  EXPECT_THAT(Values("出生日期：1899-01-01", "date_of_birth"), IsEmpty());
  EXPECT_THAT(Values("DOB: 1990-01-02-05", "date_of_birth"), IsEmpty());
  EXPECT_THAT(Values("出生地：北京，入职 2020-01-01", "date_of_birth"), IsEmpty());
  EXPECT_THAT(Values("adobe 1990-01-02", "date_of_birth"), IsEmpty());
  EXPECT_THAT(Values("stubborn 1990-01-02", "date_of_birth"), IsEmpty());
  EXPECT_THAT(Values("生日 订单 12345 2020-01-01", "date_of_birth"), IsEmpty());
  EXPECT_THAT(Values("出生日期：2000-02-29", "date_of_birth"), ElementsAre("2000-02-29"));
  EXPECT_THAT(Values("出生日期：1900-02-29", "date_of_birth"), IsEmpty());
}

// ----------------------------------------------------------------------------------
// Credentials and secrets.

TEST(MiscSecret, KeyValue) {
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

TEST(MiscSecret, KeyValueNegatives) {
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

TEST(MiscSecret, KnownFormats) {
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

TEST(MiscSecret, KnownFormatNegatives) {
  EXPECT_THAT(Values("AKIA1234", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("AKIAiosfodnn7example", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("ghp_short", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("GHP_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("eyJhbGciOiJIUzI1NiJ9 alone", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("-----END RSA PRIVATE KEY-----", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("-----BEGIN PUBLIC KEY-----", "credential_secret"), IsEmpty());
  EXPECT_THAT(Values("a bearer of news", "credential_secret"), IsEmpty());
}

// ----------------------------------------------------------------------------------
// Health information.

TEST(MiscHealth, TermsAndDiagnoses) {
  EXPECT_THAT(Values("患者有高血压病史", "health_info"), ElementsAre("高血压"));
  EXPECT_THAT(Values("诊断为2型糖尿病，建议复查", "health_info"), ElementsAre("2型糖尿病"));
  EXPECT_THAT(Values("确诊：抑郁症。", "health_info"), ElementsAre("抑郁症"));
  EXPECT_THAT(Values("She was diagnosed with type 2 diabetes. Next", "health_info"), ElementsAre("type 2 diabetes"));
  EXPECT_THAT(Values("HIV positive", "health_info"), ElementsAre("HIV"));
  EXPECT_THAT(Values("乙肝病毒携带", "health_info"), ElementsAre("乙肝"));
  EXPECT_THAT(Values("prescribed metformin 500mg", "health_info"), ElementsAre("prescribed", "metformin"));
  EXPECT_GT(ConfidenceOf("患者确诊高血压", "health_info"), ConfidenceOf("高血压", "health_info"));
}

TEST(MiscHealth, EngineeringDiagnosesAreNotHealthData) {
  EXPECT_THAT(Values("- Improve error diagnosis for configure version fetching script.", "health_info"), IsEmpty());
  EXPECT_THAT(Values("by default in C2X mode and not diagnosed with -std=c2x -Wpedantic.", "health_info"), IsEmpty());
  EXPECT_THAT(Values("U+211e prescription 2.4 (Sans, Sans Bold)", "health_info"), IsEmpty());
  EXPECT_THAT(Values("系统故障诊断为网络超时", "health_info"), IsEmpty());
  EXPECT_THAT(Values("diagnosed with acute appendicitis", "health_info"), ElementsAre("acute appendicitis"));
  EXPECT_THAT(Values("诊断为急性阑尾炎，", "health_info"), ElementsAre("急性阑尾炎"));
}

TEST(MiscSecret, CodeAndProseAreNotSecrets) {
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

TEST(MiscHealth, HintedFieldIsWholeValue) {
  EXPECT_THAT(Values("  慢性胃炎，轻度  ", "health_info", "diagnosis"), ElementsAre("慢性胃炎，轻度"));
  EXPECT_THAT(Values("N/A", "health_info", "diagnosis"), IsEmpty());
  EXPECT_GE(ConfidenceOf("慢性胃炎", "health_info", "诊断"), 0.85f);
}

TEST(MiscHealth, Negatives) {
  EXPECT_THAT(Values("hearing aids and archive", "health_info"), IsEmpty());  // "aids", "hiv" in a word
  EXPECT_THAT(Values("the cancerous code review", "health_info"), IsEmpty());
  EXPECT_THAT(Values("诊断：", "health_info"), IsEmpty());
  EXPECT_THAT(Values("患者", "health_info"), IsEmpty());
  EXPECT_THAT(Values("the weather is fine", "health_info"), IsEmpty());
}

// Units made of one repeated trigger must scan in linear time and keep spans in bounds.
TEST(MiscSecret, LongRepetitiveUnits) {
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
