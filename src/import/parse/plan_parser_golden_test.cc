// Golden tests: each fictional fixture in tests/testdata/import/text is read and parsed, and its
// JSON compared with NAME.expected.json beside it. Regenerate with
//   UPDATE_GOLDEN=1 ./lienthong_tests --gtest_filter='ImportGolden*'
// and review every changed golden by hand before committing.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "import/parse/plan_parser.h"
#include "import/plan_json.h"
#include "import/readers.h"

namespace lienthong {
namespace {

const std::string kDir = std::string(LIENTHONG_TESTDATA) + "/import/text/";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class ImportGolden : public ::testing::TestWithParam<const char*> {};

TEST_P(ImportGolden, MatchesExpectedJson) {
  const std::string name = GetParam();
  const std::string bytes = ReadAll(kDir + name);
  ASSERT_FALSE(bytes.empty()) << kDir + name;
  Result<RawDocument> raw = ReadTextDocument(bytes, name);
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  Result<std::vector<ImportedDocument>> docs = ParsePlans(*raw);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  const nlohmann::ordered_json got = ImportedDocumentsToJson(*docs);
  const std::string expected_path = kDir + name + ".expected.json";
  if (std::getenv("UPDATE_GOLDEN") != nullptr) {
    std::ofstream(expected_path) << got.dump(2) << "\n";
    GTEST_SKIP() << "golden rewritten: " << expected_path;
  }
  const std::string expected_text = ReadAll(expected_path);
  ASSERT_FALSE(expected_text.empty()) << "missing " << expected_path << " (run with UPDATE_GOLDEN=1)";
  const nlohmann::ordered_json expected = nlohmann::ordered_json::parse(expected_text);
  EXPECT_EQ(got, expected) << "got:\n" << got.dump(2);
  // The text the CLI and the import child write, made on several threads, is the same bytes.
  EXPECT_EQ(ImportedDocumentsJsonText(*docs, 2), got.dump(2));
  EXPECT_EQ(ImportedDocumentsJsonText(*docs), got.dump());
}

TEST(ImportParsePlans, ManyDocumentsParseInOrderOnSeveralThreads) {
  // 40 copies of a two-document file: 80 documents, parsed and written on several threads, come
  // out in file order and equal to the copies parsed one by one.
  const std::string one = ReadAll(kDir + "two_documents.txt");
  ASSERT_FALSE(one.empty());
  std::string many;
  for (int i = 0; i < 40; ++i) many += one + "\n\n";
  Result<RawDocument> single_raw = ReadTextDocument(one, "one.txt");
  Result<RawDocument> many_raw = ReadTextDocument(many, "many.txt");
  ASSERT_TRUE(single_raw.ok() && many_raw.ok());
  Result<std::vector<ImportedDocument>> single = ParsePlans(*single_raw);
  Result<std::vector<ImportedDocument>> all = ParsePlans(*many_raw);
  ASSERT_TRUE(single.ok() && all.ok());
  ASSERT_EQ(single->size(), 2u);
  ASSERT_EQ(all->size(), 80u);
  for (size_t i = 0; i < all->size(); ++i) {
    const nlohmann::ordered_json got = ImportedDocumentToJson((*all)[i]);
    const nlohmann::ordered_json want = ImportedDocumentToJson((*single)[i % 2]);
    EXPECT_EQ(got["number"], want["number"]) << i;
    EXPECT_EQ(got["title"], want["title"]) << i;
    EXPECT_EQ(got["tasks"].size(), want["tasks"].size()) << i;
    EXPECT_EQ(got["sections"].size(), want["sections"].size()) << i;
  }
  const nlohmann::ordered_json whole = ImportedDocumentsToJson(*all);
  EXPECT_EQ(ImportedDocumentsJsonText(*all, 2), whole.dump(2));
  EXPECT_EQ(ImportedDocumentsJsonText(*all), whole.dump());
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ImportGolden,
                         ::testing::Values("state_plan_table.txt", "party_plan_org.md",
                                           "draft_blank_number.txt", "two_documents.txt",
                                           "footer_repeated.txt", "no_diacritics.txt",
                                           "plan_with_report_form.txt"),
                         [](const ::testing::TestParamInfo<const char*>& p) {
                           std::string n = p.param;
                           for (char& c : n) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return n;
                         });

TEST(ImportParsePlans, EmptyAndGarbageInputsParse) {
  RawDocument empty;
  ASSERT_TRUE(ParsePlans(empty).ok());
  EXPECT_TRUE(ParsePlans(empty)->empty());
  Result<RawDocument> raw = ReadTextDocument("!!!\n- \n1.\nI.\n|a|\n\t\t\n", "junk.txt");
  ASSERT_TRUE(raw.ok());
  EXPECT_TRUE(ParsePlans(*raw).ok());
}

}  // namespace
}  // namespace lienthong
