// Saving imported plans, against every store backend.
#include "service/plans/plan_save.h"

#include <gtest/gtest.h>

#include "service/units/unit_import.h"
#include "store/plan_document_codec.h"
#include "store/plan_store.h"
#include "store/testing/test_database.h"

namespace lienthong {
namespace {

using nlohmann::json;

class PlanSaveTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenFreshTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    auto rows = ParseUnitCsv("code,name,kind,parent_code\n66,Tỉnh Đắk Lắk,province,VN\n", "u.csv");
    ASSERT_TRUE(rows.ok());
    ASSERT_TRUE(ImportUnits(*db_, *rows, "test").ok());
  }
  int64_t Count(const char* table) {
    auto rows = db_->Query(std::string("SELECT COUNT(*) FROM ") + table);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }

  std::unique_ptr<Database> db_;
};

json SampleJson() {
  return json::parse(R"({"documents": [{
    "doc_type": "Kế hoạch", "number": "15/KH-UBND", "issuer": "Ủy ban nhân dân xã Hòa Bình",
    "parent_issuer": null, "place": "Hòa Bình", "date": "2025-09-05",
    "title": "Tuyên truyền chuyển đổi số năm 2025",
    "legal_bases": ["02-KH/BCĐ", "13/KH-SVHTTDL"], "implements": "02-KH/BCĐ",
    "sections": ["MỤC ĐÍCH, YÊU CẦU"],
    "tasks": [
      {"group": "I", "text": "Xây dựng chuyên mục trên trang thông tin điện tử",
       "lead": ["Văn phòng HĐND và UBND xã"], "coordinators": [], "deadline": "Quý IV/2025"},
      {"text": "Tuyên truyền trên hệ thống truyền thanh cơ sở", "lead": ["Công an xã"],
       "coordinators": ["Đoàn Thanh niên"], "deadline": "Thường xuyên"}
    ]}]})");
}

std::vector<PlanDocument> SampleDocuments() {
  auto documents = DecodePlanDocumentList(SampleJson(), "no plan was saved");
  EXPECT_TRUE(documents.ok()) << documents.status().ToString();
  return documents.ok() ? *documents : std::vector<PlanDocument>();
}

TEST_P(PlanSaveTest, SavesPlanTasksLegalBasesAndTheFile) {
  PlanSaveRequest req{.documents = SampleDocuments(),
                      .source = SourceUpload{"kh15.txt", "text", std::string("KẾ HOẠCH\0x", 12)},
                      .unit_code = "66",
                      .actor = "test"};
  auto saved = SavePlans(*db_, req);
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  ASSERT_EQ(saved->size(), 1u);
  EXPECT_EQ((*saved)[0].tasks, 2u);

  PlanStore store(*db_);
  auto plan = store.GetPlan((*saved)[0].plan_id);
  ASSERT_TRUE(plan.ok() && plan->has_value());
  EXPECT_EQ((*plan)->number, "15/KH-UBND");
  EXPECT_EQ((*plan)->status, PlanStatus::kDraft);
  EXPECT_TRUE((*plan)->unit_id.has_value());
  EXPECT_EQ(json::parse((*plan)->document_json)["title"], "Tuyên truyền chuyển đổi số năm 2025");
  EXPECT_EQ(*store.SourceFileContent(*(*plan)->source_file_id), std::string("KẾ HOẠCH\0x", 12));

  auto tasks = db_->Query(
      "SELECT text, deadline_kind, deadline_date, lead_json FROM tasks ORDER BY position");
  ASSERT_TRUE(tasks.ok());
  ASSERT_EQ(tasks->size(), 2u);
  EXPECT_EQ(tasks->at(0).Text(1), "period");
  EXPECT_EQ(tasks->at(0).Text(2), "2025-12-31");
  EXPECT_EQ(tasks->at(1).Text(1), "ongoing");
  EXPECT_TRUE(tasks->at(1).IsNull(2));
  EXPECT_EQ(json::parse(tasks->at(1).Text(3))[0], "Công an xã");
  EXPECT_EQ(Count("plan_legal_bases"), 2);
  auto audit = db_->Query("SELECT COUNT(*) FROM audit_log WHERE entity = 'plan'");
  EXPECT_EQ(audit->at(0).Int(0), 1);
}

TEST_P(PlanSaveTest, TheSameFileTwiceIsRefusedUnlessAllowed) {
  PlanSaveRequest req{.documents = SampleDocuments(),
                      .source = SourceUpload{"kh15.txt", "text", "same bytes"},
                      .actor = "test"};
  ASSERT_TRUE(SavePlans(*db_, req).ok());
  auto again = SavePlans(*db_, req);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(again.status().message().find("kh15.txt: the same file was saved"), std::string::npos)
      << again.status().message();
  EXPECT_EQ(Count("plans"), 1);
  req.allow_duplicate_file = true;
  EXPECT_TRUE(SavePlans(*db_, req).ok());
  EXPECT_EQ(Count("plans"), 2);
}

TEST(PlanSaveDecodeTest, MalformedFieldsAreNamedByPath) {
  json docs = SampleJson();
  docs["documents"][0]["tasks"][1]["lead"] = "not a list";
  docs["documents"][0]["title"] = 42;
  auto r = DecodePlanDocumentList(docs, "no plan was saved");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("documents[0].tasks[1].lead: expected a list of strings"), std::string::npos) << m;
  EXPECT_NE(m.find("documents[0].title: expected a string or null"), std::string::npos) << m;
}

TEST_P(PlanSaveTest, AnEmptyListSavesNothing) {
  auto r = SavePlans(*db_, {.documents = {}, .actor = "test"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Count("plans"), 0);
}

TEST_P(PlanSaveTest, UnknownUnitIsNotFound) {
  auto r = SavePlans(*db_, {.documents = SampleDocuments(), .unit_code = "99", .actor = "t"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Count("plans"), 0);
}

// Issue 12 #3: saving a draft's document (even unchanged) used to delete and re-insert its tasks,
// wiping their status, progress, history and evidence.
TEST_P(PlanSaveTest, EditingADraftKeepsItsTasksStateAndArchivesRemovedTasks) {
  auto saved = SavePlans(*db_, {.documents = SampleDocuments(), .unit_code = "66", .actor = "t"});
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  const int64_t plan_id = saved->at(0).plan_id;
  PlanStore store(*db_);
  auto loaded = store.LoadPlan(plan_id);
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  PlanDocument document = (*loaded)->document;
  ASSERT_EQ(document.tasks.size(), 2u);
  ASSERT_TRUE(document.tasks[0].id && document.tasks[1].id);  // the stored document has the ids
  const int64_t first = *document.tasks[0].id, second = *document.tasks[1].id;
  ASSERT_TRUE(db_->Execute("UPDATE tasks SET status = 'in_progress', progress = 40 WHERE id = ?",
                           {first}).ok());
  ASSERT_TRUE(db_->Execute("INSERT INTO task_updates (task_id, at, actor, before_json, "
                           "after_json) VALUES (?, '2025-10-01T00:00:00Z', 't', '{}', '{}')",
                           {first}).ok());

  // Unchanged: nothing moves.
  auto same = ReplacePlanDocument(*db_, plan_id, document, "t");
  ASSERT_TRUE(same.ok()) << same.status().ToString();
  EXPECT_EQ(same->tasks_added + same->tasks_updated + same->tasks_archived, 0u);
  EXPECT_EQ(same->revision, 2);

  // Reordered and reworded, one dropped, one added; the legacy form (no ids) matches by text.
  PlanDocument edited = document;
  edited.tasks[0].text = "Xây dựng chuyên mục (sửa)";
  edited.tasks.erase(edited.tasks.begin() + 1);
  DocumentTask added;
  added.text = "Việc mới";
  added.deadline = "Quý I/2026";
  edited.tasks.insert(edited.tasks.begin(), added);
  auto changed = ReplacePlanDocument(*db_, plan_id, edited, "t", /*expected_revision=*/2);
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(changed->tasks_added, 1u);
  EXPECT_EQ(changed->tasks_updated, 1u);
  EXPECT_EQ(changed->tasks_archived, 1u);

  auto rows = db_->Query("SELECT id, position, text, status, progress FROM tasks "
                         "WHERE archived_at IS NULL ORDER BY position");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(rows->at(0).Text(2), "Việc mới");
  EXPECT_EQ(rows->at(1).Int(0), first);  // the same row, moved and reworded
  EXPECT_EQ(rows->at(1).Int(1), 1);
  EXPECT_EQ(rows->at(1).Text(2), "Xây dựng chuyên mục (sửa)");
  EXPECT_EQ(rows->at(1).Text(3), "in_progress");
  EXPECT_EQ(rows->at(1).Int(4), 40);
  EXPECT_EQ(Count("task_updates"), 1);
  auto archived = db_->Query("SELECT id, archived_by FROM tasks WHERE archived_at IS NOT NULL");
  ASSERT_EQ(archived->size(), 1u);
  EXPECT_EQ(archived->at(0).Int(0), second);
  auto audit = db_->Query("SELECT action FROM audit_log WHERE entity = 'task' ORDER BY id");
  ASSERT_EQ(audit->size(), 3u);

  // A stale revision is refused and nothing changes.
  auto stale = ReplacePlanDocument(*db_, plan_id, document, "t", /*expected_revision=*/2);
  EXPECT_EQ(stale.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Count("tasks"), 3);

  // A document without ids (as stored before ids existed) keeps rows by their text.
  PlanDocument legacy = edited;
  for (DocumentTask& t : legacy.tasks) t.id.reset();
  auto again = ReplacePlanDocument(*db_, plan_id, legacy, "t");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->tasks_added + again->tasks_archived, 0u);
  EXPECT_EQ(Count("tasks"), 3);
}

TEST_P(PlanSaveTest, PublishedPlansAreNotEditedAndStatusMovesAreAudited) {
  auto saved = SavePlans(*db_, {.documents = SampleDocuments(), .unit_code = "66", .actor = "t"});
  ASSERT_TRUE(saved.ok());
  const int64_t plan_id = saved->at(0).plan_id;
  ASSERT_TRUE(ChangePlanStatus(*db_, plan_id, PlanStatus::kPublished, "t").ok());
  EXPECT_EQ(ChangePlanStatus(*db_, plan_id, PlanStatus::kDraft, "t").code(),
            StatusCode::kFailedPrecondition);
  auto edit = ReplacePlanDocument(*db_, plan_id, SampleDocuments()[0], "t");
  EXPECT_EQ(edit.status().code(), StatusCode::kFailedPrecondition);
  auto audit = db_->Query("SELECT COUNT(*) FROM audit_log WHERE entity = 'plan' AND "
                          "after_json LIKE '%published%'");
  EXPECT_EQ(audit->at(0).Int(0), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanSaveTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
