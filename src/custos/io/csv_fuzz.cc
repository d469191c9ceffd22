// libFuzzer target: CsvReader over arbitrary bytes. Checks structural invariants and
// that a tiny batch size gives exactly the same records, fields and issues as a large one.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "custos/io/csv.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

struct Result {
  std::vector<std::string> header;
  char delimiter = 0;
  std::vector<uint64_t> record_lines;
  std::vector<uint32_t> counts;
  std::vector<std::string> values;
  std::vector<uint64_t> field_lines;
  std::vector<std::string> issues;
};

Result Run(const std::string& text, custos::io::CsvOptions options) {
  uint64_t max_line = 1;
  for (char c : text) max_line += c == '\n' ? 1 : 0;
  auto source = custos::io::MemorySource("fuzz", text);
  custos::io::CsvReader reader(*source, options);
  Result r;
  Check(reader.Start().ok());
  r.header = reader.header();
  r.delimiter = reader.delimiter();
  custos::io::CsvBatch batch;
  std::vector<custos::io::CsvIssue> issues;
  uint64_t prev_line = 0;
  size_t unescaped = 0;
  for (size_t batches = 0;; ++batches) {
    Check(batches <= text.size() + 2);
    auto more = reader.NextBatch(batch, issues);
    Check(more.ok());
    if (!more.value()) break;
    size_t next_field = 0;
    for (const custos::io::CsvRecord& rec : batch.records) {
      Check(rec.first_field == next_field);
      Check(rec.field_count >= 1);
      next_field = rec.first_field + rec.field_count;
      Check(next_field <= batch.fields.size());
      Check(rec.line > prev_line && rec.line <= max_line);
      prev_line = rec.line;
      uint64_t field_line = rec.line;
      for (uint32_t i = 0; i < rec.field_count; ++i) {
        const custos::io::CsvField& f = batch.fields[rec.first_field + i];
        Check(f.line >= field_line && f.line <= max_line);
        field_line = f.line;
        Check(f.value.data() >= batch.storage.data() &&
              f.value.data() + f.value.size() <= batch.storage.data() + batch.storage.size());
        unescaped += f.value.size();
        r.values.emplace_back(f.value);
        r.field_lines.push_back(f.line);
      }
      r.record_lines.push_back(rec.line);
      r.counts.push_back(rec.field_count);
    }
    Check(next_field == batch.fields.size());
  }
  Check(unescaped <= text.size());
  for (const custos::io::CsvIssue& i : issues) {
    Check(i.line >= 1 && i.line <= max_line);
    r.issues.push_back(i.message);
  }
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  static constexpr char kDelimiters[] = {0, ',', '\t', ';', '|', ' '};
  custos::io::CsvOptions options;
  options.delimiter = kDelimiters[data[0] % sizeof(kDelimiters)];
  options.has_header = (data[0] & 0x80) != 0;
  options.batch_bytes = 1 + data[1] % 32;
  options.max_record_bytes = 1 + static_cast<size_t>(data[2]) * 4;
  const std::string text(reinterpret_cast<const char*>(data) + 3, size - 3);

  Result small = Run(text, options);
  // Same delimiter, one large batch: the results must not depend on batching.
  options.delimiter = small.delimiter;
  options.batch_bytes = 1 << 16;  // larger than any input the fuzzer makes by default
  Result large = Run(text, options);
  Check(small.header == large.header);
  Check(small.record_lines == large.record_lines);
  Check(small.counts == large.counts);
  Check(small.values == large.values);
  Check(small.field_lines == large.field_lines);
  Check(small.issues == large.issues);
  return 0;
}
