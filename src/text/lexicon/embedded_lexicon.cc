#include "text/lexicon/embedded_lexicon.h"

// CMake passes the file's path, and its SHA-256 so that a new file changes this file's compile
// command: neither make nor ccache looks inside an .incbin'd file.
#if !defined(LIENTHONG_COVERAGE_LEXICON_PATH) || !defined(LIENTHONG_COVERAGE_LEXICON_SHA256)
#error "CMake must define LIENTHONG_COVERAGE_LEXICON_PATH and LIENTHONG_COVERAGE_LEXICON_SHA256"
#endif

__asm__(
    ".pushsection .rodata.lienthong_coverage_lexicon, \"a\"\n"
    "lienthong_coverage_lexicon_begin:\n"
    ".incbin \"" LIENTHONG_COVERAGE_LEXICON_PATH "\"\n"
    "lienthong_coverage_lexicon_end:\n"
    ".popsection\n");

extern "C" {
extern const char lienthong_coverage_lexicon_begin[];
extern const char lienthong_coverage_lexicon_end[];
}

namespace lienthong {

std::string_view EmbeddedCoverageLexicon() {
  static_assert(sizeof(LIENTHONG_COVERAGE_LEXICON_SHA256) > 1);
  return {lienthong_coverage_lexicon_begin,
          static_cast<size_t>(lienthong_coverage_lexicon_end - lienthong_coverage_lexicon_begin)};
}

}  // namespace lienthong
