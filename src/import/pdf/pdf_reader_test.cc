// ReadPdfDocument on the fixtures of scripts/make-import-fixtures.sh. The tests that go
// through OCR are in PdfOcrTest (about a second each).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "import/testing/fixture_files.h"
#include "import/readers.h"
#include "text/keys.h"

namespace lienthong {
namespace {

std::string ReadFixture(const std::string& name) { return testing::ReadImportFixture(name); }

const RawDocument& Fixture() {
  static const RawDocument* doc = [] {
    Result<RawDocument> r =
        ReadPdfDocument(ReadFixture("ke_hoach_hoa_binh.pdf"), "ke_hoach_hoa_binh.pdf");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new RawDocument(r.ok() ? std::move(r).value() : RawDocument());
  }();
  return *doc;
}

int IndexOf(const RawDocument& doc, std::string_view text) {
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (doc.blocks[i].text == text) return static_cast<int>(i);
  }
  return -1;
}

// The first block whose MatchKey contains MatchKey(`text`) — tolerant of case and tone style.
const Block* FindKey(const RawDocument& doc, std::string_view text) {
  std::string key = MatchKey(text);
  for (const Block& b : doc.blocks) {
    if (MatchKey(b.text).find(key) != std::string::npos) return &b;
  }
  return nullptr;
}

TEST(PdfReaderTest, TextLayerHeaderAsTwoCells) {
  const RawDocument& doc = Fixture();
  EXPECT_EQ(doc.format, "pdf");
  EXPECT_TRUE(doc.warnings.empty());
  ASSERT_GE(doc.blocks.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(doc.blocks[i].kind, BlockKind::kTableRow) << i;
    EXPECT_EQ(doc.blocks[i].table_index, 0) << i;
    EXPECT_EQ(doc.blocks[i].pos.page, 1);
  }
  EXPECT_EQ(doc.blocks[0].cells,
            (std::vector<std::string>{"ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}));
  EXPECT_EQ(doc.blocks[1].cells,
            (std::vector<std::string>{"XÃ HÒA BÌNH", "Độc lập - Tự do - Hạnh phúc"}));
  EXPECT_TRUE(doc.blocks[1].bold);
  EXPECT_EQ(doc.blocks[2].cells,
            (std::vector<std::string>{"Số: 15/KH-UBND", "Xã Hòa Bình, ngày 05 tháng 9 năm 2025"}));
}

TEST(PdfReaderTest, BodyLinesInOrder) {
  const RawDocument& doc = Fixture();
  std::vector<int> order = {
      IndexOf(doc, "KẾ HOẠCH"),
      IndexOf(doc, "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025"),
      IndexOf(doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"),
      IndexOf(doc, "I. MỤC ĐÍCH, YÊU CẦU"),
      IndexOf(doc, "II. NỘI DUNG"),
      IndexOf(doc, "a) Phần lễ: ôn lại truyền thống, biểu dương các gia đình tiêu biểu."),
      IndexOf(doc, "III. TỔ CHỨC THỰC HIỆN"),
      IndexOf(doc, "PHỤ LỤC"),
  };
  for (size_t i = 0; i < order.size(); ++i) {
    ASSERT_GE(order[i], 0) << "item " << i;
    if (i > 0) {
      EXPECT_LT(order[i - 1], order[i]) << "item " << i;
    }
  }
  const Block& title = doc.blocks[order[0]];
  EXPECT_EQ(title.kind, BlockKind::kParagraph);
  EXPECT_TRUE(title.bold);
  EXPECT_TRUE(title.centered);
  EXPECT_TRUE(doc.blocks[order[2]].italic);
  EXPECT_EQ(doc.blocks[order[7]].pos.page, 2);
}

TEST(PdfReaderTest, RuledAppendixTableAsRowsWithItsMergedCells) {
  // Page 2's task table: a group row merged across, and a lead unit's cell merged over two rows
  // (the rule between those rows stops at its column).
  const RawDocument& doc = Fixture();
  std::vector<const Block*> rows;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kTableRow && b.pos.page == 2) rows.push_back(&b);
  }
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[0]->cells, (std::vector<std::string>{"STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì",
                                                      "Đơn vị phối hợp", "Thời gian hoàn thành"}));
  EXPECT_EQ(rows[1]->cells, (std::vector<std::string>{"I", "CÔNG TÁC TUYÊN TRUYỀN"}));
  EXPECT_EQ(rows[2]->cells,
            (std::vector<std::string>{"1.", "Tuyên truyền trên hệ thống loa truyền thanh của xã",
                                      "Công chức Văn hóa - Xã hội", "Các thôn", "Trước ngày 10/11/2025"}));
  EXPECT_EQ(rows[3]->cells[2], "Công chức Văn hóa - Xã hội");  // merged down from the row above
  EXPECT_EQ(rows[3]->cells[3], "Đoàn Thanh niên xã");
  EXPECT_EQ(rows[6]->cells[4], "Từ ngày 10/11 đến ngày 18/11/2025");
  for (const Block* r : rows) EXPECT_EQ(r->table_index, rows[0]->table_index);
}

TEST(PdfReaderTest, SignatureBlockAsTwoCells) {
  const RawDocument& doc = Fixture();
  int first = -1;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (doc.blocks[i].kind == BlockKind::kTableRow && doc.blocks[i].table_index == 1) {
      first = static_cast<int>(i);
      break;
    }
  }
  ASSERT_GE(first, 0);
  ASSERT_LT(first + 4, static_cast<int>(doc.blocks.size()));
  EXPECT_EQ(doc.blocks[first].cells,
            (std::vector<std::string>{"Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"}));
  EXPECT_EQ(doc.blocks[first + 1].cells,
            (std::vector<std::string>{"- Thường trực Đảng ủy xã;", "CHỦ TỊCH"}));
  EXPECT_EQ(doc.blocks[first + 4].cells, (std::vector<std::string>{"", "Trần Văn An"}));
}

TEST(PdfReaderTest, PageBreaksAndFurniture) {
  const RawDocument& doc = Fixture();
  int breaks = 0;
  std::vector<std::string> footers;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kPageBreak) ++breaks;
    if (b.region == BlockRegion::kPageFooter) {
      footers.push_back(b.text + "@" + std::to_string(b.pos.page));
    } else {
      EXPECT_EQ(b.text.rfind("Trang ", 0), std::string::npos) << b.text;
    }
  }
  EXPECT_EQ(breaks, 1);
  EXPECT_EQ(footers, (std::vector<std::string>{"Trang 1@1", "Trang 2@2"}));
  int page_break = -1;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (doc.blocks[i].kind == BlockKind::kPageBreak) page_break = static_cast<int>(i);
  }
  EXPECT_EQ(doc.blocks[page_break - 1].text, "Trang 1");
  EXPECT_EQ(doc.blocks[page_break + 1].text, "PHỤ LỤC");
}

TEST(PdfReaderTest, Limits) {
  ReaderLimits limits;
  limits.max_pdf_pages = 1;
  auto r = ReadPdfDocument(ReadFixture("ke_hoach_hoa_binh.pdf"), "plan.pdf", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(r.status().message(), "plan.pdf: 2 pages is over the limit of 1 pages");

  limits = ReaderLimits();
  limits.max_input_bytes = 1000;
  r = ReadPdfDocument(ReadFixture("ke_hoach_hoa_binh.pdf"), "plan.pdf", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
}

// Issue 12: the time a file may take, and a client that went away, stop the reading between
// pages (read_budget.h).
TEST(PdfReaderTest, StopsWhenTheTimeBudgetIsSpentOrNobodyWaits) {
  ReaderLimits limits;
  limits.max_cpu_seconds = -1;  // already spent before the first page
  auto r = ReadPdfDocument(ReadFixture("ke_hoach_hoa_binh.pdf"), "plan.pdf", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(r.status().message(), "plan.pdf: page 1: reading took over -1 CPU seconds; split the "
                                  "file or send fewer pages");

  limits = ReaderLimits();
  limits.max_wall_seconds = -1;
  r = ReadPdfDocument(ReadFixture("ke_hoach_hoa_binh.pdf"), "plan.pdf", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);

  // The client disconnects after the first page: the second is not read.
  limits = ReaderLimits();
  int asked = 0;
  limits.cancelled = [&asked] { return ++asked > 1; };
  r = ReadPdfDocument(ReadFixture("ke_hoach_hoa_binh.pdf"), "plan.pdf", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(r.status().message(), "plan.pdf: page 2: reading stopped, nobody waits for it any more");

  // Within the budget, the same file reads as before.
  limits = ReaderLimits();
  limits.cancelled = [] { return false; };
  EXPECT_TRUE(ReadPdfDocument(ReadFixture("ke_hoach_hoa_binh.pdf"), "plan.pdf", limits).ok());
}

TEST(PdfReaderTest, GarbledPageOverTheOcrLimitIsDroppedWithAWarning) {
  ReaderLimits limits;
  limits.max_ocr_pages = 0;
  auto r = ReadPdfDocument(ReadFixture("ke_hoach_hoa_binh_garbled.pdf"), "garbled.pdf", limits);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->format, "pdf");
  EXPECT_TRUE(r->blocks.empty());  // garbage is worse than nothing
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].code, "page_ocr_limit");
  EXPECT_EQ(r->warnings[0].params,
            (std::vector<std::pair<std::string, std::string>>{{"page", "1"}, {"limit", "0"}}));
  EXPECT_EQ(r->warnings[0].message,
            "page 1: text layer unreadable; not OCRed: over the limit of 0 OCR pages");
}

TEST(PdfReaderTest, NotAPdf) {
  auto r = ReadPdfDocument("PK\x03\x04 not a pdf at all", "scan.pdf");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "scan.pdf: not a PDF file (no %PDF- header)");

  std::string truncated = ReadFixture("ke_hoach_hoa_binh.pdf").substr(0, 600);
  r = ReadPdfDocument(truncated, "cut.pdf");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message().rfind("cut.pdf: ", 0), 0u);
}

TEST(PdfReaderTest, UnreadablePdfWithoutOcrModelIsUnavailable) {
  const char* old = std::getenv("TESSDATA_PREFIX");
  std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
  setenv("TESSDATA_PREFIX", "/nonexistent-tessdata", 1);
  auto r = ReadPdfDocument(ReadFixture("ke_hoach_hoa_binh_garbled.pdf"), "garbled.pdf");
  if (saved) {
    setenv("TESSDATA_PREFIX", saved->c_str(), 1);
  } else {
    unsetenv("TESSDATA_PREFIX");
  }
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(r.status().message(),
            "garbled.pdf: OCR needs tesseract with the Vietnamese model: apt-get install "
            "tesseract-ocr-vie");
}

// --- through OCR ---

TEST(PdfOcrTest, GarbledTextLayerIsReadByOcr) {
  auto r = ReadPdfDocument(ReadFixture("ke_hoach_hoa_binh_garbled.pdf"), "garbled.pdf");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->format, "pdf-ocr");
  EXPECT_EQ(WarningMessages(r->warnings),
            (std::vector<std::string>{"page 1: text layer unreadable, used OCR"}));
  EXPECT_EQ(r->warnings[0].code, "page_ocr");
  ASSERT_FALSE(r->blocks.empty());
  const Block& first = r->blocks[0];
  ASSERT_EQ(first.kind, BlockKind::kTableRow);
  EXPECT_EQ(SearchKey(first.cells[0]), "uy ban nhan dan");
  EXPECT_NE(SearchKey(first.cells[1]).find("cong hoa xa hoi"), std::string::npos);
  EXPECT_NE(FindKey(*r, "KẾ HOẠCH"), nullptr);
  EXPECT_NE(FindKey(*r, "Hòa Bình"), nullptr);
}

TEST(PdfOcrTest, PageWithoutTextLayerIsReadByOcr) {
  auto r = ReadPdfDocument(ReadFixture("ke_hoach_hoa_binh_scan.pdf"), "scan.pdf");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->format, "pdf-ocr");
  EXPECT_EQ(WarningMessages(r->warnings),
            (std::vector<std::string>{"page 1: no text layer, used OCR"}));
  EXPECT_NE(FindKey(*r, "KẾ HOẠCH"), nullptr);
  EXPECT_NE(FindKey(*r, "Hòa Bình"), nullptr);
}

}  // namespace
}  // namespace lienthong
