// Detector-level behaviour: robustness on odd inputs (cases found by fuzzing).
#include "custos/detect/detector.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "custos/testing/detect_helpers.h"

namespace custos::detect {
namespace {

void ScanWithHints(std::string_view text, CategorySet hints) {
  const Detector& d = testing::DefaultDetector();
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

TEST(DetectorTest, EmptyAndBinaryInputs) {
  ScanWithHints("", 0);
  ScanWithHints(std::string("\0\0\0", 3), ~CategorySet{0});
  ScanWithHints("\xff\xfe\x80\x80\xc3", ~CategorySet{0});
}

}  // namespace
}  // namespace custos::detect
