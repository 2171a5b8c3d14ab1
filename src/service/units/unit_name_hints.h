// Unit names as a gazetteer for the diacritic restorer (text/diacritics/name_hints.h): where a
// text typed without diacritics names a unit — "UBND xa Hoa Phu", "tinh Dak Lak" — the unit's
// own spelling wins over the language model.
#pragma once

#include <string>

#include "store/database.h"
#include "text/diacritics/name_hints.h"
#include "util/status.h"

namespace lienthong {

// The names in a units file (CSV or JSON, as `lienthong units import` reads them).
Result<diacritics::NameHints> UnitNameHintsFromFile(const std::string& path);

// The names of every unit in the store, ended ones included (old names still appear in text).
Result<diacritics::NameHints> UnitNameHintsFromStore(Database& db);

}  // namespace lienthong
