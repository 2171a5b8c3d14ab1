// Plan import for both front ends, against every store backend: the CLI's one-call import keeps
// the original file and refuses a duplicate exactly as the web's preview-then-save does.
#include "service/plans/plan_import.h"

#include <gtest/gtest.h>

#include "import/testing/fixture_files.h"
#include "store/plan_document_codec.h"
#include "store/plan_store.h"
#include "store/testing/test_database.h"
#include "util/sha256.h"

namespace lienthong {
namespace {

class PlanImportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenFreshTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    bytes_ = testing::ReadImportFixture("text/state_plan_table.txt");
    ASSERT_FALSE(bytes_.empty());
  }

  Result<ImportedPlanFile> CliImport(bool allow_duplicate = false) {
    return ImportPlanFile(*db_, {.name = "some/folder/kh.txt",
                                 .bytes = bytes_,
                                 .allow_duplicate_file = allow_duplicate,
                                 .actor = "cli"});
  }

  Result<std::vector<SavedPlan>> WebImport() {
    LT_ASSIGN_OR_RETURN(PlanImportPreview preview, PreviewPlanImport(*db_, "kh.txt", bytes_, 1));
    return SaveImportedPlans(*db_, {.upload_id = preview.upload_id,
                                    .owner_user_id = 1,
                                    .documents = preview.documents,
                                    .actor = "web"});
  }

  std::unique_ptr<Database> db_;
  std::string bytes_;
};

TEST_P(PlanImportTest, CliImportKeepsTheOriginalFileUnderItsName) {
  auto imported = CliImport();
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_EQ(imported->read.format, "text");
  ASSERT_EQ(imported->saved.size(), imported->read.documents.size());
  ASSERT_FALSE(imported->saved.empty());

  PlanStore plans(*db_);
  auto stored = plans.FindSourceFile(Sha256Hex(bytes_));
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->name, "kh.txt");  // the path's last part
  EXPECT_EQ((*stored)->uploaded_by, "cli");
  auto content = plans.SourceFileContent((*stored)->id);
  ASSERT_TRUE(content.ok());
  EXPECT_EQ(*content, bytes_);
  auto from_file = plans.PlansFromSource((*stored)->id);
  ASSERT_TRUE(from_file.ok());
  EXPECT_EQ(from_file->front(), imported->saved.front().plan_id);
}

TEST_P(PlanImportTest, BothFrontEndsReadTheSameDocuments) {
  auto read = ReadPlanFile("kh.txt", bytes_);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  auto preview = PreviewPlanImport(*db_, "kh.txt", bytes_, 1);
  ASSERT_TRUE(preview.ok()) << preview.status().ToString();
  ASSERT_EQ(read->documents.size(), preview->documents.size());
  for (size_t i = 0; i < read->documents.size(); ++i) {
    EXPECT_EQ(EncodePlanDocument(read->documents[i]), EncodePlanDocument(preview->documents[i]));
  }
  EXPECT_FALSE(read->documents.front().tasks.empty());
}

TEST_P(PlanImportTest, ADuplicateIsRefusedWhicheverFrontEndSavedItFirst) {
  ASSERT_TRUE(WebImport().ok());
  auto again = CliImport();
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists) << again.status().ToString();
  EXPECT_NE(again.status().message().find("the same file was saved"), std::string::npos);
  EXPECT_TRUE(CliImport(/*allow_duplicate=*/true).ok());

  auto fresh = OpenFreshTestDatabase(GetParam());
  ASSERT_TRUE(fresh.ok());
  db_ = std::move(*fresh);
  ASSERT_TRUE(CliImport().ok());
  auto web_again = WebImport();
  EXPECT_EQ(web_again.status().code(), StatusCode::kAlreadyExists)
      << web_again.status().ToString();
}

TEST_P(PlanImportTest, AFileWithoutAPlanOrUnreadableSavesNothing) {
  bytes_ = "not a zip";
  auto unreadable = ImportPlanFile(*db_, {.name = "plan.docx", .bytes = bytes_, .actor = "cli"});
  EXPECT_EQ(unreadable.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(unreadable.status().message().find("plan.docx"), std::string::npos);
  auto stored = PlanStore(*db_).FindSourceFile(Sha256Hex(bytes_));
  ASSERT_TRUE(stored.ok());
  EXPECT_FALSE(stored->has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanImportTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
