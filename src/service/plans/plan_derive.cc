#include "service/plans/plan_derive.h"

#include <functional>
#include <set>

#include "service/plans/cascade_units.h"
#include "service/plans/level_word_rewriter.h"
#include "service/plans/level_words.h"
#include "service/plans/plan_linking.h"
#include "service/plans/plan_tasks.h"
#include "core/unit_path.h"
#include "store/audit_log.h"
#include "store/plan_audit.h"
#include "store/plan_document_codec.h"
#include "store/plan_store.h"
#include "store/unit_store.h"
#include "text/time_spec_parser.h"

namespace lienthong {
namespace {

using nlohmann::json;

std::vector<std::string> StringList(const json& doc, const char* key) {
  std::vector<std::string> out;
  if (!doc.contains(key) || !doc[key].is_array()) return out;
  for (const auto& item : doc[key]) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

std::string Text(const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return "";
  return object[key].get<std::string>();
}

// Rewrites every string field named in `keys` of each object in doc[list] (in place).
void RewriteObjects(json& doc, const char* list, std::initializer_list<const char*> keys,
                    const LevelWordRewriter& rewriter) {
  if (!doc.contains(list) || !doc[list].is_array()) return;
  for (auto& item : doc[list]) {
    if (!item.is_object()) continue;
    for (const char* key : keys)
      if (item.contains(key) && item[key].is_string())
        item[key] = rewriter.Rewrite(item[key].get<std::string>());
  }
}

void RewriteTree(json& nodes, const LevelWordRewriter& rewriter) {
  if (!nodes.is_array()) return;
  for (auto& node : nodes) {
    if (!node.is_object()) continue;
    if (node.contains("title") && node["title"].is_string())
      node["title"] = rewriter.Rewrite(node["title"].get<std::string>());
    if (node.contains("children")) RewriteTree(node["children"], rewriter);
  }
}

json RewriteList(const std::vector<std::string>& items, const LevelWordRewriter& rewriter) {
  json out = json::array();
  for (const auto& s : items) out.push_back(rewriter.Rewrite(s));
  return out;
}

// "15/8/2025" from "2025-08-15" (day and month without leading zeros, as in running text).
std::string VietnameseDate(const std::optional<std::string>& iso) {
  if (!iso) return "";
  auto date = Date::FromIso(*iso);
  if (!date) return "";
  return std::to_string(date->day) + "/" + std::to_string(date->month) + "/" +
         std::to_string(date->year);
}

}  // namespace

bool TaskFallsToUnit(const std::vector<std::string>& names, const Unit& unit,
                     const Unit& territory, std::string_view parent_level, bool same_territory) {
  const bool is_territory = unit.id == territory.id;
  const std::string_view unit_level = LevelOfTerritory(territory.kind);
  for (const std::string& name : names) {
    if (NameNamesUnit(name, unit, territory, same_territory)) return true;
    BodyFamily family = FamilyOfName(name);
    bool family_fits = is_territory || family == BodyFamily::kAny || KindInFamily(unit.kind, family);
    if (!is_territory && family_fits && NameNamesUnit(name, territory, territory, false)) {
      return true;
    }
    if (same_territory) continue;  // generic names address the levels below the parent's
    auto generic = ClassifyGenericName(name);
    if (!generic) continue;
    std::string_view level = generic->level == "below" ? LevelBelow(parent_level)
                                                       : std::string_view(generic->level);
    if (level != unit_level) continue;
    if (is_territory || KindInFamily(unit.kind, generic->family)) return true;
  }
  return false;
}

Result<DerivedPlan> DerivePlan(Database& db, const DeriveRequest& request) {
  PlanStore plans(db);
  UnitStore units(db);
  LT_ASSIGN_OR_RETURN(auto parent, plans.GetPlan(request.parent_plan_id));
  if (!parent) return Status::NotFound("plan " + std::to_string(request.parent_plan_id));
  LT_ASSIGN_OR_RETURN(Unit unit, units.GetByCode(request.unit_code));
  LT_ASSIGN_OR_RETURN(Unit territory, TerritoryOf(db, unit));

  // The parent's unit and territory; a plan without unit belongs to the root.
  LT_ASSIGN_OR_RETURN(PlanPlace parent_place, PlaceOfPlan(db, parent->unit_id));
  const std::optional<Unit>& parent_unit = parent_place.unit;
  const Unit& parent_territory = parent_place.territory;
  const bool below = UnitPath(unit.path).Within(parent_territory.path) &&
                     (!parent_unit || !UnitPath(parent_unit->path).Within(unit.path));
  if (!below) {
    return Status::FailedPrecondition(
        "unit '" + unit.code + "' is not below the unit of plan " +
        std::to_string(parent->id) + " ('" +
        (parent_unit ? parent_unit->code : parent_territory.code) + "')");
  }
  LT_ASSIGN_OR_RETURN(std::optional<int64_t> existing,
                      plans.ImplementingPlanOf(parent->id, unit.id));
  if (existing) {
    return Status::AlreadyExists("unit '" + unit.code + "' already has plan " +
                                 std::to_string(*existing) + " implementing plan " +
                                 std::to_string(parent->id));
  }

  // The level words for this pair of levels.
  const std::string from_level(LevelOfTerritory(parent_territory.kind));
  const std::string to_level(LevelOfTerritory(territory.kind));
  std::vector<LevelWord> words;
  LevelNames names;
  if (from_level != to_level) {
    LT_ASSIGN_OR_RETURN(words, LevelWordsFor(db, from_level, to_level));
    names.from_noun = std::string(LevelNoun(parent_territory.kind));
    names.to_noun = std::string(LevelNoun(territory.kind));
    if (from_level != "country") {
      names.from_territory = parent_territory.name;
      names.from_proper = ProperName(parent_territory);
    }
    names.to_proper = ProperName(territory);
  }
  const LevelWordRewriter rewriter(words, names);

  json parent_doc = json::parse(parent->document_json, nullptr, false);
  if (!parent_doc.is_object()) {
    return Status::Internal("plan " + std::to_string(parent->id) + ": stored document is not JSON");
  }
  json doc = parent_doc;
  const std::string parent_issuer =
      parent_unit ? parent_unit->name : (parent->issuer.empty() ? "" : parent->issuer);
  const std::string title = rewriter.Rewrite(parent->title);

  doc["issuer"] = unit.name;
  doc["parent_issuer"] = nullptr;
  doc["number"] = nullptr;
  doc["date"] = nullptr;
  doc["place"] = ProperName(territory);
  doc["title"] = title;
  std::string implements = parent->number ? *parent->number + " " + parent->title : parent->title;
  doc["implements"] = implements;

  // Legal bases: the parent's number first, then the parent's own bases, each once.
  std::vector<std::string> bases;
  std::set<std::string> seen;
  auto add_basis = [&](const std::string& symbol) {
    std::string key = SymbolKey(symbol);
    if (key.empty() || !seen.insert(key).second) return;
    bases.push_back(symbol);
  };
  if (parent->number) add_basis(*parent->number);
  for (const auto& b : StringList(parent_doc, "legal_bases")) add_basis(b);
  doc["legal_bases"] = bases;
  json details = json::array();
  if (parent->number) {
    std::string date = VietnameseDate(parent->date);
    details.push_back(
        {{"symbol", *parent->number},
         {"text", "Thực hiện " + parent->doc_type + " số " + *parent->number +
                      (date.empty() ? "" : " ngày " + date) +
                      (parent_issuer.empty() ? "" : " của " + parent_issuer) + " về " +
                      parent->title + ";"}});
  }
  if (parent_doc.contains("legal_basis_details") && parent_doc["legal_basis_details"].is_array())
    for (const auto& d : parent_doc["legal_basis_details"]) details.push_back(d);
  doc["legal_basis_details"] = details;

  doc["sections"] = RewriteList(StringList(parent_doc, "sections"), rewriter);
  if (doc.contains("section_tree")) RewriteTree(doc["section_tree"], rewriter);
  RewriteObjects(doc, "themes", {"title", "text"}, rewriter);
  RewriteObjects(doc, "channels", {"name"}, rewriter);
  RewriteObjects(doc, "phases", {"objective"}, rewriter);

  // Tasks that fall to the unit, adapted.
  const bool same_territory = territory.id == parent_territory.id;
  json tasks = json::array();
  size_t parent_tasks = 0;
  if (parent_doc.contains("tasks") && parent_doc["tasks"].is_array()) {
    for (const auto& task : parent_doc["tasks"]) {
      if (!task.is_object()) continue;
      ++parent_tasks;
      std::vector<std::string> names_list = StringList(task, "lead");
      for (auto& c : StringList(task, "coordinators")) names_list.push_back(std::move(c));
      if (!TaskFallsToUnit(names_list, unit, territory, from_level, same_territory)) continue;
      json copy = task;
      copy["text"] = rewriter.Rewrite(Text(task, "text"));
      if (task.contains("group") && task["group"].is_string())
        copy["group"] = rewriter.Rewrite(task["group"].get<std::string>());
      copy["lead"] = RewriteList(StringList(task, "lead"), rewriter);
      copy["coordinators"] = RewriteList(StringList(task, "coordinators"), rewriter);
      tasks.push_back(std::move(copy));
    }
  }
  doc["tasks"] = tasks;
  doc["recipients"] = json::array();
  if (!parent_issuer.empty()) doc["recipients"].push_back(parent_issuer + " (b/c)");
  doc["recipients"].push_back("Lưu: VT");
  doc["signer"] = nullptr;
  doc["warnings"] = json::array();
  doc["source"] = nullptr;
  doc["positions"] = json::object();
  doc["derived_from"] = {{"plan_id", parent->id}, {"number", parent->number ? json(*parent->number) : json()}};

  ProblemList problems;
  PlanDocument document = DecodePlanDocument(doc, "document", problems);  // lenient: own output
  for (DocumentTask& task : document.tasks) task.id.reset();
  PlanRecord record = PlanRecordFor(document);
  record.unit_id = unit.id;
  record.doc_type = parent->doc_type.empty() ? "Kế hoạch" : parent->doc_type;
  record.created_by = request.actor;

  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(int64_t plan_id, plans.InsertPlan(record));
  LT_RETURN_IF_ERROR(plans.ReplaceLegalBases(plan_id, bases));
  LT_RETURN_IF_ERROR(SyncPlanTasks(db, plan_id, document, request.actor, false).status());
  LT_RETURN_IF_ERROR(plans.StoreDocument(plan_id, document));  // with the task ids
  LT_RETURN_IF_ERROR(plans.SetImplementsPlan(plan_id, parent->id));
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = request.actor,
                                                .action = "derive",
                                                .entity = "plan",
                                                .entity_id = std::to_string(plan_id),
                                                .after_json = PlanDocumentAuditJson(document)}));
  LT_RETURN_IF_ERROR(tx->Commit());
  const size_t copied = document.tasks.size();
  return DerivedPlan{plan_id, std::move(document), copied, parent_tasks};
}

}  // namespace lienthong
