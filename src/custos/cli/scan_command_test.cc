// End-to-end: the custos binary on the bundled examples and on bad input.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>
#include <string>

namespace {

struct Result {
  int code;
  std::string out;
};

Result RunCustos(const std::string& args) {
  std::string cmd = std::string(CUSTOS_BINARY) + " " + args + " 2>/dev/null";
  Result r{0, ""};
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return {-1, ""};
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string Examples() { return std::string(CUSTOS_SOURCE_DIR) + "/examples"; }

std::vector<nlohmann::json> Lines(const std::string& s) {
  std::vector<nlohmann::json> v;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    v.push_back(nlohmann::json::parse(s.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  return v;
}

TEST(ScanCommandTest, JsonlOverExamplesHasTheContractKeysAndNoValues) {
  Result r = RunCustos("scan --format jsonl --as-of 2026-11-29 " + Examples());
  ASSERT_EQ(r.code, 0);
  auto findings = Lines(r.out);
  ASSERT_GT(findings.size(), 20u);
  std::set<std::string> categories;
  bool saw_minor = false;
  for (const auto& f : findings) {
    for (const char* key : {"file", "line", "start", "end", "category", "confidence", "recognizer", "preview"}) {
      EXPECT_TRUE(f.contains(key)) << key << " missing in " << f.dump();
    }
    EXPECT_FALSE(f.contains("value"));
    categories.insert(f["category"]);
    if (f.contains("attributes") && f["attributes"].value("minor_under_14", false)) saw_minor = true;
    if (std::string(f["file"]).ends_with(".csv")) {
      EXPECT_TRUE(f.contains("column"));
    }
    if (std::string(f["file"]).ends_with(".jsonl")) {
      EXPECT_TRUE(f.contains("path"));
    }
  }
  for (const char* c : {"cn_resident_id", "phone_number", "email_address", "bank_card_number", "ip_address"}) {
    EXPECT_TRUE(categories.count(c)) << c;
  }
  EXPECT_TRUE(saw_minor);
  EXPECT_EQ(r.out.find("zhang.wei@example.com"), std::string::npos);
}

TEST(ScanCommandTest, ShowValuesPrintsValues) {
  Result r = RunCustos("scan --format jsonl --show-values " + Examples() + "/app.log");
  ASSERT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("\"value\":\"zhang.wei@example.com\""), std::string::npos);
}

TEST(ScanCommandTest, FailOnAndExitCodes) {
  EXPECT_EQ(RunCustos("scan --fail-on sensitive " + Examples()).code, 1);
  EXPECT_EQ(RunCustos("scan --fail-on iban " + Examples() + "/customers.csv").code, 0);
  EXPECT_EQ(RunCustos("scan --fail-on nonsense " + Examples()).code, 2);
  EXPECT_EQ(RunCustos("scan /nonexistent/file.log").code, 2);
  EXPECT_EQ(RunCustos("scan --categories phone " + Examples()).code, 2);
  EXPECT_EQ(RunCustos("scan --format yaml " + Examples()).code, 2);
}

TEST(ScanCommandTest, JsonReportParses) {
  Result r = RunCustos("scan --format json " + Examples());
  ASSERT_EQ(r.code, 0);
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_GT(doc["totals"]["cn_resident_id"].get<int>(), 0);
  bool skipped_binary = false;
  for (const auto& f : doc["files"]) skipped_binary |= f.contains("skipped");
  EXPECT_TRUE(skipped_binary);
}

TEST(ScanCommandTest, OutputFileIsWrittenAtomically) {
  auto dir = std::filesystem::temp_directory_path() / "custos_cli_out_test";
  std::filesystem::create_directories(dir);
  std::string out = (dir / "report.json").string();
  Result r = RunCustos("scan --format json -o " + out + " " + Examples() + "/app.log");
  ASSERT_EQ(r.code, 0);
  std::ifstream in(out);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(nlohmann::json::accept(text));
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(e.path().filename().string().find(".tmp."), std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

TEST(ScanCommandTest, StdinIsScanned) {
  std::string cmd = std::string("printf '手机13812345678\\n' | ") + CUSTOS_BINARY + " scan --format jsonl -";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::array<char, 4096> buf;
  std::string out(buf.data(), fread(buf.data(), 1, buf.size(), p));
  EXPECT_EQ(pclose(p), 0);
  EXPECT_NE(out.find("\"file\":\"<stdin>\""), std::string::npos);
  EXPECT_NE(out.find("phone_number"), std::string::npos);
}

}  // namespace
