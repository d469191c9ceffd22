// Masked previews: enough shape for a reviewer to recognise the kind of value, never
// enough to recover it.
#include <algorithm>
#include <string>
#include <vector>

#include "custos/detect/detector.h"

namespace custos::detect {

namespace {

size_t Utf8Len(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Splits into code points (invalid bytes count as one each).
std::vector<std::string_view> CodePoints(std::string_view v) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < v.size();) {
    size_t n = std::min(Utf8Len(static_cast<unsigned char>(v[i])), v.size() - i);
    out.push_back(v.substr(i, n));
    i += n;
  }
  return out;
}

bool IsAlnum(std::string_view cp) {
  if (cp.size() != 1) return true;  // CJK and other letters count as content
  char c = cp[0];
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Keeps the first `head` and last `tail` content characters; separators stay.
std::string KeepEnds(std::string_view v, size_t head, size_t tail) {
  auto cps = CodePoints(v);
  size_t content = 0;
  for (auto cp : cps) content += IsAlnum(cp) ? 1u : 0u;
  if (head + tail >= content) {
    // Too short to show both ends: show only the first character.
    head = content > 1 ? 1 : 0;
    tail = 0;
  }
  std::string out;
  size_t seen = 0;
  for (auto cp : cps) {
    if (!IsAlnum(cp)) {
      out += cp;
      continue;
    }
    if (seen < head || seen >= content - tail) {
      out += cp;
    } else {
      out += '*';
    }
    ++seen;
  }
  return out;
}

}  // namespace

std::string MaskedPreview(Category category, std::string_view value) {
  switch (category) {
    case Category::kCnResidentId:
      return KeepEnds(value, 6, 4);
    case Category::kBankCardNumber:
      return KeepEnds(value, 6, 4);
    case Category::kPhoneNumber:
      return KeepEnds(value, 3, 4);
    case Category::kPersonName: {
      auto cps = CodePoints(value);
      std::string out;
      bool word_start = true;
      for (size_t i = 0; i < cps.size(); ++i) {
        bool cjk = cps[i].size() > 1;
        if (cps[i] == " " || cps[i] == "·" || cps[i] == "." || cps[i] == "-") {
          out += cps[i];
          word_start = true;
          continue;
        }
        out += (i == 0 || (word_start && !cjk)) ? std::string(cps[i]) : std::string("*");
        word_start = false;
      }
      return out;
    }
    case Category::kEmailAddress: {
      size_t at = value.rfind('@');
      if (at == std::string_view::npos || at == 0) return KeepEnds(value, 1, 0);
      return std::string(CodePoints(value.substr(0, at)).front()) + "***" + std::string(value.substr(at));
    }
    case Category::kCredentialSecret:
      return "********";
    case Category::kHealthInfo:
      return "****";
    case Category::kPostalAddress: {
      auto cps = CodePoints(value);
      std::string out;
      size_t keep = cps.size() > 8 ? 6 : cps.size() / 2;
      for (size_t i = 0; i < cps.size() && i < keep; ++i) out += cps[i];
      return out + "****";
    }
    case Category::kIpAddress: {
      if (value.find(':') != std::string_view::npos) {
        size_t c = value.find(':');
        return std::string(value.substr(0, c)) + ":****";
      }
      size_t d1 = value.find('.');
      size_t d2 = d1 == std::string_view::npos ? d1 : value.find('.', d1 + 1);
      if (d2 == std::string_view::npos) return KeepEnds(value, 1, 0);
      return std::string(value.substr(0, d2)) + ".*.*";
    }
    case Category::kDateOfBirth:
      return KeepEnds(value, 4, 0);
    case Category::kGeoCoordinates: {
      std::string out;
      bool after_dot = false;
      int kept = 0;
      for (char c : value) {
        if (c == '.') {
          after_dot = true;
          kept = 0;
          out += c;
        } else if (c >= '0' && c <= '9' && after_dot) {
          out += kept++ < 1 ? c : '*';
        } else {
          if (c != '-' && !(c >= '0' && c <= '9')) after_dot = false;
          out += c;
        }
      }
      return out;
    }
    default:
      return KeepEnds(value, 2, 2);
  }
}

}  // namespace custos::detect
