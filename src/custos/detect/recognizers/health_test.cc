// Health information through the public Detector.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "custos/testing/detect_helpers.h"

namespace custos::detect {
namespace {

using ::custos::testing::ConfidenceOf;
using ::custos::testing::Values;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(HealthTest, TermsAndDiagnoses) {
  EXPECT_THAT(Values("患者有高血压病史", "health_info"), ElementsAre("高血压"));
  EXPECT_THAT(Values("诊断为2型糖尿病，建议复查", "health_info"), ElementsAre("2型糖尿病"));
  EXPECT_THAT(Values("确诊：抑郁症。", "health_info"), ElementsAre("抑郁症"));
  EXPECT_THAT(Values("She was diagnosed with type 2 diabetes. Next", "health_info"), ElementsAre("type 2 diabetes"));
  EXPECT_THAT(Values("HIV positive", "health_info"), ElementsAre("HIV"));
  EXPECT_THAT(Values("乙肝病毒携带", "health_info"), ElementsAre("乙肝"));
  EXPECT_THAT(Values("prescribed metformin 500mg", "health_info"), ElementsAre("prescribed", "metformin"));
  EXPECT_GT(ConfidenceOf("患者确诊高血压", "health_info"), ConfidenceOf("高血压", "health_info"));
}

TEST(HealthTest, EngineeringDiagnosesAreNotHealthData) {
  EXPECT_THAT(Values("- Improve error diagnosis for configure version fetching script.", "health_info"), IsEmpty());
  EXPECT_THAT(Values("by default in C2X mode and not diagnosed with -std=c2x -Wpedantic.", "health_info"), IsEmpty());
  EXPECT_THAT(Values("U+211e prescription 2.4 (Sans, Sans Bold)", "health_info"), IsEmpty());
  EXPECT_THAT(Values("系统故障诊断为网络超时", "health_info"), IsEmpty());
  EXPECT_THAT(Values("diagnosed with acute appendicitis", "health_info"), ElementsAre("acute appendicitis"));
  EXPECT_THAT(Values("诊断为急性阑尾炎，", "health_info"), ElementsAre("急性阑尾炎"));
}

TEST(HealthTest, HintedFieldIsWholeValue) {
  EXPECT_THAT(Values("  慢性胃炎，轻度  ", "health_info", "diagnosis"), ElementsAre("慢性胃炎，轻度"));
  EXPECT_THAT(Values("N/A", "health_info", "diagnosis"), IsEmpty());
  EXPECT_GE(ConfidenceOf("慢性胃炎", "health_info", "诊断"), 0.85f);
}

TEST(HealthTest, Negatives) {
  EXPECT_THAT(Values("hearing aids and archive", "health_info"), IsEmpty());  // "aids", "hiv" in a word
  EXPECT_THAT(Values("the cancerous code review", "health_info"), IsEmpty());
  EXPECT_THAT(Values("诊断：", "health_info"), IsEmpty());
  EXPECT_THAT(Values("患者", "health_info"), IsEmpty());
  EXPECT_THAT(Values("the weather is fine", "health_info"), IsEmpty());
}

}  // namespace
}  // namespace custos::detect
