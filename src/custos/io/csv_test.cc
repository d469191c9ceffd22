#include "custos/io/csv.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace custos::io {
namespace {

struct Rec {
  uint64_t line;
  std::vector<std::string> values;
  std::vector<uint64_t> lines;
};

struct Parsed {
  std::vector<std::string> header;
  char delimiter = 0;
  std::vector<Rec> records;
  std::vector<CsvIssue> issues;
};

Parsed Parse(const std::string& text, CsvOptions options = {}) {
  auto src = MemorySource("mem.csv", text);
  CsvReader reader(*src, options);
  Parsed out;
  Status s = reader.Start();
  EXPECT_TRUE(s.ok()) << s.ToString();
  out.header = reader.header();
  out.delimiter = reader.delimiter();
  CsvBatch batch;
  for (int guard = 0; guard < 1000000; ++guard) {
    StatusOr<bool> more = reader.NextBatch(batch, out.issues);
    EXPECT_TRUE(more.ok());
    if (!more.ok() || !*more) break;
    for (const CsvRecord& r : batch.records) {
      Rec rec{r.line, {}, {}};
      for (uint32_t i = 0; i < r.field_count; ++i) {
        const CsvField& f = batch.fields[r.first_field + i];
        EXPECT_GE(f.value.data(), batch.storage.data());
        EXPECT_LE(f.value.data() + f.value.size(), batch.storage.data() + batch.storage.size());
        rec.values.emplace_back(f.value);
        rec.lines.push_back(f.line);
      }
      out.records.push_back(std::move(rec));
    }
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(CsvReaderTest, HeaderAndRecords) {
  Parsed p = Parse("name,email,phone\nAda,ada@example.com,555\nBob,,\n");
  EXPECT_EQ(p.delimiter, ',');
  EXPECT_EQ(p.header, (Strings{"name", "email", "phone"}));
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_EQ(p.records[0].values, (Strings{"Ada", "ada@example.com", "555"}));
  EXPECT_EQ(p.records[0].line, 2u);
  EXPECT_EQ(p.records[1].values, (Strings{"Bob", "", ""}));
  EXPECT_EQ(p.records[1].line, 3u);
  EXPECT_TRUE(p.issues.empty());
}

TEST(CsvReaderTest, CrlfAndNoFinalNewline) {
  Parsed p = Parse("a,b\r\n1,2\r\n3,4");
  EXPECT_EQ(p.header, (Strings{"a", "b"}));
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_EQ(p.records[0].values, (Strings{"1", "2"}));
  EXPECT_EQ(p.records[1].values, (Strings{"3", "4"}));
  EXPECT_EQ(p.records[1].line, 3u);
}

TEST(CsvReaderTest, BomIsStripped) {
  Parsed p = Parse("\xEF\xBB\xBFid;name\n1;x\n");
  EXPECT_EQ(p.delimiter, ';');
  EXPECT_EQ(p.header, (Strings{"id", "name"}));
  CsvOptions o;
  o.has_header = false;
  Parsed q = Parse("\xEF\xBB\xBF" "a,b\n", o);
  ASSERT_EQ(q.records.size(), 1u);
  EXPECT_EQ(q.records[0].values, (Strings{"a", "b"}));
}

TEST(CsvReaderTest, QuotedFieldsWithEscapesAndNewlines) {
  Parsed p = Parse(
      "id,note,city\n"
      "1,\"says \"\"hi\"\"\",Paris\n"
      "2,\"line one\nline two\r\nline three\",\"Rome, IT\"\n"
      "3,plain,\"\"\n");
  ASSERT_EQ(p.records.size(), 3u);
  EXPECT_EQ(p.records[0].values, (Strings{"1", "says \"hi\"", "Paris"}));
  EXPECT_EQ(p.records[1].values, (Strings{"2", "line one\nline two\r\nline three", "Rome, IT"}));
  EXPECT_EQ(p.records[1].line, 3u);
  EXPECT_EQ(p.records[1].lines, (std::vector<uint64_t>{3, 3, 5}));
  EXPECT_EQ(p.records[2].line, 6u);
  EXPECT_EQ(p.records[2].values, (Strings{"3", "plain", ""}));
  EXPECT_TRUE(p.issues.empty());
}

TEST(CsvReaderTest, UnterminatedQuoteAtEndIsAnIssueAndTheRecordIsKept) {
  Parsed p = Parse("a,b\n1,2\n3,\"secret value\nmore secret\n");
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_EQ(p.records[1].values, (Strings{"3", "secret value\nmore secret\n"}));
  ASSERT_EQ(p.issues.size(), 1u);
  EXPECT_EQ(p.issues[0].line, 3u);
  EXPECT_EQ(p.issues[0].line, 3u);
  EXPECT_EQ(p.issues[0].message, "unterminated quoted field");
}

TEST(CsvReaderTest, GuessesDelimiter) {
  EXPECT_EQ(Parse("a\tb\tc\n1\t2\t3\n").delimiter, '\t');
  EXPECT_EQ(Parse("a;b;c\n").delimiter, ';');
  EXPECT_EQ(Parse("a|b|c,d\n").delimiter, '|');
  EXPECT_EQ(Parse("\"x,y,z\";\"w\"\n").delimiter, ';');  // commas inside quotes do not count
  EXPECT_EQ(Parse("single\n").delimiter, ',');
  EXPECT_EQ(Parse("").delimiter, ',');
}

TEST(CsvReaderTest, TsvWithExplicitDelimiter) {
  CsvOptions o;
  o.delimiter = '\t';
  Parsed p = Parse("name\tphone\nA, B\t555 0100\n", o);
  EXPECT_EQ(p.header, (Strings{"name", "phone"}));
  ASSERT_EQ(p.records.size(), 1u);
  EXPECT_EQ(p.records[0].values, (Strings{"A, B", "555 0100"}));
}

TEST(CsvReaderTest, DifferentFieldCountsAndBlankLines) {
  Parsed p = Parse("a,b,c\n1\n\n\r\n1,2,3,4\n5,\n");
  ASSERT_EQ(p.records.size(), 3u);
  EXPECT_EQ(p.records[0].values, (Strings{"1"}));
  EXPECT_EQ(p.records[1].values, (Strings{"1", "2", "3", "4"}));
  EXPECT_EQ(p.records[1].line, 5u);
  EXPECT_EQ(p.records[2].values, (Strings{"5", ""}));
  EXPECT_TRUE(p.issues.empty());
}

TEST(CsvReaderTest, NoHeader) {
  CsvOptions o;
  o.has_header = false;
  Parsed p = Parse("1,2\n3,4\n", o);
  EXPECT_TRUE(p.header.empty());
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_EQ(p.records[0].line, 1u);
}

TEST(CsvReaderTest, OverlongRecordIsSkippedToTheNextLine) {
  CsvOptions o;
  o.max_record_bytes = 100;
  std::string big(5000, 'z');
  Parsed p = Parse("a,b\n1,2\n3," + big + "\n4,5\n6,\"" + big + "\nstill quoted\n7,8\n", o);
  ASSERT_EQ(p.issues.size(), 2u);
  EXPECT_EQ(p.issues[0].line, 3u);
  EXPECT_EQ(p.issues[0].line, 3u);
  EXPECT_EQ(p.issues[0].message.find("zzz"), std::string::npos);
  EXPECT_EQ(p.issues[1].line, 5u);
  ASSERT_EQ(p.records.size(), 4u);
  EXPECT_EQ(p.records[0].values, (Strings{"1", "2"}));
  EXPECT_EQ(p.records[1].values, (Strings{"4", "5"}));
  EXPECT_EQ(p.records[1].line, 4u);
  EXPECT_EQ(p.records[2].values, (Strings{"still quoted"}));  // resynchronised at the next line
  EXPECT_EQ(p.records[2].line, 6u);
  EXPECT_EQ(p.records[3].values, (Strings{"7", "8"}));
  EXPECT_EQ(p.records[3].line, 7u);
}

TEST(CsvReaderTest, LenientAboutStrayQuotes) {
  Parsed p = Parse("a,b\nab\"c,\"x\"y\n");
  ASSERT_EQ(p.records.size(), 1u);
  EXPECT_EQ(p.records[0].values, (Strings{"ab\"c", "xy"}));
}

TEST(CsvReaderTest, TrailingCarriageReturnAtEnd) {
  Parsed p = Parse("a,b\n1,2\r");
  ASSERT_EQ(p.records.size(), 1u);
  EXPECT_EQ(p.records[0].values, (Strings{"1", "2"}));
}

// Serialises random records and parses them back at many batch sizes.
TEST(CsvReaderTest, RandomRoundTrip) {
  std::mt19937 rng(1234);
  const std::string alphabet = "ab ,;\"\n\r\t|x\xC3\xA9";
  for (int round = 0; round < 300; ++round) {
    const char delim = ",;\t|"[rng() % 4];
    const bool crlf = rng() % 2 == 0;
    std::vector<Strings> records;
    std::vector<uint64_t> lines;
    std::string text;
    uint64_t line = 1;
    size_t n = 1 + rng() % 30;
    for (size_t r = 0; r < n; ++r) {
      Strings rec;
      size_t fields = 1 + rng() % 5;
      std::string row;
      uint64_t start = line;
      for (size_t f = 0; f < fields; ++f) {
        std::string v;
        size_t len = rng() % 8;
        for (size_t i = 0; i < len; ++i) v.push_back(alphabet[rng() % alphabet.size()]);
        if (r == 0 && f == 0 && v.empty()) v = "h";
        if (fields == 1 && v.empty()) v = "e";  // a lone empty field is a blank line
        bool quote = v.find_first_of(std::string("\"\n\r") + delim) != std::string::npos || rng() % 4 == 0;
        if (f > 0) row.push_back(delim);
        if (quote) {
          row.push_back('"');
          for (char c : v) {
            if (c == '"') row.push_back('"');
            if (c == '\n') ++line;
            row.push_back(c);
          }
          row.push_back('"');
        } else {
          row += v;
        }
        rec.push_back(v);
      }
      text += row + (crlf ? "\r\n" : "\n");
      ++line;
      records.push_back(rec);
      lines.push_back(start);
    }
    for (size_t batch : {size_t{1}, size_t{17}, size_t{1} << 20}) {
      CsvOptions o;
      o.has_header = false;
      o.delimiter = delim;
      o.batch_bytes = batch;
      Parsed p = Parse(text, o);
      ASSERT_EQ(p.records.size(), records.size()) << round;
      for (size_t i = 0; i < records.size(); ++i) {
        EXPECT_EQ(p.records[i].values, records[i]) << round << " " << i;
        EXPECT_EQ(p.records[i].line, lines[i]) << round << " " << i;
      }
      EXPECT_TRUE(p.issues.empty());
    }
  }
}

}  // namespace
}  // namespace custos::io
