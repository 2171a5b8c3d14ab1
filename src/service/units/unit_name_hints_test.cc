// Unit names as the diacritic restorer's gazetteer, from a units file and from the store (every
// backend).
#include "service/units/unit_name_hints.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "service/units/unit_import.h"
#include "store/testing/test_database.h"

namespace lienthong {
namespace {

constexpr std::string_view kUnits =
    "code,name,kind,parent_code\n"
    "66,Tỉnh Đắk Lắk,province,VN\n"
    "66001,Xã Hòa Phú,commune,66\n";

// The names that start with the word of key `key`.
std::vector<std::string> NamesFrom(const diacritics::NameHints& hints, std::string_view key) {
  std::vector<std::string> out;
  if (const auto* list = hints.NamesStartingWith(key)) {
    for (const uint32_t i : *list) out.push_back(hints.name(i).Text());
  }
  return out;
}

TEST(UnitNameHintsTest, FromAUnitsFile) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("lienthong-names-" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path) << kUnits;
  auto hints = UnitNameHintsFromFile(path.string());
  std::filesystem::remove(path);
  ASSERT_TRUE(hints.ok()) << hints.status().ToString();
  EXPECT_EQ(NamesFrom(*hints, "dak"), std::vector<std::string>{"Đắk Lắk"});
  EXPECT_EQ(NamesFrom(*hints, "hoa"), std::vector<std::string>{"Hòa Phú"});
  EXPECT_FALSE(UnitNameHintsFromFile("/nonexistent/units.csv").ok());
}

class UnitNameHintsStoreTest : public ::testing::TestWithParam<std::string> {};

TEST_P(UnitNameHintsStoreTest, FromEveryUnitInTheStore) {
  auto db = OpenFreshTestDatabase(GetParam());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto rows = ParseUnitCsv(kUnits, "units.csv");
  ASSERT_TRUE(rows.ok());
  ASSERT_TRUE(ImportUnits(**db, *rows, "test").ok());
  auto hints = UnitNameHintsFromStore(**db);
  ASSERT_TRUE(hints.ok()) << hints.status().ToString();
  EXPECT_EQ(NamesFrom(*hints, "hoa"), std::vector<std::string>{"Hòa Phú"});
  EXPECT_EQ(NamesFrom(*hints, "xa"), std::vector<std::string>{"Xã Hòa Phú"});
}

INSTANTIATE_TEST_SUITE_P(Backends, UnitNameHintsStoreTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
