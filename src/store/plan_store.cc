#include "store/plan_store.h"

#include "store/sql_text.h"
#include "text/keys.h"
#include "util/iso_time.h"
#include "util/sha256.h"

namespace lienthong {
namespace {

}  // namespace

Result<int64_t> PlanStore::InsertSourceFile(const std::string& name, const std::string& format,
                                            const std::string& bytes, const std::string& actor) {
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("INSERT INTO source_files (name, format, sha256, size, content, uploaded_at, "
                "uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {name, format, Sha256Hex(bytes), static_cast<int64_t>(bytes.size()),
                 SqlBlob{bytes}, NowIsoUtc(), actor}));
  return rows.at(0).Int(0);
}

Result<std::optional<StoredSourceFile>> PlanStore::FindSourceFile(const std::string& sha256) {
  LT_ASSIGN_OR_RETURN(auto rows,
                      db_.Query("SELECT id, name, format, sha256, size, uploaded_at, uploaded_by "
                                "FROM source_files WHERE sha256 = ? ORDER BY id LIMIT 1",
                                {sha256}));
  if (rows.empty()) return std::optional<StoredSourceFile>();
  const SqlRow& r = rows[0];
  return std::optional<StoredSourceFile>(StoredSourceFile{r.Int(0), r.Text(1), r.Text(2),
                                                          r.Text(3), r.Int(4), r.Text(5),
                                                          r.Text(6)});
}

Result<std::string> PlanStore::SourceFileContent(int64_t id) {
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT content FROM source_files WHERE id = ?", {id}));
  if (rows.empty()) return Status::NotFound("no source file " + std::to_string(id));
  return rows[0].Blob(0);
}

Result<int64_t> PlanStore::InsertPlan(const PlanRecord& p) {
  std::string now = NowIsoUtc();
  std::string search_key = SearchKey(p.doc_type + " " + p.number.value_or("") + " " + p.issuer +
                                     " " + p.title);
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("INSERT INTO plans (unit_id, status, doc_type, number, issuer, parent_issuer, "
                "place, date, title, implements, document_json, source_file_id, source_index, "
                "search_key, created_at, created_by, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {NullableInt(p.unit_id), std::string(PlanStatusName(p.status)), p.doc_type, NullableText(p.number), p.issuer, p.parent_issuer,
                 p.place, NullableText(p.date), p.title, NullableText(p.implements), p.document_json,
                 NullableInt(p.source_file_id), static_cast<int64_t>(p.source_index), search_key, now,
                 p.created_by, now}));
  return rows.at(0).Int(0);
}

Status PlanStore::UpdatePlanDocument(int64_t id, const PlanRecord& p) {
  std::string search_key = SearchKey(p.doc_type + " " + p.number.value_or("") + " " + p.issuer +
                                     " " + p.title);
  LT_RETURN_IF_ERROR(db_.Execute(
      "UPDATE plans SET doc_type = ?, number = ?, issuer = ?, parent_issuer = ?, place = ?, "
      "date = ?, title = ?, implements = ?, document_json = ?, search_key = ?, updated_at = ? "
      "WHERE id = ?",
      {p.doc_type, NullableText(p.number), p.issuer, p.parent_issuer, p.place,
       NullableText(p.date), p.title, NullableText(p.implements), p.document_json, search_key,
       NowIsoUtc(), id}));
  LT_RETURN_IF_ERROR(db_.Execute("DELETE FROM plan_legal_bases WHERE plan_id = ?", {id}));
  return db_.Execute("DELETE FROM tasks WHERE plan_id = ?", {id});
}

Status PlanStore::SetStatus(int64_t id, PlanStatus status) {
  return db_.Execute("UPDATE plans SET status = ?, updated_at = ? WHERE id = ?",
                     {std::string(PlanStatusName(status)), NowIsoUtc(), id});
}

Status PlanStore::InsertLegalBases(int64_t plan_id, const std::vector<std::string>& symbols) {
  for (size_t i = 0; i < symbols.size(); ++i) {
    LT_RETURN_IF_ERROR(
        db_.Execute("INSERT INTO plan_legal_bases (plan_id, position, symbol) VALUES (?, ?, ?)",
                    {plan_id, static_cast<int64_t>(i), symbols[i]}));
  }
  return Status::Ok();
}

Status PlanStore::InsertTask(int64_t plan_id, const TaskRecord& t) {
  return db_.Execute(
      "INSERT INTO tasks (plan_id, position, group_name, text, lead_json, coordinators_json, "
      "deadline_text, deadline_kind, deadline_date, updated_at, search_key) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {plan_id, static_cast<int64_t>(t.position), t.group, t.text, t.lead_json,
       t.coordinators_json, NullableText(t.deadline_text), t.deadline_kind, NullableText(t.deadline_date),
       NowIsoUtc(), SearchKey(t.group + " " + t.text)});
}

Result<std::optional<PlanRecord>> PlanStore::GetPlan(int64_t id) {
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("SELECT id, unit_id, status, doc_type, number, issuer, parent_issuer, place, date, "
                "title, implements, document_json, source_file_id, source_index, created_at, "
                "created_by FROM plans WHERE id = ?",
                {id}));
  if (rows.empty()) return std::optional<PlanRecord>();
  const SqlRow& r = rows[0];
  PlanRecord p;
  p.id = r.Int(0);
  p.unit_id = r.OptInt(1);
  p.status = ParsePlanStatus(r.Text(2)).value_or(PlanStatus::kDraft);  // a CHECK constraint
  p.doc_type = r.Text(3);
  p.number = r.OptText(4);
  p.issuer = r.Text(5);
  p.parent_issuer = r.Text(6);
  p.place = r.Text(7);
  p.date = r.OptText(8);
  p.title = r.Text(9);
  p.implements = r.OptText(10);
  p.document_json = r.Text(11);
  p.source_file_id = r.OptInt(12);
  p.source_index = static_cast<int>(r.Int(13));
  p.created_at = r.Text(14);
  p.created_by = r.Text(15);
  return std::optional<PlanRecord>(std::move(p));
}

Result<std::vector<int64_t>> PlanStore::PlansFromSource(int64_t source_file_id) {
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT id FROM plans WHERE source_file_id = ? "
                                           "ORDER BY source_index",
                                           {source_file_id}));
  std::vector<int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.Int(0));
  return ids;
}

Result<int64_t> PlanStore::CountTasks(int64_t plan_id) {
  LT_ASSIGN_OR_RETURN(auto rows,
                      db_.Query("SELECT COUNT(*) FROM tasks WHERE plan_id = ?", {plan_id}));
  return rows.at(0).Int(0);
}

}  // namespace lienthong
