#include "core/issuing_body.h"

#include <array>
#include <string_view>

namespace lienthong {
namespace {

struct KindWord {
  UnitKind kind;
  std::string_view capitalised;  // as names start: "Xã Hòa Phú"
  std::string_view in_prose;     // "Ủy ban nhân dân xã Hòa Phú"
};
constexpr std::array<KindWord, 5> kKindWords = {{{UnitKind::kProvince, "Tỉnh ", "tỉnh"},
                                                 {UnitKind::kCity, "Thành phố ", "thành phố"},
                                                 {UnitKind::kCommune, "Xã ", "xã"},
                                                 {UnitKind::kWard, "Phường ", "phường"},
                                                 {UnitKind::kSpecialZone, "Đặc khu ", "đặc khu"}}};

const KindWord* WordOf(UnitKind kind) {
  for (const auto& w : kKindWords) {
    if (w.kind == kind) return &w;
  }
  return nullptr;
}

bool IsParty(UnitKind kind) {
  return kind == UnitKind::kPartyCommittee || kind == UnitKind::kPartyBoard;
}

// "tỉnh Đắk Lắk": the territory as it follows a body's name ("" for the country).
std::string TerritoryInProse(const Unit& territory) {
  const KindWord* word = WordOf(territory.kind);
  if (word == nullptr) return "";
  return std::string(word->in_prose) + " " + PlaceName(territory);
}

// The index of the nearest territorial unit of the lineage at or above index `i`; -1 for none.
int TerritoryAt(const std::vector<Unit>& lineage, int i) {
  for (int j = i; j >= 0; --j) {
    if (IsTerritorial(lineage[j].kind)) return j;
  }
  return -1;
}

// The people's committee of the territory above the one at index `t` ("UBND tỉnh Đắk Lắk");
// "" when that is the country or nothing.
std::string SuperiorCommittee(const std::vector<Unit>& lineage, int t) {
  int above = t > 0 ? TerritoryAt(lineage, t - 1) : -1;
  if (above < 0 || WordOf(lineage[above].kind) == nullptr) return "";
  return "UBND " + TerritoryInProse(lineage[above]);
}

void AsPeoplesCommittee(IssuingBody& body) {
  body.symbol = "UBND";
  body.authority = "TM. ỦY BAN NHÂN DÂN";
  body.signer_title = "CHỦ TỊCH";
}

}  // namespace

std::string PlaceName(const Unit& territory) {
  const KindWord* word = WordOf(territory.kind);
  if (word != nullptr) {
    for (const auto& w : kKindWords) {
      if (territory.name.rfind(w.capitalised, 0) == 0) {
        return territory.name.substr(w.capitalised.size());
      }
    }
  }
  return territory.name;
}

IssuingBody IssuingBodyOf(const std::vector<Unit>& lineage) {
  IssuingBody body;
  if (lineage.empty()) return body;
  const int last = static_cast<int>(lineage.size()) - 1;
  const Unit& unit = lineage[last];
  const int t = TerritoryAt(lineage, last);
  if (t >= 0) body.place = PlaceName(lineage[t]);
  if (unit.kind == UnitKind::kCountry) return body;
  if (IsTerritorial(unit.kind)) {
    body.name = "Ủy ban nhân dân " + TerritoryInProse(unit);
    body.superior = SuperiorCommittee(lineage, t);
    AsPeoplesCommittee(body);
    return body;
  }
  body.name = unit.name;
  if (t < 0) return body;
  if (IsParty(unit.kind)) {
    // HD36: the superior party body above ("ĐẢNG BỘ TỈNH ĐẮK LẮK" over "ĐẢNG ỦY XÃ EA KAR"; a
    // board sits under its committee).
    body.family = DocumentFamily::kParty;
    if (unit.kind == UnitKind::kPartyBoard && last >= 1) {
      body.superior = lineage[last - 1].name;
    } else if (std::string above = SuperiorCommittee(lineage, t); !above.empty()) {
      body.superior = "Đảng bộ " + above.substr(std::string("UBND ").size());
    }
    return body;
  }
  if (unit.kind == UnitKind::kPeoplesCommittee) {
    body.superior = SuperiorCommittee(lineage, t);
    AsPeoplesCommittee(body);
    return body;
  }
  if (WordOf(lineage[t].kind) != nullptr) body.superior = "UBND " + TerritoryInProse(lineage[t]);
  return body;
}

}  // namespace lienthong
