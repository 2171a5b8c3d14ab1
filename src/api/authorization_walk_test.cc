// The authorisation walk the issue asks for: every route in the OpenAPI document, called by a
// user of a sibling unit with the ids and codes of another unit's objects, must answer 403 or
// 404 — or, for routes that only ever answer about the caller's own units, an answer that holds
// none of the other unit's data.
#include <gtest/gtest.h>

#include "api/testing/api_harness.h"

namespace lienthong::api {
namespace {

using nlohmann::json;

constexpr const char* kPlanMarker = "Kế hoạch riêng của xã Hòa Phú số 7";
constexpr const char* kActivityMarker = "Tin bài riêng của xã Hòa Phú số 7";

std::string Fill(std::string path, const std::map<std::string, std::string>& ids) {
  for (size_t open; (open = path.find('{')) != std::string::npos;) {
    size_t close = path.find('}', open);
    std::string before = path.substr(0, open);
    // The collection a parameter belongs to names the object: /plans/{id} → the plan's id.
    std::string value = "1";
    for (auto& [collection, id] : ids) {
      if (before.size() >= collection.size() + 1 &&
          before.compare(before.size() - collection.size() - 1, collection.size() + 1,
                         collection + "/") == 0) {
        value = id;
      }
    }
    if (path.substr(open, close - open + 1) == "{code}") value = "66001";
    path.replace(open, close - open + 1, value);
  }
  return path;
}

TEST(ApiAuthorization, NoRouteLetsASiblingUnitReachAnotherUnitsData) {
  auto harness = ApiHarness::Create();
  ASSERT_TRUE(harness.ok()) << harness.status().ToString();
  ApiHarness& h = **harness;
  auto a = h.SignIn("xa.a");
  auto b = h.SignIn("xa.b");
  ASSERT_TRUE(a.ok() && b.ok());

  json document = {{"doc_type", "Kế hoạch"},
                   {"number", "07/KH-UBND"},
                   {"title", kPlanMarker},
                   {"legal_bases", json::array()},
                   {"tasks", json::array({{{"text", "Tuyên truyền chuyển đổi số"},
                                           {"lead", {"UBND xã"}},
                                           {"deadline", "Quý IV/2025"}}})}};
  ApiCall saved = h.Call("POST", "/api/v1/plans",
                         json{{"unit", "66001"}, {"document", document}}.dump(), &*a);
  ASSERT_EQ(saved.status, 201) << saved.response.body;
  std::map<std::string, std::string> ids;
  ids["/plans"] = std::to_string(saved.json["id"].get<int64_t>());
  auto task = h.db().Query("SELECT id FROM tasks WHERE plan_id = ?",
                           {saved.json["id"].get<int64_t>()});
  ASSERT_TRUE(task.ok() && !task->empty());
  ids["/tasks"] = std::to_string((*task)[0].Int(0));
  ApiCall activity = h.Call("POST", "/api/v1/activities",
                            json{{"unit", "66001"},
                                 {"date", "2025-10-01"},
                                 {"kind", "article"},
                                 {"channel", "website"},
                                 {"theme", "Chuyển đổi số"},
                                 {"title", kActivityMarker},
                                 {"link", "https://example.org/a"},
                                 {"reach", 10}}
                                .dump(),
                            &*a);
  if (activity.status == 201 && activity.json.contains("id")) {
    ids["/activities"] = std::to_string(activity.json["id"].get<int64_t>());
  }

  ApiCall doc = h.Call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  int walked = 0;
  for (auto& [path, methods] : doc.json["paths"].items()) {
    for (auto& [method, op] : methods.items()) {
      if (!op.contains("security")) continue;  // public routes
      if (path == "/api/v1/session") continue;  // the caller's own session
      if (path.rfind("/api/v1/account/", 0) == 0) continue;  // the caller's own account
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      std::string target = Fill(path, ids) + "?unit=66001&root=66001&plan=" + ids["/plans"] +
                           "&q=" + "ho%C3%A0+ph%C3%BA";
      json body = {{"unit", "66001"}, {"plan", std::stoll(ids["/plans"])}, {"status", "done"}};
      ApiCall call = h.Call(upper, target, upper == "GET" ? "" : body.dump(), &*b);
      ++walked;
      SCOPED_TRACE(upper + " " + target + " → " + std::to_string(call.status) + " " +
                   call.response.body.substr(0, 300));
      bool refused = call.status == 403 || call.status == 404;
      if (refused) continue;
      // Not refused: it must be an answer about the caller's own units only.
      EXPECT_EQ(call.response.body.find(kPlanMarker), std::string::npos);
      EXPECT_EQ(call.response.body.find(kActivityMarker), std::string::npos);
      EXPECT_LT(call.status, 500);
      if (upper != "GET") {
        EXPECT_GE(call.status, 400) << "a write through another unit's id";
      }
    }
  }
  EXPECT_GT(walked, 5);
  // And the owner does see its own data (so the walk above was not vacuous).
  ApiCall own = h.Call("GET", "/api/v1/plans/" + ids["/plans"], "", &*a);
  EXPECT_EQ(own.status, 200);
  EXPECT_NE(own.response.body.find(kPlanMarker), std::string::npos);
}

}  // namespace
}  // namespace lienthong::api
