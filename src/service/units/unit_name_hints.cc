#include "service/units/unit_name_hints.h"

#include "service/units/unit_file_reader.h"
#include "store/unit_store.h"

namespace lienthong {

Result<diacritics::NameHints> UnitNameHintsFromFile(const std::string& path) {
  LT_ASSIGN_OR_RETURN(std::vector<UnitRow> rows, ReadUnitFile(path));
  diacritics::NameHints hints;
  for (const UnitRow& row : rows) hints.AddName(row.unit.name);
  return hints;
}

Result<diacritics::NameHints> UnitNameHintsFromStore(Database& db) {
  UnitStore units(db);
  LT_ASSIGN_OR_RETURN(std::vector<Unit> roots, units.Roots());
  diacritics::NameHints hints;
  for (const Unit& root : roots) {
    LT_ASSIGN_OR_RETURN(std::vector<Unit> subtree, units.Subtree(root));
    for (const Unit& unit : subtree) hints.AddName(unit.name);
  }
  return hints;
}

}  // namespace lienthong
