#include "custos/cli/output.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace custos::cli {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class OutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("custos_output_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    target_ = dir_ / "report.json";
    std::ofstream(target_) << "old";
  }
  void TearDown() override { fs::remove_all(dir_); }
  size_t Entries() const { return static_cast<size_t>(std::distance(fs::directory_iterator(dir_), {})); }

  fs::path dir_, target_;
};

TEST_F(OutputTest, TargetKeepsOldContentUntilCommit) {
  auto out = Output::Open(target_.string());
  ASSERT_TRUE(out.ok());
  ASSERT_TRUE(out->Write("new content").ok());
  EXPECT_EQ(Read(target_), "old");  // written elsewhere meanwhile
  ASSERT_TRUE(out->Commit().ok());
  EXPECT_EQ(Read(target_), "new content");
  EXPECT_EQ(Entries(), 1u);  // no temporary left behind
}

TEST_F(OutputTest, AbandonedOutputLeavesTargetUntouchedAndNoTemporary) {
  {
    auto out = Output::Open(target_.string());
    ASSERT_TRUE(out.ok());
    ASSERT_TRUE(out->Write("half a report").ok());
  }  // destroyed without Commit, as when a run fails
  EXPECT_EQ(Read(target_), "old");
  EXPECT_EQ(Entries(), 1u);
}

TEST_F(OutputTest, UnwritableDirectoryIsAnErrorNamingThePath) {
  auto out = Output::Open((dir_ / "missing" / "r.json").string());
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("missing/r.json"), std::string::npos);
}

}  // namespace
}  // namespace custos::cli
