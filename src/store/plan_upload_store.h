// PlanUploadStore: files read for review and held until the reviewed plan is saved (the web
// import's two steps, service/plans/plan_import.h). Rows belong to one user and expire; they live
// in the database so any server process can take the second step. Writers must hold a
// transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace lienthong {

struct PlanUpload {
  std::string id;
  int64_t owner_user_id = 0;
  std::string name;
  std::string format;
  std::string sha256;
  int64_t size = 0;
  std::string content;
  std::optional<int64_t> source_file_id;  // set once a plan from it is saved
  std::string created_at;
  std::string expires_at;
};

class PlanUploadStore {
 public:
  explicit PlanUploadStore(Database& db) : db_(db) {}

  // Stores `upload` under a new random id (returned); created_at is now and expires_at
  // `lifetime_seconds` later. Deletes expired uploads first.
  Result<std::string> Insert(const PlanUpload& upload, int64_t lifetime_seconds);
  // The upload `id` of `owner_user_id` that has not expired; nullopt otherwise.
  Result<std::optional<PlanUpload>> Find(const std::string& id, int64_t owner_user_id);
  Status SetSourceFile(const std::string& id, int64_t source_file_id);
  // Deletes uploads that expired before now; returns how many.
  Result<int64_t> DeleteExpired();

 private:
  Database& db_;
};

}  // namespace lienthong
