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

}  // namespace
}  // namespace custos
