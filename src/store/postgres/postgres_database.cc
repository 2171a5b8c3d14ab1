#include "store/postgres/postgres_database.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_map>

#include "store/param_check.h"
#include "store/postgres/libpq_library.h"
#include "store/postgres/placeholders.h"
#include "store/redact.h"

namespace lienthong {
namespace {

// Type OIDs from pg_type (stable across releases; catalog/pg_type_d.h is a server header).
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;
constexpr Oid kUnknownOid = 0;  // let the server infer from context

// Prepared statements are keyed by SQL text; callers that build SQL dynamically (IN lists) could
// grow the cache without bound, so it is emptied when it reaches this size.
constexpr size_t kMaxCachedStatements = 256;

// libpq is loaded at run time (libpq_library.h): every call goes through the loaded table.
struct ResultDeleter {
  const LibpqApi* pq;
  void operator()(PGresult* result) const { pq->PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

// libpq's messages span several indented lines; a Status message is one line.
std::string TrimmedMessage(const char* message) {
  std::string text;
  std::string_view rest = message != nullptr ? message : "";
  while (!rest.empty()) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) continue;
    if (!text.empty()) text += "; ";
    text += line;
  }
  return text;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

Status MapSqlState(std::string_view state, std::string message) {
  if (!state.empty()) message += " (SQLSTATE " + std::string(state) + ")";
  if (state == "23505") return Status::AlreadyExists(message);
  if (StartsWith(state, "23")) return Status::FailedPrecondition(message);  // FK, check, not null
  if (state == "40001" || state == "40P01") {
    return Status::Unavailable(message + "; retry the transaction");
  }
  if (StartsWith(state, "08") || StartsWith(state, "53") || StartsWith(state, "57") ||
      state == "55P03") {
    return Status::Unavailable(message);  // connection, resources, shutdown, lock timeout
  }
  if (StartsWith(state, "25")) return Status::FailedPrecondition(message);  // transaction state
  if (state == "42501") return Status::PermissionDenied(message);
  if (StartsWith(state, "42") || StartsWith(state, "22") || StartsWith(state, "21") ||
      StartsWith(state, "0A") || StartsWith(state, "3F") || StartsWith(state, "26") ||
      StartsWith(state, "2F") || StartsWith(state, "44")) {
    return Status::InvalidArgument(message);
  }
  return Status::Internal(message);
}

enum class ColumnKind { kInt, kReal, kBool, kText, kBytes };

ColumnKind KindOf(Oid type) {
  switch (type) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
      return ColumnKind::kInt;
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid:
      return ColumnKind::kReal;
    case kBoolOid:
      return ColumnKind::kBool;
    case kByteaOid:
      return ColumnKind::kBytes;
    default:
      return ColumnKind::kText;
  }
}

SqlValue ParseReal(std::string_view text) {
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) {  // a NUMERIC beyond double's range
    return text.starts_with('-') ? -HUGE_VAL : HUGE_VAL;
  }
  if (ec != std::errc()) return std::string(text);  // keep what we cannot read
  return value;
}

// bytea arrives in text format as "\\x" followed by two hex digits per byte (bytea_output=hex,
// the default since PostgreSQL 9.0).
SqlValue DecodeByteaHex(std::string_view text) {
  if (!text.starts_with("\\x")) return SqlBlob{std::string(text)};
  auto nibble = [](char c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
  };
  SqlBlob blob;
  blob.bytes.reserve((text.size() - 2) / 2);
  for (size_t i = 2; i + 1 < text.size(); i += 2) {
    blob.bytes.push_back(static_cast<char>(nibble(text[i]) << 4 | nibble(text[i + 1])));
  }
  return blob;
}

SqlValue ReadCell(const LibpqApi& pq, const PGresult* result, int row, int column,
                  ColumnKind kind) {
  if (pq.PQgetisnull(result, row, column)) return std::monostate{};
  std::string_view text(pq.PQgetvalue(result, row, column), pq.PQgetlength(result, row, column));
  switch (kind) {
    case ColumnKind::kInt: {
      int64_t value = 0;
      auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec != std::errc()) return std::string(text);
      return value;
    }
    case ColumnKind::kReal:
      return ParseReal(text);
    case ColumnKind::kBool:
      return int64_t{text == "t" ? 1 : 0};
    case ColumnKind::kBytes:
      return DecodeByteaHex(text);
    case ColumnKind::kText:
      break;
  }
  return std::string(text);
}

SqlRow ReadRow(const LibpqApi& pq, const PGresult* result, int row,
               const std::vector<ColumnKind>& kinds) {
  SqlRow out;
  out.values.reserve(kinds.size());
  for (size_t c = 0; c < kinds.size(); ++c) {
    out.values.push_back(ReadCell(pq, result, row, static_cast<int>(c), kinds[c]));
  }
  return out;
}

std::vector<ColumnKind> ColumnKinds(const LibpqApi& pq, const PGresult* result) {
  std::vector<ColumnKind> kinds(pq.PQnfields(result));
  for (size_t c = 0; c < kinds.size(); ++c) {
    kinds[c] = KindOf(pq.PQftype(result, static_cast<int>(c)));
  }
  return kinds;
}

// How a parameter is declared to the server and sent (always in text format).
std::string ParamText(const SqlValue& value) {
  char buffer[64];
  if (const auto* n = std::get_if<int64_t>(&value)) {
    return std::string(buffer, std::to_chars(buffer, buffer + sizeof(buffer), *n).ptr);
  }
  double d = std::get<double>(value);
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  return std::string(buffer, std::to_chars(buffer, buffer + sizeof(buffer), d).ptr);
}

// One character per parameter: the types a statement was prepared with are part of its key.
std::string TypeSignature(const SqlParams& params) {
  std::string signature;
  signature.reserve(params.size());
  for (const SqlValue& value : params) {
    signature += std::holds_alternative<int64_t>(value)  ? 'i'
                 : std::holds_alternative<double>(value) ? 'd'
                 : std::holds_alternative<SqlBlob>(value) ? 'b'
                                                          : '?';
  }
  return signature;
}

Oid TypeOid(char signature) {
  switch (signature) {
    case 'i': return kInt8Oid;
    case 'd': return kFloat8Oid;
    case 'b': return kByteaOid;
    default: return kUnknownOid;
  }
}

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Prepared {
  std::string name;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(const LibpqApi& pq, PGconn* conn, std::string redacted_url)
      : pq_(pq), conn_(conn), redacted_url_(std::move(redacted_url)) {}
  ~PostgresDatabase() override { pq_.PQfinish(conn_); }
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  std::string_view Backend() const override { return "postgresql"; }

  Status Execute(std::string_view sql, const SqlParams& params) override {
    LT_ASSIGN_OR_RETURN(ResultPtr result, Run(sql, params));
    return Status::Ok();
  }

  Result<std::vector<SqlRow>> Query(std::string_view sql, const SqlParams& params) override {
    LT_ASSIGN_OR_RETURN(ResultPtr result, Run(sql, params));
    std::vector<ColumnKind> kinds = ColumnKinds(pq_, result.get());
    int rows = pq_.PQntuples(result.get());
    std::vector<SqlRow> out;
    out.reserve(rows);
    for (int r = 0; r < rows; ++r) out.push_back(ReadRow(pq_, result.get(), r, kinds));
    return out;
  }

  // The whole result is fetched first (see the header); rows are converted one at a time.
  Status QueryEach(std::string_view sql, const SqlParams& params,
                   const std::function<bool(const SqlRow&)>& on_row) override {
    LT_ASSIGN_OR_RETURN(ResultPtr result, Run(sql, params));
    std::vector<ColumnKind> kinds = ColumnKinds(pq_, result.get());
    int rows = pq_.PQntuples(result.get());
    for (int r = 0; r < rows; ++r) {
      if (!on_row(ReadRow(pq_, result.get(), r, kinds))) break;
    }
    return Status::Ok();
  }

  Status ExecuteScript(std::string_view sql) override {
    LT_RETURN_IF_ERROR(EnsureConnected());
    return Simple(std::string(sql).c_str());
  }

  Status Begin() override {
    if (txn_open_) {
      return Status::FailedPrecondition("a transaction is already open; transactions do not nest");
    }
    LT_RETURN_IF_ERROR(EnsureConnected());
    LT_RETURN_IF_ERROR(Simple("BEGIN ISOLATION LEVEL SERIALIZABLE"));
    txn_open_ = true;
    return Status::Ok();
  }

  Status Commit() override {
    if (!txn_open_) return Status::FailedPrecondition("no transaction is open");
    txn_open_ = false;  // whatever happens below, the server ends the transaction
    switch (pq_.PQtransactionStatus(conn_)) {
      case PQTRANS_INERROR:
        (void)Simple("ROLLBACK");
        return Status::FailedPrecondition(
            "transaction rolled back: a statement in it failed earlier");
      case PQTRANS_IDLE:
        return Status::FailedPrecondition("no transaction is open on the server");
      case PQTRANS_UNKNOWN:
        return Status::Unavailable(
            "connection to PostgreSQL lost; the transaction was rolled back");
      default:
        break;
    }
    ResultPtr result = Own(pq_.PQexec(conn_, "COMMIT"));
    LT_RETURN_IF_ERROR(Check(result.get(), {}));
    // The server answers ROLLBACK instead of an error when the transaction had failed.
    if (std::strcmp(pq_.PQcmdStatus(result.get()), "ROLLBACK") == 0) {
      return Status::FailedPrecondition("transaction rolled back by the server");
    }
    return Status::Ok();
  }

  Status Rollback() override {
    if (!txn_open_) return Status::Ok();
    txn_open_ = false;
    PGTransactionStatusType state = pq_.PQtransactionStatus(conn_);
    // A lost connection rolled the transaction back already.
    if (state == PQTRANS_IDLE || state == PQTRANS_UNKNOWN) return Status::Ok();
    return Simple("ROLLBACK");
  }

 private:
  ResultPtr Own(PGresult* result) const { return ResultPtr(result, ResultDeleter{&pq_}); }

  // Reconnects a broken connection, but never inside a transaction: statements after a silent
  // reconnect would run outside it and commit on their own.
  Status EnsureConnected() {
    if (pq_.PQstatus(conn_) == CONNECTION_OK) return Status::Ok();
    if (txn_open_) {
      return Status::Unavailable(
          "connection to PostgreSQL lost during a transaction; roll back and retry");
    }
    pq_.PQreset(conn_);
    cache_.clear();  // prepared statements died with the old session
    if (pq_.PQstatus(conn_) != CONNECTION_OK) {
      return Status::Unavailable("cannot reconnect to " + redacted_url_ + ": " +
                                 TrimmedMessage(pq_.PQerrorMessage(conn_)));
    }
    return Status::Ok();
  }

  Status Check(const PGresult* result, const SqlParams& params) const {
    ExecStatusType state = result != nullptr ? pq_.PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (state == PGRES_COMMAND_OK || state == PGRES_TUPLES_OK || state == PGRES_EMPTY_QUERY) {
      return Status::Ok();
    }
    if (pq_.PQstatus(conn_) == CONNECTION_BAD) {
      return Status::Unavailable("connection to PostgreSQL lost: " +
                                 TrimmedMessage(pq_.PQerrorMessage(conn_)));
    }
    const char* sqlstate = nullptr;
    const char* primary = nullptr;
    if (result != nullptr) {
      sqlstate = pq_.PQresultErrorField(result, PG_DIAG_SQLSTATE);
      // Only the primary message: DETAIL repeats the offending values ("Key (code)=(…)").
      primary = pq_.PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    }
    std::string message = primary != nullptr  ? primary
                          : result != nullptr ? TrimmedMessage(pq_.PQresultErrorMessage(result))
                                              : TrimmedMessage(pq_.PQerrorMessage(conn_));
    if (message.empty()) message = std::string("unexpected ") + pq_.PQresStatus(state);
    return MapSqlState(sqlstate != nullptr ? sqlstate : "",
                       RedactParameterValues(std::move(message), params));
  }

  bool IsStalePlan(const PGresult* result) const {
    const char* state = result != nullptr ? pq_.PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    return state != nullptr && std::strcmp(state, "0A000") == 0;
  }

  // Runs a command through the simple protocol (scripts, transaction control).
  Status Simple(const char* sql) {
    ResultPtr result = Own(pq_.PQexec(conn_, sql));
    return Check(result.get(), {});
  }

  Result<const Prepared*> Prepare(const std::string& key, std::string_view sql,
                                  const std::string& signature) {
    auto it = cache_.find(key);
    if (it != cache_.end()) return &it->second;
    PositionalSql positional = RewritePlaceholders(sql);
    if (static_cast<size_t>(positional.param_count) != signature.size()) {
      return Status::InvalidArgument("statement has " + std::to_string(positional.param_count) +
                                     " placeholders but " + std::to_string(signature.size()) +
                                     " parameters were given");
    }
    if (cache_.size() >= kMaxCachedStatements && pq_.PQtransactionStatus(conn_) != PQTRANS_INERROR) {
      (void)Simple("DEALLOCATE ALL");
      cache_.clear();
    }
    std::vector<Oid> types(signature.size());
    for (size_t i = 0; i < signature.size(); ++i) types[i] = TypeOid(signature[i]);
    std::string name = "lt" + std::to_string(++statement_counter_);
    ResultPtr result = Own(pq_.PQprepare(conn_, name.c_str(), positional.sql.c_str(),
                                         static_cast<int>(types.size()), types.data()));
    LT_RETURN_IF_ERROR(Check(result.get(), {}));
    return &cache_.emplace(key, Prepared{std::move(name)}).first->second;
  }

  Result<ResultPtr> Run(std::string_view sql, const SqlParams& params) {
    LT_RETURN_IF_ERROR(EnsureConnected());
    LT_RETURN_IF_ERROR(CheckTextParams(params));
    std::string signature = TypeSignature(params);
    std::string key = signature;
    key += '\n';
    key += sql;
    std::vector<std::string> numbers(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    // Blobs go in binary format (no escaping, NUL bytes allowed); everything else as text.
    std::vector<int> lengths(params.size(), 0), formats(params.size(), 0);
    for (size_t i = 0; i < params.size(); ++i) {
      if (const auto* text = std::get_if<std::string>(&params[i])) {
        values[i] = text->c_str();
      } else if (const auto* blob = std::get_if<SqlBlob>(&params[i])) {
        values[i] = blob->bytes.data();
        lengths[i] = static_cast<int>(blob->bytes.size());
        formats[i] = 1;
      } else if (!std::holds_alternative<std::monostate>(params[i])) {
        numbers[i] = ParamText(params[i]);
        values[i] = numbers[i].c_str();
      }
    }
    for (int attempt = 0;; ++attempt) {
      LT_ASSIGN_OR_RETURN(const Prepared* prepared, Prepare(key, sql, signature));
      ResultPtr result = Own(pq_.PQexecPrepared(conn_, prepared->name.c_str(),
                                                static_cast<int>(values.size()), values.data(),
                                                lengths.data(), formats.data(),
                                                /*resultFormat=*/0));
      Status status = Check(result.get(), params);
      if (status.ok()) return result;
      // "cached plan must not change result type": the table changed under a cached
      // statement. Prepare again; retry only outside a transaction, which the error aborted.
      if (IsStalePlan(result.get())) {
        cache_.erase(key);
        if (attempt == 0 && !txn_open_) continue;
      }
      return status;
    }
  }

  const LibpqApi& pq_;
  PGconn* conn_;
  std::string redacted_url_;
  std::unordered_map<std::string, Prepared, StringHash, std::equal_to<>> cache_;
  uint64_t statement_counter_ = 0;
  bool txn_open_ = false;  // Begin() succeeded and neither Commit() nor Rollback() ran
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgresDatabase(std::string_view url) {
  std::string conninfo(url);
  // Later keywords override earlier ones: the URI may set its own connect_timeout, but the
  // encoding is not negotiable.
  const char* keys[] = {"connect_timeout", "dbname", "client_encoding", "fallback_application_name",
                        nullptr};
  const char* values[] = {"10", conninfo.c_str(), "UTF8", "lienthong", nullptr};
  // libpq is loaded here, on first use, not at process start (libpq_library.h).
  LT_ASSIGN_OR_RETURN(const LibpqApi* loaded, LoadLibpq());
  const LibpqApi& pq = *loaded;
  PGconn* conn = pq.PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  std::string redacted = RedactDatabaseUrl(url);
  if (conn == nullptr)
    return Status::Unavailable("cannot connect to " + redacted + ": out of memory");
  if (pq.PQstatus(conn) != CONNECTION_OK) {
    // libpq's messages name hosts and users, but a malformed URI can be echoed back.
    std::string message = RedactUrlSecrets(TrimmedMessage(pq.PQerrorMessage(conn)), url);
    pq.PQfinish(conn);
    return Status::Unavailable("cannot connect to " + redacted + ": " + message);
  }
  // Notices ("relation already exists, skipping") would go to stderr; they carry no errors.
  pq.PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<Database>(std::make_unique<PostgresDatabase>(pq, conn, std::move(redacted)));
}

}  // namespace lienthong
