// scan: finds personal information in files. Expands paths (directories, gzip, stdin),
// reads text, CSV and JSON Lines through io, runs detect in parallel with bounded
// memory, and produces (a) findings as JSON Lines, in input order, and (b) a report:
// per file, per category and, for tables, per column (what each column holds and how
// much of it). Problems in one file are reported with file and line; other files are
// still scanned.
#ifndef CUSTOS_SCAN_SCANNER_H_
#define CUSTOS_SCAN_SCANNER_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "custos/base/status.h"
#include "custos/detect/detector.h"

namespace custos::scan {

struct ScanOptions {
  detect::DetectorOptions detector;
  int threads = 1;
  // Findings as JSON Lines go to the findings callback; off for report-only formats.
  bool emit_findings = false;
  // Print raw values ("value") and derived attributes in findings. Off by default.
  bool show_values = false;
  char csv_delimiter = 0;  // 0: guess
  bool csv_header = true;
  size_t batch_bytes = 1 << 20;
  size_t max_piece = 1 << 20;  // longest piece of a line scanned at once
};

// A problem that stops part of a file from being scanned.
struct Problem {
  uint64_t line = 0;  // 0 when it concerns the whole file
  std::string message;  // without file or line; never PI
};

struct CategoryShare {
  detect::Category category;
  uint64_t rows = 0;  // values with at least one finding of this category
  double share = 0;   // rows / non-empty values
};

// What a CSV column or a JSON field path holds.
struct ColumnReport {
  std::string name;  // header name, or generalised JSON path ("$.user.phones[*]")
  uint64_t values = 0;  // non-empty values seen
  bool hinted = false;  // the name itself suggested a category
  std::vector<CategoryShare> categories;  // most frequent first, share >= 1%
  // The category the column is classified as (share >= 50%, or >= 30% when the
  // name suggests it), or none.
  bool classified = false;
  detect::Category classification = detect::Category::kPersonName;
  bool sensitive = false;
};

struct FileReport {
  std::string file;
  std::string format;  // "text", "csv", "jsonl"
  bool compressed = false;
  bool skipped = false;  // e.g. binary
  std::string skip_reason;
  std::string note;  // e.g. how the format was decided, when it differs from the name
  uint64_t bytes = 0;  // decompressed bytes read
  uint64_t lines = 0;  // lines (text), records (csv), documents (jsonl)
  std::array<uint64_t, detect::kCategoryCount> counts{};
  uint64_t minors_under_14 = 0;
  std::vector<ColumnReport> columns;
  std::vector<Problem> problems;
  uint64_t total_findings() const;
};

struct ScanReport {
  std::vector<FileReport> files;
  std::array<uint64_t, detect::kCategoryCount> totals{};
  uint64_t bytes = 0;
  uint64_t minors_under_14 = 0;
  double seconds = 0;
  bool has_errors() const;
  bool found_sensitive() const;
};

class Scanner {
 public:
  // Receives ready-made JSON Lines text (one finding per line), in input order.
  using FindingsCallback = std::function<void(std::string_view jsonl)>;
  // Receives each problem as it happens ("FILE:LINE: message").
  using ProblemCallback = std::function<void(const std::string& file, const Problem&)>;

  static StatusOr<std::unique_ptr<Scanner>> Create(const ScanOptions& options);
  ~Scanner();

  // Scans every path ("-" is stdin). Never fails as a whole: per-file problems go into
  // the report and to `on_problem`.
  ScanReport Scan(const std::vector<std::string>& paths, const FindingsCallback& on_findings,
                  const ProblemCallback& on_problem);

  struct Impl;

 private:
  explicit Scanner(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Human-readable report (what a terminal shows).
std::string RenderText(const ScanReport& report);
// The same as one JSON document (docs/formats.md).
std::string RenderJson(const ScanReport& report);

}  // namespace custos::scan

#endif  // CUSTOS_SCAN_SCANNER_H_
