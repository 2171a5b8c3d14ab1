// Synthetic unit hierarchies for benchmarks and load tests: a country, its provinces, their
// agencies and communes, and each commune's bodies and residential areas.
#pragma once

#include <cstdint>
#include <ostream>
#include <vector>

#include "store/unit_store.h"

namespace lienthong {

struct SyntheticHierarchyOptions {
  int provinces = 34;
  int communes_per_province = 100;
  int agencies_per_province = 10;  // party committee, people's committee, departments, press…
  int agencies_per_commune = 6;    // party committee, people's committee, front, police…
  int areas_per_commune = 10;      // thôn / tổ dân phố
  uint32_t seed = 1;               // same seed, same names
};

// Parents before children; the first unit is the country root "VN".
std::vector<NewUnit> GenerateSyntheticUnits(const SyntheticHierarchyOptions& options);

// The `code,name,kind,parent_code` CSV that `lienthong units import` reads.
void WriteUnitsCsv(const std::vector<NewUnit>& units, std::ostream& out);

}  // namespace lienthong
