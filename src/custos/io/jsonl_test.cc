#include "custos/io/jsonl.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace custos::io {
namespace {

struct Leaf {
  std::string path;
  std::string value;
  uint64_t line;
  bool is_string;
  bool operator==(const Leaf&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Leaf& l) {
  return os << "{" << l.path << " = " << l.value << " @" << l.line << (l.is_string ? " str" : " num") << "}";
}

struct Parsed {
  std::vector<Leaf> leaves;
  std::vector<JsonIssue> issues;
  uint64_t documents = 0;
};

Parsed Parse(const std::string& text, JsonlOptions options = {}) {
  auto src = MemorySource("mem.jsonl", text);
  JsonlReader reader(*src, options);
  Parsed out;
  JsonBatch batch;
  for (int guard = 0; guard < 1000000; ++guard) {
    StatusOr<bool> more = reader.NextBatch(batch, out.issues);
    EXPECT_TRUE(more.ok());
    if (!more.ok() || !*more) break;
    out.documents += batch.documents;
    for (const JsonLeaf& l : batch.leaves) {
      EXPECT_GE(l.path.data(), batch.storage.data());
      EXPECT_LE(l.value.data() + l.value.size(), batch.storage.data() + batch.storage.size());
      out.leaves.push_back(Leaf{std::string(l.path), std::string(l.value), l.line, l.is_string});
    }
  }
  return out;
}

TEST(JsonlReaderTest, StringAndNumberLeavesWithPaths) {
  Parsed p = Parse(
      R"({"user":{"name":"Ada","phones":["555-0100",{"home":"555-0199"}],"age":36,"ok":true,"x":null}})"
      "\n");
  EXPECT_EQ(p.documents, 1u);
  std::vector<Leaf> want = {
      {"$.user.name", "Ada", 1, true},
      {"$.user.phones[0]", "555-0100", 1, true},
      {"$.user.phones[1].home", "555-0199", 1, true},
      {"$.user.age", "36", 1, false},
  };
  EXPECT_EQ(p.leaves, want);
  EXPECT_TRUE(p.issues.empty());
}

TEST(JsonlReaderTest, NumbersKeepTheirText) {
  Parsed p = Parse(R"([1.50, -0, 1e5, 18446744073709551616, 123456789012345678901234567890, 1E400, -7, "9"])");
  std::vector<std::string> values;
  for (const Leaf& l : p.leaves) values.push_back(l.value);
  EXPECT_EQ(values, (std::vector<std::string>{"1.50", "-0", "1e5", "18446744073709551616",
                                              "123456789012345678901234567890", "1E400", "-7", "9"}));
  EXPECT_FALSE(p.leaves[0].is_string);
  EXPECT_TRUE(p.leaves.back().is_string);
  EXPECT_EQ(p.leaves[3].path, "$[3]");
  EXPECT_TRUE(p.issues.empty());
}

TEST(JsonlReaderTest, NumbersAfterStringsWithQuotesAndDigits) {
  Parsed p = Parse(R"({"a\"1":"x\\","b-2":"3 \"4\" 5","c":[-1.5e-3, {"d":0}]})");
  std::vector<Leaf> want = {
      {"$[\"a\\\"1\"]", "x\\", 1, true},
      {"$.b-2", "3 \"4\" 5", 1, true},
      {"$.c[0]", "-1.5e-3", 1, false},
      {"$.c[1].d", "0", 1, false},
  };
  EXPECT_EQ(p.leaves, want);
}

TEST(JsonlReaderTest, InvalidNumbersAreStillIssues) {
  Parsed p = Parse("[01]\n[1.]\n[-]\n[1e]\n");
  EXPECT_EQ(p.issues.size(), 4u);
  EXPECT_TRUE(p.leaves.empty());
}

TEST(JsonlReaderTest, KeysNeedingBrackets) {
  Parsed p = Parse(R"({"a.b":"1","c[0]":"2","":"3","q\"k":"4","sp ace":"5","名前":"6","tab\t":"7"})");
  std::vector<std::string> paths;
  for (const Leaf& l : p.leaves) paths.push_back(l.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"$[\"a.b\"]", "$[\"c[0]\"]", "$[\"\"]", "$[\"q\\\"k\"]",
                                             "$[\"sp ace\"]", "$.名前", "$[\"tab\\t\"]"}));
}

TEST(JsonlReaderTest, UnicodeEscapesDecodeToUtf8) {
  Parsed p = Parse(R"({"n":"Jos\u00e9 \u4e2d \ud83d\ude00 \n"})");
  ASSERT_EQ(p.leaves.size(), 1u);
  EXPECT_EQ(p.leaves[0].value, "Jos\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80 \n");
}

TEST(JsonlReaderTest, InvalidLineThenValidLine) {
  Parsed p = Parse("{\"secret\": \"hunter2\", oops}\n{\"ok\":\"yes\"}\n");
  ASSERT_EQ(p.issues.size(), 1u);
  EXPECT_EQ(p.issues[0].line, 1u);
  EXPECT_EQ(p.issues[0].line, 1u);
  EXPECT_FALSE(p.issues[0].message.empty());
  EXPECT_EQ(p.issues[0].message.find("hunter2"), std::string::npos);
  EXPECT_EQ(p.issues[0].message.find("secret"), std::string::npos);
  ASSERT_EQ(p.leaves.size(), 1u);
  EXPECT_EQ(p.leaves[0], (Leaf{"$.ok", "yes", 2, true}));
  EXPECT_EQ(p.documents, 1u);
}

TEST(JsonlReaderTest, DeepNestingIsAnIssue) {
  std::string deep = std::string(10000, '[') + "\"x\"" + std::string(10000, ']');
  Parsed p = Parse(deep + "\n[\"after\"]\n");
  ASSERT_EQ(p.issues.size(), 1u);
  EXPECT_EQ(p.issues[0].line, 1u);
  ASSERT_EQ(p.leaves.size(), 1u);
  EXPECT_EQ(p.leaves[0].line, 2u);

  JsonlOptions o;
  o.max_depth = 200;
  std::string ok = std::string(150, '[') + "\"x\"" + std::string(150, ']');
  Parsed q = Parse(ok, o);
  EXPECT_TRUE(q.issues.empty());
  ASSERT_EQ(q.leaves.size(), 1u);
  EXPECT_EQ(GeneralizePath(q.leaves[0].path).size(), 1 + 150 * 3);
}

TEST(JsonlReaderTest, OverlongLineIsAnIssueAndReadingGoesOn) {
  JsonlOptions o;
  o.max_line_bytes = 1000;
  o.batch_bytes = 256;
  std::string big = "{\"k\":\"" + std::string(5000, 'v') + "\"}";
  Parsed p = Parse("{\"a\":\"1\"}\n" + big + "\n{\"b\":\"2\"}\n" + big, o);
  ASSERT_EQ(p.issues.size(), 2u);
  EXPECT_EQ(p.issues[0].line, 2u);
  EXPECT_EQ(p.issues[1].line, 4u);
  EXPECT_EQ(p.issues[0].message.find("vvv"), std::string::npos);
  ASSERT_EQ(p.leaves.size(), 2u);
  EXPECT_EQ(p.leaves[1], (Leaf{"$.b", "2", 3, true}));
}

TEST(JsonlReaderTest, EmptyLinesCrlfScalarsAndLastLineWithoutNewline) {
  Parsed p = Parse("\n  \r\n\"top\"\r\n42\n{}\n[]\ntrue\n{\"z\":\"last\"}");
  std::vector<Leaf> want = {
      {"$", "top", 3, true},
      {"$", "42", 4, false},
      {"$.z", "last", 8, true},
  };
  EXPECT_EQ(p.leaves, want);
  EXPECT_EQ(p.documents, 6u);
  EXPECT_TRUE(p.issues.empty());
}

// Hands out at most `chunk` bytes per Read, like a pipe.
class TrickleSource final : public ByteSource {
 public:
  TrickleSource(std::string data, size_t chunk) : data_(std::move(data)), chunk_(chunk) {}
  StatusOr<size_t> Read(char* buf, size_t n) override {
    size_t take = std::min({n, chunk_, data_.size() - pos_});
    std::copy_n(data_.data() + pos_, take, buf);
    pos_ += take;
    return take;
  }
  const std::string& name() const override { return name_; }
  bool compressed() const override { return false; }

 private:
  std::string data_;
  size_t chunk_;
  size_t pos_ = 0;
  std::string name_ = "trickle";
};

TEST(JsonlReaderTest, LongLineReadInSmallChunksIsLinear) {
  std::string value(32 << 20, 'v');
  TrickleSource src("{\"k\":\"" + value + "\"}\n{\"n\":1}\n", 4096);
  JsonlReader reader(src);
  JsonBatch batch;
  std::vector<JsonIssue> issues;
  size_t leaves = 0;
  auto t0 = std::chrono::steady_clock::now();
  while (reader.NextBatch(batch, issues).value()) {
    for (const JsonLeaf& l : batch.leaves) {
      ++leaves;
      if (l.path == "$.k") {
        EXPECT_EQ(l.value.size(), value.size());
      }
    }
  }
  EXPECT_EQ(leaves, 2u);
  EXPECT_TRUE(issues.empty());
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(10));
}

TEST(JsonlReaderTest, BomOnFirstLineIsSkipped) {
  Parsed p = Parse("\xEF\xBB\xBF{\"a\":\"b\"}\n");
  EXPECT_TRUE(p.issues.empty());
  ASSERT_EQ(p.leaves.size(), 1u);
  EXPECT_EQ(p.leaves[0].path, "$.a");
}

TEST(JsonlReaderTest, SmallBatchesGiveTheSameLeaves) {
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += "{\"id\":" + std::to_string(i) + ",\"tags\":[\"t" + std::to_string(i) + "\",\"" +
            std::string(static_cast<size_t>(i % 97), 'x') + "\"]}\n";
    if (i % 50 == 0) text += "not json\n";
  }
  Parsed whole = Parse(text);
  for (size_t batch : {size_t{1}, size_t{64}, size_t{1000}}) {
    JsonlOptions o;
    o.batch_bytes = batch;
    Parsed p = Parse(text, o);
    EXPECT_EQ(p.leaves, whole.leaves) << batch;
    EXPECT_EQ(p.issues.size(), whole.issues.size());
    EXPECT_EQ(p.documents, 300u);
  }
  EXPECT_EQ(whole.issues.size(), 6u);
  EXPECT_EQ(whole.leaves.size(), 900u);
}

TEST(GeneralizePathTest, IndicesBecomeStars) {
  EXPECT_EQ(GeneralizePath("$.a[3].b"), "$.a[*].b");
  EXPECT_EQ(GeneralizePath("$[0][12][345]"), "$[*][*][*]");
  EXPECT_EQ(GeneralizePath("$[\"a[1]\"][2]"), "$[\"a[1]\"][*]");
  EXPECT_EQ(GeneralizePath("$[\"q\\\"[1]\"].x[7]"), "$[\"q\\\"[1]\"].x[*]");
  EXPECT_EQ(GeneralizePath("$"), "$");
  EXPECT_EQ(GeneralizePath("$.a[x]"), "$.a[x]");
  EXPECT_EQ(GeneralizePath("$.a[1"), "$.a[1");
}

}  // namespace
}  // namespace custos::io
