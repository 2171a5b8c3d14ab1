#include "import/pdf/poppler_pdf.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cmath>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

namespace lienthong {
namespace {

constexpr double kMaxRenderPixels = 60e6;

void Silence(const std::string&, void*) {}

void SilencePopplerOnce() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(Silence, nullptr); });
}

bool Contains(const std::string& text, const char* part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

PopplerPdf::PopplerPdf(std::unique_ptr<poppler::document> doc) : doc_(std::move(doc)) {}
PopplerPdf::~PopplerPdf() = default;

Result<std::unique_ptr<PopplerPdf>> PopplerPdf::Load(std::string_view bytes) {
  SilencePopplerOnce();
  if (bytes.size() < 5 || std::memcmp(bytes.data(), "%PDF-", 5) != 0) {
    // Poppler accepts leading garbage; we want a clear message for files that are not PDFs.
    if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
      return Status::InvalidArgument("not a PDF file (no %PDF- header)");
    }
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (doc == nullptr) return Status::InvalidArgument("damaged PDF: poppler cannot open it");
  if (doc->is_locked()) return Status::Unsupported("the PDF is encrypted with a password");
  return std::unique_ptr<PopplerPdf>(new PopplerPdf(std::move(doc)));
}

int PopplerPdf::page_count() const { return doc_->pages(); }

Result<PageText> PopplerPdf::Words(int index) const {
  std::unique_ptr<poppler::page> page(doc_->create_page(index));
  if (page == nullptr) {
    return Status::InvalidArgument("page " + std::to_string(index + 1) + " cannot be read");
  }
  PageText out;
  poppler::rectf rect = page->page_rect();
  out.width = rect.width();
  out.height = rect.height();
  std::vector<poppler::text_box> boxes = page->text_list(poppler::page::text_list_include_font);
  // Rotated words (a stamp or a margin note across the page) would scatter over many lines;
  // keep them only when they are the page's main text.
  size_t rotated = 0;
  for (const poppler::text_box& box : boxes) rotated += box.rotation() != 0;
  const bool skip_rotated = rotated * 2 < boxes.size();
  for (const poppler::text_box& box : boxes) {
    if (skip_rotated && box.rotation() != 0) continue;
    poppler::byte_array utf8 = box.text().to_utf8();
    PositionedWord word;
    word.text.assign(utf8.begin(), utf8.end());
    poppler::rectf bbox = box.bbox();
    word.x0 = bbox.left();
    word.y0 = bbox.top();
    word.x1 = bbox.right();
    word.y1 = bbox.bottom();
    word.space_after = box.has_space_after();
    if (box.has_font_info()) {
      std::string font = box.get_font_name();
      word.bold = Contains(font, "Bold") || Contains(font, "Black") || Contains(font, "Heavy") ||
                  Contains(font, ",B");
      word.italic = Contains(font, "Italic") || Contains(font, "Oblique") || Contains(font, ",I");
    }
    out.words.push_back(std::move(word));
  }
  return out;
}

Result<GrayImage> PopplerPdf::RenderGray(int index, int dpi) const {
  std::unique_ptr<poppler::page> page(doc_->create_page(index));
  if (page == nullptr) {
    return Status::InvalidArgument("page " + std::to_string(index + 1) + " cannot be read");
  }
  if (!poppler::page_renderer::can_render()) {
    return Status::Unavailable("poppler was built without a renderer: cannot OCR PDF pages");
  }
  poppler::rectf rect = page->page_rect();
  double pixels = rect.width() / 72.0 * dpi * rect.height() / 72.0 * dpi;
  if (pixels > kMaxRenderPixels) {
    dpi = static_cast<int>(dpi * std::sqrt(kMaxRenderPixels / pixels));
  }
  if (dpi < 10)
    return Status::TooLarge("page " + std::to_string(index + 1) + " is too large to render");
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) {
    return Status::Internal("page " + std::to_string(index + 1) + " could not be rendered");
  }
  GrayImage out;
  out.width = image.width();
  out.height = image.height();
  out.bytes_per_line = image.bytes_per_row();
  out.dpi = dpi;
  const char* data = image.const_data();
  out.pixels.assign(reinterpret_cast<const unsigned char*>(data),
                    reinterpret_cast<const unsigned char*>(data) +
                        static_cast<size_t>(out.bytes_per_line) * out.height);
  return out;
}

}  // namespace lienthong

// The module's entry point (pdf_document.h). Exceptions stay inside the module.
extern "C" __attribute__((visibility("default"))) void lienthong_open_pdf(
    const char* data, size_t size, lienthong::PdfOpenResult* out) {
  try {
    lienthong::Result<std::unique_ptr<lienthong::PopplerPdf>> pdf =
        lienthong::PopplerPdf::Load(std::string_view(data, size));
    if (!pdf.ok()) {
      out->status = pdf.status();
      return;
    }
    out->document = std::move(*pdf);
  } catch (const std::exception& e) {
    out->status = lienthong::Status::Internal(std::string("PDF: ") + e.what());
  } catch (...) {
    out->status = lienthong::Status::Internal("PDF: poppler failed");
  }
}
