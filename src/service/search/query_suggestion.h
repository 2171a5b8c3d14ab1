// "Có phải bạn muốn tìm …": a query typed without diacritics, with them restored (issue 15).
// Search itself already ignores diacritics; the suggestion shows the person the words they meant
// and finds what is written exactly so.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "util/status.h"

namespace lienthong {

inline constexpr size_t kMaxSuggestionQueryBytes = 500;

// The query with its diacritics restored, or nullopt when there is nothing to suggest: the query
// already carries a diacritic somewhere (the person typed them), or restoring changes nothing.
Result<std::optional<std::string>> SuggestRestoredQuery(std::string_view query);

}  // namespace lienthong
