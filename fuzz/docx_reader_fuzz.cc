// libFuzzer target: ReadDocxDocument on arbitrary bytes, with small limits so that a slow or
// memory-hungry input is a finding rather than the limits doing their job slowly. Any crash,
// sanitizer report or exception escaping the reader is a bug; error Statuses are expected.
//
// Seeds: fuzz/seeds/docx/ (a plan written by LibreOffice and two hand-made packages).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "import/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lienthong::ReaderLimits limits;
  limits.max_input_bytes = 1u << 20;
  limits.max_docx_unpacked_bytes = 8u << 20;
  limits.max_docx_entries = 256;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  return lienthong::ConsumeDocument(lienthong::ReadDocxDocument(bytes, "fuzz.docx", limits));
}
