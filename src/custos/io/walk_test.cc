#include "custos/io/walk.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

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
    std::string tmpl = (fs::temp_directory_path() / "custos-walk-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(path_, ec);
  }
  std::string Make(const std::string& rel, const std::string& data = "x\n") const {
    fs::path p = fs::path(path_) / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << data;
    return p.string();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::vector<std::string> Paths(const std::vector<WalkEntry>& entries) {
  std::vector<std::string> out;
  for (const WalkEntry& e : entries) out.push_back(e.path);
  return out;
}

TEST(ExpandPathsTest, WalksSortedWithoutFollowingDirectorySymlinks) {
  TempDir t;
  const std::string& d = t.path();
  t.Make("tree/b.log");
  t.Make("tree/a.csv");
  t.Make("tree/c/z.jsonl");
  t.Make("tree/c/a.txt");
  t.Make("tree/B.txt");
  t.Make("outside/secret.txt");
  fs::create_directories(d + "/tree/empty");
  fs::create_directory_symlink(d + "/outside", d + "/tree/link-dir");
  fs::create_directory_symlink(d + "/tree", d + "/tree/c/loop");
  fs::create_symlink(d + "/outside/secret.txt", d + "/tree/link-file.txt");
  ASSERT_EQ(::mkfifo((d + "/tree/fifo").c_str(), 0600), 0);

  auto entries = ExpandPaths({d + "/tree/", "-", d + "/outside/secret.txt"});
  for (const WalkEntry& e : entries) EXPECT_TRUE(e.error.ok()) << e.path << " " << e.error.ToString();
  EXPECT_EQ(Paths(entries), (std::vector<std::string>{
                                d + "/tree/B.txt",
                                d + "/tree/a.csv",
                                d + "/tree/b.log",
                                d + "/tree/c/a.txt",
                                d + "/tree/c/z.jsonl",
                                d + "/tree/link-file.txt",
                                "-",
                                d + "/outside/secret.txt",
                            }));
}

TEST(ExpandPathsTest, MissingPathIsAnEntryWithAnError) {
  TempDir t;
  std::string missing = t.path() + "/nope.csv";
  auto entries = ExpandPaths({missing});
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].path, missing);
  EXPECT_EQ(entries[0].error.code(), Status::Code::kIoError);
  EXPECT_NE(entries[0].error.message().find(missing), std::string::npos);
  EXPECT_NE(entries[0].error.message().find("No such file or directory"), std::string::npos);
}

TEST(ExpandPathsTest, DanglingSymlinkIsReported) {
  TempDir t;
  t.Make("d/a.txt");
  fs::create_symlink(t.path() + "/gone", t.path() + "/d/b-dangling");
  auto entries = ExpandPaths({t.path() + "/d"});
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_TRUE(entries[0].error.ok());
  EXPECT_EQ(entries[1].path, t.path() + "/d/b-dangling");
  EXPECT_FALSE(entries[1].error.ok());
}

TEST(ExpandPathsTest, UnreadableDirectoryIsReportedAndWalkGoesOn) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads everything";
  TempDir t;
  t.Make("d/a/x.txt");
  t.Make("d/b/locked.txt");
  t.Make("d/c/y.txt");
  fs::permissions(t.path() + "/d/b", fs::perms::none);
  auto entries = ExpandPaths({t.path() + "/d"});
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].path, t.path() + "/d/a/x.txt");
  EXPECT_EQ(entries[1].path, t.path() + "/d/b");
  EXPECT_EQ(entries[1].error.code(), Status::Code::kIoError);
  EXPECT_NE(entries[1].error.message().find("Permission denied"), std::string::npos);
  EXPECT_EQ(entries[2].path, t.path() + "/d/c/y.txt");
}

TEST(FormatFromNameTest, ByExtension) {
  EXPECT_EQ(FormatFromName("a.csv"), Format::kCsv);
  EXPECT_EQ(FormatFromName("dir.d/A.TSV"), Format::kCsv);
  EXPECT_EQ(FormatFromName("x.csv.gz"), Format::kCsv);
  EXPECT_EQ(FormatFromName("x.jsonl"), Format::kJsonl);
  EXPECT_EQ(FormatFromName("x.ndjson.GZ"), Format::kJsonl);
  EXPECT_EQ(FormatFromName("x.json"), Format::kJsonl);
  EXPECT_EQ(FormatFromName("x.log"), Format::kText);
  EXPECT_EQ(FormatFromName("x.gz"), Format::kText);
  EXPECT_EQ(FormatFromName("csv"), Format::kText);
  EXPECT_EQ(FormatFromName("x.csv/readme"), Format::kText);
  EXPECT_EQ(FormatFromName("-"), Format::kText);
}

TEST(LooksBinaryTest, Heuristics) {
  EXPECT_FALSE(LooksBinary(""));
  EXPECT_FALSE(LooksBinary("plain log line\twith tab\r\n"));
  EXPECT_TRUE(LooksBinary(std::string("ab\0cd", 5)));
  EXPECT_FALSE(LooksBinary("名前: 山田太郎, Jos\xC3\xA9, \xF0\x9F\x98\x80\n"));
  EXPECT_FALSE(LooksBinary("\x1b[31mred\x1b[0m log line with colour codes\n"));
  // Some bad bytes in text are still text.
  EXPECT_FALSE(LooksBinary("caf\xE9 latin-1 text with one bad byte\n"));
  std::mt19937 rng(3);
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise.push_back(static_cast<char>(1 + rng() % 255));
  EXPECT_TRUE(LooksBinary(noise));
  // Only the first 8 KiB count.
  EXPECT_FALSE(LooksBinary(std::string(8192, 'a') + std::string(100, '\0')));
  // A character cut by the end of the probe is not a bad byte.
  std::string cut(8191, 'a');
  cut += "\xE4";
  EXPECT_FALSE(LooksBinary(cut + "\xB8\xAD"));
  // Control bytes above 30% are binary.
  std::string ctl;
  for (int i = 0; i < 100; ++i) ctl += i % 3 == 0 ? "\x01" : "a";
  EXPECT_TRUE(LooksBinary(ctl));
}

}  // namespace
}  // namespace custos::io
