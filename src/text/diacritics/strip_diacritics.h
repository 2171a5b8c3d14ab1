// Removes every Vietnamese diacritic and keeps everything else, case included:
//   StripDiacritics("Đắk Lắk, ngày 15/8") == "Dak Lak, ngay 15/8"
// What text typed without a Vietnamese keyboard looks like; the quality bench and the tests make
// their inputs with it. Output has as many code points as ToNfc(text).
#pragma once

#include <string>
#include <string_view>

namespace lienthong::diacritics {

std::string StripDiacritics(std::string_view text);

}  // namespace lienthong::diacritics
