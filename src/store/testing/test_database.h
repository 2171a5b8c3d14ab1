// Fresh, isolated databases for tests, on every backend the environment offers. Part of the
// test-only library lienthong_testing (no gtest dependency, so the benchmarks link it too); every
// module's tests run against both backends:
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

// A URL that opens another connection to the same database as `db`: its SQLite file, or the
// PostgreSQL of LIENTHONG_TEST_POSTGRES with `db`'s current schema as search_path. Errors:
// kFailedPrecondition for an in-memory SQLite database (private to its connection) or when
// LIENTHONG_TEST_POSTGRES already sets options=.
Result<std::string> SameDatabaseUrl(Database& db);

// A fresh, migrated database that several connections can open at once (each thread needs its
// own): on SQLite a file in a new directory under /tmp (an in-memory database is private to its
// connection), removed with the object; on PostgreSQL a fresh schema as above. `url` opens more
// connections to it; `db` is the first one.
class SharedTestDatabase {
 public:
  static Result<std::unique_ptr<SharedTestDatabase>> Open(std::string_view backend);
  ~SharedTestDatabase();
  SharedTestDatabase(const SharedTestDatabase&) = delete;
  SharedTestDatabase& operator=(const SharedTestDatabase&) = delete;

  Database& db() { return *db_; }
  const std::string& url() const { return url_; }

 private:
  SharedTestDatabase() = default;
  std::unique_ptr<Database> db_;
  std::string url_;
  std::string sqlite_dir_;
};

// True when LIENTHONG_REQUIRE_POSTGRES=1: a run without PostgreSQL must then fail, not skip.
bool PostgresRequired();

}  // namespace lienthong
