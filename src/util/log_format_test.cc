#include "util/log_format.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

// Issue 12 #12: %0d%0a in a path must not start a forged line; ANSI escapes must not reach the log.
TEST(LogFormat, EscapesControlCharactersAndBrokenUtf8) {
  EXPECT_EQ(EscapeControlCharacters("/a\r\n2026-01-01 info request user=admin"),
            "/a\\x0d\\x0a2026-01-01 info request user=admin");
  EXPECT_EQ(EscapeControlCharacters("\x1b[31mred"), "\\x1b[31mred");
  EXPECT_EQ(EscapeControlCharacters("chuyển đổi số"), "chuyển đổi số");
  EXPECT_EQ(EscapeControlCharacters("\xc2\x9b" "2J"), "\\xc2\\x9b2J") << "C1 CSI";
  EXPECT_EQ(EscapeControlCharacters("a\xff" "b\xe1\xbb"), "a\\xffb\\xe1\\xbb");
  EXPECT_EQ(EscapeControlCharacters("a\\x0a"), "a\\\\x0a") << "a literal \\x stays apart";
}

TEST(LogFormat, QuotesValuesThatAreNotPlainTokens) {
  EXPECT_EQ(LogValue("/api/v1/plans"), "/api/v1/plans");
  EXPECT_EQ(LogValue(""), "-");
  EXPECT_EQ(LogValue("/a b"), "\"/a b\"");
  EXPECT_EQ(LogValue("x\" user=admin"), "\"x\\\" user=admin\"");
  EXPECT_EQ(LogValue("a=b"), "\"a=b\"");
}

}  // namespace
}  // namespace lienthong
