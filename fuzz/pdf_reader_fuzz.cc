// libFuzzer target: ReadPdfDocument on arbitrary bytes. OCR is off (max_ocr_pages = 0: it costs
// seconds a page and is tesseract's code, not ours) and the limits are small, so a slow or
// memory-hungry input is a finding rather than the limits doing their job slowly. Any crash,
// sanitizer report or exception escaping the reader is a bug; error Statuses are expected.
//
// Seeds: fuzz/seeds/pdf/ (small PDFs written by LibreOffice and by hand).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "import/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lienthong::ReaderLimits limits;
  limits.max_input_bytes = 1u << 20;
  limits.max_pdf_pages = 20;
  limits.max_ocr_pages = 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  return lienthong::ConsumeDocument(lienthong::ReadPdfDocument(bytes, "fuzz.pdf", limits));
}
