#include "custos/io/walk.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

namespace custos::io {

namespace fs = std::filesystem;

namespace {

constexpr size_t kBinaryProbe = 8192;

Status PathError(const std::string& path, const std::error_code& ec) {
  return Status::IoError(path + ": " + ec.message());
}

struct Child {
  std::string name;
  fs::path path;
  bool is_dir = false;
};

// Lists a directory: regular files (also through symlinks) and real subdirectories,
// sorted by name. Unreadable entries are appended to `out` as errors.
std::vector<Child> ListDirectory(const fs::path& dir, std::vector<WalkEntry>& out) {
  std::vector<Child> children;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    out.push_back(WalkEntry{dir.string(), PathError(dir.string(), ec)});
    return children;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::directory_entry& entry = *it;
    std::error_code type_ec;
    fs::file_status link = entry.symlink_status(type_ec);
    if (type_ec) {
      out.push_back(WalkEntry{entry.path().string(), PathError(entry.path().string(), type_ec)});
      continue;
    }
    Child child{entry.path().filename().string(), entry.path(), false};
    if (fs::is_directory(link)) {
      child.is_dir = true;
    } else if (fs::is_symlink(link)) {
      fs::file_status target = fs::status(entry.path(), type_ec);
      if (type_ec) {  // dangling or unreadable link
        children.push_back(std::move(child));  // reported when reached, in order
        continue;
      }
      if (!fs::is_regular_file(target)) continue;  // directory symlinks are not followed
    } else if (!fs::is_regular_file(link)) {
      continue;  // fifos, sockets, devices
    }
    children.push_back(std::move(child));
  }
  if (ec) out.push_back(WalkEntry{dir.string(), PathError(dir.string(), ec)});
  std::sort(children.begin(), children.end(), [](const Child& a, const Child& b) { return a.name < b.name; });
  return children;
}

void WalkDirectory(const fs::path& root, std::vector<WalkEntry>& out) {
  struct Level {
    std::vector<Child> children;
    size_t next = 0;
  };
  std::vector<Level> stack;
  stack.push_back(Level{ListDirectory(root, out), 0});
  while (!stack.empty()) {
    Level& level = stack.back();
    if (level.next == level.children.size()) {
      stack.pop_back();
      continue;
    }
    Child child = std::move(level.children[level.next++]);
    if (child.is_dir) {
      std::vector<Child> grandchildren = ListDirectory(child.path, out);
      stack.push_back(Level{std::move(grandchildren), 0});  // `level` is not used after this
      continue;
    }
    std::string path = child.path.string();
    std::error_code ec;
    fs::file_status st = fs::status(child.path, ec);
    if (ec || !fs::exists(st)) {
      if (!ec) ec = std::make_error_code(std::errc::no_such_file_or_directory);
      out.push_back(WalkEntry{path, PathError(path, ec)});
    } else {
      out.push_back(WalkEntry{std::move(path), Status::Ok()});
    }
  }
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Length of the valid UTF-8 sequence at s[0] (2-4), or 0 if invalid. `truncated` is set
// when the sequence is cut by the end of s.
size_t Utf8Sequence(std::string_view s, bool& truncated) {
  truncated = false;
  const auto b0 = static_cast<unsigned char>(s[0]);
  size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (size_t i = 1; i < len; ++i) {
    if (i >= s.size()) {
      truncated = true;
      return 0;
    }
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) return 0;
  }
  return len;
}

}  // namespace

std::vector<WalkEntry> ExpandPaths(const std::vector<std::string>& paths) {
  std::vector<WalkEntry> out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.push_back(WalkEntry{path, Status::Ok()});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);  // arguments are followed even if symlinks
    if (ec || !fs::exists(st)) {
      if (!ec) ec = std::make_error_code(std::errc::no_such_file_or_directory);
      out.push_back(WalkEntry{path, PathError(path, ec)});
    } else if (fs::is_directory(st)) {
      WalkDirectory(fs::path(path), out);
    } else {
      out.push_back(WalkEntry{path, Status::Ok()});
    }
  }
  return out;
}

Format FormatFromName(std::string_view path) {
  std::string name(path.substr(std::min(path.size(), path.find_last_of('/') + 1)));
  std::transform(name.begin(), name.end(), name.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  std::string_view n = name;
  if (EndsWith(n, ".gz")) n.remove_suffix(3);
  if (EndsWith(n, ".csv") || EndsWith(n, ".tsv")) return Format::kCsv;
  if (EndsWith(n, ".jsonl") || EndsWith(n, ".ndjson") || EndsWith(n, ".json")) return Format::kJsonl;
  return Format::kText;
}

bool LooksBinary(std::string_view head) {
  head = head.substr(0, std::min(head.size(), kBinaryProbe));
  if (head.empty()) return false;
  if (head.find('\0') != std::string_view::npos) return true;
  size_t bad = 0;
  size_t i = 0;
  while (i < head.size()) {
    const auto c = static_cast<unsigned char>(head[i]);
    if (c < 0x80) {
      const bool allowed_control = c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
      if ((c < 0x20 && !allowed_control) || c == 0x7f) ++bad;
      ++i;
      continue;
    }
    bool truncated = false;
    const size_t len = Utf8Sequence(head.substr(i), truncated);
    if (truncated) break;  // cut by the end of the probe, not by the data
    if (len == 0) {
      ++bad;
      ++i;
    } else {
      i += len;
    }
  }
  return bad * 10 > head.size() * 3;
}

}  // namespace custos::io
