// The web UI's files: precompressed copies sent to clients that accept them (issue 13 #9).
#include "api/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace lienthong::api {
namespace {

std::string HeaderOf(const http::HttpResponse& r, const std::string& name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() / ("lt-static-" + std::to_string(getpid()));
    std::filesystem::create_directories(root_ / "assets");
    Write("index.html", "<!doctype html>");
    Write("assets/app-1a2b.js", "plain");
    Write("assets/app-1a2b.js.br", "brotli");
    Write("assets/app-1a2b.js.gz", "gzip");
    Write("assets/only-gz.css", "plain css");
    Write("assets/only-gz.css.gz", "gzip css");
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(root_ / name, std::ios::binary) << text;
  }
  http::HttpResponse Get(const std::string& path, const std::string& accept) {
    return ServeStaticFile(root_.string(), path, accept);
  }
  std::filesystem::path root_;
};

TEST_F(StaticFilesTest, SendsThePrecompressedCopyTheClientAccepts) {
  auto br = Get("/assets/app-1a2b.js", "gzip, deflate, br");
  EXPECT_EQ(br.body, "brotli");
  EXPECT_EQ(HeaderOf(br, "Content-Encoding"), "br");
  EXPECT_EQ(HeaderOf(br, "Vary"), "Accept-Encoding");
  EXPECT_EQ(br.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(br, "Cache-Control"), "public, max-age=31536000, immutable");

  auto gz = Get("/assets/app-1a2b.js", "gzip");
  EXPECT_EQ(gz.body, "gzip");
  EXPECT_EQ(HeaderOf(gz, "Content-Encoding"), "gzip");

  auto plain = Get("/assets/app-1a2b.js", "");
  EXPECT_EQ(plain.body, "plain");
  EXPECT_EQ(HeaderOf(plain, "Content-Encoding"), "");

  // Refused with q=0, or no such copy: the next one, or the file itself.
  EXPECT_EQ(Get("/assets/app-1a2b.js", "br;q=0, gzip").body, "gzip");
  EXPECT_EQ(Get("/assets/only-gz.css", "br, gzip").body, "gzip css");
  EXPECT_EQ(Get("/index.html", "br, gzip").body, "<!doctype html>");
  EXPECT_EQ(HeaderOf(Get("/index.html", ""), "Cache-Control"), "no-cache");
}

TEST(AcceptsEncoding, ReadsTheHeader) {
  EXPECT_TRUE(AcceptsEncoding("gzip, deflate, br", "br"));
  EXPECT_TRUE(AcceptsEncoding("GZIP;q=0.5", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("gzip;q=0", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("identity", "gzip"));
  EXPECT_TRUE(AcceptsEncoding("*", "br"));
  EXPECT_FALSE(AcceptsEncoding("*, br;q=0", "br"));
  EXPECT_FALSE(AcceptsEncoding("", "br"));
}

}  // namespace
}  // namespace lienthong::api
