#include "http/json_limits.h"

#include <gtest/gtest.h>

#include <string>

namespace lienthong::http {
namespace {

std::string Nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(JsonLimits, AcceptsOrdinaryBodies) {
  EXPECT_TRUE(CheckJsonLimits(R"({"a": [1, {"b": "c"}], "d": null})").ok());
  EXPECT_TRUE(CheckJsonLimits(Nested(64)).ok());
  EXPECT_TRUE(CheckJsonLimits("").ok()) << "empty bodies are the parser's to refuse";
}

TEST(JsonLimits, RefusesDeepNestingWithoutRecursing) {
  // The body of issue 12 #1: 100,000 levels; a recursive check would overflow the stack here.
  std::string deep = "{\"unit\":" + Nested(100000) + "}";
  Status status = CheckJsonLimits(deep);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("deeper than 64"), std::string::npos) << status.message();
  EXPECT_EQ(CheckJsonLimits(Nested(65)).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(CheckJsonLimits(std::string(100, '{')).code(), StatusCode::kInvalidArgument)
      << "unclosed brackets count too";
}

TEST(JsonLimits, BracketsInStringsDoNotCount) {
  std::string text = "{\"title\": \"" + std::string(1000, '[') + "\\\"" + std::string(1000, '{') +
                     "\"}";
  EXPECT_TRUE(CheckJsonLimits(text).ok());
  // An escaped backslash ends the escape: the quote after it closes the string.
  EXPECT_EQ(CheckJsonLimits("[\"\\\\\"" + Nested(70) + "]").code(), StatusCode::kInvalidArgument);
}

TEST(JsonLimits, RefusesOversizedBodies) {
  Status status = CheckJsonLimits(std::string(101, ' '), {.max_depth = 64, .max_bytes = 100});
  EXPECT_EQ(status.code(), StatusCode::kTooLarge);
}

}  // namespace
}  // namespace lienthong::http
