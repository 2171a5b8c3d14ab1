// The unit administration routes: import, move and merge through the router on every backend
// as a province's administrator (subtree refusals, 422 naming the field, line-numbered problems
// with nothing stored, audit rows), and through the whole application for roles and CSRF.
#include <gtest/gtest.h>

#include "api/route.h"
#include "api/testing/api_harness.h"
#include "api/testing/route_dispatch.h"
#include "service/units/unit_import.h"
#include "store/testing/test_database.h"
#include "store/unit_store.h"

namespace lienthong::api {

void RegisterUnitRoutes(Router& router);

namespace {

using nlohmann::json;

class UnitAdminRoutesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenFreshTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    auto rows = ParseUnitCsv(
        "code,name,kind,parent_code\n66,Tỉnh Đắk Lắk,province,VN\n"
        "66001,Xã Ea Kar,commune,66\n66002,Xã Ea Kao,commune,66\n66002-T,Đoàn xã Ea Kao,other,66002\n"
        "25,Tỉnh Phú Thọ,province,VN\n25001,Xã Thanh Ba,commune,25\n",
        "u.csv");
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    ASSERT_TRUE(ImportUnits(*db_, *rows, "test").ok());
    RegisterUnitRoutes(router_);
  }

  // An administrator of province 66.
  Caller ProvinceAdmin() {
    auto unit = UnitStore(*db_).GetByCode("66");
    return Caller{.user_id = 1, .username = "tinh", .role = Role::kAdmin, .unit_id = unit->id,
                  .unit_code = "66", .unit_path = unit->path};
  }

  http::HttpResponse Call(const std::string& method, const std::string& path, const json& body) {
    http::HttpRequest request;
    request.method = method;
    request.path = path;
    request.target = path;
    request.body = body.dump();
    return Dispatch(request);
  }

  http::HttpResponse Upload(const std::string& csv) {
    http::HttpRequest request;
    request.method = "POST";
    request.path = request.target = "/api/v1/units/import";
    request.headers["content-type"] = "text/csv";
    request.headers["x-file-name"] = "don-vi.csv";
    request.body = csv;
    return Dispatch(request);
  }

  http::HttpResponse Dispatch(const http::HttpRequest& request) {
    bool matched = false;
    http::HttpResponse response = DispatchAs(router_, *db_, ProvinceAdmin(), request, &matched);
    EXPECT_TRUE(matched) << request.method << " " << request.path;
    return response;
  }

  std::optional<Unit> Find(const std::string& code) {
    auto unit = UnitStore(*db_).FindByCode(code);
    return unit.ok() ? *unit : std::nullopt;
  }

  int64_t AuditRows(const std::string& action) {
    auto rows = db_->Query(
        "SELECT COUNT(*) FROM audit_log WHERE action = ? AND entity = 'unit' AND actor = 'web:tinh'",
        {action});
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }

  std::unique_ptr<Database> db_;
  Router router_;
};

TEST_P(UnitAdminRoutesTest, ImportsIntoTheSubtreeWithAnAuditRowPerUnit) {
  auto imported = Upload(
      "code,name,kind,parent_code\n66003,Xã Cư Yang,commune,66\n"
      "66003-T,Đoàn xã Cư Yang,other,66003\n");
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(json::parse(imported.body)["created"], 2);
  ASSERT_TRUE(Find("66003-T"));
  EXPECT_EQ(Find("66003-T")->parent_code, "66003");
  EXPECT_EQ(AuditRows("create"), 2);
}

TEST_P(UnitAdminRoutesTest, ABadFileNamesEachLineAndStoresNothing) {
  auto refused = Upload(
      "code,name,kind,parent_code\n66004,Xã Mới,commune,66\n66005,Xã Sai,làng,66\n"
      "66006,Xã Ngoài,commune,25\n66007,Xã Gốc,commune,\n66001,Xã Trùng,commune,66\n");
  ASSERT_EQ(refused.status, 422) << refused.body;
  json body = json::parse(refused.body);
  EXPECT_EQ(body["error"]["field"], "file");
  json problems = body["problems"];
  ASSERT_EQ(problems.size(), 1u) << problems.dump();  // the reader stops before the database
  EXPECT_EQ(problems[0]["line"], 3);
  EXPECT_EQ(problems[0]["code"], "unknown_kind");
  EXPECT_EQ(problems[0]["params"]["kind"], "làng");

  refused = Upload(
      "code,name,kind,parent_code\n66004,Xã Mới,commune,66\n66006,Xã Ngoài,commune,25\n"
      "66007,Xã Gốc,commune,\n66001,Xã Trùng,commune,66\n");
  ASSERT_EQ(refused.status, 422) << refused.body;
  problems = json::parse(refused.body)["problems"];
  ASSERT_EQ(problems.size(), 3u) << problems.dump();
  std::map<int, std::string> by_line;
  for (const json& p : problems) by_line[p["line"].get<int>()] = p["code"];
  // A parent outside the subtree reads as unknown: its existence is not told.
  EXPECT_EQ(by_line[3], "unknown_parent");
  EXPECT_EQ(by_line[4], "parent_required");
  EXPECT_EQ(by_line[5], "code_exists");
  EXPECT_FALSE(Find("66004")) << "a refused file stored a unit";
  EXPECT_EQ(AuditRows("create"), 0);
}

TEST_P(UnitAdminRoutesTest, MovesInsideTheSubtreeOnly) {
  auto moved = Call("POST", "/api/v1/units/66002-T/move",
                    {{"parent_code", "66001"}, {"on", "2026-07-01"}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(json::parse(moved.body)["parent_code"], "66001");
  EXPECT_EQ(Find("66002-T")->parent_code, "66001");
  EXPECT_EQ(AuditRows("move"), 1);

  auto outside = Call("POST", "/api/v1/units/66001/move", {{"parent_code", "25"}});
  EXPECT_EQ(outside.status, 404) << outside.body;
  EXPECT_EQ(json::parse(outside.body)["error"]["field"], "parent_code");
  EXPECT_EQ(Call("POST", "/api/v1/units/25001/move", {{"parent_code", "66"}}).status, 404);
  auto root = Call("POST", "/api/v1/units/66/move", {{"parent_code", "66001"}});
  EXPECT_EQ(root.status, 409);
  EXPECT_EQ(json::parse(root.body)["error"]["reason"], "own_unit_move") << root.body;
  auto into_itself = Call("POST", "/api/v1/units/66001/move", {{"parent_code", "66002-T"}});
  EXPECT_EQ(into_itself.status, 409) << into_itself.body;
  for (const auto& [body, field] : {std::pair{json{{"on", "2026-07-01"}}, "parent_code"},
                                    {json{{"parent_code", "66002"}, {"on", "01/07/2026"}}, "on"}}) {
    auto invalid = Call("POST", "/api/v1/units/66001/move", body);
    EXPECT_EQ(invalid.status, 422) << invalid.body;
    EXPECT_EQ(json::parse(invalid.body)["error"]["field"], field);
  }
  EXPECT_EQ(Find("66001")->parent_code, "66");
  EXPECT_EQ(AuditRows("move"), 1) << "a refused move was audited";
}

TEST_P(UnitAdminRoutesTest, MergesEndTheUnitAndMoveItsChildren) {
  auto merged = Call("POST", "/api/v1/units/merge",
                     {{"units", {"66002"}}, {"into", "66001"}, {"on", "2026-07-01"}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  json body = json::parse(merged.body);
  EXPECT_EQ(body["into"]["code"], "66001");
  EXPECT_EQ(body["ended"][0]["valid_to"], "2026-07-01");
  EXPECT_EQ(body["ended"][0]["successor_code"], "66001");
  EXPECT_EQ(Find("66002-T")->parent_code, "66001");
  EXPECT_EQ(AuditRows("merge"), 1);
  EXPECT_EQ(AuditRows("move"), 1);  // the child that followed

  auto outside = Call("POST", "/api/v1/units/merge",
                      {{"units", {"66001"}}, {"into", "25"}, {"on", "2026-07-01"}});
  EXPECT_EQ(outside.status, 404);
  EXPECT_EQ(json::parse(outside.body)["error"]["field"], "into");
  auto foreign = Call("POST", "/api/v1/units/merge",
                      {{"units", {"25001"}}, {"into", "66001"}, {"on", "2026-07-01"}});
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(json::parse(foreign.body)["error"]["field"], "units");
  auto again = Call("POST", "/api/v1/units/merge",
                    {{"units", {"66002"}}, {"into", "66001"}, {"on", "2026-08-01"}});
  EXPECT_EQ(again.status, 409) << "an ended unit merged twice";
  auto no_date = Call("POST", "/api/v1/units/merge", {{"units", {"66001"}}, {"into", "66"}});
  EXPECT_EQ(no_date.status, 422);
  EXPECT_EQ(json::parse(no_date.body)["error"]["field"], "on");
  EXPECT_EQ(Call("POST", "/api/v1/units/merge", {{"units", json::array()}, {"into", "66"},
                                                 {"on", "2026-07-01"}}).status,
            422);
  EXPECT_EQ(AuditRows("merge"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, UnitAdminRoutesTest, ::testing::ValuesIn(TestBackends()));

// Through the application: only administrators, and only with the CSRF token.
TEST(UnitAdminRoutesApplication, NonAdministratorsAndMissingCsrfAreRefused) {
  auto harness = ApiHarness::Create();
  ASSERT_TRUE(harness.ok()) << harness.status().ToString();
  ApiHarness& h = **harness;
  std::string move = json{{"parent_code", "66002"}}.dump();
  std::string merge = json{{"units", {"66002"}}, {"into", "66001"}, {"on", "2026-07-01"}}.dump();
  for (const char* user : {"xa.a.viewer", "xa.a", "prov"}) {
    auto session = h.SignIn(user);
    ASSERT_TRUE(session.ok()) << user;
    EXPECT_EQ(h.Call("POST", "/api/v1/units/66001/move", move, &*session).status, 403) << user;
    EXPECT_EQ(h.Call("POST", "/api/v1/units/merge", merge, &*session).status, 403) << user;
    EXPECT_EQ(h.Call("POST", "/api/v1/units/import", "code,name,kind,parent_code\n", &*session,
                     "text/csv")
                  .status,
              403)
        << user;
  }
  auto root = h.SignIn("root");
  ASSERT_TRUE(root.ok());
  Session without_csrf = *root;
  without_csrf.csrf.clear();
  EXPECT_EQ(h.Call("POST", "/api/v1/units/66001/move", move, &without_csrf).status, 403);
  auto db_unit = UnitStore(h.db()).GetByCode("66001");
  ASSERT_TRUE(db_unit.ok());
  EXPECT_EQ(db_unit->parent_code, "66") << "a refused call moved the unit";
  auto moved = h.Call("POST", "/api/v1/units/66001/move", move, &*root);
  EXPECT_EQ(moved.status, 200) << moved.response.body;
  EXPECT_EQ(moved.json["parent_code"], "66002");
}

}  // namespace
}  // namespace lienthong::api
