// Plan routes: the two-step web import (the file held under an upload id between preview and
// save), reading a plan with its revision and task ids, and editing a draft without losing its
// tasks' state (issue 12 #3, issue 13 workflow 6).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "api/route.h"
#include "api/testing/route_dispatch.h"
#include "service/units/unit_import.h"
#include "store/plan_store.h"
#include "store/testing/test_database.h"
#include "store/unit_store.h"

namespace lienthong::api {

void RegisterPlanRoutes(Router& router);

namespace {

using nlohmann::json;

std::string ReadTestFile(const std::string& name) {
  std::ifstream in(std::string(LIENTHONG_TESTDATA) + "/import/text/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class PlanRoutesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenFreshTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    auto rows = ParseUnitCsv(
        "code,name,kind,parent_code\n66,Tỉnh Đắk Lắk,province,VN\n"
        "66904,Xã Hưng Thịnh,commune,66\n66905,Xã Đắk Liêng,commune,66\n",
        "units.csv");
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    ASSERT_TRUE(ImportUnits(*db_, *rows, "test").ok());
    RegisterPlanRoutes(router_);
    auto unit = UnitStore(*db_).GetByCode("66904");
    ASSERT_TRUE(unit.ok());
    caller_ = Caller{.user_id = 7, .username = "lan", .role = Role::kManager,
                     .unit_id = unit->id, .unit_code = unit->code, .unit_path = unit->path};
  }

  http::HttpResponse Send(const std::string& method, const std::string& path,
                          const std::string& body, const std::string& content_type,
                          const Caller& caller) {
    http::HttpRequest request;
    request.method = method;
    request.path = path;
    request.target = path;
    request.body = body;
    request.headers["content-type"] = content_type;
    bool matched = false;
    http::HttpResponse response = DispatchAs(router_, *db_, caller, request, &matched);
    EXPECT_TRUE(matched) << method << " " << path;
    return response;
  }
  http::HttpResponse Json(const std::string& method, const std::string& path, const json& body) {
    return Send(method, path, body.dump(), "application/json", caller_);
  }
  json Preview(const std::string& name, const std::string& bytes, const Caller& caller) {
    const std::string boundary = "xyzBOUNDARYxyz";
    std::string body = "--" + boundary +
                       "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
                       "\"\r\nContent-Type: text/plain\r\n\r\n" + bytes + "\r\n--" + boundary +
                       "--\r\n";
    auto response = Send("POST", "/api/v1/plans/import", body,
                         "multipart/form-data; boundary=" + boundary, caller);
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body, nullptr, false);
  }

  std::unique_ptr<Database> db_;
  Router router_;
  Caller caller_;
};

TEST_P(PlanRoutesTest, TheImportedFileIsHeldBetweenPreviewAndSaveAndKeptWithThePlan) {
  const std::string bytes = ReadTestFile("state_plan_table.txt");
  ASSERT_FALSE(bytes.empty());
  json preview = Preview("kh.txt", bytes, caller_);
  ASSERT_TRUE(preview["upload"]["id"].is_string());
  ASSERT_FALSE(preview["documents"].empty());
  EXPECT_EQ(preview["file"]["size"], bytes.size());

  json body = {{"unit", "66904"},
               {"document", preview["documents"][0]},
               {"upload_id", preview["upload"]["id"]}};
  auto saved = Json("POST", "/api/v1/plans", body);
  ASSERT_EQ(saved.status, 201) << saved.body;
  int64_t id = json::parse(saved.body)["id"];
  auto plan = PlanStore(*db_).GetPlan(id);
  ASSERT_TRUE(plan.ok() && plan->has_value());
  ASSERT_TRUE((*plan)->source_file_id.has_value());  // the web import keeps the original
  EXPECT_EQ(*PlanStore(*db_).SourceFileContent(*(*plan)->source_file_id), bytes);

  // The same file again is refused like `import --save`, unless allowed.
  auto again = Json("POST", "/api/v1/plans", body);
  EXPECT_EQ(again.status, 409) << again.body;
  // Its own code and the plan saved from it, so the page can link it and offer to save again.
  EXPECT_EQ(json::parse(again.body)["error"]["reason"], "duplicate_file") << again.body;
  EXPECT_EQ(json::parse(again.body)["error"]["params"]["plan"], std::to_string(id)) << again.body;
  body["allow_duplicate"] = true;
  EXPECT_EQ(Json("POST", "/api/v1/plans", body).status, 201);

  // Another user's upload id, or an unknown one, is not found.
  Caller other = caller_;
  other.user_id = 8;
  json theirs = Preview("kh.txt", bytes, other);
  body["upload_id"] = theirs["upload"]["id"];
  auto refused = Json("POST", "/api/v1/plans", body);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(json::parse(refused.body)["error"]["field"], "upload_id") << refused.body;

  // A manager of another commune saving the same file is refused too, but learns neither the
  // plans of the first commune nor who saved it.
  auto neighbour_unit = UnitStore(*db_).GetByCode("66905");
  ASSERT_TRUE(neighbour_unit.ok());
  Caller neighbour{.user_id = 9, .username = "binh", .role = Role::kManager,
                   .unit_id = neighbour_unit->id, .unit_code = "66905",
                   .unit_path = neighbour_unit->path};
  json theirs_preview = Preview("kh.txt", bytes, neighbour);
  json their_body = {{"unit", "66905"},
                     {"document", theirs_preview["documents"][0]},
                     {"upload_id", theirs_preview["upload"]["id"]}};
  auto hidden = Send("POST", "/api/v1/plans", their_body.dump(), "application/json", neighbour);
  EXPECT_EQ(hidden.status, 409) << hidden.body;
  json error = json::parse(hidden.body)["error"];
  EXPECT_EQ(error["reason"], "duplicate_file");
  EXPECT_EQ(error["params"]["plan"], "0");
  const std::string message = error["message"];
  EXPECT_EQ(message.find("web:lan"), std::string::npos) << message;
  EXPECT_NE(message.find("plan(s) none you can see"), std::string::npos) << message;
}

TEST_P(PlanRoutesTest, EditingADraftKeepsTaskIdsAndChecksTheRevision) {
  json document = {{"title", "Kế hoạch thử"},
                   {"tasks", {{{"text", "Việc một"}, {"lead", {"UBND xã"}}},
                              {{"text", "Việc hai"}, {"deadline", "Quý IV/2025"}}}}};
  auto saved = Json("POST", "/api/v1/plans", {{"unit", "66904"}, {"document", document}});
  ASSERT_EQ(saved.status, 201) << saved.body;
  const std::string path = "/api/v1/plans/" + std::to_string(json::parse(saved.body)["id"].get<int64_t>());
  json plan = json::parse(Send("GET", path, "", "", caller_).body);
  EXPECT_EQ(plan["revision"], 1);
  ASSERT_EQ(plan["tasks"].size(), 2u);
  EXPECT_EQ(plan["document"]["tasks"][1]["id"], plan["tasks"][1]["id"]);
  const int64_t kept = plan["tasks"][1]["id"];

  json edited = plan["document"];
  edited["number"] = "12/KH-UBND";
  edited["date"] = "2025-10-02";
  edited["tasks"].erase(0);
  edited["tasks"][0]["text"] = "Việc hai (sửa)";
  auto patched = Json("PATCH", path, {{"document", edited}, {"revision", 1}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  json after = json::parse(patched.body);
  EXPECT_EQ(after["revision"], 2);
  EXPECT_EQ(after["document"]["number"], "12/KH-UBND");
  ASSERT_EQ(after["tasks"].size(), 1u);
  EXPECT_EQ(after["tasks"][0]["id"], kept);
  EXPECT_EQ(after["tasks"][0]["text"], "Việc hai (sửa)");

  auto stale = Json("PATCH", path, {{"document", edited}, {"revision", 1}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(json::parse(stale.body)["error"]["reason"], "plan_changed_meanwhile");
  EXPECT_EQ(Json("PATCH", path, {{"document", edited}, {"revision", "x"}}).status, 422);
  EXPECT_EQ(Json("PATCH", path, {{"status", "published"}}).status, 200);
  auto published = Json("PATCH", path, {{"document", edited}});
  EXPECT_EQ(published.status, 409) << "published: not edited";
  // Why, as a code and parameters the page words in Vietnamese.
  EXPECT_EQ(json::parse(published.body)["error"]["reason"], "plan_not_draft");
  EXPECT_EQ(json::parse(published.body)["error"]["params"]["status"], "published");
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanRoutesTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong::api
