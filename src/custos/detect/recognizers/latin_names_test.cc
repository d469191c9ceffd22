// Latin-script person names: the title and label cues, word by word (names_test.cc
// has the broader cases).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "custos/testing/detect_helpers.h"

namespace custos::detect {
namespace {

using ::custos::testing::Values;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// "Zork Quimby" is in neither list: only a cue makes it a name.
constexpr char kUnlisted[] = "Zork Quimby";

std::vector<std::string> Names(std::string_view text) { return Values(text, "person_name"); }

TEST(LatinNameCue, EveryTitle) {
  for (const char* title : {"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Madam", "Dear", "mr", "Dr."}) {
    const std::string text = std::string(title) + " " + kUnlisted + " arrived";
    EXPECT_THAT(Names(text), ElementsAre(kUnlisted)) << text;
  }
  EXPECT_THAT(Names("Dear Zork"), ElementsAre("Zork"));  // a title alone carries one word
}

TEST(LatinNameCue, TitlesInCapitalsAreAbbreviations) {
  for (const char* title : {"MR", "MRS", "MS", "DR", "PROF"}) {
    const std::string text = std::string(title) + " " + kUnlisted + " arrived";
    EXPECT_THAT(Names(text), IsEmpty()) << text;
  }
}

TEST(LatinNameCue, EveryLabelWithItsColon) {
  for (const char* label : {"name", "patient", "customer", "contact", "client", "recipient", "fullname", "username",
                            "applicant", "cardholder", "signed", "attn", "insured", "employee"}) {
    for (const char* sep : {": ", "= ", ":"}) {
      const std::string text = std::string(label) + sep + kUnlisted;
      EXPECT_THAT(Names(text), ElementsAre(kUnlisted)) << text;
    }
  }
  EXPECT_THAT(Names("NAME= Zork Quimby"), ElementsAre(kUnlisted));
}

TEST(LatinNameCue, BareLabelNeedsAListedWord) {
  EXPECT_THAT(Names("contact Zork Quimby"), IsEmpty());
  EXPECT_THAT(Names("contact Maria Quimby"), ElementsAre("Maria Quimby"));
  EXPECT_THAT(Names("name Zork Quimby"), IsEmpty());  // "name" needs its colon
}

TEST(LatinNameCue, AtMostFourSeparatorsBetween) {
  EXPECT_THAT(Names("name: \" Zork Quimby"), ElementsAre(kUnlisted));
  EXPECT_THAT(Names("name:  \" Zork Quimby"), IsEmpty());
}

TEST(LatinNameCue, NotCues) {
  for (const char* text : {"Zork Quimby", "1Mr Zork Quimby", "Mr1 Zork Quimby", "names: Zork Quimby",
                           "mister Zork Quimby", "MRS Zork Quimby"}) {
    EXPECT_THAT(Names(text), IsEmpty()) << text;
  }
}

}  // namespace
}  // namespace custos::detect
