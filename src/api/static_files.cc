#include "api/static_files.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/request_parsing.h"

namespace lienthong::api {
namespace {

std::string ContentTypeOf(const std::string& extension) {
  if (extension == ".html") return "text/html; charset=utf-8";
  if (extension == ".js" || extension == ".mjs") return "text/javascript; charset=utf-8";
  if (extension == ".css") return "text/css; charset=utf-8";
  if (extension == ".json") return "application/json";
  if (extension == ".svg") return "image/svg+xml";
  if (extension == ".png") return "image/png";
  if (extension == ".ico") return "image/x-icon";
  if (extension == ".woff2") return "font/woff2";
  if (extension == ".webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

bool ReadWhole(const std::filesystem::path& file, std::string& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = buffer.str();
  return true;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string TrimSpaces(const std::string& text) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

}  // namespace

bool AcceptsEncoding(const std::string& accept_encoding, const std::string& coding) {
  std::istringstream items(Lower(accept_encoding));
  std::string item;
  bool star = false;
  while (std::getline(items, item, ',')) {
    const size_t semicolon = item.find(';');
    const std::string name = TrimSpaces(item.substr(0, semicolon));
    std::string params = semicolon == std::string::npos ? "" : item.substr(semicolon + 1);
    params.erase(std::remove(params.begin(), params.end(), ' '), params.end());
    const bool refused = params == "q=0" || params == "q=0.0" || params == "q=0.00" ||
                         params == "q=0.000";
    if (name == coding) return !refused;
    if (name == "*") star = !refused;
  }
  return star;
}

http::HttpResponse ServeStaticFile(const std::string& root, const std::string& path,
                                   const std::string& accept_encoding) {
  namespace fs = std::filesystem;
  if (root.empty()) {
    return http::ErrorResponse(404, "not_found", "this server has no web UI (--web-root)");
  }
  fs::path relative = fs::path(path).relative_path().lexically_normal();
  bool escapes = !relative.empty() && *relative.begin() == "..";
  fs::path file = fs::path(root) / relative;
  bool is_asset = relative.has_extension();
  if (escapes || path.find('\0') != std::string::npos) {
    return http::ErrorResponse(404, "not_found", "no such file");
  }
  if (!is_asset || relative.empty()) file = fs::path(root) / "index.html";
  http::HttpResponse response;
  // The precompressed copy the client accepts, brotli first (smaller), else the file itself.
  std::string encoding;
  for (const char* coding : {"br", "gzip"}) {
    const fs::path packed = file.string() + (std::string(coding) == "br" ? ".br" : ".gz");
    if (AcceptsEncoding(accept_encoding, coding) && ReadWhole(packed, response.body)) {
      encoding = coding;
      break;
    }
  }
  if (encoding.empty() && !ReadWhole(file, response.body)) {
    return http::ErrorResponse(404, "not_found", "no such file: " + path.substr(0, 200));
  }
  response.content_type = ContentTypeOf(file.extension().string());
  if (!encoding.empty()) response.headers.emplace_back("Content-Encoding", encoding);
  response.headers.emplace_back("Vary", "Accept-Encoding");
  bool hashed = relative.string().rfind("assets/", 0) == 0;
  response.headers.emplace_back("Cache-Control",
                                hashed ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

}  // namespace lienthong::api
