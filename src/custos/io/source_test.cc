#include "custos/io/source.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace custos::io {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "custos-source-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string File(const std::string& name, const std::string& data) const {
    std::string p = path_ + "/" + name;
    std::ofstream(p, std::ios::binary) << data;
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string Gzip(const std::string& data, int level = 6) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// Reads everything; the status of the first failed read if any.
StatusOr<std::string> ReadAll(ByteSource& src, size_t chunk = 70000) {
  std::string out;
  std::string buf(chunk, '\0');
  for (int guard = 0; guard < 10000000; ++guard) {
    StatusOr<size_t> got = src.Read(buf.data(), buf.size());
    if (!got.ok()) return got.status();
    if (*got == 0) return out;
    out.append(buf.data(), *got);
  }
  return Status::Internal("no end of input");
}

std::string RandomText(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s;
  s.reserve(n);
  const std::string words[] = {"alice", "bob@example.com", "+1 555 0100", "GET /index", "\n", "2024-01-02", " ", "\t"};
  while (s.size() < n) s += words[rng() % 8];
  s.resize(n);
  return s;
}

TEST(SourceTest, ReadsPlainFile) {
  TempDir dir;
  std::string data = RandomText(3 << 20, 1);
  std::string path = dir.File("plain.log", data);
  auto src = OpenSource(path);
  ASSERT_TRUE(src.ok()) << src.status().ToString();
  EXPECT_EQ((*src)->name(), path);
  EXPECT_FALSE((*src)->compressed());
  auto all = ReadAll(**src);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, data);
}

TEST(SourceTest, EmptyAndOneByteFiles) {
  TempDir dir;
  for (const std::string& data : {std::string(), std::string("\x1f"), std::string("x")}) {
    auto src = OpenSource(dir.File("f", data));
    ASSERT_TRUE(src.ok());
    EXPECT_FALSE((*src)->compressed());
    auto all = ReadAll(**src);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(*all, data);
  }
}

TEST(SourceTest, MissingFileNamesPathAndReason) {
  TempDir dir;
  std::string path = dir.path() + "/no-such-file.csv";
  auto src = OpenSource(path);
  ASSERT_FALSE(src.ok());
  EXPECT_EQ(src.status().code(), Status::Code::kIoError);
  EXPECT_NE(src.status().message().find(path), std::string::npos);
  EXPECT_NE(src.status().message().find("No such file or directory"), std::string::npos);
}

TEST(SourceTest, DirectoryIsAnError) {
  TempDir dir;
  auto src = OpenSource(dir.path());
  ASSERT_FALSE(src.ok());
  EXPECT_EQ(src.status().code(), Status::Code::kIoError);
  EXPECT_NE(src.status().message().find(dir.path()), std::string::npos);
}

TEST(SourceTest, GzipRoundTripDetectedByMagicNotName) {
  TempDir dir;
  std::string data = RandomText(5 << 20, 2);
  std::string path = dir.File("looks-plain.txt", Gzip(data));
  auto src = OpenSource(path);
  ASSERT_TRUE(src.ok());
  EXPECT_TRUE((*src)->compressed());
  for (size_t chunk : {size_t{1} << 20, size_t{4093}}) {
    auto again = OpenSource(path);
    ASSERT_TRUE(again.ok());
    auto all = ReadAll(**again, chunk);
    ASSERT_TRUE(all.ok()) << all.status().ToString();
    EXPECT_EQ(*all, data);
  }
}

TEST(SourceTest, GzipOfEmptyInput) {
  TempDir dir;
  auto src = OpenSource(dir.File("empty.gz", Gzip("")));
  ASSERT_TRUE(src.ok());
  auto all = ReadAll(**src);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, "");
}

TEST(SourceTest, MultiMemberGzip) {
  TempDir dir;
  std::string a = RandomText(200000, 3);
  std::string b = RandomText(3 << 20, 4);
  std::string c = "tail without newline";
  auto src = OpenSource(dir.File("multi.gz", Gzip(a) + Gzip(b, 1) + Gzip("") + Gzip(c)));
  ASSERT_TRUE(src.ok());
  auto all = ReadAll(**src);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(*all, a + b + c);
}

TEST(SourceTest, GzipFollowedByZeroPaddingIsAccepted) {
  TempDir dir;
  auto src = OpenSource(dir.File("padded.gz", Gzip("hello\n") + std::string(512, '\0')));
  ASSERT_TRUE(src.ok());
  auto all = ReadAll(**src);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(*all, "hello\n");
}

TEST(SourceTest, TruncatedGzipIsCorruptionNotHang) {
  TempDir dir;
  std::string data = RandomText(1 << 20, 5);
  std::string gz = Gzip(data);
  auto t0 = std::chrono::steady_clock::now();
  for (size_t cut : {size_t{2}, size_t{5}, size_t{10}, size_t{11}, gz.size() / 3, gz.size() / 2, gz.size() - 8,
                     gz.size() - 4, gz.size() - 1}) {
    std::string path = dir.File("cut.gz", gz.substr(0, cut));
    auto src = OpenSource(path);
    ASSERT_TRUE(src.ok());
    auto all = ReadAll(**src);
    ASSERT_FALSE(all.ok()) << "cut at " << cut;
    EXPECT_EQ(all.status().code(), Status::Code::kCorruption);
    EXPECT_EQ(all.status().message(), path + ": truncated gzip stream");
    // The error sticks.
    char buf[16];
    EXPECT_FALSE((*src)->Read(buf, sizeof(buf)).ok());
  }
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(20));
}

TEST(SourceTest, CorruptGzipIsAnErrorNotACrash) {
  TempDir dir;
  std::string gz = Gzip(RandomText(100000, 6));
  std::mt19937 rng(7);
  for (int i = 0; i < 50; ++i) {
    std::string bad = gz;
    for (int k = 0; k < 4; ++k) bad[10 + rng() % (bad.size() - 10)] = static_cast<char>(rng());
    auto src = OpenSource(dir.File("bad.gz", bad));
    ASSERT_TRUE(src.ok());
    auto all = ReadAll(**src);  // usually fails; must end either way
    if (!all.ok()) {
      EXPECT_NE(all.status().message().find("bad.gz"), std::string::npos);
    }
  }
}

TEST(SourceTest, TrailingGarbageAfterGzipIsReported) {
  TempDir dir;
  auto src = OpenSource(dir.File("garbage.gz", Gzip("data\n") + "not gzip"));
  ASSERT_TRUE(src.ok());
  auto all = ReadAll(**src);
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.status().code(), Status::Code::kCorruption);
}

TEST(SourceTest, StdinIsNamedAndMayBeGzip) {
  TempDir dir;
  std::string data = RandomText(300000, 8);
  for (bool compress : {false, true}) {
    std::string path = dir.File("stdin", compress ? Gzip(data) : data);
    int saved = ::dup(STDIN_FILENO);
    FILE* f = std::fopen(path.c_str(), "rb");
    ASSERT_NE(f, nullptr);
    ASSERT_GE(::dup2(::fileno(f), STDIN_FILENO), 0);
    auto src = OpenSource("-");
    ASSERT_TRUE(src.ok());
    EXPECT_EQ((*src)->name(), "<stdin>");
    EXPECT_EQ((*src)->compressed(), compress);
    auto all = ReadAll(**src);
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
    std::fclose(f);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(*all, data);
  }
}

TEST(SourceTest, MemorySource) {
  auto src = MemorySource("mem", "abcdef");
  EXPECT_EQ(src->name(), "mem");
  EXPECT_FALSE(src->compressed());
  auto all = ReadAll(*src, 4);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, "abcdef");
  char c;
  EXPECT_EQ(src->Read(&c, 1).value(), 0u);
}

}  // namespace
}  // namespace custos::io
