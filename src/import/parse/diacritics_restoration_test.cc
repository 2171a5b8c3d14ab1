// Text that lost its diacritics is restored before it is parsed, and what changed is kept beside
// it. A fictional plan typed without a Vietnamese keyboard, with OCR's "P" for "Đ".
#include "import/parse/diacritics_restoration.h"

#include <gtest/gtest.h>

#include "import/parse/plan_parser.h"
#include "import/readers.h"

namespace lienthong {
namespace {

constexpr char kPlanWithoutDiacritics[] =
    "UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM\n"
    "XA HOA PHU Doc lap - Tu do - Hanh phuc\n"
    "So: 15/KH-UBND Hoa Phu, ngay 12 thang 3 nam 2026\n"
    "KE HOACH\n"
    "Tuyen truyen chuyen doi so nam 2026\n"
    "Can cu Ke hoach so 120/KH-UBND ngay 02/02/2026 cua Uy ban nhan dan tinh Pak Lak;\n"
    "I. MUC PICH, YEU CAU\n"
    "1. Nang cao nhan thuc cua can bo va Nhan dan ve chuyen doi so.\n"
    "II. NOI DUNG\n"
    "1. Cong chuc Van hoa - Xa hoi chu tri tuyen truyen tren he thong truyen thanh co so.\n";

Result<std::vector<ImportedDocument>> Parse(const std::string& text) {
  LT_ASSIGN_OR_RETURN(RawDocument raw, ReadTextDocument(text, "plan.txt"));
  return ParsePlans(raw);
}

TEST(ImportDiacriticsRestoration, RestoresTheFieldsAndKeepsTheOriginal) {
  Result<std::vector<ImportedDocument>> docs = Parse(kPlanWithoutDiacritics);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  const ImportedDocument& doc = docs->front();
  EXPECT_EQ(doc.diacritics, "restored");
  EXPECT_EQ(doc.plan.header.title, "Tuyên truyền chuyển đổi số năm 2026");
  EXPECT_EQ(doc.plan.header.number, "15/KH-UBND");  // the symbol kept as written
  EXPECT_EQ(doc.plan.header.date, "2026-03-12");
  // "Pak Lak": OCR's P for Đ is repaired, then the rest of the word restored.
  ASSERT_FALSE(doc.plan.legal_bases.empty());
  EXPECT_NE(doc.plan.legal_bases.front().text.find("tỉnh Đắk Lắk"), std::string::npos)
      << doc.plan.legal_bases.front().text;
  EXPECT_GT(doc.restored_words, 40);
  // The original lines are kept, as read (after the P→Đ repair).
  bool title_kept = false;
  for (const parse::OriginalLine& l : doc.original_lines) {
    title_kept = title_kept || l.text == "Tuyen truyen chuyen doi so nam 2026";
  }
  EXPECT_TRUE(title_kept);
  bool warned = false;
  for (const ImportWarning& w : doc.warnings) warned = warned || w.code == "diacritics_restored";
  EXPECT_TRUE(warned);
  // Uncertain words carry the original, the choice and a confidence under the threshold.
  for (const parse::UncertainWord& w : doc.uncertain) {
    EXPECT_LT(w.confidence, parse::kUncertainRestoreConfidence);
    EXPECT_EQ(w.original.size() <= w.restored.size(), true) << w.original << " " << w.restored;
  }
}

TEST(ImportDiacriticsRestoration, TextWithDiacriticsIsLeftAlone) {
  Result<std::vector<ImportedDocument>> docs =
      Parse("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ HÒA PHÚ Độc lập - Tự do - Hạnh "
            "phúc\nSố: 15/KH-UBND Hòa Phú, ngày 12 tháng 3 năm 2026\nKẾ HOẠCH\nTuyên truyền "
            "chuyển đổi số năm 2026\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ(docs->front().diacritics, "ok");
  EXPECT_TRUE(docs->front().original_lines.empty());
  EXPECT_EQ(docs->front().restored_words, 0);
}

TEST(ImportDiacriticsRestoration, RepairedDIsKeptWhatEverTheModelChooses) {
  std::vector<parse::Line> lines(1);
  lines[0].SetText("Đong Nai va đia phuong");
  const parse::DiacriticsRestoration r = parse::RestoreLostDiacritics(&lines);
  ASSERT_TRUE(r.done) << r.why_not;
  EXPECT_EQ(lines[0].text.rfind("Đồng Nai", 0), 0u) << lines[0].text;
  EXPECT_NE(lines[0].text.find("địa phương"), std::string::npos) << lines[0].text;
}

}  // namespace
}  // namespace lienthong
