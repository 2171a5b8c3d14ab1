// How header names are spelt when OCR misread them: province names, the issuer's fixed phrases,
// the place, the Central Committee's wrapped name (header_spelling.h).
#include "import/parse/header_spelling.h"

#include "import/parse/line_kinds.h"
#include "import/parse/province_names.h"
#include "text/keys.h"
#include "text/normalize.h"
#include "text/vietnamese_letters.h"
#include "util/utf8.h"

namespace lienthong::parse {
namespace {

// True when `text` holds a letter no Vietnamese word has ("ä", "ë", "ç"): what OCR makes of a
// tone mark it could not read.
bool HasForeignLetter(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = DecodeUtf8(text, &pos);
    if (c >= 0xC0 && c < 0x2000 && !SplitLetter(c).has_value()) return true;
  }
  return false;
}

// "ĐẮK LẮK" -> "Đắk Lắk": each word's first letter kept, the others in lower case.
std::string TitleCaseWords(std::string_view caps) {
  std::string out;
  size_t pos = 0;
  bool word_start = true;
  while (pos < caps.size()) {
    const char32_t c = DecodeUtf8(caps, &pos);
    char32_t lower = c;
    if (!word_start) {
      if (const std::optional<LetterParts> parts = SplitLetter(c)) {
        lower = ComposeLetter(parts->base, parts->tone, false);
      }
    }
    AppendUtf8(lower, &out);
    word_start = c == ' ';
  }
  return out;
}

// The provinces' names as a header prints them: with their kind ("Tỉnh Đắk Lắk", "Thành phố Hồ
// Chí Minh", as an issuer ends) and without it ("Đắk Lắk", as a place may be written), each with
// its letters without marks and spaces. Why once: a header is read per document, tens of
// thousands in a large import.
struct ProvinceForm {
  std::string spelled, compact;
  bool with_kind = false;
  std::string last_word;  // folded: "noi" of "Hà Nội"
};

const std::vector<ProvinceForm>& ProvinceForms() {
  static const std::vector<ProvinceForm> forms = [] {
    std::vector<ProvinceForm> out;
    auto last_word = [](const std::string& name) {
      const std::string key = FoldKey(name);
      const std::vector<KeyWord> words = KeyWords(key);
      return words.empty() ? std::string() : std::string(words.back().text);
    };
    for (const std::string& p : ProvinceNames()) {
      out.push_back({p, Compact(FoldKey(p)), true, last_word(p)});
      for (std::string_view kind : {"Tỉnh ", "Thành phố "}) {
        if (p.rfind(kind, 0) == 0) {
          const std::string bare = p.substr(kind.size());
          out.push_back({bare, Compact(FoldKey(bare)), false, last_word(bare)});
        }
      }
    }
    return out;
  }();
  return forms;
}

}  // namespace

// An issuer's name ending with a province's ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH") as OCR
// misread it — a space lost ("HỒ CHÍMINH") or a mark misread ("THÀNH PHỔ") — takes the official
// spelling, in the name's case. The province's kind (Tỉnh, Thành phố) must be read too, so a
// commune or person named like a province is left alone.
void RepairProvinceName(std::string& name) {
  if (name.empty()) return;
  const std::string key = FoldKey(name);
  const std::string compact = Compact(key);
  for (const ProvinceForm& form : ProvinceForms()) {
    if (!form.with_kind) continue;
    const std::string& province = form.spelled;
    const std::string& wanted = form.compact;
    if (wanted.empty() || compact.size() < wanted.size() ||
        compact.compare(compact.size() - wanted.size(), wanted.size(), wanted) != 0) {
      continue;
    }
    // Where the province's name starts in the key: a word start with `wanted` after it.
    for (size_t at = 0; at < key.size(); ++at) {
      if (key[at] == ' ' || (at > 0 && key[at - 1] != ' ')) continue;
      if (Compact(std::string_view(key).substr(at)) != wanted) continue;
      const std::string tail(SliceByCodePoints(name, at, CodePointCount(name)));
      const std::string spelled = IsMostlyUpper(tail) ? ToUpperVietnamese(province) : province;
      // Only a misreading is repaired: the old tone placement ("THANH HOÁ") is the same name.
      if (MatchKey(tail) != MatchKey(spelled)) name = std::string(SliceByCodePoints(name, 0, at)) + spelled;
      return;
    }
    return;
  }
}

// An issuer's fixed words as OCR misread them — a mark ("ỦY BẠN NHÂN DÂN", "THU TƯƠNG CHÍNH
// PHÙ") or a space ("ỦY BANNHÂNDÂN") — take their spelling. Only phrases of two words or more,
// whose letters without marks and spaces name nothing else; the old tone placement ("UỶ BAN") is
// kept as printed, and so is the case of a name not printed in capitals.
void RepairOcrIssuer(std::string& issuer) {
  // Longer phrases first: "BAN TUYÊN GIÁO VÀ DÂN VẬN" before any phrase it starts with.
  static constexpr std::string_view kPhrases[] = {
      "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "THỦ TƯỚNG CHÍNH PHỦ", "BAN CHẤP HÀNH TRUNG ƯƠNG",
      "BAN CHẤP HÀNH", "BAN THƯỜNG VỤ", "BỘ CHÍNH TRỊ", "BAN BÍ THƯ", "VĂN PHÒNG",
      "ĐẢNG ỦY", "TỈNH ỦY", "THÀNH ỦY", "MẶT TRẬN TỔ QUỐC VIỆT NAM",
      // The Party committees' boards (HD 36) and the ministries (2025), printed in every header.
      "BAN TUYÊN GIÁO VÀ DÂN VẬN", "BAN TỔ CHỨC", "ỦY BAN KIỂM TRA", "BAN NỘI CHÍNH",
      "BỘ QUỐC PHÒNG", "BỘ CÔNG AN", "BỘ NGOẠI GIAO", "BỘ NỘI VỤ", "BỘ TƯ PHÁP", "BỘ TÀI CHÍNH",
      "BỘ CÔNG THƯƠNG", "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "BỘ XÂY DỰNG",
      "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "BỘ KHOA HỌC VÀ CÔNG NGHỆ", "BỘ GIÁO DỤC VÀ ĐÀO TẠO",
      "BỘ Y TẾ", "BỘ DÂN TỘC VÀ TÔN GIÁO"};
  // Why once: each phrase's letters without marks and spaces, for every issuer read.
  static const std::vector<std::string> kLetters = [] {
    std::vector<std::string> out;
    for (std::string_view phrase : kPhrases) out.push_back(Compact(FoldKey(phrase)));
    return out;
  }();
  if (issuer.empty() || !IsMostlyUpper(issuer)) return;
  const std::string key = FoldKey(issuer);
  std::vector<size_t> starts;  // code points where words start
  for (size_t at = 0; at < key.size(); ++at) {
    if (key[at] != ' ' && (at == 0 || key[at - 1] == ' ')) starts.push_back(at);
  }
  std::string out;
  size_t done = 0;  // code points of `issuer` already in `out`
  for (size_t w = 0; w < starts.size(); ++w) {
    if (starts[w] < done) continue;
    for (size_t p = 0; p < std::size(kPhrases); ++p) {
      const std::string_view phrase = kPhrases[p];
      const std::string& wanted = kLetters[p];
      // The words from w whose letters spell the phrase, however OCR spaced them.
      std::string letters;
      size_t end = starts[w];
      for (size_t v = w; v < starts.size() && letters.size() < wanted.size(); ++v) {
        end = v + 1 < starts.size() ? starts[v + 1] : key.size();
        letters += Compact(std::string_view(key).substr(starts[v], end - starts[v]));
      }
      if (letters != wanted) continue;
      while (end > starts[w] && key[end - 1] == ' ') --end;
      const std::string printed(SliceByCodePoints(issuer, starts[w], end));
      out += SliceByCodePoints(issuer, done, starts[w]);
      out += MatchKey(printed) == MatchKey(phrase) ? printed : std::string(phrase);
      done = end;
      break;
    }
  }
  out += SliceByCodePoints(issuer, done, CodePointCount(issuer));
  issuer = out;
}

// A place OCR misread that is a province's name — a space lost ("NghệAn"), a mark misread ("Đăk
// Lắk"), a speck inside ("Hồ Chỉ í Minh") or before it ("bị Nghệ An", what a stamp's edge left)
// — takes the official spelling. A place names the province with its kind ("Thành phố Hồ Chí
// Minh") or without ("Nghệ An"); the form printed is kept, and so is an old tone placement
// ("Thanh Hoá"). One slip is allowed only in a name of nine letters or more, so a commune named
// nearly like a province ("Gia Lâm") is left alone.
void RepairOcrPlace(std::string& place) {
  if (place.empty()) return;
  constexpr size_t kSlipLetters = 9;
  constexpr size_t kMinKeptWord = 3;  // a last word that alone names one province ("noi", "thap")
  const std::string key = FoldKey(place);
  const std::vector<KeyWord> words = KeyWords(key);
  if (words.empty()) return;
  const std::string_view last = words.back().text;
  // The province whose name ends with that word, when only one does.
  const ProvinceForm* by_last = nullptr;
  int with_last = 0;
  for (const ProvinceForm& f : ProvinceForms()) {
    if (f.with_kind || f.last_word != last) continue;
    by_last = &f;
    ++with_last;
  }
  if (with_last != 1 || last.size() < kMinKeptWord) by_last = nullptr;
  // From the longest tail that starts a word to the shortest: the first that is a province's.
  for (size_t at = 0; at < key.size(); ++at) {
    if (key[at] == ' ' || (at > 0 && key[at - 1] != ' ')) continue;
    const std::string compact = Compact(std::string_view(key).substr(at));
    for (const ProvinceForm& f : ProvinceForms()) {
      // One slip in a long name; in a short one only before a last word read right ("Hề Nội",
      // "Đăng Thấp"): "Gia Lâm" is no "Gia Lai".
      const bool slip = NearlyEqualWord(compact, f.compact) &&
                        (compact.size() >= kSlipLetters || &f == by_last);
      if (compact != f.compact && !slip) continue;
      const std::string tail(SliceByCodePoints(place, at, CodePointCount(place)));
      place = MatchKey(tail) == MatchKey(f.spelled) ? tail : f.spelled;
      return;
    }
  }
  // The first word lost under a stamp: "Nội" is Hà Nội's, and no other province's.
  if (words.size() == 1 && by_last != nullptr && KeyWords(FoldKey(by_last->spelled)).size() > 1) {
    place = by_last->spelled;
  }
}

// ND30 Appendix I: the place is the locality the issuing body sits in, which the issuer's name
// (or its parent's) ends with — "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK" … "Đắk Lắk, ngày …". A place OCR
// read with a letter no Vietnamese word has ("Đäk Lắk") takes its spelling from that name when
// the two agree once diacritics are set aside.
void RepairPlaceFromIssuer(PlanHeader& h) {
  if (h.place.empty() || !HasForeignLetter(h.place)) return;
  const std::string place_key = FoldKey(h.place);
  const size_t place_words = KeyWords(place_key).size();
  for (const std::string* name : {&h.issuer, &h.parent_issuer}) {
    if (name->empty() || HasForeignLetter(*name)) continue;
    const std::string key = FoldKey(*name);
    const std::vector<KeyWord> words = KeyWords(key);
    if (words.size() < place_words || place_words == 0) continue;
    const KeyWord& first = words[words.size() - place_words];
    if (key.substr(first.begin) != place_key) continue;
    h.place = TitleCaseWords(SliceByCodePoints(*name, first.begin, CodePointCount(*name)));
    return;
  }
}

std::string CutMottoRemains(std::string_view fragment) {
  const std::string key = FoldKey(fragment);
  const std::vector<KeyWord> words = KeyWords(key);
  auto pair_at = [&](size_t w, std::string_view a, std::string_view b) {
    return w + 1 < words.size() && words[w].text == a && words[w + 1].text == b;
  };
  for (size_t w = 0; w < words.size(); ++w) {
    // "VĂN HÓA - XÃ HỘI" and "HỘI CHỮ THẬP ĐỎ" are names; "HÒA XÃ" only starts the motto's rest.
    if (pair_at(w, "cong", "hoa") || pair_at(w, "chu", "nghia") || (w == 0 && pair_at(w, "hoa", "xa"))) {
      return TrimChars(SliceByCodePoints(fragment, 0, words[w].begin), " *-_.,:;|");
    }
  }
  return std::string(fragment);
}

// Title, issuer and parent, and the type when no type line named it.
// "BAN CHẤP HÀNH TRUNG ƯƠNG", the issuer of central Party documents, wraps after "TRUNG" in the
// narrow issuer column, and OCR often garbles the short "ƯƠNG" below ("DƠNG", "ĐEN"). No body's
// name ends with "TRUNG": a fragment that does is the Central Committee's name, and a short
// fragment after it (five letters or fewer, no unit head) is what is left of "ƯƠNG".
std::vector<std::string> WithCentralCommitteeWhole(std::vector<std::string> fragments) {
  static constexpr std::string_view kWrapped = "banchaphanhtrung";
  static constexpr std::string_view kWhole = "banchaphanhtrunguong";
  constexpr size_t kMaxSpeckLetters = 9;
  for (size_t i = 0; i < fragments.size(); ++i) {
    const std::string compact = Compact(FoldKey(fragments[i]));
    // Its two lines read across as one, their words interleaved ("BAN CHẤP _ƯƠNG HÀNH TRUNG"),
    // with specks or the Party name's "ĐẢNG" among them: every part of the name and little else.
    const bool interleaved = compact.starts_with("banchap") && compact.find("hanh") != std::string::npos &&
                             compact.find("trun") != std::string::npos &&
                             compact.find("uong") != std::string::npos &&
                             compact.size() <= kWhole.size() + kMaxSpeckLetters;
    if (interleaved && compact != kWhole) {
      fragments[i] = IsMostlyUpper(fragments[i]) ? "BAN CHẤP HÀNH TRUNG ƯƠNG" : "Ban Chấp hành Trung ương";
      continue;
    }
    if (!compact.ends_with(kWrapped)) continue;
    if (i + 1 < fragments.size()) {
      const std::string next = FoldKey(fragments[i + 1]);
      if (Compact(next).size() <= 5 && UnitHeadLength(TrimChars(next, " "), 0) == 0) {
        fragments.erase(fragments.begin() + static_cast<long>(i) + 1);
      }
    }
    const size_t at = FoldKey(fragments[i]).rfind("ban chap hanh");
    const std::string before =
        at == std::string::npos ? "" : std::string(SliceByCodePoints(fragments[i], 0, at));
    fragments[i] = before + (IsMostlyUpper(fragments[i]) ? "BAN CHẤP HÀNH TRUNG ƯƠNG"
                                                          : "Ban Chấp hành Trung ương");
  }
  return fragments;
}

}  // namespace lienthong::parse
