#include "store/plan_store.h"

#include "core/unit_path.h"
#include "store/plan_document_codec.h"
#include "store/sql_text.h"
#include "text/keys.h"
#include "util/iso_time.h"
#include "util/sha256.h"

namespace lienthong {
namespace {

constexpr const char* kPlanColumns =
    "SELECT id, unit_id, status, doc_type, number, issuer, parent_issuer, place, date, title, "
    "implements, document_json, source_file_id, source_index, created_at, created_by, "
    "implements_plan_id, revision FROM plans ";

constexpr const char* kLinkColumns =
    "SELECT id, unit_id, number, status, implements, implements_plan_id FROM plans ";

PlanStatus StatusOf(const std::string& text) {
  return ParsePlanStatus(text).value_or(PlanStatus::kDraft);  // a CHECK constraint
}

PlanRecord ReadPlan(const SqlRow& r) {
  PlanRecord p;
  p.id = r.Int(0);
  p.unit_id = r.OptInt(1);
  p.status = StatusOf(r.Text(2));
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
  p.implements_plan_id = r.OptInt(16);
  p.revision = static_cast<int>(r.Int(17));
  return p;
}

PlanLinkRow ReadLinkRow(const SqlRow& r) {
  return PlanLinkRow{r.Int(0), r.OptInt(1), r.OptText(2), StatusOf(r.Text(3)), r.OptText(4),
                     r.OptInt(5)};
}

std::string PlanSearchKey(const PlanRecord& p) {
  return SearchKey(p.doc_type + " " + p.number.value_or("") + " " + p.issuer + " " + p.title);
}

template <typename T, typename Reader>
Result<std::vector<T>> QueryAll(Database& db, const std::string& sql, const SqlParams& params,
                                Reader read) {
  std::vector<T> out;
  LT_RETURN_IF_ERROR(db.QueryEach(sql, params, [&](const SqlRow& row) {
    out.push_back(read(row));
    return true;
  }));
  return out;
}

}  // namespace

PlanRecord PlanRecordFor(const PlanDocument& document) {
  const PlanHeader& h = document.header;
  PlanRecord p;
  p.doc_type = h.doc_type.empty() ? "Kế hoạch" : h.doc_type;
  p.number = h.number;
  p.issuer = h.issuer;
  p.parent_issuer = h.parent_issuer;
  p.place = h.place;
  p.date = h.date;
  p.title = h.title;
  p.implements = document.implements;
  p.document_json = StoredPlanDocument(document);
  return p;
}

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
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("INSERT INTO plans (unit_id, status, doc_type, number, issuer, parent_issuer, "
                "place, date, title, implements, document_json, source_file_id, source_index, "
                "search_key, created_at, created_by, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {NullableInt(p.unit_id), std::string(PlanStatusName(p.status)), p.doc_type,
                 NullableText(p.number), p.issuer, p.parent_issuer, p.place,
                 NullableText(p.date), p.title, NullableText(p.implements), p.document_json,
                 NullableInt(p.source_file_id), static_cast<int64_t>(p.source_index),
                 PlanSearchKey(p), now, p.created_by, now}));
  return rows.at(0).Int(0);
}

Status PlanStore::UpdatePlanDocument(int64_t id, const PlanDocument& document) {
  PlanRecord p = PlanRecordFor(document);
  return db_.Execute(
      "UPDATE plans SET doc_type = ?, number = ?, issuer = ?, parent_issuer = ?, place = ?, "
      "date = ?, title = ?, implements = ?, document_json = ?, search_key = ?, updated_at = ?, "
      "revision = revision + 1 WHERE id = ?",
      {p.doc_type, NullableText(p.number), p.issuer, p.parent_issuer, p.place,
       NullableText(p.date), p.title, NullableText(p.implements), p.document_json,
       PlanSearchKey(p), NowIsoUtc(), id});
}

Status PlanStore::StoreDocument(int64_t id, const PlanDocument& document) {
  return db_.Execute("UPDATE plans SET document_json = ? WHERE id = ?",
                     {StoredPlanDocument(document), id});
}

Status PlanStore::SetStatus(int64_t id, PlanStatus status) {
  return db_.Execute(
      "UPDATE plans SET status = ?, updated_at = ?, revision = revision + 1 WHERE id = ?",
      {std::string(PlanStatusName(status)), NowIsoUtc(), id});
}

Status PlanStore::SetImplementsPlan(int64_t id, int64_t parent_id) {
  return db_.Execute("UPDATE plans SET implements_plan_id = ? WHERE id = ?", {parent_id, id});
}

Status PlanStore::ReplaceLegalBases(int64_t plan_id, const std::vector<std::string>& symbols) {
  LT_RETURN_IF_ERROR(db_.Execute("DELETE FROM plan_legal_bases WHERE plan_id = ?", {plan_id}));
  for (size_t i = 0; i < symbols.size(); ++i) {
    LT_RETURN_IF_ERROR(
        db_.Execute("INSERT INTO plan_legal_bases (plan_id, position, symbol) VALUES (?, ?, ?)",
                    {plan_id, static_cast<int64_t>(i), symbols[i]}));
  }
  return Status::Ok();
}

Result<std::optional<PlanRecord>> PlanStore::GetPlan(int64_t id) {
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query(std::string(kPlanColumns) + "WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<PlanRecord>();
  return std::optional<PlanRecord>(ReadPlan(rows[0]));
}

Result<std::optional<StoredPlan>> PlanStore::LoadPlan(int64_t id) {
  LT_ASSIGN_OR_RETURN(auto record, GetPlan(id));
  if (!record) return std::optional<StoredPlan>();
  PlanDocument document = ReadStoredPlanDocument(record->document_json);
  return std::optional<StoredPlan>(StoredPlan{std::move(*record), std::move(document)});
}

Result<std::optional<PlanOwner>> PlanStore::Owner(int64_t id) {
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT u.path, p.status FROM plans p "
                                           "LEFT JOIN units u ON u.id = p.unit_id WHERE p.id = ?",
                                           {id}));
  if (rows.empty()) return std::optional<PlanOwner>();
  return std::optional<PlanOwner>(PlanOwner{rows[0].OptText(0), StatusOf(rows[0].Text(1))});
}

Result<std::vector<int64_t>> PlanStore::PlansFromSource(int64_t source_file_id) {
  return QueryAll<int64_t>(db_, "SELECT id FROM plans WHERE source_file_id = ? ORDER BY source_index",
                           {source_file_id}, [](const SqlRow& r) { return r.Int(0); });
}

Result<std::vector<int64_t>> PlanStore::PlansFromSourceWithin(int64_t source_file_id,
                                                             const std::string& unit_path) {
  std::string sql =
      "SELECT p.id FROM plans p LEFT JOIN units u ON u.id = p.unit_id WHERE p.source_file_id = ? "
      "AND ((u.path >= ? AND u.path < ?)";
  sql += UnitPath(unit_path).AtRoot() ? " OR p.unit_id IS NULL)" : ")";
  return QueryAll<int64_t>(db_, sql + " ORDER BY p.source_index",
                           {source_file_id, unit_path, UnitPath(unit_path).RangeEnd()},
                           [](const SqlRow& r) { return r.Int(0); });
}

Result<std::vector<PlanSummary>> PlanStore::ListInSubtree(const std::string& unit_path,
                                                          const std::string& search_key,
                                                          int limit) {
  std::string sql =
      "SELECT p.id, u.code, p.status, p.doc_type, p.number, p.title, p.date, p.issuer "
      "FROM plans p JOIN units u ON u.id = p.unit_id WHERE u.path >= ? AND u.path < ?";
  SqlParams params = {unit_path, UnitPath(unit_path).RangeEnd()};
  if (!search_key.empty()) {
    sql += " AND p.search_key LIKE ?";
    params.push_back("%" + search_key + "%");
  }
  sql += " ORDER BY p.date DESC, p.id DESC LIMIT ?";
  params.push_back(static_cast<int64_t>(limit));
  return QueryAll<PlanSummary>(db_, sql, params, [](const SqlRow& r) {
    return PlanSummary{r.Int(0),     r.Text(1), StatusOf(r.Text(2)), r.Text(3),
                       r.OptText(4), r.Text(5), r.OptText(6),        r.Text(7)};
  });
}

Result<std::vector<LegalBasisLink>> PlanStore::LegalBasesWithPlans(
    int64_t plan_id, const std::string& visible_path) {
  return QueryAll<LegalBasisLink>(
      db_,
      "SELECT b.symbol, (SELECT p.id FROM plans p JOIN units u ON u.id = p.unit_id "
      "WHERE p.number = b.symbol AND u.path >= ? AND u.path < ? ORDER BY p.id LIMIT 1) "
      "FROM plan_legal_bases b WHERE b.plan_id = ? ORDER BY b.position",
      {visible_path, UnitPath(visible_path).RangeEnd(), plan_id},
      [](const SqlRow& r) { return LegalBasisLink{r.Text(0), r.OptInt(1)}; });
}

Result<std::optional<PlanLinkRow>> PlanStore::LinkRow(int64_t id) {
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query(std::string(kLinkColumns) + "WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<PlanLinkRow>();
  return std::optional<PlanLinkRow>(ReadLinkRow(rows[0]));
}

Result<std::vector<std::string>> PlanStore::LegalBasesLastFirst(int64_t plan_id) {
  return QueryAll<std::string>(
      db_, "SELECT symbol FROM plan_legal_bases WHERE plan_id = ? ORDER BY position DESC",
      {plan_id}, [](const SqlRow& r) { return r.Text(0); });
}

Result<std::vector<PlanLinkRow>> PlanStore::NumberedLike(const std::string& digits,
                                                         int64_t except_id) {
  return QueryAll<PlanLinkRow>(
      db_, std::string(kLinkColumns) + "WHERE number LIKE ? AND id <> ? ORDER BY id",
      {"%" + digits + "%", except_id}, ReadLinkRow);
}

Result<std::vector<PlanLinkRow>> PlanStore::UnlinkedNaming(const std::string& digits,
                                                           int64_t except_id) {
  const std::string like = "%" + digits + "%";
  return QueryAll<PlanLinkRow>(
      db_,
      std::string(kLinkColumns) +
          "WHERE implements_plan_id IS NULL AND id <> ? AND (implements LIKE ? OR id IN "
          "(SELECT plan_id FROM plan_legal_bases WHERE symbol LIKE ?)) ORDER BY id",
      {except_id, like, like}, ReadLinkRow);
}

Result<std::optional<int64_t>> PlanStore::ImplementingPlanOf(int64_t parent_id, int64_t unit_id) {
  LT_ASSIGN_OR_RETURN(auto rows,
                      db_.Query("SELECT id FROM plans WHERE implements_plan_id = ? AND "
                                "unit_id = ? AND status <> 'archived' ORDER BY id LIMIT 1",
                                {parent_id, unit_id}));
  if (rows.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows[0].Int(0));
}

Result<std::vector<ImplementingPlan>> PlanStore::ImplementingPlans(int64_t parent_id) {
  return QueryAll<ImplementingPlan>(
      db_,
      "SELECT p.id, u.path, p.number, p.date, p.status, p.document_json "
      "FROM plans p JOIN units u ON u.id = p.unit_id "
      "WHERE p.implements_plan_id = ? AND p.status <> 'archived' ORDER BY p.id",
      {parent_id}, [](const SqlRow& r) {
        return ImplementingPlan{r.Int(0),           r.Text(1), r.OptText(2), r.OptText(3),
                                StatusOf(r.Text(4)), ReadStoredPlanDocument(r.Text(5))};
      });
}

}  // namespace lienthong
