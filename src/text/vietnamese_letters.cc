#include "text/vietnamese_letters.h"

#include <array>
#include <string_view>

namespace lienthong {
namespace {

// One row per vowel, columns in Tone order: none, huyền, hỏi, ngã, sắc, nặng.
constexpr std::u32string_view kVowelBases = U"aăâeêioôơuưy";
constexpr std::array<std::u32string_view, 12> kLower = {U"aàảãáạ", U"ăằẳẵắặ", U"âầẩẫấậ", U"eèẻẽéẹ",
                                                        U"êềểễếệ", U"iìỉĩíị", U"oòỏõóọ", U"ôồổỗốộ",
                                                        U"ơờởỡớợ", U"uùủũúụ", U"ưừửữứự", U"yỳỷỹýỵ"};
constexpr std::array<std::u32string_view, 12> kUpper = {U"AÀẢÃÁẠ", U"ĂẰẲẴẮẶ", U"ÂẦẨẪẤẬ", U"EÈẺẼÉẸ",
                                                        U"ÊỀỂỄẾỆ", U"IÌỈĨÍỊ", U"OÒỎÕÓỌ", U"ÔỒỔỖỐỘ",
                                                        U"ƠỜỞỠỚỢ", U"UÙỦŨÚỤ", U"ƯỪỬỮỨỰ", U"YỲỶỸÝỴ"};
constexpr std::string_view kVowelAscii = "aaaeeiooouuy";

// Two dense ranges cover every Vietnamese letter: U+0000..U+01B0 and U+1EA0..U+1EF9, so lookup is
// one bounds check and one array index.
constexpr char32_t kLowRangeEnd = 0x1B1;
constexpr char32_t kHighRangeBegin = 0x1EA0;
constexpr char32_t kHighRangeEnd = 0x1EFA;

struct Entry {
  char32_t base = 0;
  uint8_t tone = 0;
  bool upper = false;
  bool present = false;
};

struct Tables {
  std::array<Entry, kLowRangeEnd> low{};
  std::array<Entry, kHighRangeEnd - kHighRangeBegin> high{};

  Entry* Slot(char32_t c) {
    if (c < kLowRangeEnd) return &low[c];
    if (c >= kHighRangeBegin && c < kHighRangeEnd) return &high[c - kHighRangeBegin];
    return nullptr;
  }
  const Entry* Find(char32_t c) const {
    if (c < kLowRangeEnd) return &low[c];
    if (c >= kHighRangeBegin && c < kHighRangeEnd) return &high[c - kHighRangeBegin];
    return nullptr;
  }

  Tables() {
    for (char c = 'a'; c <= 'z'; ++c) {
      low[static_cast<unsigned char>(c)] = {static_cast<char32_t>(c), 0, false, true};
      low[static_cast<unsigned char>(c - 'a' + 'A')] = {static_cast<char32_t>(c), 0, true, true};
    }
    low[0x111] = {U'đ', 0, false, true};
    low[0x110] = {U'đ', 0, true, true};
    for (size_t v = 0; v < kVowelBases.size(); ++v) {
      for (int t = 0; t < kToneCount; ++t) {
        *Slot(kLower[v][t]) = {kVowelBases[v], static_cast<uint8_t>(t), false, true};
        *Slot(kUpper[v][t]) = {kVowelBases[v], static_cast<uint8_t>(t), true, true};
      }
    }
  }
};

const Tables& GetTables() {
  static const Tables kTables;
  return kTables;
}

}  // namespace

std::optional<LetterParts> SplitLetter(char32_t c) {
  const Entry* e = GetTables().Find(c);
  if (e == nullptr || !e->present) return std::nullopt;
  return LetterParts{e->base, static_cast<Tone>(e->tone), e->upper};
}

char32_t ComposeLetter(char32_t base, Tone tone, bool upper) {
  const size_t v = kVowelBases.find(base);
  if (v != std::u32string_view::npos) {
    const int t = static_cast<int>(tone);
    return upper ? kUpper[v][t] : kLower[v][t];
  }
  if (tone != Tone::kNone) return 0;
  if (base == U'đ') return upper ? U'Đ' : U'đ';
  if (base >= U'a' && base <= U'z') return upper ? base - U'a' + U'A' : base;
  return 0;
}

bool IsVowelBase(char32_t base) { return kVowelBases.find(base) != std::u32string_view::npos; }

char AsciiOfBase(char32_t base) {
  const size_t v = kVowelBases.find(base);
  if (v != std::u32string_view::npos) return kVowelAscii[v];
  if (base == U'đ') return 'd';
  if (base >= U'a' && base <= U'z') return static_cast<char>(base);
  return 0;
}

}  // namespace lienthong
