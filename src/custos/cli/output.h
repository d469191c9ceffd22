// cli: writing results. A file is written under a temporary name and renamed into
// place only when complete, so a failed run never leaves half a report behind.
#ifndef CUSTOS_CLI_OUTPUT_H_
#define CUSTOS_CLI_OUTPUT_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "custos/base/status.h"

namespace custos::cli {

class Output {
 public:
  // "-" or empty: standard output.
  static StatusOr<Output> Open(const std::string& path);
  Output(Output&& o) noexcept;
  Output& operator=(Output&&) = delete;
  ~Output();  // abandons (removes) an uncommitted temporary file

  Status Write(std::string_view data);
  // Flushes and, for files, fsyncs and renames the temporary into place.
  Status Commit();

 private:
  Output() = default;
  std::FILE* f_ = nullptr;
  std::string path_, tmp_;
  bool committed_ = false;
};

}  // namespace custos::cli

#endif  // CUSTOS_CLI_OUTPUT_H_
