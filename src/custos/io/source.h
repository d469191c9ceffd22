// io: byte sources. A file, a gzip file (by magic bytes, whatever its name) or stdin
// ("-"), read in blocks. Errors name the file.
#ifndef CUSTOS_IO_SOURCE_H_
#define CUSTOS_IO_SOURCE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "custos/base/status.h"

namespace custos::io {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes into buf. Returns 0 at end of input. A truncated or corrupt
  // gzip stream is an IoError/Corruption naming the file.
  virtual StatusOr<size_t> Read(char* buf, size_t n) = 0;
  // The name used in messages and findings ("-" is shown as "<stdin>").
  virtual const std::string& name() const = 0;
  virtual bool compressed() const = 0;
};

// Opens `path` ("-" for stdin). gzip input (magic 1f 8b) is decompressed transparently,
// including multi-member files.
StatusOr<std::unique_ptr<ByteSource>> OpenSource(const std::string& path);

// An in-memory source, for tests and for callers that already hold the bytes.
std::unique_ptr<ByteSource> MemorySource(std::string name, std::string data);

}  // namespace custos::io

#endif  // CUSTOS_IO_SOURCE_H_
