// io: line-oriented text in bounded pieces. Lines end at '\n' (a preceding '\r' is
// dropped). A line longer than max_piece bytes is cut into pieces of at most max_piece
// bytes, each starting `overlap` bytes before the previous one ended. A reader of the
// pieces keeps a finding only if it starts in [keep_from, drop_from): the two pieces
// around a cut split their shared bytes in the middle, so anything up to overlap/2
// bytes long that straddles a cut is seen whole and reported exactly once. Memory stays
// bounded by the batch size whatever the line length.
#ifndef CUSTOS_IO_LINES_H_
#define CUSTOS_IO_LINES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "custos/io/source.h"

namespace custos::io {

struct TextPiece {
  uint64_t line = 0;            // 1-based line number
  uint64_t offset_in_line = 0;  // byte offset of data[0] within its line
  // Findings starting before this offset into `data` belong to the previous piece of
  // the line; 0 for a line's first piece.
  uint32_t keep_from = 0;
  std::string_view data;        // points into the batch storage
  // Findings starting at or after this offset belong to the next piece of the line;
  // UINT32_MAX for a line's last piece.
  uint32_t drop_from = UINT32_MAX;
};

struct LineReaderOptions {
  size_t batch_bytes = 1 << 20;  // target size of one batch
  size_t max_piece = 1 << 20;    // longest piece handed out
  size_t overlap = 4096;         // bytes repeated across a cut (at most max_piece / 2)
};

class LineReader {
 public:
  LineReader(ByteSource& source, LineReaderOptions options = {});
  // Fills `pieces` (cleared first) with the next batch (roughly batch_bytes of text),
  // their data pointing into `storage` (also replaced), so a batch can be handed to
  // another thread while the next is read. Returns false at end of input. A read error
  // is returned after the text that arrived before it has been handed out.
  StatusOr<bool> NextBatch(std::vector<TextPiece>& pieces, std::string& storage);
  uint64_t lines_read() const;

 private:
  ByteSource& source_;
  LineReaderOptions options_;
  // Cuts [pos, end) of `text` (one line, or the start of one when !line_ends) into
  // pieces; returns where the unhanded rest starts.
  size_t EmitLine(std::string_view text, size_t pos, size_t end, bool line_ends,
                  std::vector<TextPiece>& pieces);

  std::string pending_;     // bytes read but not yet handed out (starts a line or a piece)
  uint64_t line_ = 1;       // line of pending_[0]
  uint64_t offset_in_line_ = 0;  // offset of pending_[0] within its line
  uint32_t repeat_ = 0;     // leading bytes of pending_ already handed out (the overlap)
  uint64_t lines_read_ = 0;
  bool eof_ = false;
  Status error_;  // a read error, reported after the bytes that came before it
};

}  // namespace custos::io

#endif  // CUSTOS_IO_LINES_H_
