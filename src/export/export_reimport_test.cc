// Round trip: an exported plan read back by our own importer gives the same header fields,
// signer, recipients and tasks — evidence that the layout is the one real documents have.
#include <gtest/gtest.h>

#include "export/docx_writer.h"
#include "export/plan_document.h"
#include "export/testing/sample_documents.h"
#include "import/parse/plan_parser.h"
#include "import/plan_json.h"
#include "import/readers.h"

namespace lienthong {
namespace {

using nlohmann::json;

json Reimport(const json& plan) {
  auto doc = PlanToOfficialDocument(plan);
  EXPECT_TRUE(doc.ok());
  auto bytes = WriteOfficialDocx(*doc);
  EXPECT_TRUE(bytes.ok());
  auto raw = ReadDocumentBytes(*bytes, "export.docx");
  EXPECT_TRUE(raw.ok()) << raw.status().ToString();
  if (!raw.ok()) return json();
  auto parsed = ParsePlans(*raw);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  if (!parsed.ok()) return json();
  json out = json::parse(ImportedDocumentsToJson(*parsed).dump());
  EXPECT_EQ(out["documents"].size(), 1u) << out.dump(2);
  return out["documents"].empty() ? json() : out["documents"][0];
}

TEST(ExportReimportTest, StatePlanReadsBackWithTheSameFields) {
  const json original = export_testing::SampleStatePlan();
  const json back = Reimport(original);
  for (const char* field : {"doc_type", "number", "issuer", "parent_issuer", "place", "date",
                            "title", "family", "recipients", "signer"}) {
    EXPECT_EQ(back[field], original[field]) << field << "\n" << back.dump(2);
  }
  EXPECT_EQ(back["legal_bases"], original["legal_bases"]);
  ASSERT_EQ(back["tasks"].size(), original["tasks"].size()) << back.dump(2);
  for (size_t i = 0; i < original["tasks"].size(); ++i) {
    EXPECT_EQ(back["tasks"][i]["text"], original["tasks"][i]["text"]);
    EXPECT_EQ(back["tasks"][i]["lead"], original["tasks"][i]["lead"]);
    EXPECT_EQ(back["tasks"][i]["deadline"], original["tasks"][i]["deadline"]);
  }
}

TEST(ExportReimportTest, PartyPlanReadsBackWithTheSameHeader) {
  const json original = export_testing::SamplePartyPlan();
  const json back = Reimport(original);
  for (const char* field : {"number", "issuer", "parent_issuer", "date", "family", "signer"}) {
    EXPECT_EQ(back[field], original[field]) << field << "\n" << back.dump(2);
  }
}

}  // namespace
}  // namespace lienthong
