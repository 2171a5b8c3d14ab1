// The report as a báo cáo (issue 13, workflow 4): the issuing body and its superior in full, the
// số/ký hiệu with a blank for the number, place and date, "Kính gửi" when the report goes up to
// the plan's issuer, the signature block with its authority line, and "Nơi nhận".
#include "service/reports/report_export.h"

#include <gtest/gtest.h>

#include "export/docx_writer.h"
#include "export/testing/sample_documents.h"
#include "testing/report_test_fixture.h"

namespace lienthong {
namespace {

using export_testing::ParagraphTexts;

class ReportExportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    Status s = f_.SetUp(GetParam());
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  testing_reports::ReportFixture f_;
};

TEST_P(ReportExportTest, CommuneReportCarriesItsIssuerNumberPlaceAndSignature) {
  auto id = f_.Report("66001", "2025-Q4", 10, 20, 50, true, 3, "2025-12-01T03:00:00Z");
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  auto doc = ReportOfficialDocument(*f_.db, *id);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->family, DocumentFamily::kState);
  // The plan is the country's: no body of its own to send the report to.
  EXPECT_TRUE(doc->addressees.empty());
  const std::string text = ParagraphTexts(OfficialDocumentXml(*doc));
  for (const char* expected :
       {"UBND TỈNH ĐẮK LẮK\n", "ỦY BAN NHÂN DÂN XÃ EA KAR\n", "Số:       /BC-UBND\n",
        "Ea Kar, ngày 01 tháng 12 năm 2025\n", "BÁO CÁO\n", "Nơi nhận:\n", "- Lưu: VT.\n",
        "TM. ỦY BAN NHÂN DÂN\n", "CHỦ TỊCH\n", "Số tin, bài\n"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n" << text;
  }
  EXPECT_EQ(text.find("Kính gửi"), std::string::npos);

  auto file = ExportReportDocx(*f_.db, *id);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->bytes.substr(0, 2), "PK");
  EXPECT_EQ(file->display_name, "Báo cáo Xã Ea Kar Quý IV-2025.docx");
}

TEST_P(ReportExportTest, AReportToTheProvincesPlanIsAddressedToTheProvince) {
  auto plan = testing_reports::MakePlan(*f_.db, "66");
  ASSERT_TRUE(plan.ok());
  ASSERT_TRUE(DeclareIndicators(*f_.db, *plan, testing_reports::TestIndicators(), "test").ok());
  DutyRequest duty{.plan_id = *plan, .frequency = ReportFrequency::kYearly, .first_year = 2025,
                   .last_year = 2025, .assignees = {"66001"}, .actor = "test"};
  ASSERT_TRUE(AddReportingDuty(*f_.db, duty).ok());
  auto unit = UnitStore(*f_.db).GetByCode("66001");
  auto slot = FindReportSlot(*f_.db, *plan, unit->id, "2025");
  ASSERT_TRUE(slot.ok()) << slot.status().ToString();
  auto id = SaveDraft(*f_.db, {.slot_id = slot->id, .highlights = "Đạt kế hoạch", .actor = "t"});
  ASSERT_TRUE(id.ok()) << id.status().ToString();

  auto doc = ReportOfficialDocument(*f_.db, *id);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->addressees, (std::vector<std::string>{"Ủy ban nhân dân tỉnh Đắk Lắk"}));
  EXPECT_EQ(doc->recipients, (std::vector<std::string>{"Như trên", "Lưu: VT"}));
  EXPECT_FALSE(doc->date.has_value());  // a draft: the clerk writes the date
  const std::string text = ParagraphTexts(OfficialDocumentXml(*doc));
  for (const char* expected : {"Kính gửi: Ủy ban nhân dân tỉnh Đắk Lắk.\n", "- Như trên;\n",
                               "Đạt kế hoạch"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n" << text;
  }
}

TEST_P(ReportExportTest, UnknownReportIsNotFound) {
  EXPECT_EQ(ReportOfficialDocument(*f_.db, 999).status().code(), StatusCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportExportTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
