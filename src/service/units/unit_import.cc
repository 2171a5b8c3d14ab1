#include "service/units/unit_import.h"

#include <deque>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "store/audit_log.h"
#include "store/sql_text.h"
#include "store/unit_store.h"
#include "util/problem_list.h"

namespace lienthong {
namespace {

constexpr size_t kLookupChunk = 500;

// Which of `codes` already exist, asked in chunks so a 60,000-row file costs ~120 queries.
Result<std::unordered_set<std::string>> ExistingCodes(Database& db,
                                                      const std::vector<std::string>& codes) {
  std::unordered_set<std::string> found;
  for (size_t start = 0; start < codes.size(); start += kLookupChunk) {
    size_t n = std::min(kLookupChunk, codes.size() - start);
    std::string sql = "SELECT code FROM units WHERE code IN (" + PlaceholderList(n) + ")";
    SqlParams params(codes.begin() + start, codes.begin() + start + n);
    LT_RETURN_IF_ERROR(db.QueryEach(sql, params, [&](const SqlRow& row) {
      found.insert(row.Text(0));
      return true;
    }));
  }
  return found;
}

std::string UnitJson(const Unit& u) {
  nlohmann::json j = {{"code", u.code},
                      {"name", u.name},
                      {"kind", UnitKindName(u.kind)},
                      {"parent_code", u.parent_code}};
  if (u.valid_from) j["valid_from"] = u.valid_from->ToIso();
  if (u.valid_to) j["valid_to"] = u.valid_to->ToIso();
  return j.dump();
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

}  // namespace

Result<UnitImportSummary> ImportUnits(Database& db, const std::vector<UnitRow>& rows,
                                      std::string_view actor) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  UnitStore store(db);
  ProblemList problems;
  UnitImportSummary summary;

  // 1. Duplicates inside the file and against the database.
  std::unordered_map<std::string, const UnitRow*> by_code;
  std::vector<std::string> codes;
  for (const auto& row : rows) {
    auto [it, inserted] = by_code.emplace(row.unit.code, &row);
    if (!inserted) {
      problems.Add(row.where, "duplicate code '" + row.unit.code + "' (first at " +
                                  it->second->where + ")");
    } else {
      codes.push_back(row.unit.code);
    }
  }
  LT_ASSIGN_OR_RETURN(auto existing, ExistingCodes(db, codes));
  for (const auto& row : rows) {
    if (existing.count(row.unit.code)) {
      problems.Add(row.where, "code '" + row.unit.code + "' already exists in the database");
    }
  }

  // 2. Parents: in the file, in the database, or the implicit country root.
  std::unordered_map<std::string, Unit> stored_parents;
  std::unordered_map<std::string, std::vector<const UnitRow*>> children_in_file;
  std::deque<const UnitRow*> ready;  // rows whose parent exists (or that are roots)
  bool needs_country = false;
  for (const auto& row : rows) {
    const std::string& parent = row.unit.parent_code;
    if (parent.empty()) {
      ready.push_back(&row);
    } else if (parent == row.unit.code) {
      problems.Add(row.where, "unit '" + row.unit.code + "' is its own parent");
    } else if (by_code.count(parent)) {
      children_in_file[parent].push_back(&row);
    } else if (stored_parents.count(parent)) {
      ready.push_back(&row);
    } else {
      LT_ASSIGN_OR_RETURN(auto found, store.FindByCode(parent));
      if (found) {
        stored_parents.emplace(parent, std::move(*found));
        ready.push_back(&row);
      } else if (parent == kCountryCode) {
        needs_country = true;
        ready.push_back(&row);
      } else {
        problems.Add(row.where, "unknown parent code '" + parent + "'");
      }
    }
  }

  // 3. Parents-first order (Kahn), split into generations: a row's parent is stored or sits
  //    in an earlier generation, so each generation can go in with multi-row INSERTs.
  //    Rows never reached hang on a cycle.
  std::vector<std::vector<const UnitRow*>> generations;
  size_t placed_count = 0;
  for (std::vector<const UnitRow*> current(ready.begin(), ready.end()); !current.empty();) {
    std::vector<const UnitRow*> next;
    std::vector<const UnitRow*> generation;
    for (const UnitRow* row : current) {
      if (by_code.at(row->unit.code) != row) continue;  // a duplicate, reported above
      generation.push_back(row);
      auto it = children_in_file.find(row->unit.code);
      if (it != children_in_file.end()) next.insert(next.end(), it->second.begin(), it->second.end());
    }
    placed_count += generation.size();
    generations.push_back(std::move(generation));
    current = std::move(next);
  }
  if (problems.empty() && placed_count < by_code.size()) {
    std::unordered_set<const UnitRow*> placed;
    for (const auto& g : generations) placed.insert(g.begin(), g.end());
    for (const auto& row : rows) {
      if (placed.count(&row) || row.unit.parent_code == row.unit.code) continue;
      problems.Add(row.where,
                   "parent chain runs into a cycle: " + DescribeCycle(row.unit.code, by_code));
    }
  }
  if (!problems.empty()) return problems.ToStatus("nothing was imported");

  // 4. Insert generation by generation, with one audit row per unit.
  std::vector<AuditEntry> audit;
  audit.reserve(placed_count + 1);
  auto record = [&](const Unit& u) {
    audit.push_back(AuditEntry{.actor = std::string(actor),
                               .action = "create",
                               .entity = "unit",
                               .entity_id = u.code,
                               .after_json = UnitJson(u)});
  };
  if (needs_country) {
    LT_ASSIGN_OR_RETURN(Unit country,
                        store.Insert(NewUnit{.code = std::string(kCountryCode),
                                             .name = std::string(kCountryName),
                                             .kind = UnitKind::kCountry},
                                     nullptr));
    record(country);
    stored_parents.emplace(country.code, std::move(country));
    summary.created_country = true;
  }
  std::unordered_map<std::string, Unit> inserted;
  inserted.reserve(placed_count);
  for (const auto& generation : generations) {
    std::vector<const NewUnit*> units;
    std::vector<const Unit*> parents;
    for (const UnitRow* row : generation) {
      const std::string& pc = row->unit.parent_code;
      const Unit* parent = nullptr;
      if (!pc.empty()) {
        auto it = inserted.find(pc);
        parent = it != inserted.end() ? &it->second : &stored_parents.at(pc);
      }
      units.push_back(&row->unit);
      parents.push_back(parent);
    }
    LT_ASSIGN_OR_RETURN(auto created, store.InsertMany(units, parents));
    for (auto& unit : created) {
      record(unit);
      inserted.emplace(unit.code, std::move(unit));
    }
  }
  summary.created = static_cast<int>(inserted.size());
  LT_RETURN_IF_ERROR(AppendAuditMany(db, std::move(audit)));
  LT_RETURN_IF_ERROR(tx->Commit());
  return summary;
}

}  // namespace lienthong
