#include "import/ocr/page_cleanup.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "import/ocr/ocr_library.h"

namespace lienthong {
namespace {

constexpr float kMinSkewDegrees = 0.1f;
constexpr float kMinSkewConfidence = 3.0f;  // Leptonica's own threshold for a usable angle
constexpr int kBinaryThreshold = 160;
constexpr int kRednessGain = 2;
constexpr int kMinInkRed = 150;  // red ink (about 200 after printing and JPEG) is lighter

// Grey of a colour pixel in which red ink is paper: the red channel (blue and black ink stay
// dark), raised by how much redder than green and blue the pixel is. The red channel alone left
// a stamp's strokes light grey (about 200 of 255 after JPEG), which binarisation kept as specks
// and half-letters over the header; the raise takes them to white. A pixel dark in the red
// channel is print (or print under the stamp) and is kept: JPEG smears a stamp's colour over
// the letters beside it, which the raise would otherwise bleach.
unsigned char RedInkAsPaper(l_uint32 rgba) {
  const int red = static_cast<int>(rgba >> 24) & 0xFF;
  const int green = static_cast<int>(rgba >> 16) & 0xFF;
  const int blue = static_cast<int>(rgba >> 8) & 0xFF;
  if (red < kMinInkRed) return static_cast<unsigned char>(red);  // dark: print, whatever its tint
  const int redness = std::max(0, red - std::max(green, blue));
  return static_cast<unsigned char>(std::min(255, red + kRednessGain * redness));
}

Result<PixPtr> GreyFromColour(const LeptonicaApi& lept, Pix* pix) {
  const int width = lept.pixGetWidth(pix), height = lept.pixGetHeight(pix);
  PixPtr grey(lept.pixCreate(width, height, 8));
  if (grey == nullptr) return Status::Internal("OCR: out of memory for the page image");
  const l_uint32* from = lept.pixGetData(pix);
  l_uint32* to = lept.pixGetData(grey.get());
  const int from_wpl = lept.pixGetWpl(pix), to_wpl = lept.pixGetWpl(grey.get());
  for (int y = 0; y < height; ++y) {
    const l_uint32* in = from + static_cast<size_t>(y) * from_wpl;
    l_uint32* out = to + static_cast<size_t>(y) * to_wpl;
    for (int x = 0; x < width; ++x) {
      // Leptonica keeps the bytes of a 32-bit word most significant first (its SET_DATA_BYTE).
      const int shift = 24 - 8 * (x & 3);
      out[x >> 2] = (out[x >> 2] & ~(0xFFu << shift)) |
                    (static_cast<l_uint32>(RedInkAsPaper(in[x])) << shift);
    }
  }
  return grey;
}

Result<PixPtr> Grey(const LeptonicaApi& lept, Pix* pix) {
  if (lept.pixGetDepth(pix) == 32) return GreyFromColour(lept, pix);
  if (lept.pixGetColormap(pix) != nullptr) {  // a palette image may hold red ink too
    PixPtr colour(lept.pixConvertTo32(pix));
    if (colour == nullptr) return Status::Internal("OCR: the page could not be converted to grey");
    return GreyFromColour(lept, colour.get());
  }
  Pix* grey = lept.pixConvertTo8(pix, 0);
  if (grey == nullptr) return Status::Internal("OCR: the page could not be converted to grey");
  return PixPtr(grey);
}

// Clockwise quarter turns that bring the text upright; nullopt when Leptonica is unsure.
std::optional<int> QuarterTurns(const LeptonicaApi& lept, Pix* binary) {
  l_float32 up = 0, left = 0;
  if (lept.pixOrientDetect(binary, &up, &left, 0, 0) != 0) return std::nullopt;
  l_int32 orient = L_TEXT_ORIENT_UNKNOWN;
  if (lept.makeOrientDecision(up, left, 0.0f, 0.0f, &orient, 0) != 0) return std::nullopt;
  switch (orient) {
    case L_TEXT_ORIENT_UP: return 0;
    case L_TEXT_ORIENT_LEFT: return 1;
    case L_TEXT_ORIENT_DOWN: return 2;
    case L_TEXT_ORIENT_RIGHT: return 3;
    default: return std::nullopt;
  }
}

}  // namespace

Result<CleanedPage> CleanPageForOcr(Pix* pix, const OrientationFallback& when_unsure) {
  LT_ASSIGN_OR_RETURN(const LeptonicaApi* loaded, LoadLeptonica());
  const LeptonicaApi& lept = *loaded;
  CleanedPage out;
  LT_ASSIGN_OR_RETURN(out.pix, Grey(lept, pix));

  PixPtr binary(lept.pixConvertTo1(out.pix.get(), kBinaryThreshold));
  if (binary == nullptr) return Status::Internal("OCR: the page could not be binarised");
  std::optional<int> turns = QuarterTurns(lept, binary.get());
  if (!turns.has_value() && when_unsure) turns = when_unsure(out.pix.get());
  out.quarter_turns = turns.value_or(0) & 3;
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
