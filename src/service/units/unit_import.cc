#include "service/units/unit_import.h"

#include <unordered_map>
#include <unordered_set>

#include "core/unit_path.h"
#include "store/audit_log.h"
#include "store/unit_json.h"
#include "store/unit_store.h"
#include "util/problem_list.h"

namespace lienthong {
namespace {

// What checking the rows decided: where each row's parent is and the order to insert them in.
struct ImportOrder {
  std::unordered_map<std::string, const UnitRow*> by_code;  // first row of each code
  std::unordered_map<std::string, Unit> stored_parents;     // parents already in the database
  // Parents-first generations: a row's parent is stored or sits in an earlier generation, so
  // each generation can go in with multi-row INSERTs.
  std::vector<std::vector<const UnitRow*>> generations;
  size_t placed = 0;
  bool needs_country = false;
};

void AddRowProblem(ProblemList& problems, const UnitRow& row, std::string code,
                   std::vector<std::pair<std::string, std::string>> params, std::string message) {
  problems.Add(Problem{.where = row.where, .line = row.line, .code = std::move(code),
                       .params = std::move(params), .message = std::move(message)});
}

// Describes the cycle that `start` is on or leads into: "A → B → A".
std::string DescribeCycle(const std::string& start,
                          const std::unordered_map<std::string, const UnitRow*>& by_code) {
  std::vector<std::string> chain;
  std::unordered_map<std::string, size_t> seen;
  std::string code = start;
  while (!seen.count(code)) {
    seen[code] = chain.size();
    chain.push_back(code);
    code = by_code.at(code)->unit.parent_code;
  }
  std::string out;
  for (size_t i = seen[code]; i < chain.size(); ++i) out += chain[i] + " → ";
  return out + code;
}

// Duplicate codes inside the file and against the database.
Status CheckDuplicates(UnitStore& store, const std::vector<UnitRow>& rows, ImportOrder& order,
                       ProblemList& problems) {
  std::vector<std::string> codes;
  for (const auto& row : rows) {
    auto [it, inserted] = order.by_code.emplace(row.unit.code, &row);
    if (!inserted) {
      AddRowProblem(problems, row, "duplicate_code",
                    {{"code", row.unit.code}, {"first_line", std::to_string(it->second->line)}},
                    "duplicate code '" + row.unit.code + "' (first at " + it->second->where + ")");
    } else {
      codes.push_back(row.unit.code);
    }
  }
  LT_ASSIGN_OR_RETURN(auto existing_list, store.ExistingCodes(codes));
  std::unordered_set<std::string> existing(existing_list.begin(), existing_list.end());
  for (const auto& row : rows) {
    if (existing.count(row.unit.code)) {
      AddRowProblem(problems, row, "code_exists", {{"code", row.unit.code}},
                    "code '" + row.unit.code + "' already exists in the database");
    }
  }
  return Status::Ok();
}

// Parents: in the file, in the database, or the implicit country root. Returns the rows whose
// parent exists already (or that are roots); the others wait in `children_in_file`. With a
// scope, a stored parent outside it reads as unknown (its existence is not told) and a row
// without a parent is refused: every new unit must land inside the scope.
Result<std::vector<const UnitRow*>> ResolveParents(
    UnitStore& store, const std::vector<UnitRow>& rows, const std::string& scope_path,
    ImportOrder& order,
    std::unordered_map<std::string, std::vector<const UnitRow*>>& children_in_file,
    ProblemList& problems) {
  std::vector<const UnitRow*> ready;
  for (const auto& row : rows) {
    const std::string& parent = row.unit.parent_code;
    if (parent.empty()) {
      if (scope_path.empty()) {
        ready.push_back(&row);
      } else {
        AddRowProblem(problems, row, "parent_required", {},
                      "a unit needs a parent_code among the units you administer");
      }
    } else if (parent == row.unit.code) {
      AddRowProblem(problems, row, "own_parent", {{"code", row.unit.code}},
                    "unit '" + row.unit.code + "' is its own parent");
    } else if (order.by_code.count(parent)) {
      children_in_file[parent].push_back(&row);
    } else if (order.stored_parents.count(parent)) {
      ready.push_back(&row);
    } else {
      LT_ASSIGN_OR_RETURN(auto found, store.FindByCode(parent));
      if (found && (scope_path.empty() || UnitPath(found->path).Within(scope_path))) {
        order.stored_parents.emplace(parent, std::move(*found));
        ready.push_back(&row);
      } else if (!found && parent == kCountryCode && scope_path.empty()) {
        order.needs_country = true;
        ready.push_back(&row);
      } else {
        AddRowProblem(problems, row, "unknown_parent", {{"code", parent}},
                      "unknown parent code '" + parent + "'");
      }
    }
  }
  return ready;
}

// Parents-first generations (Kahn); rows never reached hang on a cycle and are reported.
void OrderGenerations(
    const std::vector<UnitRow>& rows, std::vector<const UnitRow*> current,
    const std::unordered_map<std::string, std::vector<const UnitRow*>>& children_in_file,
    ImportOrder& order, ProblemList& problems) {
  while (!current.empty()) {
    std::vector<const UnitRow*> next;
    std::vector<const UnitRow*> generation;
    for (const UnitRow* row : current) {
      if (order.by_code.at(row->unit.code) != row) continue;  // a duplicate, reported already
      generation.push_back(row);
      auto it = children_in_file.find(row->unit.code);
      if (it != children_in_file.end()) next.insert(next.end(), it->second.begin(), it->second.end());
    }
    order.placed += generation.size();
    order.generations.push_back(std::move(generation));
    current = std::move(next);
  }
  if (!problems.empty() || order.placed == order.by_code.size()) return;
  std::unordered_set<const UnitRow*> placed;
  for (const auto& g : order.generations) placed.insert(g.begin(), g.end());
  for (const auto& row : rows) {
    if (placed.count(&row) || row.unit.parent_code == row.unit.code) continue;
    std::string cycle = DescribeCycle(row.unit.code, order.by_code);
    AddRowProblem(problems, row, "cycle", {{"cycle", cycle}},
                  "parent chain runs into a cycle: " + cycle);
  }
}

AuditEntry CreateAudit(const Unit& unit, std::string_view actor) {
  return AuditEntry{.actor = std::string(actor),
                    .action = "create",
                    .entity = "unit",
                    .entity_id = unit.code,
                    .after_json = UnitJsonText(unit)};
}

// Inserts generation by generation (and the country root first when needed), with one audit
// row per unit. Returns how many units of the file were inserted.
Result<int> InsertInOrder(Database& db, UnitStore& store, ImportOrder& order,
                          std::string_view actor) {
  std::vector<AuditEntry> audit;
  audit.reserve(order.placed + 1);
  if (order.needs_country) {
    LT_ASSIGN_OR_RETURN(Unit country,
                        store.Insert(NewUnit{.code = std::string(kCountryCode),
                                             .name = std::string(kCountryName),
                                             .kind = UnitKind::kCountry},
                                     nullptr));
    audit.push_back(CreateAudit(country, actor));
    order.stored_parents.emplace(country.code, std::move(country));
  }
  std::unordered_map<std::string, Unit> inserted;
  inserted.reserve(order.placed);
  for (const auto& generation : order.generations) {
    std::vector<const NewUnit*> units;
    std::vector<const Unit*> parents;
    for (const UnitRow* row : generation) {
      const std::string& pc = row->unit.parent_code;
      const Unit* parent = nullptr;
      if (!pc.empty()) {
        auto it = inserted.find(pc);
        parent = it != inserted.end() ? &it->second : &order.stored_parents.at(pc);
      }
      units.push_back(&row->unit);
      parents.push_back(parent);
    }
    LT_ASSIGN_OR_RETURN(auto created, store.InsertMany(units, parents));
    for (auto& unit : created) {
      audit.push_back(CreateAudit(unit, actor));
      inserted.emplace(unit.code, std::move(unit));
    }
  }
  LT_RETURN_IF_ERROR(AppendAuditMany(db, std::move(audit)));
  return static_cast<int>(inserted.size());
}

}  // namespace

Result<UnitImportSummary> ImportUnits(Database& db, const std::vector<UnitRow>& rows,
                                      std::string_view actor) {
  LT_ASSIGN_OR_RETURN(UnitImportResult result,
                      ImportUnitsChecked(db, UnitImportRequest{.rows = rows,
                                                               .actor = std::string(actor)}));
  if (!result.problems.empty()) return result.problems.ToStatus("nothing was imported");
  return result.summary;
}

Result<UnitImportResult> ImportUnitsChecked(Database& db, const UnitImportRequest& request) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  UnitStore store(db);
  UnitImportResult result;
  ImportOrder order;
  LT_RETURN_IF_ERROR(CheckDuplicates(store, request.rows, order, result.problems));
  std::unordered_map<std::string, std::vector<const UnitRow*>> children_in_file;
  LT_ASSIGN_OR_RETURN(auto ready, ResolveParents(store, request.rows, request.scope_path, order,
                                                 children_in_file, result.problems));
  OrderGenerations(request.rows, std::move(ready), children_in_file, order, result.problems);
  if (!result.problems.empty()) return result;  // the transaction rolls back: nothing written

  LT_ASSIGN_OR_RETURN(result.summary.created, InsertInOrder(db, store, order, request.actor));
  result.summary.created_country = order.needs_country;
  LT_RETURN_IF_ERROR(tx->Commit());
  return result;
}

}  // namespace lienthong
