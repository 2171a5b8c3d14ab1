// The spaces OCR loses between syllables of a header set in bold capitals.
#include <gtest/gtest.h>

#include "import/parse/ocr_spacing.h"

namespace lienthong::parse {
namespace {

TEST(ImportOcrSpacing, TwoSyllablesRunTogetherAreSplit) {
  struct Case {
    std::string read, respaced;
  } cases[] = {
      {"ĐẢNG ỦY XÃ NGHĨAĐÀN", "ĐẢNG ỦY XÃ NGHĨA ĐÀN"},
      {"ỦY BAN NHÂN DÂN XÃ HƯNGLỘC", "ỦY BAN NHÂN DÂN XÃ HƯNG LỘC"},
      {"BỘ YTẾ", "BỘ Y TẾ"},
      {"dữ liệu dùng chung củacơ quan", "dữ liệu dùng chung của cơ quan"},  // a join the model knows
      // One syllable each, known or not: left alone.
      {"NGHIÊNG HOẠCH KHUYA QUYẾT", "NGHIÊNG HOẠCH KHUYA QUYẾT"},
      {"xã Krông Búk", "xã Krông Búk"},
      {"Internet vạn vật, 5G", "Internet vạn vật, 5G"},
      {"", ""},
  };
  for (Case& c : cases) {
    std::string text = c.read;
    RespaceJoinedSyllables(text);
    EXPECT_EQ(text, c.respaced) << c.read;
  }
}

}  // namespace
}  // namespace lienthong::parse
