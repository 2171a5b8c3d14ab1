#include "import/ocr/ocr_engine.h"

#include <algorithm>
#include <exception>
#include <string>
#include <string_view>

#include "import/ocr/ocr_library.h"
#include "import/ocr/page_cleanup.h"

namespace lienthong {
namespace {

constexpr float kMinConfidenceForSymbols = 60.0f;
constexpr float kMinConfidenceForShortWords = 30.0f;
// OSD's confidence in an orientation (tesseract's own CLI reports under 2 as unsure).
constexpr float kMinOsdConfidence = 2.0f;
// Re-reading doubtful words: below this confidence, at most this many per page (each a small
// recognition, a few milliseconds), kept when the new reading is this much surer.
constexpr float kRereadBelow = 50.0f;
constexpr size_t kMaxRereads = 24;
constexpr float kRereadGain = 20.0f;

// What a scan's specks, rules and stamp remnants come out as: a symbol-only word tesseract is
// unsure of, or a one- or two-character word it hardly believes in.
bool IsSpeck(const PositionedWord& word) {
  if (!HasLetterOrDigit(word.text)) return word.confidence < kMinConfidenceForSymbols;
  size_t code_points = 0;
  for (unsigned char c : word.text) code_points += (c & 0xC0) != 0x80;
  return code_points <= 2 && word.confidence < kMinConfidenceForShortWords;
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

// A result iterator, deleted with it.
class Words {
 public:
  Words(const TesseractApi& tess, TessResultIterator* it) : tess_(tess), it_(it) {}
  ~Words() {
    if (it_ != nullptr) tess_.TessResultIteratorDelete(it_);
  }
  Words(const Words&) = delete;
  Words& operator=(const Words&) = delete;
  TessResultIterator* get() const { return it_; }

 private:
  const TesseractApi& tess_;
  TessResultIterator* it_;
};

// Text from tesseract, freed with TessDeleteText.
class Text {
 public:
  Text(const TesseractApi& tess, char* text) : tess_(tess), text_(text) {}
  ~Text() {
    if (text_ != nullptr) tess_.TessDeleteText(text_);
  }
  Text(const Text&) = delete;
  Text& operator=(const Text&) = delete;
  const char* get() const { return text_; }

 private:
  const TesseractApi& tess_;
  char* text_;
};

}  // namespace

OcrEngine::OcrEngine(const LeptonicaApi& lept, const TesseractApi& tess,
                     tesseract::TessBaseAPI* api)
    : lept_(lept), tess_(tess), api_(api) {}

OcrEngine::~OcrEngine() {  // deleting an API ends it first
  tess_.TessBaseAPIDelete(api_);
  if (osd_ != nullptr) tess_.TessBaseAPIDelete(osd_);
}

std::optional<int> OcrEngine::OsdQuarterTurns(Pix* grey, int dpi) {
  if (osd_failed_ || tess_.TessBaseAPIDetectOrientationScript == nullptr) return std::nullopt;
  if (osd_ == nullptr) {
    osd_ = tess_.TessBaseAPICreate();
    if (osd_ == nullptr) {
      osd_failed_ = true;
      return std::nullopt;
    }
    tess_.TessBaseAPISetVariable(osd_, "debug_file", "/dev/null");
    if (tess_.TessBaseAPIInit2(osd_, nullptr, "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
      osd_failed_ = true;
      return std::nullopt;
    }
    tess_.TessBaseAPISetPageSegMode(osd_, tesseract::PSM_OSD_ONLY);
  }
  tess_.TessBaseAPISetImage2(osd_, grey);
  tess_.TessBaseAPISetSourceResolution(osd_, dpi > 0 ? dpi : 300);
  int degrees = 0;
  float confidence = 0;
  const bool found = tess_.TessBaseAPIDetectOrientationScript(osd_, &degrees, &confidence,
                                                              nullptr, nullptr) != 0;
  tess_.TessBaseAPIClear(osd_);
  if (!found || confidence < kMinOsdConfidence || degrees % 90 != 0) return std::nullopt;
  // OSD gives the page's clockwise rotation; undoing it takes the remaining clockwise turns.
  return (4 - degrees / 90 % 4) % 4;
}

// See the header: one OpenMP thread for tesseract's parallel regions started by this thread.
void OcrEngine::LimitOpenMpThreads() const {
  thread_local bool done = false;
  if (done) return;
  done = true;
  // Tesseract asks for its thread count explicitly (num_threads clauses), which overrides
  // omp_set_num_threads; a region beyond the maximum number of active levels runs on one
  // thread whatever it asks, so allow none.
  if (tess_.omp_set_max_active_levels != nullptr) tess_.omp_set_max_active_levels(0);
  if (tess_.omp_set_num_threads != nullptr) tess_.omp_set_num_threads(1);
}

Result<std::unique_ptr<OcrEngine>> OcrEngine::Create() {
  LT_ASSIGN_OR_RETURN(const LeptonicaApi* lept, LoadLeptonica());
  LT_ASSIGN_OR_RETURN(const TesseractApi* tess, LoadTesseract());
  try {
    TessBaseAPI* api = tess->TessBaseAPICreate();
    if (api == nullptr) return Unavailable();
    std::unique_ptr<OcrEngine> engine(new OcrEngine(*lept, *tess, api));
    engine->LimitOpenMpThreads();
    // Diagnostics ("Estimating resolution as ...") would go to stderr.
    tess->TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    if (tess->TessBaseAPIInit2(api, nullptr, "vie", tesseract::OEM_LSTM_ONLY) != 0) {
      return Unavailable();
    }
    tess->TessBaseAPISetPageSegMode(api, tesseract::PSM_AUTO);
    return engine;
  } catch (const std::exception&) {
    return Unavailable();
  }
}

Result<PageText> OcrEngine::Recognize(const GrayImage& image) {
  if (image.width <= 0 || image.height <= 0 || image.bytes_per_line < image.width ||
      image.pixels.size() < static_cast<size_t>(image.bytes_per_line) * image.height) {
    return Status::Internal("OCR: malformed image buffer");
  }
  // Into a Leptonica image, so a rendered PDF page is cleaned like a scan (page_cleanup.h).
  PixPtr pix(lept_.pixCreate(image.width, image.height, 8));
  if (pix == nullptr) return Status::Internal("OCR: out of memory for the page image");
  l_uint32* data = lept_.pixGetData(pix.get());
  const int wpl = lept_.pixGetWpl(pix.get());
  for (int y = 0; y < image.height; ++y) {
    const unsigned char* row = image.pixels.data() + static_cast<size_t>(y) * image.bytes_per_line;
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < image.width; ++x) {
      // Leptonica keeps the bytes of a 32-bit word most significant first (its SET_DATA_BYTE).
      const int shift = 24 - 8 * (x & 3);
      line[x >> 2] = (line[x >> 2] & ~(0xFFu << shift)) | (static_cast<l_uint32>(row[x]) << shift);
    }
  }
  return Recognize(pix.get(), image.dpi);
}

Result<PageText> OcrEngine::Recognize(Pix* pix, int dpi) {
  if (pix == nullptr) return Status::Internal("OCR: no image");
  LimitOpenMpThreads();
  LT_ASSIGN_OR_RETURN(CleanedPage page,
                      CleanPageForOcr(pix, [&](Pix* grey) { return OsdQuarterTurns(grey, dpi); }));
  try {
    tess_.TessBaseAPISetImage2(api_, page.pix.get());
    return RecognizeCurrentImage(lept_.pixGetWidth(page.pix.get()),
                                 lept_.pixGetHeight(page.pix.get()), dpi);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("OCR failed: ") + e.what());
  }
}

Result<PageText> OcrEngine::RecognizeCurrentImage(int width, int height, int dpi) {
  if (dpi <= 0) dpi = 300;
  tess_.TessBaseAPISetSourceResolution(api_, dpi);
  if (tess_.TessBaseAPIRecognize(api_, nullptr) != 0) {
    tess_.TessBaseAPIClear(api_);
    return Status::Internal("OCR failed: tesseract could not recognise the page");
  }
  const double scale = 72.0 / dpi;
  PageText page;
  page.width = width * scale;
  page.height = height * scale;
  {
    Words words(tess_, tess_.TessBaseAPIGetIterator(api_));
    TessResultIterator* it = words.get();
    const TessPageIterator* at =
        it != nullptr ? tess_.TessResultIteratorGetPageIteratorConst(it) : nullptr;
    int line = -1, block = -1;
    // A position without a word (an image block) has no text and is stepped over.
    if (at != nullptr) {
      do {
        if (tess_.TessPageIteratorIsAtBeginningOf(at, tesseract::RIL_BLOCK)) ++block;
        if (tess_.TessPageIteratorIsAtBeginningOf(at, tesseract::RIL_TEXTLINE)) ++line;
        Text text(tess_, tess_.TessResultIteratorGetUTF8Text(it, tesseract::RIL_WORD));
        if (text.get() == nullptr || text.get()[0] == '\0') continue;
        PositionedWord word;
        word.text = Trim(text.get());
        if (word.text.empty()) continue;
        word.confidence = tess_.TessResultIteratorConfidence(it, tesseract::RIL_WORD);
        if (IsSpeck(word)) continue;
        int left = 0, top = 0, right = 0, bottom = 0;
        if (!tess_.TessPageIteratorBoundingBox(at, tesseract::RIL_WORD, &left, &top, &right,
                                               &bottom)) {
          continue;
        }
        word.x0 = left * scale;
        word.y0 = top * scale;
        word.x1 = right * scale;
        word.y1 = bottom * scale;
        word.group = std::max(line, 0);
        word.block = std::max(block, 0);
        page.words.push_back(std::move(word));
      } while (tess_.TessResultIteratorNext(it, tesseract::RIL_WORD));
    }
  }
  RereadDoubtfulWords(&page.words, scale, width, height);
  tess_.TessBaseAPIClear(api_);
  return page;
}

// Why: tesseract reads a text line as a whole. A short word it put on one line with taller or
// lower words (a wrapped issuer's last word, "ƯƠNG", level with the Party name; a place beside a
// stamp's remains) comes out garbled ("tin" for "ƯƠNG", "QUYẾTĐỊNH") with a confidence near 0.
// Read alone as one line, in its box a little widened, it is usually read right; the new reading
// is kept only when tesseract is much surer of it.
void OcrEngine::RereadDoubtfulWords(std::vector<PositionedWord>* words, double scale, int width,
                                    int height) {
  size_t reread = 0;
  bool single_line = false;
  for (PositionedWord& word : *words) {
    if (reread >= kMaxRereads) break;
    if (word.confidence >= kRereadBelow || !HasLetterOrDigit(word.text)) continue;
    ++reread;
    const double h = (word.y1 - word.y0) / scale;  // pixels
    // Wider than its box by a little: the marks above a capital, a letter's edge. More takes in
    // the neighbours' strokes and reads worse.
    const int left = std::max(0, static_cast<int>(word.x0 / scale - 0.3 * h));
    const int top = std::max(0, static_cast<int>(word.y0 / scale - 0.3 * h));
    const int right = std::min(width, static_cast<int>(word.x1 / scale + 0.3 * h));
    const int bottom = std::min(height, static_cast<int>(word.y1 / scale + 0.2 * h));
    if (right - left < 4 || bottom - top < 4) continue;
    if (!single_line) {
      tess_.TessBaseAPISetPageSegMode(api_, tesseract::PSM_SINGLE_LINE);
      single_line = true;
    }
    tess_.TessBaseAPISetRectangle(api_, left, top, right - left, bottom - top);
    Text text(tess_, tess_.TessBaseAPIGetUTF8Text(api_));
    if (text.get() == nullptr) continue;
    std::string again = Trim(text.get());
    const float confidence = static_cast<float>(tess_.TessBaseAPIMeanTextConf(api_));
    if (again.empty() || !HasLetterOrDigit(again) || again.find('\n') != std::string::npos ||
        confidence < word.confidence + kRereadGain) {
      continue;
    }
    word.text = std::move(again);
    word.confidence = confidence;
  }
  if (single_line) tess_.TessBaseAPISetPageSegMode(api_, tesseract::PSM_AUTO);
}

}  // namespace lienthong
