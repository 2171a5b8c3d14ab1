#include "export/content_disposition.h"

#include <cstdio>

namespace lienthong {
namespace {

bool Forbidden(unsigned char c) {
  return c < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
         c == '"' || c == '<' || c == '>' || c == '|';
}

}  // namespace

std::string AttachmentDisposition(const std::string& ascii_fallback, const std::string& utf8_name) {
  std::string ascii;
  for (unsigned char c : ascii_fallback) ascii += (Forbidden(c) || c >= 0x80) ? '-' : char(c);
  std::string encoded;
  for (unsigned char c : utf8_name) {
    if (Forbidden(c)) c = '-';
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      encoded += buffer;
    }
  }
  std::string header = "attachment; filename=\"" + ascii + "\"";
  if (!encoded.empty()) header += "; filename*=UTF-8''" + encoded;
  return header;
}

}  // namespace lienthong
