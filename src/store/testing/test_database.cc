#include "store/testing/test_database.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <cstdlib>
#include <random>

#include "store/migrations.h"

namespace lienthong {
namespace {

constexpr char kPostgresUrlEnv[] = "LIENTHONG_TEST_POSTGRES";

std::string PostgresUrl() {
  const char* url = std::getenv(kPostgresUrlEnv);
  return url != nullptr ? url : "";
}

// t_ + 16 hex digits: unique across the processes of a parallel ctest run.
std::string RandomSchemaName() {
  std::random_device device;
  std::seed_seq seed{
      device(), device(), static_cast<unsigned>(getpid()),
      static_cast<unsigned>(std::chrono::steady_clock::now().time_since_epoch().count())};
  std::mt19937_64 random(seed);
  constexpr char kHex[] = "0123456789abcdef";
  std::string name = "t_";
  uint64_t bits = random();
  for (int i = 0; i < 16; ++i, bits >>= 4) name += kHex[bits & 0xf];
  return name;
}

// `url` with `schema` as the connection's search_path (in the options, so it survives a
// reconnect); "" when the URL already sets options.
std::string WithSearchPath(const std::string& url, const std::string& schema) {
  if (url.find("options=") != std::string::npos) return "";
  return url + (url.find('?') == std::string::npos ? '?' : '&') + "options=-csearch_path%3D" +
         schema;
}

// The test's connection, plus the admin connection that drops its schema afterwards.
class ScopedSchemaDatabase final : public Database {
 public:
  ScopedSchemaDatabase(std::unique_ptr<Database> admin, std::unique_ptr<Database> db,
                       std::string schema)
      : admin_(std::move(admin)), db_(std::move(db)), schema_(std::move(schema)) {}
  ~ScopedSchemaDatabase() override {
    db_.reset();  // close first so nothing holds locks in the schema
    (void)admin_->Execute("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }
  ScopedSchemaDatabase(const ScopedSchemaDatabase&) = delete;
  ScopedSchemaDatabase& operator=(const ScopedSchemaDatabase&) = delete;

  std::string_view Backend() const override { return db_->Backend(); }
  Status Execute(std::string_view sql, const SqlParams& params) override {
    return db_->Execute(sql, params);
  }
  Result<std::vector<SqlRow>> Query(std::string_view sql, const SqlParams& params) override {
    return db_->Query(sql, params);
  }
  Status QueryEach(std::string_view sql, const SqlParams& params,
                   const std::function<bool(const SqlRow&)>& on_row) override {
    return db_->QueryEach(sql, params, on_row);
  }
  Status ExecuteScript(std::string_view sql) override { return db_->ExecuteScript(sql); }
  Status Begin() override { return db_->Begin(); }
  Status Commit() override { return db_->Commit(); }
  Status Rollback() override { return db_->Rollback(); }

 private:
  std::unique_ptr<Database> admin_;
  std::unique_ptr<Database> db_;
  std::string schema_;
};

Result<std::unique_ptr<Database>> OpenFreshPostgres() {
  std::string url = PostgresUrl();
  if (url.empty()) {
    return Status::FailedPrecondition(std::string(kPostgresUrlEnv) +
                                      " is not set; run the tests under scripts/with-postgres.sh");
  }
  LT_ASSIGN_OR_RETURN(std::unique_ptr<Database> admin, OpenDatabase(url));
  std::string schema = RandomSchemaName();
  LT_RETURN_IF_ERROR(admin->Execute("CREATE SCHEMA " + schema));
  std::string schema_url = WithSearchPath(url, schema);
  bool has_options = schema_url.empty();
  if (has_options) schema_url = url;
  Result<std::unique_ptr<Database>> db = OpenDatabase(schema_url);
  Status status = db.status();
  if (status.ok() && has_options) status = (*db)->Execute("SET search_path TO " + schema);
  if (!status.ok()) {
    (void)admin->Execute("DROP SCHEMA " + schema + " CASCADE");
    return status;
  }
  return std::unique_ptr<Database>(std::make_unique<ScopedSchemaDatabase>(
      std::move(admin), std::move(db).value(), std::move(schema)));
}

}  // namespace

std::vector<std::string> TestBackends() {
  std::vector<std::string> backends = {"sqlite"};
  if (!PostgresUrl().empty()) backends.push_back("postgresql");
  return backends;
}

Result<std::unique_ptr<Database>> OpenFreshTestDatabase(std::string_view backend, bool migrate) {
  std::unique_ptr<Database> db;
  if (backend == "sqlite") {
    LT_ASSIGN_OR_RETURN(db, OpenDatabase("sqlite::memory:"));
  } else if (backend == "postgresql") {
    LT_ASSIGN_OR_RETURN(db, OpenFreshPostgres());
  } else {
    return Status::InvalidArgument("unknown test backend \"" + std::string(backend) +
                                   "\"; expected sqlite or postgresql");
  }
  if (migrate) {
    LT_ASSIGN_OR_RETURN(std::vector<int> applied, MigrateDatabase(*db));
    (void)applied;
  }
  return db;
}

bool PostgresRequired() {
  const char* required = std::getenv("LIENTHONG_REQUIRE_POSTGRES");
  return required != nullptr && std::string_view(required) == "1";
}

Result<std::unique_ptr<SharedTestDatabase>> SharedTestDatabase::Open(std::string_view backend) {
  std::unique_ptr<SharedTestDatabase> shared(new SharedTestDatabase());
  if (backend == "sqlite") {
    char pattern[] = "/tmp/lienthong-shared-XXXXXX";
    const char* made = mkdtemp(pattern);
    if (made == nullptr) return Status::IoError("cannot create a directory under /tmp");
    shared->sqlite_dir_ = made;
    shared->url_ = "sqlite:" + shared->sqlite_dir_ + "/shared.db";
    LT_ASSIGN_OR_RETURN(shared->db_, OpenDatabase(shared->url_));
    LT_ASSIGN_OR_RETURN(std::vector<int> applied, MigrateDatabase(*shared->db_));
    (void)applied;
    return shared;
  }
  LT_ASSIGN_OR_RETURN(shared->db_, OpenFreshTestDatabase(backend, /*migrate=*/true));
  LT_ASSIGN_OR_RETURN(shared->url_, SameDatabaseUrl(*shared->db_));
  return shared;
}

Result<std::string> SameDatabaseUrl(Database& db) {
  if (db.Backend() == "sqlite") {
    LT_ASSIGN_OR_RETURN(auto file,
                        db.Query("SELECT file FROM pragma_database_list WHERE name = 'main'"));
    if (file.empty() || file[0].Text(0).empty()) {
      return Status::FailedPrecondition("an in-memory SQLite database has no second connection");
    }
    return "sqlite:" + file[0].Text(0);
  }
  LT_ASSIGN_OR_RETURN(auto schema, db.Query("SELECT current_schema()"));
  std::string url = WithSearchPath(PostgresUrl(), schema.at(0).Text(0));
  if (url.empty()) {
    return Status::FailedPrecondition(std::string(kPostgresUrlEnv) +
                                      " already sets options=; a second connection needs its own");
  }
  return url;
}

SharedTestDatabase::~SharedTestDatabase() {
  db_.reset();
  if (!sqlite_dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(sqlite_dir_, ignored);
  }
}

}  // namespace lienthong
