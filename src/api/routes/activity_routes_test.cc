// The activity, dashboard and search routes, called through the router without a server.
#include <gtest/gtest.h>

#include "api/route.h"
#include "api/testing/route_dispatch.h"
#include "service/activities/activity_log.h"
#include "service/units/unit_import.h"
#include "store/testing/test_database.h"
#include "store/unit_store.h"

namespace lienthong::api {

void RegisterActivityRoutes(Router& router);
void RegisterDashboardRoutes(Router& router);
void RegisterSearchRoutes(Router& router);

namespace {

using nlohmann::json;

class ActivityRoutesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenFreshTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    std::vector<UnitRow> rows = {
        {"t", NewUnit{"66", "Đắk Lắk", UnitKind::kProvince, "VN"}},
        {"t", NewUnit{"66001", "Xã Ea Kao", UnitKind::kCommune, "66"}},
        {"t", NewUnit{"66002", "Xã Hòa Phú", UnitKind::kCommune, "66"}},
        {"t", NewUnit{"25", "Phú Thọ", UnitKind::kProvince, "VN"}},
    };
    ASSERT_TRUE(ImportUnits(*db_, rows, "test").ok());
    RegisterActivityRoutes(router_);
    RegisterDashboardRoutes(router_);
    RegisterSearchRoutes(router_);
  }

  Caller As(Role role, const std::string& unit_code) {
    auto unit = UnitStore(*db_).GetByCode(unit_code);
    EXPECT_TRUE(unit.ok());
    return Caller{.user_id = 1, .username = "lan", .role = role, .unit_id = unit->id,
                  .unit_code = unit->code, .unit_path = unit->path};
  }

  http::HttpResponse Call(const Caller& caller, const std::string& method,
                          const std::string& path, const json& body = nullptr,
                          std::multimap<std::string, std::string> query = {}) {
    http::HttpRequest request;
    request.method = method;
    request.path = path;
    request.target = path;
    request.query = std::move(query);
    request.headers = {{"content-type", "application/json"}};
    if (!body.is_null()) request.body = body.dump();
    bool matched = false;
    http::HttpResponse response = DispatchAs(router_, *db_, caller, request, &matched);
    EXPECT_TRUE(matched) << method << " " << path;
    return response;
  }

  static json Activity(const std::string& unit, const std::string& title) {
    return {{"unit", unit},         {"date", "2025-03-14"},  {"kind", "post"},
            {"channel", "social"},  {"theme", "Chuyển đổi số"}, {"title", title},
            {"link", "https://www.facebook.com/xaeakao/posts/1"}, {"reach", 340}};
  }

  std::unique_ptr<Database> db_;
  Router router_;
};

TEST_P(ActivityRoutesTest, RecordsListsAndCountsInTheDocumentedShapes) {
  Caller specialist = As(Role::kSpecialist, "66");
  auto created = Call(specialist, "POST", "/api/v1/activities",
                      Activity("66001", "Ra mắt tổ công nghệ số cộng đồng"));
  ASSERT_EQ(created.status, 201) << created.body;
  json a = json::parse(created.body);
  for (const char* key : {"id", "unit", "unit_code", "date", "kind", "channel", "theme", "title",
                          "link", "reach", "created_by"}) {
    EXPECT_TRUE(a.contains(key)) << key;
  }
  EXPECT_EQ(a["unit_code"], "66001");
  EXPECT_EQ(a["created_by"], "web:lan");

  json batch = {{"activities", {Activity("66002", "Tin 1"), Activity("66", "Tin 2")}}};
  auto many = Call(specialist, "POST", "/api/v1/activities", batch);
  ASSERT_EQ(many.status, 201) << many.body;
  EXPECT_EQ(json::parse(many.body)["activities"].size(), 2u);
  EXPECT_EQ(db_->Query("SELECT COUNT(*) FROM audit_log WHERE entity = 'activity'")->at(0).Int(0),
            3);

  auto list = Call(As(Role::kViewer, "66"), "GET", "/api/v1/activities", nullptr,
                   {{"unit", "66"}, {"limit", "2"}});
  ASSERT_EQ(list.status, 200) << list.body;
  json l = json::parse(list.body);
  EXPECT_EQ(l["total"], 3);
  EXPECT_EQ(l["activities"].size(), 2u);
  auto filtered = Call(specialist, "GET", "/api/v1/activities", nullptr,
                       {{"unit", "66001"}, {"from", "2025-03-01"}, {"to", "2025-03-31"}});
  ASSERT_EQ(filtered.status, 200);
  EXPECT_EQ(json::parse(filtered.body)["total"], 1);

  auto options = Call(specialist, "GET", "/api/v1/activities/options", nullptr, {{"unit", "66"}});
  ASSERT_EQ(options.status, 200);
  json o = json::parse(options.body);
  EXPECT_EQ(o["kinds"].size(), 9u);
  EXPECT_TRUE(o["channels"][0].contains("label"));
  EXPECT_FALSE(o["themes"].empty());
}

TEST_P(ActivityRoutesTest, ChecksRoleScopeAndFields) {
  // A viewer may not write: 403. Another province's unit: 404, as if it did not exist.
  auto viewer = Call(As(Role::kViewer, "66"), "POST", "/api/v1/activities",
                     Activity("66001", "Tin"));
  EXPECT_EQ(viewer.status, 403) << viewer.body;
  auto sibling = Call(As(Role::kSpecialist, "66"), "POST", "/api/v1/activities",
                      Activity("25", "Tin"));
  EXPECT_EQ(sibling.status, 404) << sibling.body;
  auto read_sibling = Call(As(Role::kViewer, "66001"), "GET", "/api/v1/dashboard", nullptr,
                           {{"unit", "66"}});
  EXPECT_EQ(read_sibling.status, 404);
  // A bad field answers 422 naming it.
  json bad = Activity("66001", "Tin");
  bad["link"] = "javascript:alert(1)";
  auto invalid = Call(As(Role::kSpecialist, "66"), "POST", "/api/v1/activities", bad);
  EXPECT_EQ(invalid.status, 422) << invalid.body;
  EXPECT_EQ(json::parse(invalid.body)["error"]["field"], "link");
  json bad_batch = {{"activities", {Activity("66001", "Tin"), Activity("66001", "")}}};
  auto invalid_batch = Call(As(Role::kSpecialist, "66"), "POST", "/api/v1/activities", bad_batch);
  EXPECT_EQ(invalid_batch.status, 422);
  EXPECT_EQ(json::parse(invalid_batch.body)["error"]["field"], "activities[1].title");
  EXPECT_EQ(db_->Query("SELECT COUNT(*) FROM activities")->at(0).Int(0), 0);
}

TEST_P(ActivityRoutesTest, ARepeatedClientKeyAnswers409WithTheExistingId) {
  json body = Activity("66001", "Tin");
  body["client_key"] = "7f3a-1";
  Caller specialist = As(Role::kSpecialist, "66001");
  auto first = Call(specialist, "POST", "/api/v1/activities", body);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = Call(specialist, "POST", "/api/v1/activities", body);
  ASSERT_EQ(again.status, 409) << again.body;
  json error = json::parse(again.body)["error"];
  EXPECT_EQ(error["code"], "conflict");
  EXPECT_EQ(error["existing_id"], json::parse(first.body)["id"]);
}

TEST_P(ActivityRoutesTest, DashboardAndSearch) {
  Caller specialist = As(Role::kSpecialist, "66");
  ASSERT_EQ(Call(specialist, "POST", "/api/v1/activities",
                 Activity("66001", "Chuyển đổi số ở xã Ea Kao")).status, 201);
  ASSERT_EQ(Call(As(Role::kSpecialist, "25"), "POST", "/api/v1/activities",
                 Activity("25", "Chuyển đổi số ở Phú Thọ")).status, 201);
  auto dash = Call(As(Role::kViewer, "66"), "GET", "/api/v1/dashboard", nullptr,
                   {{"from", "2025-01-01"}, {"to", "2025-06-30"}});
  ASSERT_EQ(dash.status, 200) << dash.body;
  json d = json::parse(dash.body);
  EXPECT_EQ(d["unit"]["code"], "66");
  EXPECT_EQ(d["total"], 1);
  EXPECT_EQ(d["by_theme"][0]["key"], "Chuyển đổi số");
  EXPECT_EQ(d["by_channel"][0]["key"], "social");
  EXPECT_EQ(d["by_child"].size(), 2u);
  EXPECT_EQ(d["by_child"][0]["code"], "66001");
  EXPECT_EQ(d["by_month"].size(), 6u);
  EXPECT_EQ(d["by_month"][2]["month"], "2025-03");
  EXPECT_EQ(d["by_month"][2]["count"], 1);
  auto backwards = Call(specialist, "GET", "/api/v1/dashboard", nullptr,
                        {{"from", "2025-06-01"}, {"to", "2025-01-01"}});
  EXPECT_EQ(backwards.status, 422);

  auto search = Call(As(Role::kViewer, "66"), "GET", "/api/v1/search", nullptr,
                     {{"q", "chuyen doi so"}});
  ASSERT_EQ(search.status, 200) << search.body;
  json results = json::parse(search.body)["results"];
  ASSERT_EQ(results.size(), 1u);  // Phú Thọ's activity is outside the caller's subtree
  EXPECT_EQ(results[0]["type"], "activity");
  EXPECT_EQ(results[0]["unit_code"], "66001");
  auto root = Call(As(Role::kViewer, "VN"), "GET", "/api/v1/search", nullptr,
                   {{"q", "CHUYỂN ĐỔI SỐ"}});
  EXPECT_EQ(json::parse(root.body)["results"].size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ActivityRoutesTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong::api
