// Writing JSON text by hand, fast: string escaping that always yields valid JSON, even
// from bytes that are not valid UTF-8 (each bad byte becomes U+FFFD), and number
// formatting without locale surprises. Used on hot output paths where building a DOM
// per record would cost more than the scan itself.
#ifndef CUSTOS_BASE_JSON_TEXT_H_
#define CUSTOS_BASE_JSON_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace custos {

// Appends `s` as a quoted JSON string.
void AppendJsonString(std::string& out, std::string_view s);
void AppendJsonUint(std::string& out, uint64_t v);
// Fixed 2-decimal rendering for confidences and shares ("0.97").
void AppendJsonFixed2(std::string& out, double v);

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not valid.
size_t Utf8SequenceLength(std::string_view s, size_t i);

}  // namespace custos

#endif  // CUSTOS_BASE_JSON_TEXT_H_
