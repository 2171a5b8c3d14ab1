// The diacritic model that ships inside the binary: data/diacritics-vi.model, assembled into
// read-only data at build time (see CMakeLists.txt), so nothing is read or downloaded at run time
// and "loading" is a header check (DiacriticRestorer::Embedded).
#pragma once

#include <string_view>

namespace lienthong::diacritics {

// The model file's bytes, 64-byte aligned, valid for the life of the process.
std::string_view EmbeddedModelBytes();

}  // namespace lienthong::diacritics
