#include "store/plan_upload_store.h"

#include "store/sql_text.h"
#include "util/iso_time.h"
#include "util/random_hex.h"

namespace lienthong {

Result<std::string> PlanUploadStore::Insert(const PlanUpload& u, int64_t lifetime_seconds) {
  LT_RETURN_IF_ERROR(DeleteExpired().status());
  const int64_t now = NowUnixSeconds();
  std::string id = RandomHex(16);
  LT_RETURN_IF_ERROR(db_.Execute(
      "INSERT INTO plan_uploads (id, owner_user_id, name, format, sha256, size, content, "
      "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {id, u.owner_user_id, u.name, u.format, u.sha256, static_cast<int64_t>(u.content.size()),
       SqlBlob{u.content}, IsoUtc(now), IsoUtc(now + lifetime_seconds)}));
  return id;
}

Result<std::optional<PlanUpload>> PlanUploadStore::Find(const std::string& id,
                                                         int64_t owner_user_id) {
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("SELECT id, owner_user_id, name, format, sha256, size, content, source_file_id, "
                "created_at, expires_at FROM plan_uploads "
                "WHERE id = ? AND owner_user_id = ? AND expires_at > ?",
                {id, owner_user_id, NowIsoUtc()}));
  if (rows.empty()) return std::optional<PlanUpload>();
  const SqlRow& r = rows[0];
  return std::optional<PlanUpload>(PlanUpload{r.Text(0), r.Int(1), r.Text(2), r.Text(3),
                                              r.Text(4), r.Int(5), r.Blob(6), r.OptInt(7),
                                              r.Text(8), r.Text(9)});
}

Status PlanUploadStore::SetSourceFile(const std::string& id, int64_t source_file_id) {
  return db_.Execute("UPDATE plan_uploads SET source_file_id = ? WHERE id = ?",
                     {source_file_id, id});
}

Result<int64_t> PlanUploadStore::DeleteExpired() {
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query("DELETE FROM plan_uploads WHERE expires_at <= ? "
                                           "RETURNING id",
                                           {NowIsoUtc()}));
  return static_cast<int64_t>(rows.size());
}

}  // namespace lienthong
