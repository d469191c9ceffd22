#include "custos/io/lines.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <utility>

namespace custos::io {

namespace {

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

LineReader::LineReader(ByteSource& source, LineReaderOptions options) : source_(source), options_(options) {
  options_.batch_bytes = std::max<size_t>(options_.batch_bytes, 1);
  options_.max_piece = std::max<size_t>(options_.max_piece, 1);
  // Each cut must move forward: the overlap is at most half a piece.
  options_.overlap = std::min({options_.overlap, options_.max_piece / 2,
                               static_cast<size_t>(std::numeric_limits<uint32_t>::max())});
}

uint64_t LineReader::lines_read() const { return lines_read_; }

size_t LineReader::EmitLine(std::string_view text, size_t pos, size_t end, bool line_ends,
                            std::vector<TextPiece>& pieces) {
  const size_t max_piece = options_.max_piece;
  const size_t overlap = options_.overlap;
  // Cut while more than a piece remains (when the line goes on past `end`, the piece
  // is then certainly not its last).
  while (end - pos > max_piece) {
    size_t cut = pos + max_piece;
    // End pieces on a UTF-8 character boundary when the text allows it.
    for (int i = 0; i < 3 && cut - 1 > pos + overlap && IsUtf8Continuation(text[cut]); ++i) --cut;
    // The shared bytes [cut - overlap, cut) are split at their middle (see lines.h).
    const size_t half = overlap / 2;
    pieces.push_back(TextPiece{line_, offset_in_line_, repeat_ != 0 ? static_cast<uint32_t>(half) : 0u,
                               text.substr(pos, cut - pos), static_cast<uint32_t>(cut - pos - overlap + half)});
    size_t next = cut - overlap;
    offset_in_line_ += next - pos;
    pos = next;
    repeat_ = static_cast<uint32_t>(overlap);
  }
  if (!line_ends) return pos;
  // The rest of the line; nothing if it is empty or was all handed out already.
  if (end - pos > repeat_) {
    pieces.push_back(TextPiece{line_, offset_in_line_, repeat_ != 0 ? static_cast<uint32_t>(overlap / 2) : 0u,
                               text.substr(pos, end - pos)});
  }
  return end;
}

StatusOr<bool> LineReader::NextBatch(std::vector<TextPiece>& pieces, std::string& storage) {
  pieces.clear();
  storage.clear();
  if (eof_ && pending_.empty()) {
    if (!error_.ok()) return std::exchange(error_, Status::Ok());
    return false;
  }
  storage.swap(pending_);  // the carried bytes start the batch

  for (;;) {
    // The carried bytes are part of one line: no '\n' in them.
    const size_t carried = storage.size();
    const size_t target = carried + options_.batch_bytes;
    while (!eof_ && storage.size() < target) {
      const size_t old = storage.size();
      storage.resize(target);
      StatusOr<size_t> got = source_.Read(storage.data() + old, target - old);
      if (!got.ok()) {
        // Hand out what arrived before the error (a truncated gzip stream still has
        // its first part); the error comes with the next call.
        storage.resize(old);
        error_ = got.status();
        eof_ = true;
        break;
      }
      storage.resize(old + *got);
      if (*got == 0) eof_ = true;
    }

    const std::string_view text(storage);
    const char* data = text.data();
    const size_t size = text.size();
    size_t pos = 0;
    while (pos < size) {
      const size_t from = std::max(pos, carried);
      const void* found = std::memchr(data + from, '\n', size - from);
      if (found == nullptr && !eof_) {
        pos = EmitLine(text, pos, size, false, pieces);
        break;
      }
      const size_t nl = found != nullptr ? static_cast<size_t>(static_cast<const char*>(found) - data) : size;
      size_t content_end = nl;
      if (content_end > pos && data[content_end - 1] == '\r') --content_end;
      EmitLine(text, pos, content_end, true, pieces);
      ++line_;
      ++lines_read_;
      offset_in_line_ = 0;
      repeat_ = 0;
      pos = found != nullptr ? nl + 1 : size;
    }

    if (!pieces.empty() || eof_) {
      if (pieces.empty() && !error_.ok()) return std::exchange(error_, Status::Ok());
      pending_.assign(text.substr(pos));
      return !pieces.empty();
    }
    // Nothing to hand out yet (empty lines, or a line still shorter than a piece):
    // drop what was consumed and read on.
    storage.erase(0, pos);
  }
}

}  // namespace custos::io
