#include "store/redact.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

TEST(DatabaseRedact, MasksUrlPasswords) {
  EXPECT_EQ(RedactDatabaseUrl("postgresql://lt:s3cret@db.example:5432/lienthong"),
            "postgresql://lt:***@db.example:5432/lienthong");
  EXPECT_EQ(RedactDatabaseUrl("postgres://lt:p%40ss@db/x?sslmode=require&password=two"),
            "postgres://lt:***@db/x?sslmode=require&password=***");
  EXPECT_EQ(RedactDatabaseUrl("postgresql://db/x?PASSWORD=abc#frag"),
            "postgresql://db/x?PASSWORD=***#frag");
  EXPECT_EQ(RedactDatabaseUrl("postgresql://lt@db/x"), "postgresql://lt@db/x");
  EXPECT_EQ(RedactDatabaseUrl("postgresql://db:5432/x"), "postgresql://db:5432/x");
  EXPECT_EQ(RedactDatabaseUrl("host=db password='a b' user=lt"), "host=db password=*** user=lt");
  EXPECT_EQ(RedactDatabaseUrl("sqlite:/var/lib/lienthong.db"), "sqlite:/var/lib/lienthong.db");
}

TEST(DatabaseRedact, RemovesUrlSecretsFromDriverMessages) {
  EXPECT_EQ(
      RedactUrlSecrets("invalid percent-encoded token: \"p%zzss\"", "postgresql://lt:p%zzss@db/x"),
      "invalid percent-encoded token: \"***\"");
  EXPECT_EQ(RedactUrlSecrets("bad p@ss here", "postgresql://lt:p%40ss@db/x"), "bad *** here");
}

TEST(DatabaseRedact, RemovesParameterValuesFromMessages) {
  SqlParams params = {std::string("hunter2"), int64_t{99999999999}, std::string("a-long-secret"),
                      std::monostate{}, std::string("")};
  EXPECT_EQ(RedactParameterValues("invalid input syntax for type bigint: \"hunter2\"", params),
            "invalid input syntax for type bigint: \"***\"");
  EXPECT_EQ(RedactParameterValues("value \"99999999999\" is out of range", params),
            "value \"***\" is out of range");
  EXPECT_EQ(RedactParameterValues("saw a-long-secret unquoted", params), "saw *** unquoted");
  // Short unquoted values stay: blanking them would blank ordinary words.
  EXPECT_EQ(RedactParameterValues("hunter2 unquoted", params), "hunter2 unquoted");
}

}  // namespace
}  // namespace lienthong
