// ReadImageDocument (readers.h): decode the pages (image_pages.h), OCR each (ocr_engine.h),
// then the layout rebuild shared with PDFs (pdf/page_layout.h), so a scanned page also gets its
// two-column header as table rows. Format "image-ocr".
#include <exception>
#include <new>
#include <string>

#include "import/reader_guard.h"
#include "import/docx/zip_archive.h"
#include "import/image/image_pages.h"
#include "import/ocr/ocr_engine.h"
#include "import/pdf/page_layout.h"
#include "import/read_budget.h"
#include "import/readers.h"

namespace lienthong {
namespace {

Result<RawDocument> ReadImage(std::string_view bytes, const std::string& name,
                              const ReaderLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) {
    return Status::TooLarge(name + ": file size " + FormatByteSize(bytes.size()) + " is over the " +
                            FormatByteSize(limits.max_input_bytes) + " limit");
  }
  Result<std::vector<ImagePage>> images = DecodeImagePages(bytes, limits.max_ocr_pages);
  if (!images.ok()) return images.status().WithContext(name);
  Result<std::unique_ptr<OcrEngine>> ocr = OcrEngine::Create();
  if (!ocr.ok()) return ocr.status().WithContext(name);

  std::vector<PageText> pages;
  const ReadBudget budget(limits);
  for (size_t i = 0; i < images->size(); ++i) {
    LT_RETURN_IF_ERROR(budget.Check(name + ": page " + std::to_string(i + 1)));
    if (limits.progress) {
      limits.progress(ReadStage::kOcr, static_cast<int>(i + 1), static_cast<int>(images->size()));
    }
    ImagePage& image = (*images)[i];
    Result<PageText> page = (*ocr)->Recognize(image.pix.get(), image.dpi);
    if (!page.ok()) {
      return page.status().WithContext(name + ": page " + std::to_string(i + 1));
    }
    pages.push_back(std::move(*page));
    image.pix.reset();  // free the pixels as soon as they are read
  }
  RawDocument doc;
  doc.source_name = name;
  doc.format = "image-ocr";
  doc.encoding = "utf-8";
  doc.blocks = LayoutPages(pages);
  if (doc.blocks.empty()) doc.warnings.push_back({"image_no_text", {}, "OCR found no text in the image"});
  return doc;
}

}  // namespace

Result<RawDocument> ReadImageDocument(std::string_view bytes, std::string_view name,
                                      const ReaderLimits& limits) {
  std::string file(name);
  return GuardedRead(file, "the image", [&] { return ReadImage(bytes, file, limits); });
}

}  // namespace lienthong
