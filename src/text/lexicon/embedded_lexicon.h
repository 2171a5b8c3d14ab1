// The coverage lexicon that ships inside the binary: data/coverage-lexicon.tsv, assembled into
// read-only data at build time (CMakeLists.txt), so nothing is read or downloaded at run time.
#pragma once

#include <string_view>

namespace lienthong {

// The file's bytes, valid for the life of the process.
std::string_view EmbeddedCoverageLexicon();

}  // namespace lienthong
