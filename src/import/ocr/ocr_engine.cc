#include "import/ocr/ocr_engine.h"

#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <exception>
#include <string>
#include <string_view>

namespace lienthong {
namespace {

constexpr float kMinConfidenceForSymbols = 60.0f;

// See the header: one OpenMP thread for tesseract's parallel regions started by this thread.
void LimitOpenMpThreads() {
  thread_local bool done = false;
  if (done) return;
  done = true;
  // Tesseract asks for its thread count explicitly (num_threads clauses), which overrides
  // omp_set_num_threads; a region beyond the maximum number of active levels runs on one
  // thread whatever it asks, so allow none.
  using SetInt = void (*)(int);
  if (void* symbol = dlsym(RTLD_DEFAULT, "omp_set_max_active_levels")) {
    reinterpret_cast<SetInt>(symbol)(0);
  }
  if (void* symbol = dlsym(RTLD_DEFAULT, "omp_set_num_threads")) {
    reinterpret_cast<SetInt>(symbol)(1);
  }
}

std::string Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  return std::string(text);
}

Status Unavailable() {
  return Status::Unavailable(
      "OCR needs tesseract with the Vietnamese model: apt-get install tesseract-ocr-vie");
}

}  // namespace

OcrEngine::OcrEngine(std::unique_ptr<tesseract::TessBaseAPI> api) : api_(std::move(api)) {}

OcrEngine::~OcrEngine() {
  if (api_) api_->End();
}

Result<std::unique_ptr<OcrEngine>> OcrEngine::Create() {
  try {
    LimitOpenMpThreads();
    auto api = std::make_unique<tesseract::TessBaseAPI>();
    // Diagnostics ("Estimating resolution as ...") would go to stderr.
    api->SetVariable("debug_file", "/dev/null");
    if (api->Init(nullptr, "vie", tesseract::OEM_LSTM_ONLY) != 0) return Unavailable();
    api->SetPageSegMode(tesseract::PSM_AUTO);
    return std::unique_ptr<OcrEngine>(new OcrEngine(std::move(api)));
  } catch (const std::exception&) {
    return Unavailable();
  }
}

Result<PageText> OcrEngine::Recognize(const GrayImage& image) {
  if (image.width <= 0 || image.height <= 0 || image.bytes_per_line < image.width ||
      image.pixels.size() < static_cast<size_t>(image.bytes_per_line) * image.height) {
    return Status::Internal("OCR: malformed image buffer");
  }
  try {
    LimitOpenMpThreads();
    api_->SetImage(image.pixels.data(), image.width, image.height, 1, image.bytes_per_line);
    return RecognizeCurrentImage(image.width, image.height, image.dpi);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("OCR failed: ") + e.what());
  }
}

Result<PageText> OcrEngine::Recognize(Pix* pix, int dpi) {
  if (pix == nullptr) return Status::Internal("OCR: no image");
  try {
    LimitOpenMpThreads();
    api_->SetImage(pix);
    return RecognizeCurrentImage(static_cast<int>(pixGetWidth(pix)),
                                 static_cast<int>(pixGetHeight(pix)), dpi);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("OCR failed: ") + e.what());
  }
}

Result<PageText> OcrEngine::RecognizeCurrentImage(int width, int height, int dpi) {
  if (dpi <= 0) dpi = 300;
  api_->SetSourceResolution(dpi);
  if (api_->Recognize(nullptr) != 0) {
    api_->Clear();
    return Status::Internal("OCR failed: tesseract could not recognise the page");
  }
  const double scale = 72.0 / dpi;
  PageText page;
  page.width = width * scale;
  page.height = height * scale;
  std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
  int line = -1;
  if (it != nullptr && !it->Empty(tesseract::RIL_WORD)) {
    do {
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) ++line;
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      if (text == nullptr || text[0] == '\0') continue;
      PositionedWord word;
      word.text = Trim(text.get());
      if (word.text.empty()) continue;
      if (!HasLetterOrDigit(word.text) &&
          it->Confidence(tesseract::RIL_WORD) < kMinConfidenceForSymbols) {
        continue;
      }
      int left = 0, top = 0, right = 0, bottom = 0;
      if (!it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom)) continue;
      word.x0 = left * scale;
      word.y0 = top * scale;
      word.x1 = right * scale;
      word.y1 = bottom * scale;
      word.group = std::max(line, 0);
      page.words.push_back(std::move(word));
    } while (it->Next(tesseract::RIL_WORD));
  }
  it.reset();
  api_->Clear();
  return page;
}

}  // namespace lienthong
