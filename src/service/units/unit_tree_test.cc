// The unit tree and reorganisations (moves, merges), against every store backend. The core
// property: the path-range subtree always equals a recursive walk of the parent column.
#include "service/units/unit_tree.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "service/demo/demo_generator.h"
#include "service/units/unit_import.h"
#include "service/units/unit_reorganize.h"
#include "store/testing/test_database.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

class UnitTreeTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenFreshTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }

  void ImportCsv(std::string_view csv) {
    auto rows = ParseUnitCsv(csv, "units.csv");
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    auto r = ImportUnits(*db_, *rows, "test");
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }

  std::set<std::string> SubtreeCodes(std::string_view code) {
    UnitStore store(*db_);
    auto root = store.GetByCode(code);
    EXPECT_TRUE(root.ok());
    std::set<std::string> codes;
    auto subtree = store.Subtree(*root);
    EXPECT_TRUE(subtree.ok()) << subtree.status().ToString();
    for (const auto& u : *subtree) codes.insert(u.code);
    return codes;
  }

  // The same subtree by walking parent_id with a recursive CTE: the reference answer.
  std::set<std::string> WalkCodes(std::string_view code) {
    auto rows = db_->Query(
        "WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE code = ? "
        "UNION ALL SELECT c.id FROM units c JOIN sub ON c.parent_id = sub.id) "
        "SELECT u.code FROM units u JOIN sub ON u.id = sub.id",
        {std::string(code)});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    std::set<std::string> codes;
    for (const auto& r : *rows) codes.insert(r.Text(0));
    return codes;
  }

  std::unique_ptr<Database> db_;
};

constexpr std::string_view kTree =
    "code,name,kind,parent_code\n"
    "VN,Việt Nam,country,\n"
    "66,Tỉnh Đắk Lắk,province,VN\n"
    "48,Thành phố Đà Nẵng,city,VN\n"
    "01,Thành phố Hà Nội,city,VN\n"
    "44,Tỉnh Quảng Trị,province,VN\n"
    "12,Tỉnh Lai Châu,province,VN\n"
    "66001,Xã Ea Kar,commune,66\n"
    "66002,Xã Dray Bhăng,commune,66\n"
    "66003,Phường Đông Hòa,ward,66\n"
    "66001-T1,Thôn 1,residential_area,66001\n";

TEST_P(UnitTreeTest, SubtreeIsTheRangeOfPaths) {
  ImportCsv(kTree);
  EXPECT_EQ(SubtreeCodes("66"), (std::set<std::string>{"66", "66001", "66002", "66003", "66001-T1"}));
  EXPECT_EQ(SubtreeCodes("66001"), (std::set<std::string>{"66001", "66001-T1"}));
  EXPECT_EQ(SubtreeCodes("VN").size(), 10u);
}

TEST_P(UnitTreeTest, SiblingsSortByVietnameseCollation) {
  ImportCsv(kTree);
  auto forest = LoadUnitTree(*db_, {.today = Date{2026, 1, 1}});
  ASSERT_TRUE(forest.ok()) << forest.status().ToString();
  ASSERT_EQ(forest->size(), 1u);
  std::vector<std::string> names;
  for (const auto& c : (*forest)[0].children) names.push_back(c.unit.name);
  // ICU vi: "Thành phố" < "Tỉnh" (a < i), then Đà < Hà; Lai < Quảng.
  EXPECT_EQ(names, (std::vector<std::string>{"Thành phố Đà Nẵng", "Thành phố Hà Nội",
                                             "Tỉnh Đắk Lắk", "Tỉnh Lai Châu", "Tỉnh Quảng Trị"}));
  std::vector<std::string> communes;
  for (const auto& c : (*forest)[0].children[2].children) communes.push_back(c.unit.name);
  // "Phường" < "Xã"; within Xã, "Dray" < "Ea".
  EXPECT_EQ(communes,
            (std::vector<std::string>{"Phường Đông Hòa", "Xã Dray Bhăng", "Xã Ea Kar"}));
}

TEST_P(UnitTreeTest, RendersText) {
  ImportCsv(kTree);
  auto forest = LoadUnitTree(*db_, {.root_code = "66001", .today = Date{2026, 1, 1}});
  ASSERT_TRUE(forest.ok());
  EXPECT_EQ(RenderUnitTreeText(*forest),
            "66001  Xã Ea Kar  [commune]\n"
            "└── 66001-T1  Thôn 1  [residential_area]\n");
}

TEST_P(UnitTreeTest, UnknownRootIsNotFound) {
  ImportCsv(kTree);
  auto forest = LoadUnitTree(*db_, {.root_code = "99"});
  ASSERT_FALSE(forest.ok());
  EXPECT_EQ(forest.status().code(), StatusCode::kNotFound);
  EXPECT_NE(forest.status().message().find("'99'"), std::string::npos);
}

TEST_P(UnitTreeTest, MoveRewritesTheSubtree) {
  ImportCsv(kTree);
  ASSERT_TRUE(MoveUnit(*db_, "66001", "48", Date{2025, 7, 1}, "test").ok());
  EXPECT_EQ(SubtreeCodes("48"), (std::set<std::string>{"48", "66001", "66001-T1"}));
  EXPECT_EQ(SubtreeCodes("66"), WalkCodes("66"));
  UnitStore store(*db_);
  EXPECT_EQ(store.GetByCode("66001-T1")->path, "/VN/48/66001/66001-T1/");
  EXPECT_EQ(store.GetByCode("66001-T1")->depth, 3);
}

TEST_P(UnitTreeTest, MoveIntoOwnSubtreeIsRefused) {
  ImportCsv(kTree);
  Status s = MoveUnit(*db_, "66", "66001", std::nullopt, "test");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(UnitStore(*db_).GetByCode("66")->parent_code, "VN");
}

TEST_P(UnitTreeTest, MergeEndsOldUnitsAndMovesTheirChildren) {
  ImportCsv(kTree);
  Status s = MergeUnits(*db_, {"66001", "66002"}, "66003", Date{2025, 7, 1}, "test");
  ASSERT_TRUE(s.ok()) << s.ToString();
  UnitStore store(*db_);
  auto old = store.GetByCode("66001");
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->valid_to, (Date{2025, 7, 1}));
  EXPECT_EQ(old->successor_code, "66003");
  EXPECT_TRUE(old->IsActiveOn(Date{2025, 6, 30}));
  EXPECT_FALSE(old->IsActiveOn(Date{2025, 7, 1}));
  // The residential area now hangs under the successor; the old units stay in history.
  EXPECT_EQ(store.GetByCode("66001-T1")->parent_code, "66003");
  EXPECT_EQ(SubtreeCodes("66003"), (std::set<std::string>{"66003", "66001-T1"}));
  EXPECT_EQ(SubtreeCodes("66"), WalkCodes("66"));

  auto current = LoadUnitTree(*db_, {.root_code = "66", .today = Date{2026, 1, 1}});
  ASSERT_TRUE(current.ok());
  EXPECT_EQ((*current)[0].children.size(), 1u);  // only Phường Đông Hòa
  auto history = LoadUnitTree(
      *db_, {.root_code = "66", .include_ended = true, .today = Date{2026, 1, 1}});
  EXPECT_EQ((*history)[0].children.size(), 3u);
  EXPECT_NE(RenderUnitTreeText(*history).find("(ended 2025-07-01, merged into 66003)"),
            std::string::npos);

  auto events = db_->Query("SELECT COUNT(*) FROM unit_events WHERE event = 'merge'");
  EXPECT_EQ(events->at(0).Int(0), 2);
  auto audit = db_->Query("SELECT COUNT(*) FROM audit_log WHERE action IN ('merge', 'move')");
  EXPECT_EQ(audit->at(0).Int(0), 3);  // two merges and the move of 66001-T1
}

TEST_P(UnitTreeTest, MergeRefusals) {
  ImportCsv(kTree);
  EXPECT_EQ(MergeUnits(*db_, {"66"}, "66001", Date{2025, 7, 1}, "t").code(),
            StatusCode::kFailedPrecondition);  // would merge into its own child
  EXPECT_EQ(MergeUnits(*db_, {"66001"}, "66001", Date{2025, 7, 1}, "t").code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(MergeUnits(*db_, {"nope"}, "66001", Date{2025, 7, 1}, "t").code(),
            StatusCode::kNotFound);
  ASSERT_TRUE(MergeUnits(*db_, {"66002"}, "66001", Date{2025, 7, 1}, "t").ok());
  EXPECT_EQ(MergeUnits(*db_, {"66002"}, "66003", Date{2025, 8, 1}, "t").code(),
            StatusCode::kFailedPrecondition);  // already ended
}

// Random moves and merges over a generated hierarchy: the path range must always equal the
// walk of the parent column, for every unit.
TEST_P(UnitTreeTest, PathsStayCorrectAcrossRandomReorganisations) {
  SyntheticHierarchyOptions o;
  o.provinces = 3;
  o.communes_per_province = 4;
  o.agencies_per_province = 2;
  o.agencies_per_commune = 2;
  o.areas_per_commune = 2;
  std::vector<UnitRow> rows;
  for (auto& u : GenerateSyntheticUnits(o)) rows.push_back({"gen", std::move(u)});
  ASSERT_TRUE(ImportUnits(*db_, rows, "test").ok());
  std::vector<std::string> codes;
  for (const auto& r : rows) codes.push_back(r.unit.code);

  std::mt19937 rng(7);
  int moves = 0, merges = 0;
  for (int step = 0; step < 40; ++step) {
    const std::string& a = codes[1 + rng() % (codes.size() - 1)];
    const std::string& b = codes[1 + rng() % (codes.size() - 1)];
    Status s = (step % 4 == 3) ? MergeUnits(*db_, {a}, b, Date{2025, 7, 1}, "t")
                               : MoveUnit(*db_, a, b, std::nullopt, "t");
    if (s.ok()) (step % 4 == 3 ? merges : moves)++;
    else EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.ToString();
  }
  EXPECT_GT(moves, 5);
  EXPECT_GT(merges, 0);
  UnitStore store(*db_);
  for (const auto& code : codes) {
    ASSERT_EQ(SubtreeCodes(code), WalkCodes(code)) << "subtree of " << code;
    auto u = store.GetByCode(code);
    EXPECT_EQ(std::count(u->path.begin(), u->path.end(), '/') - 2, u->depth) << code;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, UnitTreeTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
