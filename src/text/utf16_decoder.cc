#include <string>

#include "text/legacy_decoders.h"
#include "util/utf8.h"

namespace lienthong::text_internal {

Result<std::string> DecodeUtf16(std::string_view bytes, bool big_endian) {
  if (bytes.size() % 2 != 0) {
    return Status::InvalidArgument("UTF-16 text has an odd number of bytes (" +
                                   std::to_string(bytes.size()) + ")");
  }
  auto unit_at = [&](size_t offset) {
    const auto hi = static_cast<unsigned char>(bytes[offset + (big_endian ? 0 : 1)]);
    const auto lo = static_cast<unsigned char>(bytes[offset + (big_endian ? 1 : 0)]);
    return static_cast<char32_t>((hi << 8) | lo);
  };
  std::string out;
  out.reserve(bytes.size());
  for (size_t offset = 0; offset < bytes.size(); offset += 2) {
    char32_t unit = unit_at(offset);
    if (unit >= 0xD800 && unit <= 0xDBFF && offset + 2 < bytes.size()) {
      const char32_t low = unit_at(offset + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), &out);
        offset += 2;
        continue;
      }
    }
    if (unit >= 0xD800 && unit <= 0xDFFF) {
      return Status::InvalidArgument("UTF-16 text has an unpaired surrogate at byte offset " +
                                     std::to_string(offset));
    }
    AppendUtf8(unit, &out);
  }
  return out;
}

}  // namespace lienthong::text_internal
