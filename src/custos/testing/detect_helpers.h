// Test helpers: run the public Detector over a string and look at what it found.
#ifndef CUSTOS_TESTING_DETECT_HELPERS_H_
#define CUSTOS_TESTING_DETECT_HELPERS_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "custos/detect/detector.h"

namespace custos::testing {

struct Found {
  std::string category;
  std::string value;
  float confidence;
  std::string recognizer;
  detect::Attributes attributes;
};

// A detector with default options (as_of fixed so minor_under_14 is reproducible).
inline const detect::Detector& DefaultDetector() {
  static const std::unique_ptr<detect::Detector> d = [] {
    detect::DetectorOptions o;
    o.as_of = 20261129;
    auto r = detect::Detector::Create(o);
    if (!r.ok()) {
      ADD_FAILURE() << r.status().ToString();
      std::abort();
    }
    return std::move(r).value();
  }();
  return *d;
}

inline std::vector<Found> FindAll(std::string_view text, std::string_view field = {},
                                  const detect::Detector& d = DefaultDetector()) {
  auto scratch = d.NewScratch();
  detect::FieldHints hints;
  if (!field.empty()) hints.categories = detect::HintsForFieldName(field);
  std::vector<detect::Finding> out;
  d.Scan(text, hints, *scratch, out);
  std::vector<Found> found;
  for (const auto& f : out) {
    found.push_back(Found{std::string(detect::Name(f.category)), std::string(text.substr(f.start, f.end - f.start)),
                          f.confidence, std::string(d.RecognizerName(f.recognizer)), f.attributes});
  }
  return found;
}

// Values found for one category, in order.
inline std::vector<std::string> Values(std::string_view text, std::string_view category,
                                       std::string_view field = {}) {
  std::vector<std::string> v;
  for (const auto& f : FindAll(text, field)) {
    if (f.category == category) v.push_back(f.value);
  }
  return v;
}

// Confidence of the first finding of `category`, 0 if none.
inline float ConfidenceOf(std::string_view text, std::string_view category, std::string_view field = {}) {
  for (const auto& f : FindAll(text, field)) {
    if (f.category == category) return f.confidence;
  }
  return 0;
}

// Recognizer of the first finding of `category`, "" if none.
inline std::string RecognizerOf(std::string_view text, std::string_view category) {
  for (const auto& f : FindAll(text)) {
    if (f.category == category) return f.recognizer;
  }
  return "";
}

}  // namespace custos::testing

#endif  // CUSTOS_TESTING_DETECT_HELPERS_H_
