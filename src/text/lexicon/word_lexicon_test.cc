// The coverage lexicon: its file format (keys folded, bounds, errors naming the line) and the
// embedded file parsing with the statistics coverage relies on.
#include "text/lexicon/word_lexicon.h"

#include <gtest/gtest.h>

#include "text/lexicon/embedded_lexicon.h"

namespace lienthong {
namespace {

TEST(WordLexiconTest, ParsesTermsWeightsAndRelatedTermsOnSearchKeys) {
  auto lexicon = WordLexicon::Parse(
      "# comment\n"
      "tuyên truyền\t52\tphổ biến:61,truyền thông:40\n"
      "phổ biến\t48\ttuyên truyền:61\n"
      "truyền thông\t60\t\n"
      "công tác\t9\t\n");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  EXPECT_EQ(lexicon->size(), 4u);
  EXPECT_TRUE(lexicon->IsCompound("tuyen", "truyen"));
  EXPECT_FALSE(lexicon->IsCompound("truyen", "tuyen"));
  EXPECT_DOUBLE_EQ(lexicon->Weight("tuyen truyen"), 5.2);
  EXPECT_DOUBLE_EQ(lexicon->Weight("khong co"), WordLexicon::kUnknownWeight);
  const auto& related = lexicon->RelatedTo("tuyen truyen");
  ASSERT_EQ(related.size(), 2u);
  EXPECT_EQ(related[0].term, "pho bien");
  EXPECT_DOUBLE_EQ(related[0].similarity, 0.61);
  EXPECT_TRUE(lexicon->RelatedTo("cong tac").empty());
}

TEST(WordLexiconTest, TermsThatFoldToOneKeyShareIt) {
  auto lexicon = WordLexicon::Parse("số\t30\t\nsở\t45\t\n");
  ASSERT_TRUE(lexicon.ok());
  EXPECT_EQ(lexicon->size(), 1u);
  EXPECT_DOUBLE_EQ(lexicon->Weight("so"), 3.0);  // the lower weight
}

TEST(WordLexiconTest, MalformedLinesAreRefusedByLineNumber) {
  auto missing_field = WordLexicon::Parse("# x\ntuyên truyền\t52\n");
  ASSERT_FALSE(missing_field.ok());
  EXPECT_NE(missing_field.status().message().find("line 2"), std::string::npos);
  EXPECT_FALSE(WordLexicon::Parse("a\tx\t\n").ok());
  EXPECT_FALSE(WordLexicon::Parse("ab\t5\tcd:50\n").ok());     // related term not in the file
  EXPECT_FALSE(WordLexicon::Parse("ab\t5\tab:500\ncd\t1\t\n").ok());  // similarity over 100
  EXPECT_FALSE(WordLexicon::Parse(std::string(WordLexicon::kMaxBytes + 1, '#')).ok());
}

TEST(WordLexiconTest, TheEmbeddedLexiconParsesAndWeighsTopicsOverCommonWords) {
  auto parsed = WordLexicon::Parse(EmbeddedCoverageLexicon());
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const WordLexicon& lexicon = WordLexicon::Embedded();
  EXPECT_EQ(lexicon.size(), parsed->size());
  EXPECT_GT(lexicon.size(), 3000u);
  EXPECT_TRUE(lexicon.IsCompound("tuyen", "truyen"));
  EXPECT_LT(lexicon.Weight("cong tac"), lexicon.Weight("sat lo"));
  size_t with_related = 0;
  for (const char* term : {"tuyen truyen", "boi duong", "nguoi dan", "kiem tra"})
    with_related += lexicon.RelatedTo(term).empty() ? 0 : 1;
  EXPECT_GE(with_related, 3u);
}

}  // namespace
}  // namespace lienthong
