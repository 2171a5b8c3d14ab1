#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "store/param_check.h"
#include "store/redact.h"

namespace lienthong {
namespace {

constexpr int kBusyTimeoutMs = 5000;
// Cached statements are keyed by SQL text; callers that build SQL dynamically (IN lists) could
// grow the cache without bound, so it is emptied when it reaches this size.
constexpr size_t kMaxCachedStatements = 256;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Maps the connection's last error to a Status. The message is SQLite's own ("UNIQUE constraint
// failed: units.code"), which names columns and constraints but not values.
Status SqliteError(sqlite3* db, const SqlParams& params = {}) {
  int code = sqlite3_extended_errcode(db);
  std::string message = RedactParameterValues(sqlite3_errmsg(db), params);
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Status::AlreadyExists(message);
    default:
      break;
  }
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:  // FOREIGNKEY, CHECK, NOTNULL, TRIGGER
      return Status::FailedPrecondition(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Unavailable(message + " (another connection held the lock for over " +
                                 std::to_string(kBusyTimeoutMs / 1000) + " s)");
    case SQLITE_ERROR:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_TOOBIG:
      return Status::InvalidArgument(message);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return Status::IoError(message);
    default:
      return Status::Internal(message);
  }
}

// Reads the current row into `row`, reusing its strings' storage: QueryEach hands the same
// SqlRow to every callback, so a scan of thousands of rows does not allocate per value.
void ReadRowInto(sqlite3_stmt* stmt, SqlRow& row) {
  int columns = sqlite3_column_count(stmt);
  row.values.resize(columns);
  for (int i = 0; i < columns; ++i) {
    SqlValue& value = row.values[i];
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_INTEGER:
        value = static_cast<int64_t>(sqlite3_column_int64(stmt, i));
        break;
      case SQLITE_FLOAT:
        value = sqlite3_column_double(stmt, i);
        break;
      case SQLITE_BLOB: {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, i));
        size_t size = static_cast<size_t>(sqlite3_column_bytes(stmt, i));
        value = SqlBlob{std::string(data == nullptr ? "" : data, size)};
        break;
      }
      case SQLITE_TEXT: {
        // sqlite3_column_blob returns the bytes of TEXT too; call it before _bytes.
        const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, i));
        size_t size = static_cast<size_t>(sqlite3_column_bytes(stmt, i));
        if (auto* text = std::get_if<std::string>(&value)) {
          text->assign(data == nullptr ? "" : data, size);
        } else {
          value = std::string(data == nullptr ? "" : data, size);
        }
        break;
      }
      default:
        value = std::monostate{};
    }
  }
}

// A statement for the duration of one call. Cached statements are reset and unbound afterwards;
// one-off statements (used when the cached one is busy in an outer QueryEach) are finalized.
class StatementLease {
 public:
  StatementLease(sqlite3_stmt* stmt, bool cached) : stmt_(stmt), cached_(cached) {}
  ~StatementLease() {
    if (cached_) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    } else {
      sqlite3_finalize(stmt_);
    }
  }
  StatementLease(const StatementLease&) = delete;
  StatementLease& operator=(const StatementLease&) = delete;
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_;
  bool cached_;
};

using RowSink = std::function<bool(SqlRow&)>;

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(sqlite3* db) : db_(db) {}
  ~SqliteDatabase() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  std::string_view Backend() const override { return "sqlite"; }

  Status Execute(std::string_view sql, const SqlParams& params) override {
    return Run(sql, params, nullptr);
  }

  Result<std::vector<SqlRow>> Query(std::string_view sql, const SqlParams& params) override {
    std::vector<SqlRow> rows;
    RowSink collect = [&rows](SqlRow& row) {
      rows.push_back(std::move(row));
      return true;
    };
    LT_RETURN_IF_ERROR(Run(sql, params, &collect));
    return rows;
  }

  Status QueryEach(std::string_view sql, const SqlParams& params,
                   const std::function<bool(const SqlRow&)>& on_row) override {
    RowSink each = [&on_row](SqlRow& row) { return on_row(row); };
    return Run(sql, params, &each);
  }

  Status ExecuteScript(std::string_view sql) override {
    LT_RETURN_IF_ERROR(CheckTransactionUsable());
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      return Fail(SqliteError(db_));
    }
    return Status::Ok();
  }

  Status Begin() override {
    if (txn_open_) {
      return Status::FailedPrecondition("a transaction is already open; transactions do not nest");
    }
    if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return SqliteError(db_);
    }
    txn_open_ = true;
    txn_failed_ = false;
    return Status::Ok();
  }

  Status Commit() override {
    if (!txn_open_) return Status::FailedPrecondition("no transaction is open");
    if (txn_failed_) {
      (void)Rollback();
      return Status::FailedPrecondition(
          "transaction rolled back: a statement in it failed earlier");
    }
    if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      Status status = SqliteError(db_);
      // A failed COMMIT (SQLITE_BUSY) leaves the transaction open for a retry or a rollback.
      if (sqlite3_get_autocommit(db_)) txn_open_ = false;
      return status;
    }
    txn_open_ = false;
    return Status::Ok();
  }

  Status Rollback() override {
    if (!txn_open_) return Status::Ok();
    txn_open_ = false;
    txn_failed_ = false;
    // Some errors (SQLITE_FULL, SQLITE_IOERR) already rolled the transaction back.
    if (sqlite3_get_autocommit(db_)) return Status::Ok();
    if (sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return SqliteError(db_);
    }
    return Status::Ok();
  }

 private:
  // PostgreSQL refuses every statement after an error inside a transaction; SQLite would carry
  // on. We follow PostgreSQL so a transaction that half-failed can never be committed on either.
  Status CheckTransactionUsable() const {
    if (txn_open_ && txn_failed_) {
      return Status::FailedPrecondition(
          "current transaction is aborted by an earlier error; roll it back");
    }
    return Status::Ok();
  }

  Status Fail(Status status) {
    if (txn_open_) txn_failed_ = true;
    return status;
  }

  // The cached statement for `sql`, or a one-off one when the cached statement is in use by an
  // outer QueryEach. Sets *stmt to null for SQL with no statement (only comments).
  Status Acquire(std::string_view sql, sqlite3_stmt** stmt, bool* cached) {
    *stmt = nullptr;
    if (sql.empty()) return Status::Ok();
    auto it = cache_.find(sql);
    if (it != cache_.end() && !sqlite3_stmt_busy(it->second)) {
      *stmt = it->second;
      *cached = true;
      return Status::Ok();
    }
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), stmt, &tail) !=
        SQLITE_OK) {
      return SqliteError(db_);
    }
    if (*stmt == nullptr) return Status::Ok();
    if (!OnlyCommentsLeft(tail, sql.data() + sql.size())) {
      sqlite3_finalize(*stmt);
      *stmt = nullptr;
      return Status::InvalidArgument(
          "more than one statement given; use ExecuteScript for scripts");
    }
    *cached = it == cache_.end();
    if (*cached) {
      if (cache_.size() >= kMaxCachedStatements) EvictIdleStatements();
      cache_.emplace(std::string(sql), *stmt);
    }
    return Status::Ok();
  }

  bool OnlyCommentsLeft(const char* tail, const char* end) const {
    if (tail == nullptr || tail >= end) return true;
    sqlite3_stmt* next = nullptr;
    const char* rest = nullptr;
    int rc = sqlite3_prepare_v2(db_, tail, static_cast<int>(end - tail), &next, &rest);
    bool empty = rc == SQLITE_OK && next == nullptr;
    sqlite3_finalize(next);
    return empty;
  }

  void EvictIdleStatements() {
    for (auto it = cache_.begin(); it != cache_.end();) {
      if (sqlite3_stmt_busy(it->second)) {
        ++it;
      } else {
        sqlite3_finalize(it->second);
        it = cache_.erase(it);
      }
    }
  }

  Status Bind(sqlite3_stmt* stmt, const SqlParams& params) {
    int expected = sqlite3_bind_parameter_count(stmt);
    if (static_cast<size_t>(expected) != params.size()) {
      return Status::InvalidArgument("statement has " + std::to_string(expected) +
                                     " placeholders but " + std::to_string(params.size()) +
                                     " parameters were given");
    }
    for (int i = 0; i < expected; ++i) {
      const SqlValue& value = params[i];
      int rc = SQLITE_OK;
      if (const auto* n = std::get_if<int64_t>(&value)) {
        rc = sqlite3_bind_int64(stmt, i + 1, *n);
      } else if (const auto* d = std::get_if<double>(&value)) {
        rc = sqlite3_bind_double(stmt, i + 1, *d);
      } else if (const auto* s = std::get_if<std::string>(&value)) {
        // SQLITE_STATIC: `params` outlives the statement's use; the lease unbinds it after.
        rc = sqlite3_bind_text64(stmt, i + 1, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
      } else if (const auto* b = std::get_if<SqlBlob>(&value)) {
        rc = sqlite3_bind_blob64(stmt, i + 1, b->bytes.data(), b->bytes.size(), SQLITE_STATIC);
      } else {
        rc = sqlite3_bind_null(stmt, i + 1);
      }
      if (rc != SQLITE_OK) return Fail(SqliteError(db_, params));
    }
    return Status::Ok();
  }

  // Runs one statement; `on_row` (null for Execute) takes each row and may move from it.
  Status Run(std::string_view sql, const SqlParams& params, const RowSink* on_row) {
    LT_RETURN_IF_ERROR(CheckTransactionUsable());
    LT_RETURN_IF_ERROR(CheckTextParams(params));
    sqlite3_stmt* raw = nullptr;
    bool cached = false;
    Status acquired = Acquire(sql, &raw, &cached);
    if (!acquired.ok()) return Fail(acquired);
    if (raw == nullptr) return Status::Ok();
    StatementLease stmt(raw, cached);
    LT_RETURN_IF_ERROR(Bind(stmt.get(), params));
    SqlRow row;
    for (;;) {
      int rc = sqlite3_step(stmt.get());
      if (rc == SQLITE_ROW) {
        if (on_row == nullptr) continue;
        ReadRowInto(stmt.get(), row);
        if (!(*on_row)(row)) return Status::Ok();
        continue;
      }
      if (rc == SQLITE_DONE) return Status::Ok();
      return Fail(SqliteError(db_, params));
    }
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*, StringHash, std::equal_to<>> cache_;
  bool txn_open_ = false;    // Begin() succeeded and neither Commit() nor Rollback() ran
  bool txn_failed_ = false;  // a statement failed inside the open transaction
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqliteDatabase(std::string_view path) {
  std::string file(path);
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(file.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::IoError("cannot open SQLite database " + file + ": " + message);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  auto conn = std::make_unique<SqliteDatabase>(db);
  Result<std::vector<SqlRow>> mode = conn->Query("PRAGMA journal_mode=WAL", {});
  if (!mode.ok()) return mode.status().WithContext("SQLite database " + file);
  std::string journal = mode->empty() ? "" : mode->front().Text(0);
  // An in-memory database answers "memory"; a file that cannot use WAL (some network file
  // systems) would silently keep a rollback journal, which breaks our concurrency guarantees.
  if (file != ":memory:" && journal != "wal") {
    return Status::IoError("SQLite database " + file + " cannot use WAL journal mode (got \"" +
                           journal + "\")");
  }
  // A 64 MiB page cache (allocated as used) keeps a country-sized unit table and its indexes in
  // memory instead of re-reading pages through the OS on every subtree scan. Pages are read
  // through a 1 GiB memory map, so a connection whose cache another writer invalidated re-reads
  // without copying. The WAL is checkpointed every 20,000 pages (80 MiB) instead of SQLite's
  // 1,000: a checkpoint costs the committing writer an fsync of the database file, and at 1,000
  // pages every few small commits paid one (bench/activity_insert_bench: single durable inserts
  // ~1,000 → ~1,400/s, group commit of 8 callers ~1,500 → ~2,200/s on the same machine).
  Status pragmas = conn->ExecuteScript(
      "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536; "
      "PRAGMA mmap_size=1073741824; PRAGMA wal_autocheckpoint=20000;");
  if (!pragmas.ok()) return pragmas.WithContext("SQLite database " + file);
  return std::unique_ptr<Database>(std::move(conn));
}

}  // namespace lienthong
