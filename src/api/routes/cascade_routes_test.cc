// The cascade routes, called through the router without a server.
#include <gtest/gtest.h>

#include "api/route.h"
#include "api/testing/route_dispatch.h"
#include "testing/cascade_test_fixture.h"
#include "store/unit_store.h"

namespace lienthong::api {

void RegisterCascadeRoutes(Router& router);

namespace {

using nlohmann::json;
using namespace lienthong::testing_cascade;

class CascadeRoutesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenCascadeTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    auto id = SaveDocument(*db_, "66-UBND", ProvincialPlan());
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    parent_ = *id;
    RegisterCascadeRoutes(router_);
  }

  Caller As(Role role, const std::string& unit_code) {
    auto unit = UnitStore(*db_).GetByCode(unit_code);
    EXPECT_TRUE(unit.ok());
    return Caller{.user_id = 1, .username = "lan", .role = role, .unit_id = unit->id,
                  .unit_code = unit->code, .unit_path = unit->path};
  }

  http::HttpResponse Call(const Caller& caller, const std::string& method,
                          const std::string& path, std::string body = "",
                          std::multimap<std::string, std::string> query = {}) {
    http::HttpRequest request;
    request.method = method;
    request.path = path;
    request.target = path;
    request.query = std::move(query);
    request.body = std::move(body);
    bool matched = false;
    http::HttpResponse response = DispatchAs(router_, *db_, caller, request, &matched);
    EXPECT_TRUE(matched) << method << " " << path;
    return response;
  }
  std::string PlanPath(const std::string& tail) {
    return "/api/v1/plans/" + std::to_string(parent_) + tail;
  }

  std::unique_ptr<Database> db_;
  Router router_;
  int64_t parent_ = 0;
};

TEST_P(CascadeRoutesTest, DeriveCreatesADraftForAUnitTheCallerMayWrite) {
  auto r = Call(As(Role::kSpecialist, "66"), "POST", PlanPath("/derive"),
                R"({"unit": "66904-UBND"})");
  ASSERT_EQ(r.status, 201) << r.body;
  json body = json::parse(r.body);
  EXPECT_EQ(body["unit_code"], "66904-UBND");
  EXPECT_EQ(body["implements_plan_id"], parent_);
  EXPECT_EQ(body["tasks_copied"], 2);
  EXPECT_EQ(body["document"]["issuer"], "Ủy ban nhân dân xã Ea Kar");
  EXPECT_EQ(Count(*db_, "SELECT COUNT(*) FROM audit_log WHERE action = 'derive' AND actor = ?",
                  {std::string("web:lan")}),
            1);
  // Twice: 409, saying why.
  auto twice =
      Call(As(Role::kSpecialist, "66"), "POST", PlanPath("/derive"), R"({"unit": "66904-UBND"})");
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(json::parse(twice.body)["error"]["reason"], "plan_already_implemented") << twice.body;
}

TEST_P(CascadeRoutesTest, DeriveIsRefusedToViewersAndOutsideTheSubtree) {
  EXPECT_EQ(Call(As(Role::kViewer, "66"), "POST", PlanPath("/derive"),
                 R"({"unit": "66904-UBND"})").status,
            403);
  // A user of the plan's own unit reads the plan but may not write for a commune: 404.
  EXPECT_EQ(Call(As(Role::kSpecialist, "66-UBND"), "POST", PlanPath("/derive"),
                 R"({"unit": "66905-UBND"})").status,
            404);
  // A commune user does not reach the province's plan (api/authorize.h: reads are limited to
  // the caller's subtree), so it cannot derive from it either.
  EXPECT_EQ(Call(As(Role::kSpecialist, "66904"), "POST", PlanPath("/derive"),
                 R"({"unit": "66904-UBND"})").status,
            404);
  // Phú Thọ cannot even read Đắk Lắk's plan.
  EXPECT_EQ(Call(As(Role::kManager, "25"), "POST", PlanPath("/derive"),
                 R"({"unit": "25904-UBND"})").status,
            404);
  auto bad = Call(As(Role::kSpecialist, "66"), "POST", PlanPath("/derive"), R"({"unit": 5})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Count(*db_, "SELECT COUNT(*) FROM plans"), 1);
}

TEST_P(CascadeRoutesTest, CoverageListsOnlyTheCallersSubtree) {
  auto all = Call(As(Role::kViewer, "66"), "GET", PlanPath("/coverage"));
  ASSERT_EQ(all.status, 200) << all.body;
  json body = json::parse(all.body);
  EXPECT_EQ(body["summary"]["required"], 7);
  for (const char* key : {"plan", "themes", "tasks", "units", "summary"})
    EXPECT_TRUE(body.contains(key)) << key;
  const json& unit = body["units"][0];
  for (const char* key : {"code", "name", "kind", "required_by", "plan", "late", "themes", "tasks"})
    EXPECT_TRUE(unit.contains(key)) << key;

  // A user of the plan's own unit reads the plan but sees only the units under that unit.
  auto own = Call(As(Role::kViewer, "66-UBND"), "GET", PlanPath("/coverage"));
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(json::parse(own.body)["summary"]["required"], 0);
  // Outside the plan's subtree the plan is not found.
  EXPECT_EQ(Call(As(Role::kViewer, "66904"), "GET", PlanPath("/coverage")).status, 404);
  EXPECT_EQ(Call(As(Role::kViewer, "25"), "GET", PlanPath("/coverage")).status, 404);
  EXPECT_EQ(Call(As(Role::kViewer, "66"), "GET", PlanPath("/coverage"), "",
                 {{"default_days", "soon"}}).status,
            422);
}

TEST_P(CascadeRoutesTest, LevelWordsAreReadByAnyoneAndEditedByAdmins) {
  auto list = Call(As(Role::kViewer, "66904"), "GET", "/api/v1/level-words", "",
                   {{"kind", "ward"}});
  ASSERT_EQ(list.status, 200) << list.body;
  json entries = json::parse(list.body)["entries"];
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0]["to_level"], "commune");
  EXPECT_EQ(Call(As(Role::kViewer, "66"), "GET", "/api/v1/level-words", "", {{"kind", "x"}}).status,
            422);

  const std::string edit =
      R"({"from_level": "province", "to_level": "commune",
          "entries": [{"from_text": "trên địa bàn {from}", "to_text": "tại {to}"}]})";
  EXPECT_EQ(Call(As(Role::kManager, "66"), "PUT", "/api/v1/level-words", edit).status, 403);
  auto put = Call(As(Role::kAdmin, "66"), "PUT", "/api/v1/level-words", edit);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(json::parse(put.body)["entries"].size(), 1u);
  EXPECT_EQ(Count(*db_, "SELECT COUNT(*) FROM audit_log WHERE entity = 'level_words'"), 1);
  // The edit takes effect on the next derivation.
  auto r = Call(As(Role::kAdmin, "66"), "POST", PlanPath("/derive"), R"({"unit": "66904-DU"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json::parse(r.body)["document"]["title"],
            "Tuyên truyền chuyển đổi số tại xã Ea Kar năm 2025");
}

INSTANTIATE_TEST_SUITE_P(Backends, CascadeRoutesTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong::api
