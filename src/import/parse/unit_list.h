// Splitting a lead/coordinator cell or heading into unit names.
//
// Separators, in order: line breaks, ';', list bullets ("- A; - B", "- A - B" when B starts with a
// unit head), then ','. Rules that keep names whole:
//   * a part with a colon stays whole: "Các đảng ủy: Quân sự, Công an tỉnh" names one group;
//   * a comma part that starts in lower case continues the name before it, except "các …":
//     "Các sở, ban, ngành tỉnh" and "Các cơ quan, đơn vị" are one group name (a comma list of
//     single generic nouns after "Các"), while "Ủy ban MTTQ tỉnh, các tổ chức chính trị - xã hội"
//     is two units;
//   * a comma part in capitals that does not start with a unit head ("Báo và Phát thanh, Truyền
//     hình Đắk Lắk") continues the name; one that does ("…, Văn phòng Tỉnh ủy") or is a person's
//     name starts a new one;
//   * " và " splits only between two names that both start with a unit head ("Sở Nội vụ và Sở Tài
//     chính"), never inside one ("Ban Tuyên giáo và Dân vận");
//   * names run together when a cell's line breaks were lost ("Đảng ủy UBND tỉnh Văn phòng Tỉnh
//     ủy") split before a capitalised "Các", or before a unit head that follows a word ending a
//     unit name (tỉnh, xã, huyện, phường, ủy, vị, TW).
// Leading "Đề nghị" (a request to a body outside the issuer's command) is dropped, and so are
// words after a name that say what the body does ("Sở Nội vụ chủ trì tham mưu …", "… trong phạm
// vi chức năng, nhiệm vụ của mình"), up to a "và" or "," that starts another body. Lower-case
// bodies count as names where a sentence names them: "các cơ quan, tổ chức …", "cơ quan thông
// tấn báo chí" (a body noun and two more words).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lienthong::parse {

std::vector<std::string> SplitUnitList(std::string_view text);

// The body a sentence assigns work to:
//   "Giao Văn phòng Trung ương Đảng hướng dẫn …"              -> "Văn phòng Trung ương Đảng"
//   "Giao Đảng uỷ Chính phủ: (i) Chỉ đạo …"                    -> "Đảng uỷ Chính phủ", text after ':'
//   "Yêu cầu Đảng uỷ Chính phủ chỉ đạo …", "Đề nghị Ủy ban MTTQ tỉnh phối hợp …"
//   "Các cơ quan, tổ chức từ Trung ương đến cơ sở có trách nhiệm …"
//   "Cấp uỷ, chính quyền địa phương các cấp, nhất là …"       -> "Cấp uỷ, chính quyền địa phương các cấp"
// After "Giao" the body may be a group ("các bộ, ngành"); after "Yêu cầu"/"Đề nghị" it must be a
// named body (capitalised), so "Yêu cầu các cấp uỷ, …" addresses everyone and assigns nothing.
// Without such a verb the sentence must open with a body followed by an action word (or, when
// `role_verb_only`, by chủ trì / phối hợp / có trách nhiệm / chịu trách nhiệm). The name ends at
// the first lower-case action word, a colon, or ", nhất là"; it has at most 16 words.
// The name a line opens with, when it goes on with what the body does in words no list knows
// ("Sở Xây dựng đăng tải thông điệp …" -> "Sở Xây dựng"): the head, then each capitalised word
// with the lower-case syllable after it (names capitalise the first syllable of each part: "Sở
// Văn hóa và Thể thao"), "và" before a capital, and the lower-case words names carry ("nhân
// dân", "tỉnh", "xã" …); at most 12 words. "" when the line does not open with a body.
std::string LeadingUnitName(std::string_view line);

struct Assignment {
  std::string body;        // "" when the sentence assigns nothing
  size_t text_begin = 0;   // code point where the assigned work is stated (after "X:"), else 0
  bool addressed = false;  // opened with Giao / Yêu cầu / Đề nghị
  // The name ended at a word that is only ever a verb ("chủ trì", "lập", "tham mưu"), not at
  // one that may also be a noun inside a name ("tổ chức", "kiểm tra", "tổng hợp").
  bool clear_verb = false;
  bool role_verb = false;  // that word states a role: chủ trì, phối hợp, có/chịu trách nhiệm
};
Assignment FindAssignment(std::string_view sentence, bool role_verb_only = false);

// "Đề nghị Ủy ban MTTQ tỉnh" -> "Ủy ban MTTQ tỉnh"; trailing ":;,." removed.
std::string CleanUnitName(std::string_view text);

}  // namespace lienthong::parse
