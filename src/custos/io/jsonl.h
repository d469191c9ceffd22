// io: JSON Lines. Each line is one JSON value; its string (and number) leaves are
// handed out with their JSON path ("$.user.phones[0]"). Nesting deeper than max_depth,
// invalid JSON and over-long lines are issues naming the line; reading goes on.
#ifndef CUSTOS_IO_JSONL_H_
#define CUSTOS_IO_JSONL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "custos/io/source.h"

namespace custos::io {

struct JsonLeaf {
  std::string_view path;   // "$.a.b[2].c"; points into the batch storage
  std::string_view value;  // decoded string value, or the number's text
  uint64_t line = 0;       // 1-based line of the document
  bool is_string = true;   // false for numbers
};

struct JsonBatch {
  std::string storage;
  std::vector<JsonLeaf> leaves;
  uint64_t documents = 0;
  void clear() {
    storage.clear();
    leaves.clear();
    documents = 0;
  }
};

struct JsonlOptions {
  size_t batch_bytes = 1 << 20;
  size_t max_line_bytes = 64 << 20;
  size_t max_depth = 128;
};

struct JsonIssue {
  uint64_t line;
  std::string message;  // what is wrong, without the line (it is above); never values
};

// "$.a[3].b" -> "$.a[*].b": the path shape used to classify fields across documents.
std::string GeneralizePath(std::string_view path);

class JsonlReader {
 public:
  JsonlReader(ByteSource& source, JsonlOptions options = {});
  ~JsonlReader();
  // Fills `batch` (cleared first). Returns false at end of input.
  StatusOr<bool> NextBatch(JsonBatch& batch, std::vector<JsonIssue>& issues);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace custos::io

#endif  // CUSTOS_IO_JSONL_H_
