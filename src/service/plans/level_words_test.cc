// The level-words table: seeded defaults, admin edits with audit, validation.
#include "service/plans/level_words.h"

#include <gtest/gtest.h>

#include "service/plans/level_word_rewriter.h"
#include "store/testing/test_database.h"

namespace lienthong {
namespace {

class LevelWordsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenFreshTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }
  std::unique_ptr<Database> db_;
};

TEST_P(LevelWordsTest, MigrationSeedsProvinceToCommuneAndCountryToProvince) {
  auto words = LevelWordsFor(*db_, "province", "commune");
  ASSERT_TRUE(words.ok()) << words.status().ToString();
  ASSERT_GT(words->size(), 20u);
  EXPECT_EQ((*words)[0].position, 0);
  LevelWordRewriter r(*words, {.from_noun = "tỉnh", .to_noun = "xã",
                               .from_territory = "Tỉnh Đắk Lắk", .from_proper = "Đắk Lắk",
                               .to_proper = "Ea Kar"});
  EXPECT_EQ(r.Rewrite("Ban Thường vụ Tỉnh ủy"), "Ban Thường vụ Đảng ủy xã");
  EXPECT_EQ(r.Rewrite("UBND tỉnh chỉ đạo các sở, ban, ngành trên địa bàn tỉnh"),
            "UBND xã chỉ đạo các ban, ngành, đoàn thể xã trên địa bàn xã");
  EXPECT_EQ(r.Rewrite("Ủy ban nhân dân tỉnh Đắk Lắk"), "Ủy ban nhân dân xã Ea Kar");
  auto national = LevelWordsFor(*db_, "country", "province");
  ASSERT_TRUE(national.ok());
  EXPECT_GT(national->size(), 10u);
  auto by_level = ListLevelWords(*db_, std::string("commune"));
  ASSERT_TRUE(by_level.ok());
  EXPECT_EQ(by_level->size(), words->size());
}

TEST_P(LevelWordsTest, ReplaceSetsTheWholeListInOrderWithAnAuditRow) {
  Status s = ReplaceLevelWords(*db_, "province", "commune",
                               {{" trên địa bàn {from} ", "trên địa bàn {to}"},
                                {"Tỉnh ủy", "Đảng ủy {to}"}},
                               "web:admin");
  ASSERT_TRUE(s.ok()) << s.ToString();
  auto words = LevelWordsFor(*db_, "province", "commune");
  ASSERT_TRUE(words.ok());
  ASSERT_EQ(words->size(), 2u);
  EXPECT_EQ((*words)[0].from_text, "trên địa bàn {from}");  // trimmed
  EXPECT_EQ((*words)[1].position, 1);
  auto audit = db_->Query(
      "SELECT actor, entity_id, before_json, after_json FROM audit_log WHERE entity = "
      "'level_words'");
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->at(0).Text(0), "web:admin");
  EXPECT_EQ(audit->at(0).Text(1), "province→commune");
  EXPECT_NE(audit->at(0).Text(3).find("Tỉnh ủy"), std::string::npos);
  // The other lists are untouched.
  EXPECT_GT(LevelWordsFor(*db_, "country", "province")->size(), 10u);
}

TEST_P(LevelWordsTest, InvalidEditsAreRefusedWholeNamingEachEntry) {
  Status s = ReplaceLevelWords(*db_, "province", "commune",
                               {{"Tỉnh ủy", "Đảng ủy {to}"}, {"", "x"}, {"TỈNH UỶ", "y"}},
                               "web:admin");
  ASSERT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("entries[1].from_text: must not be empty"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("entries[2].from_text"), std::string::npos) << s.message();
  EXPECT_GT(LevelWordsFor(*db_, "province", "commune")->size(), 20u);
  EXPECT_EQ(ReplaceLevelWords(*db_, "district", "commune", {}, "a").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ListLevelWords(*db_, std::string("district")).status().code(),
            StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, LevelWordsTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
