// libFuzzer entry: bytes -> ReadTextDocument -> ParsePlans -> JSON. Must not crash, hang or grow
// memory without bound. Build with clang: -fsanitize=fuzzer,address (BUILD_FUZZ=ON).
// Seeds: fuzz/seeds/text/ (the fictional fixtures of tests/testdata/import/text).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/parse/plan_parser.h"
#include "import/plan_json.h"
#include "import/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lienthong;
  ReaderLimits limits;
  limits.max_input_bytes = 1 << 20;  // keep each run short
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const char* name : {"fuzz.txt", "fuzz.md"}) {
    Result<RawDocument> raw = ReadTextDocument(bytes, name, limits);
    if (!raw.ok()) continue;
    Result<std::vector<ImportedDocument>> docs = ParsePlans(*raw);
    if (docs.ok()) (void)ImportedDocumentsToJson(*docs).dump();
  }
  return 0;
}
