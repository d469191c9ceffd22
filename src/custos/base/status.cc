#include "custos/base/status.h"

namespace custos {

std::string Status::ToString() const {
  std::string_view prefix;
  switch (code_) {
    case Code::kOk: return "ok";
    case Code::kInvalidArgument: prefix = "invalid argument: "; break;
    case Code::kNotFound: prefix = "not found: "; break;
    case Code::kIoError: prefix = "I/O error: "; break;
    case Code::kCorruption: prefix = "corrupt input: "; break;
    case Code::kUnsupported: prefix = "unsupported: "; break;
    case Code::kInternal: prefix = "internal error: "; break;
  }
  return std::string(prefix) + message_;
}

}  // namespace custos
