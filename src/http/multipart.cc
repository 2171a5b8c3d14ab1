#include "http/multipart.h"

#include <algorithm>
#include <cctype>

#include "util/utf8.h"

namespace lienthong::http {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The value of `key=` in a header like `form-data; name="file"; filename="a.docx"`.
std::string HeaderParameter(std::string_view header, std::string_view key) {
  std::string lower = Lower(header);
  std::string needle = std::string(key) + "=";
  size_t at = 0;
  while ((at = lower.find(needle, at)) != std::string::npos) {
    bool boundary_ok = at == 0 || lower[at - 1] == ' ' || lower[at - 1] == ';';
    if (!boundary_ok) {
      at += needle.size();
      continue;
    }
    size_t start = at + needle.size();
    if (start < header.size() && header[start] == '"') {
      size_t end = header.find('"', start + 1);
      if (end == std::string_view::npos) return "";
      return std::string(header.substr(start + 1, end - start - 1));
    }
    size_t end = header.find(';', start);
    return std::string(header.substr(start, end == std::string_view::npos ? end : end - start));
  }
  return "";
}

// File names end up in JSON answers, logs and the database: UTF-8 without control characters,
// at most kMaxFileNameBytes.
Status CheckFileName(const std::string& name) {
  if (name.size() > kMaxFileNameBytes) {
    return Status::InvalidArgument("file name longer than " + std::to_string(kMaxFileNameBytes) +
                                   " bytes");
  }
  if (FindInvalidUtf8(name) != std::string_view::npos) {
    return Status::InvalidArgument("file name is not valid UTF-8");
  }
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) {
      return Status::InvalidArgument("file name contains a control character");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body) {
  if (Lower(content_type).rfind("multipart/form-data", 0) != 0) {
    return Status::Unsupported("expected Content-Type multipart/form-data, got '" +
                               std::string(content_type.substr(0, 80)) + "'");
  }
  std::string boundary = HeaderParameter(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 200) {
    return Status::InvalidArgument("multipart body without a boundary parameter");
  }
  std::string delimiter = "--" + boundary;
  std::vector<FormPart> parts;
  size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) {
    return Status::InvalidArgument("multipart body: opening boundary not found");
  }
  while (true) {
    pos += delimiter.size();
    if (body.substr(pos, 2) == "--") return parts;  // closing delimiter
    if (body.substr(pos, 2) != "\r\n") {
      return Status::InvalidArgument("multipart body: malformed boundary line at byte " +
                                     std::to_string(pos));
    }
    pos += 2;
    size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) {
      return Status::InvalidArgument("multipart part " + std::to_string(parts.size() + 1) +
                                     ": headers not terminated");
    }
    FormPart part;
    std::string_view headers = body.substr(pos, headers_end - pos);
    while (!headers.empty()) {
      size_t eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      size_t colon = line.find(':');
      if (colon != std::string_view::npos) {
        std::string name = Lower(line.substr(0, colon));
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        if (name == "content-disposition") {
          part.name = HeaderParameter(value, "name");
          part.filename = HeaderParameter(value, "filename");
          LT_RETURN_IF_ERROR(CheckFileName(part.filename));
        } else if (name == "content-type") {
          part.content_type = std::string(value);
        }
      }
      if (eol == std::string_view::npos) break;
      headers.remove_prefix(eol + 2);
    }
    size_t data_start = headers_end + 4;
    size_t next = body.find("\r\n" + delimiter, data_start);
    if (next == std::string_view::npos) {
      return Status::InvalidArgument("multipart part '" + part.name +
                                     "': closing boundary not found (truncated upload?)");
    }
    part.data = std::string(body.substr(data_start, next - data_start));
    parts.push_back(std::move(part));
    pos = next + 2;
  }
}

}  // namespace lienthong::http
