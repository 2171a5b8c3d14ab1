#include "http/request_parsing.h"

#include <gtest/gtest.h>

#include "http/multipart.h"

namespace lienthong::http {
namespace {

TEST(RequestParsing, DecodesPathQueryAndCookies) {
  HttpRequest r = MakeRequest("GET", "/api/v1/search?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i&x=&bad=%zz",
                              {{"Cookie", "a=1; lienthong_session=abc ; b=2"}, {"X-Thing", "v"}},
                              "", "127.0.0.1");
  EXPECT_EQ(r.path, "/api/v1/search");
  EXPECT_EQ(r.QueryParam("q"), "chuyển đổi");
  EXPECT_EQ(r.QueryParam("x"), "");
  EXPECT_EQ(r.QueryParam("bad"), "%zz");
  EXPECT_EQ(r.QueryParam("missing"), std::nullopt);
  EXPECT_EQ(r.cookies.at("lienthong_session"), "abc");
  EXPECT_EQ(r.Header("x-thing"), "v");
  EXPECT_EQ(r.request_id.size(), 16u);
}

TEST(Multipart, ReadsAFileAndAField) {
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"unit\"\r\n\r\n66001\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kế hoạch.txt\"\r\n"
      "Content-Type: text/plain\r\n\r\nline 1\r\nline 2\r\n--XyZ--\r\n";
  auto parts = ParseMultipart("multipart/form-data; boundary=XyZ", body);
  ASSERT_TRUE(parts.ok()) << parts.status().ToString();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "unit");
  EXPECT_EQ((*parts)[0].data, "66001");
  EXPECT_EQ((*parts)[1].filename, "kế hoạch.txt");
  EXPECT_EQ((*parts)[1].data, "line 1\r\nline 2");
}

TEST(Multipart, NamesWhatIsWrong) {
  EXPECT_EQ(ParseMultipart("application/json", "{}").status().code(), StatusCode::kUnsupported);
  EXPECT_EQ(ParseMultipart("multipart/form-data", "x").status().code(),
            StatusCode::kInvalidArgument);
  auto truncated = ParseMultipart(
      "multipart/form-data; boundary=b",
      "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nhalf a fi");
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("truncated"), std::string::npos);
}

}  // namespace
}  // namespace lienthong::http
