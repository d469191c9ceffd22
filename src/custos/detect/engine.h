// Internal to detect: the Engine behind Detector. Owns the recognizers, the dispatch
// tables built from their Interests, and the compiled keyword database.
#ifndef CUSTOS_DETECT_ENGINE_H_
#define CUSTOS_DETECT_ENGINE_H_

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "custos/detect/detector.h"
#include "custos/detect/recognizer.h"

struct hs_database;
struct hs_scratch;

namespace custos::detect {

struct KeywordEntry {
  std::string text;
  CategorySet context = 0;    // context (or trigger) for these categories
  CategorySet negative = 0;   // negative context for these categories
  std::vector<uint16_t> triggers;  // recognizers whose OnKeyword it calls
};

class Engine {
 public:
  static StatusOr<std::unique_ptr<Engine>> Create(const DetectorOptions& options,
                                                  std::vector<std::unique_ptr<Recognizer>> recognizers);
  ~Engine();

  void Scan(std::string_view text, const FieldHints& hints, Scratch& scratch, std::vector<Finding>& out) const;
  // See Detector::Prepare.
  void Prepare(std::string_view buffer, Scratch& scratch) const;
  std::unique_ptr<Scratch> NewScratch() const;

  const DetectorOptions& options() const { return options_; }
  uint32_t as_of() const { return as_of_; }
  std::string_view RecognizerName(uint16_t id) const;
  size_t recognizer_count() const { return recognizers_.size(); }
  const KeywordEntry& keyword(uint32_t id) const { return keywords_[id]; }

 private:
  Engine() = default;
  Status Compile();

  DetectorOptions options_;
  uint32_t as_of_ = 0;
  std::vector<std::unique_ptr<Recognizer>> recognizers_;
  // Token dispatch, table-driven so that a token nobody wants costs a few loads and
  // no branches per subscriber. Bytes are folded into classes (bytes that every
  // subscription filter treats alike share a class); for each token slot (kind and
  // length, capped at 63) and each class, a bit mask says which of the slot's
  // subscribers accept that first / previous / following byte. A token is offered to
  // the subscribers in the AND of its three masks.
  static constexpr size_t kSlots = 3 * 64;
  static constexpr size_t kMaxSubscribers = 32;
  struct Slot {
    std::vector<uint16_t> recognizers;  // bit i of a mask = recognizers[i]
    uint32_t table = 0;                 // offset of the slot's masks in masks_
  };
  std::array<uint8_t, 256> byte_class_{};
  size_t class_count_ = 0;
  std::array<Slot, kSlots> slots_;
  // For slot s: masks_[table + c] first, [table + C + c] previous, [table + 2C + c]
  // following byte, C = class_count_.
  std::vector<uint32_t> masks_;
  std::vector<uint16_t> at_sign_;
  std::vector<uint16_t> every_unit_;
  std::vector<uint16_t> cjk_units_;
  std::vector<uint16_t> hinted_units_;        // hinted units only
  std::vector<uint16_t> hinted_ascii_units_;  // CJK units, and hinted ASCII units
  std::vector<KeywordEntry> keywords_;
  uint32_t max_keyword_ = 0;
  hs_database* db_ = nullptr;
  hs_scratch* proto_scratch_ = nullptr;
};

}  // namespace custos::detect

#endif  // CUSTOS_DETECT_ENGINE_H_
