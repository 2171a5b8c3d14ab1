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
  // The search_path goes into the connection options so it survives a reconnect.
  bool has_options = url.find("options=") != std::string::npos;
  std::string schema_url = url;
  if (!has_options) {
    schema_url += url.find('?') == std::string::npos ? '?' : '&';
    schema_url += "options=-csearch_path%3D" + schema;
  }
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
  LT_ASSIGN_OR_RETURN(auto schema, shared->db_->Query("SELECT current_schema()"));
  std::string url = PostgresUrl();
  if (url.find("options=") != std::string::npos) {
    return Status::FailedPrecondition(std::string(kPostgresUrlEnv) +
                                      " already sets options=; shared test databases need their own");
  }
  url += url.find('?') == std::string::npos ? '?' : '&';
  shared->url_ = url + "options=-csearch_path%3D" + schema.at(0).Text(0);
  return shared;
}

SharedTestDatabase::~SharedTestDatabase() {
  db_.reset();
  if (!sqlite_dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(sqlite_dir_, ignored);
  }
}

}  // namespace lienthong
