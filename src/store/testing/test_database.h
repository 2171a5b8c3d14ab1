// Fresh, isolated databases for tests, on every backend the environment offers. Compiled into the
// core library (no gtest dependency) so every module's tests can run against both backends:
//
//   class UnitRepositoryTest : public ::testing::TestWithParam<std::string> {};
//   TEST_P(UnitRepositoryTest, …) {
//     auto db = OpenFreshTestDatabase(GetParam());
//     ASSERT_TRUE(db.ok()) << db.status().ToString();
//     …
//   }
//   INSTANTIATE_TEST_SUITE_P(Backends, UnitRepositoryTest, ::testing::ValuesIn(TestBackends()));
//
// Environment: LIENTHONG_TEST_POSTGRES=postgresql://… enables PostgreSQL (scripts/with-postgres.sh
// sets it); LIENTHONG_REQUIRE_POSTGRES=1 says CI expects it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace lienthong {

// "sqlite", then "postgresql" when LIENTHONG_TEST_POSTGRES holds a URL.
std::vector<std::string> TestBackends();

// A database no other test sees: on SQLite a private in-memory database; on PostgreSQL a new
// schema t_<random> in the LIENTHONG_TEST_POSTGRES database, made the connection's search_path,
// and dropped with everything in it when the returned object is destroyed. Migrated to the newest
// schema when `migrate`. Errors: kInvalidArgument for an unknown backend, kFailedPrecondition for
// "postgresql" without LIENTHONG_TEST_POSTGRES, or whatever opening/migrating returned.
Result<std::unique_ptr<Database>> OpenFreshTestDatabase(std::string_view backend,
                                                        bool migrate = true);

// True when LIENTHONG_REQUIRE_POSTGRES=1: a run without PostgreSQL must then fail, not skip.
bool PostgresRequired();

}  // namespace lienthong
