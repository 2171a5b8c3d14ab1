// Plans (importer JSON) and reports as official documents; Vietnamese number text.
#include "export/plan_document.h"

#include <gtest/gtest.h>

#include "export/content_disposition.h"
#include "export/report_document.h"
#include "export/testing/sample_documents.h"
#include "export/vn_number_format.h"

namespace lienthong {
namespace {

using nlohmann::json;

TEST(PlanDocumentTest, MapsHeaderOutlineTasksAndSigner) {
  auto doc = PlanToOfficialDocument(export_testing::SampleStatePlan());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->family, DocumentFamily::kState);
  EXPECT_EQ(doc->number, "27/KH-UBND");
  EXPECT_EQ(doc->date, (Date{2026, 3, 5}));
  EXPECT_EQ(doc->type_name, "Kế hoạch");
  ASSERT_GE(doc->body.size(), 2u);
  EXPECT_TRUE(doc->body[0].italic);
  EXPECT_EQ(doc->body[0].text.back(), ';');
  EXPECT_EQ(doc->body[1].text.back(), '.');
  // Outline: I → 1 → 2 → a → "-" bullet → II → III.
  std::vector<std::string> outline;
  for (size_t i = 2; i < doc->body.size(); ++i) {
    outline.push_back(std::to_string(doc->body[i].level) + ":" + doc->body[i].label);
  }
  EXPECT_EQ(outline, (std::vector<std::string>{"1:I", "2:1", "2:2", "3:a", "0:", "1:II", "1:III"}));
  ASSERT_EQ(doc->appendices.size(), 1u);
  const OfficialTable& tasks = doc->appendices[0].blocks.at(0).table;
  EXPECT_EQ(tasks.headers, (std::vector<std::string>{"STT", "Nội dung", "Đơn vị chủ trì",
                                                     "Đơn vị phối hợp", "Thời gian"}));
  ASSERT_EQ(tasks.rows.size(), 6u);  // two group rows, four tasks
  EXPECT_TRUE(tasks.rows[0].group);
  EXPECT_EQ(tasks.rows[2].cells,
            (std::vector<std::string>{"2", "Lắp đặt điểm truy cập thư viện số tại nhà văn hóa",
                                      "Công chức Văn hóa - Xã hội",
                                      "Đoàn Thanh niên xã\nHội Cựu chiến binh xã",
                                      "Trước ngày 30/9/2026"}));
  EXPECT_EQ(doc->signer.name, "Trần Minh Khoa");
  EXPECT_EQ(doc->recipients.back(), "Lưu: VT, VHXH");
}

TEST(PlanDocumentTest, SectionBodiesFollowTheirHeadings) {
  nlohmann::json plan = export_testing::SampleStatePlan();
  plan["section_tree"] = nlohmann::json::array(
      {{{"label", "I"},
        {"title", "MỤC ĐÍCH, YÊU CẦU"},
        {"body",
         {{{"text", "Đưa tài liệu địa chí của xã lên thư viện số."}},
          {{"rows", nlohmann::json::array({nlohmann::json::array({"Chỉ tiêu", "Năm 2026"}),
                                           nlohmann::json::array({"Số tài liệu số hóa", "500"})})}}}}},
       {{"label", "II"}, {"title", "NỘI DUNG THỰC HIỆN"}}});
  auto doc = PlanToOfficialDocument(plan);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  std::vector<BodyBlock::Kind> kinds;
  for (size_t i = 2; i < doc->body.size(); ++i) kinds.push_back(doc->body[i].kind);
  using K = BodyBlock::Kind;
  EXPECT_EQ(kinds, (std::vector<K>{K::kHeading, K::kParagraph, K::kTable, K::kHeading}));
  EXPECT_EQ(doc->body[3].text, "Đưa tài liệu địa chí của xã lên thư viện số.");
  EXPECT_EQ(doc->body[4].table.headers, (std::vector<std::string>{"Chỉ tiêu", "Năm 2026"}));
  ASSERT_EQ(doc->body[4].table.rows.size(), 1u);
  EXPECT_EQ(doc->body[4].table.rows[0].cells, (std::vector<std::string>{"Số tài liệu số hóa", "500"}));
}

TEST(PlanDocumentTest, NullsAndDraftDatesAreAccepted) {
  json plan = {{"doc_type", nullptr}, {"number", nullptr}, {"title", "Thử"}, {"date", "2026-04"},
               {"family", "party"}, {"sections", {"MỤC ĐÍCH"}}, {"signer", nullptr}};
  auto doc = PlanToOfficialDocument(plan);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->family, DocumentFamily::kParty);
  EXPECT_EQ(doc->type_name, "Kế hoạch");
  EXPECT_TRUE(doc->number.empty());
  EXPECT_EQ(doc->date->year, 2026);
  EXPECT_FALSE(doc->date->IsValid());
  ASSERT_EQ(doc->body.size(), 1u);
  EXPECT_EQ(doc->body[0].label, "I");
}

TEST(PlanDocumentTest, WrongTypesNameTheField) {
  auto bad = PlanToOfficialDocument(json{{"title", 12}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "plan document: title: expected a string");
  auto bad_signer = PlanToOfficialDocument(json{{"signer", {{"name", json::array()}}}});
  ASSERT_FALSE(bad_signer.ok());
  EXPECT_EQ(bad_signer.status().message(), "plan document: signer.name: expected a string");
  EXPECT_FALSE(PlanToOfficialDocument(json::array()).ok());
}

TEST(ReportDocumentTest, OutlineClosesUpAndTablesAreFilled) {
  const Report report = export_testing::SampleReport();
  OfficialDocument doc =
      ReportToOfficialDocument(report, export_testing::SampleReportContext(/*rollup=*/true));
  EXPECT_EQ(doc.type_name, "Báo cáo");
  EXPECT_EQ(doc.title, "Kết quả thực hiện Kế hoạch số 27/KH-UBND Quý I/2026");
  EXPECT_EQ(doc.body[0].text,
            "Thực hiện Kế hoạch số 27/KH-UBND ngày 05/3/2026 của Ủy ban nhân dân xã về phát triển "
            "thư viện số cộng đồng năm 2026, Ủy ban nhân dân xã Hưng Thịnh báo cáo kết quả thực "
            "hiện Quý I/2026 (từ ngày 15/12/2025 đến ngày 14/3/2026) như sau:");
  std::vector<std::string> headings;
  const OfficialTable* indicators = nullptr;
  const OfficialTable* rollup = nullptr;
  for (const BodyBlock& b : doc.body) {
    if (b.kind == BodyBlock::Kind::kHeading) headings.push_back(b.label + " " + b.text);
    if (b.kind == BodyBlock::Kind::kTable && b.table.headers[1] == "Chỉ tiêu") indicators = &b.table;
    if (b.kind == BodyBlock::Kind::kTable && b.table.headers[1] == "Đơn vị") rollup = &b.table;
  }
  // No lessons: "Bài học kinh nghiệm" is left out and recommendations become IV → III.
  EXPECT_EQ(headings, (std::vector<std::string>{
                          "I Kết quả thực hiện", "1 Kết quả thực hiện các chỉ tiêu",
                          "2 Hoạt động thông tin, tuyên truyền", "3 Kết quả nổi bật",
                          "4 Kết quả của các thôn", "II Tồn tại, hạn chế và nguyên nhân",
                          "1 Tồn tại, hạn chế", "2 Nguyên nhân", "III Đề xuất, kiến nghị"}));
  ASSERT_NE(indicators, nullptr);
  std::vector<std::string> results;
  for (const auto& row : indicators->rows) results.push_back(row.cells[3]);
  EXPECT_EQ(results, (std::vector<std::string>{"1.250", "62,5%", "Có", "Đang thẩm định",
                                               "Không áp dụng"}));
  ASSERT_NE(rollup, nullptr);
  EXPECT_EQ(rollup->rows[0].cells,
            (std::vector<std::string>{"1", "Thôn Tân Lập", "14", "12.500.000", "87,5%"}));
  EXPECT_EQ(rollup->rows[2].cells,
            (std::vector<std::string>{"3", "Buôn Ea Sar", "0", "", "—"}));
  EXPECT_EQ(rollup->rows[3].cells,
            (std::vector<std::string>{"", "Tổng cộng", "23", "15.900.000", "68,8%"}));
}

TEST(ReportDocumentTest, RollupSheetKeepsNumbersAsNumbers) {
  XlsxSheet sheet = RollupToXlsxSheet(*export_testing::SampleReportContext(true).rollup, "Quý I");
  EXPECT_EQ(sheet.headers, (std::vector<std::string>{"STT", "Đơn vị", "Số hoạt động",
                                                     "Kinh phí (đồng)", "Tỷ lệ hoàn thành"}));
  ASSERT_EQ(sheet.rows.size(), 4u);
  EXPECT_EQ(std::get<double>(sheet.rows[0][3].value), 12500000);
  EXPECT_EQ(sheet.rows[0][4].format, XlsxCell::Format::kPercent);
  EXPECT_EQ(sheet.notes, (std::vector<std::string>{"Buôn Ea Sar chưa gửi báo cáo."}));
}

TEST(VietnameseNumberTest, ThousandsWithDotsDecimalsWithCommas) {
  EXPECT_EQ(FormatVietnameseNumber(1234567), "1.234.567");
  EXPECT_EQ(FormatVietnameseNumber(12.5), "12,5");
  EXPECT_EQ(FormatVietnameseNumber(-1000.25), "-1.000,25");
  EXPECT_EQ(FormatVietnameseNumber(0), "0");
  EXPECT_EQ(FormatVietnameseNumber(999.999, 2), "1.000");
  EXPECT_EQ(FormatVietnamesePercent(0.855), "85,5%");
  EXPECT_EQ(FormatVietnameseShortDate(Date{2026, 2, 3}), "03/02/2026");
  EXPECT_EQ(FormatVietnameseShortDate(Date{2026, 11, 30}), "30/11/2026");
}

TEST(ContentDispositionTest, AsciiFallbackAndEncodedVietnameseName) {
  EXPECT_EQ(AttachmentDisposition("plan-12.docx", "Kế hoạch 27-KH.docx"),
            "attachment; filename=\"plan-12.docx\"; "
            "filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2027-KH.docx");
  EXPECT_EQ(AttachmentDisposition("a\"b.docx", ""), "attachment; filename=\"a-b.docx\"");
}

}  // namespace
}  // namespace lienthong
