#include "import/ocr/page_cleanup.h"

#include <cmath>

#include "import/ocr/ocr_library.h"

namespace lienthong {
namespace {

constexpr float kMinSkewDegrees = 0.1f;
constexpr float kMinSkewConfidence = 3.0f;  // Leptonica's own threshold for a usable angle
constexpr int kBinaryThreshold = 160;

Result<PixPtr> Grey(const LeptonicaApi& lept, Pix* pix) {
  Pix* grey = lept.pixGetDepth(pix) == 32 ? lept.pixConvertRGBToGray(pix, 1.0f, 0.0f, 0.0f)
                                          : lept.pixConvertTo8(pix, 0);
  if (grey == nullptr) return Status::Internal("OCR: the page could not be converted to grey");
  return PixPtr(grey);
}

// Clockwise quarter turns that bring the text upright (0 when upright or unsure).
int QuarterTurns(const LeptonicaApi& lept, Pix* binary) {
  l_float32 up = 0, left = 0;
  if (lept.pixOrientDetect(binary, &up, &left, 0, 0) != 0) return 0;
  l_int32 orient = L_TEXT_ORIENT_UNKNOWN;
  if (lept.makeOrientDecision(up, left, 0.0f, 0.0f, &orient, 0) != 0) return 0;
  switch (orient) {
    case L_TEXT_ORIENT_LEFT: return 1;
    case L_TEXT_ORIENT_DOWN: return 2;
    case L_TEXT_ORIENT_RIGHT: return 3;
    default: return 0;
  }
}

}  // namespace

Result<CleanedPage> CleanPageForOcr(Pix* pix) {
  LT_ASSIGN_OR_RETURN(const LeptonicaApi* loaded, LoadLeptonica());
  const LeptonicaApi& lept = *loaded;
  CleanedPage out;
  LT_ASSIGN_OR_RETURN(out.pix, Grey(lept, pix));

  PixPtr binary(lept.pixConvertTo1(out.pix.get(), kBinaryThreshold));
  if (binary == nullptr) return Status::Internal("OCR: the page could not be binarised");
  out.quarter_turns = QuarterTurns(lept, binary.get());
  if (out.quarter_turns != 0) {
    PixPtr turned(lept.pixRotateOrth(out.pix.get(), out.quarter_turns));
    PixPtr turned_binary(lept.pixRotateOrth(binary.get(), out.quarter_turns));
    if (turned == nullptr || turned_binary == nullptr) {
      return Status::Internal("OCR: the page could not be turned upright");
    }
    out.pix = std::move(turned);
    binary = std::move(turned_binary);
  }

  l_float32 angle = 0, confidence = 0;
  if (lept.pixFindSkew(binary.get(), &angle, &confidence) == 0 && confidence >= kMinSkewConfidence &&
      std::fabs(angle) >= kMinSkewDegrees) {
    constexpr float kRadiansPerDegree = 3.14159265f / 180.0f;
    PixPtr straight(lept.pixRotate(out.pix.get(), angle * kRadiansPerDegree, L_ROTATE_AREA_MAP,
                                   L_BRING_IN_WHITE, 0, 0));
    if (straight != nullptr) {
      out.pix = std::move(straight);
      out.skew_degrees = angle;
    }
  }
  return out;
}

}  // namespace lienthong
