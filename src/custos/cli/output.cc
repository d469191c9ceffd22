#include "custos/cli/output.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace custos::cli {

StatusOr<Output> Output::Open(const std::string& path) {
  Output o;
  if (path.empty() || path == "-") {
    o.f_ = stdout;
    return o;
  }
  o.path_ = path;
  o.tmp_ = path + ".tmp." + std::to_string(::getpid());
  o.f_ = std::fopen(o.tmp_.c_str(), "wb");
  if (o.f_ == nullptr) return Status::IoError(path + ": cannot create: " + std::strerror(errno));
  return o;
}

Output::Output(Output&& o) noexcept
    : f_(std::exchange(o.f_, nullptr)), path_(std::move(o.path_)), tmp_(std::move(o.tmp_)), committed_(o.committed_) {}

Output::~Output() {
  if (f_ != nullptr && f_ != stdout) {
    std::fclose(f_);
    if (!committed_) std::remove(tmp_.c_str());
  }
}

Status Output::Write(std::string_view data) {
  if (data.empty()) return Status::Ok();
  if (std::fwrite(data.data(), 1, data.size(), f_) != data.size()) {
    return Status::IoError((path_.empty() ? std::string("<stdout>") : path_) + ": write failed: " + std::strerror(errno));
  }
  return Status::Ok();
}

Status Output::Commit() {
  const std::string name = path_.empty() ? std::string("<stdout>") : path_;
  if (std::fflush(f_) != 0) return Status::IoError(name + ": write failed: " + std::strerror(errno));
  if (f_ == stdout) return Status::Ok();
  if (::fsync(::fileno(f_)) != 0) return Status::IoError(name + ": fsync failed: " + std::strerror(errno));
  std::fclose(f_);
  f_ = nullptr;
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    std::remove(tmp_.c_str());
    return Status::IoError(name + ": cannot rename into place: " + std::strerror(errno));
  }
  committed_ = true;
  return Status::Ok();
}

}  // namespace custos::cli
