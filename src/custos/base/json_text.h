// Writing JSON text by hand, fast: string escaping that always yields valid JSON, even
// from bytes that are not valid UTF-8 (each bad byte becomes U+FFFD), and number
// formatting without locale surprises. Used on hot output paths where building a DOM
// per record would cost more than the scan itself.
//
// The Write* forms write at a raw pointer and return the new end: the per-finding
// output path reserves room once per record and then writes without a capacity check
// per piece. The caller guarantees the room (see the bounds below).
#ifndef CUSTOS_BASE_JSON_TEXT_H_
#define CUSTOS_BASE_JSON_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace custos {

// Appends `s` as a quoted JSON string.
void AppendJsonString(std::string& out, std::string_view s);
void AppendJsonUint(std::string& out, uint64_t v);
// Fixed 2-decimal rendering for confidences and shares ("0.97").
void AppendJsonFixed2(std::string& out, double v);

// Room the Write* forms need at most.
constexpr size_t JsonStringBound(size_t bytes) { return 6 * bytes + 2; }  // "\u0001" per byte
inline constexpr size_t kJsonUintBound = 20;
inline constexpr size_t kJsonFixed2Bound = 320;  // huge doubles print every digit

char* WriteJsonString(char* out, std::string_view s);
char* WriteJsonUint(char* out, uint64_t v);
char* WriteJsonFixed2(char* out, double v);

// Length of the longest prefix of `s` that a JSON string carries as it is: valid UTF-8
// without control characters, '"' or '\\'. Equal to s.size() when `s` needs no escaping.
size_t JsonPlainLength(std::string_view s);

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not valid.
size_t Utf8SequenceLength(std::string_view s, size_t i);

}  // namespace custos

#endif  // CUSTOS_BASE_JSON_TEXT_H_
