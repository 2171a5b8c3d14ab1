// LevelWordRewriter: adapts a parent plan's text to the deriving unit's level with one list of
// level words (level_words.h), e.g. for Xã Ea Kar deriving from a plan of Tỉnh Đắk Lắk:
//
//   "Tỉnh ủy Đắk Lắk chỉ đạo … trên địa bàn tỉnh"   → "Đảng ủy xã Ea Kar chỉ đạo … trên địa bàn xã"
//   "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"                  → "ỦY BAN NHÂN DÂN XÃ EA KAR"
//   "Trên địa bàn tỉnh Đắk Lắk"                       → "Trên địa bàn xã Ea Kar"
//
// Matching: text and phrases are cut into tokens (runs of letters/digits; each punctuation mark
// is a token of its own; spaces only separate), words compared by MatchKey, so case, tone style
// ("Uỷ"/"Ủy") and spacing do not matter and only whole words match ("tỉnh" never matches inside
// "tỉnhx"). At each token the longest matching phrase wins; ties go to the earlier position.
//
// Output: the phrase's to_text as stored (its own tone style), with case carried over from the
// matched words — an all-capital match gives capitals, a capitalised match a capitalised
// replacement. The parent territory's name following a replaced phrase ("… tỉnh Đắk Lắk") becomes
// the unit's ("… xã Ea Kar"), and the parent territory's full name on its own ("tỉnh Đắk Lắk")
// becomes the unit's territory ("xã Ea Kar"). Text between matches is copied byte for byte.
//
// Thread safety: Rewrite is const and may run concurrently.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "service/plans/level_words.h"

namespace lienthong {

struct LevelNames {
  std::string from_noun;       // the parent's level noun: "tỉnh"; "" for the country
  std::string to_noun;         // the unit's: "xã", "phường", "đặc khu", "tỉnh"
  std::string from_territory;  // "Tỉnh Đắk Lắk"; "" to leave territory names alone
  std::string from_proper;     // "Đắk Lắk"
  std::string to_proper;       // "Ea Kar"
};

class LevelWordRewriter {
 public:
  LevelWordRewriter(const std::vector<LevelWord>& words, const LevelNames& names);
  std::string Rewrite(std::string_view text) const;

 private:
  struct Rule {
    std::vector<std::string> keys;  // token keys of from_text
    std::string to_text;            // placeholders expanded
  };
  std::map<std::string, std::vector<Rule>> rules_by_first_key_;  // longest first
  std::vector<std::string> from_proper_keys_;
  std::vector<std::string> from_territory_keys_;
  LevelNames names_;
};

}  // namespace lienthong
