// How header names are spelt when OCR misread them. The header parser repairs every header's
// names with the first four; the importer repairs an OCR'd document's place and issuer with the
// last two (typed, they are what their author printed).
#pragma once

#include <string>
#include <vector>

#include "core/plan.h"

namespace lienthong::parse {

// An issuer ending with a province's name OCR misread ("HỒ CHÍMINH", "THÀNH PHỔ") takes the
// official spelling, in the issuer's case; the province's kind must be read too.
void RepairProvinceName(std::string& name);

// A place read with a letter no Vietnamese word has ("Đäk Lắk") takes its spelling from the
// issuer's (or parent's) name when the two agree once diacritics are set aside (ND30: the place
// is the locality the issuing body sits in).
void RepairPlaceFromIssuer(PlanHeader& h);

// The issuer column's fragments with a wrapped "BAN CHẤP HÀNH TRUNG" made whole and what OCR left
// of its "ƯƠNG" dropped.
std::vector<std::string> WithCentralCommitteeWhole(std::vector<std::string> fragments);

// An issuer line with the national motto's remains after it ("ỦY BAN NHÂN DÂN CỘNG HÒA X", two
// columns read across, the motto too garbled to be found whole): the line up to where they start
// ("CỘNG HÒA", "CHỦ NGHĨA", or "HÒA XÃ" first). "" when the line is nothing else.
std::string CutMottoRemains(std::string_view fragment);

// An OCR'd issuer's fixed phrases ("ỦY BẠN NHÂN DÂN") take their spelling.
void RepairOcrIssuer(std::string& issuer);

// An OCR'd place that is a province's name misread takes the official spelling.
void RepairOcrPlace(std::string& place);

}  // namespace lienthong::parse
