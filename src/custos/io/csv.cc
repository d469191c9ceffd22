#include "custos/io/csv.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <utility>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace custos::io {

namespace {

constexpr size_t kMaxBlock = 1 << 20;  // input bytes read at once
constexpr size_t kMinBlock = 16;

enum class State : uint8_t {
  kFieldStart,     // before the first byte of a field
  kUnquoted,       // inside an unquoted field (or after a closing quote)
  kCarriageReturn, // saw '\r' outside quotes: a line end if '\n' follows
  kQuoted,         // inside a quoted field
  kQuoteInQuoted,  // saw '"' inside a quoted field: escaped quote or closing quote
  kSkipLine,       // an over-long record: discarding up to the next '\n'
};

struct Span {
  size_t offset;
  size_t size;
};

}  // namespace

struct CsvReader::Impl {
  Impl(ByteSource& s, CsvOptions o) : source(s), options(o) {
    options.batch_bytes = std::max<size_t>(options.batch_bytes, 1);
    options.max_record_bytes = std::max<size_t>(options.max_record_bytes, 1);
    in.resize(std::clamp(options.batch_bytes, kMinBlock, kMaxBlock));
  }

  ByteSource& source;
  CsvOptions options;
  char delim = ',';
  std::array<bool, 256> special{};
  std::vector<std::string> header;
  std::vector<CsvIssue> pending_issues;  // found while reading the header
  bool started = false;
  Status start_status;
  bool done = false;  // all input parsed

  // Input block.
  std::vector<char> in;
  size_t in_pos = 0;
  size_t in_end = 0;
  uint64_t in_base = 0;  // stream offset of in[0]
  bool eof = false;

  // Parser state.
  State state = State::kFieldStart;
  uint64_t line = 1;  // physical line of the next byte
  uint64_t record_line = 1;
  size_t record_first_field = 0;
  size_t record_storage = 0;
  uint64_t record_start = 0;  // stream offset where the record started
  size_t field_start = 0;     // offset into storage
  size_t out_used = 0;        // bytes of batch storage in use (the rest is spare room)
  uint64_t field_line = 1;
  bool field_quoted = false;
  uint64_t quote_line = 1;
  std::vector<Span> spans;  // value of batch.fields[i], fixed up at the end of a batch

  uint64_t Offset(const char* p) const { return in_base + static_cast<uint64_t>(p - in.data()); }

  Status Refill() {
    in_base += in_end;
    in_pos = 0;
    in_end = 0;
    StatusOr<size_t> got = source.Read(in.data(), in.size());
    if (!got.ok()) return got.status();
    in_end = *got;
    if (in_end == 0) eof = true;
    return Status::Ok();
  }

  void SetDelimiter(char d) {
    delim = d;
    special.fill(false);
    special[static_cast<unsigned char>(d)] = true;
    special['"'] = true;
    special['\n'] = true;
    special['\r'] = true;
  }

  Status Start() {
    if (started) return start_status;
    started = true;
    // Fill the block with the start of the input: enough for the BOM and, if it fits,
    // the whole first line (for the delimiter guess).
    while (!eof && in_end < in.size()) {
      StatusOr<size_t> got = source.Read(in.data() + in_end, in.size() - in_end);
      if (!got.ok()) return start_status = got.status();
      if (*got == 0) {
        eof = true;
        break;
      }
      in_end += *got;
      if (in_end >= 3 && std::memchr(in.data(), '\n', in_end) != nullptr) break;
    }
    if (in_end >= 3 && std::memcmp(in.data(), "\xEF\xBB\xBF", 3) == 0) in_pos = 3;
    record_start = in_pos;

    char d = options.delimiter;
    if (d == 0) d = GuessDelimiter();
    if (d == '"' || d == '\n' || d == '\r') {
      return start_status = Status::InvalidArgument(source.name() + ": unusable CSV delimiter");
    }
    SetDelimiter(d);

    if (options.has_header) {
      CsvBatch b;
      Status s = Parse(b, pending_issues, true);
      if (!s.ok()) return start_status = s;
      FixUp(b);
      if (!b.records.empty()) {
        const CsvRecord& r = b.records.front();
        for (uint32_t i = 0; i < r.field_count; ++i) header.emplace_back(b.fields[r.first_field + i].value);
      }
    }
    return Status::Ok();
  }

  // The most frequent candidate outside quotes on the first line; ',' when none occurs.
  char GuessDelimiter() const {
    static constexpr char kCandidates[] = {',', '\t', ';', '|'};
    size_t counts[4] = {0, 0, 0, 0};
    bool quoted = false;
    for (size_t i = in_pos; i < in_end; ++i) {
      char c = in[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == '\n') break;
        for (size_t k = 0; k < 4; ++k) counts[k] += c == kCandidates[k] ? 1 : 0;
      }
    }
    size_t best = 0;
    for (size_t k = 1; k < 4; ++k) {
      if (counts[k] > counts[best]) best = k;
    }
    return kCandidates[best];
  }

  // Appends unescaped bytes to the batch storage, which is kept larger than needed
  // (out_used says how much is used) so that appending is a plain copy.
  [[gnu::always_inline]] void Append(std::string& out, const char* p, size_t n) {
    if (out_used + n > out.size()) out.resize(std::max({out.size() * 2, out_used + n, size_t{4096}}));
    std::memcpy(out.data() + out_used, p, n);
    out_used += n;
  }

  // The first byte in [p, lim) that is the delimiter, a quote, '\r' or '\n', or lim.
  const char* ScanUnquoted(const char* p, const char* lim) const {
#ifdef __SSE2__
    const __m128i d = _mm_set1_epi8(delim);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    while (lim - p >= 16) {
      __m128i v;
      std::memcpy(&v, p, sizeof(v));
      const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, quote)),
                                        _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
      const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits));
      if (mask != 0) return p + __builtin_ctz(mask);
      p += 16;
    }
#endif
    while (p < lim && !special[static_cast<unsigned char>(*p)]) ++p;
    return p;
  }

  void StartRecord(CsvBatch& b, const char* p) {
    state = State::kFieldStart;
    record_line = line;
    record_first_field = b.fields.size();
    record_storage = out_used;
    record_start = Offset(p);
  }

  void BeginField() {
    field_start = out_used;
    field_line = line;
    field_quoted = false;
  }

  [[gnu::always_inline]] void EndField(CsvBatch& b) {
    spans.push_back(Span{field_start, out_used - field_start});
    b.fields.push_back(CsvField{std::string_view(), field_line});
  }

  // Returns true if a record was added (a blank line adds none).
  bool EndRecord(CsvBatch& b) {
    size_t count = b.fields.size() - record_first_field;
    if (count == 1 && spans.back().size == 0 && !field_quoted) {
      b.fields.pop_back();
      spans.pop_back();
      return false;
    }
    b.records.push_back(CsvRecord{record_line, static_cast<uint32_t>(record_first_field),
                                  static_cast<uint32_t>(count)});
    return true;
  }

  void AddIssue(std::vector<CsvIssue>& issues, uint64_t at, std::string_view what) {
    issues.push_back(CsvIssue{at, std::string(what)});
  }

  // Drops the record being read and skips to the next line.
  void Overflow(CsvBatch& b, std::vector<CsvIssue>& issues) {
    AddIssue(issues, record_line,
             "record longer than " + std::to_string(options.max_record_bytes) +
                 " bytes; skipped to the next line");
    out_used = record_storage;
    b.fields.resize(record_first_field);
    spans.resize(record_first_field);
    state = State::kSkipLine;
  }

  void FinishAtEof(CsvBatch& b, std::vector<CsvIssue>& issues) {
    switch (state) {
      case State::kFieldStart:
        if (b.fields.size() > record_first_field) {  // after a delimiter: one more empty field
          BeginField();
          EndField(b);
          EndRecord(b);
        }
        break;
      case State::kQuoted:
        AddIssue(issues, quote_line, "unterminated quoted field");
        EndField(b);
        EndRecord(b);
        break;
      case State::kUnquoted:
      case State::kCarriageReturn:  // a final "\r" is a line end
      case State::kQuoteInQuoted:
        EndField(b);
        EndRecord(b);
        break;
      case State::kSkipLine:
        break;
    }
    state = State::kFieldStart;
    done = true;
  }

  void FixUp(CsvBatch& b) {
    b.storage.resize(out_used);
    out_used = 0;
    const char* base = b.storage.data();
    for (size_t i = 0; i < b.fields.size(); ++i) b.fields[i].value = std::string_view(base + spans[i].offset, spans[i].size);
    spans.clear();
  }

  // Where a scan from p must stop so that an over-long record is noticed one byte past
  // max_record_bytes (the skip to the next line starts there).
  const char* Limit(const char* p, const char* end) const {
    const uint64_t used = Offset(p) - record_start;
    const uint64_t left = options.max_record_bytes - std::min<uint64_t>(used, options.max_record_bytes);
    if (left < static_cast<uint64_t>(end - p)) return p + left + 1;
    return end;
  }

  // Parses records into `b` until the input consumed reaches batch_bytes (at a record
  // boundary), one record if `single`, or the end of input.
  Status Parse(CsvBatch& b, std::vector<CsvIssue>& issues, bool single) {
    std::string& out = b.storage;
    out_used = out.size();
    if (out.size() < out.capacity()) out.resize(out.capacity());
    const char* p = in.data() + in_pos;
    const char* end = in.data() + in_end;
    StartRecord(b, p);
    const uint64_t batch_start = Offset(p);
    const uint64_t max_record = options.max_record_bytes;

    for (;;) {
      if (p == end) {
        in_pos = in_end;
        if (eof) {
          FinishAtEof(b, issues);
          return Status::Ok();
        }
        CUSTOS_RETURN_IF_ERROR(Refill());
        p = in.data();
        end = p + in_end;
        continue;
      }
      if (state != State::kSkipLine && Offset(p) - record_start > max_record) {
        Overflow(b, issues);
        continue;
      }
      bool record_ended = false;
      switch (state) {
        case State::kFieldStart:
          BeginField();
          if (*p == '"') {
            field_quoted = true;
            quote_line = line;
            state = State::kQuoted;
            ++p;
            break;
          }
          state = State::kUnquoted;
          [[fallthrough]];
        case State::kUnquoted: {
          const char* lim = Limit(p, end);
          const char* q = ScanUnquoted(p, lim);
          Append(out, p, static_cast<size_t>(q - p));
          p = q;
          if (Offset(p) - record_start > max_record) {
            Overflow(b, issues);
            break;
          }
          if (p == end) break;
          const char c = *p++;
          if (c == delim) {
            EndField(b);
            state = State::kFieldStart;
          } else if (c == '\n') {
            EndField(b);
            ++line;
            record_ended = EndRecord(b);
            StartRecord(b, p);
          } else if (c == '\r') {
            state = State::kCarriageReturn;
          } else {  // a quote inside an unquoted field is kept as it is
            Append(out, &c, 1);
          }
          break;
        }
        case State::kCarriageReturn:
          if (*p == '\n') {
            ++p;
            EndField(b);
            ++line;
            record_ended = EndRecord(b);
            StartRecord(b, p);
          } else {
            Append(out, "\r", 1);
            state = State::kUnquoted;
          }
          break;
        case State::kQuoted: {
          const char* lim = Limit(p, end);
          const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(lim - p)));
          const char* stop = q != nullptr ? q : lim;
          for (const char* s = p; s < stop; ++s) {
            s = static_cast<const char*>(std::memchr(s, '\n', static_cast<size_t>(stop - s)));
            if (s == nullptr) break;
            ++line;
          }
          Append(out, p, static_cast<size_t>(stop - p));
          p = stop;
          if (q != nullptr) {
            ++p;
            state = State::kQuoteInQuoted;
          } else if (Offset(p) - record_start > max_record) {
            Overflow(b, issues);
          }
          break;
        }
        case State::kQuoteInQuoted:
          if (*p == '"') {
            Append(out, "\"", 1);
            ++p;
            state = State::kQuoted;
          } else {
            state = State::kUnquoted;  // closing quote; anything up to the delimiter is kept
          }
          break;
        case State::kSkipLine: {
          const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
          if (nl == nullptr) {
            p = end;
          } else {
            p = static_cast<const char*>(nl) + 1;
            ++line;
            StartRecord(b, p);
          }
          break;
        }
      }
      if (record_ended && (single || Offset(p) - batch_start >= options.batch_bytes)) {
        in_pos = static_cast<size_t>(p - in.data());
        return Status::Ok();
      }
    }
  }
};

CsvReader::CsvReader(ByteSource& source, CsvOptions options)
    : impl_(std::make_unique<Impl>(source, options)) {}

CsvReader::~CsvReader() = default;

Status CsvReader::Start() { return impl_->Start(); }

const std::vector<std::string>& CsvReader::header() const { return impl_->header; }

char CsvReader::delimiter() const { return impl_->delim; }

StatusOr<bool> CsvReader::NextBatch(CsvBatch& batch, std::vector<CsvIssue>& issues) {
  batch.clear();
  CUSTOS_RETURN_IF_ERROR(impl_->Start());
  const size_t issues_before = issues.size();
  for (CsvIssue& issue : impl_->pending_issues) issues.push_back(std::move(issue));
  impl_->pending_issues.clear();
  if (!impl_->done) {
    Status s = impl_->Parse(batch, issues, false);
    impl_->FixUp(batch);
    if (!s.ok()) return s;
  }
  return !batch.records.empty() || issues.size() > issues_before;
}

}  // namespace custos::io
