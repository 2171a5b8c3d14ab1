// Decoding an image file into pages for OCR, through Leptonica: PNG, JPEG, TIFF (every page of
// a multi-page TIFF) and the other formats Leptonica reads (BMP, PNM, GIF, WebP).
//
// Limits are checked from the headers before any pixels are decoded: at most `max_pages` pages
// and 150 million pixels per page (an A4 page at 1200 dpi is 140 million), so a small file
// declaring a huge picture fails fast.
//
// Leptonica is not linked but loaded on the first call (ocr_library.h).
//
// Resolution: the file's own (PNG pHYs, JPEG JFIF, TIFF tags) when plausible (50–2400 dpi);
// otherwise estimated by assuming the image is an A4 page. Pages are not rescaled: on a noisy
// 150 dpi scan tesseract read every word right at the native size, while a 2x enlargement
// enlarged the specks too and cost spaces and diacritics.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "util/status.h"

struct Pix;

namespace lienthong {

struct PixDeleter {
  void operator()(Pix* pix) const;
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

struct ImagePage {
  PixPtr pix;
  int dpi = 300;
};

// Errors: kInvalidArgument (not an image Leptonica can read), kTooLarge (more pages than
// `max_pages`, or a page over the pixel limit; the message names the limit), kUnavailable
// (Leptonica cannot be loaded).
Result<std::vector<ImagePage>> DecodeImagePages(std::string_view bytes, int max_pages);

}  // namespace lienthong
