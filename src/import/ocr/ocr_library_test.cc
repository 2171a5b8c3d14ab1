// The lazy loading of tesseract and Leptonica (ocr_library.h).
#include "import/ocr/ocr_library.h"

#include <gtest/gtest.h>

#include <string>

namespace lienthong {
namespace {

constexpr char kHint[] =
    "OCR needs tesseract with the Vietnamese model: apt-get install tesseract-ocr-vie (";

TEST(OcrLibraryTest, LoadsOnceWithEveryFunction) {
  Result<const TesseractApi*> tess = LoadTesseract();
  ASSERT_TRUE(tess.ok()) << tess.status().ToString();
  EXPECT_EQ(LoadTesseract().value(), *tess);  // cached
  Result<const LeptonicaApi*> lept = LoadLeptonica();
  ASSERT_TRUE(lept.ok()) << lept.status().ToString();
  EXPECT_NE((*lept)->pixDestroy, nullptr);
  EXPECT_NE((*tess)->TessDeleteText, nullptr);
  // Debian's tesseract uses OpenMP; its libgomp is found through tesseract's handle.
  EXPECT_NE((*tess)->omp_set_max_active_levels, nullptr);
  EXPECT_NE((*tess)->omp_set_num_threads, nullptr);
}

TEST(OcrLibraryTest, MissingLibraryIsUnavailableAndNamed) {
  Result<TesseractApi> r =
      ocr_library_internal::LoadTesseractFrom({"libtesseract-missing.so.5", "libmissing.so"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  const std::string& message = r.status().message();
  EXPECT_EQ(message.rfind(kHint, 0), 0u) << message;
  EXPECT_NE(message.find("libtesseract-missing.so.5"), std::string::npos) << message;
  EXPECT_NE(message.find("libmissing.so"), std::string::npos) << message;
}

TEST(OcrLibraryTest, MissingFunctionIsUnavailableAndNamed) {
  Result<LeptonicaApi> r = ocr_library_internal::LoadLeptonicaFrom({"libc.so.6"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(r.status().message(), std::string(kHint) + "libc.so.6 has no function setMsgSeverity)");
}

}  // namespace
}  // namespace lienthong
