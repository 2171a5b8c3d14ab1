// The plan document's JSON form: the importer's output reads and writes back unchanged, problems
// are named by path, and what this version does not know is kept.
#include "store/plan_document_codec.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace lienthong {
namespace {

using nlohmann::json;

json ReadJson(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return json::parse(s.str());
}

TEST(PlanDocumentCodecTest, TheImportersOutputRoundTripsUnchanged) {
  int documents = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(LIENTHONG_TESTDATA) + "/import/text")) {
    if (entry.path().string().find(".expected.json") == std::string::npos) continue;
    const json file = ReadJson(entry.path());
    for (const json& doc : file["documents"]) {
      ProblemList problems;
      PlanDocument typed = DecodePlanDocument(doc, "document", problems);
      EXPECT_TRUE(problems.empty()) << entry.path() << ": " << problems.ToStatus("").message();
      EXPECT_EQ(EncodePlanDocument(typed), doc) << entry.path();
      ++documents;
    }
  }
  EXPECT_GE(documents, 6);
}

TEST(PlanDocumentCodecTest, ReadsTheFormsReviewersSendBack) {
  json doc = {{"title", "Kế hoạch thử"},
              {"legal_bases", {"02-KH/BCĐ", {{"symbol", "13/KH-UBND"}, {"text", "Căn cứ …"}}}},
              {"sections", {"MỤC ĐÍCH"}},
              {"tasks", {{{"id", 7}, {"text", "Việc một"}, {"deadline", {{"text", "Quý IV/2025"}}},
                          {"deadline_date", "2025-12-31"}, {"deadline_kind", "period"}}}},
              {"importer_note", {{"kept", true}}}};
  ProblemList problems;
  PlanDocument typed = DecodePlanDocument(doc, "document", problems);
  ASSERT_TRUE(problems.empty()) << problems.ToStatus("").message();
  ASSERT_EQ(typed.legal_bases.size(), 2u);
  EXPECT_EQ(typed.legal_bases[1].text, "Căn cứ …");
  ASSERT_EQ(typed.sections.size(), 1u);
  EXPECT_EQ(typed.sections[0].title, "MỤC ĐÍCH");
  ASSERT_EQ(typed.tasks.size(), 1u);
  EXPECT_EQ(typed.tasks[0].id, 7);
  EXPECT_EQ(typed.tasks[0].deadline, "Quý IV/2025");
  EXPECT_EQ(typed.tasks[0].deadline_date, (Date{2025, 12, 31}));
  EXPECT_EQ(typed.tasks[0].deadline_kind, TimeSpecKind::kPeriod);

  json back = EncodePlanDocument(typed);
  EXPECT_EQ(back["importer_note"], json({{"kept", true}}));
  EXPECT_EQ(back["legal_bases"], json({"02-KH/BCĐ", "13/KH-UBND"}));
  EXPECT_EQ(back["tasks"][0]["id"], 7);
  EXPECT_EQ(back["section_tree"][0]["title"], "MỤC ĐÍCH");
}

TEST(PlanDocumentCodecTest, StoresTextAsNfcAndKeepsSectionBodies) {
  json doc = {{"title", "Ho\u0300a Bi\u0300nh"},  // NFD
              {"section_tree", {{{"label", "I"}, {"title", "MỤC ĐÍCH"}, {"body", "Đoạn văn."}}}}};
  PlanDocument typed = ReadStoredPlanDocument(doc.dump());
  EXPECT_EQ(typed.header.title, "Hòa Bình");
  EXPECT_EQ(EncodePlanDocument(typed)["section_tree"][0]["body"], "Đoạn văn.");
}

TEST(PlanDocumentCodecTest, NamesEachMalformedFieldByItsPath) {
  json doc = {{"title", 42},
              {"tasks", {{{"text", "ok"}, {"lead", "not a list"}},
                         {{"text", ""}, {"deadline_date", "31/12/2025"}, {"id", -1}}}},
              {"legal_bases", {{{"text", "no symbol"}}}}};
  ProblemList problems;
  DecodePlanDocument(doc, "documents[0]", problems);
  std::string m = problems.ToStatus("x").message();
  for (const char* expected :
       {"documents[0].title: expected a string or null",
        "documents[0].tasks[0].lead: expected a list of strings",
        "documents[0].tasks[1].text: a task needs its text",
        "documents[0].tasks[1].deadline_date: expected a date YYYY-MM-DD",
        "documents[0].tasks[1].id: expected a positive task id",
        "documents[0].legal_bases[0].symbol: a legal basis needs its symbol"}) {
    EXPECT_NE(m.find(expected), std::string::npos) << expected << "\n" << m;
  }
}

TEST(PlanDocumentCodecTest, RefusesAnOutlineNestedBeyondTheLimit) {
  json node = {{"label", "-"}, {"title", "x"}};
  for (int i = 0; i < 40; ++i) node = {{"label", "-"}, {"title", "x"}, {"children", {node}}};
  ProblemList problems;
  DecodePlanDocument({{"section_tree", {node}}}, "document", problems);
  EXPECT_NE(problems.ToStatus("x").message().find("nested more than 32 levels"),
            std::string::npos);
}

TEST(PlanDocumentCodecTest, AStoredTextThatIsNotJsonGivesAnEmptyDocument) {
  PlanDocument typed = ReadStoredPlanDocument("{not json");
  EXPECT_TRUE(typed.header.title.empty());
  EXPECT_TRUE(typed.tasks.empty());
}

}  // namespace
}  // namespace lienthong
