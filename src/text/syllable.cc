#include "text/syllable.h"

#include <array>

namespace lienthong {
namespace {

enum class Coda : uint8_t { kNone, kRequired, kAny };

struct Nucleus {
  std::u32string_view vowels;
  Coda coda;  // kNone: open syllables only ("ai"); kRequired: needs a final ("ân", "iêng")
};

// Every vowel nucleus of standard orthography, glides included, after the qu/gi onsets are taken.
constexpr std::array<Nucleus, 55> kNuclei = {{
    {U"a", Coda::kAny},       {U"ă", Coda::kRequired},  {U"â", Coda::kRequired},
    {U"e", Coda::kAny},       {U"ê", Coda::kAny},       {U"i", Coda::kAny},
    {U"o", Coda::kAny},       {U"ô", Coda::kAny},       {U"ơ", Coda::kAny},
    {U"u", Coda::kAny},       {U"ư", Coda::kAny},       {U"y", Coda::kAny},
    {U"ai", Coda::kNone},     {U"ao", Coda::kNone},     {U"au", Coda::kNone},
    {U"ay", Coda::kNone},     {U"âu", Coda::kNone},     {U"ây", Coda::kNone},
    {U"eo", Coda::kNone},     {U"êu", Coda::kNone},     {U"ia", Coda::kNone},
    {U"iê", Coda::kRequired}, {U"iu", Coda::kNone},     {U"oa", Coda::kAny},
    {U"oă", Coda::kRequired}, {U"oe", Coda::kAny},      {U"oi", Coda::kNone},
    {U"ôi", Coda::kNone},     {U"ơi", Coda::kNone},     {U"oo", Coda::kRequired},
    {U"ua", Coda::kNone},     {U"uâ", Coda::kRequired}, {U"uê", Coda::kAny},
    {U"ui", Coda::kNone},     {U"uô", Coda::kRequired}, {U"uơ", Coda::kNone},
    {U"uy", Coda::kAny},      {U"ưa", Coda::kNone},     {U"ưi", Coda::kNone},
    {U"ươ", Coda::kRequired}, {U"ưu", Coda::kNone},     {U"yê", Coda::kRequired},
    {U"iêu", Coda::kNone},    {U"yêu", Coda::kNone},    {U"oai", Coda::kNone},
    {U"oay", Coda::kNone},    {U"oao", Coda::kNone},    {U"oeo", Coda::kNone},
    {U"uây", Coda::kNone},    {U"uôi", Coda::kNone},    {U"ươi", Coda::kNone},
    {U"ươu", Coda::kNone},    {U"uya", Coda::kNone},    {U"uyê", Coda::kRequired},
    {U"uyu", Coda::kNone},
}};

// Longest first, so "ngh" wins over "ng" and "ng" over "n".
constexpr std::array<std::u32string_view, 28> kOnsets = {
    U"ngh", U"ng", U"gh", U"gi", U"kh", U"nh", U"ph", U"th", U"tr", U"ch", U"qu", U"b", U"c", U"d",
    U"đ",   U"g",  U"h",  U"k",  U"l",  U"m",  U"n",  U"p",  U"r",  U"s",  U"t",  U"v", U"x", U"q"};

constexpr std::array<std::u32string_view, 8> kCodas = {U"c",  U"ch", U"m", U"n",
                                                       U"ng", U"nh", U"p", U"t"};

const Nucleus* FindNucleus(std::u32string_view vowels) {
  for (const Nucleus& n : kNuclei) {
    if (n.vowels == vowels) return &n;
  }
  return nullptr;
}

size_t OnsetLength(std::u32string_view bases) {
  for (std::u32string_view onset : kOnsets) {
    if (!bases.starts_with(onset)) continue;
    if (onset == U"q") return std::u32string_view::npos;  // "q" only ever appears as "qu"
    // "gi" and "qu" are consonants only when a vowel follows ("gìn" is g + i + n; "qu" alone is
    // not a syllable).
    if (onset == U"gi" || onset == U"qu") {
      if (bases.size() <= 2 || !IsVowelBase(bases[2])) {
        if (onset == U"qu") return std::u32string_view::npos;
        continue;
      }
    }
    return onset.size();
  }
  return 0;  // no onset: "ăn", "uy", "ở"
}

bool IsStopCoda(std::u32string_view coda) {
  return coda == U"c" || coda == U"ch" || coda == U"p" || coda == U"t";
}

struct Parsed {
  SyllableShape shape;
  std::u32string_view coda;
};

std::optional<Parsed> Parse(std::u32string_view bases) {
  const size_t onset = OnsetLength(bases);
  if (onset == std::u32string_view::npos) return std::nullopt;
  size_t end = onset;
  while (end < bases.size() && IsVowelBase(bases[end])) ++end;
  if (end == onset) return std::nullopt;
  const std::u32string_view coda = bases.substr(end);
  if (!coda.empty()) {
    bool known = false;
    for (std::u32string_view c : kCodas) known = known || c == coda;
    if (!known) return std::nullopt;
  }
  const Nucleus* nucleus = FindNucleus(bases.substr(onset, end - onset));
  if (nucleus == nullptr) return std::nullopt;
  if (nucleus->coda == Coda::kNone && !coda.empty()) return std::nullopt;
  if (nucleus->coda == Coda::kRequired && coda.empty()) return std::nullopt;
  return Parsed{SyllableShape{onset, end, !coda.empty()}, coda};
}

}  // namespace

std::optional<SyllableShape> ParseSyllable(std::u32string_view bases) {
  std::optional<Parsed> parsed = Parse(bases);
  if (!parsed) return std::nullopt;
  return parsed->shape;
}

bool IsValidSyllable(std::u32string_view bases, Tone tone) {
  std::optional<Parsed> parsed = Parse(bases);
  if (!parsed) return false;
  if (IsStopCoda(parsed->coda)) return tone == Tone::kAcute || tone == Tone::kDot;
  return true;
}

}  // namespace lienthong
