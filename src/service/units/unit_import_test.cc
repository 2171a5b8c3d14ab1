// Unit import, run against every store backend (SQLite always, PostgreSQL under `make test`).
#include "service/units/unit_import.h"

#include <gtest/gtest.h>

#include "store/testing/test_database.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

class UnitImportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenFreshTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }

  Result<UnitImportSummary> Import(std::string_view csv) {
    LT_ASSIGN_OR_RETURN(auto rows, ParseUnitCsv(csv, "units.csv"));
    return ImportUnits(*db_, rows, "test");
  }
  int64_t Count(const char* table) {
    auto rows = db_->Query(std::string("SELECT COUNT(*) FROM ") + table);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }
  // Imports `csv`, expects failure mentioning `needle`, and checks nothing was written.
  void ExpectRejected(std::string_view csv, const std::string& needle) {
    int64_t units = Count("units"), audit = Count("audit_log");
    auto r = Import(csv);
    ASSERT_FALSE(r.ok()) << "imported although expected: " << needle;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find(needle), std::string::npos) << r.status().message();
    EXPECT_EQ(Count("units"), units);
    EXPECT_EQ(Count("audit_log"), audit);
  }

  std::unique_ptr<Database> db_;
};

constexpr std::string_view kSmall =
    "code,name,kind,parent_code\n"
    "66,Tỉnh Đắk Lắk,province,VN\n"
    "66001,Xã Ea Kar,commune,66\n"
    "66001-DU,Đảng ủy xã Ea Kar,party_committee,66001\n"
    "25,Tỉnh Phú Thọ,province,VN\n";

TEST_P(UnitImportTest, ImportsAndAddsTheCountryRoot) {
  auto r = Import(kSmall);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->created, 4);
  EXPECT_TRUE(r->created_country);
  UnitStore store(*db_);
  auto unit = store.GetByCode("66001-DU");
  ASSERT_TRUE(unit.ok());
  EXPECT_EQ(unit->path, "/VN/66/66001/66001-DU/");
  EXPECT_EQ(unit->depth, 3);
  EXPECT_EQ(unit->parent_code, "66001");
  EXPECT_EQ(unit->kind, UnitKind::kPartyCommittee);
  EXPECT_EQ(unit->name, "Đảng ủy xã Ea Kar");
  EXPECT_EQ(Count("units"), 5);
  EXPECT_EQ(Count("audit_log"), 5);  // one per created unit, the root included
}

TEST_P(UnitImportTest, ChildrenMayComeBeforeTheirParents) {
  auto r = Import(
      "code,name,kind,parent_code\n"
      "66001,Xã Ea Kar,commune,66\n"
      "66,Tỉnh Đắk Lắk,province,\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->created_country);
  EXPECT_EQ(UnitStore(*db_).GetByCode("66001")->path, "/66/66001/");
}

TEST_P(UnitImportTest, BomCrlfAndColumnOrder) {
  auto r = Import(
      "\xEF\xBB\xBFparent_code,kind,name,code\r\n"
      ",country,Việt Nam,VN\r\n"
      "VN,city,Thành phố Huế,46\r\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(UnitStore(*db_).GetByCode("46")->name, "Thành phố Huế");
}

TEST_P(UnitImportTest, SecondFileHangsUnderStoredUnits) {
  ASSERT_TRUE(Import(kSmall).ok());
  auto r = Import("code,name,kind,parent_code\n25001,Xã Thanh Thủy,commune,25\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(UnitStore(*db_).GetByCode("25001")->path, "/VN/25/25001/");
}

TEST_P(UnitImportTest, DuplicateCodeInTheFile) {
  ExpectRejected(
      "code,name,kind,parent_code\n"
      "66,Tỉnh Đắk Lắk,province,\n"
      "66,Tỉnh khác,province,\n",
      "units.csv:3: duplicate code '66' (first at units.csv:2)");
}

TEST_P(UnitImportTest, DuplicateCodeAlreadyStored) {
  ASSERT_TRUE(Import(kSmall).ok());
  ExpectRejected("code,name,kind,parent_code\n66001,Xã khác,commune,66\n",
                 "units.csv:2: code '66001' already exists");
}

TEST_P(UnitImportTest, UnknownParent) {
  ExpectRejected(
      "code,name,kind,parent_code\n"
      "66,Tỉnh Đắk Lắk,province,\n"
      "66001,Xã Ea Kar,commune,99\n",
      "units.csv:3: unknown parent code '99'");
}

TEST_P(UnitImportTest, Cycle) {
  ExpectRejected(
      "code,name,kind,parent_code\n"
      "A,Đơn vị A,other,B\n"
      "B,Đơn vị B,other,C\n"
      "C,Đơn vị C,other,A\n"
      "D,Đơn vị D,other,A\n",
      "units.csv:2: parent chain runs into a cycle: A → B → C → A");
}

TEST_P(UnitImportTest, SelfParent) {
  ExpectRejected("code,name,kind,parent_code\nA,Đơn vị A,other,A\n", "is its own parent");
}

TEST_P(UnitImportTest, MalformedRowsAreAllReported) {
  int64_t before = Count("units");
  auto r = Import(
      "code,name,kind,parent_code\n"
      "66,Tỉnh Đắk Lắk,province\n"
      "6/6,Bad code,province,\n"
      "67,,province,\n"
      "68,Tỉnh X,planet,\n");
  ASSERT_FALSE(r.ok());
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("units.csv:2: expected 4 fields, found 3"), std::string::npos) << m;
  EXPECT_NE(m.find("units.csv:3: code '6/6'"), std::string::npos) << m;
  EXPECT_NE(m.find("units.csv:4: empty name"), std::string::npos) << m;
  EXPECT_NE(m.find("units.csv:5: unknown kind 'planet'"), std::string::npos) << m;
  EXPECT_EQ(Count("units"), before);
}

TEST_P(UnitImportTest, MissingHeaderColumn) {
  auto r = Import("code,name,parent_code\nA,B,\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("units.csv:1: header has no column 'kind'"),
            std::string::npos)
      << r.status().message();
}

TEST_P(UnitImportTest, JsonArrayOrObject) {
  auto rows = ParseUnitJson(
      R"({"units": [{"code": "VN", "name": "Việt Nam", "kind": "country", "parent_code": null},
                    {"code": "01", "name": "Thành phố Hà Nội", "kind": "city", "parent_code": "VN",
                     "valid_from": "2025-07-01"}]})",
      "units.json");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_TRUE(ImportUnits(*db_, *rows, "test").ok());
  auto hanoi = UnitStore(*db_).GetByCode("01");
  ASSERT_TRUE(hanoi.ok());
  EXPECT_EQ(hanoi->valid_from, (Date{2025, 7, 1}));
}

TEST_P(UnitImportTest, JsonErrorsNameTheItem) {
  auto rows = ParseUnitJson(R"([{"code": "A", "name": "X", "kind": "nope"}])", "units.json");
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("units.json: item 1: unknown kind 'nope'"),
            std::string::npos)
      << rows.status().message();
  auto broken = ParseUnitJson("[{\"code\": ", "units.json");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("units.json: invalid JSON at byte"), std::string::npos)
      << broken.status().message();
}

TEST_P(UnitImportTest, LegacyTcvn3FileIsDecoded) {
  // "Tỉnh Đắk Lắk" is not needed here: "Uû ban nh©n d©n" is TCVN3 for "Uỷ ban nhân dân".
  std::string csv = "code,name,kind,parent_code\nUB,Uû ban nh\xA9n d\xA9n tØnh,peoples_committee,\n";
  // Replace the UTF-8 'û' and 'Ø' typed above with their TCVN3 single bytes.
  auto replace = [&](const std::string& from, char to) {
    for (size_t p; (p = csv.find(from)) != std::string::npos;) csv.replace(p, from.size(), 1, to);
  };
  replace("\xC3\xBB", '\xFB');
  replace("\xC3\x98", '\xD8');
  auto r = Import(csv);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto unit = UnitStore(*db_).GetByCode("UB");
  ASSERT_TRUE(unit.ok());
  EXPECT_EQ(unit->name, "Uỷ ban nhân dân tỉnh");
}

INSTANTIATE_TEST_SUITE_P(Backends, UnitImportTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
