// The official names of the provinces and centrally-run cities ("Tỉnh Đắk Lắk", "Thành phố Hồ
// Chí Minh"), embedded at build time from demo/provinces-2025.csv (cmake/embed_provinces.cmake),
// the same list the demo's unit tree is imported from.
#pragma once

#include <string>
#include <vector>

namespace lienthong::parse {

const std::vector<std::string>& ProvinceNames();

}  // namespace lienthong::parse
