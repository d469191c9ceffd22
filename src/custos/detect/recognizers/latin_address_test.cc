// Latin-script street addresses: every street suffix (address_test.cc has the broader
// cases).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "custos/testing/detect_helpers.h"

namespace custos::detect {
namespace {

using ::custos::testing::Values;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(LatinAddressSuffix, EverySuffix) {
  for (const char* suffix :
       {"Street", "St",    "Avenue", "Ave",     "Av",   "Road",    "Rd",  "Boulevard", "Blvd", "Lane",     "Ln", "Drive",
        "Dr",     "Court", "Ct",     "Way",     "Place", "Pl",     "Parkway", "Pkwy",  "Highway", "Hwy", "Terrace",
        "Ter",    "Circle", "Cir",   "Square",  "Sq",   "Trail",   "Trl", "Alley",     "Crescent", "Row", "Plaza", "Pike"}) {
    const std::string address = std::string("12 Oak ") + suffix;
    EXPECT_THAT(Values("sent to " + address + " yesterday", "postal_address"), ElementsAre(address)) << suffix;
  }
}

TEST(LatinAddressSuffix, OnlyTheSuffixesAsWritten) {
  for (const char* suffix : {"Streets", "STREET", "Str", "Aves", "Boulevards", "Hw"}) {
    const std::string text = std::string("sent to 12 Oak ") + suffix + " yesterday";
    EXPECT_THAT(Values(text, "postal_address"), IsEmpty()) << text;
  }
  EXPECT_THAT(Values("sent to 12 Oak\tStreet yesterday", "postal_address"), IsEmpty());  // one space only
}

}  // namespace
}  // namespace custos::detect
