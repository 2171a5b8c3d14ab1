// OCR of one page image with tesseract's Vietnamese model, giving words with their positions in
// points (page_text.h) so the same layout rebuild serves text layers and scans.
//
// Tesseract is not linked: it is loaded by OcrEngine::Create (ocr_library.h), so processes that
// never OCR do not pay for it at start-up.
//
// Setup: tesseract finds its models itself — TESSDATA_PREFIX when set, else the path it was
// built with (Debian: /usr/share/tesseract-ocr/5/tessdata). Page segmentation is automatic
// (PSM_AUTO), the engine LSTM. Words tesseract is unsure of and that hold no letter or digit
// (specks, rules, stamps) are dropped. A word with letters that it hardly believes in is read
// again alone, in its own box (at most kMaxRereads per page).
//
// Speed and determinism: Debian's tesseract uses OpenMP, and on a small machine its worker
// threads spin and make OCR several times slower without changing the result (three A4 pages
// at 300 dpi on 2 cores: 22 s with them, 5.6 s without; the tesseract CLI shows the same with
// OMP_THREAD_LIMIT=1). OMP_THREAD_LIMIT is read only when libgomp loads, so the engine instead
// sets the maximum number of active parallel levels to 0 and the thread count to 1 before
// recognising (omp_set_max_active_levels / omp_set_num_threads, looked up in the libgomp that
// tesseract loaded, so the build need not link libgomp itself). Every parallel region then runs
// on the calling thread, and results are the same on every run. libgomp may apply this to the whole
// process; nothing else in lienthong uses OpenMP.
//
// Orientation: a page Leptonica cannot orient (page_cleanup.h) is given to tesseract's OSD
// (osd.traineddata, Debian's tesseract-ocr-osd), through a second tesseract instance loaded on
// the first such page; without that model such a page is read as it lies.
//
// Thread safety: an OcrEngine is used by one thread at a time; create one per thread.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "import/pdf/page_text.h"
#include "util/status.h"

struct Pix;  // Leptonica

namespace tesseract {
class TessBaseAPI;
}

namespace lienthong {

struct LeptonicaApi;  // ocr_library.h
struct TesseractApi;

// 8-bit grey pixels, row after row.
struct GrayImage {
  int width = 0;
  int height = 0;
  int bytes_per_line = 0;
  int dpi = 300;
  std::vector<unsigned char> pixels;
};

class OcrEngine {
 public:
  // Errors: kUnavailable "OCR needs tesseract with the Vietnamese model: apt-get install
  // tesseract-ocr-vie" when the `vie` model cannot be loaded; the same followed by the missing
  // library or function in parentheses when tesseract itself cannot be (ocr_library.h).
  static Result<std::unique_ptr<OcrEngine>> Create();
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // Words of the image, in points (pixels * 72 / dpi), after the page was cleaned (red ink
  // dropped, turned upright, deskewed: page_cleanup.h); positions are on the cleaned page.
  // Errors: kInternal when tesseract fails.
  Result<PageText> Recognize(const GrayImage& image);
  // The same for a Leptonica image of any depth; `dpi` is its resolution.
  Result<PageText> Recognize(Pix* pix, int dpi);

 private:
  OcrEngine(const LeptonicaApi& lept, const TesseractApi& tess, tesseract::TessBaseAPI* api);
  Result<PageText> RecognizeCurrentImage(int width, int height, int dpi);
  // Reads again, each on its own, the words tesseract hardly believed in (see the .cc).
  void RereadDoubtfulWords(std::vector<PositionedWord>* words, double scale, int width, int height);
  void LimitOpenMpThreads() const;
  // Clockwise quarter turns that make `grey` upright by tesseract's OSD; nullopt when unsure
  // or when OSD is unavailable.
  std::optional<int> OsdQuarterTurns(Pix* grey, int dpi);

  const LeptonicaApi& lept_;
  const TesseractApi& tess_;
  tesseract::TessBaseAPI* api_;          // owned
  tesseract::TessBaseAPI* osd_ = nullptr;  // owned, created on the first page that needs it
  bool osd_failed_ = false;              // the OSD model could not be loaded
};

}  // namespace lienthong
