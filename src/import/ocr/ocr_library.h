// Tesseract and Leptonica, loaded with dlopen the first time a scan needs them.
//
// Why lazily: linked, libtesseract and its dependency chain (libgomp, libarchive, libcurl, image
// codecs...) were loaded, relocated and statically initialised by every lienthong process,
// although only scans use them. On a 2-core machine (medians of 100 runs, CPU time): an empty
// main() takes 0.9 ms, linked with -ltesseract 14 ms, with -llept 3 ms; dropping both from
// lienthong's link line took `lienthong --version` from 17-23 ms to 13-18 ms and
// `lienthong import` of a small DOCX from 19-24 ms to 15-20 ms. A missing tesseract now only
// makes OCR unavailable instead of stopping every command from starting.
//
// The libraries are loaded once per process (thread-safe), with RTLD_NOW | RTLD_LOCAL, and
// never unloaded: liblept.so.5, else liblept.so, libleptonica.so.6 or libleptonica.so;
// libtesseract.so.5, else libtesseract.so. Only the functions lienthong calls are resolved,
// into the structs below, whose members are named after the C functions and typed with
// decltype of their prototypes (<tesseract/capi.h>, <leptonica/allheaders.h>: the headers give
// types only, nothing here links against them). Call through the pointers:
// `lept.pixGetWidth(pix)`.
//
// Errors: kUnavailable "OCR needs tesseract with the Vietnamese model: apt-get install
// tesseract-ocr-vie (...)", the parentheses naming the library that could not be loaded or
// the function it lacks. The failure is remembered: later calls report it without retrying.
#pragma once

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#include <initializer_list>

#include "util/status.h"

namespace lienthong {

// X-macros: each function once, for the struct members and for their lookup.
#define LT_LEPTONICA_FUNCTIONS(X) \
  X(setMsgSeverity)               \
  X(pixReadHeaderMem)             \
  X(pixReadMem)                   \
  X(readHeaderMemTiff)            \
  X(pixReadMemTiff)               \
  X(pixGetWidth)                  \
  X(pixGetHeight)                 \
  X(pixGetDepth)                  \
  X(pixGetXRes)                   \
  X(pixGetData)                   \
  X(pixGetWpl)                    \
  X(pixCreate)                    \
  X(pixGetColormap)               \
  X(pixConvertTo32)               \
  X(pixConvertTo8)                \
  X(pixConvertTo1)                \
  X(pixOrientDetect)              \
  X(makeOrientDecision)           \
  X(pixRotateOrth)                \
  X(pixFindSkew)                  \
  X(pixRotate)                    \
  X(pixDestroy)

#define LT_TESSERACT_FUNCTIONS(X)           \
  X(TessBaseAPICreate)                      \
  X(TessBaseAPIDelete)                      \
  X(TessBaseAPISetVariable)                 \
  X(TessBaseAPIInit2)                       \
  X(TessBaseAPISetPageSegMode)              \
  X(TessBaseAPISetImage)                    \
  X(TessBaseAPISetImage2)                   \
  X(TessBaseAPISetSourceResolution)         \
  X(TessBaseAPIRecognize)                   \
  X(TessBaseAPISetRectangle)                \
  X(TessBaseAPIGetUTF8Text)                 \
  X(TessBaseAPIMeanTextConf)                \
  X(TessBaseAPIGetIterator)                 \
  X(TessBaseAPIClear)                       \
  X(TessResultIteratorDelete)               \
  X(TessResultIteratorNext)                 \
  X(TessResultIteratorGetUTF8Text)          \
  X(TessResultIteratorConfidence)           \
  X(TessResultIteratorGetPageIteratorConst) \
  X(TessPageIteratorIsAtBeginningOf)        \
  X(TessPageIteratorBoundingBox)            \
  X(TessDeleteText)

#define LT_DECLARE_FUNCTION_POINTER(name) decltype(&::name) name = nullptr;

struct LeptonicaApi {
  LT_LEPTONICA_FUNCTIONS(LT_DECLARE_FUNCTION_POINTER)
};

struct TesseractApi {
  LT_TESSERACT_FUNCTIONS(LT_DECLARE_FUNCTION_POINTER)
  // Tesseract's orientation detection (OSD), absent from builds without the legacy engine;
  // null then, and pages Leptonica cannot orient stay as they are.
  decltype(&::TessBaseAPIDetectOrientationScript) TessBaseAPIDetectOrientationScript = nullptr;
  // libgomp's, when tesseract was built with OpenMP (ocr_engine.h); null otherwise.
  void (*omp_set_max_active_levels)(int) = nullptr;
  void (*omp_set_num_threads)(int) = nullptr;
};

#undef LT_DECLARE_FUNCTION_POINTER

// Leptonica alone (decoding image files). Its messages to stderr are switched off on load.
Result<const LeptonicaApi*> LoadLeptonica();
// Tesseract, after Leptonica (a Pix passed to tesseract comes from the same library).
Result<const TesseractApi*> LoadTesseract();

namespace ocr_library_internal {
// The uncached loaders, trying `names` in order; for tests of the failure messages.
Result<LeptonicaApi> LoadLeptonicaFrom(std::initializer_list<const char*> names);
Result<TesseractApi> LoadTesseractFrom(std::initializer_list<const char*> names);
}  // namespace ocr_library_internal

}  // namespace lienthong
