// io: CSV/TSV per RFC 4180: quoted fields with doubled quotes, embedded newlines, CRLF
// or LF, an optional UTF-8 BOM, any single-byte delimiter. Records are read in batches
// with fields unescaped into storage the caller owns, so batches can be handed to
// other threads. Bounded memory: a field or record larger than max_record_bytes is an
// error naming the line, and the reader resynchronises at the next line.
#ifndef CUSTOS_IO_CSV_H_
#define CUSTOS_IO_CSV_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "custos/io/source.h"

namespace custos::io {

struct CsvField {
  std::string_view value;  // unescaped; points into the batch storage
  uint64_t line = 0;       // physical line where the field starts (1-based)
};

struct CsvRecord {
  uint64_t line = 0;       // physical line where the record starts (1-based)
  uint32_t first_field = 0;  // index into CsvBatch::fields
  uint32_t field_count = 0;
};

struct CsvBatch {
  std::string storage;
  std::vector<CsvField> fields;
  std::vector<CsvRecord> records;
  void clear() {
    storage.clear();
    fields.clear();
    records.clear();
  }
};

struct CsvOptions {
  char delimiter = 0;            // 0: guess from the first line among , \t ; |
  bool has_header = true;
  size_t batch_bytes = 1 << 20;
  size_t max_record_bytes = 64 << 20;
};

// A recoverable problem in the input (line 12, "unterminated quoted field"); reading goes on.
struct CsvIssue {
  uint64_t line;
  std::string message;  // what is wrong, without the line (it is above); never field contents
};

class CsvReader {
 public:
  CsvReader(ByteSource& source, CsvOptions options = {});
  ~CsvReader();
  // Reads the header (if has_header) and guesses the delimiter. Call once first.
  Status Start();
  const std::vector<std::string>& header() const;
  char delimiter() const;
  // Fills `batch` (cleared first) with the next records. Returns false at end of input.
  // Recoverable problems are appended to `issues`; a read error is a Status.
  StatusOr<bool> NextBatch(CsvBatch& batch, std::vector<CsvIssue>& issues);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace custos::io

#endif  // CUSTOS_IO_CSV_H_
