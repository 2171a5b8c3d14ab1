// Level words: the editable table of phrases a derived plan adapts from its parent's level to the
// deriving unit's ("trên địa bàn tỉnh" → "trên địa bàn xã", "Tỉnh ủy" → "Đảng ủy xã"), one
// ordered list per pair of levels (cascade_units.h: "country", "province", "commune"). Seeded by
// migration 0008 and edited by admins (PUT /api/v1/level-words). Rewriting text with a list is
// LevelWordRewriter (level_word_rewriter.h).
//
// Placeholders: in from_text "{from}" is the parent's level noun ("tỉnh", "thành phố"); in
// to_text "{to}" is the unit's ("xã", "phường", "đặc khu", "tỉnh").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/level_word_store.h"

namespace lienthong {

// True for "country", "province", "commune".
bool IsLevelName(std::string_view level);

// Every entry, ordered by from_level, to_level, position; with `level`, only the lists whose
// from_level or to_level is it. kInvalidArgument for an unknown level.
Result<std::vector<LevelWord>> ListLevelWords(Database& db,
                                              const std::optional<std::string>& level = {});

// The list for one pair of levels, in position order.
Result<std::vector<LevelWord>> LevelWordsFor(Database& db, std::string_view from_level,
                                             std::string_view to_level);

struct LevelWordEdit {
  std::string from_text;
  std::string to_text;
};

// Replaces the whole list of (from_level, to_level) with `entries` (positions 0, 1, … in the
// given order; texts stored NFC and trimmed) in one transaction with one audit row ("update",
// entity "level_words", id "from→to", before and after as JSON). Errors: kInvalidArgument naming
// the entry ("entries[2].from_text: must not be empty"), for an unknown level, the same level on
// both sides, or a from_text given twice (by MatchKey). Nothing is written on error.
Status ReplaceLevelWords(Database& db, const std::string& from_level, const std::string& to_level,
                         const std::vector<LevelWordEdit>& entries, const std::string& actor);

}  // namespace lienthong
