// A PDF as the PDF reader needs it: pages, each page's words with their boxes, and a page
// rendered to grey pixels for OCR.
//
// Poppler is not linked into lienthong: poppler_pdf.cc is built as a module of its own
// (liblienthong_pdf.so, linked with poppler-cpp) and loaded with dlopen the first time a PDF is
// opened, the way tesseract and libpq are (util/shared_library.h). Linked, poppler-cpp and its
// dependencies were loaded and relocated by every lienthong process at start-up although only
// PDF imports use them (an empty program takes about 40 ms longer to start with them on a
// loaded 2-core machine). The module is looked for in $LIENTHONG_PDF_MODULE, then next to the
// running program, then one directory up (benchmarks in build/bench), then by the system's
// library search. Both sides are built by one build with one compiler, so the interface is a
// C++ one: the module's only symbol, lienthong_open_pdf, fills a PdfOpenResult.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "import/ocr/ocr_engine.h"
#include "import/pdf/page_text.h"
#include "util/status.h"

namespace lienthong {

class PdfDocument {
 public:
  virtual ~PdfDocument() = default;
  virtual int page_count() const = 0;
  // 0-based `index`. Words with bold/italic taken from the font name (…-BoldMT, …,Italic);
  // rotated words are left out unless most of the page is rotated.
  virtual Result<PageText> Words(int index) const = 0;
  // The page as 8-bit grey at `dpi`, lowered if needed to stay under 60 million pixels.
  virtual Result<GrayImage> RenderGray(int index, int dpi) const = 0;
};

struct PdfOpenResult {
  Status status;
  std::unique_ptr<PdfDocument> document;
};

// The module's entry point (extern "C", so dlsym finds it by this name).
using PdfOpenFunction = void (*)(const char* data, size_t size, PdfOpenResult* out);
inline constexpr const char* kPdfOpenSymbol = "lienthong_open_pdf";

// REQUIRES: `bytes` outlives the document.
// Errors: kInvalidArgument (not a PDF / damaged beyond repair), kUnsupported (encrypted with a
// password), kUnavailable (the PDF module or poppler cannot be loaded; the message says which).
Result<std::unique_ptr<PdfDocument>> OpenPdfDocument(std::string_view bytes);

}  // namespace lienthong
