// The poppler-cpp adapter: the only file that includes poppler's headers. Loads a PDF from
// memory, gives each page's words with their boxes and fonts, and renders a page to grey pixels
// for OCR. Poppler's own error chatter (to stderr) is silenced once per process.
//
// Thread safety: one PopplerPdf per thread.
#pragma once

#include <memory>
#include <string_view>

#include "import/ocr/ocr_engine.h"
#include "import/pdf/page_text.h"
#include "util/status.h"

namespace poppler {
class document;
}

namespace lienthong {

class PopplerPdf {
 public:
  // REQUIRES: `bytes` outlives the object.
  // Errors: kInvalidArgument (not a PDF / damaged beyond repair), kUnsupported (encrypted
  // with a password).
  static Result<std::unique_ptr<PopplerPdf>> Load(std::string_view bytes);
  ~PopplerPdf();

  int page_count() const;
  // 0-based `index`. Words with bold/italic taken from the font name (…-BoldMT, …,Italic);
  // rotated words are left out unless most of the page is rotated.
  Result<PageText> Words(int index) const;
  // The page as 8-bit grey at `dpi`, lowered if needed to stay under 60 million pixels.
  Result<GrayImage> RenderGray(int index, int dpi) const;

 private:
  explicit PopplerPdf(std::unique_ptr<poppler::document> doc);
  std::unique_ptr<poppler::document> doc_;
};

}  // namespace lienthong
