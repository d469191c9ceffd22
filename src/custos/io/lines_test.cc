#include "custos/io/lines.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <vector>

namespace custos::io {
namespace {

struct Piece {
  uint64_t line;
  uint64_t offset;
  uint32_t keep_from;
  uint32_t drop_from;
  std::string data;
};

// Hands out at most `chunk` bytes per Read, like a pipe.
class TrickleSource final : public ByteSource {
 public:
  TrickleSource(std::string data, size_t chunk) : data_(std::move(data)), chunk_(chunk) {}
  StatusOr<size_t> Read(char* buf, size_t n) override {
    size_t take = std::min({n, chunk_, data_.size() - pos_});
    std::copy_n(data_.data() + pos_, take, buf);
    pos_ += take;
    return take;
  }
  const std::string& name() const override { return name_; }
  bool compressed() const override { return false; }

 private:
  std::string data_;
  size_t chunk_;
  size_t pos_ = 0;
  std::string name_ = "trickle";
};

std::vector<Piece> ReadPieces(ByteSource& src, LineReaderOptions options, size_t* max_storage = nullptr,
                              uint64_t* lines_read = nullptr) {
  LineReader reader(src, options);
  std::vector<Piece> out;
  std::vector<TextPiece> pieces;
  std::string storage;
  for (;;) {
    StatusOr<bool> more = reader.NextBatch(pieces, storage);
    EXPECT_TRUE(more.ok());
    if (!more.ok() || !*more) break;
    EXPECT_FALSE(pieces.empty());
    if (max_storage != nullptr) *max_storage = std::max(*max_storage, storage.size());
    for (const TextPiece& p : pieces) {
      EXPECT_GE(p.data.data(), storage.data());
      EXPECT_LE(p.data.data() + p.data.size(), storage.data() + storage.size());
      out.push_back(Piece{p.line, p.offset_in_line, p.keep_from, p.drop_from, std::string(p.data)});
    }
  }
  if (lines_read != nullptr) *lines_read = reader.lines_read();
  return out;
}

std::vector<Piece> ReadPieces(const std::string& text, LineReaderOptions options = {}) {
  auto src = MemorySource("mem", text);
  return ReadPieces(*src, options);
}

// The expected non-empty lines of `text`, by line number, with "\r\n" handled.
std::vector<std::pair<uint64_t, std::string>> SplitLines(const std::string& text) {
  std::vector<std::pair<uint64_t, std::string>> out;
  uint64_t line = 1;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string::npos ? text.size() : nl;
    std::string s = text.substr(pos, end - pos);
    if (!s.empty() && s.back() == '\r') s.pop_back();
    if (!s.empty()) out.emplace_back(line, s);
    ++line;
    pos = end + 1;
  }
  return out;
}

// Rebuilds lines from pieces, checking the overlap rules on the way.
std::vector<std::pair<uint64_t, std::string>> Rebuild(const std::vector<Piece>& pieces, const LineReaderOptions& o) {
  std::vector<std::pair<uint64_t, std::string>> out;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const Piece& p = pieces[i];
    EXPECT_FALSE(p.data.empty());
    EXPECT_LE(p.data.size(), o.max_piece);
    EXPECT_LT(p.keep_from, p.data.size());
    if (p.offset == 0) {
      EXPECT_EQ(p.keep_from, 0u);
      if (!out.empty()) {
        EXPECT_GT(p.line, out.back().first);
      }
      out.emplace_back(p.line, p.data);
    } else {
      const Piece& prev = pieces[i - 1];
      EXPECT_EQ(prev.line, p.line);
      // The piece starts `shared` bytes before the previous one ended, and the two
      // split the shared bytes at one boundary: prev keeps findings before it, p after.
      const size_t shared = prev.offset + prev.data.size() - p.offset;
      EXPECT_LE(shared, o.overlap);
      EXPECT_EQ(p.keep_from, shared / 2);
      EXPECT_EQ(prev.offset + prev.drop_from, p.offset + p.keep_from);
      EXPECT_EQ(prev.data.substr(prev.data.size() - shared), p.data.substr(0, shared));
      out.back().second += p.data.substr(shared);
    }
  }
  return out;
}

TEST(LineReaderTest, SplitsLinesAndNumbersThem) {
  auto pieces = ReadPieces("alpha\nbeta\r\n\n\r\ngamma");
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].data, "alpha");
  EXPECT_EQ(pieces[0].line, 1u);
  EXPECT_EQ(pieces[1].data, "beta");
  EXPECT_EQ(pieces[1].line, 2u);
  EXPECT_EQ(pieces[2].data, "gamma");  // last line without '\n'
  EXPECT_EQ(pieces[2].line, 5u);       // empty lines count
  for (const Piece& p : pieces) {
    EXPECT_EQ(p.offset, 0u);
    EXPECT_EQ(p.keep_from, 0u);
  }
}

TEST(LineReaderTest, EmptyInputAndOnlyEmptyLines) {
  EXPECT_TRUE(ReadPieces("").empty());
  auto src = MemorySource("mem", "\n\r\n\n");
  uint64_t lines = 0;
  EXPECT_TRUE(ReadPieces(*src, {}, nullptr, &lines).empty());
  EXPECT_EQ(lines, 3u);
}

TEST(LineReaderTest, CarriageReturnOnlyDroppedBeforeNewline) {
  auto pieces = ReadPieces("a\rb\r\nc\r");
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].data, "a\rb");
  EXPECT_EQ(pieces[1].data, "c");
}

TEST(LineReaderTest, LinesReadCountsLastLineWithoutNewline) {
  auto src = MemorySource("mem", "a\nb\nc");
  uint64_t lines = 0;
  ReadPieces(*src, {}, nullptr, &lines);
  EXPECT_EQ(lines, 3u);
}

TEST(LineReaderTest, LongLineMarkersStraddlingCutsAreSeenWhole) {
  const size_t kMaxPiece = 64 << 10;
  const size_t kOverlap = 4096;
  const size_t kStep = kMaxPiece - kOverlap;
  std::string line(5 << 20, 'x');
  for (size_t i = 0; i < line.size(); ++i) line[i] = static_cast<char>('a' + i % 23);
  // A marker across every cut: piece k ends at k * kStep + kMaxPiece.
  std::vector<size_t> marker_at;
  for (size_t cut = kMaxPiece; cut + 20 < line.size(); cut += kStep) {
    std::string marker = "<MARK-" + std::to_string(cut) + ">";
    size_t at = cut - marker.size() / 2;
    line.replace(at, marker.size(), marker);
    marker_at.push_back(at);
  }
  ASSERT_GT(marker_at.size(), 80u);
  std::string text = "short first line\n" + line + "\nlast\n";

  for (size_t batch : {size_t{1} << 20, size_t{100000}, size_t{7777}}) {
    LineReaderOptions o;
    o.batch_bytes = batch;
    o.max_piece = kMaxPiece;
    o.overlap = kOverlap;
    auto src = MemorySource("mem", text);
    size_t max_storage = 0;
    auto pieces = ReadPieces(*src, o, &max_storage);
    // Memory stays bounded: never the whole 5 MB line.
    EXPECT_LE(max_storage, batch + kMaxPiece + kOverlap) << batch;
    auto rebuilt = Rebuild(pieces, o);
    ASSERT_EQ(rebuilt.size(), 3u);
    EXPECT_EQ(rebuilt[1].first, 2u);
    EXPECT_EQ(rebuilt[1].second, line);
    EXPECT_EQ(rebuilt[2].second, "last");
    for (const Piece& p : pieces) {
      if (p.line != 2 || p.offset == 0) continue;
      EXPECT_EQ(p.keep_from, kOverlap / 2);
    }
    for (size_t at : marker_at) {
      std::string marker = line.substr(at, line.find('>', at) + 1 - at);
      bool found = false;
      for (const Piece& p : pieces) {
        if (p.line != 2) continue;
        size_t local = p.data.find(marker);
        if (local != std::string::npos && p.offset + local == at) found = true;
      }
      EXPECT_TRUE(found) << marker;
    }
  }
}

TEST(LineReaderTest, SmallBatchesAgainstLargePiecesStayLinear) {
  LineReaderOptions o;
  o.batch_bytes = 64;
  o.max_piece = 4 << 20;
  std::string line(3 << 20, 'y');
  TrickleSource src(line + "\nz\n", 64);
  auto t0 = std::chrono::steady_clock::now();
  auto pieces = ReadPieces(src, o);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(10));
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].data, line);
}

TEST(LineReaderTest, CutsAvoidSplittingUtf8Characters) {
  std::string line;
  while (line.size() < 1000) line += "é中😀";
  LineReaderOptions o;
  o.max_piece = 64;
  o.overlap = 8;
  auto pieces = ReadPieces(line + "\n", o);
  ASSERT_GT(pieces.size(), 10u);
  for (size_t i = 0; i + 1 < pieces.size(); ++i) {
    unsigned char next = static_cast<unsigned char>(line[pieces[i].offset + pieces[i].data.size()]);
    EXPECT_NE(next & 0xC0, 0x80) << i;
  }
  auto rebuilt = Rebuild(pieces, o);
  ASSERT_EQ(rebuilt.size(), 1u);
  EXPECT_EQ(rebuilt[0].second, line);
}

TEST(LineReaderTest, OverlapIsCappedSoCutsProgress) {
  LineReaderOptions o;
  o.max_piece = 10;
  o.overlap = 50;
  std::string line(1000, 'q');
  auto pieces = ReadPieces(line, o);
  auto rebuilt = Rebuild(pieces, o);
  ASSERT_EQ(rebuilt.size(), 1u);
  EXPECT_EQ(rebuilt[0].second, line);
  EXPECT_LT(pieces.size(), 250u);
}

TEST(LineReaderTest, RandomTextRebuildsExactly) {
  std::mt19937 rng(42);
  for (int round = 0; round < 200; ++round) {
    std::string text;
    size_t n = rng() % 3000;
    for (size_t i = 0; i < n; ++i) {
      auto r = rng() % 20;
      text.push_back(r == 0 ? '\n' : r == 1 ? '\r' : static_cast<char>('a' + r));
      if (rng() % 500 == 0) text.append(rng() % 700, 'L');
    }
    LineReaderOptions o;
    o.batch_bytes = 1 + rng() % 300;
    o.max_piece = 1 + rng() % 200;
    o.overlap = rng() % 100;
    TrickleSource src(text, 1 + rng() % 50);
    auto pieces = ReadPieces(src, o);
    LineReaderOptions capped = o;
    auto rebuilt = Rebuild(pieces, capped);
    EXPECT_EQ(rebuilt, SplitLines(text)) << "round " << round;
  }
}

TEST(LineReaderTest, ReadErrorIsReturned) {
  class Failing final : public ByteSource {
   public:
    StatusOr<size_t> Read(char*, size_t) override { return Status::IoError("f: Input/output error"); }
    const std::string& name() const override { return name_; }
    bool compressed() const override { return false; }
    std::string name_ = "f";
  } src;
  LineReader reader(src);
  std::vector<TextPiece> pieces;
  std::string storage;
  auto r = reader.NextBatch(pieces, storage);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIoError);
}

TEST(LineReaderTest, TextBeforeAReadErrorIsHandedOutFirst) {
  // Two lines arrive, then the source fails (as a truncated gzip stream does).
  class FailsLater final : public ByteSource {
   public:
    StatusOr<size_t> Read(char* buf, size_t n) override {
      if (calls_++ > 0) return Status::Corruption("f: truncated gzip stream");
      const std::string_view data = "first 13812345678\nsecond\n";
      const size_t k = std::min(n, data.size());
      std::memcpy(buf, data.data(), k);
      return k;
    }
    const std::string& name() const override { return name_; }
    bool compressed() const override { return true; }
    std::string name_ = "f";
    int calls_ = 0;
  } src;
  LineReader reader(src);
  std::vector<TextPiece> pieces;
  std::string storage;
  auto first = reader.NextBatch(pieces, storage);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(*first);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].data, "first 13812345678");
  auto second = reader.NextBatch(pieces, storage);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), Status::Code::kCorruption);
}

}  // namespace
}  // namespace custos::io
