// The poppler-cpp adapter: the only file that includes poppler's headers, built into the module
// liblienthong_pdf.so that pdf_document.h loads on first use. Loads a PDF from memory, gives
// each page's words with their boxes and fonts, and renders a page to grey pixels for OCR.
// Poppler's own error chatter (to stderr) is silenced once per process.
//
// Thread safety: one PopplerPdf per thread.
#pragma once

#include <memory>
#include <string_view>

#include "import/pdf/pdf_document.h"

namespace poppler {
class document;
}

namespace lienthong {

class PopplerPdf : public PdfDocument {
 public:
  // REQUIRES: `bytes` outlives the object.
  // Errors: kInvalidArgument (not a PDF / damaged beyond repair), kUnsupported (encrypted
  // with a password).
  static Result<std::unique_ptr<PopplerPdf>> Load(std::string_view bytes);
  ~PopplerPdf() override;

  int page_count() const override;
  Result<PageText> Words(int index) const override;
  Result<GrayImage> RenderGray(int index, int dpi) const override;

 private:
  explicit PopplerPdf(std::unique_ptr<poppler::document> doc);
  std::unique_ptr<poppler::document> doc_;
};

}  // namespace lienthong
