// The task routes, called through the router without a server.
#include <gtest/gtest.h>

#include "api/route.h"
#include "api/testing/route_dispatch.h"
#include "service/accounts/user_admin.h"
#include "testing/task_test_fixture.h"
#include "service/tasks/task_evidence.h"
#include "service/tasks/task_tracking.h"
#include "store/plan_store.h"
#include "store/unit_store.h"

namespace lienthong::api {

void RegisterTaskRoutes(Router& router);

namespace {

using nlohmann::json;
using namespace lienthong::testing_tasks;

class TaskRoutesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenTaskTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    json tasks = {{{"text", "Bảo đảm an ninh hội nghị"}, {"lead", {"Công an xã"}},
                   {"deadline", "trước ngày 15/10/2099"}},
                  {{"text", "Tổ chức hội nghị"}, {"lead", {"UBND xã"}}, {"deadline", "Quý IV/2099"}}};
    auto plan = SaveTestPlan(*db_, "66904", "2099-09-05", tasks);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    police_task_ = TaskId(*db_, *plan, 0);
    other_task_ = TaskId(*db_, *plan, 1);
    // The account behind the callers' actor "web:lan" (As()), for the display names answered.
    ASSERT_TRUE(AddUser(*db_, AdminScope::Everything("test"),
                        {.username = "lan", .display_name = "Nguyễn Thị Lan",
                         .unit_code = "66904", .role = Role::kSpecialist,
                         .password = "một mật khẩu đủ dài"},
                        PasswordPolicy{}, PasswordCost::kTesting)
                    .ok());
    RegisterTaskRoutes(router_);
  }

  Caller As(Role role, const std::string& unit_code) {
    auto unit = UnitStore(*db_).GetByCode(unit_code);
    EXPECT_TRUE(unit.ok());
    return Caller{.user_id = 1, .username = "lan", .role = role, .unit_id = unit->id,
                  .unit_code = unit->code, .unit_path = unit->path};
  }

  http::HttpResponse Call(const Caller& caller, const std::string& method,
                          const std::string& path, std::string body = "",
                          std::multimap<std::string, std::string> query = {},
                          std::map<std::string, std::string> headers = {}) {
    http::HttpRequest request;
    request.method = method;
    request.path = path;
    request.target = path;
    request.query = std::move(query);
    request.headers = std::move(headers);
    request.body = std::move(body);
    bool matched = false;
    http::HttpResponse response = DispatchAs(router_, *db_, caller, request, &matched);
    EXPECT_TRUE(matched) << method << " " << path;
    return response;
  }
  std::string TaskPath(int64_t id, const std::string& tail = "") {
    return "/api/v1/tasks/" + std::to_string(id) + tail;
  }

  std::unique_ptr<Database> db_;
  Router router_;
  int64_t police_task_ = 0;
  int64_t other_task_ = 0;
};

TEST_P(TaskRoutesTest, ListsTheBoardWithCountsInTheDocumentedShape) {
  auto response = Call(As(Role::kViewer, "66"), "GET", "/api/v1/tasks", "", {{"unit", "66904"}});
  ASSERT_EQ(response.status, 200) << response.body;
  json body = json::parse(response.body);
  ASSERT_EQ(body["tasks"].size(), 2u);
  const json& task = body["tasks"][0];
  for (const char* key : {"id", "plan_id", "plan_number", "group", "text", "lead", "coordinators",
                          "deadline_text", "deadline_kind", "deadline_date", "status", "progress",
                          "standing", "evidence_link", "updated_at"}) {
    EXPECT_TRUE(task.contains(key)) << key;
  }
  EXPECT_EQ(task["lead"], json({"Công an xã"}));
  EXPECT_EQ(task["lead_units"][0]["unit_code"], "66904-CA");
  EXPECT_EQ(task["deadline_date"], "2099-10-15");
  EXPECT_EQ(task["standing"], "open_within_term");
  EXPECT_EQ(body["counts"]["open_within_term"], 2);
  for (const char* key : {"done_on_time", "done_late", "open_overdue", "no_deadline"}) {
    EXPECT_EQ(body["counts"][key], 0) << key;
  }
  auto bad = Call(As(Role::kViewer, "66"), "GET", "/api/v1/tasks", "", {{"status", "finished"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(json::parse(bad.body)["error"]["field"], "status");
}

TEST_P(TaskRoutesTest, OutsideTheSubtreeEverythingIsNotFound) {
  Caller stranger = As(Role::kAdmin, "25");
  EXPECT_EQ(Call(stranger, "GET", TaskPath(police_task_)).status, 404);
  EXPECT_EQ(Call(stranger, "GET", TaskPath(police_task_, "/history")).status, 404);
  EXPECT_EQ(Call(stranger, "PATCH", TaskPath(police_task_), R"({"progress": 10})").status, 404);
  EXPECT_EQ(Call(stranger, "GET", "/api/v1/tasks", "", {{"unit", "66904"}}).status, 404);
  EXPECT_EQ(Call(stranger, "GET", "/api/v1/reminders", "", {{"unit", "66904"}}).status, 404);
  EXPECT_EQ(Call(stranger, "GET", TaskPath(999999)).status, 404);
  // The commune police reach the task assigned to them, not its sibling.
  Caller police = As(Role::kSpecialist, "66904-CA");
  EXPECT_EQ(Call(police, "GET", TaskPath(police_task_)).status, 200);
  EXPECT_EQ(Call(police, "GET", TaskPath(other_task_)).status, 404);
  auto board = Call(police, "GET", "/api/v1/tasks");
  ASSERT_EQ(board.status, 200);
  EXPECT_EQ(json::parse(board.body)["tasks"].size(), 1u);
}

TEST_P(TaskRoutesTest, ViewersMayNotChangeSpecialistsMayWithHistory) {
  std::string change = R"({"status": "in_progress", "progress": 30, "note": "Đã phân công"})";
  auto viewer = Call(As(Role::kViewer, "66904"), "PATCH", TaskPath(police_task_), change);
  EXPECT_EQ(viewer.status, 403);
  Caller police = As(Role::kSpecialist, "66904-CA");
  auto ok = Call(police, "PATCH", TaskPath(police_task_), change);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(json::parse(ok.body)["progress"], 30);
  auto invalid = Call(police, "PATCH", TaskPath(police_task_), R"({"progress": 150})");
  EXPECT_EQ(invalid.status, 422);
  EXPECT_EQ(json::parse(invalid.body)["error"]["field"], "progress");
  EXPECT_EQ(json::parse(invalid.body)["error"]["reason"], "whole_number_range");
  EXPECT_EQ(json::parse(invalid.body)["error"]["params"]["max"], "100");
  auto done = Call(police, "PATCH", TaskPath(police_task_), R"({"status": "done"})");
  ASSERT_EQ(done.status, 200);
  EXPECT_EQ(json::parse(done.body)["progress"], 100);
  EXPECT_EQ(json::parse(done.body)["completed_on"], Today().ToIso());
  auto history = Call(police, "GET", TaskPath(police_task_, "/history"));
  ASSERT_EQ(history.status, 200);
  json entries = json::parse(history.body)["history"];
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1]["note"], "Đã phân công");
  EXPECT_EQ(entries[1]["before"]["status"], "not_started");
  EXPECT_EQ(entries[1]["actor"], "web:lan");
  EXPECT_EQ(entries[0]["after"]["status"], "done");
}

TEST_P(TaskRoutesTest, EvidenceUploadDownloadAndTheSizeLimit) {
  Caller police = As(Role::kSpecialist, "66904-CA");
  std::map<std::string, std::string> headers = {{"content-type", "image/png"},
                                                {"x-file-name", "%E1%BA%A2nh%20h%E1%BB%8Dp.png"}};
  auto big = Call(police, "POST", TaskPath(police_task_, "/evidence"),
                  std::string(kMaxEvidenceBytes + 1, 'x'), {}, headers);
  EXPECT_EQ(big.status, 413);
  std::string png("\x89PNG\r\n\x1a\n\0\0", 10);
  auto stored = Call(police, "POST", TaskPath(police_task_, "/evidence"), png, {}, headers);
  ASSERT_EQ(stored.status, 201) << stored.body;
  EXPECT_EQ(json::parse(stored.body)["file_name"], "Ảnh họp.png");
  EXPECT_EQ(json::parse(stored.body)["n"], 1);
  auto viewer = Call(As(Role::kViewer, "66904"), "POST", TaskPath(police_task_, "/evidence"), png,
                     {}, headers);
  EXPECT_EQ(viewer.status, 403);
  auto file = Call(As(Role::kViewer, "66"), "GET", TaskPath(police_task_, "/evidence/1"));
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, png);
  EXPECT_EQ(file.content_type, "image/png");
  std::string disposition;
  for (const auto& [name, value] : file.headers) {
    if (name == "Content-Disposition") disposition = value;
  }
  // Always a download, named as uploaded (export/content_disposition.h, the one encoder).
  EXPECT_EQ(disposition,
            "attachment; filename=\"evidence-1\"; filename*=UTF-8''%E1%BA%A2nh%20h%E1%BB%8Dp.png");
  EXPECT_EQ(Call(police, "GET", TaskPath(police_task_, "/evidence/2")).status, 404);
  auto files = json::parse(Call(police, "GET", TaskPath(police_task_, "/evidence")).body)["files"];
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]["added_by_name"], "Nguyễn Thị Lan");
  auto detail = Call(police, "GET", TaskPath(police_task_));
  EXPECT_EQ(json::parse(detail.body)["evidence"].size(), 1u);
}

TEST_P(TaskRoutesTest, StandingRemindersAndExport) {
  Caller province = As(Role::kViewer, "66");
  auto standing = Call(province, "GET", "/api/v1/tasks/standing", "", {{"unit", "66"}});
  ASSERT_EQ(standing.status, 200) << standing.body;
  json body = json::parse(standing.body);
  EXPECT_EQ(body["total"]["open_within_term"], 2);
  bool commune_seen = false;
  for (const json& child : body["children"]) {
    if (child["code"] == "66904") {
      commune_seen = true;
      EXPECT_EQ(child["counts"]["open_within_term"], 2);
    }
  }
  EXPECT_TRUE(commune_seen);
  auto reminders = Call(province, "GET", "/api/v1/reminders");
  ASSERT_EQ(reminders.status, 200);
  EXPECT_TRUE(json::parse(reminders.body)["due_soon"].is_array());
  EXPECT_TRUE(json::parse(reminders.body)["overdue"].is_array());
  auto xlsx = Call(province, "GET", "/api/v1/tasks/export.xlsx", "", {{"unit", "66904"}});
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

TEST_P(TaskRoutesTest, ACommuneSeesAndDiscussesWhatTheProvinceAssignsIt) {
  json tasks = {{{"text", "Tuyên truyền chuyển đổi số"}, {"lead", {"UBND các xã, phường"}},
                 {"deadline", "Quý IV/2099"}}};
  auto plan = SaveTestPlan(*db_, "66", "2099-09-01", tasks);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ASSERT_TRUE(PlanStore(*db_).SetStatus(*plan, PlanStatus::kPublished).ok());
  int64_t assigned = TaskId(*db_, *plan, 0);
  Caller commune = As(Role::kSpecialist, "66904");
  auto board = Call(commune, "GET", "/api/v1/tasks");
  ASSERT_EQ(board.status, 200) << board.body;
  json body = json::parse(board.body);
  ASSERT_EQ(body["tasks"].size(), 3u);  // its own two, then the province's
  EXPECT_EQ(body["assigned"], 1);
  // The counts cover the whole board: the own tasks in `counts`, the assigned in `assigned_counts`.
  EXPECT_EQ(body["assigned_counts"]["open_within_term"], 1);
  int64_t counted = 0;
  for (const char* counts : {"counts", "assigned_counts"}) {
    for (const auto& [standing, n] : body[counts].items()) counted += n.get<int64_t>();
  }
  EXPECT_EQ(counted, 3);
  const json& task = body["tasks"][2];
  EXPECT_EQ(task["source"], "assigned");
  EXPECT_EQ(task["assigned_by"]["plan_number"], "1/KH-66");
  EXPECT_EQ(task["assigned_by"]["unit_code"], "66");
  EXPECT_FALSE(task["can_update"].get<bool>());
  EXPECT_TRUE(body["tasks"][0]["can_update"].get<bool>());
  EXPECT_EQ(body["tasks"][0]["source"], "own");
  auto own = Call(commune, "GET", "/api/v1/tasks", "", {{"source", "own"}});
  EXPECT_EQ(json::parse(own.body)["tasks"].size(), 2u);

  EXPECT_EQ(Call(commune, "GET", TaskPath(assigned)).status, 200);
  EXPECT_EQ(Call(commune, "PATCH", TaskPath(assigned), R"({"progress": 10})").status, 403);
  auto comment = Call(commune, "POST", TaskPath(assigned, "/comments"),
                      R"({"text": "  Xã đã triển khai tới các thôn  "})");
  ASSERT_EQ(comment.status, 201) << comment.body;
  EXPECT_EQ(json::parse(comment.body)["text"], "Xã đã triển khai tới các thôn");
  EXPECT_EQ(json::parse(comment.body)["unit"]["code"], "66904");
  EXPECT_EQ(Call(As(Role::kViewer, "66904"), "POST", TaskPath(assigned, "/comments"),
                 R"({"text": "Xem"})").status, 403);
  EXPECT_EQ(Call(As(Role::kSpecialist, "25"), "POST", TaskPath(assigned, "/comments"),
                 R"({"text": "Lạc"})").status, 404);
  auto invisible = Call(As(Role::kManager, "66"), "POST", TaskPath(assigned, "/comments"),
                        "{\"text\": \"\u200b\u202e \"}");
  EXPECT_EQ(invisible.status, 422);
  EXPECT_EQ(json::parse(invisible.body)["error"]["field"], "text");
  ASSERT_EQ(Call(As(Role::kManager, "66"), "POST", TaskPath(assigned, "/comments"),
                 R"({"text": "Tỉnh ghi nhận"})").status, 201);
  auto comments = Call(As(Role::kViewer, "66905"), "GET", TaskPath(assigned, "/comments"));
  ASSERT_EQ(comments.status, 200) << comments.body;
  json list = json::parse(comments.body)["comments"];
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1]["text"], "Tỉnh ghi nhận");
  EXPECT_EQ(list[0]["actor"], "web:lan");
  EXPECT_EQ(list[0]["actor_name"], "Nguyễn Thị Lan");  // the account's name, not its id
  EXPECT_EQ(CountRows(*db_, "SELECT COUNT(*) FROM audit_log WHERE action = 'comment'"), 2);
}

TEST_P(TaskRoutesTest, DeadlinesTypedInWordsAreSavedOnTheTaskWithHistory) {
  Caller police = As(Role::kSpecialist, "66904-CA");
  auto changed = Call(police, "PATCH", TaskPath(police_task_), R"({"deadline": "Quý II/2099"})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  json task = json::parse(changed.body);
  EXPECT_EQ(task["deadline_text"], "Quý II/2099");
  EXPECT_EQ(task["deadline_kind"], "period");
  EXPECT_EQ(task["deadline_date"], "2099-06-30");
  auto recurring =
      Call(police, "PATCH", TaskPath(police_task_), R"({"deadline": "định kỳ hằng quý"})");
  ASSERT_EQ(recurring.status, 200) << recurring.body;
  EXPECT_EQ(json::parse(recurring.body)["deadline_kind"], "recurring");
  auto detail = json::parse(Call(police, "GET", TaskPath(police_task_)).body);
  EXPECT_FALSE(detail["instances"].empty());
  auto history = json::parse(Call(police, "GET", TaskPath(police_task_, "/history")).body);
  ASSERT_EQ(history["history"].size(), 2u);
  EXPECT_EQ(history["history"][0]["actor"], "web:lan");
  EXPECT_EQ(history["history"][0]["actor_name"], "Nguyễn Thị Lan");
  EXPECT_EQ(history["history"][1]["before"]["deadline"]["text"], "trước ngày 15/10/2099");
  EXPECT_EQ(history["history"][1]["after"]["deadline"]["date"], "2099-06-30");
  // Words the parser cannot read are refused rather than saved as "no deadline".
  auto unread = Call(police, "PATCH", TaskPath(police_task_), R"({"deadline": "sớm nhất có thể"})");
  EXPECT_EQ(unread.status, 422) << unread.body;
  EXPECT_EQ(json::parse(unread.body)["error"]["field"], "deadline");
  EXPECT_EQ(json::parse(unread.body)["error"]["reason"], "deadline_unreadable");
  EXPECT_EQ(json::parse(unread.body)["error"]["params"]["value"], "sớm nhất có thể");
  EXPECT_EQ(json::parse(Call(police, "GET", TaskPath(police_task_)).body)["deadline_text"],
            "định kỳ hằng quý");
  auto cleared = Call(police, "PATCH", TaskPath(police_task_), R"({"deadline": null})");
  ASSERT_EQ(cleared.status, 200);
  EXPECT_EQ(json::parse(cleared.body)["deadline_kind"], "unknown");
  EXPECT_EQ(Call(police, "PATCH", TaskPath(police_task_), R"({"deadline": 5})").status, 422);
}

TEST_P(TaskRoutesTest, EvidenceFormUploadsKeepABoundedName) {
  Caller police = As(Role::kSpecialist, "66904-CA");
  // A path, a right-to-left override and 220 letters (under the 255 bytes a multipart file name
  // may have, http/multipart.h): kept as a name of at most 200 bytes without either.
  std::string name = "..\\..\\etc/bao-cao\u202egpj.exe" + std::string(220, 'a') + ".pdf";
  std::string pdf = "%PDF-1.7 bằng chứng";
  std::string form = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
                     name + "\"\r\nContent-Type: application/pdf\r\n\r\n" + pdf +
                     "\r\n--XyZ--\r\n";
  auto stored = Call(police, "POST", TaskPath(police_task_, "/evidence"), form, {},
                     {{"content-type", "multipart/form-data; boundary=XyZ"}});
  ASSERT_EQ(stored.status, 201) << stored.body;
  std::string kept = json::parse(stored.body)["file_name"];
  EXPECT_LE(kept.size(), 200u);
  EXPECT_EQ(kept.rfind("bao-caogpj.exeaaa", 0), 0u) << kept;
  EXPECT_EQ(kept.substr(kept.size() - 4), ".pdf");
  auto file = Call(police, "GET", TaskPath(police_task_, "/evidence/1"));
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, pdf);
  EXPECT_EQ(file.content_type, "application/pdf");
  auto no_file = Call(police, "POST", TaskPath(police_task_, "/evidence"),
                      "--XyZ\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--XyZ--\r\n",
                      {}, {{"content-type", "multipart/form-data; boundary=XyZ"}});
  EXPECT_EQ(no_file.status, 422);
  // A later change of the task keeps every file.
  ASSERT_EQ(Call(police, "PATCH", TaskPath(police_task_), R"({"evidence_link": null})").status, 200);
  EXPECT_EQ(json::parse(Call(police, "GET", TaskPath(police_task_, "/evidence")).body)["files"].size(),
            1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, TaskRoutesTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong::api
