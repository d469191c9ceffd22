// Dates of birth through the public Detector.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "custos/testing/detect_helpers.h"

namespace custos::detect {
namespace {

using ::custos::testing::Values;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(BirthDateTest, WithBirthContext) {
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

TEST(BirthDateTest, WithoutContextOrInvalid) {
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

}  // namespace
}  // namespace custos::detect
