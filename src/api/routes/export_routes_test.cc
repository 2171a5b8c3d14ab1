// GET /api/v1/plans/{id}/export.docx through the router, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "api/route.h"
#include "api/testing/route_dispatch.h"
#include "export/docx_writer.h"
#include "export/testing/sample_documents.h"
#include "import/docx/zip_archive.h"
#include "import/parse/plan_parser.h"
#include "import/plan_json.h"
#include "import/readers.h"
#include "service/plans/plan_save.h"
#include "store/plan_document_codec.h"
#include "service/units/unit_import.h"
#include "store/testing/test_database.h"
#include "store/unit_store.h"

namespace lienthong::api {

void RegisterExportRoutes(Router& router);

namespace {

using nlohmann::json;

class ExportRoutesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenFreshTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    auto rows = ParseUnitCsv(
        "code,name,kind,parent_code\n"
        "66,Tỉnh Đắk Lắk,province,VN\n"
        "66904,Xã Hưng Thịnh,commune,66\n"
        "25,Tỉnh Phú Thọ,province,VN\n",
        "units.csv");
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    ASSERT_TRUE(ImportUnits(*db_, *rows, "test").ok());
    PlanSaveRequest request{.documents = *DecodePlanDocumentList(
                                json::array({export_testing::SampleStatePlan()}), ""),
                            .unit_code = "66904",
                            .actor = "test"};
    auto saved = SavePlans(*db_, request);
    ASSERT_TRUE(saved.ok()) << saved.status().ToString();
    plan_id_ = saved->at(0).plan_id;
    RegisterExportRoutes(router_);
  }

  Caller As(Role role, const std::string& unit_code) {
    auto unit = UnitStore(*db_).GetByCode(unit_code);
    EXPECT_TRUE(unit.ok());
    return Caller{.user_id = 1, .username = "lan", .role = role, .unit_id = unit->id,
                  .unit_code = unit->code, .unit_path = unit->path};
  }

  http::HttpResponse Get(const Caller& caller, const std::string& path) {
    http::HttpRequest request;
    request.method = "GET";
    request.path = path;
    request.target = path;
    bool matched = false;
    http::HttpResponse response = DispatchAs(router_, *db_, caller, request, &matched);
    EXPECT_TRUE(matched) << path;
    return response;
  }

  std::string ExportPath(int64_t id) {
    return "/api/v1/plans/" + std::to_string(id) + "/export.docx";
  }

  std::unique_ptr<Database> db_;
  Router router_;
  int64_t plan_id_ = 0;
};

TEST_P(ExportRoutesTest, AViewerInTheSubtreeGetsTheDocx) {
  auto response = Get(As(Role::kViewer, "66"), ExportPath(plan_id_));
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.content_type, kDocxContentType);
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "Content-Disposition");
  EXPECT_EQ(response.headers[0].second,
            "attachment; filename=\"plan-" + std::to_string(plan_id_) +
                ".docx\"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2027-KH-UBND.docx");
  auto zip = ZipArchive::Open(response.body, ZipLimits{});
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  auto document = (*zip)->Read("word/document.xml");
  ASSERT_TRUE(document.ok());
  EXPECT_NE(document->find("Số: 27/KH-UBND"), std::string::npos);
  EXPECT_NE(document->find("Trần Minh Khoa"), std::string::npos);
}

// A plan saved from an imported file keeps its section bodies, and its DOCX prints them (issue 13
// #6, issue 14 part 5): the stored document goes through the codec, the export reads it back.
TEST_P(ExportRoutesTest, AnImportedPlanPrintsItsBodyText) {
  const std::string path = std::string(LIENTHONG_TESTDATA) + "/import/text/state_plan_table.txt";
  auto raw = ReadDocumentFile(path);
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  auto imported = ParsePlans(*raw);
  ASSERT_TRUE(imported.ok() && imported->size() == 1u);
  auto documents =
      DecodePlanDocumentList(json::parse(ImportedDocumentsToJson(*imported).dump()), "");
  ASSERT_TRUE(documents.ok()) << documents.status().ToString();
  PlanSaveRequest request{.documents = *documents, .unit_code = "66904", .actor = "test"};
  auto saved = SavePlans(*db_, request);
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  auto response = Get(As(Role::kViewer, "66"), ExportPath(saved->at(0).plan_id));
  ASSERT_EQ(response.status, 200) << response.body;
  auto zip = ZipArchive::Open(response.body, ZipLimits{});
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  auto document = (*zip)->Read("word/document.xml");
  ASSERT_TRUE(document.ok());
  // The body paragraph of section III, under its heading.
  EXPECT_NE(document->find("Các đơn vị triển khai theo phụ lục phân công nhiệm vụ kèm theo"),
            std::string::npos);
}

TEST_P(ExportRoutesTest, OutsideTheSubtreeOrUnknownIsNotFound) {
  EXPECT_EQ(Get(As(Role::kAdmin, "25"), ExportPath(plan_id_)).status, 404);
  EXPECT_EQ(Get(As(Role::kAdmin, "66"), ExportPath(plan_id_ + 1000)).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, ExportRoutesTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong::api
