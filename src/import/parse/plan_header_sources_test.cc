// What the whole parse takes for a document's date and place when the header is damaged, and how
// the source (typed text or OCR) decides what is repaired. Fictional documents.
#include <gtest/gtest.h>

#include "import/parse/plan_parser.h"
#include "import/readers.h"

namespace lienthong {
namespace {

Result<std::vector<ImportedDocument>> Parse(const std::string& text, const std::string& format) {
  LT_ASSIGN_OR_RETURN(RawDocument raw, ReadTextDocument(text, "plan.txt"));
  raw.format = format;
  return ParsePlans(raw);
}

TEST(ImportHeaderSources, ACitationsDateIsNotTheDocumentsDate) {
  // The date line OCR could not read at all; the preamble cites a law with its date.
  const std::string text =
      "THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Số: 26/QĐ-TTg\nHà Nội, ngày ## thăng ## nằm\nQUYẾT ĐỊNH\nVỀ VIỆC PHÊ DUYỆT ĐỀ ÁN MẪU\n"
      "THỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"
      "Căn cứ Luật Dữ liệu ngày 30 tháng 11 năm 2024;\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Đề án.\n";
  Result<std::vector<ImportedDocument>> docs = Parse(text, "text");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ(docs->front().plan.header.number, "26/QĐ-TTg");
  EXPECT_EQ(docs->front().plan.header.date, std::nullopt);
  EXPECT_EQ(docs->front().plan.header.place, "");
}

TEST(ImportHeaderSources, OnlyAnOcrPlaceTakesTheProvincesSpelling) {
  const std::string text =
      "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 98/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nNghệAn, ngày 18 tháng 11 năm 2025\nKẾ HOẠCH\n"
      "Diễn tập phòng thủ dân sự\nI. MỤC ĐÍCH\n1. Nâng cao năng lực.\n";
  Result<std::vector<ImportedDocument>> scanned = Parse(text, "image-ocr");
  ASSERT_TRUE(scanned.ok()) << scanned.status().ToString();
  ASSERT_EQ(scanned->size(), 1u);
  EXPECT_EQ(scanned->front().plan.header.place, "Nghệ An");
  // Typed, the place is what its author printed.
  Result<std::vector<ImportedDocument>> typed = Parse(text, "text");
  ASSERT_TRUE(typed.ok()) << typed.status().ToString();
  ASSERT_EQ(typed->size(), 1u);
  EXPECT_EQ(typed->front().plan.header.place, "NghệAn");
}

}  // namespace
}  // namespace lienthong
