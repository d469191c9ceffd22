// Internal to scan: findings as JSON Lines, the per-finding output path of
// --format jsonl. A line is written straight into a byte buffer: room is reserved once
// per finding and every piece (numbers, escaped strings, the masked preview) is
// written at a raw pointer, with no temporary strings and no per-piece capacity checks.
#ifndef CUSTOS_SCAN_FINDING_JSONL_H_
#define CUSTOS_SCAN_FINDING_JSONL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "custos/detect/detector.h"

namespace custos::scan {

// A growable byte buffer written through raw pointers. clear() keeps the memory, so a
// buffer reused batch after batch stops allocating (and never zero-fills, unlike
// std::string::resize).
class TextBuffer {
 public:
  // Room for `n` more bytes at the returned pointer, valid until the next Reserve.
  char* Reserve(size_t n) {
    if (capacity_ - size_ < n) Grow(n);
    return data_.get() + size_;
  }
  // Marks everything up to `end` (inside the reserved room) as written.
  void Commit(const char* end) { size_ = static_cast<size_t>(end - data_.get()); }
  void Append(std::string_view s);
  void clear() { size_ = 0; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return {data_.get(), size_}; }

 private:
  void Grow(size_t n);
  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// The text of a line between the end offset and the preview, which depends only on
// the category and the recognizer (and the confidence, patched in):
// ,"category":"…","sensitive":…,"confidence":0.00,"recognizer":"…","preview":
// Built once per scan, so a line copies one block instead of assembling five pieces.
class FindingTexts {
 public:
  explicit FindingTexts(const detect::Detector& detector);
  std::string_view text(detect::Category c, uint16_t recognizer) const {
    return texts_[static_cast<size_t>(c) * recognizers_ + recognizer];
  }
  // Where the four characters of the confidence start in text(c, ·).
  size_t confidence_at(detect::Category c) const { return confidence_at_[static_cast<size_t>(c)]; }

 private:
  size_t recognizers_;
  std::vector<std::string> texts_;
  std::vector<size_t> confidence_at_;
};

// The parts of a finding's line that are fixed per scan or per file, JSON-ready.
struct FindingFormat {
  std::string_view prefix;  // {"file":"…","line":
  const FindingTexts* texts = nullptr;
  bool show_values = false;
};

// Appends one finding as a line. `value` is the finding's bytes, `line` and `base` place
// it (base: offset of the scanned piece within its line), `field_json` is empty or
// ,"column":"…" / ,"path":"…".
void AppendFinding(TextBuffer& out, const FindingFormat& format, uint64_t line, uint64_t base,
                   const detect::Finding& f, std::string_view value, std::string_view field_json);

}  // namespace custos::scan

#endif  // CUSTOS_SCAN_FINDING_JSONL_H_
