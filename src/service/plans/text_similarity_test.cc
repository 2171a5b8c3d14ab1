// Theme/task coverage scoring: reworded, reordered, tone-style and case variants score as covered;
// unrelated texts do not.
#include "service/plans/text_similarity.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

double Score(const std::string& needle, const std::string& text) {
  return ContainmentScore(MakeFingerprint(needle), MakeFingerprint(text));
}

TEST(TextSimilarityTest, StopWordsAndNumbersAreDropped) {
  Fingerprint fp = MakeFingerprint("1. Đẩy mạnh tuyên truyền về chuyển đổi số năm 2025");
  EXPECT_EQ(fp.syllables, (std::vector<std::string>{"tuyen", "truyen", "chuyen", "doi", "so"}));
  EXPECT_TRUE(fp.bigrams.count("truyen chuyen"));  // across the dropped "về"
}

TEST(TextSimilarityTest, IdenticalTextScoresOne) {
  EXPECT_DOUBLE_EQ(Score("Tuyên truyền về chuyển đổi số", "Tuyên truyền về chuyển đổi số"), 1.0);
}

TEST(TextSimilarityTest, CaseAndToneStyleVariantsScoreOne) {
  EXPECT_DOUBLE_EQ(Score("Phổ biến kiến thức về an toàn thông tin cho đoàn viên thanh niên",
                         "PHỔ BIẾN KIẾN THỨC VỀ AN TOÀN THÔNG TIN CHO ĐOÀN VIÊN THANH NIÊN"),
                   1.0);
  EXPECT_DOUBLE_EQ(Score("Tổ chức hội thảo về hoà nhập và thuỷ lợi",
                         "tổ chức hội thảo về hòa nhập và thủy lợi"),
                   1.0);
  // OCR text without diacritics still matches.
  EXPECT_DOUBLE_EQ(Score("Tuyên truyền chuyển đổi số", "tuyen truyen chuyen doi so"), 1.0);
}

TEST(TextSimilarityTest, RewordedAndReorderedThemesAreCovered) {
  const std::string theme = "Tuyên truyền về chuyển đổi số và kinh tế số";
  EXPECT_GE(Score(theme, "Đẩy mạnh công tác thông tin, tuyên truyền chuyển đổi số, kinh tế số "
                         "trên địa bàn xã"),
            kCoveredScore);
  EXPECT_GE(Score(theme, "Phát triển kinh tế số gắn với tuyên truyền chuyển đổi số cho nhân dân"),
            kCoveredScore);
  EXPECT_GE(Score("Phổ biến kỹ năng số cho người dân",
                  "Tổ chức các lớp bồi dưỡng, phổ biến kỹ năng số thiết yếu cho người dân"),
            kCoveredScore);
}

TEST(TextSimilarityTest, UnrelatedThemesAreNotCovered) {
  const std::string theme = "Tuyên truyền về chuyển đổi số và kinh tế số";
  EXPECT_LT(Score(theme, "Bảo đảm an ninh trật tự, an toàn giao thông dịp Tết Nguyên đán"),
            kCoveredScore);
  EXPECT_LT(Score(theme, "Tổ chức hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm"),
            kCoveredScore);
  EXPECT_LT(Score("Bảo vệ an toàn thông tin mạng",
                  "Tuyên truyền phòng, chống dịch bệnh cho vật nuôi"),
            kCoveredScore);
  // Sharing one general word is not enough.
  EXPECT_LT(Score("Chuyển đổi số trong giáo dục", "Chuyển đổi xanh trong nông nghiệp"),
            kCoveredScore);
}

TEST(TextSimilarityTest, SplitsPassagesAtSentencesItemsAndSemicolons) {
  auto p = SplitPassages("Mục tiêu chung. Tuyên truyền chuyển đổi số; phổ biến kỹ năng số\n- Thôn 1");
  EXPECT_EQ(p, (std::vector<std::string>{"Mục tiêu chung.", "Tuyên truyền chuyển đổi số",
                                         "phổ biến kỹ năng số", "Thôn 1"}));
  // Dates and numbers keep their dots.
  EXPECT_EQ(SplitPassages("Trước ngày 15.9.2025 hoàn thành").size(), 1u);
}

TEST(TextSimilarityTest, BestPassageIsTheMatchingSentence) {
  PassageIndex index({"Mục đích, yêu cầu", "Bảo đảm an ninh trật tự trên địa bàn",
                      "Tuyên truyền sâu rộng về chuyển đổi số đến từng thôn, buôn",
                      "Tổng kết, báo cáo kết quả"});
  PassageMatch m = index.Best(MakeFingerprint("Tuyên truyền về chuyển đổi số"));
  EXPECT_GE(m.score, kCoveredScore);
  EXPECT_EQ(m.passage, "Tuyên truyền sâu rộng về chuyển đổi số đến từng thôn, buôn");
  PassageMatch none = index.Best(MakeFingerprint("Phát triển du lịch cộng đồng"));
  EXPECT_LT(none.score, kCoveredScore);
}

TEST(TextSimilarityTest, ThemeSplitOverHeadingAndSentenceIsFoundInAWindowOfTwo) {
  PassageIndex index({"Về chuyển đổi số", "Tuyên truyền đến cán bộ, đảng viên và nhân dân"});
  PassageMatch m = index.Best(MakeFingerprint("Tuyên truyền chuyển đổi số cho nhân dân"));
  EXPECT_GE(m.score, kCoveredScore);
  EXPECT_EQ(m.passage, "Về chuyển đổi số Tuyên truyền đến cán bộ, đảng viên và nhân dân");
}

}  // namespace
}  // namespace lienthong
