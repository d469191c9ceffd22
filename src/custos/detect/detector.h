// detect: finds personal information in a buffer of bytes.
//
// Input is one unit of text (a line or a bounded piece of one, a CSV cell, a JSON
// string value) plus optional hints (the column or key name). Output is findings:
// category, UTF-8 byte offsets into the unit, confidence in [0,1] and the recognizer
// that made it. The design is candidate-first: one pass splits the bytes into ASCII
// alphanumeric tokens, one Vectorscan pass finds keywords (context words and anchors),
// and validators (check digits, number plans, dates, gazetteers) run only on the
// candidates those passes hand them.
//
// The module knows identifier formats; it knows nothing of files, policies or the
// network. A Detector is immutable and thread-safe; each thread brings a Scratch.
#ifndef CUSTOS_DETECT_DETECTOR_H_
#define CUSTOS_DETECT_DETECTOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "custos/base/status.h"
#include "custos/detect/category.h"

namespace custos::detect {

// Facts derived from a finding's value (e.g. a resident ID's birth date). They are PI
// themselves: reports print them only when the user asks for values.
struct Attributes {
  uint32_t birth_date = 0;  // yyyymmdd, 0 if unknown
  uint32_t region = 0;      // GB/T 2260 6-digit code, 0 if unknown
  char sex = 0;             // 'M', 'F' or 0
  bool minor_under_14 = false;
  bool has_minor_flag = false;  // minor_under_14 was computed (birth date known)
  bool empty() const { return birth_date == 0 && region == 0 && sex == 0 && !has_minor_flag; }
};

struct Finding {
  uint32_t start = 0;  // inclusive byte offset into the unit
  uint32_t end = 0;    // exclusive
  Category category = Category::kPersonName;
  float confidence = 0;
  uint16_t recognizer = 0;  // index into Detector::RecognizerName
  Attributes attributes;
};

// What the surrounding structure says about a unit: the categories its column or key
// name suggests ("手机号" → phone_number). Hints raise confidence and enable
// recognizers that need context (health_info, bank_account, ...).
struct FieldHints {
  CategorySet categories = 0;
};

struct DetectorOptions {
  // Context words count when they lie within this many bytes before or after a candidate.
  uint32_t context_window = 48;
  // Findings below this confidence are dropped.
  float min_confidence = 0.5f;
  // Reference date (yyyymmdd) for minor_under_14; 0 means today (UTC).
  uint32_t as_of = 0;
  // Categories to look for; empty (0) means all.
  CategorySet categories = 0;
};

class Scratch;         // per-thread working memory; opaque
class PreparedBuffer;  // see Detector::Prepare

class Detector {
 public:
  static StatusOr<std::unique_ptr<Detector>> Create(const DetectorOptions& options);
  ~Detector();
  Detector(const Detector&) = delete;
  Detector& operator=(const Detector&) = delete;

  // Per-thread scratch space for Scan(). Not shareable between threads.
  std::unique_ptr<Scratch> NewScratch() const;

  // Appends the findings in `text` to `out`, sorted by start, without overlaps.
  // Never fails: any bytes are accepted (invalid UTF-8 is simply not PI).
  void Scan(std::string_view text, const FieldHints& hints, Scratch& scratch,
            std::vector<Finding>& out) const;

  // For many texts inside one buffer (the lines of a batch read from a file): runs the
  // keyword pass once over `buffer`, and Scan calls with this scratch for texts that lie
  // inside it reuse the pass instead of making their own. Findings are the same; the
  // cost is lower (one keyword search per buffer, not per line). The buffer must not
  // change or go away while the returned object lives, and the scratch must outlive it.
  [[nodiscard]] PreparedBuffer Prepare(std::string_view buffer, Scratch& scratch) const;

  // Recognizers are numbered 0 .. RecognizerCount()-1 (Finding::recognizer).
  size_t RecognizerCount() const;
  std::string_view RecognizerName(uint16_t id) const;
  const DetectorOptions& options() const;

  struct Impl;

 private:
  explicit Detector(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

class Scratch {
 public:
  virtual ~Scratch() = default;

 private:
  friend class PreparedBuffer;
  virtual void ForgetPrepared() {}
};

// Holds a Prepare()d buffer's keyword pass in its scratch; forgets it when destroyed.
class PreparedBuffer {
 public:
  explicit PreparedBuffer(Scratch* scratch) : scratch_(scratch) {}
  PreparedBuffer(PreparedBuffer&& other) noexcept : scratch_(other.scratch_) { other.scratch_ = nullptr; }
  PreparedBuffer(const PreparedBuffer&) = delete;
  PreparedBuffer& operator=(const PreparedBuffer&) = delete;
  PreparedBuffer& operator=(PreparedBuffer&&) = delete;
  ~PreparedBuffer() {
    if (scratch_ != nullptr) scratch_->ForgetPrepared();
  }

 private:
  Scratch* scratch_;
};

// Categories a column or key name suggests, in Chinese or English
// ("手机号", "mobile", "id_card", "身份证号", "姓名", ...). Case-insensitive.
CategorySet HintsForFieldName(std::string_view name);

// A masked preview of a finding's value that keeps its shape but not its identity,
// e.g. "110105********123X", "138****5678", "张*", "z***@example.com".
std::string MaskedPreview(Category category, std::string_view value);
// The same, appended to `out` (no allocation beyond out's growth).
void AppendMaskedPreview(std::string& out, Category category, std::string_view value);
// The same, written at `out`, which has room for value.size() + kMaskedPreviewSlack
// bytes; returns the end. For output paths that write straight into their buffer.
inline constexpr size_t kMaskedPreviewSlack = 8;
char* WriteMaskedPreview(char* out, Category category, std::string_view value);

}  // namespace custos::detect

#endif  // CUSTOS_DETECT_DETECTOR_H_
