// io: expanding command-line paths into the files to scan. Directories are walked
// recursively in sorted order (reproducible reports); symlinks to directories are not
// followed (no cycles). Binary files are recognised from their first bytes and skipped.
#ifndef CUSTOS_IO_WALK_H_
#define CUSTOS_IO_WALK_H_

#include <string>
#include <string_view>
#include <vector>

#include "custos/base/status.h"

namespace custos::io {

enum class Format { kText, kCsv, kJsonl };

struct WalkEntry {
  std::string path;
  Status error;  // unreadable entries are reported, not fatal
};

// Expands paths ("-" passes through). Order: arguments in order, directory contents sorted.
std::vector<WalkEntry> ExpandPaths(const std::vector<std::string>& paths);

// Format from the name (.csv .tsv .jsonl .ndjson .json, optionally followed by .gz);
// everything else is text.
Format FormatFromName(std::string_view path);

// True when the first bytes (already decompressed) look binary: NUL bytes, or a large
// share of control bytes / invalid UTF-8. Text with some bad bytes is still text.
bool LooksBinary(std::string_view head);

}  // namespace custos::io

#endif  // CUSTOS_IO_WALK_H_
