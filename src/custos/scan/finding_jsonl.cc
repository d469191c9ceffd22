#include "custos/scan/finding_jsonl.h"

#include <algorithm>
#include <cstring>

#include "custos/base/json_text.h"

namespace custos::scan {

namespace {

using std::literals::string_view_literals::operator""sv;

char* Put(char* out, std::string_view s) {
  std::memcpy(out, s.data(), s.size());
  return out + s.size();
}

// The longest fixed text of a line outside the parts measured in AppendFinding:
// ,"start": ,"end": ,"value": and the attributes object.
constexpr size_t kFixedTextBound = 160;

// Derived attributes: the minor flag always (it decides how the finding is handled),
// the others only with --show-values (they are PI).
char* PutAttributes(char* out, const detect::Attributes& a, bool show_values) {
  out = Put(out, ",\"attributes\":{"sv);
  bool first = true;
  const auto sep = [&] {
    if (!first) *out++ = ',';
    first = false;
  };
  if (a.has_minor_flag) {
    sep();
    out = Put(out, a.minor_under_14 ? "\"minor_under_14\":true"sv : "\"minor_under_14\":false"sv);
  }
  if (show_values) {
    if (a.birth_date != 0) {
      sep();
      out = Put(out, "\"birth_date\":\""sv);
      // yyyy-mm-dd; a year past 9999 (never valid) prints all its digits.
      const uint32_t year = a.birth_date / 10000;
      if (year < 1000) *out++ = '0';
      if (year < 100) *out++ = '0';
      if (year < 10) *out++ = '0';
      out = WriteJsonUint(out, year);
      const uint32_t mmdd[2] = {a.birth_date / 100 % 100, a.birth_date % 100};
      for (uint32_t v : mmdd) {
        *out++ = '-';
        *out++ = static_cast<char>('0' + v / 10);
        *out++ = static_cast<char>('0' + v % 10);
      }
      *out++ = '"';
    }
    if (a.sex != 0) {
      sep();
      out = Put(out, a.sex == 'M' ? "\"sex\":\"M\""sv : "\"sex\":\"F\""sv);
    }
    if (a.region != 0) {
      sep();
      out = Put(out, "\"region\":\""sv);
      out = WriteJsonUint(out, a.region);
      *out++ = '"';
    }
  }
  *out++ = '}';
  return out;
}

}  // namespace

FindingTexts::FindingTexts(const detect::Detector& detector) : recognizers_(detector.RecognizerCount()) {
  for (const detect::CategoryInfo& c : detect::AllCategories()) {
    const std::string category = ",\"category\":\"" + std::string(c.id) + "\",\"sensitive\":" +
                                 (c.sensitive ? "true" : "false") + ",\"confidence\":";
    confidence_at_.push_back(category.size());
    for (size_t id = 0; id < recognizers_; ++id) {
      const std::string_view name = detector.RecognizerName(static_cast<uint16_t>(id));
      texts_.push_back(category + "0.00,\"recognizer\":\"" + std::string(name) + "\",\"preview\":");
    }
  }
}

void TextBuffer::Grow(size_t n) {
  const size_t capacity = std::max({2 * capacity_, size_ + n, size_t{64} << 10});
  auto data = std::make_unique_for_overwrite<char[]>(capacity);
  if (size_ > 0) std::memcpy(data.get(), data_.get(), size_);
  data_ = std::move(data);
  capacity_ = capacity;
}

void TextBuffer::Append(std::string_view s) { Commit(Put(Reserve(s.size()), s)); }

void AppendFinding(TextBuffer& out, const FindingFormat& format, uint64_t line, uint64_t base,
                   const detect::Finding& f, std::string_view value, std::string_view field_json) {
  const std::string_view middle = format.texts->text(f.category, f.recognizer);
  const size_t value_bound = format.show_values ? JsonStringBound(value.size()) : 0;
  char* p = out.Reserve(format.prefix.size() + 3 * kJsonUintBound + field_json.size() + middle.size() +
                        kJsonFixed2Bound + JsonStringBound(value.size() + detect::kMaskedPreviewSlack) +
                        value_bound + kFixedTextBound);
  p = Put(p, format.prefix);
  p = WriteJsonUint(p, line);
  p = Put(p, ",\"start\":"sv);
  p = WriteJsonUint(p, base + f.start);
  p = Put(p, ",\"end\":"sv);
  p = WriteJsonUint(p, base + f.end);
  if (!field_json.empty()) p = Put(p, field_json);
  const size_t at = format.texts->confidence_at(f.category);
  if (f.confidence >= 0 && f.confidence <= 1) {  // always: "0.00" to "1.00", four characters
    WriteJsonFixed2(Put(p, middle) - middle.size() + at, f.confidence);
    p += middle.size();
  } else {
    p = Put(p, middle.substr(0, at));
    p = WriteJsonFixed2(p, f.confidence);
    p = Put(p, middle.substr(at + 4));
  }
  // A value JSON carries as it is (nearly all) gives a preview that needs no escaping
  // either: the preview holds only whole characters of the value and ASCII masks. So
  // it is written in place between the quotes; other values go the long way round.
  const bool plain = JsonPlainLength(value) == value.size();
  if (plain) {
    *p++ = '"';
    p = detect::WriteMaskedPreview(p, f.category, value);
    *p++ = '"';
  } else {
    thread_local std::string preview;  // reused: no allocation per finding
    preview.clear();
    detect::AppendMaskedPreview(preview, f.category, value);
    p = WriteJsonString(p, preview);
  }
  if (format.show_values) {
    p = Put(p, ",\"value\":"sv);
    if (plain) {
      *p++ = '"';
      p = Put(p, value);
      *p++ = '"';
    } else {
      p = WriteJsonString(p, value);
    }
  }
  const detect::Attributes& a = f.attributes;
  if (!a.empty() && (a.has_minor_flag || format.show_values)) p = PutAttributes(p, a, format.show_values);
  p = Put(p, "}\n"sv);
  out.Commit(p);
}

}  // namespace custos::scan
