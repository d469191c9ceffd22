// Detector-level behaviour: robustness on odd inputs (cases found by fuzzing).
#include "custos/detect/detector.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
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

}  // namespace
}  // namespace custos::detect
