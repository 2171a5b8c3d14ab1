// The report and roll-up routes, called through the router without a server.
#include <gtest/gtest.h>

#include "api/route.h"
#include "api/testing/route_dispatch.h"
#include "testing/report_test_fixture.h"

namespace lienthong::api {

void RegisterReportRoutes(Router& router);
void RegisterRollupRoutes(Router& router);

namespace {

using nlohmann::json;

class ReportRoutesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    Status s = f_.SetUp(GetParam());
    ASSERT_TRUE(s.ok()) << s.ToString();
    RegisterReportRoutes(router_);
    RegisterRollupRoutes(router_);
  }
  Caller As(Role role, const std::string& unit_code) {
    auto unit = UnitStore(*f_.db).GetByCode(unit_code);
    EXPECT_TRUE(unit.ok());
    return Caller{.user_id = 1, .username = "lan", .role = role, .unit_id = unit->id,
                  .unit_code = unit->code, .unit_path = unit->path};
  }
  http::HttpResponse Call(const Caller& caller, const std::string& method,
                          const std::string& path, const json& body = nullptr,
                          std::multimap<std::string, std::string> query = {}) {
    http::HttpRequest request;
    request.method = method;
    request.path = request.target = path;
    request.query = std::move(query);
    if (!body.is_null()) request.body = body.dump();
    bool matched = false;
    http::HttpResponse response = DispatchAs(router_, *f_.db, caller, request, &matched);
    EXPECT_TRUE(matched) << method << " " << path;
    return response;
  }
  testing_reports::ReportFixture f_;
  Router router_;
};

TEST_P(ReportRoutesTest, DraftSubmitReturnAndAcceptWithPermissions) {
  json draft = {{"plan", f_.plan_id}, {"unit", "66001"}, {"period", "2025-Q4"},
                {"values", {{{"code", "so_bai"}, {"value", 12}},
                            {{"code", "quan_triet"}, {"value", true}},
                            {{"code", "ty_le_hoc_tap"}, {"not_applicable", true}},
                            {{"code", "ghi_chu"}, {"value", "Tốt"}}}},
                {"narrative", {{"highlights", "Kết quả nổi bật"}}}};
  // A viewer may not write; a sibling province cannot even see the unit.
  EXPECT_EQ(Call(As(Role::kViewer, "66001"), "POST", "/api/v1/reports", draft).status, 403);
  EXPECT_EQ(Call(As(Role::kSpecialist, "25"), "POST", "/api/v1/reports", draft).status, 404);
  auto created = Call(As(Role::kSpecialist, "66001"), "POST", "/api/v1/reports", draft);
  ASSERT_EQ(created.status, 201) << created.body;
  json report = json::parse(created.body);
  EXPECT_EQ(report["status"], "draft");
  EXPECT_EQ(report["period"]["label"], "Quý IV/2025");
  EXPECT_EQ(report["narrative"]["highlights"], "Kết quả nổi bật");
  EXPECT_TRUE(report["activity_counts"].is_array());
  std::string id = std::to_string(report["id"].get<int64_t>());

  auto bad = Call(As(Role::kSpecialist, "66001"), "POST", "/api/v1/reports",
                  {{"slot_id", report["slot_id"]}, {"values", {{{"code", "so_bai"}, {"value", "x"}}}}});
  // Field validation answers 422 naming the field, as every route does.
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(json::parse(bad.body)["error"]["field"], "values[0].value");

  ASSERT_EQ(Call(As(Role::kSpecialist, "66001"), "POST", "/api/v1/reports/" + id + "/submit").status, 200);
  // The unit's own manager may not review; a manager above may. Return needs a comment.
  EXPECT_EQ(Call(As(Role::kManager, "66001"), "POST", "/api/v1/reports/" + id + "/accept").status, 403);
  EXPECT_EQ(Call(As(Role::kSpecialist, "66"), "POST", "/api/v1/reports/" + id + "/accept").status, 403);
  EXPECT_EQ(Call(As(Role::kManager, "66"), "POST", "/api/v1/reports/" + id + "/return",
                 json{{"comment", " "}}).status, 422);
  auto returned = Call(As(Role::kManager, "66"), "POST", "/api/v1/reports/" + id + "/return",
                       json{{"comment", "Bổ sung số liệu"}});
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(json::parse(returned.body)["review_comment"], "Bổ sung số liệu");

  // A new version, submitted and accepted; the history keeps both.
  auto v2 = Call(As(Role::kSpecialist, "66001"), "POST", "/api/v1/reports", draft);
  ASSERT_EQ(v2.status, 201);
  std::string id2 = std::to_string(json::parse(v2.body)["id"].get<int64_t>());
  EXPECT_NE(id2, id);
  ASSERT_EQ(Call(As(Role::kSpecialist, "66001"), "POST", "/api/v1/reports/" + id2 + "/submit").status, 200);
  ASSERT_EQ(Call(As(Role::kManager, "VN"), "POST", "/api/v1/reports/" + id2 + "/accept").status, 200);
  auto got = Call(As(Role::kViewer, "66"), "GET", "/api/v1/reports/" + id2);
  ASSERT_EQ(got.status, 200);
  json full = json::parse(got.body);
  EXPECT_EQ(full["status"], "accepted");
  ASSERT_EQ(full["versions"].size(), 2u);
  EXPECT_EQ(full["versions"][0]["status"], "returned");
  EXPECT_EQ(full["versions"][1]["counted"], true);
  EXPECT_EQ(Call(As(Role::kViewer, "25"), "GET", "/api/v1/reports/" + id2).status, 404);

  auto list = Call(As(Role::kViewer, "66"), "GET", "/api/v1/reports", nullptr,
                   {{"plan", std::to_string(f_.plan_id)}, {"period", "2025-Q4"}});
  ASSERT_EQ(list.status, 200);
  json slots = json::parse(list.body)["slots"];
  ASSERT_EQ(slots.size(), 4u);  // 66, 66001, 66002, 66003
  EXPECT_EQ(slots[1]["unit"]["code"], "66001");
  EXPECT_EQ(slots[1]["status"], "accepted");
  EXPECT_EQ(slots[1]["received"], true);

  auto rates = Call(As(Role::kViewer, "66"), "GET", "/api/v1/reporting-rates", nullptr,
                    {{"plan", std::to_string(f_.plan_id)}, {"period", "2025-Q4"}});
  ASSERT_EQ(rates.status, 200) << rates.body;
  EXPECT_EQ(json::parse(rates.body)["rates"]["expected"], 4);
  EXPECT_EQ(json::parse(rates.body)["rates"]["received"], 1);

  auto audit = f_.db->Query("SELECT action FROM audit_log WHERE entity = 'report' ORDER BY id");
  ASSERT_TRUE(audit.ok());
  std::vector<std::string> actions;
  for (const auto& r : *audit) actions.push_back(r.Text(0));
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "submit", "return", "create", "submit",
                                               "accept"}));
}

TEST_P(ReportRoutesTest, IndicatorsDutiesRollupAndExports) {
  auto plan = "/api/v1/plans/" + std::to_string(f_.plan_id);
  auto indicators = Call(As(Role::kViewer, "VN"), "GET", plan + "/indicators");
  ASSERT_EQ(indicators.status, 200);
  EXPECT_EQ(json::parse(indicators.body)["indicators"].size(), 6u);
  // A unit that reports to the plan may read its indicators; one that does not, cannot.
  EXPECT_EQ(Call(As(Role::kViewer, "66001"), "GET", plan + "/indicators").status, 200);
  EXPECT_EQ(Call(As(Role::kViewer, "66-TU"), "GET", plan + "/indicators").status, 404);
  EXPECT_EQ(Call(As(Role::kSpecialist, "66"), "POST", plan + "/indicators",
                 {{"indicators", json::array()}}).status, 404);
  // A plan's reporting rules are its manager's (issue 12 #11): a specialist of the plan's own
  // unit may not declare indicators or duties.
  EXPECT_EQ(Call(As(Role::kSpecialist, "VN"), "POST", plan + "/indicators",
                 {{"indicators", json::array()}}).status, 403);
  EXPECT_EQ(Call(As(Role::kSpecialist, "VN"), "POST", plan + "/reporting-duties",
                 {{"frequency", "yearly"}, {"year", 2025}}).status, 403);
  auto bad = Call(As(Role::kManager, "VN"), "POST", plan + "/indicators",
                  {{"indicators", {{{"code", "a"}, {"name", "A"}, {"aggregation", "weighted_mean"}}}}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(json::parse(bad.body)["error"]["field"], "indicators[0].weight_code");

  auto duty = Call(As(Role::kManager, "VN"), "POST", plan + "/reporting-duties",
                   {{"frequency", "ad_hoc"}, {"deadline", "2025-11-30"},
                    {"period_first", "2025-10-01"}, {"offset_days", {{"commune", -5}}},
                    {"assignees", {"66001", "25001"}}});
  ASSERT_EQ(duty.status, 201) << duty.body;
  EXPECT_EQ(json::parse(duty.body)["slots_created"], 2);
  EXPECT_EQ(json::parse(duty.body)["periods"][0], "2025-10-01..2025-11-30");
  auto listed = Call(As(Role::kViewer, "66001"), "GET", "/api/v1/reports", nullptr,
                     {{"period", "2025-10-01..2025-11-30"}});
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(json::parse(listed.body)["slots"][0]["due"], "2025-11-25");

  ASSERT_TRUE(f_.Report("66001", "2025-Q4", 10, 20, 50, true, 3).ok());
  std::multimap<std::string, std::string> q = {{"plan", std::to_string(f_.plan_id)},
                                               {"unit", "66"}, {"period", "2025-Q4"}};
  auto rollup = Call(As(Role::kViewer, "66"), "GET", "/api/v1/rollup", nullptr, q);
  ASSERT_EQ(rollup.status, 200) << rollup.body;
  json r = json::parse(rollup.body);
  EXPECT_EQ(r["source"], "pre_aggregated");
  EXPECT_EQ(r["indicators"][0]["value"], 10.0);
  auto raw_q = q;
  raw_q.emplace("source", "raw");
  json raw = json::parse(Call(As(Role::kViewer, "66"), "GET", "/api/v1/rollup", nullptr, raw_q).body);
  EXPECT_EQ(raw["source"], "raw_query");
  EXPECT_EQ(raw["indicators"], r["indicators"]);
  EXPECT_EQ(Call(As(Role::kViewer, "25"), "GET", "/api/v1/rollup", nullptr, q).status, 404);
  auto explain_q = q;
  explain_q.emplace("indicator", "so_bai");
  EXPECT_EQ(Call(As(Role::kViewer, "66"), "GET", "/api/v1/rollup/explain", nullptr, explain_q).status, 200);

  auto xlsx = Call(As(Role::kViewer, "66"), "GET", "/api/v1/rollup/export.xlsx", nullptr, q);
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  auto slot = f_.SlotId("66001", "2025-Q4");
  auto report_id = f_.db->Query("SELECT current_report_id FROM report_slots WHERE id = ?", {*slot});
  auto docx = Call(As(Role::kViewer, "66001"), "GET",
                   "/api/v1/reports/" + std::to_string(report_id->at(0).Int(0)) + "/export.docx");
  ASSERT_EQ(docx.status, 200) << docx.body;
  EXPECT_EQ(docx.body.substr(0, 2), "PK");
}

// Issue 13, workflow 1: a commune lists the reports it owes, opens one as a form, and after a
// return sees the province's comment on its slot.
TEST_P(ReportRoutesTest, CommuneListsWhatItOwesOpensASlotAndSeesAReturn) {
  auto owed = Call(As(Role::kSpecialist, "66001"), "GET", "/api/v1/reports", nullptr,
                   {{"scope", "unit"}, {"status", "missing,draft,returned"}});
  ASSERT_EQ(owed.status, 200) << owed.body;
  json slots = json::parse(owed.body)["slots"];
  ASSERT_EQ(slots.size(), 4u);  // Q1–Q4 2025, nothing filed yet
  for (const auto& s : slots) {
    EXPECT_EQ(s["unit"]["code"], "66001");
    EXPECT_EQ(s["status"], "missing");
    EXPECT_TRUE(s["days_left"].is_number_integer());
    EXPECT_EQ(s["review_comment"], "");
  }
  EXPECT_EQ(slots[3]["period"]["label"], "Quý IV/2025");
  EXPECT_EQ(slots[3]["due"], "2025-12-16");  // 14/12 (NĐ 09 cut-off) + 2 days for communes
  // The subtree (default) of the province holds its communes' slots too; bad filters answer 422.
  json province = json::parse(Call(As(Role::kViewer, "66"), "GET", "/api/v1/reports", nullptr,
                                   {{"period", "2025-Q4"}}).body)["slots"];
  EXPECT_EQ(province.size(), 4u);  // 66, 66001–66003
  auto bad_scope = Call(As(Role::kViewer, "66"), "GET", "/api/v1/reports", nullptr,
                        {{"scope", "all"}});
  EXPECT_EQ(bad_scope.status, 422);
  EXPECT_EQ(json::parse(bad_scope.body)["error"]["field"], "scope");
  auto bad_status = Call(As(Role::kViewer, "66"), "GET", "/api/v1/reports", nullptr,
                         {{"status", "late"}});
  EXPECT_EQ(json::parse(bad_status.body)["error"]["field"], "status");

  std::string slot = "/api/v1/report-slots/" + std::to_string(slots[3]["slot_id"].get<int64_t>());
  auto form = Call(As(Role::kSpecialist, "66001"), "GET", slot);
  ASSERT_EQ(form.status, 200) << form.body;
  json f = json::parse(form.body);
  EXPECT_EQ(f["slot"]["status"], "missing");
  EXPECT_EQ(f["indicators"].size(), 6u);
  EXPECT_EQ(f["indicators"][0]["aggregation_label"], "Tổng");
  EXPECT_TRUE(f["activity_counts"].is_array());
  EXPECT_TRUE(f["report"].is_null());
  EXPECT_EQ(Call(As(Role::kSpecialist, "25001"), "GET", slot).status, 404);

  auto created = Call(As(Role::kSpecialist, "66001"), "POST", "/api/v1/reports",
                      {{"slot_id", slots[3]["slot_id"]},
                       {"values", {{{"code", "so_bai"}, {"value", 4}}}}});
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id = std::to_string(json::parse(created.body)["id"].get<int64_t>());
  ASSERT_EQ(Call(As(Role::kSpecialist, "66001"), "POST", "/api/v1/reports/" + id + "/submit").status, 200);
  ASSERT_EQ(Call(As(Role::kManager, "66"), "POST", "/api/v1/reports/" + id + "/return",
                 {{"comment", "Bổ sung số liệu"}}).status, 200);

  json returned = json::parse(Call(As(Role::kSpecialist, "66001"), "GET", "/api/v1/reports",
                                   nullptr, {{"scope", "unit"}, {"status", "returned"}}).body)["slots"];
  ASSERT_EQ(returned.size(), 1u);
  EXPECT_EQ(returned[0]["review_comment"], "Bổ sung số liệu");
  json reopened = json::parse(Call(As(Role::kSpecialist, "66001"), "GET", slot).body);
  EXPECT_EQ(reopened["report"]["status"], "returned");
  EXPECT_EQ(reopened["report"]["values"][0]["value"], 4.0);
}

// Issue 12 #4: another unit's draft plan, asked for with one's own unit, answers exactly as a plan
// that does not exist — no indicator names, goals or unit labels, and no hint that the id exists.
TEST_P(ReportRoutesTest, RollupOfAPlanOutOfReachIsNotFound) {
  auto other = testing_reports::MakePlan(*f_.db, "25");
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(DeclareIndicators(*f_.db, *other, testing_reports::TestIndicators(), "test").ok());
  for (const char* path : {"/api/v1/rollup", "/api/v1/rollup/explain",
                           "/api/v1/rollup/export.xlsx", "/api/v1/reporting-rates"}) {
    for (int64_t plan : {*other, *other + 1000}) {
      std::multimap<std::string, std::string> q = {{"plan", std::to_string(plan)},
                                                   {"unit", "66"}, {"period", "2025-Q4"},
                                                   {"indicator", "so_bai"}};
      auto answer = Call(As(Role::kManager, "66"), "GET", path, nullptr, q);
      EXPECT_EQ(answer.status, 404) << path << " " << answer.body;
      EXPECT_EQ(answer.body.find("Số tin"), std::string::npos) << answer.body;
      EXPECT_EQ(json::parse(answer.body)["error"]["message"], "plan " + std::to_string(plan));
    }
  }
  EXPECT_EQ(Call(As(Role::kManager, "66"), "GET",
                 "/api/v1/plans/" + std::to_string(*other) + "/indicators").status, 404);
  // The plan's own unit still reads it.
  std::multimap<std::string, std::string> own = {{"plan", std::to_string(*other)},
                                                 {"unit", "25"}, {"period", "2025-Q4"}};
  EXPECT_EQ(Call(As(Role::kViewer, "25"), "GET", "/api/v1/rollup", nullptr, own).status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportRoutesTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong::api
