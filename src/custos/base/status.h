// Status: the result of an operation that can fail, with a message that names
// what failed and where (file, line, field). Modelled on LevelDB's Status.
// custos never puts a PI value into a Status message.
#ifndef CUSTOS_BASE_STATUS_H_
#define CUSTOS_BASE_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace custos {

class Status {
 public:
  enum class Code { kOk = 0, kInvalidArgument, kNotFound, kIoError, kCorruption, kUnsupported, kInternal };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: <message>" style text for humans.
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status explaining why there is none.
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}            // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {     // NOLINT: implicit by design
    if (status_.ok()) status_ = Status::Internal("StatusOr built from an Ok status");
  }
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace custos

#define CUSTOS_RETURN_IF_ERROR(expr)         \
  do {                                       \
    ::custos::Status custos_status_ = (expr); \
    if (!custos_status_.ok()) return custos_status_; \
  } while (0)

#endif  // CUSTOS_BASE_STATUS_H_
