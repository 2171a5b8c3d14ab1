// Database: the one narrow interface both storage backends implement (SQLite embedded,
// PostgreSQL for scale-out). Everything above it — repositories, services — is written once in
// portable SQL: `?` placeholders (the PostgreSQL backend rewrites them to $1, $2, …),
// `INSERT … RETURNING`, `ON CONFLICT`, recursive CTEs. <sqlite3.h> and <libpq-fe.h> appear only
// under store/sqlite/ and store/postgres/.
//
// A Database is one connection: not thread-safe; give each thread its own.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "util/status.h"

namespace lienthong {

// Binary data (an uploaded original file): BLOB on SQLite, bytea on PostgreSQL.
struct SqlBlob {
  std::string bytes;
  bool operator==(const SqlBlob&) const = default;
};

// NULL, INTEGER, REAL, TEXT (UTF-8) or BLOB. Booleans are stored as 0/1 and dates as ISO text.
using SqlValue = std::variant<std::monostate, int64_t, double, std::string, SqlBlob>;

struct SqlRow {
  std::vector<SqlValue> values;

  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values.at(i)); }
  // Converts numbers given as text (PostgreSQL answers in text) and text given as numbers.
  int64_t Int(size_t i) const;
  double Real(size_t i) const;
  std::string Text(size_t i) const;  // "" for NULL
  std::string Blob(size_t i) const;  // the bytes of a BLOB (or of TEXT); "" for NULL
  std::optional<std::string> OptText(size_t i) const;
  std::optional<int64_t> OptInt(size_t i) const;
};

using SqlParams = std::vector<SqlValue>;

class Database {
 public:
  virtual ~Database() = default;

  // "sqlite" or "postgresql".
  virtual std::string_view Backend() const = 0;

  // Runs one statement with `?` parameters bound in order. Statements are prepared once and
  // cached per connection, so calling this in a loop is the fast path for bulk writes.
  // Errors: kAlreadyExists for a unique violation, kFailedPrecondition for a foreign-key or
  // check violation, kInvalidArgument for SQL the backend rejects; the message names the
  // constraint but never echoes parameter values (they may be secrets).
  virtual Status Execute(std::string_view sql, const SqlParams& params = {}) = 0;

  // Like Execute, and returns every row.
  virtual Result<std::vector<SqlRow>> Query(std::string_view sql,
                                            const SqlParams& params = {}) = 0;

  // Calls `on_row` for each row as it arrives; stop early by returning false.
  virtual Status QueryEach(std::string_view sql, const SqlParams& params,
                           const std::function<bool(const SqlRow&)>& on_row) = 0;

  // Runs a script of several statements without parameters (migrations).
  virtual Status ExecuteScript(std::string_view sql) = 0;

  // Transactions do not nest; use Transaction below rather than calling these directly.
  // Both backends give serializable transactions: SQLite's Begin() is BEGIN IMMEDIATE (writers
  // queue for the lock up front, waiting up to the busy timeout), PostgreSQL's is SERIALIZABLE
  // (a conflict surfaces as kUnavailable "…; retry the transaction"). After a statement fails
  // inside a transaction, the transaction is aborted on both backends (PostgreSQL's rule): later
  // statements fail with kFailedPrecondition and Commit() rolls back and says so. Rollback()
  // with no open transaction is a no-op.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
};

// RAII transaction: rolls back on destruction unless Commit() succeeded.
class Transaction {
 public:
  static Result<std::unique_ptr<Transaction>> Start(Database& db);
  ~Transaction();
  Status Commit();

  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  explicit Transaction(Database& db) : db_(db) {}
  Database& db_;
  bool open_ = true;
};

// Opens a connection from a URL:
//   sqlite:PATH            a file (created if missing); WAL, foreign keys on, synchronous=FULL
//   sqlite::memory:        a private in-memory database (tests)
//   postgresql://… or postgres://…   libpq connection URI
// Errors: kInvalidArgument for an unknown scheme, kUnavailable when the server cannot be reached.
Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url);

// The file of a sqlite:PATH (or sqlite:///PATH) URL; none for other URLs and sqlite::memory:.
std::optional<std::string> SqliteFilePath(std::string_view url);

// The URL to use when none is given: $LIENTHONG_DB, else "sqlite:lienthong.db".
std::string DefaultDatabaseUrl();

}  // namespace lienthong
