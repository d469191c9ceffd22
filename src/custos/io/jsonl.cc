#include "custos/io/jsonl.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>
#include <utility>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace custos::io {

namespace {

constexpr size_t kMaxBlock = 1 << 20;
constexpr size_t kMinBlock = 64;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNumberChar(char c) { return IsDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; }

// Finds the number tokens of a JSON text in order, skipping strings. simdjson's DOM
// keeps values, not their text; the DOM is walked in document order, so the k-th
// number leaf is the k-th number token.
class NumberCursor {
 public:
  explicit NumberCursor(std::string_view text) : text_(text) {}
  std::string_view Next() {
    const char* s = text_.data();
    const size_t n = text_.size();
    while (pos_ < n) {
      const char c = s[pos_];
      if (c == '"') {
        SkipString();
        continue;
      }
      if (c == '-' || IsDigit(c)) {
        const size_t begin = pos_;
        while (pos_ < n && IsNumberChar(s[pos_])) ++pos_;
        return text_.substr(begin, pos_ - begin);
      }
      ++pos_;
    }
    return {};
  }
  size_t pos() const { return pos_; }

 private:
  // pos_ is on an opening quote; moves past the closing one.
  void SkipString() {
    const char* s = text_.data();
    const size_t n = text_.size();
    ++pos_;
    for (;;) {
#ifdef __SSE2__
      const __m128i quote = _mm_set1_epi8('"');
      const __m128i backslash = _mm_set1_epi8('\\');
      while (pos_ + 16 <= n) {
        __m128i v;
        std::memcpy(&v, s + pos_, sizeof(v));
        const auto mask = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash))));
        if (mask != 0) {
          pos_ += static_cast<size_t>(__builtin_ctz(mask));
          break;
        }
        pos_ += 16;
      }
#endif
      while (pos_ < n && s[pos_] != '"' && s[pos_] != '\\') ++pos_;
      if (pos_ >= n) {
        pos_ = n;
        return;
      }
      if (s[pos_] == '"') {
        ++pos_;
        return;
      }
      pos_ += 2;  // an escape: the next byte cannot end the string
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
};

// RFC 8259 number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool IsJsonNumber(std::string_view t) {
  size_t i = 0;
  const size_t n = t.size();
  if (i < n && t[i] == '-') ++i;
  if (i >= n) return false;
  if (t[i] == '0') {
    ++i;
  } else if (IsDigit(t[i])) {
    while (i < n && IsDigit(t[i])) ++i;
  } else {
    return false;
  }
  if (i < n && t[i] == '.') {
    ++i;
    if (i >= n || !IsDigit(t[i])) return false;
    while (i < n && IsDigit(t[i])) ++i;
  }
  if (i < n && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
    if (i >= n || !IsDigit(t[i])) return false;
    while (i < n && IsDigit(t[i])) ++i;
  }
  return i == n;
}

bool NeedsBrackets(std::string_view key) {
  if (key.empty()) return true;
  for (char c : key) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f || c == '.' || c == '[' || c == ']' || c == '"' || c == '\'' || c == '\\') {
      return true;
    }
  }
  return false;
}

void AppendKey(std::string& path, std::string_view key) {
  if (!NeedsBrackets(key)) {
    path.push_back('.');
    path.append(key);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  path.append("[\"");
  for (char c : key) {
    switch (c) {
      case '"': path.append("\\\""); break;
      case '\\': path.append("\\\\"); break;
      case '\n': path.append("\\n"); break;
      case '\r': path.append("\\r"); break;
      case '\t': path.append("\\t"); break;
      case '\b': path.append("\\b"); break;
      case '\f': path.append("\\f"); break;
      default: {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20) {
          path.append("\\u00");
          path.push_back(kHex[u >> 4]);
          path.push_back(kHex[u & 0xF]);
        } else {
          path.push_back(c);
        }
      }
    }
  }
  path.append("\"]");
}

void AppendIndex(std::string& path, size_t index) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof(buf), index);
  path.push_back('[');
  path.append(buf, res.ptr);
  path.push_back(']');
}

struct LeafSpan {
  size_t path_offset;
  size_t path_size;
  size_t value_offset;
  size_t value_size;
};

}  // namespace

std::string GeneralizePath(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  size_t i = 0;
  const size_t n = path.size();
  while (i < n) {
    const char c = path[i];
    if (c != '[') {
      out.push_back(c);
      ++i;
      continue;
    }
    if (i + 1 < n && path[i + 1] == '"') {  // ["key"]: copied as it is
      size_t j = i + 2;
      while (j < n && path[j] != '"') j += path[j] == '\\' ? size_t{2} : size_t{1};
      j = std::min(j + 1, n);  // past the closing quote
      if (j < n && path[j] == ']') ++j;
      out.append(path.substr(i, j - i));
      i = j;
      continue;
    }
    size_t j = i + 1;
    while (j < n && IsDigit(path[j])) ++j;
    if (j > i + 1 && j < n && path[j] == ']') {
      out.append("[*]");
      i = j + 1;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

struct JsonlReader::Impl {
  Impl(ByteSource& s, JsonlOptions o) : source(s), options(o), parser(std::max<size_t>(o.max_line_bytes, 4 * kMinBlock)) {
    options.batch_bytes = std::max<size_t>(options.batch_bytes, 1);
    options.max_line_bytes = std::max<size_t>(options.max_line_bytes, 1);
    options.max_depth = std::max<size_t>(options.max_depth, 1);
    capacity = std::clamp(options.batch_bytes, kMinBlock, kMaxBlock);
    buffer = std::make_unique<char[]>(capacity + simdjson::SIMDJSON_PADDING);
    init_error = parser.allocate(std::min(capacity, options.max_line_bytes), options.max_depth);
  }

  ByteSource& source;
  JsonlOptions options;
  simdjson::dom::parser parser;
  simdjson::error_code init_error = simdjson::SUCCESS;

  // Input: [start, end) of buffer are unconsumed; capacity + padding bytes allocated.
  std::unique_ptr<char[]> buffer;
  size_t capacity = 0;
  size_t start = 0;
  size_t end = 0;
  size_t scanned = 0;  // [start, scanned) is known to hold no '\n'
  bool eof = false;
  bool done = false;
  bool skipping = false;  // discarding the rest of an over-long line
  uint64_t line = 1;      // line of buffer[start]

  std::string path;
  std::string scratch;  // the line with numbers blanked, when simdjson rejects one
  std::vector<LeafSpan> spans;

  struct Frame {
    bool is_object = false;
    simdjson::dom::array::iterator array_it, array_end;
    simdjson::dom::object::iterator object_it, object_end;
    size_t index = 0;
    size_t path_size = 0;
  };
  std::vector<Frame> stack;

  void AddIssue(std::vector<JsonIssue>& issues, uint64_t at, simdjson::error_code error) {
    issues.push_back(JsonIssue{at, simdjson::error_message(error)});
  }

  // Reads more input, keeping [start, end). Grows the buffer for a long line.
  Status Fill() {
    if (start > 0) {
      std::memmove(buffer.get(), buffer.get() + start, end - start);
      end -= start;
      scanned = scanned > start ? scanned - start : 0;
      start = 0;
    }
    if (end == capacity) {
      const size_t grown = std::min(capacity * 2, options.max_line_bytes + 1);
      auto bigger = std::make_unique<char[]>(grown + simdjson::SIMDJSON_PADDING);
      std::memcpy(bigger.get(), buffer.get(), end);
      buffer = std::move(bigger);
      capacity = grown;
    }
    StatusOr<size_t> got = source.Read(buffer.get() + end, capacity - end);
    if (!got.ok()) return got.status();
    if (*got == 0) eof = true;
    end += *got;
    return Status::Ok();
  }

  void AddLeaf(JsonBatch& b, std::string_view value, bool is_string, uint64_t at) {
    LeafSpan s{b.storage.size(), path.size(), 0, value.size()};
    b.storage.append(path);
    s.value_offset = b.storage.size();
    b.storage.append(value);
    spans.push_back(s);
    b.leaves.push_back(JsonLeaf{std::string_view(), std::string_view(), at, is_string});
  }

  void AddNumber(JsonBatch& b, simdjson::dom::element e, NumberCursor& numbers, uint64_t at) {
    std::string_view text = numbers.Next();
    if (!text.empty()) {
      AddLeaf(b, text, false, at);
      return;
    }
    // Not expected: the text of every number is in the line. Format the value.
    char buf[64];
    std::to_chars_result res{buf, std::errc()};
    int64_t i64 = 0;
    uint64_t u64 = 0;
    double d = 0;
    if (e.get_int64().get(i64) == simdjson::SUCCESS) {
      res = std::to_chars(buf, buf + sizeof(buf), i64);
    } else if (e.get_uint64().get(u64) == simdjson::SUCCESS) {
      res = std::to_chars(buf, buf + sizeof(buf), u64);
    } else if (e.get_double().get(d) == simdjson::SUCCESS) {
      res = std::to_chars(buf, buf + sizeof(buf), d);
    }
    AddLeaf(b, std::string_view(buf, static_cast<size_t>(res.ptr - buf)), false, at);
  }

  // Adds a scalar leaf, or returns true for a container to descend into.
  bool Visit(JsonBatch& b, simdjson::dom::element e, NumberCursor& numbers, uint64_t at) {
    switch (e.type()) {
      case simdjson::dom::element_type::ARRAY:
      case simdjson::dom::element_type::OBJECT:
        return true;
      case simdjson::dom::element_type::STRING: {
        std::string_view s;
        if (e.get_string().get(s) == simdjson::SUCCESS) AddLeaf(b, s, true, at);
        return false;
      }
      case simdjson::dom::element_type::INT64:
      case simdjson::dom::element_type::UINT64:
      case simdjson::dom::element_type::DOUBLE:
        AddNumber(b, e, numbers, at);
        return false;
      case simdjson::dom::element_type::BOOL:
      case simdjson::dom::element_type::NULL_VALUE:
        return false;
    }
    return false;
  }

  void Push(simdjson::dom::element e) {
    Frame f;
    f.path_size = path.size();
    simdjson::dom::object o;
    simdjson::dom::array a;
    if (e.get(o) == simdjson::SUCCESS) {
      f.is_object = true;
      f.object_it = o.begin();
      f.object_end = o.end();
    } else if (e.get(a) == simdjson::SUCCESS) {
      f.array_it = a.begin();
      f.array_end = a.end();
    } else {
      return;
    }
    stack.push_back(f);
  }

  // Walks the document depth-first in document order (explicit stack: depth is bounded
  // by max_depth, not by the thread's stack).
  void Walk(JsonBatch& b, simdjson::dom::element root, std::string_view text, uint64_t at) {
    NumberCursor numbers(text);
    path.assign("$");
    stack.clear();
    if (Visit(b, root, numbers, at)) Push(root);
    while (!stack.empty()) {
      Frame& f = stack.back();
      simdjson::dom::element child;
      path.resize(f.path_size);
      if (f.is_object) {
        if (f.object_it == f.object_end) {
          stack.pop_back();
          continue;
        }
        AppendKey(path, f.object_it.key());
        child = f.object_it.value();
        ++f.object_it;
      } else {
        if (f.array_it == f.array_end) {
          stack.pop_back();
          continue;
        }
        AppendIndex(path, f.index++);
        child = *f.array_it;
        ++f.array_it;
      }
      if (Visit(b, child, numbers, at)) Push(child);  // may reallocate: `f` is not used after
    }
  }

  void Document(JsonBatch& b, std::vector<JsonIssue>& issues, char* data, size_t len, uint64_t at) {
    if (len > 0 && data[len - 1] == '\r') --len;
    if (at == 1 && len >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0) {  // UTF-8 BOM
      data += 3;
      len -= 3;
    }
    size_t first = 0;
    while (first < len && (data[first] == ' ' || data[first] == '\t' || data[first] == '\r')) ++first;
    if (first == len) return;  // an empty line is no document
    if (init_error != simdjson::SUCCESS) {
      AddIssue(issues, at, init_error);
      return;
    }
    const std::string_view text(data, len);
    simdjson::dom::element root;
    simdjson::error_code error = parser.parse(data, len, false).get(root);
    if (error == simdjson::NUMBER_ERROR) {
      // simdjson rejects integers beyond 64 bits and out-of-range doubles; their text is
      // all we need, so parse a copy with every well-formed number replaced by 0.
      scratch.assign(text);
      scratch.append(simdjson::SIMDJSON_PADDING, ' ');
      NumberCursor tokens(text);
      for (std::string_view t = tokens.Next(); !t.empty(); t = tokens.Next()) {
        if (!IsJsonNumber(t)) continue;
        const size_t at_pos = static_cast<size_t>(t.data() - text.data());
        scratch[at_pos] = '0';
        std::fill_n(scratch.begin() + static_cast<std::ptrdiff_t>(at_pos + 1), t.size() - 1, ' ');
      }
      error = parser.parse(scratch.data(), len, false).get(root);
    }
    if (error != simdjson::SUCCESS) {
      AddIssue(issues, at, error);
      return;
    }
    ++b.documents;
    Walk(b, root, text, at);
  }

  void FixUp(JsonBatch& b) {
    const char* base = b.storage.data();
    for (size_t i = 0; i < b.leaves.size(); ++i) {
      b.leaves[i].path = std::string_view(base + spans[i].path_offset, spans[i].path_size);
      b.leaves[i].value = std::string_view(base + spans[i].value_offset, spans[i].value_size);
    }
    spans.clear();
  }

  Status Next(JsonBatch& b, std::vector<JsonIssue>& issues) {
    size_t consumed = 0;
    while (!done) {
      char* data = buffer.get();
      const size_t from = std::max(start, scanned);
      const void* nl = std::memchr(data + from, '\n', end - from);
      if (nl == nullptr) {
        scanned = end;
        if (eof) {
          if (!skipping && start < end) {
            if (end - start > options.max_line_bytes) {
              AddIssue(issues, line, simdjson::CAPACITY);
            } else {
              Document(b, issues, data + start, end - start, line);
            }
          }
          start = end;
          done = true;
          break;
        }
        if (skipping) {
          start = end = scanned = 0;
        } else if (end - start > options.max_line_bytes) {
          AddIssue(issues, line, simdjson::CAPACITY);
          skipping = true;
          start = end = scanned = 0;
        }
        CUSTOS_RETURN_IF_ERROR(Fill());
        continue;
      }
      const size_t stop = static_cast<size_t>(static_cast<const char*>(nl) - data);
      const size_t len = stop - start;
      if (skipping) {
        skipping = false;
      } else if (len > options.max_line_bytes) {
        AddIssue(issues, line, simdjson::CAPACITY);
      } else {
        Document(b, issues, data + start, len, line);
      }
      ++line;
      start = stop + 1;
      consumed += len + 1;
      if (std::max(consumed, b.storage.size()) >= options.batch_bytes) break;
    }
    return Status::Ok();
  }
};

JsonlReader::JsonlReader(ByteSource& source, JsonlOptions options)
    : impl_(std::make_unique<Impl>(source, options)) {}

JsonlReader::~JsonlReader() = default;

StatusOr<bool> JsonlReader::NextBatch(JsonBatch& batch, std::vector<JsonIssue>& issues) {
  batch.clear();
  if (impl_->done) return false;
  const size_t issues_before = issues.size();
  Status s = impl_->Next(batch, issues);
  impl_->FixUp(batch);
  if (!s.ok()) return s;
  return batch.documents > 0 || !batch.leaves.empty() || issues.size() > issues_before || !impl_->done;
}

}  // namespace custos::io
