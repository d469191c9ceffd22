// Rendering a ScanReport for people (text) and for programs (one JSON document).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "custos/scan/scanner.h"

namespace custos::scan {

namespace {

using detect::Category;

std::string Bytes(uint64_t b) {
  if (b >= (1ull << 30)) return fmt::format("{:.1f} GiB", static_cast<double>(b) / (1ull << 30));
  if (b >= (1ull << 20)) return fmt::format("{:.1f} MiB", static_cast<double>(b) / (1ull << 20));
  if (b >= (1ull << 10)) return fmt::format("{:.1f} KiB", static_cast<double>(b) / (1ull << 10));
  return fmt::format("{} B", b);
}

void RenderCounts(std::string& out, const std::array<uint64_t, detect::kCategoryCount>& counts, uint64_t minors,
                  std::string_view indent) {
  for (int i = 0; i < detect::kCategoryCount; ++i) {
    uint64_t n = counts[static_cast<size_t>(i)];
    if (n == 0) continue;
    const auto& info = detect::Info(static_cast<Category>(i));
    out += fmt::format("{}{:<20} {:>10}  {}\n", indent, info.id, n,
                       info.sensitive ? "sensitive (PIPL art. 28)" : (info.group == "not personal" ? "not personal" : ""));
  }
  if (minors > 0) {
    out += fmt::format("{}{:<20} {:>10}  resident IDs of children under 14: all their PI is sensitive (PIPL art. 28, 31)\n",
                       indent, "minor_under_14", minors);
  }
}

}  // namespace

std::string RenderText(const ScanReport& report) {
  std::string out;
  uint64_t files = 0, skipped = 0, with_problems = 0;
  for (const auto& f : report.files) {
    ++files;
    skipped += f.skipped ? 1u : 0u;
    with_problems += f.problems.empty() ? 0u : 1u;
  }
  out += fmt::format("custos scan: {} file(s), {} in {:.2f} s", files, Bytes(report.bytes), report.seconds);
  if (report.seconds > 0 && report.bytes > 0) {
    out += fmt::format(" ({:.1f} MB/s)", static_cast<double>(report.bytes) / 1e6 / report.seconds);
  }
  out += "\n";
  for (const auto& f : report.files) {
    out += "\n" + f.file;
    if (f.skipped) {
      out += fmt::format("  (skipped: {})\n", f.skip_reason);
      continue;
    }
    const char* unit = f.format == "csv" ? "records" : (f.format == "jsonl" ? "documents" : "lines");
    out += fmt::format("  ({}{}, {} {}, {})\n", f.format, f.compressed ? ", gzip" : "", f.lines, unit, Bytes(f.bytes));
    if (!f.note.empty()) out += fmt::format("  note: {}\n", f.note);
    if (f.total_findings() == 0) out += "  no personal information found\n";
    RenderCounts(out, f.counts, f.minors_under_14, "  ");
    bool header = false;
    for (const auto& c : f.columns) {
      if (c.categories.empty()) continue;
      if (!header) {
        out += f.format == "csv" ? "  columns:\n" : "  fields:\n";
        header = true;
      }
      std::string cats;
      for (const auto& s : c.categories) {
        if (!cats.empty()) cats += ", ";
        cats += fmt::format("{} {:.0f}%", detect::Name(s.category), s.share * 100);
      }
      out += fmt::format("    {:<24} {}{}{}\n", c.name,
                         c.classified ? fmt::format("=> {}  [", detect::Name(c.classification)) : std::string("[ "),
                         cats, c.sensitive ? "]  sensitive" : "]");
    }
    for (const auto& p : f.problems) {
      if (p.line > 0) {
        out += fmt::format("  error: line {}: {}\n", p.line, p.message);
      } else {
        out += fmt::format("  error: {}\n", p.message);
      }
    }
  }
  out += "\nTotals:\n";
  bool any = false;
  for (auto n : report.totals) any = any || n > 0;
  if (!any) out += "  no personal information found\n";
  RenderCounts(out, report.totals, report.minors_under_14, "  ");
  if (skipped > 0) out += fmt::format("  {} file(s) skipped\n", skipped);
  if (with_problems > 0) out += fmt::format("  {} file(s) with errors (see above)\n", with_problems);
  return out;
}

std::string RenderJson(const ScanReport& report) {
  using nlohmann::ordered_json;
  auto counts = [](const std::array<uint64_t, detect::kCategoryCount>& c) {
    ordered_json o = ordered_json::object();
    for (int i = 0; i < detect::kCategoryCount; ++i) {
      if (c[static_cast<size_t>(i)] > 0) o[std::string(detect::Name(static_cast<Category>(i)))] = c[static_cast<size_t>(i)];
    }
    return o;
  };
  ordered_json doc;
  doc["version"] = 1;
  doc["bytes"] = report.bytes;
  doc["elapsed_seconds"] = report.seconds;
  ordered_json files = ordered_json::array();
  for (const auto& f : report.files) {
    ordered_json jf;
    jf["file"] = f.file;
    jf["format"] = f.format;
    jf["compressed"] = f.compressed;
    if (f.skipped) jf["skipped"] = f.skip_reason;
    if (!f.note.empty()) jf["note"] = f.note;
    jf["bytes"] = f.bytes;
    jf[f.format == "csv" ? "records" : (f.format == "jsonl" ? "documents" : "lines")] = f.lines;
    jf["findings"] = counts(f.counts);
    jf["minor_under_14"] = f.minors_under_14;
    ordered_json cols = ordered_json::array();
    for (const auto& c : f.columns) {
      ordered_json jc;
      jc[f.format == "csv" ? "column" : "path"] = c.name;
      jc["values"] = c.values;
      jc["name_hint"] = c.hinted;
      jc["classification"] = c.classified ? ordered_json(std::string(detect::Name(c.classification))) : ordered_json();
      jc["sensitive"] = c.sensitive;
      ordered_json cats = ordered_json::array();
      for (const auto& s : c.categories) {
        cats.push_back({{"category", std::string(detect::Name(s.category))},
                        {"rows", s.rows},
                        {"share", std::round(s.share * 10000) / 10000}});
      }
      jc["categories"] = std::move(cats);
      cols.push_back(std::move(jc));
    }
    if (!cols.empty()) jf[f.format == "csv" ? "columns" : "fields"] = std::move(cols);
    ordered_json errs = ordered_json::array();
    for (const auto& p : f.problems) {
      ordered_json e;
      if (p.line > 0) e["line"] = p.line;
      e["message"] = p.message;
      errs.push_back(std::move(e));
    }
    jf["errors"] = std::move(errs);
    files.push_back(std::move(jf));
  }
  doc["files"] = std::move(files);
  doc["totals"] = counts(report.totals);
  doc["minor_under_14"] = report.minors_under_14;
  ordered_json sens = ordered_json::array();
  for (int i = 0; i < detect::kCategoryCount; ++i) {
    if (report.totals[static_cast<size_t>(i)] > 0 && detect::Info(static_cast<Category>(i)).sensitive) {
      sens.push_back(std::string(detect::Name(static_cast<Category>(i))));
    }
  }
  doc["sensitive_categories"] = std::move(sens);
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace custos::scan
