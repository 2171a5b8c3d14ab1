// IssuingBody: the body that issues a unit's documents, in the forms a Vietnamese official
// document prints it (vn-documents.md §1.2–1.4): the issuer and superior lines of the header, the
// place of the date line, the body part of the số/ký hiệu and the signing authority. A territory's
// documents are issued by its people's committee ("Ủy ban nhân dân xã Hòa Phú", under
// "UBND tỉnh Đắk Lắk"); a body issues under its own name.
#pragma once

#include <string>
#include <vector>

#include "core/plan.h"
#include "core/unit.h"

namespace lienthong {

struct IssuingBody {
  DocumentFamily family = DocumentFamily::kState;
  std::string name;           // in prose: "Ủy ban nhân dân xã Hòa Phú" ("" when unknown)
  std::string superior;       // the line above it: "UBND tỉnh Đắk Lắk"; "" for none
  std::string place;          // "Hòa Phú"
  std::string symbol;         // the body in a number: "UBND" (15/BC-UBND); "" when unknown
  std::string authority;      // "TM. ỦY BAN NHÂN DÂN"; "" when unknown
  std::string signer_title;   // "CHỦ TỊCH"; "" when unknown
};

// `lineage` is the unit and its ancestors, root first, the unit last (empty: an empty body).
// The country root has no body of its own here: its name is left empty.
IssuingBody IssuingBodyOf(const std::vector<Unit>& lineage);

// A territory's name without its kind word: "Xã Hòa Phú" → "Hòa Phú", "Thành phố Hà Nội" →
// "Hà Nội"; other names unchanged.
std::string PlaceName(const Unit& territory);

}  // namespace lienthong
