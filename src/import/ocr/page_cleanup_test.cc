// Page cleanup before OCR (page_cleanup.h) on pages made here: red ink dropped while blue and
// black stay, and the fixture scan turned sideways, skewed and stamped, then read back.
#include "import/ocr/page_cleanup.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "import/readers.h"
#include "import/testing/fixture_files.h"
#include "import/testing/leptonica_functions.h"
#include "text/keys.h"

namespace lienthong {
namespace {

constexpr double kPi = 3.14159265358979;

struct Rgb {
  int r, g, b;
};

// Ink printed over the page: each channel multiplied, so print under the ink stays dark.
void Ink(Pix* pix, int x0, int y0, int x1, int y1, Rgb ink) {
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      l_int32 r = 0, g = 0, b = 0;
      LEPT(pixGetRGBPixel)(pix, x, y, &r, &g, &b);
      LEPT(pixSetRGBPixel)(pix, x, y, r * ink.r / 255, g * ink.g / 255, b * ink.b / 255);
    }
  }
}

int Grey(Pix* pix, int x, int y) {
  l_uint32 value = 0;
  LEPT(pixGetPixel)(pix, x, y, &value);
  return static_cast<int>(value);
}

PixPtr Own(Pix* pix) { return PixPtr(pix); }

TEST(OcrPageCleanupTest, RedInkBecomesPaperWhileBlueAndBlackStay) {
  PixPtr page = Own(LEPT(pixCreate)(240, 120, 32));
  LEPT(pixSetAll)(page.get());  // white
  Ink(page.get(), 10, 10, 50, 50, {200, 30, 40});    // a stamp's red
  Ink(page.get(), 60, 10, 100, 50, {225, 110, 115});  // its pink edge after JPEG
  Ink(page.get(), 110, 10, 150, 50, {25, 40, 150});   // a ballpoint's blue
  Ink(page.get(), 160, 10, 200, 100, {0, 0, 0});      // print
  Ink(page.get(), 160, 60, 200, 100, {200, 30, 40});  // the stamp over print
  Ink(page.get(), 10, 60, 50, 100, {95, 25, 30});     // print tinted by a stamp's colour
  Result<CleanedPage> cleaned = CleanPageForOcr(page.get());
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  ASSERT_EQ(cleaned->quarter_turns, 0);
  Pix* grey = cleaned->pix.get();
  EXPECT_GE(Grey(grey, 30, 30), 250);
  EXPECT_GE(Grey(grey, 80, 30), 250);
  EXPECT_LE(Grey(grey, 130, 30), 60);
  EXPECT_LE(Grey(grey, 180, 30), 10);
  EXPECT_LE(Grey(grey, 180, 80), 10);
  EXPECT_LE(Grey(grey, 30, 80), 120);
}

// The fixture scan (the top of a commune's plan, 150 dpi) in colour, with a red stamp's frame
// and lines printed over the header's right column, turned a quarter clockwise and skewed.
std::string SpoiledScan(double skew_degrees) {
  std::string png = testing::ReadImportFixture("ke_hoach_hoa_binh_scan.png");
  PixPtr grey = Own(LEPT(pixReadMem)(reinterpret_cast<const l_uint8*>(png.data()), png.size()));
  PixPtr page = Own(LEPT(pixConvertTo32)(grey.get()));
  const Rgb red{200, 30, 40};
  Ink(page.get(), 600, 110, 1000, 116, red);
  Ink(page.get(), 600, 250, 1000, 256, red);
  Ink(page.get(), 600, 110, 606, 256, red);
  Ink(page.get(), 994, 110, 1000, 256, red);
  for (int y = 140; y < 240; y += 25) Ink(page.get(), 640, y, 960, y + 4, red);
  PixPtr turned = Own(LEPT(pixRotateOrth)(page.get(), 1));
  PixPtr skewed = Own(LEPT(pixRotate)(turned.get(), static_cast<l_float32>(skew_degrees * kPi / 180),
                                      L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
  LEPT(pixSetResolution)(skewed.get(), 150, 150);
  l_uint8* data = nullptr;
  size_t size = 0;
  LEPT(pixWriteMem)(&data, &size, skewed.get(), IFF_PNG);
  std::string out(reinterpret_cast<const char*>(data), size);
  LEPT(lept_free)(data);
  return out;
}

TEST(OcrPageCleanupTest, SidewaysSkewedPageIsTurnedThenStraightened) {
  const std::string png = SpoiledScan(1.5);
  PixPtr page = Own(LEPT(pixReadMem)(reinterpret_cast<const l_uint8*>(png.data()), png.size()));
  // Leptonica is unsure of so short a page: the fallback (the OCR engine's OSD) is asked; a
  // page turned by it is deskewed like any other.
  Result<CleanedPage> cleaned =
      CleanPageForOcr(page.get(), [](Pix*) -> std::optional<int> { return 3; });
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_EQ(cleaned->quarter_turns, 3);  // three more clockwise quarters make it upright
  EXPECT_NEAR(std::fabs(cleaned->skew_degrees), 1.5, 0.4);
  // Turned, the page is as wide as the original scan.
  EXPECT_GT(LEPT(pixGetWidth)(cleaned->pix.get()), LEPT(pixGetHeight)(cleaned->pix.get()));
}

TEST(OcrPageCleanupTest, SidewaysSkewedStampedScanKeepsItsHeaderColumns) {
  Result<RawDocument> doc = ReadImageDocument(SpoiledScan(1.5), "scan.png");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  std::string text;
  std::vector<std::string> right_cells;
  for (const Block& b : doc->blocks) {
    text += b.text + "\n";
    if (b.kind == BlockKind::kTableRow) right_cells.push_back(SearchKey(b.cells[1]));
  }
  ASSERT_GE(right_cells.size(), 3u) << text;
  EXPECT_NE(right_cells[0].find("cong hoa xa hoi chu nghia viet nam"), std::string::npos) << text;
  bool date_in_right_cell = false;
  for (const std::string& cell : right_cells) {
    date_in_right_cell = date_in_right_cell || cell.find("ngay 05 thang 9 nam 2025") != std::string::npos;
  }
  EXPECT_TRUE(date_in_right_cell) << text;
  EXPECT_NE(MatchKey(text).find(MatchKey("KẾ HOẠCH")), std::string::npos) << text;
}

}  // namespace
}  // namespace lienthong
