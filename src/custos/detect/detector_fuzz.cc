// libFuzzer target: the whole detector over arbitrary bytes, with and without a field
// hint. Findings must lie inside the input, be sorted and never overlap. The input's
// lines scanned inside a Prepare()d buffer must give the same findings as alone.
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
  static const std::unique_ptr<Scratch> prepared_scratch = detector->NewScratch();
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
  {
    const PreparedBuffer prepared = detector->Prepare(text, *prepared_scratch);
    std::vector<Finding> alone, inside;
    for (size_t p = 0; p < size;) {
      size_t nl = text.find('\n', p);
      if (nl == std::string_view::npos) nl = size;
      const std::string_view line = text.substr(p, nl - p);
      alone.clear();
      inside.clear();
      detector->Scan(line, hints, *scratch, alone);
      detector->Scan(line, hints, *prepared_scratch, inside);
      if (alone.size() != inside.size()) __builtin_trap();
      for (size_t i = 0; i < alone.size(); ++i) {
        const Finding& a = alone[i];
        const Finding& b = inside[i];
        if (a.start != b.start || a.end != b.end || a.category != b.category || a.confidence != b.confidence ||
            a.recognizer != b.recognizer) {
          __builtin_trap();
        }
      }
      p = nl + 1;
    }
  }
  return 0;
}
