#include "store/param_check.h"

#include <string>

namespace lienthong {

Status CheckTextParams(const SqlParams& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    const auto* text = std::get_if<std::string>(&params[i]);
    if (text != nullptr && text->find('\0') != std::string::npos) {
      return Status::InvalidArgument("text parameter " + std::to_string(i + 1) +
                                     " contains a NUL byte");
    }
  }
  return Status::Ok();
}

}  // namespace lienthong
