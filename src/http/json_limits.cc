#include "http/json_limits.h"

#include <string>

namespace lienthong::http {

Status CheckJsonLimits(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return Status::TooLarge("JSON body of " + std::to_string(text.size()) +
                            " bytes is over the limit of " + std::to_string(limits.max_bytes) +
                            " bytes");
  }
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character cannot end the string
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '[':
      case '{':
        if (++depth > limits.max_depth) {
          return Status::InvalidArgument("JSON nested deeper than " +
                                         std::to_string(limits.max_depth) + " levels (at byte " +
                                         std::to_string(i) + ")");
        }
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;  // unbalanced brackets are the parser's to report
        break;
      default: break;
    }
  }
  return Status::Ok();
}

}  // namespace lienthong::http
