// Theme coverage: whole themes aligned one-to-one, robust to rewording and ';' lists; a dropped
// theme is flagged and an unrelated theme covers nothing. Fixtures:
// testing/reworded_themes_fixture.h (our own texts).
#include "service/plans/theme_coverage.h"

#include <gtest/gtest.h>

#include <map>

#include "testing/reworded_themes_fixture.h"

namespace lienthong {
namespace {

using namespace lienthong::testing_themes;

struct KindCounts {
  int right = 0, total = 0;
};

TEST(ThemeCoverageTest, VerbatimCoveredDroppedFlaggedMostRewordedFound) {
  std::map<ThemeCase, KindCounts> by_kind;
  for (const ThemeCoverageCase& c : RewordedThemeCases()) {
    std::vector<ThemeMatch> got = MatchThemes(c.parent, c.child);
    ASSERT_EQ(got.size(), c.expected.size()) << c.name;
    for (size_t i = 0; i < got.size(); ++i) {
      KindCounts& k = by_kind[c.kind[i]];
      ++k.total;
      k.right += got[i].covered == c.expected[i] ? 1 : 0;
      // Nothing is covered that the child does not have.
      if (!c.expected[i]) {
        EXPECT_FALSE(got[i].covered) << c.name << " theme " << i + 1;
      }
      if (c.kind[i] == ThemeCase::kVerbatim) {
        EXPECT_TRUE(got[i].covered) << c.name << " theme " << i + 1 << " " << got[i].score;
      }
    }
  }
  const KindCounts& reworded = by_kind[ThemeCase::kReworded];
  EXPECT_GE(reworded.total, 3);
  EXPECT_GE(3 * reworded.right, 2 * reworded.total)
      << reworded.right << " of " << reworded.total << " reworded themes found";
}

TEST(ThemeCoverageTest, CoveredThemesShowTheirPassageFromTheMatchedChildTheme) {
  ThemeCoverageCase c = DisasterPreventionCase();
  std::vector<ThemeMatch> got = MatchThemes(c.parent, c.child);
  // Theme 2 (the response teams) is the child's first theme, its list reordered.
  ASSERT_TRUE(got[1].covered);
  ASSERT_FALSE(got[1].passage.empty());
  const std::string unit = c.child.themes[0].title + " " + c.child.themes[0].text;
  EXPECT_NE(unit.find(got[1].passage.substr(0, 30)), std::string::npos) << got[1].passage;
  EXPECT_GT(got[1].score, got[2].score);  // the dropped theme scores below it
}

TEST(ThemeCoverageTest, SemicolonListsCompareAsAWhole) {
  // Five items of a ';' list, reordered and one reworded: one theme, not five passages.
  const std::string parent =
      "Tuyên truyền các nhóm nhiệm vụ: thể chế; hạ tầng kỹ thuật; dữ liệu; nhân lực số; bảo "
      "đảm an toàn thông tin.";
  const std::string child =
      "Tuyên truyền về dữ liệu; nguồn nhân lực số; an toàn thông tin; thể chế; hạ tầng kỹ thuật.";
  EXPECT_GE(ThemeSimilarity(parent, child), kThemeCoveredScore);
  EXPECT_LT(ThemeSimilarity(parent, "Tổ chức giải bóng đá thiếu niên; hội thi văn nghệ; cắm "
                                    "trại hè."),
            kMinPairScore);
}

TEST(ThemeCoverageTest, OneToOneTwoSimilarThemesDoNotShareOneChildTheme) {
  PlanDocument parent, child;
  parent.themes = {Theme("1", "Tuyên truyền về chuyển đổi số trong cơ quan nhà nước"),
                   Theme("2", "Tuyên truyền về chuyển đổi số trong doanh nghiệp, hợp tác xã")};
  child.themes = {Theme("1", "Tuyên truyền về chuyển đổi số trong doanh nghiệp, hợp tác xã")};
  std::vector<ThemeMatch> got = MatchThemes(parent, child);
  EXPECT_FALSE(got[0].covered);
  EXPECT_TRUE(got[1].covered);
}

TEST(ThemeCoverageTest, AThemeMergedIntoAnotherIsCoveredWhenHeldWhole) {
  PlanDocument parent, child;
  parent.themes = {Theme("1", "Bồi dưỡng kỹ năng số cho cán bộ"),
                   Theme("2", "Phổ biến dịch vụ công trực tuyến cho người dân")};
  child.themes = {Theme("1", "Bồi dưỡng kỹ năng số cho cán bộ và phổ biến dịch vụ công trực "
                             "tuyến cho người dân")};
  std::vector<ThemeMatch> got = MatchThemes(parent, child);
  EXPECT_TRUE(got[0].covered);
  EXPECT_TRUE(got[1].covered);
}

TEST(ThemeCoverageTest, AChildWithoutThemesIsReadFromItsSections) {
  PlanDocument parent, child;
  parent.themes = {Theme("1", "Bảo đảm an toàn, an ninh mạng cho hệ thống thông tin"),
                   Theme("2", "Phát triển du lịch cộng đồng")};
  Section content{.label = "II", .title = "NỘI DUNG"};
  content.children.push_back(Section{.label = "1", .title = "An toàn thông tin",
                                     .body = "Bảo đảm an ninh mạng cho các hệ thống thông tin "
                                             "của xã."});
  child.sections = {content};
  std::vector<ThemeMatch> got = MatchThemes(parent, child);
  EXPECT_TRUE(got[0].covered);
  EXPECT_FALSE(got[1].covered);
  EXPECT_NE(got[0].passage.find("Bảo đảm an ninh mạng cho các hệ thống thông tin của xã."),
            std::string::npos)
      << got[0].passage;
  EXPECT_EQ(MatchThemes(parent, PlanDocument{}).size(), 2u);  // nothing to cover with
  EXPECT_FALSE(MatchThemes(parent, PlanDocument{})[0].covered);
}

}  // namespace
}  // namespace lienthong
