#include "custos/base/json_text.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace custos {
namespace {

std::string Quote(std::string_view s) {
  std::string out;
  AppendJsonString(out, s);
  return out;
}

TEST(JsonTextTest, EscapesControlAndQuotes) {
  EXPECT_EQ(Quote("a\"b\\c\n\t\x01"), "\"a\\\"b\\\\c\\n\\t\\u0001\"");
}

TEST(JsonTextTest, KeepsValidUtf8) { EXPECT_EQ(Quote("手机号"), "\"手机号\""); }

TEST(JsonTextTest, ReplacesInvalidUtf8SoOutputAlwaysParses) {
  const std::string bad[] = {"\xff", "a\xc3", "\xe6\x89", "\xed\xa0\x80", "\xf5\x80\x80\x80", "\xc0\xaf"};
  for (const auto& s : bad) {
    std::string q = Quote(s);
    EXPECT_TRUE(nlohmann::json::accept(q)) << q;
    EXPECT_NE(q.find("\\ufffd"), std::string::npos) << q;
  }
}

TEST(JsonTextTest, Numbers) {
  std::string out;
  AppendJsonUint(out, 18446744073709551615ull);
  out += ' ';
  AppendJsonFixed2(out, 0.975);
  out += ' ';
  AppendJsonFixed2(out, 1.0);
  EXPECT_EQ(out.substr(0, 21), "18446744073709551615 ");
  EXPECT_EQ(out.substr(out.size() - 4), "1.00");
  std::string f;
  for (double d : {0.0, 0.5, 0.854, 0.855001, 0.999, -1.25, 12.3}) {
    AppendJsonFixed2(f, d);
    f += ' ';
  }
  EXPECT_EQ(f, "0.00 0.50 0.85 0.86 1.00 -1.25 12.30 ");
}

TEST(JsonTextTest, PlainLengthStopsWhereEscapingStarts) {
  EXPECT_EQ(JsonPlainLength("13812345678"), 11u);
  EXPECT_EQ(JsonPlainLength("张三 zhang@example.com"), 24u);
  EXPECT_EQ(JsonPlainLength("0123456789abcdef\"x"), 16u);  // past the first 8-byte word
  EXPECT_EQ(JsonPlainLength("0123456789\\"), 10u);         // in the overlapping last word
  EXPECT_EQ(JsonPlainLength("ab\x01"), 2u);
  EXPECT_EQ(JsonPlainLength("abcdefgh\xe6\x89"), 8u);      // a cut-off character
  EXPECT_EQ(JsonPlainLength("\xed\xa0\x80"), 0u);         // a surrogate
  // A plain string is quoted as it is.
  std::string s = "0123456789abcdefghij";
  EXPECT_EQ(Quote(s), "\"" + s + "\"");
}

TEST(JsonTextTest, WriteFormsMatchAppendForms) {
  char buf[kJsonFixed2Bound];
  for (uint64_t v : {0ull, 9ull, 10ull, 99ull, 100ull, 999ull, 1000ull, 9999ull, 10000ull, 123456ull, 99999999ull,
                     100000000ull, 18446744073709551615ull}) {
    std::string a;
    AppendJsonUint(a, v);
    EXPECT_EQ(std::string(buf, static_cast<size_t>(WriteJsonUint(buf, v) - buf)), std::to_string(v));
    EXPECT_EQ(a, std::to_string(v));
  }
  for (double d : {0.0, 0.004999, 0.005, 0.125, 0.995, 1.0, 1.005, 2.5}) {
    std::string a;
    AppendJsonFixed2(a, d);
    EXPECT_EQ(std::string(buf, static_cast<size_t>(WriteJsonFixed2(buf, d) - buf)), a);
  }
}

}  // namespace
}  // namespace custos
