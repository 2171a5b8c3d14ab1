// Exports opened by LibreOffice: each DOCX/XLSX is converted to PDF (and the XLSX to CSV), the
// PDF's page size, margins and key texts are checked, and PNG renders are kept in
// <test binary dir>/test-artifacts/exports/. Without LibreOffice the tests skip, or fail when
// LIENTHONG_REQUIRE_TOOLS=1.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "export/docx_writer.h"
#include "export/plan_document.h"
#include "export/report_document.h"
#include "export/testing/office_tools.h"
#include "export/testing/sample_documents.h"
#include "export/xlsx_writer.h"

namespace lienthong {
namespace {

using namespace export_testing;

constexpr double kPointsPerMm = 72 / 25.4;

#define REQUIRE_OFFICE_TOOLS()                                                            \
  do {                                                                                    \
    for (const char* tool : {"soffice", "pdftotext", "pdfinfo", "pdftoppm", "timeout"}) { \
      if (!HaveProgram(tool)) {                                                           \
        if (ToolsRequired()) FAIL() << tool << " is missing and LIENTHONG_REQUIRE_TOOLS=1"; \
        GTEST_SKIP() << tool << " is not installed; export renders not checked";          \
      }                                                                                   \
    }                                                                                     \
  } while (0)

// Text with runs of spaces and line breaks squeezed to one space, so checks do not depend on
// where LibreOffice broke lines.
std::string Squeeze(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

struct Rendered {
  std::string pdf;
  PdfLayout layout;
  std::string text;
};

// Writes the artifact, converts it to PDF, reads layout and text, keeps the PNGs.
void Render(const std::string& name, const std::string& bytes, Rendered* out) {
  auto path = WriteArtifact(name, bytes);
  ASSERT_TRUE(path.ok()) << path.status().ToString();
  auto pdf = ConvertWithLibreOffice(*path, "pdf", "pdf");
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  out->pdf = *pdf;
  auto layout = ReadPdfLayout(*pdf);
  ASSERT_TRUE(layout.ok()) << layout.status().ToString();
  out->layout = *layout;
  auto text = PdfText(*pdf);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  out->text = Squeeze(*text);
  auto pngs = RenderPngs(*pdf);
  ASSERT_TRUE(pngs.ok()) << pngs.status().ToString();
  EXPECT_GE(*pngs, 1);
}

void ExpectA4WithMargins(const PdfLayout& layout) {
  EXPECT_NEAR(layout.page_width, 595.3, 2);
  EXPECT_NEAR(layout.page_height, 841.9, 2);
  double left = 1e9, right = 0, top = 1e9, bottom = 0;
  for (const PdfWord& w : layout.words) {
    if (w.page != 1) continue;
    left = std::min(left, w.x_min);
    right = std::max(right, w.x_max);
    top = std::min(top, w.y_min);
    bottom = std::max(bottom, w.y_max);
  }
  // Text starts at the 30 mm left margin (flush-left lines: legal bases, "Nơi nhận") and stays
  // inside the 15 mm right and 20 mm top margins.
  EXPECT_GE(left / kPointsPerMm, 29.5) << "left edge of text " << left << " pt";
  EXPECT_LE(left / kPointsPerMm, 35.0) << "left edge of text " << left << " pt";
  EXPECT_LE(right, layout.page_width - 15 * kPointsPerMm + 1) << "right edge " << right;
  EXPECT_GE(top / kPointsPerMm, 19.5) << "top edge " << top;
  EXPECT_LE(bottom, layout.page_height - 20 * kPointsPerMm + 1) << "bottom edge " << bottom;
}

void ExpectTexts(const std::string& text, const std::vector<std::string>& expected) {
  for (const std::string& e : expected) {
    EXPECT_NE(text.find(e), std::string::npos) << "missing in PDF text: " << e;
  }
}

TEST(ExportRenderTest, StatePlanDocxOpensInLibreOfficeAsA4WithMargins) {
  REQUIRE_OFFICE_TOOLS();
  auto doc = PlanToOfficialDocument(SampleStatePlan());
  ASSERT_TRUE(doc.ok());
  auto bytes = WriteOfficialDocx(*doc);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  Rendered r;
  ASSERT_NO_FATAL_FAILURE(Render("state-plan.docx", *bytes, &r));
  ExpectA4WithMargins(r.layout);
  EXPECT_GE(r.layout.pages, 2);  // the task appendix starts a new page
  ExpectTexts(r.text, {"Số: 27/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH",
                       "Hưng Thịnh, ngày 05 tháng 3 năm 2026", "Nơi nhận:", "Trần Minh Khoa",
                       "Phụ lục", "Số hóa tài liệu địa chí của xã", "Thời gian", "DANH MỤC NHIỆM VỤ"});
  // No page number on page 1: nothing sits in its top margin.
  for (const PdfWord& w : r.layout.words) {
    if (w.page == 1) {
      EXPECT_GE(w.y_min, 19.5 * kPointsPerMm) << w.text;
    }
  }
}

TEST(ExportRenderTest, PartyPlanDocxOpensInLibreOffice) {
  REQUIRE_OFFICE_TOOLS();
  auto doc = PlanToOfficialDocument(SamplePartyPlan());
  ASSERT_TRUE(doc.ok());
  Rendered r;
  ASSERT_NO_FATAL_FAILURE(Render("party-plan.docx", *WriteOfficialDocx(*doc), &r));
  ExpectA4WithMargins(r.layout);
  ExpectTexts(r.text, {"ĐẢNG CỘNG SẢN VIỆT NAM", "Số 15-KH/ĐU", "T/M BAN THƯỜNG VỤ",
                       "Lê Thị Hạnh", "Nơi nhận:", "Treo băng rôn"});
}

TEST(ExportRenderTest, RollupReportDocxOpensInLibreOffice) {
  REQUIRE_OFFICE_TOOLS();
  OfficialDocument doc = ReportToOfficialDocument(SampleReport(), SampleReportContext(true));
  Rendered r;
  ASSERT_NO_FATAL_FAILURE(Render("rollup-report.docx", *WriteOfficialDocx(doc), &r));
  ExpectA4WithMargins(r.layout);
  ExpectTexts(r.text, {"Số: 41/BC-UBND", "BÁO CÁO", "Kính gửi:", "Thôn Tân Lập", "12.500.000",
                       "87,5%", "Buôn Ea Sar chưa gửi báo cáo.", "Nơi nhận:", "Trần Minh Khoa"});
  // Page 2 onwards carries its number in the top margin.
  if (r.layout.pages >= 2) {
    bool numbered = false;
    for (const PdfWord& w : r.layout.words) {
      numbered = numbered || (w.page == 2 && w.text == "2" && w.y_max < 20 * kPointsPerMm);
    }
    EXPECT_TRUE(numbered) << "no page number on page 2";
  }
}

TEST(ExportRenderTest, XlsxValuesRoundTripThroughLibreOfficeCalc) {
  REQUIRE_OFFICE_TOOLS();
  XlsxSheet sheet = RollupToXlsxSheet(*SampleReportContext(true).rollup, "Tổng hợp");
  auto bytes = WriteXlsx({sheet});
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  Rendered r;
  ASSERT_NO_FATAL_FAILURE(Render("rollup.xlsx", *bytes, &r));
  ExpectTexts(r.text, {"Kết quả của các thôn", "Thôn Đồng Tâm", "Tỷ lệ hoàn thành"});
  // CSV with raw values (9th filter token: "save cell contents as shown" off), UTF-8 (76).
  // LibreOffice still writes percentages with their % sign: 0.875 comes back as 87.5%.
  auto path = WriteArtifact("rollup-values.xlsx", *bytes);
  ASSERT_TRUE(path.ok());
  auto csv = ConvertWithLibreOffice(*path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false",
                                    "csv");
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  auto content = RunCommand("cat " + ShellQuote(*csv));
  ASSERT_TRUE(content.ok());
  ExpectTexts(*content, {"STT,Đơn vị,Số hoạt động,Kinh phí (đồng),Tỷ lệ hoàn thành",
                         "1,Thôn Tân Lập,14,12500000,87.5%", "2,Thôn Đồng Tâm,9,3400000,50%",
                         "3,Buôn Ea Sar,0,,—", ",Tổng cộng,23,15900000,68.75%", "Buôn Ea Sar chưa gửi báo cáo."});
}

}  // namespace
}  // namespace lienthong
