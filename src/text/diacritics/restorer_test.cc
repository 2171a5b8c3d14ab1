#include "text/diacritics/restorer.h"

#include <gtest/gtest.h>

#include "text/diacritics/strip_diacritics.h"
#include "text/normalize.h"

namespace lienthong {
namespace {

const DiacriticRestorer& Restorer() {
  static const DiacriticRestorer* restorer = [] {
    auto r = DiacriticRestorer::Embedded();
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : nullptr;
  }();
  return *restorer;
}

std::string Restored(std::string_view text, const RestoreOptions& options = {}) {
  auto result = Restorer().Restore(text, options);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? result->text : "";
}

std::string WordAt(const RestoreResult& r, size_t i) {
  return r.text.substr(r.words[i].begin, r.words[i].end - r.words[i].begin);
}

TEST(DiacriticRestorerTest, RestoresAdministrativeText) {
  EXPECT_EQ(Restored("Cong hoa xa hoi chu nghia Viet Nam\nDoc lap - Tu do - Hanh phuc"),
            "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc");
  EXPECT_EQ(Restored("Uy ban nhan dan tinh ban hanh ke hoach thuc hien chuyen doi so."),
            "Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện chuyển đổi số.");
}

TEST(DiacriticRestorerTest, KeepsTheCaseOfEveryLetter) {
  EXPECT_EQ(Restored("CONG HOA XA HOI CHU NGHIA VIET NAM"), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  EXPECT_EQ(Restored("KE HOACH Trien khai"), "KẾ HOẠCH Triển khai");
}

TEST(DiacriticRestorerTest, KeepsNumbersSymbolsAndUrls) {
  const std::string out = Restored(
      "So: 120/KH-UBND ngay 15/8/2025; xem https://daklak.gov.vn/ke-hoach?so=120 hoac gui "
      "van.thu@daklak.gov.vn truoc 1.234,5 gio.");
  EXPECT_NE(out.find("Số: 120/KH-UBND ngày 15/8/2025;"), std::string::npos) << out;
  EXPECT_NE(out.find(" https://daklak.gov.vn/ke-hoach?so=120 "), std::string::npos) << out;
  EXPECT_NE(out.find(" van.thu@daklak.gov.vn "), std::string::npos) << out;
  EXPECT_NE(out.find("1.234,5"), std::string::npos) << out;
  EXPECT_EQ(Restored("Quyet dinh so 06/QĐ-TTg"), "Quyết định số 06/QĐ-TTg");
}

TEST(DiacriticRestorerTest, KeepsWordsThatAlreadyCarryDiacritics) {
  // "cáp" is not what the model would choose before "nhat", but it was written that way.
  auto result = Restorer().Restore("cáp nhat tài lieu");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(WordAt(*result, 0), "cáp");
  EXPECT_EQ(result->words[0].source, RestoreSource::kKept);
  EXPECT_FALSE(result->words[0].changed);
  EXPECT_EQ(WordAt(*result, 2), "tài");
  EXPECT_EQ(WordAt(*result, 3), "liệu");
  EXPECT_TRUE(result->words[3].changed);
}

TEST(DiacriticRestorerTest, OnRequestRereadsWordsWithMarksTheModelNeverSaw) {
  // OCR without a Vietnamese model: "Tuyén truyén Ké hoạch" for "Tuyên truyền Kế hoạch".
  const std::string ocr = "Tuyén truyén Ké hoạch";
  EXPECT_EQ(Restored(ocr), ocr);
  RestoreOptions options;
  options.reread_unknown_words = true;
  auto result = Restorer().Restore(ocr, options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->text, "Tuyên truyền Kế hoạch");
  EXPECT_EQ(result->words[0].source, RestoreSource::kModel);
  EXPECT_EQ(result->words[3].source, RestoreSource::kKept);  // "hoạch" is a word the model knows
}

TEST(DiacriticRestorerTest, GivesEachWordASourceAndAConfidence) {
  auto result = Restorer().Restore("Ban chi dao tinh bao cao ket qua xyzq.");
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->words.size(), 9u);
  for (const RestoredWord& w : result->words) {
    EXPECT_GE(w.confidence, 0.0f);
    EXPECT_LE(w.confidence, 1.0f);
  }
  EXPECT_EQ(result->words[8].source, RestoreSource::kUnknown);  // "xyzq"
  EXPECT_EQ(result->words[8].confidence, 0.0f);
  EXPECT_EQ(result->words[1].source, RestoreSource::kModel);  // "chi": chỉ, chi, chí, chị, …
  EXPECT_GT(result->words[1].confidence, 0.5f);
  EXPECT_EQ(WordAt(*result, 1), "chỉ");
  RestoreOptions fast;
  fast.confidence = false;
  auto unscored = Restorer().Restore("Ban chi dao", fast);
  ASSERT_TRUE(unscored.ok());
  EXPECT_EQ(unscored->text, "Ban chỉ đạo");
  EXPECT_EQ(unscored->words[1].confidence, -1.0f);
}

TEST(DiacriticRestorerTest, WritesNfcWhateverItReads) {
  const std::string nfd = ToNfd("Kế hoạch trien khai");
  const std::string out = Restored(nfd);
  EXPECT_EQ(out, "Kế hoạch triển khai");
  EXPECT_EQ(out, ToNfc(out));
}

TEST(DiacriticRestorerTest, EmptyBlankAndInvalidInput) {
  auto empty = Restorer().Restore("");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->text, "");
  EXPECT_TRUE(empty->words.empty());
  EXPECT_EQ(Restored(" \n\n\t "), " \n\n\t ");
  // Ill-formed UTF-8 becomes U+FFFD; the words around it are still restored.
  EXPECT_EQ(Restored("ke hoach \xFF\xFE trien khai"), "kế hoạch \xEF\xBF\xBD\xEF\xBF\xBD triển khai");
}

TEST(DiacriticRestorerTest, RefusesTextOverTheLimit) {
  const std::string huge(kMaxRestoreBytes + 1, 'a');
  auto result = Restorer().Restore(huge);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kTooLarge);
}

TEST(DiacriticRestorerTest, DecodesVeryLongLinesInSegments) {
  std::string line;
  for (int i = 0; i < 1500; ++i) line += "ke hoach trien khai ";  // 6,000 tokens, one line
  auto result = Restorer().Restore(line);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->words.size(), 6000u);
  EXPECT_EQ(WordAt(*result, 5997), "hoạch");
  EXPECT_EQ(WordAt(*result, 4098), "triển");
}

TEST(DiacriticRestorerTest, ReadsWrappedLinesAsOneSentence) {
  EXPECT_EQ(Restored("Cac bo, nganh, dia\nphuong trien khai."),
            "Các bộ, ngành, địa\nphương triển khai.");
}

TEST(DiacriticRestorerTest, ListMarkerAfterDIsDStroke) {
  EXPECT_EQ(Restored("c) Bao cao;\nd) Tong hop;\nd) Kiem tra;\ne) Khac."),
            "c) Báo cáo;\nd) Tổng hợp;\nđ) Kiểm tra;\ne) Khác.");
  EXPECT_EQ(Restored("a) Mot;\nb) Hai."), "a) Một;\nb) Hai.");
}

TEST(DiacriticRestorerTest, UnitNamesWinWhereTheirCapitalsMatch) {
  diacritics::NameHints names;
  names.AddName("Xã Hòa Phú");
  RestoreOptions options;
  options.names = &names;
  auto result = Restorer().Restore("UBND xa Hoa Phu; hoa phu sa", options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->text.rfind("UBND xã Hòa Phú;", 0), 0u) << result->text;
  EXPECT_EQ(result->words[2].source, RestoreSource::kName);
  EXPECT_EQ(result->words[4].source, RestoreSource::kModel);  // lower case "hoa": not the name
}

TEST(DiacriticRestorerTest, NamesTheDocumentWritesWithDiacriticsWin) {
  // "Pong Ngai" is no real place; the document spells it once, and that spelling wins.
  const std::string text = "Ủy ban nhân dân xã Pông Ngải\nUBND xa Pong Ngai bao cao.";
  EXPECT_EQ(Restored(text), "Ủy ban nhân dân xã Pông Ngải\nUBND xã Pông Ngải báo cáo.");
  RestoreOptions options;
  options.learn_names_from_text = false;
  EXPECT_EQ(Restored(text, options).find("Pông Ngải báo"), std::string::npos);
}

TEST(DiacriticRestorerTest, ModernToneStyleOnRequest) {
  RestoreOptions modern;
  modern.tone_style = ToneStyle::kModern;
  EXPECT_EQ(Restored("hoa binh, thuy loi", modern), "hoà bình, thuỷ lợi");
  EXPECT_EQ(Restored("hoa binh, thuy loi"), "hòa bình, thủy lợi");
}

TEST(DiacriticRestorerTest, WordRangesPointIntoTheOutput) {
  auto result = Restorer().Restore("Đắk Lắk: ke hoach 2025 (dot 1)");
  ASSERT_TRUE(result.ok());
  std::vector<std::string> words;
  for (size_t i = 0; i < result->words.size(); ++i) words.push_back(WordAt(*result, i));
  EXPECT_EQ(words, (std::vector<std::string>{"Đắk", "Lắk", "kế", "hoạch", "đợt"}));
}

TEST(DocumentRestorerTest, KeepsListStateAndNamesAcrossPieces) {
  DocumentRestorer document(Restorer(), RestoreOptions{});
  document.LearnNames("Xã Pông Ngải");
  auto first = document.Restore("d) Xa Pong Ngai bao cao;");
  auto second = document.Restore("d) Kiem tra.");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->text, "d) Xã Pông Ngải báo cáo;");
  EXPECT_EQ(second->text, "đ) Kiểm tra.");
}

TEST(DiacriticRestorerTest, StrippedTextComesBack) {
  const std::string original =
      "Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ban, ngành triển khai thực hiện "
      "Kế hoạch này; định kỳ báo cáo kết quả về Ủy ban nhân dân tỉnh.";
  EXPECT_EQ(Restored(diacritics::StripDiacritics(original)), original);
}

}  // namespace
}  // namespace lienthong
