// CountingDatabase: a Database that passes every call to another and counts the statements run
// through it, so a test can check how many round trips an operation costs (a number, not a time).
#pragma once

#include <cstdint>

#include "store/database.h"

namespace lienthong {

class CountingDatabase final : public Database {
 public:
  explicit CountingDatabase(Database& db) : db_(db) {}

  // Execute, Query and QueryEach calls since construction.
  int64_t statements() const { return statements_; }

  std::string_view Backend() const override { return db_.Backend(); }
  Status Execute(std::string_view sql, const SqlParams& params) override {
    ++statements_;
    return db_.Execute(sql, params);
  }
  Result<std::vector<SqlRow>> Query(std::string_view sql, const SqlParams& params) override {
    ++statements_;
    return db_.Query(sql, params);
  }
  Status QueryEach(std::string_view sql, const SqlParams& params,
                   const std::function<bool(const SqlRow&)>& on_row) override {
    ++statements_;
    return db_.QueryEach(sql, params, on_row);
  }
  Status ExecuteScript(std::string_view sql) override { return db_.ExecuteScript(sql); }
  Status Begin() override { return db_.Begin(); }
  Status Commit() override { return db_.Commit(); }
  Status Rollback() override { return db_.Rollback(); }

 private:
  Database& db_;
  int64_t statements_ = 0;
};

}  // namespace lienthong
