// The activity, dashboard and search routes, called through the router without a server.
#include <gtest/gtest.h>

#include "api/route.h"
#include "api/testing/route_dispatch.h"
#include "export/xlsx_writer.h"
#include "service/activities/activity_log.h"
#include "service/activities/dashboard.h"
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

  // A body sent as is: a file upload (multipart) or anything not JSON.
  http::HttpResponse Upload(const Caller& caller, const std::string& path, const std::string& body,
                            const std::string& content_type,
                            std::multimap<std::string, std::string> query = {}) {
    http::HttpRequest request;
    request.method = "POST";
    request.path = path;
    request.target = path;
    request.query = std::move(query);
    request.headers = {{"content-type", content_type}};
    request.body = body;
    bool matched = false;
    http::HttpResponse response = DispatchAs(router_, *db_, caller, request, &matched);
    EXPECT_TRUE(matched) << path;
    return response;
  }
  http::HttpResponse Import(const Caller& caller, const std::string& file_name,
                            const std::string& bytes,
                            std::multimap<std::string, std::string> query = {}) {
    std::string body = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
                       file_name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" +
                       bytes + "\r\n--B--\r\n";
    return Upload(caller, "/api/v1/activities/import", body, "multipart/form-data; boundary=B",
                  std::move(query));
  }
  Caller Named(Role role, const std::string& unit_code, const std::string& username) {
    Caller c = As(role, unit_code);
    c.username = username;
    return c;
  }
  // The pre-aggregate dashboard of `code` for 2025 equals the plain GROUP BY; returns it.
  Dashboard ExactDashboard(const std::string& code) {
    auto unit = UnitStore(*db_).GetByCode(code);
    EXPECT_TRUE(unit.ok());
    auto fast = BuildDashboard(*db_, *unit, {2025, 1, 1}, {2025, 12, 31});
    auto reference = BuildDashboardReference(*db_, *unit, {2025, 1, 1}, {2025, 12, 31});
    EXPECT_TRUE(fast.ok() && reference.ok());
    EXPECT_TRUE(*fast == *reference) << code;
    return *fast;
  }
  int64_t Count(const std::string& sql) {
    auto rows = db_->Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
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

TEST_P(ActivityRoutesTest, AuthorsEditAndDeleteTheirOwnAndTheDashboardsStayExact) {
  Caller lan = Named(Role::kSpecialist, "66001", "lan");
  auto created = Call(lan, "POST", "/api/v1/activities", Activity("66001", "Tin"));
  ASSERT_EQ(created.status, 201) << created.body;
  std::string path = "/api/v1/activities/" + std::to_string(json::parse(created.body)["id"].get<int64_t>());
  json change = {{"theme", "Cải cách hành chính"}, {"reach", 500}, {"date", "2025-04-02"}};
  EXPECT_EQ(Call(Named(Role::kSpecialist, "66001", "minh"), "PATCH", path, change).status, 403);
  EXPECT_EQ(Call(Named(Role::kViewer, "66", "xem"), "PATCH", path, change).status, 403);
  EXPECT_EQ(Call(As(Role::kManager, "66002"), "PATCH", path, change).status, 404);
  auto edited = Call(lan, "PATCH", path, change);
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(json::parse(edited.body)["theme"], "Cải cách hành chính");
  EXPECT_EQ(json::parse(edited.body)["title"], "Tin");
  EXPECT_TRUE(json::parse(edited.body)["can_edit"].get<bool>());
  Dashboard d = ExactDashboard("66");
  ASSERT_EQ(d.by_theme.size(), 1u);
  EXPECT_EQ(d.by_theme[0].key, "Cải cách hành chính");
  EXPECT_EQ(d.reach, 500);
  EXPECT_EQ(d.by_month[3].count, 1);  // April
  auto moved = Call(lan, "PATCH", path, json{{"unit", "66002"}});
  EXPECT_EQ(moved.status, 422);
  EXPECT_EQ(json::parse(moved.body)["error"]["field"], "unit");
  auto future = Call(lan, "PATCH", path, json{{"date", "2999-01-01"}});
  EXPECT_EQ(json::parse(future.body)["error"]["field"], "date");

  ASSERT_EQ(Call(As(Role::kManager, "66"), "DELETE", path).status, 204);
  EXPECT_EQ(Call(lan, "GET", path).status, 404);
  EXPECT_EQ(ExactDashboard("VN").total, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activity_rollup_cells"), 0);
  auto audit = db_->Query("SELECT before_json FROM audit_log WHERE entity = 'activity' AND "
                          "action = 'delete'");
  ASSERT_TRUE(audit.ok() && audit->size() == 1u);
  EXPECT_EQ(json::parse(audit->at(0).Text(0))["theme"], "Cải cách hành chính");
}

TEST_P(ActivityRoutesTest, ListsPageByPageWithFilters) {
  Caller lan = Named(Role::kSpecialist, "66001", "lan");
  for (const char* title : {"Một", "Hai", "Ba"}) {
    ASSERT_EQ(Call(lan, "POST", "/api/v1/activities", Activity("66001", title)).status, 201);
  }
  ASSERT_EQ(Call(Named(Role::kSpecialist, "66002", "an"), "POST", "/api/v1/activities",
                 Activity("66002", "Bốn")).status, 201);
  auto first = Call(lan, "GET", "/api/v1/activities", nullptr, {{"limit", "2"}});
  ASSERT_EQ(first.status, 200) << first.body;
  json page = json::parse(first.body);
  EXPECT_EQ(page["total"], 3);  // the caller's unit's subtree
  EXPECT_EQ(page["activities"].size(), 2u);
  EXPECT_EQ(page["next_offset"], 2);
  EXPECT_TRUE(page["activities"][0]["can_edit"].get<bool>());
  auto last = Call(lan, "GET", "/api/v1/activities", nullptr, {{"limit", "2"}, {"offset", "2"}});
  EXPECT_TRUE(json::parse(last.body)["next_offset"].is_null());
  auto province = Call(Named(Role::kSpecialist, "66", "lan"), "GET", "/api/v1/activities", nullptr,
                       {{"channel", "social"}, {"from", "2025-03-01"}, {"to", "2025-03-31"}});
  json all = json::parse(province.body);
  EXPECT_EQ(all["total"], 4);
  for (const json& a : all["activities"]) {
    EXPECT_EQ(a["can_edit"], a["unit_code"] == "66001") << a.dump();  // lan of 66 wrote none of 66002's
  }
  for (const char* bad : {"-1", "0", "501", "ten"}) {
    auto refused = Call(lan, "GET", "/api/v1/activities", nullptr, {{"limit", bad}});
    EXPECT_EQ(refused.status, 422) << bad;
  }
  auto search = Call(lan, "GET", "/api/v1/search", nullptr, {{"q", "Hai"}, {"limit", "-1"}});
  EXPECT_EQ(search.status, 422);  // issue 12 finding 14: limit=-1 is refused, not clamped
  EXPECT_EQ(json::parse(search.body)["error"]["field"], "limit");
}

TEST_P(ActivityRoutesTest, AbsurdReachAndInvisibleTitlesAreRefused) {
  Caller lan = Named(Role::kSpecialist, "66001", "lan");
  json huge = Activity("66001", "Tin");
  huge["reach"] = 9223372036854775807LL;  // issue 12 finding 5
  auto refused = Call(lan, "POST", "/api/v1/activities", huge);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(json::parse(refused.body)["error"]["field"], "reach");
  huge["reach"] = 18446744073709551615ULL;
  EXPECT_EQ(Call(lan, "POST", "/api/v1/activities", huge).status, 422);
  for (const char* title : {"   ", "\u200b\u200b", "\u202e\u2066 \u200d"}) {  // finding 14
    auto invisible = Call(lan, "POST", "/api/v1/activities", Activity("66001", title));
    EXPECT_EQ(invisible.status, 422) << title;
    EXPECT_EQ(json::parse(invisible.body)["error"]["field"], "title");
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 0);
}

TEST_P(ActivityRoutesTest, ImportsACsvAllOrNothingWithRowNumbers) {
  Caller lan = Named(Role::kSpecialist, "66001", "lan");
  std::string bad =
      "Ngày;Hình thức;Kênh;Tiêu đề;Chủ đề;Lượt tiếp cận\n"
      "14/03/2025;Bài viết;social;Tin một;Chuyển đổi số;1.200\n"
      "31/02/2025;post;social;Tin hai;;\n"
      "2025-03-15;thơ;social;Tin ba;;\n"
      "2025-03-16;post;social;\u200b;;abc\n";
  auto refused = Import(lan, "hoat-dong.csv", bad);
  ASSERT_EQ(refused.status, 422) << refused.body;
  json problems = json::parse(refused.body)["problems"];
  ASSERT_EQ(problems.size(), 3u) << problems.dump();
  EXPECT_EQ(problems[0]["row"], 3);
  EXPECT_EQ(problems[0]["column"], "date");
  EXPECT_EQ(problems[1]["row"], 4);
  EXPECT_EQ(problems[1]["column"], "kind");
  EXPECT_EQ(problems[2]["row"], 5);
  EXPECT_EQ(problems[2]["column"], "reach");
  // Coded for the page's wording (issue 13: no English in the Vietnamese UI).
  EXPECT_EQ(problems[0]["code"], "date_invalid");
  EXPECT_EQ(problems[0]["params"]["value"], "31/02/2025");
  EXPECT_EQ(problems[1]["code"], "kind_unknown");
  EXPECT_EQ(problems[1]["params"]["value"], "thơ");
  EXPECT_EQ(problems[2]["code"], "not_whole_number");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 0);

  std::string good =
      "date,kind,channel,title,theme,reach,unit\n"
      "2025-03-14,Bài viết,Mạng xã hội,Tin một,Chuyển đổi số,\"1.200\",\n"
      "15/3/2025,post,social,Tin hai,,,66002\n";
  auto dry = Import(lan, "a.csv", good, {{"dry_run", "1"}});
  ASSERT_EQ(dry.status, 422) << dry.body;  // 66002 is not lan's to write
  EXPECT_EQ(json::parse(dry.body)["problems"][0]["row"], 3);
  EXPECT_EQ(json::parse(dry.body)["problems"][0]["column"], "unit");
  EXPECT_EQ(json::parse(dry.body)["problems"][0]["code"], "unit_unknown");
  good.replace(good.find("66002"), 5, "66001");
  dry = Import(lan, "a.csv", good, {{"dry_run", "1"}});
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(json::parse(dry.body)["rows"], 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 0);
  auto imported = Import(lan, "a.csv", good);
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(json::parse(imported.body)["imported"], 2);
  Dashboard d = ExactDashboard("66001");
  EXPECT_EQ(d.total, 2);
  EXPECT_EQ(d.reach, 1200);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity = 'activity'"), 2);
}

TEST_P(ActivityRoutesTest, ImportsAnXlsxSheetWithDateCells) {
  XlsxSheet sheet;
  sheet.headers = {"Ngày", "Loại", "Kênh", "Tiêu đề", "Lượt tiếp cận"};
  sheet.rows = {{XlsxCell::Date("2025-03-14"), XlsxCell::Text("post"), XlsxCell::Text("social"),
                 XlsxCell::Text("Tin từ bảng tính"), XlsxCell::Integer(250)},
                {XlsxCell::Date("2025-05-02"), XlsxCell::Text("Hội nghị"),
                 XlsxCell::Text("conference"), XlsxCell::Text("Hội nghị quán triệt"),
                 XlsxCell::Empty()}};
  auto bytes = WriteXlsx({sheet});
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto imported = Import(Named(Role::kSpecialist, "66001", "lan"), "hoat-dong.xlsx", *bytes);
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(json::parse(imported.body)["imported"], 2);
  Dashboard d = ExactDashboard("66001");
  EXPECT_EQ(d.total, 2);
  EXPECT_EQ(d.reach, 250);
  EXPECT_EQ(d.by_month[2].count, 1);  // March
  EXPECT_EQ(d.by_month[4].count, 1);  // May
  auto legacy = Import(Named(Role::kSpecialist, "66001", "lan"), "cu.xls",
                       std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
  EXPECT_EQ(legacy.status, 415);
}

INSTANTIATE_TEST_SUITE_P(Backends, ActivityRoutesTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong::api
