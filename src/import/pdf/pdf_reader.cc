// ReadPdfDocument (readers.h): each page's text layer (pdf_document.h) is measured
// (text_layer_quality.h); a page whose layer is missing, garbled or without diacritics is
// rendered at 300 dpi and read by OCR instead (ocr_engine.h), with a warning
// "page N: text layer unreadable, used OCR" (or "page N: no text layer, used OCR"). All pages
// then go through the shared layout rebuild (page_layout.h).
//
// The OCR engine is created only when a page needs it. At most ReaderLimits::max_ocr_pages
// pages are OCRed; later pages keep their text layer (if not garbled) and get a warning. A page
// where OCR finds nothing either (a blank page with a page number) keeps its text layer,
// silently. When OCR is unavailable (no tesseract `vie` model) and no page has a usable text
// layer the result is that kUnavailable status; otherwise the readable pages are returned with
// a warning for each page that could not be read.
// Format: "pdf", or "pdf-ocr" when any page was OCRed.
#include <exception>
#include <memory>
#include <new>
#include <string>

#include "import/reader_guard.h"
#include "import/docx/zip_archive.h"
#include "import/ocr/ocr_engine.h"
#include "import/pdf/line_builder.h"
#include "import/pdf/page_layout.h"
#include "import/pdf/pdf_document.h"
#include "import/pdf/ruled_tables.h"
#include "import/pdf/text_layer_quality.h"
#include "import/read_budget.h"
#include "import/readers.h"

namespace lienthong {
namespace {

// Tesseract's usual 300 dpi. Measured against a real letter's own good text layer (rendered
// and OCRed), 300 dpi matched 92.6% of its words and 400 dpi 89.7%: larger glyphs lose hooks
// over circumflexes ("cổ" -> "cô"), although 400 dpi read one italic date that 300 dpi misread.
constexpr int kOcrDpi = 300;

std::string LayerText(const PageText& page) {
  std::string text;
  for (const PositionedWord& word : page.words) {
    text += word.text;
    text += ' ';
  }
  return text;
}

std::string PagePrefix(int index) { return "page " + std::to_string(index + 1) + ": "; }

// Rules are read at 72 dpi (a point a pixel): enough for a rule of half a point, which renders
// as a grey line, and quick (half a megapixel for A4).
constexpr int kRulesDpi = 72;
constexpr double kWideGapHeights = 0.8;  // a gap between cells, in line heights
constexpr int kTabularLines = 3;         // lines with two such gaps that make a page worth a look

// Whether a text-layer page may hold a ruled table: lines whose words leave two wide gaps (three
// cells side by side). Other pages are not rendered.
bool MayHoldTable(const PageText& page) {
  int lines = 0;
  for (const TextLine& line : BuildLines(page.words)) {
    int gaps = 0;
    for (size_t k = 1; k < line.words.size(); ++k) {
      gaps += line.words[k].x0 - line.words[k - 1].x1 >= kWideGapHeights * line.height();
    }
    if (gaps >= 2 && ++lines >= kTabularLines) return true;
  }
  return false;
}

Result<RawDocument> ReadPdf(std::string_view bytes, const std::string& name,
                            const ReaderLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) {
    return Status::TooLarge(name + ": file size " + FormatByteSize(bytes.size()) + " is over the " +
                            FormatByteSize(limits.max_input_bytes) + " limit");
  }
  Result<std::unique_ptr<PdfDocument>> pdf = OpenPdfDocument(bytes);
  if (!pdf.ok()) return pdf.status().WithContext(name);
  const int page_count = (*pdf)->page_count();
  if (page_count > limits.max_pdf_pages) {
    return Status::TooLarge(name + ": " + std::to_string(page_count) +
                            " pages is over the limit of " + std::to_string(limits.max_pdf_pages) +
                            " pages");
  }

  RawDocument doc;
  doc.source_name = name;
  doc.format = "pdf";
  doc.encoding = "utf-8";
  std::vector<PageText> pages;
  std::unique_ptr<OcrEngine> ocr;
  Status ocr_status;  // set when the engine could not be created
  int ocr_pages = 0, unreadable_pages = 0;
  bool used_ocr = false;

  const ReadBudget budget(limits);
  for (int i = 0; i < page_count; ++i) {
    LT_RETURN_IF_ERROR(budget.Check(name + ": page " + std::to_string(i + 1)));
    if (limits.progress) limits.progress(ReadStage::kReading, i + 1, page_count);
    Result<PageText> layer = (*pdf)->Words(i);
    if (!layer.ok()) return layer.status().WithContext(name);
    TextLayerVerdict verdict = JudgeTextLayer(MeasureTextLayer(LayerText(*layer)));
    if (verdict == TextLayerVerdict::kGood) {
      if (MayHoldTable(*layer)) {
        Result<GrayImage> small = (*pdf)->RenderGray(i, kRulesDpi);
        if (small.ok()) layer->tables = FindRuledTables(*small, layer->width, layer->height);
      }
      pages.push_back(std::move(*layer));
      continue;
    }
    const char* what =
        verdict == TextLayerVerdict::kMissing ? "no text layer" : "text layer unreadable";
    // What to keep when OCR cannot help: garbled text is worse than nothing. An empty
    // `reason` means OCR found nothing either (a blank page): no warning.
    const std::string page_number = std::to_string(i + 1);
    auto keep_layer = [&](ImportWarning warning) {
      if (verdict == TextLayerVerdict::kGarbled) layer->words.clear();
      if (!warning.code.empty()) {
        if (verdict != TextLayerVerdict::kNoDiacritics) ++unreadable_pages;
        doc.warnings.push_back(std::move(warning));
      }
      pages.push_back(std::move(*layer));
    };
    auto not_read = [&](const std::string& reason) {
      return ImportWarning{"page_not_read", {{"page", page_number}, {"reason", reason}},
                           PagePrefix(i) + what + "; " + reason};
    };
    if (ocr_pages >= limits.max_ocr_pages) {
      const std::string limit = std::to_string(limits.max_ocr_pages);
      keep_layer({"page_ocr_limit", {{"page", page_number}, {"limit", limit}},
                  PagePrefix(i) + what + "; not OCRed: over the limit of " + limit + " OCR pages"});
      continue;
    }
    if (ocr == nullptr && ocr_status.ok()) {
      Result<std::unique_ptr<OcrEngine>> engine = OcrEngine::Create();
      if (engine.ok()) {
        ocr = std::move(*engine);
      } else {
        ocr_status = engine.status();
      }
    }
    if (ocr == nullptr) {
      keep_layer(not_read(ocr_status.message()));
      continue;
    }
    ++ocr_pages;
    if (limits.progress) limits.progress(ReadStage::kOcr, i + 1, page_count);
    Result<GrayImage> image = (*pdf)->RenderGray(i, kOcrDpi);
    if (!image.ok()) {
      keep_layer(not_read(image.status().message()));
      continue;
    }
    Result<PageText> recognised = ocr->Recognize(*image);
    if (!recognised.ok()) {
      keep_layer(not_read(recognised.status().message()));
      continue;
    }
    if (recognised->words.empty()) {  // a blank page: nothing to gain
      keep_layer({});
      continue;
    }
    // OCR sees the rendered page, which may be cropped differently from the text layer's box.
    recognised->width = layer->width;
    recognised->height = layer->height;
    recognised->tables = FindRuledTables(*image, layer->width, layer->height);
    doc.warnings.push_back({"page_ocr", {{"page", page_number}}, PagePrefix(i) + what + ", used OCR"});
    used_ocr = true;
    pages.push_back(std::move(*recognised));
  }
  if (!ocr_status.ok() && unreadable_pages == page_count) {
    return ocr_status.WithContext(name);
  }
  if (used_ocr) doc.format = "pdf-ocr";
  doc.blocks = LayoutPages(pages);
  return doc;
}

}  // namespace

Result<RawDocument> ReadPdfDocument(std::string_view bytes, std::string_view name,
                                    const ReaderLimits& limits) {
  std::string file(name);
  return GuardedRead(file, "the PDF", [&] { return ReadPdf(bytes, file, limits); });
}

}  // namespace lienthong
