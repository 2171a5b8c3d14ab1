#include <gtest/gtest.h>

#include <string>

#include "import/readers.h"
#include "import/text/markdown_inline.h"

namespace lienthong {
namespace {

RawDocument Read(std::string_view bytes, std::string_view name = "doc.txt") {
  Result<RawDocument> r = ReadTextDocument(bytes, name);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : RawDocument{};
}

TEST(ImportTextReader, OneParagraphPerNonEmptyLineWithLineNumbers) {
  RawDocument doc = Read("Dòng một\n\n  Dòng   hai  \r\nDòng ba");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].text, "Dòng một");
  EXPECT_EQ(doc.blocks[0].pos.line, 1);
  EXPECT_EQ(doc.blocks[1].text, "Dòng hai");
  EXPECT_EQ(doc.blocks[1].pos.line, 3);
  EXPECT_EQ(doc.blocks[2].pos.line, 4);
  EXPECT_EQ(doc.format, "text");
  EXPECT_EQ(doc.encoding, "utf-8");
}

TEST(ImportTextReader, MarkdownHeadingsAndBold) {
  RawDocument doc = Read("## **I- MỤC ĐÍCH**\n**1. Toàn dòng đậm**\n**Một phần** đậm\n", "a.md");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.format, "markdown");
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[0].heading_level, 2);
  EXPECT_EQ(doc.blocks[0].text, "I- MỤC ĐÍCH");
  EXPECT_TRUE(doc.blocks[1].bold);
  EXPECT_EQ(doc.blocks[1].text, "1. Toàn dòng đậm");
  EXPECT_FALSE(doc.blocks[2].bold);
  EXPECT_EQ(doc.blocks[2].text, "Một phần đậm");
}

TEST(ImportTextReader, HtmlTagsAndEscapes) {
  InlineText t = StripInlineMarkup("<b>Nơi nhận:</b>");
  EXPECT_EQ(t.text, "Nơi nhận:");
  EXPECT_TRUE(t.bold);
  EXPECT_EQ(StripInlineMarkup("\\*").text, "*");  // the Party header's star stays
  EXPECT_EQ(StripInlineMarkup("(*Kế hoạch số 02*)").text, "(Kế hoạch số 02)");
  EXPECT_EQ(StripInlineMarkup("a <5% b").text, "a <5% b");  // not a tag
}

TEST(ImportTextReader, TabRowsFormOneTableWithContinuationRows) {
  RawDocument doc = Read(
      "STT\tNội dung\tChủ trì\n1.\tViệc một\tBan A\n\n\t\tBan B\nĐoạn văn\n1\t2\t3\n");
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kTableRow);
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kTableRow);  // one filled cell continues the table
  EXPECT_EQ(doc.blocks[2].cells.size(), 3u);
  EXPECT_EQ(doc.blocks[2].cells[2], "Ban B");
  EXPECT_EQ(doc.blocks[2].table_index, 0);
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::kParagraph);
  EXPECT_EQ(doc.blocks[4].table_index, 1);
  EXPECT_EQ(doc.blocks[1].text, "1. | Việc một | Ban A");
}

TEST(ImportTextReader, PipeTablesSkipTheSeparatorRow) {
  RawDocument doc = Read("| A | **B** |\n|---|:--:|\n| 1 | <b>x</b> |\n");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].cells, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(doc.blocks[1].cells[1], "x");
  EXPECT_EQ(doc.blocks[1].table_index, 0);
}

TEST(ImportTextReader, FormFeedIsAPageBreak) {
  RawDocument doc = Read("Trang một\fTrang hai\n");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kPageBreak);
  EXPECT_EQ(doc.blocks[0].pos.page, 1);
  EXPECT_EQ(doc.blocks[2].pos.page, 2);
}

TEST(ImportTextReader, Utf16WithBom) {
  const std::string bytes("\xFF\xFE" "A\0\n\0", 6);  // "A\n" in UTF-16LE with its BOM
  Result<RawDocument> r = ReadTextDocument(bytes, "u16.txt");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->encoding, "utf-16le");
  ASSERT_EQ(r->blocks.size(), 1u);
  EXPECT_EQ(r->blocks[0].text, "A");
}

TEST(ImportTextReader, RefusesInputOverTheLimit) {
  ReaderLimits limits;
  limits.max_input_bytes = 10;
  Result<RawDocument> r = ReadTextDocument("01234567890", "big.txt", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
  EXPECT_NE(r.status().message().find("max_input_bytes"), std::string::npos);
  EXPECT_NE(r.status().message().find("big.txt"), std::string::npos);
}

TEST(ImportReadDocumentFile, UnknownTypeIsUnsupportedAndNamesTheFile) {
  const std::string path = ::testing::TempDir() + "/x.xyz";
  FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fputs("hello", f);
  std::fclose(f);
  Result<RawDocument> r = ReadDocumentFile(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(r.status().message().find("x.xyz"), std::string::npos);
  EXPECT_EQ(ReadDocumentFile(::testing::TempDir() + "/missing.txt").status().code(), StatusCode::kNotFound);
}

TEST(ImportTextReader, WebCopyJoinsWrappedBoldAndItalicRuns) {
  RawDocument doc = Read("**ỦY BAN NHÂN\nDÂN**\n*Hà Nội, ngày 28\ntháng 11 năm 2025 *\n**lẻ\n\nđoạn\n");
  ASSERT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(doc.blocks[0].text, "ỦY BAN NHÂN DÂN");
  EXPECT_TRUE(doc.blocks[0].bold);
  EXPECT_EQ(doc.blocks[1].text, "Hà Nội, ngày 28 tháng 11 năm 2025");
  EXPECT_TRUE(doc.blocks[1].italic);
  EXPECT_EQ(doc.blocks[2].text, "lẻ");  // a run that never closes leaves its lines alone
  EXPECT_EQ(doc.blocks[3].text, "đoạn");
}

TEST(ImportTextReader, WebCopyTablesFlattenedToPipeLines) {
  // A two-column header table, body text, then a one-row closing table read as lines.
  RawDocument doc = Read(
      "|\nỦY BAN NHÂN DÂN\n|\nCỘNG HÒA\n|\n|\nSố: 5/KH-UBND\n|\nXã A, ngày 1 tháng 2 năm 2026\n|\n"
      "Nội dung kế hoạch.\n|\nNơi nhận:\n|\nCHỦ TỊCH\n|\n\nPHỤ LỤC\n|\nSTT\n|\nNhiệm vụ\n|\n|\n"
      "1\n|\nBộ Khoa học và\nCông nghệ\n|\n");
  std::vector<std::string> kinds;
  for (const Block& b : doc.blocks) kinds.push_back(b.kind == BlockKind::kTableRow ? "row:" + b.text : b.text);
  EXPECT_EQ(kinds, (std::vector<std::string>{
                       "row:ỦY BAN NHÂN DÂN | CỘNG HÒA", "row:Số: 5/KH-UBND | Xã A, ngày 1 tháng 2 năm 2026",
                       "Nội dung kế hoạch.", "Nơi nhận:", "CHỦ TỊCH", "PHỤ LỤC", "row:STT | Nhiệm vụ",
                       "row:1 | Bộ Khoa học và Công nghệ"}));
  EXPECT_EQ(doc.blocks[0].table_index, doc.blocks[1].table_index);
  EXPECT_NE(doc.blocks[0].table_index, doc.blocks[6].table_index);
}

}  // namespace
}  // namespace lienthong
