// libFuzzer target: JsonlReader over arbitrary bytes. Checks invariants on leaves and
// paths, and that tiny batches give the same leaves and issues as one large batch.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "custos/io/jsonl.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

struct Result {
  std::vector<std::string> paths;
  std::vector<std::string> values;
  std::vector<uint64_t> lines;
  std::vector<bool> strings;
  std::vector<std::string> issues;
  uint64_t documents = 0;
};

Result Run(const std::string& text, custos::io::JsonlOptions options) {
  uint64_t max_line = 1;
  for (char c : text) max_line += c == '\n' ? 1 : 0;
  auto source = custos::io::MemorySource("fuzz", text);
  custos::io::JsonlReader reader(*source, options);
  Result r;
  custos::io::JsonBatch batch;
  std::vector<custos::io::JsonIssue> issues;
  uint64_t prev_line = 0;
  for (size_t batches = 0;; ++batches) {
    Check(batches <= text.size() + 2);
    auto more = reader.NextBatch(batch, issues);
    Check(more.ok());
    if (!more.value()) break;
    r.documents += batch.documents;
    for (const custos::io::JsonLeaf& leaf : batch.leaves) {
      Check(leaf.line >= prev_line && leaf.line >= 1 && leaf.line <= max_line);
      prev_line = leaf.line;
      Check(!leaf.path.empty() && leaf.path[0] == '$');
      for (std::string_view s : {leaf.path, leaf.value}) {
        Check(s.data() >= batch.storage.data() && s.data() + s.size() <= batch.storage.data() + batch.storage.size());
      }
      // Number text comes from the input itself.
      if (!leaf.is_string) Check(text.find(leaf.value) != std::string::npos);
      const std::string general = custos::io::GeneralizePath(leaf.path);
      Check(custos::io::GeneralizePath(general) == general);
      Check(general.size() <= leaf.path.size());
      r.paths.emplace_back(leaf.path);
      r.values.emplace_back(leaf.value);
      r.lines.push_back(leaf.line);
      r.strings.push_back(leaf.is_string);
    }
  }
  for (const custos::io::JsonIssue& i : issues) {
    Check(i.line >= 1 && i.line <= max_line);
    Check(i.line >= 1 && !i.message.empty());
    r.issues.push_back(i.message);
  }
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  custos::io::JsonlOptions options;
  options.batch_bytes = 1 + data[0] % 64;
  options.max_line_bytes = 1 + static_cast<size_t>(data[1]) * 8;
  options.max_depth = 1 + data[2] % 16;
  const std::string text(reinterpret_cast<const char*>(data) + 3, size - 3);
  Result small = Run(text, options);
  options.batch_bytes = 1 << 16;  // larger than any input the fuzzer makes by default
  Result large = Run(text, options);
  Check(small.paths == large.paths);
  Check(small.values == large.values);
  Check(small.lines == large.lines);
  Check(small.strings == large.strings);
  Check(small.issues == large.issues);
  Check(small.documents == large.documents);
  return 0;
}
