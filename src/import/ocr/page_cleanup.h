// A scanned page made fit for OCR before tesseract reads it (Leptonica, loaded at run time):
//
//   1. Grey from the red channel of a colour (or palette) scan, raised to white by how much
//      redder than green and blue a pixel is: red ink — the seal over the signature, a reception
//      stamp ("ĐẾN Số … Ngày …") printed over the header — turns into paper and drops out, while
//      black print and blue handwriting stay dark. Other images are converted to 8-bit grey as
//      they are.
//   2. Turned upright: Leptonica's text-orientation test (ascenders against descenders of a
//      binarised copy) on a page that is sideways or upside down. A page it is unsure about —
//      a short page of few lines, typically — is given to the caller's fallback (the OCR
//      engine's tesseract OSD), and left as it is when that is unsure too.
//   3. Deskewed: the skew angle Leptonica finds on the binarised page (scanners feed pages a
//      degree or two askew, which breaks lines apart and merges the header's two columns) is
//      undone by a rotation that brings in white, when it is over 0.1° and the finder is
//      confident.
//
// Every step is bounded by the page size (DecodeImagePages caps pages at 150 million pixels).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "import/image/image_pages.h"
#include "util/status.h"

namespace lienthong {

struct CleanedPage {
  PixPtr pix;              // 8-bit grey, upright, deskewed
  int quarter_turns = 0;   // clockwise quarter turns applied (0–3)
  double skew_degrees = 0;  // rotation applied to deskew
};

// Clockwise quarter turns (0–3) that bring the 8-bit grey page upright, nullopt when unsure.
using OrientationFallback = std::function<std::optional<int>(Pix* grey)>;

// Errors: kUnavailable when Leptonica cannot be loaded, kInternal when a step fails.
Result<CleanedPage> CleanPageForOcr(Pix* pix, const OrientationFallback& when_unsure = {});

}  // namespace lienthong
