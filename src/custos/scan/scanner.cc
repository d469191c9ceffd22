#include "custos/scan/scanner.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <cstring>
#include <map>
#include <unordered_map>
#include <utility>

#include "custos/base/json_text.h"
#include "custos/io/csv.h"
#include "custos/io/jsonl.h"
#include "custos/io/lines.h"
#include "custos/io/source.h"
#include "custos/io/walk.h"
#include "custos/scan/finding_jsonl.h"
#include "custos/scan/pipeline.h"

namespace custos::scan {

namespace {

using detect::Category;
using detect::kCategoryCount;
using Counts = std::array<uint64_t, kCategoryCount>;

struct ColumnStats {
  uint64_t values = 0;
  Counts rows{};
};

// Everything a worker produces from one batch, merged in input order.
struct Result {
  TextBuffer jsonl;
  Counts counts{};
  uint64_t minors = 0;
  std::vector<ColumnStats> columns;                        // CSV, by column index
  std::unordered_map<std::string, ColumnStats> paths;      // JSONL, by generalised path
  std::vector<Problem> problems;
  uint64_t units = 0;  // records or documents in the batch

  // Readies the result for the next batch, keeping its memory (the findings buffer
  // grows to a few MB once instead of once per batch).
  void Clear() {
    jsonl.clear();
    counts = {};
    minors = 0;
    columns.clear();
    paths.clear();
    problems.clear();
    units = 0;
  }
};

// Serves the first bytes again after they were peeked at, and counts bytes read.
class PeekingSource final : public io::ByteSource {
 public:
  explicit PeekingSource(std::unique_ptr<io::ByteSource> inner) : inner_(std::move(inner)) {}
  // Reads up to n bytes ahead. A read error is kept and returned by Read once the
  // bytes before it have been served (a truncated gzip file is still scanned up to
  // where it breaks).
  void Peek(size_t n) {
    head_.resize(n);
    size_t got = 0;
    while (got < n) {
      auto r = inner_->Read(head_.data() + got, n - got);
      if (!r.ok()) {
        deferred_ = r.status();
        break;
      }
      if (*r == 0) break;
      got += *r;
    }
    head_.resize(got);
  }
  std::string_view head() const { return head_; }
  StatusOr<size_t> Read(char* buf, size_t n) override {
    if (pos_ < head_.size()) {
      size_t k = std::min(n, head_.size() - pos_);
      std::memcpy(buf, head_.data() + pos_, k);
      pos_ += k;
      bytes_ += k;
      return k;
    }
    if (!deferred_.ok()) return std::exchange(deferred_, Status::Ok());
    auto r = inner_->Read(buf, n);
    if (r.ok()) bytes_ += *r;
    return r;
  }
  const std::string& name() const override { return inner_->name(); }
  bool compressed() const override { return inner_->compressed(); }
  uint64_t bytes() const { return bytes_; }

 private:
  std::unique_ptr<io::ByteSource> inner_;
  std::string head_;
  Status deferred_;
  size_t pos_ = 0;
  uint64_t bytes_ = 0;
};


// Per-file constants shared by the workers.
struct FileContext {
  std::string file_json;  // the file name, already JSON-quoted
  std::string prefix;     // {"file":"...","line":
  const detect::Detector* detector = nullptr;
  const ScanOptions* options = nullptr;
  FindingFormat format;  // refers to prefix and to the scanner's FindingTexts
  std::vector<std::string> column_json;  // CSV: ,"column":"name" per column
  std::vector<detect::FieldHints> column_hints;
};

struct WorkerState {
  std::unique_ptr<detect::Scratch> scratch;
  std::vector<detect::Finding> findings;
  std::map<std::string, detect::CategorySet, std::less<>> path_hints;  // JSONL key -> hints
};

// Scans one value; updates counts and (optionally) the per-column stats.
// Returns the set of categories found in it. `field_json()` gives the value's
// ,"column":… / ,"path":… text; it is asked for only when a finding is written.
template <typename FieldJson>
detect::CategorySet ScanValue(const FileContext& ctx, WorkerState& ws, Result& r, std::string_view value,
                              const detect::FieldHints& hints, uint64_t line, uint64_t base, uint32_t keep_from,
                              uint32_t drop_from, FieldJson&& field_json) {
  ws.findings.clear();
  ctx.detector->Scan(value, hints, *ws.scratch, ws.findings);
  detect::CategorySet found = 0;
  for (const detect::Finding& f : ws.findings) {
    if (f.start < keep_from || f.start >= drop_from) continue;  // the neighbouring piece reports it
    found |= detect::Bit(f.category);
    ++r.counts[static_cast<size_t>(f.category)];
    if (f.attributes.has_minor_flag && f.attributes.minor_under_14) ++r.minors;
    if (ctx.options->emit_findings) {
      AppendFinding(r.jsonl, ctx.format, line, base, f, value.substr(f.start, f.end - f.start), field_json());
    }
  }
  return found;
}

// Problems are printed as "FILE:LINE: message"; io's Status messages stand alone and
// start with the file name, which would then appear twice.
std::string WithoutFile(std::string message, std::string_view file) {
  if (!file.empty() && message.size() > file.size() + 2 && message.compare(0, file.size(), file) == 0 &&
      message.compare(file.size(), 2, ": ") == 0) {
    message.erase(0, file.size() + 2);
  }
  return message;
}

// Whether the first non-empty line of `head` is a complete JSON value on its own.
bool FirstLineIsJson(std::string_view head) {
  size_t start = 0;
  while (start < head.size()) {
    size_t nl = head.find('\n', start);
    if (nl == std::string_view::npos) {
      if (head.size() >= 8192) return true;  // a line longer than the head: let the reader decide
      nl = head.size();
    }
    std::string_view line = head.substr(start, nl - start);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      start = nl + 1;
      continue;
    }
    auto src = io::MemorySource("head", std::string(line));
    io::JsonlReader reader(*src);
    io::JsonBatch batch;
    std::vector<io::JsonIssue> issues;
    auto more = reader.NextBatch(batch, issues);
    return more.ok() && issues.empty();
  }
  return true;
}

void CountRows(ColumnStats& cs, detect::CategorySet found) {
  ++cs.values;
  while (found != 0) {
    int bit = __builtin_ctz(found);
    ++cs.rows[static_cast<size_t>(bit)];
    found &= found - 1;
  }
}

std::string_view LastKey(std::string_view path) {
  // "$.user.phones[0]" -> "phones"; "$[\"a.b\"]" -> "a.b" (approximately).
  while (!path.empty() && path.back() == ']') {
    size_t open = path.rfind('[');
    if (open == std::string_view::npos) break;
    std::string_view inside = path.substr(open + 1, path.size() - open - 2);
    if (!inside.empty() && inside.front() == '"') return inside.substr(1, inside.size() >= 2 ? inside.size() - 2 : 0);
    path = path.substr(0, open);
  }
  size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

void Merge(FileReport& fr, Result& r, std::vector<ColumnStats>& columns,
           std::map<std::string, ColumnStats>& paths) {
  for (size_t i = 0; i < fr.counts.size(); ++i) fr.counts[i] += r.counts[i];
  fr.minors_under_14 += r.minors;
  if (columns.size() < r.columns.size()) columns.resize(r.columns.size());
  for (size_t c = 0; c < r.columns.size(); ++c) {
    columns[c].values += r.columns[c].values;
    for (size_t i = 0; i < kCategoryCount; ++i) columns[c].rows[i] += r.columns[c].rows[i];
  }
  for (auto& [k, v] : r.paths) {
    ColumnStats& cs = paths[k];
    cs.values += v.values;
    for (size_t i = 0; i < kCategoryCount; ++i) cs.rows[i] += v.rows[i];
  }
  for (auto& p : r.problems) fr.problems.push_back(std::move(p));
  fr.lines += r.units;
}

ColumnReport Classify(std::string name, const ColumnStats& cs, detect::CategorySet hinted) {
  ColumnReport c;
  c.name = std::move(name);
  c.values = cs.values;
  c.hinted = hinted != 0;
  for (size_t i = 0; i < kCategoryCount; ++i) {
    if (cs.rows[i] == 0 || cs.values == 0) continue;
    double share = static_cast<double>(cs.rows[i]) / static_cast<double>(cs.values);
    if (share < 0.01) continue;
    c.categories.push_back(CategoryShare{static_cast<Category>(i), cs.rows[i], share});
  }
  std::sort(c.categories.begin(), c.categories.end(),
            [](const CategoryShare& a, const CategoryShare& b) { return a.rows > b.rows; });
  if (!c.categories.empty()) {
    const CategoryShare& top = c.categories.front();
    if (top.share >= 0.5 || (top.share >= 0.3 && detect::Contains(hinted, top.category))) {
      c.classified = true;
      c.classification = top.category;
    }
  }
  for (const auto& s : c.categories) {
    if (detect::Info(s.category).sensitive && (s.share >= 0.05 || (c.classified && c.classification == s.category))) {
      c.sensitive = true;
    }
  }
  return c;
}

}  // namespace

uint64_t FileReport::total_findings() const {
  uint64_t n = 0;
  for (auto c : counts) n += c;
  return n;
}

bool ScanReport::has_errors() const {
  for (const auto& f : files) {
    if (!f.problems.empty()) return true;
  }
  return false;
}

bool ScanReport::found_sensitive() const {
  for (int i = 0; i < kCategoryCount; ++i) {
    if (totals[static_cast<size_t>(i)] > 0 && detect::Info(static_cast<Category>(i)).sensitive) return true;
  }
  return minors_under_14 > 0;
}

struct Scanner::Impl {
  ScanOptions options;
  std::unique_ptr<detect::Detector> detector;
  std::unique_ptr<FindingTexts> finding_texts;
  std::vector<WorkerState> workers;

  // Scans one entry into `fr` (problems included) with `threads` workers starting at
  // workers[worker_base]; findings go to on_findings in order.
  void ScanEntry(const io::WalkEntry& e, FileReport& fr, const Scanner::FindingsCallback& on_findings,
                 int worker_base, int threads);
  void ScanFile(const std::string& path, FileReport& fr, const Scanner::FindingsCallback& on_findings,
                int worker_base, int threads);
  // Many small files: whole files in parallel, one per worker, reported in order.
  void ScanSmallFiles(const std::vector<io::WalkEntry>& entries, size_t begin, size_t end,
                      const std::function<void(FileReport&, std::string&)>& finish);
  Status ScanText(PeekingSource& src, FileContext& ctx, FileReport& fr, const Scanner::FindingsCallback& emit,
                  int worker_base, int threads);
  Status ScanCsv(PeekingSource& src, FileContext& ctx, FileReport& fr, const Scanner::FindingsCallback& emit,
                 int worker_base, int threads);
  Status ScanJsonl(PeekingSource& src, FileContext& ctx, FileReport& fr, const Scanner::FindingsCallback& emit,
                   int worker_base, int threads);
};

Scanner::Scanner(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Scanner::~Scanner() = default;

StatusOr<std::unique_ptr<Scanner>> Scanner::Create(const ScanOptions& options) {
  if (options.threads < 1 || options.threads > 256) return Status::InvalidArgument("threads must be between 1 and 256");
  auto det = detect::Detector::Create(options.detector);
  if (!det.ok()) return det.status();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->detector = std::move(det).value();
  impl->workers.resize(static_cast<size_t>(options.threads));
  impl->finding_texts = std::make_unique<FindingTexts>(*impl->detector);
  for (auto& w : impl->workers) w.scratch = impl->detector->NewScratch();
  return std::unique_ptr<Scanner>(new Scanner(std::move(impl)));
}

namespace {

// Files up to this size are scanned whole by one worker while other workers take other
// files; bigger ones are split into batches across all workers.
constexpr uintmax_t kSmallFileBytes = 4 << 20;

bool IsSmallFile(const io::WalkEntry& e) {
  if (!e.error.ok()) return true;
  if (e.path == "-") return false;
  std::error_code ec;
  const auto status = std::filesystem::status(e.path, ec);
  if (ec || !std::filesystem::is_regular_file(status)) return false;
  const uintmax_t size = std::filesystem::file_size(e.path, ec);
  return !ec && size <= kSmallFileBytes;
}

}  // namespace

ScanReport Scanner::Scan(const std::vector<std::string>& paths, const FindingsCallback& on_findings,
                         const ProblemCallback& on_problem) {
  const auto t0 = std::chrono::steady_clock::now();
  ScanReport report;
  // Problems and findings reach the callbacks in input order, one file after another.
  auto finish = [&](FileReport& fr, std::string& buffered) {
    if (!buffered.empty()) on_findings(buffered);
    for (const Problem& p : fr.problems) on_problem(fr.file, p);
    for (size_t i = 0; i < report.totals.size(); ++i) report.totals[i] += fr.counts[i];
    report.bytes += fr.bytes;
    report.minors_under_14 += fr.minors_under_14;
    report.files.push_back(std::move(fr));
  };
  const std::vector<io::WalkEntry> entries = io::ExpandPaths(paths);
  const int threads = impl_->options.threads;
  size_t i = 0;
  while (i < entries.size()) {
    size_t j = i;
    if (threads > 1) {
      while (j < entries.size() && IsSmallFile(entries[j])) ++j;
    }
    if (j - i >= 2) {
      impl_->ScanSmallFiles(entries, i, j, finish);
      i = j;
      continue;
    }
    FileReport fr;
    std::string none;
    impl_->ScanEntry(entries[i], fr, on_findings, 0, threads);
    finish(fr, none);
    ++i;
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

void Scanner::Impl::ScanEntry(const io::WalkEntry& e, FileReport& fr, const Scanner::FindingsCallback& on_findings,
                              int worker_base, int threads) {
  fr.file = e.path == "-" ? "<stdin>" : e.path;
  if (!e.error.ok()) {
    fr.problems.push_back(Problem{0, WithoutFile(e.error.message(), e.path)});
    return;
  }
  ScanFile(e.path, fr, on_findings, worker_base, threads);
}

void Scanner::Impl::ScanSmallFiles(const std::vector<io::WalkEntry>& entries, size_t begin, size_t end,
                                   const std::function<void(FileReport&, std::string&)>& finish) {
  struct Slot {
    FileReport fr;
    std::string findings;
    bool done = false;
  };
  const size_t count = end - begin;
  const int threads = options.threads;
  // At most `window` files scanned ahead of the one being reported: bounded memory.
  const size_t window = static_cast<size_t>(4 * threads);
  std::vector<Slot> slots(count);
  std::mutex mu;
  std::condition_variable cv;
  size_t next = 0, reported = 0;
  std::vector<std::thread> pool;
  for (int w = 0; w < threads; ++w) {
    pool.emplace_back([&, w] {
      while (true) {
        size_t k;
        {
          std::unique_lock lock(mu);
          cv.wait(lock, [&] { return next >= count || next < reported + window; });
          if (next >= count) return;
          k = next++;
        }
        Slot& slot = slots[k];
        ScanEntry(entries[begin + k], slot.fr, [&slot](std::string_view t) { slot.findings.append(t); }, w, 1);
        {
          std::lock_guard lock(mu);
          slot.done = true;
        }
        cv.notify_all();
      }
    });
  }
  for (size_t k = 0; k < count; ++k) {
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return slots[k].done; });
    }
    finish(slots[k].fr, slots[k].findings);
    slots[k] = Slot();  // release the buffered findings
    {
      std::lock_guard lock(mu);
      ++reported;
    }
    cv.notify_all();
  }
  for (auto& t : pool) t.join();
}

void Scanner::Impl::ScanFile(const std::string& path, FileReport& fr, const Scanner::FindingsCallback& on_findings,
                             int worker_base, int threads) {
  auto opened = io::OpenSource(path);
  if (!opened.ok()) {
    fr.problems.push_back(Problem{0, WithoutFile(opened.status().message(), path)});
    return;
  }
  PeekingSource src(std::move(opened).value());
  fr.compressed = src.compressed();
  src.Peek(8192);
  Status st;
  io::Format format = io::FormatFromName(path);
  if (format == io::Format::kJsonl && !FirstLineIsJson(src.head())) {
    // A ".json" file holding one pretty-printed document: not JSON Lines. Scanning it
    // as text still finds its values, with line numbers and offsets in the raw file.
    format = io::Format::kText;
    fr.note = "not JSON Lines (one value per line); scanned as text";
  }
  if (format == io::Format::kText && io::LooksBinary(src.head())) {
    fr.skipped = true;
    fr.skip_reason = "binary file";
    fr.format = "binary";
    return;
  }
  FileContext ctx;
  AppendJsonString(ctx.file_json, fr.file);
  ctx.prefix = "{\"file\":" + ctx.file_json + ",\"line\":";
  ctx.detector = detector.get();
  ctx.options = &options;
  ctx.format = FindingFormat{ctx.prefix, finding_texts.get(), options.show_values};
  switch (format) {
    case io::Format::kText:
      fr.format = "text";
      st = ScanText(src, ctx, fr, on_findings, worker_base, threads);
      break;
    case io::Format::kCsv:
      fr.format = "csv";
      st = ScanCsv(src, ctx, fr, on_findings, worker_base, threads);
      break;
    case io::Format::kJsonl:
      fr.format = "jsonl";
      st = ScanJsonl(src, ctx, fr, on_findings, worker_base, threads);
      break;
  }
  fr.bytes = src.bytes();
  if (!st.ok()) fr.problems.push_back(Problem{fr.lines + 1, WithoutFile(st.message(), src.name())});
}

Status Scanner::Impl::ScanText(PeekingSource& src, FileContext& ctx, FileReport& fr,
                               const Scanner::FindingsCallback& emit, int worker_base, int threads) {
  struct Batch {
    std::vector<io::TextPiece> pieces;
    std::string storage;
  };
  io::LineReaderOptions lo;
  lo.batch_bytes = options.batch_bytes;
  lo.max_piece = options.max_piece;
  io::LineReader reader(src, lo);
  std::vector<ColumnStats> unused_columns;
  std::map<std::string, ColumnStats> unused_paths;
  const detect::FieldHints no_hints;
  OrderedPipeline<Batch, Result> pipeline(threads);
  Status st = pipeline.Run(
      [&](Batch& b) { return reader.NextBatch(b.pieces, b.storage); },
      [&](Batch& b, int w, Result& r) {
        WorkerState& ws = workers[static_cast<size_t>(worker_base + w)];
        // One keyword pass over the batch instead of one per line.
        const detect::PreparedBuffer prepared = ctx.detector->Prepare(b.storage, *ws.scratch);
        for (const io::TextPiece& p : b.pieces) {
          ScanValue(ctx, ws, r, p.data, no_hints, p.line, p.offset_in_line, p.keep_from, p.drop_from,
                    [] { return std::string_view(); });
        }
      },
      [&](Result& r) {
        if (!r.jsonl.empty()) emit(r.jsonl.view());
        Merge(fr, r, unused_columns, unused_paths);
      });
  fr.lines = reader.lines_read();
  return st;
}

Status Scanner::Impl::ScanCsv(PeekingSource& src, FileContext& ctx, FileReport& fr,
                              const Scanner::FindingsCallback& emit, int worker_base, int threads) {
  io::CsvOptions co;
  co.delimiter = options.csv_delimiter;
  if (co.delimiter == 0 && src.name().size() >= 4) {
    std::string_view n = src.name();
    if (n.ends_with(".tsv") || n.ends_with(".tsv.gz")) co.delimiter = '\t';
  }
  co.has_header = options.csv_header;
  co.batch_bytes = options.batch_bytes;
  io::CsvReader reader(src, co);
  CUSTOS_RETURN_IF_ERROR(reader.Start());
  const std::vector<std::string>& header = reader.header();
  for (size_t i = 0; i < header.size(); ++i) {
    std::string j = ",\"column\":";
    AppendJsonString(j, header[i]);
    ctx.column_json.push_back(std::move(j));
    ctx.column_hints.push_back(detect::FieldHints{detect::HintsForFieldName(header[i])});
  }
  struct Batch {
    io::CsvBatch csv;
    std::vector<io::CsvIssue> issues;
  };
  std::vector<ColumnStats> columns;
  std::map<std::string, ColumnStats> unused_paths;
  OrderedPipeline<Batch, Result> pipeline(threads);
  Status st = pipeline.Run(
      [&](Batch& b) {
        b.issues.clear();
        return reader.NextBatch(b.csv, b.issues);
      },
      [&](Batch& b, int w, Result& r) {
        WorkerState& ws = workers[static_cast<size_t>(worker_base + w)];
        for (const io::CsvIssue& is : b.issues) r.problems.push_back(Problem{is.line, is.message});
        r.columns.resize(ctx.column_json.size());
        r.units = b.csv.records.size();
        std::string unnamed;
        for (const io::CsvRecord& rec : b.csv.records) {
          for (uint32_t k = 0; k < rec.field_count; ++k) {
            const io::CsvField& field = b.csv.fields[rec.first_field + k];
            if (field.value.empty()) continue;
            const bool named = k < ctx.column_json.size();
            const detect::FieldHints hints = named ? ctx.column_hints[k] : detect::FieldHints{};
            const auto column_json = [&]() -> std::string_view {
              if (named) return ctx.column_json[k];
              unnamed = ",\"column\":\"#" + std::to_string(k + 1) + "\"";
              return unnamed;
            };
            detect::CategorySet found =
                ScanValue(ctx, ws, r, field.value, hints, field.line, 0, 0, UINT32_MAX, column_json);
            if (k < r.columns.size()) CountRows(r.columns[k], found);
          }
        }
      },
      [&](Result& r) {
        if (!r.jsonl.empty()) emit(r.jsonl.view());
        Merge(fr, r, columns, unused_paths);
      });
  for (size_t c = 0; c < columns.size() && c < header.size(); ++c) {
    fr.columns.push_back(Classify(header[c], columns[c], ctx.column_hints[c].categories));
  }
  return st;
}

Status Scanner::Impl::ScanJsonl(PeekingSource& src, FileContext& ctx, FileReport& fr,
                                const Scanner::FindingsCallback& emit, int worker_base, int threads) {
  io::JsonlOptions jo;
  jo.batch_bytes = options.batch_bytes;
  io::JsonlReader reader(src, jo);
  struct Batch {
    io::JsonBatch json;
    std::vector<io::JsonIssue> issues;
  };
  std::vector<ColumnStats> unused_columns;
  std::map<std::string, ColumnStats> paths;
  OrderedPipeline<Batch, Result> pipeline(threads);
  Status st = pipeline.Run(
      [&](Batch& b) {
        b.issues.clear();
        return reader.NextBatch(b.json, b.issues);
      },
      [&](Batch& b, int w, Result& r) {
        WorkerState& ws = workers[static_cast<size_t>(worker_base + w)];
        for (const io::JsonIssue& is : b.issues) r.problems.push_back(Problem{is.line, is.message});
        TextBuffer path_json;
        for (const io::JsonLeaf& leaf : b.json.leaves) {
          if (leaf.value.empty()) continue;
          std::string_view key = LastKey(leaf.path);
          auto it = ws.path_hints.find(key);
          if (it == ws.path_hints.end()) {
            it = ws.path_hints.emplace(std::string(key), detect::HintsForFieldName(key)).first;
          }
          detect::FieldHints hints{it->second};
          path_json.clear();
          const auto field_json = [&]() -> std::string_view {
            if (path_json.empty()) {  // once per leaf, and only for leaves with findings
              constexpr std::string_view kKey = ",\"path\":";
              char* p = path_json.Reserve(kKey.size() + JsonStringBound(leaf.path.size()));
              std::memcpy(p, kKey.data(), kKey.size());
              path_json.Commit(WriteJsonString(p + kKey.size(), leaf.path));
            }
            return path_json.view();
          };
          detect::CategorySet found = ScanValue(ctx, ws, r, leaf.value, hints, leaf.line, 0, 0, UINT32_MAX, field_json);
          CountRows(r.paths[io::GeneralizePath(leaf.path)], found);
        }
        r.units = b.json.documents;
      },
      [&](Result& r) {
        if (!r.jsonl.empty()) emit(r.jsonl.view());
        Merge(fr, r, unused_columns, paths);
      });
  for (auto& [name, cs] : paths) {
    fr.columns.push_back(Classify(name, cs, detect::HintsForFieldName(LastKey(name))));
  }
  return st;
}

}  // namespace custos::scan
