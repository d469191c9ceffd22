#include "custos/scan/scanner.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace custos::scan {
namespace {

namespace fs = std::filesystem;

class ScannerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("custos_scan_test_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& data) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << data;
    return p.string();
  }

  struct Run {
    ScanReport report;
    std::vector<nlohmann::json> findings;
    std::vector<std::string> problems;
  };

  Run Scan(const std::vector<std::string>& paths, int threads = 1, size_t batch = 1 << 20, size_t piece = 1 << 20) {
    ScanOptions o;
    o.threads = threads;
    o.emit_findings = true;
    o.show_values = true;
    o.batch_bytes = batch;
    o.max_piece = piece;
    o.detector.as_of = 20261129;
    auto s = Scanner::Create(o);
    EXPECT_TRUE(s.ok());
    Run run;
    std::string jsonl;
    run.report = (*s)->Scan(
        paths, [&](std::string_view t) { jsonl.append(t); },
        [&](const std::string& file, const Problem& p) { run.problems.push_back(file + ":" + std::to_string(p.line) + ": " + p.message); });
    size_t pos = 0;
    while (pos < jsonl.size()) {
      size_t nl = jsonl.find('\n', pos);
      run.findings.push_back(nlohmann::json::parse(jsonl.substr(pos, nl - pos)));
      pos = nl + 1;
    }
    return run;
  }

  fs::path dir_;
};

TEST_F(ScannerTest, TextFindingsCarryLineAndByteOffsets) {
  std::string f = Write("a.log", "first line\n客户手机13812345678谢谢\r\nmail zhang@example.com\n");
  Run r = Scan({f});
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0]["line"], 2);
  EXPECT_EQ(r.findings[0]["category"], "phone_number");
  EXPECT_EQ(r.findings[0]["start"], 12);  // "客户手机" is 12 bytes
  EXPECT_EQ(r.findings[0]["end"], 23);
  EXPECT_EQ(r.findings[0]["preview"], "138****5678");
  EXPECT_EQ(r.findings[1]["line"], 3);
  EXPECT_EQ(r.findings[1]["value"], "zhang@example.com");
  EXPECT_EQ(r.report.files[0].lines, 3u);
  EXPECT_TRUE(r.problems.empty());
}

TEST_F(ScannerTest, HugeLineIsScannedInPiecesWithoutLosingBoundaryFindings) {
  // A 3 MiB line with an e-mail every ~100 bytes; pieces of 64 KiB force ~50 cuts,
  // and at each some address straddles the cut or lies in the shared bytes.
  std::string line;
  int expected = 0;
  while (line.size() < (3u << 20)) {
    line.append(static_cast<size_t>(77 + expected % 13), 'x');
    line.append(" user" + std::to_string(expected) + "@example.com ");
    ++expected;
  }
  std::string f = Write("huge.log", "short 13812345678\n" + line + "\n");
  Run r = Scan({f}, 1, 1 << 20, 64 << 10);
  int emails = 0;
  int64_t last = -1;
  for (const auto& x : r.findings) {
    if (x["category"] != "email_address") continue;
    EXPECT_EQ(x["line"], 2);
    int64_t start = x["start"];
    EXPECT_GT(start, last);  // each reported once, in order
    last = start;
    std::string v = x["value"];
    EXPECT_EQ(line.substr(static_cast<size_t>(start), v.size()), v);
    ++emails;
  }
  EXPECT_EQ(emails, expected);
}

TEST_F(ScannerTest, CsvColumnsAreClassified) {
  std::string csv = "姓名,手机号,备注\n";
  for (int i = 0; i < 50; ++i) csv += "张伟,1381234" + std::to_string(1000 + i) + ",无\n";
  std::string f = Write("t.csv", csv);
  Run r = Scan({f});
  const FileReport& fr = r.report.files[0];
  EXPECT_EQ(fr.format, "csv");
  EXPECT_EQ(fr.lines, 50u);
  ASSERT_EQ(fr.columns.size(), 3u);
  EXPECT_TRUE(fr.columns[1].classified);
  EXPECT_EQ(fr.columns[1].classification, detect::Category::kPhoneNumber);
  EXPECT_FALSE(fr.columns[2].classified);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings[0]["column"], "姓名");
}

TEST_F(ScannerTest, JsonlFindingsCarryPaths) {
  std::string f = Write("e.jsonl", "{\"user\":{\"phones\":[\"13812345678\"]}}\n{bad json\n{\"mail\":\"a.b@example.com\"}\n");
  Run r = Scan({f});
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0]["path"], "$.user.phones[0]");
  EXPECT_EQ(r.findings[1]["line"], 3);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].find(":2: "), std::string::npos) << r.problems[0];
  EXPECT_TRUE(r.report.has_errors());
}

TEST_F(ScannerTest, PrettyPrintedJsonFileIsScannedAsText) {
  std::string f = Write("doc.json", "{\n  \"user\": {\n    \"phone\": \"13812345678\"\n  }\n}\n");
  Run r = Scan({f});
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.report.files[0].format, "text");
  EXPECT_FALSE(r.report.files[0].note.empty());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0]["line"], 3);
  // A .json file that is JSON Lines is read as such.
  std::string g = Write("lines.json", "{\"phone\":\"13812345678\"}\n{\"phone\":\"13912345678\"}\n");
  Run r2 = Scan({g});
  EXPECT_EQ(r2.report.files[0].format, "jsonl");
  EXPECT_EQ(r2.findings.size(), 2u);
}

TEST_F(ScannerTest, GzipDirectoriesBinaryAndMissingFiles) {
  std::string plain = "电话13812345678\n";
  std::string gz(256, '\0');
  uLongf n = static_cast<uLongf>(gz.size());
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  zs.next_in = reinterpret_cast<Bytef*>(plain.data());
  zs.avail_in = static_cast<uInt>(plain.size());
  zs.next_out = reinterpret_cast<Bytef*>(gz.data());
  zs.avail_out = static_cast<uInt>(n);
  ASSERT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  gz.resize(zs.total_out);
  deflateEnd(&zs);
  Write("d/x.log.gz", gz);
  Write("d/y.bin", std::string("\x00\x01\x02\x03 13812345678", 16));
  Run r = Scan({(dir_ / "d").string(), (dir_ / "missing.log").string()});
  ASSERT_EQ(r.report.files.size(), 3u);
  EXPECT_TRUE(r.report.files[0].compressed);
  EXPECT_EQ(r.report.files[0].counts[static_cast<size_t>(detect::Category::kPhoneNumber)], 1u);
  EXPECT_TRUE(r.report.files[1].skipped);
  EXPECT_FALSE(r.report.files[2].problems.empty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].find("missing.log"), std::string::npos);
}

TEST_F(ScannerTest, TruncatedGzipIsScannedUpToTheBreakThenReported) {
  std::string plain;
  for (int i = 0; i < 2000; ++i) plain += "line " + std::to_string(i) + " phone 13812345678\n";
  std::string gz(plain.size() + 1024, '\0');
  z_stream zs{};
  ASSERT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  zs.next_in = reinterpret_cast<Bytef*>(plain.data());
  zs.avail_in = static_cast<uInt>(plain.size());
  zs.next_out = reinterpret_cast<Bytef*>(gz.data());
  zs.avail_out = static_cast<uInt>(gz.size());
  ASSERT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  gz.resize(zs.total_out / 2);  // cut the stream in the middle
  deflateEnd(&zs);
  Run r = Scan({Write("cut.log.gz", gz)});
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].find("truncated"), std::string::npos) << r.problems[0];
  EXPECT_GT(r.findings.size(), 10u);  // what came before the break was scanned
  EXPECT_LT(r.findings.size(), 2000u);
}

TEST_F(ScannerTest, ThreadedOutputEqualsSingleThreaded) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "row " + std::to_string(i) + " 手机1381234" + std::to_string(1000 + i % 9000) + " ok\n";
  std::string f = Write("m.log", text);
  Run one = Scan({f}, 1, 4096);
  Run four = Scan({f}, 4, 4096);
  ASSERT_EQ(one.findings.size(), 20000u);
  EXPECT_EQ(one.findings, four.findings);
}

TEST_F(ScannerTest, ManySmallFilesInParallelGiveTheSameResultsInTheSameOrder) {
  for (int i = 0; i < 40; ++i) {
    std::string text;
    for (int k = 0; k <= i % 7; ++k) text += "f" + std::to_string(i) + " 手机1381234" + std::to_string(1000 + i * 10 + k) + "\n";
    Write("many/" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".log", text);
  }
  Write("many/bad.jsonl", "{not json\n");
  Run one = Scan({(dir_ / "many").string()}, 1);
  Run three = Scan({(dir_ / "many").string()}, 3);
  EXPECT_EQ(one.findings, three.findings);
  EXPECT_EQ(one.problems, three.problems);
  ASSERT_EQ(one.report.files.size(), three.report.files.size());
  for (size_t i = 0; i < one.report.files.size(); ++i) {
    EXPECT_EQ(one.report.files[i].file, three.report.files[i].file);
    EXPECT_EQ(one.report.files[i].total_findings(), three.report.files[i].total_findings());
  }
  EXPECT_EQ(one.findings.size(), 40u / 7 * 28 + 1 + 2 + 3 + 4 + 5);
}

TEST_F(ScannerTest, ReportsRenderAsTextAndValidJson) {
  std::string f = Write("r.csv", "身份证号\n110105199003071239\n");
  Run r = Scan({f});
  std::string text = RenderText(r.report);
  EXPECT_NE(text.find("cn_resident_id"), std::string::npos);
  EXPECT_EQ(text.find("110105199003071239"), std::string::npos);  // no values in reports
  auto doc = nlohmann::json::parse(RenderJson(r.report));
  EXPECT_EQ(doc["totals"]["cn_resident_id"], 1);
  EXPECT_EQ(doc["files"][0]["columns"][0]["classification"], "cn_resident_id");
}

}  // namespace
}  // namespace custos::scan
