#include "service/search/query_suggestion.h"

#include <algorithm>

#include "text/diacritics/restorer.h"

namespace lienthong {

Result<std::optional<std::string>> SuggestRestoredQuery(std::string_view query) {
  if (query.size() > kMaxSuggestionQueryBytes) {
    return Status::InvalidField("q", "at most 500 bytes");
  }
  // Any byte over 0x7F is a letter with a mark or another script: the person chose their words.
  const bool plain = std::all_of(query.begin(), query.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!plain) return std::optional<std::string>();
  LT_ASSIGN_OR_RETURN(const DiacriticRestorer* restorer, DiacriticRestorer::Embedded());
  RestoreOptions options;
  options.confidence = false;
  LT_ASSIGN_OR_RETURN(RestoreResult restored, restorer->Restore(query, options));
  if (restored.text == query) return std::optional<std::string>();
  return std::optional<std::string>(std::move(restored.text));
}

}  // namespace lienthong
