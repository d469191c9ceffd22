// libFuzzer target: LineReader over arbitrary bytes with small batches and pieces.
// Rebuilds every line from its pieces (dropping the repeated overlap) and compares it
// with a plain split of the input; traps on any difference or broken invariant.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "custos/io/lines.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  custos::io::LineReaderOptions options;
  options.batch_bytes = 1 + data[0] % 64;
  options.max_piece = 1 + data[1] % 48;
  options.overlap = data[2] % 32;
  const std::string text(reinterpret_cast<const char*>(data) + 3, size - 3);

  // Expected non-empty lines with their numbers.
  std::vector<std::pair<uint64_t, std::string>> want;
  uint64_t line = 1;
  for (size_t pos = 0; pos < text.size(); ++line) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string::npos ? text.size() : nl;
    std::string s = text.substr(pos, end - pos);
    if (!s.empty() && s.back() == '\r') s.pop_back();
    if (!s.empty()) want.emplace_back(line, s);
    pos = end + 1;
  }

  auto source = custos::io::MemorySource("fuzz", text);
  custos::io::LineReader reader(*source, options);
  std::vector<custos::io::TextPiece> pieces;
  std::string storage;
  std::vector<std::pair<uint64_t, std::string>> got;
  uint64_t prev_line = 0;
  uint64_t prev_end = 0;  // offset_in_line + size of the previous piece
  uint64_t prev_boundary = 0;  // offset_in_line + drop_from of the previous piece
  for (size_t batches = 0;; ++batches) {
    Check(batches <= text.size() + 2);
    auto more = reader.NextBatch(pieces, storage);
    Check(more.ok());
    if (!more.value()) break;
    Check(!pieces.empty());
    for (const custos::io::TextPiece& p : pieces) {
      Check(!p.data.empty());
      Check(p.data.size() <= options.max_piece);
      Check(p.data.data() >= storage.data() && p.data.data() + p.data.size() <= storage.data() + storage.size());
      Check(p.keep_from < p.data.size());
      if (p.offset_in_line == 0) {
        Check(p.keep_from == 0);
        Check(p.line > prev_line);
        got.emplace_back(p.line, std::string(p.data));
      } else {
        // A continuation: starts `shared` bytes before the previous piece ended, and
        // the two pieces split the shared bytes at one boundary.
        Check(p.line == prev_line);
        Check(p.offset_in_line <= prev_end);  // equal when the overlap is 0
        const uint64_t shared = prev_end - p.offset_in_line;
        Check(shared <= options.overlap && shared < p.data.size());
        Check(p.keep_from == shared / 2);
        Check(p.offset_in_line + p.keep_from == prev_boundary);
        Check(!got.empty());
        const std::string& sofar = got.back().second;
        Check(sofar.size() == prev_end);
        Check(sofar.compare(p.offset_in_line, shared, p.data.substr(0, shared)) == 0);
        got.back().second.append(p.data.substr(shared));
      }
      prev_line = p.line;
      prev_end = p.offset_in_line + p.data.size();
      prev_boundary = p.drop_from == UINT32_MAX ? UINT64_MAX : p.offset_in_line + p.drop_from;
    }
  }
  Check(got == want);
  Check(reader.lines_read() == line - 1);
  return 0;
}
