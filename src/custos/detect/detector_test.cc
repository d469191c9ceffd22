// Detector-level behaviour: robustness on odd inputs (cases found by fuzzing).
#include "custos/detect/detector.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "custos/testing/detect_helpers.h"

namespace custos::detect {
namespace {

// Everything the fuzz target sees: no confidence floor.
const Detector& AllFindingsDetector() {
  static const std::unique_ptr<Detector> d = [] {
    DetectorOptions o;
    o.as_of = 20260101;
    o.min_confidence = 0.0f;
    return std::move(Detector::Create(o)).value();
  }();
  return *d;
}

void ScanWithHints(std::string_view text, CategorySet hints) {
  const Detector& d = AllFindingsDetector();
  auto scratch = d.NewScratch();
  std::vector<Finding> out;
  d.Scan(text, FieldHints{hints}, *scratch, out);
  uint32_t last = 0;
  for (const Finding& f : out) {
    EXPECT_LT(f.start, f.end);
    EXPECT_LE(f.end, text.size());
    EXPECT_GE(f.start, last);
    last = f.end;
  }
}

TEST(DetectorTest, LabelWordFollowedByDigitsWithEveryHint) {
  ScanWithHints("\xe5\xae\xa2\xe6\x88\xb7" "00614246", 0xe5e5e5e5u);
  ScanWithHints("客户00614246", ~CategorySet{0});
}

TEST(DetectorTest, FuzzCaseQqLicensePlate) {
  const std::string text("\xe5\x51\x51\x5f\x51\x51\x51\x51\x32\x31\xae\xe7\xae\xb1\x61\x40\x62\x31\x34\x32\xe8\x63\xad\x34\xe5\x51\x51\x5f\x51\x51\x51\x51\x32\x31\xae\xe7\xe4\xbd\xbf\x51\x51\x51\x51\x32\x31\xae\xe7\xae\xb1\x61\x40\x33\x31\x30\x0a", 55);
  ScanWithHints(text, static_cast<CategorySet>(static_cast<unsigned char>(text[0])) * 0x01010101u);
}

// The tokenizer works on 64-byte blocks: candidates must be found whole wherever they
// fall relative to block edges, and runs longer than a block must stay one token.
TEST(DetectorTest, CandidatesAcrossBlockEdges) {
  for (size_t offset = 0; offset < 140; ++offset) {
    const std::string filler(offset, ' ');
    const std::string text = filler + "13812345678 " + std::string(offset % 7, '-') + " a.b@example.com";
    auto found = testing::FindAll(text);
    ASSERT_EQ(found.size(), 2u) << offset;
    EXPECT_EQ(found[0].value, "13812345678") << offset;
    EXPECT_EQ(found[1].value, "a.b@example.com") << offset;
  }
  for (size_t letters = 9; letters < 140; ++letters) {
    // Glued to a long word the digits are part of one token: not a phone number (a
    // label of 2-8 letters, "tel13812345678", is read as a label).
    const std::string text = std::string(letters, 'x') + "13812345678";
    EXPECT_TRUE(testing::Values(text, "phone_number").empty()) << letters;
  }
  // Chinese text around a number, at every alignment.
  for (size_t k = 0; k < 30; ++k) {
    std::string text;
    for (size_t i = 0; i < k; ++i) text += "中";
    text += "手机13812345678谢谢";
    EXPECT_EQ(testing::Values(text, "phone_number"), std::vector<std::string>{"13812345678"}) << k;
  }
}

TEST(DetectorTest, EmptyAndBinaryInputs) {
  ScanWithHints("", 0);
  ScanWithHints(std::string("\0\0\0", 3), ~CategorySet{0});
  ScanWithHints("\xff\xfe\x80\x80\xc3", ~CategorySet{0});
}

// Findings as tuples, for comparing two scans.
std::vector<std::tuple<uint32_t, uint32_t, Category, float, uint16_t>> Spans(const std::vector<Finding>& v) {
  std::vector<std::tuple<uint32_t, uint32_t, Category, float, uint16_t>> out;
  for (const Finding& f : v) out.emplace_back(f.start, f.end, f.category, f.confidence, f.recognizer);
  return out;
}

TEST(DetectorPrepareTest, LinesOfAPreparedBufferGiveTheSameFindingsAsAlone) {
  // Context words on neighbouring lines and at line edges must neither leak into a line
  // nor be lost; a text outside the buffer (a copy) is searched on its own.
  const std::string buffer =
      "phone\n13812345678 订单号\n订单号 6222021001123456784\n手机13912345678\ncard 4111 1111 1111 1111 email\n"
      "联系邮箱zhang.wei@example.com谢谢\n身份证110105199003071239 password=Secr3t!x\n";
  const Detector& d = AllFindingsDetector();
  auto alone = d.NewScratch();
  auto prepared = d.NewScratch();
  std::vector<std::string_view> lines;
  for (size_t p = 0; p < buffer.size();) {
    const size_t nl = buffer.find('\n', p);
    lines.push_back(std::string_view(buffer).substr(p, nl - p));
    p = nl + 1;
  }
  std::vector<Finding> a, b;
  size_t total = 0;
  {
    PreparedBuffer guard = d.Prepare(buffer, *prepared);
    for (std::string_view line : lines) {
      a.clear();
      b.clear();
      d.Scan(line, {}, *alone, a);
      d.Scan(line, {}, *prepared, b);
      EXPECT_EQ(Spans(a), Spans(b)) << "line of " << line.size() << " bytes";
      total += a.size();
    }
    const std::string copy(lines[1]);
    a.clear();
    b.clear();
    d.Scan(copy, {}, *alone, a);
    d.Scan(copy, {}, *prepared, b);
    EXPECT_EQ(Spans(a), Spans(b));
  }
  EXPECT_GE(total, 5u);  // the lines do hold PI: the comparison is not vacuous
  // Once the guard is gone the scratch searches by itself again.
  a.clear();
  b.clear();
  d.Scan(lines[3], {}, *alone, a);
  d.Scan(lines[3], {}, *prepared, b);
  EXPECT_EQ(Spans(a), Spans(b));
}

}  // namespace
}  // namespace custos::detect
