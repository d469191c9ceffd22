// libFuzzer target: the whole detector over arbitrary bytes, with and without a field
// hint. Findings must lie inside the input, be sorted and never overlap.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "custos/detect/detector.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace custos::detect;
  static const std::unique_ptr<Detector> detector = [] {
    DetectorOptions o;
    o.as_of = 20260101;
    o.min_confidence = 0.0f;
    auto d = Detector::Create(o);
    if (!d.ok()) std::abort();
    return std::move(d).value();
  }();
  static const std::unique_ptr<Scratch> scratch = detector->NewScratch();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  FieldHints hints;
  if (size > 0) hints.categories = static_cast<CategorySet>(data[0]) * 0x01010101u;
  std::vector<Finding> out;
  detector->Scan(text, hints, *scratch, out);
  uint32_t last_end = 0;
  for (const Finding& f : out) {
    if (f.start >= f.end || f.end > size || f.start < last_end) __builtin_trap();
    if (f.confidence < 0 || f.confidence > 1) __builtin_trap();
    (void)MaskedPreview(f.category, text.substr(f.start, f.end - f.start));
    last_end = f.end;
  }
  return 0;
}
