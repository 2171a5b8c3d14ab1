// The lazy loading of libpq (libpq_library.h).
#include "store/postgres/libpq_library.h"

#include <gtest/gtest.h>

#include <string>

namespace lienthong {
namespace {

constexpr char kHint[] = "PostgreSQL support needs libpq: apt-get install libpq5 (";

TEST(LibpqLibraryTest, LoadsOnceWithEveryFunction) {
  Result<const LibpqApi*> pq = LoadLibpq();
  ASSERT_TRUE(pq.ok()) << pq.status().ToString();
  EXPECT_EQ(LoadLibpq().value(), *pq);  // cached
  EXPECT_NE((*pq)->PQconnectdbParams, nullptr);
  EXPECT_NE((*pq)->PQclear, nullptr);
}

TEST(LibpqLibraryTest, MissingLibraryIsUnavailableAndNamed) {
  Result<LibpqApi> r =
      libpq_library_internal::LoadLibpqFrom({"libpq-missing.so.5", "libmissing.so"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  const std::string& message = r.status().message();
  EXPECT_EQ(message.rfind(kHint, 0), 0u) << message;
  EXPECT_NE(message.find("libpq-missing.so.5"), std::string::npos) << message;
  EXPECT_NE(message.find("libmissing.so"), std::string::npos) << message;
}

TEST(LibpqLibraryTest, MissingFunctionIsUnavailableAndNamed) {
  Result<LibpqApi> r = libpq_library_internal::LoadLibpqFrom({"libc.so.6"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  const std::string& message = r.status().message();
  EXPECT_EQ(message.rfind(kHint, 0), 0u) << message;
  EXPECT_NE(message.find("libc.so.6 has no function PQconnectdbParams"), std::string::npos)
      << message;
}

}  // namespace
}  // namespace lienthong
