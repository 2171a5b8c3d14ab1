// The spaces OCR loses between syllables of a header set in bold capitals.
#include <gtest/gtest.h>

#include "import/parse/ocr_words.h"

namespace lienthong::parse {
namespace {

TEST(ImportOcrWords, TwoSyllablesRunTogetherAreSplit) {
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

TEST(ImportOcrWords, MarksNoOneWritesAreReadAgainInContext) {
  std::string title = "Bồi đưỡng kỹ năng số cho cán bộ";
  RereadMisreadMarks(title);
  EXPECT_EQ(title, "Bồi dưỡng kỹ năng số cho cán bộ");
  // Words written right, and words without marks, stay as written.
  std::string kept = "Kiểm tra công tác văn thư năm 2026";
  RereadMisreadMarks(kept);
  EXPECT_EQ(kept, "Kiểm tra công tác văn thư năm 2026");
}

}  // namespace
}  // namespace lienthong::parse
