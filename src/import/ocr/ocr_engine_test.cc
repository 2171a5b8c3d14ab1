// OCR tests: one real recognition of a small scan (about half a second), the rest without
// running tesseract's recogniser.
#include "import/testing/fixture_files.h"
#include "import/ocr/ocr_engine.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "import/parse/plan_parser.h"
#include "import/readers.h"
#include "import/testing/leptonica_functions.h"
#include "text/keys.h"

namespace lienthong {
namespace {

std::string ReadFixture(const std::string& name) { return testing::ReadImportFixture(name); }

std::string AllText(const RawDocument& doc) {
  std::string text;
  for (const Block& b : doc.blocks) text += b.text + "\n";
  return text;
}

// Sets an environment variable for the lifetime of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// CRC-32 of PNG chunks.
uint32_t Crc(const std::string& data) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char byte : data) {
    crc ^= byte;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::string Be32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

TEST(OcrImageTest, FindsKeyWordsWithDiacritics) {
  auto r = ReadImageDocument(ReadFixture("ke_hoach_hoa_binh_scan.png"), "scan.png");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->format, "image-ocr");
  std::string key = MatchKey(AllText(*r));
  EXPECT_NE(key.find(MatchKey("KẾ HOẠCH")), std::string::npos) << AllText(*r);
  EXPECT_NE(key.find(MatchKey("Hòa Bình")), std::string::npos) << AllText(*r);
  EXPECT_NE(key.find(MatchKey("Độc lập - Tự do - Hạnh phúc")), std::string::npos);
  // The date line of the two-column header comes out as its right cell.
  bool date_in_right_cell = false;
  for (const Block& b : r->blocks) {
    if (b.kind == BlockKind::kTableRow &&
        SearchKey(b.cells[1]).find("ngay 05") != std::string::npos) {
      date_in_right_cell = true;
    }
  }
  EXPECT_TRUE(date_in_right_cell) << AllText(*r);
}

TEST(OcrImageTest, NotAnImage) {
  auto r = ReadImageDocument("plain text, not pixels", "note.png");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "note.png: not an image file (PNG, JPEG or TIFF expected)");
}

TEST(OcrImageTest, HugeDeclaredImageIsRefusedBeforeDecoding) {
  // A PNG signature, a header claiming 100000 x 100000 grey pixels, and no pixel data.
  std::string ihdr = "IHDR" + Be32(100000) + Be32(100000) + std::string("\x08\x00\x00\x00\x00", 5);
  std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + Be32(13) + ihdr + Be32(Crc(ihdr)) +
                    Be32(0) + "IEND" + Be32(Crc("IEND"));
  auto r = ReadImageDocument(png, "huge.png");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(r.status().message(),
            "huge.png: page 1 is 100000 x 100000 pixels, over the limit of 150 million pixels");
}

TEST(OcrImageTest, OcrPageLimit) {
  ReaderLimits limits;
  limits.max_ocr_pages = 0;
  auto r = ReadImageDocument(ReadFixture("ke_hoach_hoa_binh_scan.png"), "scan.png", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
}

// Blank white pages written by Leptonica in `format`: "jpeg", or "tiff" with `pages` pages.
std::string BlankImage(const std::string& format, int pages) {
  l_uint8* data = nullptr;
  size_t size = 0;
  PIXA* pixa = LEPT(pixaCreate)(pages);
  for (int i = 0; i < pages; ++i) {
    PIX* pix = LEPT(pixCreate)(120, 80, 8);
    LEPT(pixSetAll)(pix);  // white
    LEPT(pixaAddPix)(pixa, pix, L_INSERT);
  }
  if (format == "jpeg") {
    PIX* first = LEPT(pixaGetPix)(pixa, 0, L_CLONE);
    LEPT(pixWriteMemJpeg)(&data, &size, first, 90, 0);
    LEPT(pixDestroy)(&first);
  } else {
    LEPT(pixaWriteMemMultipageTiff)(&data, &size, pixa);
  }
  LEPT(pixaDestroy)(&pixa);
  std::string out(reinterpret_cast<const char*>(data), size);
  LEPT(lept_free)(data);
  return out;
}

TEST(OcrImageTest, JpegAndMultiPageTiff) {
  auto jpeg = ReadImageDocument(BlankImage("jpeg", 1), "blank.jpg");
  ASSERT_TRUE(jpeg.ok()) << jpeg.status().ToString();
  EXPECT_TRUE(jpeg->blocks.empty());
  EXPECT_EQ(WarningMessages(jpeg->warnings),
            (std::vector<std::string>{"OCR found no text in the image"}));
  EXPECT_EQ(jpeg->warnings[0].code, "image_no_text");

  std::string tiff = BlankImage("tiff", 3);
  auto all = ReadImageDocument(tiff, "blank.tif");
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->format, "image-ocr");

  ReaderLimits limits;
  limits.max_ocr_pages = 2;
  auto limited = ReadImageDocument(tiff, "blank.tif", limits);
  ASSERT_FALSE(limited.ok());
  EXPECT_EQ(limited.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(limited.status().message(), "blank.tif: more pages than the OCR limit of 2");
}

TEST(OcrImageTest, DoubtfulWordsAreReadAgainAlone) {
  // A spoiled scan of a Party header (make-import-fixtures.sh): read within its line, the number
  // comes out "221-KT/TW" with a low confidence; read again alone, "221-KL/TW". The issuer,
  // wrapped over two lines with the Party name level with the second, stays whole.
  auto raw = ReadImageDocument(ReadFixture("party_header_scan.jpg"), "party_header_scan.jpg");
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  auto docs = ParsePlans(*raw);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u) << AllText(*raw);
  const PlanHeader& h = (*docs)[0].plan.header;
  EXPECT_EQ(h.number, "221-KL/TW") << AllText(*raw);
  EXPECT_EQ(h.issuer, "BAN CHẤP HÀNH TRUNG ƯƠNG");
  EXPECT_EQ(h.place, "Hà Nội");
  EXPECT_EQ(h.date, "2025-11-28");
  EXPECT_EQ(h.family, DocumentFamily::kParty);
  EXPECT_EQ(h.title, "CỦA BỘ CHÍNH TRỊ VỀ CÔNG TÁC CÁN BỘ");
}

TEST(OcrEngineTest, MissingModelIsUnavailable) {
  ScopedEnv env("TESSDATA_PREFIX", "/nonexistent-tessdata");
  auto engine = OcrEngine::Create();
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(engine.status().message(),
            "OCR needs tesseract with the Vietnamese model: apt-get install tesseract-ocr-vie");
  auto image = ReadImageDocument(ReadFixture("ke_hoach_hoa_binh_scan.png"), "scan.png");
  ASSERT_FALSE(image.ok());
  EXPECT_EQ(image.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(image.status().message().rfind("scan.png: OCR needs tesseract", 0), 0u);
}

TEST(OcrEngineTest, BlankImageHasNoWords) {
  auto engine = OcrEngine::Create();
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  GrayImage blank;
  blank.width = 300;
  blank.height = 200;
  blank.bytes_per_line = 300;
  blank.dpi = 150;
  blank.pixels.assign(300 * 200, 255);
  auto page = (*engine)->Recognize(blank);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_TRUE(page->words.empty());
  EXPECT_DOUBLE_EQ(page->width, 144.0);  // 300 px at 150 dpi, in points
  EXPECT_DOUBLE_EQ(page->height, 96.0);
  GrayImage broken = blank;
  broken.pixels.resize(10);
  EXPECT_EQ((*engine)->Recognize(broken).status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace lienthong
