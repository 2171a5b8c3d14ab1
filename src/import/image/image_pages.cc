#include "import/image/image_pages.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "import/ocr/ocr_library.h"

namespace lienthong {
namespace {

constexpr double kMaxPixels = 150e6;
constexpr int kMinDpi = 50, kMaxDpi = 2400;

const l_uint8* Data(std::string_view bytes) {
  return reinterpret_cast<const l_uint8*>(bytes.data());
}

bool IsTiff(std::string_view bytes) {
  return bytes.size() >= 4 &&
         (std::memcmp(bytes.data(), "II*\0", 4) == 0 || std::memcmp(bytes.data(), "MM\0*", 4) == 0);
}

Status CheckPixels(long long width, long long height, int page) {
  if (width <= 0 || height <= 0) {
    return Status::InvalidArgument("page " + std::to_string(page) + " has no pixels");
  }
  if (static_cast<double>(width) * static_cast<double>(height) > kMaxPixels) {
    return Status::TooLarge("page " + std::to_string(page) + " is " + std::to_string(width) +
                            " x " + std::to_string(height) +
                            " pixels, over the limit of 150 million pixels");
  }
  return Status::Ok();
}

// Resolution from the file when plausible, else assuming an A4 page (8.27 x 11.69 in).
int Resolution(const LeptonicaApi& lept, Pix* pix) {
  int dpi = static_cast<int>(lept.pixGetXRes(pix));
  if (dpi >= kMinDpi && dpi <= kMaxDpi) return dpi;
  double w = lept.pixGetWidth(pix), h = lept.pixGetHeight(pix);
  double inches = w > h ? 11.69 : 8.27;
  return std::clamp(static_cast<int>(w / inches + 0.5), kMinDpi, kMaxDpi);
}

Result<ImagePage> Prepare(const LeptonicaApi& lept, Pix* raw, int page) {
  PixPtr pix(raw);
  if (pix == nullptr) {
    return Status::InvalidArgument("page " + std::to_string(page) + " cannot be decoded");
  }
  ImagePage out;
  out.dpi = Resolution(lept, pix.get());
  out.pix = std::move(pix);
  return out;
}

}  // namespace

void PixDeleter::operator()(Pix* pix) const {
  // A Pix exists only once Leptonica is loaded.
  if (pix != nullptr) (*LoadLeptonica())->pixDestroy(&pix);
}

Result<std::vector<ImagePage>> DecodeImagePages(std::string_view bytes, int max_pages) {
  LT_ASSIGN_OR_RETURN(const LeptonicaApi* loaded, LoadLeptonica());
  const LeptonicaApi& lept = *loaded;
  std::vector<ImagePage> pages;
  if (IsTiff(bytes)) {
    for (int n = 0;; ++n) {
      l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
      if (lept.readHeaderMemTiff(Data(bytes), bytes.size(), n, &w, &h, &bps, &spp, &res, &cmap,
                                 &format) != 0) {
        break;  // no page n
      }
      if (n >= max_pages) {
        return Status::TooLarge("more pages than the OCR limit of " + std::to_string(max_pages));
      }
      LT_RETURN_IF_ERROR(CheckPixels(w, h, n + 1));
      LT_ASSIGN_OR_RETURN(ImagePage page,
                          Prepare(lept, lept.pixReadMemTiff(Data(bytes), bytes.size(), n), n + 1));
      pages.push_back(std::move(page));
    }
    if (pages.empty()) return Status::InvalidArgument("not a readable TIFF image");
    return pages;
  }
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (lept.pixReadHeaderMem(Data(bytes), bytes.size(), &format, &w, &h, &bps, &spp, &cmap) != 0) {
    return Status::InvalidArgument("not an image file (PNG, JPEG or TIFF expected)");
  }
  if (max_pages < 1) return Status::TooLarge("OCR is limited to 0 pages");
  LT_RETURN_IF_ERROR(CheckPixels(w, h, 1));
  LT_ASSIGN_OR_RETURN(ImagePage page, Prepare(lept, lept.pixReadMem(Data(bytes), bytes.size()), 1));
  pages.push_back(std::move(page));
  return pages;
}

}  // namespace lienthong
