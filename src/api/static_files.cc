#include "api/static_files.h"

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

}  // namespace

http::HttpResponse ServeStaticFile(const std::string& root, const std::string& path) {
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
  if (!ReadWhole(file, response.body)) {
    return http::ErrorResponse(404, "not_found", "no such file: " + path.substr(0, 200));
  }
  response.content_type = ContentTypeOf(file.extension().string());
  bool hashed = relative.string().rfind("assets/", 0) == 0;
  response.headers.emplace_back("Cache-Control",
                                hashed ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

}  // namespace lienthong::api
