#include "text/diacritics/embedded_model.h"

// CMake passes the model's path, and its SHA-256 so that a new model changes this file's compile
// command: neither make nor ccache looks inside an .incbin'd file.
#if !defined(LIENTHONG_DIACRITICS_MODEL_PATH) || !defined(LIENTHONG_DIACRITICS_MODEL_SHA256)
#error "CMake must define LIENTHONG_DIACRITICS_MODEL_PATH and LIENTHONG_DIACRITICS_MODEL_SHA256"
#endif

__asm__(
    ".pushsection .rodata.lienthong_diacritics_model, \"a\"\n"
    ".balign 64\n"
    "lienthong_diacritics_model_begin:\n"
    ".incbin \"" LIENTHONG_DIACRITICS_MODEL_PATH "\"\n"
    "lienthong_diacritics_model_end:\n"
    ".popsection\n");

extern "C" {
extern const char lienthong_diacritics_model_begin[];
extern const char lienthong_diacritics_model_end[];
}

namespace lienthong::diacritics {

std::string_view EmbeddedModelBytes() {
  static_assert(sizeof(LIENTHONG_DIACRITICS_MODEL_SHA256) > 1);
  return {lienthong_diacritics_model_begin,
          static_cast<size_t>(lienthong_diacritics_model_end - lienthong_diacritics_model_begin)};
}

}  // namespace lienthong::diacritics
