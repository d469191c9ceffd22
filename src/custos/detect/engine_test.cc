// The engine's token dispatch: which tokens a recognizer is offered, and how often.
#include "custos/detect/engine.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace custos::detect {
namespace {

// Records the text of every token it is offered; reports nothing.
class Recorder final : public Recognizer {
 public:
  Recorder(Interest interest, std::vector<std::string>* seen) : interest_(std::move(interest)), seen_(seen) {}
  std::string_view name() const override { return "recorder"; }
  CategorySet categories() const override { return Bit(Category::kPhoneNumber); }
  Interest interest() const override { return interest_; }
  void OnToken(const Unit& unit, size_t ti, Sink&) const override {
    seen_->emplace_back(unit.Slice(unit.tokens[ti].start, unit.tokens[ti].end));
  }

 private:
  Interest interest_;
  std::vector<std::string>* seen_;
};

std::vector<std::string> Offered(Interest interest, std::string_view text) {
  std::vector<std::string> seen;
  std::vector<std::unique_ptr<Recognizer>> recs;
  recs.push_back(std::make_unique<Recorder>(std::move(interest), &seen));
  auto engine = Engine::Create(DetectorOptions{}, std::move(recs));
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  if (!engine.ok()) return {};
  auto scratch = (*engine)->NewScratch();
  std::vector<Finding> out;
  (*engine)->Scan(text, FieldHints{}, *scratch, out);
  return seen;
}

TEST(EngineDispatchTest, TwoRulesAcceptTheirUnionNotTheCrossProductOfTheirFilters) {
  // "digits after '+'" or "digits starting with 0": 555 (after neither) must not be
  // offered, although its first byte passes the first rule and its previous byte the
  // second.
  Interest in;
  in.rules = {{TokenKind::kNumeric, Lengths(3, 5), ByteSet::Range('1', '9'), ByteSet::Of("+")},
              {TokenKind::kNumeric, Lengths(3, 5), ByteSet::Of("0")}};
  EXPECT_EQ(Offered(in, "+4420 0086 555 x+0123"), (std::vector<std::string>{"4420", "0086", "0123"}));
}

TEST(EngineDispatchTest, ATokenAcceptedByOverlappingRulesIsOfferedOnce) {
  Interest in;
  in.numeric_lengths = Lengths(4, 4);
  in.rules = {{TokenKind::kNumeric, Lengths(4, 4), ByteSet::Of("1"), {}, ByteSet::Of(" ")},
              {TokenKind::kNumeric, Lengths(2, 6), {}, ByteSet::Of("-"), ByteSet::Of(" -")}};
  EXPECT_EQ(Offered(in, "1234 -5678 -90 1-12"), (std::vector<std::string>{"1234", "5678", "90"}));
}

TEST(EngineDispatchTest, FiltersLookAtFirstPreviousAndFollowingBytes) {
  Interest in;
  in.rules = {{TokenKind::kAlpha, Lengths(2, 8), ByteSet::Range('A', 'Z'), ByteSet::Of(" "), ByteSet::Of(".")}};
  // The unit's edges count as byte 0, which no filter here accepts.
  EXPECT_EQ(Offered(in, "Ab. Cd. ef. Gh Ij."), (std::vector<std::string>{"Cd", "Ij"}));
}

}  // namespace
}  // namespace custos::detect
