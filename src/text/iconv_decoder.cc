// Windows-1258 through glibc iconv. Its tone marks are separate combining bytes (0xCC 0xEC 0xD2
// 0xDE 0xF2), so the output is only right after NFC, which DecodeText applies.
#include <iconv.h>

#include <cerrno>
#include <string>

#include "text/legacy_decoders.h"

namespace lienthong::text_internal {

Result<std::string> DecodeWindows1258(std::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", "WINDOWS-1258");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Status::Unsupported("windows-1258 is not available in this system's iconv");
  }
  std::string out;
  std::string input(bytes);  // iconv wants a mutable char*
  char* in_ptr = input.data();
  size_t in_left = input.size();
  std::string buffer(4 * input.size() + 16, '\0');
  char* out_ptr = buffer.data();
  size_t out_left = buffer.size();
  Status status;
  while (in_left > 0) {
    if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<size_t>(-1)) break;
    if (errno == EILSEQ || errno == EINVAL) {
      // Five bytes are unassigned in cp1258; keep going with U+FFFD rather than lose the text.
      const char replacement[] = "\xEF\xBF\xBD";
      if (out_left < 3) break;
      for (char r : std::string_view(replacement, 3)) *out_ptr++ = r;
      out_left -= 3;
      ++in_ptr;
      --in_left;
      continue;
    }
    status = Status::Internal("iconv windows-1258 failed after byte " +
                              std::to_string(input.size() - in_left));
    break;
  }
  // Flush any base letter the converter is still holding back for a possible tone mark.
  iconv(cd, nullptr, nullptr, &out_ptr, &out_left);
  iconv_close(cd);
  if (!status.ok()) return status;
  buffer.resize(buffer.size() - out_left);
  return buffer;
}

}  // namespace lienthong::text_internal
