// custos scan: flags -> scan::Scanner -> findings / report on stdout, problems on stderr.
#include <unistd.h>

#include <cstdio>
#include <thread>

#include "custos/cli/commands.h"
#include "custos/cli/output.h"
#include "custos/scan/scanner.h"

namespace custos::cli {

namespace {

struct ScanFlags {
  std::vector<std::string> paths;
  std::string format = "text";
  int threads = 0;
  float min_confidence = 0.5f;
  bool show_values = false;
  std::string categories;
  std::string fail_on;
  std::string as_of;
  std::string delimiter;
  bool no_header = false;
  uint32_t context_window = 48;
  std::string output;
};

// "2024-06-01" -> 20240601.
bool ParseDate(const std::string& s, uint32_t& out) {
  unsigned y, m, d;
  char extra;
  if (std::sscanf(s.c_str(), "%4u-%2u-%2u%c", &y, &m, &d, &extra) != 3) return false;
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  out = y * 10000 + m * 100 + d;
  return true;
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t c = s.find(',', pos);
    std::string part = s.substr(pos, c == std::string::npos ? std::string::npos : c - pos);
    if (!part.empty()) out.push_back(part);
    if (c == std::string::npos) break;
    pos = c + 1;
  }
  return out;
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "custos scan: %s\n", message.c_str());
  return kExitError;
}

int RunScan(const ScanFlags& f) {
  scan::ScanOptions o;
  o.threads = f.threads > 0 ? f.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  o.detector.min_confidence = f.min_confidence;
  o.detector.context_window = f.context_window;
  o.show_values = f.show_values;
  o.csv_header = !f.no_header;
  if (f.format != "text" && f.format != "json" && f.format != "jsonl") {
    return Fail("--format must be text, json or jsonl, not '" + f.format + "'");
  }
  o.emit_findings = f.format == "jsonl";
  if (!f.as_of.empty() && !ParseDate(f.as_of, o.detector.as_of)) {
    return Fail("--as-of must be a date like 2024-06-01, not '" + f.as_of + "'");
  }
  for (const std::string& c : SplitComma(f.categories)) {
    auto cat = detect::ParseCategory(c);
    if (!cat) return Fail("--categories: unknown category '" + c + "'; valid: " + detect::CategoryList());
    o.detector.categories |= detect::Bit(*cat);
  }
  if (!f.delimiter.empty()) {
    if (f.delimiter == "\\t" || f.delimiter == "tab" || f.delimiter == "\t") {
      o.csv_delimiter = '\t';
    } else if (f.delimiter.size() == 1 && f.delimiter[0] != '"' && f.delimiter[0] != '\n' && f.delimiter[0] != '\r') {
      o.csv_delimiter = f.delimiter[0];
    } else {
      return Fail("--delimiter must be one character (or 'tab'), not '" + f.delimiter + "'");
    }
  }
  detect::CategorySet fail_set = 0;
  bool fail_sensitive = false;
  if (!f.fail_on.empty()) {
    for (const std::string& c : SplitComma(f.fail_on)) {
      if (c == "any") {
        fail_set = ~detect::CategorySet{0};
      } else if (c == "sensitive") {
        fail_sensitive = true;
      } else if (auto cat = detect::ParseCategory(c)) {
        fail_set |= detect::Bit(*cat);
      } else {
        return Fail("--fail-on: expected sensitive, any or a category, not '" + c + "'; categories: " +
                    detect::CategoryList());
      }
    }
  }

  auto scanner = scan::Scanner::Create(o);
  if (!scanner.ok()) return Fail(scanner.status().ToString());
  auto out = Output::Open(f.output);
  if (!out.ok()) return Fail(out.status().message());

  Status write_status;
  // Findings arrive a batch at a time (megabytes) or a small file at a time. Big pieces
  // are written as they are; small ones are gathered so that writes stay large.
  constexpr size_t kWriteSize = 1 << 20;
  std::string buffer;
  auto on_findings = [&](std::string_view jsonl) {
    if (!write_status.ok()) return;
    if (jsonl.size() < kWriteSize / 4) {
      if (buffer.empty()) buffer.reserve(kWriteSize);
      buffer.append(jsonl);
      if (buffer.size() < kWriteSize) return;
      jsonl = {};
    }
    if (!buffer.empty()) {  // what came before goes first
      write_status = out->Write(buffer);
      buffer.clear();
    }
    if (write_status.ok()) write_status = out->Write(jsonl);
  };
  auto on_problem = [](const std::string& file, const scan::Problem& p) {
    if (p.line > 0) {
      std::fprintf(stderr, "custos scan: %s:%llu: %s\n", file.c_str(), static_cast<unsigned long long>(p.line),
                   p.message.c_str());
    } else {
      std::fprintf(stderr, "custos scan: %s: %s\n", file.c_str(), p.message.c_str());
    }
  };
  scan::ScanReport report = (*scanner)->Scan(f.paths, on_findings, on_problem);
  for (const auto& file : report.files) {
    if (file.skipped) std::fprintf(stderr, "custos scan: note: %s: skipped (%s)\n", file.file.c_str(), file.skip_reason.c_str());
  }
  if (write_status.ok()) write_status = out->Write(buffer);
  if (write_status.ok()) {
    if (f.format == "text") write_status = out->Write(scan::RenderText(report));
    if (f.format == "json") write_status = out->Write(scan::RenderJson(report));
  }
  if (write_status.ok()) write_status = out->Commit();
  if (!write_status.ok()) return Fail(write_status.message());

  if (report.has_errors()) return kExitError;
  bool matched = false;
  for (int i = 0; i < detect::kCategoryCount; ++i) {
    if (report.totals[static_cast<size_t>(i)] == 0) continue;
    if (detect::Contains(fail_set, static_cast<detect::Category>(i))) matched = true;
  }
  if (fail_sensitive && report.found_sensitive()) matched = true;
  return matched ? kExitFound : kExitOk;
}

}  // namespace

void RegisterScan(CLI::App& app, Runner& run) {
  auto flags = std::make_shared<ScanFlags>();
  CLI::App* cmd = app.add_subcommand("scan", "Find personal information in files, directories, .gz and stdin ('-')");
  cmd->add_option("paths", flags->paths, "Files or directories to scan ('-' for stdin)")->required();
  cmd->add_option("--format", flags->format, "Output: text (report), json (report as JSON), jsonl (one finding per line)");
  cmd->add_option("-j,--threads", flags->threads, "Worker threads (default: all cores)")->check(CLI::Range(1, 256));
  cmd->add_option("--min-confidence", flags->min_confidence, "Drop findings below this confidence (default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--show-values", flags->show_values, "Print raw values and derived attributes (they are PI)");
  cmd->add_option("--categories", flags->categories, "Only these categories (comma-separated ids)");
  cmd->add_option("--fail-on", flags->fail_on, "Exit 1 if such PI is found: sensitive, any, or category ids");
  cmd->add_option("--as-of", flags->as_of, "Reference date for minor_under_14 (YYYY-MM-DD, default today)");
  cmd->add_option("--delimiter", flags->delimiter, "CSV delimiter (default: guessed; 'tab' for TSV)");
  cmd->add_flag("--no-header", flags->no_header, "CSV files have no header row");
  cmd->add_option("--context-window", flags->context_window, "Bytes around a candidate searched for context words")
      ->check(CLI::Range(0, 4096));
  cmd->add_option("-o,--output", flags->output, "Write to this file (atomically) instead of stdout");
  cmd->callback([flags, &run] { run = [flags] { return RunScan(*flags); }; });
}

void RegisterCategories(CLI::App& app, Runner& run) {
  CLI::App* cmd = app.add_subcommand("categories", "List the personal-information categories custos knows");
  cmd->callback([&run] {
    run = [] {
      std::printf("%-20s %-20s %-9s %s\n", "id", "group", "sensitive", "legal source");
      for (const auto& c : detect::AllCategories()) {
        std::printf("%-20.*s %-20.*s %-9s %.*s\n", static_cast<int>(c.id.size()), c.id.data(),
                    static_cast<int>(c.group.size()), c.group.data(), c.sensitive ? "yes" : "no",
                    static_cast<int>(c.legal_source.size()), c.legal_source.data());
      }
      return kExitOk;
    };
  });
}

}  // namespace custos::cli
