#include "service/search/query_suggestion.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

TEST(QuerySuggestion, RestoresAQueryTypedWithoutDiacritics) {
  Result<std::optional<std::string>> s = SuggestRestoredQuery("chuyen doi so");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->value_or(""), "chuyển đổi số");
}

TEST(QuerySuggestion, NothingToSuggest) {
  // Typed with diacritics: the person chose their words, even half of them.
  EXPECT_EQ(*SuggestRestoredQuery("chuyển doi so"), std::nullopt);
  // Nothing a restorer would change.
  EXPECT_EQ(*SuggestRestoredQuery("41/KH-UBND 2026"), std::nullopt);
  EXPECT_EQ(*SuggestRestoredQuery(""), std::nullopt);
}

TEST(QuerySuggestion, RefusesAnOversizedQuery) {
  Result<std::optional<std::string>> s = SuggestRestoredQuery(std::string(501, 'a'));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().field(), "q");
}

}  // namespace
}  // namespace lienthong
