#include "import/parse/header_parser.h"

#include <algorithm>

#include "import/parse/header_spelling.h"
#include "import/parse/line_kinds.h"
#include "text/keys.h"
#include "text/normalize.h"
#include "text/vietnamese_letters.h"
#include "util/utf8.h"

namespace lienthong::parse {
namespace {

constexpr size_t kMaxHeaderLines = 45;
constexpr int kMaxTitleLines = 6;
// A caps phrase of this many words outside the header table is a title, not a type name's
// remains ("HOẠCH"): the shortest type names have two words.
constexpr size_t kMinTitleWords = 3;

// A line of OCR noise ("Y r H'>U , 9 D')AN X 2 2 r", "s34", "* Ị"): fewer than half its tokens
// are words of two or more letters or numbers of two or more digits ("giai đoạn 2026 - 2028" is
// a title line), or a short line has no such word at all. Dashes and other punctuation standing
// alone are not tokens.
bool IsNoise(const Line& l) {
  int tokens = 0, words = 0;
  size_t i = 0;
  const std::string& k = l.key;
  while (i < k.size()) {
    if (k[i] == ' ') {
      ++i;
      continue;
    }
    const size_t b = i;
    int letters = 0, digits = 0;
    while (i < k.size() && k[i] != ' ') {
      letters += (k[i] >= 'a' && k[i] <= 'z');
      digits += (k[i] >= '0' && k[i] <= '9');
      ++i;
    }
    if (letters == 0 && digits == 0) continue;
    ++tokens;
    if ((letters >= 2 && letters * 2 >= static_cast<int>(i - b)) ||
        (letters == 0 && digits >= 2)) {
      ++words;
    }
  }
  if (tokens == 0) return !IsRuleLine(k);  // symbols only ("|", "_"), unless a rule
  if (words == 0 && k.size() <= 12 && !IsRuleLine(k)) return true;
  return tokens >= 3 && words * 2 < tokens;
}

bool IsRomanHeading(const Line& l) { return IsRomanHeadingLine(l); }

// "SỞ NỘI VỤ Cài": words in capitals (two or more) followed by one short lower-case word, what
// a stamp's edge leaves beside an issuer's name in a scan. The capitals, or "" for any other line.
std::string CapsWithSpeck(const std::string& text) {
  const size_t space = text.rfind(' ');
  if (space == std::string::npos) return "";
  const std::string head = text.substr(0, space);
  const LetterStats tail = CountLetters(std::string_view(text).substr(space + 1));
  if (tail.letters == 0 || tail.letters > 4 || tail.upper == tail.letters) return "";
  const LetterStats h = CountLetters(head);
  if (KeyWords(FoldKey(head)).size() < 2 || h.upper != h.letters) return "";
  return head;
}

// Why not a caps line: preamble lines are in normal case (ND30 §II); a title in capitals may
// itself start with "THỰC HIỆN …" or "TRIỂN KHAI THỰC HIỆN …".
bool IsBodyStart(const Line& l) {
  if (l.IsTableRow()) return false;
  // A party document's trích yếu starts in lower case ("thực hiện chương trình …", HD 36);
  // a preamble line is a sentence and starts with a capital.
  return (IsPreambleStart(l.key) && !l.MostlyUpper() && !StartsLower(l.text)) ||
         IsRomanHeading(l) ||
         KeyStartsWith(l.key, "kinh gui");
}

// The authority line a Quyết định / Nghị quyết prints between its title and its "Căn cứ" lines
// (ND30 Appendix I: "thẩm quyền ban hành"): "THỦ TƯỚNG CHÍNH PHỦ", "BỘ TRƯỞNG BỘ …", "CHỦ TỊCH
// ỦY BAN NHÂN DÂN TỈNH …", "ỦY BAN NHÂN DÂN TỈNH …", "BAN THƯỜNG VỤ TỈNH ỦY …". Recognised by
// its position (the last caps line before the preamble) and its head words.
bool IsAuthorityLine(const Line& l) {
  if (!l.MostlyUpper()) return false;
  static constexpr std::string_view kHeads[] = {
      "thu tuong", "bo truong", "chu tich", "giam doc", "truong ban", "uy ban nhan dan",
      "hoi dong nhan dan", "ban thuong vu", "ban chap hanh", "ban bi thu", "bo chinh tri",
      "chinh phu", "thu truong", "tong giam doc", "cuc truong", "vien truong", "chanh an",
      "vien truong", "ban can su", "dang uy", "hoi dong"};
  const std::string k = TrimChars(l.key, " *#");
  for (std::string_view h : kHeads) {
    if (KeyStartsWith(k, h)) return true;
  }
  return false;
}

bool IssuesDecision(std::string_view doc_type) {
  return doc_type == "Quyết định" || doc_type == "Nghị quyết" || doc_type == "Chỉ thị" ||
         doc_type == "Thông tư" || doc_type == "Nghị định";
}

size_t VvPrefix(std::string_view key) {
  size_t i = 0;
  while (i < key.size() && key[i] == ' ') ++i;
  if (key.substr(i, 3) == "v/v") return i + 3;
  if (KeyStartsWith(key.substr(i), "ve viec")) return i + 7;
  return kNpos;
}

// The fields of a reception stamp ("dấu đến", ND30 Appendix IV) that OCR reads off a scan's
// header: "ĐẾN", "Số: 2317" (a number without a symbol), "Ngày: 16/3/2026", "Chuyển: …", "Lưu
// hồ sơ số: …". None is part of the document's own header.
bool IsReceptionStampLine(const Line& l) {
  const std::string k = Trim(l.key);
  if (TrimChars(k, " .:") == "den") return true;
  for (std::string_view label : {"chuyen", "luu ho so", "ngay"}) {
    if (KeyStartsWith(k, label) && k.find(':') != std::string::npos && k.find(':') < label.size() + 3 &&
        (label != "ngay" || k.find('/') != std::string::npos)) {
      return true;
    }
  }
  // "Số: 2317": digits and nothing after them.
  if (KeyStartsWith(k, "so") && k.find(':') != std::string::npos) {
    const std::string rest = TrimChars(k.substr(k.find(':') + 1), " .");
    return !rest.empty() && rest.find_first_not_of("0123456789") == std::string::npos;
  }
  return false;
}

std::string Tail(const Line& l, size_t from) {
  return TrimChars(SliceByCodePoints(l.text, from, l.key.size()), " :");
}

// The national motto or Party name printed across two lines of a narrow column ("CỘNG HÒA XÃ
// HỘI CHỦ NGHĨA" / "VIỆT NAM"): the whole phrase is found only across the seam.
bool CompletesHeaderPhrase(const Line& prev, const Line& next) {
  for (std::string_view phrase : {"cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam"}) {
    if (FindFuzzyPhrase(prev.key, phrase).first != kNpos) continue;
    const auto [b, e] = FindFuzzyPhrase(prev.key + " " + next.key, phrase);
    if (b != kNpos && b < prev.key.size() && e > prev.key.size()) return true;
  }
  return false;
}

// A place and date printed across two lines: "Thành phố Hồ Chí Minh, ngày 18" / "tháng 11 năm
// 2025" (the date is read only across the seam), or "Thành phố Hồ Chí" / "Minh, ngày 18 tháng
// 11 năm 2025" (a place name in title case, with no digits, goes on before ", ngày").
bool CompletesPlaceDate(const Line& prev, const Line& next) {
  if (FindPlaceDate(prev).found || prev.MostlyUpper() || FindHeaderPhrase(prev.key).phrase != HeaderPhrase::kNone) {
    return false;
  }
  Line joined = prev;
  joined.Append(next);
  const DateMatch across = FindPlaceDate(joined);
  if (!across.found) return false;
  const DateMatch own = FindPlaceDate(next);
  if (!own.found) return across.end > prev.key.size();
  if (own.begin != 0 || own.place.empty()) return false;
  const std::vector<KeyWord> words = KeyWords(prev.key);
  const bool digits = prev.key.find_first_of("0123456789") != std::string::npos;
  const char last = prev.text.empty() ? '.' : prev.text.back();
  return !digits && words.size() <= 5 && std::string_view(".:;!?").find(last) == std::string_view::npos &&
         StartsUpper(prev.text) &&
         across.place.size() > own.place.size();
}

// Joins the lines of one header column that a narrow column wrapped (a PDF's or scan's header
// arrives line by line): `lines` and `columns` are changed in place. In a header table the line
// before is the last one of the same column. Outside one it is the line right before, or, right
// after a table, the last line of any of its columns (a year that wrapped below the table).
void JoinWrappedHeaderLines(std::vector<std::pair<Line, int>>& lines, std::vector<int>& columns) {
  std::vector<std::pair<Line, int>> out;
  std::vector<int> out_columns;
  auto candidates = [&](int column) {
    std::vector<size_t> found;
    std::vector<int> seen;
    for (size_t k = out.size(); k-- > 0 && found.size() < 4;) {
      const int c = out_columns[k];
      if (column >= 0 && c < 0) break;
      if (column < 0 && c < 0) {
        if (k + 1 == out.size()) found.push_back(k);
        break;
      }
      if (column >= 0 && c != column) continue;
      if (std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
      seen.push_back(c);
      found.push_back(k);
      if (column >= 0) break;
    }
    return found;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    bool joined = false;
    for (size_t prev : candidates(columns[i])) {
      if (!CompletesHeaderPhrase(out[prev].first, lines[i].first) &&
          !CompletesPlaceDate(out[prev].first, lines[i].first)) {
        continue;
      }
      Line whole = out[prev].first;
      whole.Append(lines[i].first);
      whole.SetText(whole.text);
      out[prev].first = std::move(whole);
      joined = true;
      break;
    }
    if (joined) continue;
    out.push_back(std::move(lines[i]));
    out_columns.push_back(columns[i]);
  }
  lines = std::move(out);
  columns = std::move(out_columns);
}

// Lines of the header zone, with table rows expanded into their cells' lines, each cleaned of OCR
// noise (DropOcrNoise); a reception stamp's lines are left out. `columns` receives each line's
// column in the header table (layout_tables.h: a DOCX header table, a scan's or PDF's two-column
// header), -1 outside one.
std::vector<std::pair<Line, int>> HeaderLines(const std::vector<Line>& lines, size_t begin, size_t end,
                                              std::vector<int>* columns) {
  std::vector<std::pair<Line, int>> out;
  for (size_t i = begin; i < end; ++i) {
    const Line& l = lines[i];
    if (!l.IsTableRow()) {
      Line clean = l;
      clean.SetText(DropOcrNoise(l.text));
      if (!clean.text.empty() && !IsReceptionStampLine(clean)) {
        out.push_back({std::move(clean), static_cast<int>(i)});
        columns->push_back(l.layout_column);
      }
      continue;
    }
    for (size_t c = 0; c < l.cells.size(); ++c) {
      const std::string& cell = l.cells[c];
      size_t s = 0;
      for (size_t j = 0; j <= cell.size(); ++j) {
        if (j == cell.size() || cell[j] == '\n') {
          std::string part = DropOcrNoise(Trim(std::string_view(cell).substr(s, j - s)));
          if (!part.empty()) {
            Line p;
            p.pos = l.pos;
            p.SetText(CollapseSpaces(part));
            if (!IsReceptionStampLine(p)) {
              out.push_back({std::move(p), static_cast<int>(i)});
              columns->push_back(static_cast<int>(c));
            }
          }
          s = j + 1;
        }
      }
    }
  }
  return out;
}

// Where the header zone ends: kMaxHeaderLines on, or at the line that starts the body.
struct HeaderZone {
  size_t end = 0;
  bool ends_at_body = false;
};

// ND30: a state document's trích yếu is in sentence case, so one that opens with "Thực hiện" or
// "Triển khai" reads like a preamble line. Right under the type name it is the title when it
// ends without a sentence's punctuation within three lines and what follows starts something
// else ("Căn cứ …", a heading); a preamble sentence runs on to its ';', ':' or '.'.
bool IsTitleUnderTypeName(const std::vector<Line>& all, size_t i, size_t end) {
  if (i == 0 || all[i - 1].IsTableRow() || !MatchTypeLine(all[i - 1])) return false;
  constexpr size_t kMaxTitleLines = 3;
  for (size_t j = i; j < end && j < i + kMaxTitleLines; ++j) {
    const Line& l = all[j];
    if (l.IsTableRow() || l.text.empty()) return false;
    const char last = l.text.back();
    if (last == ';' || last == ':' || last == '.' || last == ',') return false;
    if (j + 1 >= end) return false;
    const Line& next = all[j + 1];
    if (IsBodyStart(next) || IsRuleLine(next.key) || ParseItemLabel(next).kind != Numbering::kNone) {
      return true;
    }
  }
  return false;
}

HeaderZone FindHeaderZone(const std::vector<Line>& all, size_t begin, size_t end) {
  HeaderZone zone{std::min(end, begin + kMaxHeaderLines), false};
  for (size_t i = begin; i < zone.end; ++i) {
    if (IsBodyStart(all[i]) && !IsTitleUnderTypeName(all, i, end)) return {i, true};
  }
  return zone;
}

// ParseHeader's pass over the header zone: header elements (motto or party name, number, place
// and date, V/v summary, type name, the issuer's caps lines) until the type name, then the title
// (trích yếu) lines. It fills the result's fields and line positions and gathers the issuer
// fragments and title parts for ParseHeader to assemble.
class HeaderZoneReader {
 public:
  HeaderZoneReader(const std::vector<std::pair<Line, int>>& lines, const std::vector<int>& columns,
                   bool zone_ends_at_body, HeaderResult& r)
      : lines_(lines), columns_(columns), zone_ends_at_body_(zone_ends_at_body), r_(r) {}

  // Reads the zone; answers the index in the lines after the last one the header consumed.
  size_t Read() {
    for (size_t n = 0; n < lines_.size() && !title_done_; ++n) {
      const Step step = ReadLine(n);
      if (step == Step::kStop) break;
      if (step == Step::kReread) --n;
    }
    return consumed_;
  }

  const std::vector<std::string>& issuer_fragments() const { return issuer_fragments_; }
  const std::vector<std::string>& title_parts() const { return title_parts_; }

 private:
  enum class Step { kNext, kStop, kReread };

  const Line& line(size_t n) const { return lines_[n].first; }
  int source(size_t n) const { return lines_[n].second; }

  void TakeDate(const DateMatch& date, size_t n) {
    r_.header.date = date.iso;
    r_.header.place = date.place;
    r_.date_line = source(n);
  }

  void StartTitle(const std::string& part, size_t n) {
    title_parts_.push_back(part);
    title_started_ = true;
    if (r_.title_line < 0) r_.title_line = source(n);
  }

  Step ReadLine(size_t n) {
    const Line& l = line(n);
    if (IsRuleLine(l.key)) {
      if (title_started_) title_done_ = true;
      consumed_ = n + 1;
      return Step::kNext;
    }
    if (r_.has_vv && !type_seen_ && columns_[n] > 0) {
      // Beside a công văn's V/v summary, which goes on in the left column, the right column
      // holds its place and date.
      const DateMatch date = FindPlaceDate(l);
      if (date.found && !r_.header.date) TakeDate(date, n);
      consumed_ = n + 1;
      return Step::kNext;
    }
    if (type_seen_ || r_.has_vv) return ReadTitleLine(n);
    return ReadElementLine(n);
  }

  Step ReadTitleLine(size_t n) {
    const Line& l = line(n);
    const bool caps = l.MostlyUpper();
    // The body's first heading with its label set apart ("I." / "MỤC ĐÍCH, YÊU CẦU").
    if (title_started_ && IsBareItemLabel(l)) {
      title_done_ = true;
      return Step::kStop;
    }
    // A speck before the title starts ("Sứ:", beside the type name in a scan's header table): a
    // word of three letters and a colon, where a title's first line ("VỀ") has no colon.
    const std::vector<KeyWord> words = KeyWords(l.key);
    const bool speck = !title_started_ && words.size() == 1 && words[0].text.size() <= 3 &&
                       !l.text.empty() && l.text.back() == ':';
    if (IsNoise(l) || speck) {
      consumed_ = n + 1;
      return Step::kNext;
    }
    // "… NHIỆM KỲ 2026" / "- 2031": the title's range of years, cut before its dash.
    if (title_started_ && ContinuesYearRange(FoldKey(title_parts_.back()), l.key)) {
      StartTitle(l.text, n);
      consumed_ = n + 1;
      return Step::kNext;
    }
    const ItemLabel label = ParseItemLabel(l);
    DateMatch date = FindPlaceDate(l);
    // "… CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024 CỦA …": once the header has its date, a date
    // inside a line is the title citing a document; a place and date line starts with its place.
    if (date.found && r_.header.date && date.begin > 0) date.found = false;
    const bool stop = (title_started_ && caps != title_caps_) || label.kind != Numbering::kNone ||
                      date.found || static_cast<int>(title_parts_.size()) >= kMaxTitleLines ||
                      (title_started_ && l.text.size() > 300);
    // A decision's authority line right before the preamble is not part of its title.
    const bool authority = title_started_ && IssuesDecision(r_.header.doc_type) &&
                           IsAuthorityLine(l) &&
                           (n + 1 < lines_.size() ? IsPreambleStart(line(n + 1).key)
                                                  : zone_ends_at_body_);
    if (stop || authority) {
      if (authority) consumed_ = n + 1;
      if (date.found && r_.has_vv && !r_.header.date) TakeDate(date, n);  // công văn: date after V/v
      title_done_ = true;
      return Step::kStop;
    }
    if (!title_started_) title_caps_ = caps;
    StartTitle(l.text, n);
    consumed_ = n + 1;
    // Why: a title ending with ':' is the body's lead-in sentence, not a summary.
    if (!l.text.empty() && l.text.back() == ':') title_done_ = true;
    return Step::kNext;
  }

  // National motto or Party name (with the issuer column's text before it), number, place and
  // date, in that order on one line or on several; true when the line held any. `pos` receives
  // where the last one ended.
  bool ReadMottoNumberDate(size_t n, size_t* pos) {
    const Line& l = line(n);
    bool found = false;
    const PhraseHit phrase = FindHeaderPhrase(l.key);
    if (phrase.phrase != HeaderPhrase::kNone) {
      found = true;
      r_.header.family = phrase.phrase == HeaderPhrase::kPartyName ? DocumentFamily::kParty
                                                                   : DocumentFamily::kState;
      // Text before the phrase on a line read straight across the header is the issuer's; in a
      // header table's right cell it is a speck or a stamp's remains.
      const std::string left = columns_[n] > 0 ? std::string()
                                               : TrimChars(SliceByCodePoints(l.text, 0, phrase.begin), " *-:.,");
      if (!left.empty() && IsMostlyUpper(left)) issuer_fragments_.push_back(left);
      *pos = phrase.end;
      if (r_.issuer_line < 0 && !left.empty()) r_.issuer_line = source(n);
    }
    NumberMatch number = MatchNumber(l, *pos);
    if (!number.found && r_.number_line < 0 && !r_.header.number) number = MatchBareSymbol(l, *pos);
    if (number.found) {
      found = true;
      if (!r_.header.number && r_.number_line < 0) {
        r_.header.number = number.symbol;
        r_.number_line = source(n);
      }
      *pos = number.end;
    }
    const DateMatch date = FindPlaceDate(l);
    if (date.found && date.ngay >= *pos) {
      found = true;
      const std::string left = TrimChars(SliceByCodePoints(l.text, *pos, date.begin), " *-,");
      if (!left.empty() && IsMostlyUpper(left) && !number.found) issuer_fragments_.push_back(left);
      if (!r_.header.date) TakeDate(date, n);
      *pos = date.end;
    }
    return found;
  }

  Step ReadElementLine(size_t n) {
    const Line& l = line(n);
    size_t pos = 0;
    const bool element = ReadMottoNumberDate(n, &pos);
    // V/v summary (công văn); it may follow the number on the same line.
    const size_t vv = VvPrefix(std::string_view(l.key).substr(pos));
    if (vv != kNpos) {
      r_.has_vv = true;
      const std::string t = Tail(l, pos + vv);
      if (!t.empty()) StartTitle(t, n);
      consumed_ = n + 1;
      last_header_line_ = static_cast<int>(n);
      return Step::kNext;
    }
    if (element) {
      last_header_line_ = static_cast<int>(n);
      consumed_ = n + 1;
      return Step::kNext;
    }
    if (auto type = MatchTypeLine(l)) {
      type_seen_ = true;
      r_.header.doc_type = type->doc_type;
      last_header_line_ = static_cast<int>(n);
      consumed_ = n + 1;
      const std::string rest = Trim(SliceByCodePoints(l.text, type->caps_end, l.key.size()));
      // "KẾ HOẠCH Tuyên truyền …" on one line; a speck after the name ("KẾ HOẠCH:") is no title,
      // nor is what a stamp leaves there in a scan ("tk @t[. l + #11").
      if (FoldKey(rest).find_first_of("abcdefghijklmnopqrstuvwxyz0123456789") != std::string::npos &&
          rest.find_first_of("@#[]{}<>=^") == std::string::npos) {
        title_parts_.push_back(rest);
        title_started_ = true;
        title_caps_ = false;
        r_.title_line = source(n);
      }
      return Step::kNext;
    }
    if (r_.header.number || r_.header.date) {
      if (auto type = MatchTypeNameBeforeCapsTitle(l)) {
        type_seen_ = true;
        r_.header.doc_type = type->doc_type;
        last_header_line_ = static_cast<int>(n);
        consumed_ = n + 1;
        title_caps_ = true;
        StartTitle(Trim(SliceByCodePoints(l.text, type->caps_end, l.key.size())), n);
        return Step::kNext;
      }
    }
    if (l.text == "*") {
      consumed_ = n + 1;
      return Step::kNext;
    }
    return ReadOtherLine(n);
  }

  // A line before the type name that is no header element: the issuer's caps, noise, a stamp's
  // or handwriting's remains, the title of a header whose type line was lost, or the body.
  Step ReadOtherLine(size_t n) {
    const Line& l = line(n);
    // Caps text before the title: the issuer column (a stamp's speck after it left out).
    const std::string caps = l.MostlyUpper() ? l.text : CapsWithSpeck(l.text);
    if (!caps.empty() && !IsNoise(l) && r_.header.doc_type.empty()) {
      // Once a header table gave the issuer from its left column, caps text outside the table
      // is not the issuer: it is what OCR left of the type name ("HOẠCH"), or, when it is a
      // phrase, the caps title under a type name a stamp covered.
      if (issuer_from_table_ && columns_[n] < 0 && last_header_line_ >= 0 &&
          KeyWords(l.key).size() >= kMinTitleWords) {
        type_seen_ = true;
        return Step::kReread;  // as a title line
      }
      if (!(issuer_from_table_ && columns_[n] < 0)) {
        issuer_fragments_.push_back(TrimChars(caps, " *.,:;"));
        issuer_from_table_ = issuer_from_table_ || columns_[n] == 0;
        if (r_.issuer_line < 0) r_.issuer_line = source(n);
      }
      consumed_ = n + 1;
      return Step::kNext;
    }
    // Inside the two header columns, mixed-case text that is no header element is a speck or a
    // stamp's remains: the type name and title are set below the columns (ND30 Appendix I).
    if (IsNoise(l) || columns_[n] >= 0) {
      consumed_ = n + 1;
      return Step::kNext;
    }
    // Mixed-case text with no type name seen: a title right after the header elements (the type
    // line was lost or garbled by OCR), else the body has started. A type name, a number line or
    // a date line a few lines on means this line is what OCR made of a stamp or of handwriting
    // (the title is printed below all three): it is skipped.
    bool element_follows = false;
    for (size_t k = n + 1; k < lines_.size() && k <= n + 3 && !element_follows; ++k) {
      element_follows = MatchTypeLine(line(k)).has_value() || MatchNumber(line(k), 0).found ||
                        FindPlaceDate(line(k)).found;
    }
    if (element_follows) {
      consumed_ = n + 1;
      return Step::kNext;
    }
    if (last_header_line_ >= 0 && !IsPreambleStart(l.key)) {
      type_seen_ = true;
      return Step::kReread;  // as a title line
    }
    return Step::kStop;
  }

  const std::vector<std::pair<Line, int>>& lines_;
  const std::vector<int>& columns_;  // per line: its header table column, -1 outside one
  const bool zone_ends_at_body_;
  HeaderResult& r_;
  std::vector<std::string> issuer_fragments_;
  std::vector<std::string> title_parts_;
  bool issuer_from_table_ = false;  // an issuer fragment came from a header table's left column
  bool type_seen_ = false, title_started_ = false, title_done_ = false, title_caps_ = false;
  int last_header_line_ = -1;  // index in the lines of the last motto/number/date/type line
  size_t consumed_ = 0;        // index in the lines after the title block
};

void AssembleHeader(const HeaderZoneReader& reader, HeaderResult& r) {
  std::string title;
  for (const std::string& p : reader.title_parts()) {
    if (!title.empty()) title += ' ';
    // Two dashes or more at a line's end are a speck ("văn--"); one may open a range of years.
    const std::string key = FoldKey(p);
    size_t dashes = key.size();
    while (dashes > 0 && (key[dashes - 1] == '-' || key[dashes - 1] == '_')) --dashes;
    title += key.size() - dashes >= 2 ? std::string(SliceByCodePoints(p, 0, dashes)) : p;
  }
  r.header.title = TrimChars(CollapseSpaces(title), " -_|");
  // A rule under the type name that OCR read into the title's first line ("———=———*Tổ chức …").
  const size_t rule = FoldKey(r.header.title).find_first_not_of(" -=*_.:~|");
  if (rule != std::string::npos && rule > 0) {
    r.header.title = std::string(SliceByCodePoints(r.header.title, rule, CodePointCount(r.header.title)));
  }

  std::vector<std::string> fragments;
  for (const std::string& f : reader.issuer_fragments()) {
    std::string cut = CutMottoRemains(f);
    if (!cut.empty()) fragments.push_back(std::move(cut));
  }
  const std::vector<std::string> units = GroupIssuerFragments(WithCentralCommitteeWhole(fragments));
  // A speck after the name ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG _") is no part of it.
  if (!units.empty()) r.header.issuer = TrimChars(CollapseSpaces(units.back()), " _-|*.,:;");
  if (units.size() >= 2) {
    r.header.parent_issuer = TrimChars(CollapseSpaces(units[units.size() - 2]), " _-|*.,:;");
  }
  RepairProvinceName(r.header.issuer);
  RepairProvinceName(r.header.parent_issuer);
  RepairPlaceFromIssuer(r.header);

  // Type from the symbol, or "Công văn" for a V/v summary without a type name.
  if (r.header.doc_type.empty()) {
    if (r.has_vv) {
      r.header.doc_type = "Công văn";
    } else if (r.header.number) {
      r.header.doc_type = DocTypeFromSymbol(*r.header.number);
    }
  }
}

}  // namespace

std::vector<std::string> GroupIssuerFragments(const std::vector<std::string>& fragments) {
  std::vector<std::string> units;
  for (const std::string& f : fragments) {
    const std::string key = FoldKey(f);
    // Why: a unit name printed on two lines continues on a line that does not start with a head
    // noun ("BAN CHỈ ĐẠO VỀ PHÁT TRIỂN" / "KHOA HỌC, CÔNG NGHỆ …").
    if (units.empty() || UnitHeadLength(key, 0) > 0) {
      units.push_back(f);
    } else {
      units.back() += " " + f;
    }
  }
  return units;
}

HeaderResult ParseHeader(const std::vector<Line>& all, size_t begin, size_t end) {
  HeaderResult r;
  const HeaderZone zone = FindHeaderZone(all, begin, end);
  std::vector<int> columns;  // per line of `lines`: its header table column, -1 outside one
  std::vector<std::pair<Line, int>> lines = HeaderLines(all, begin, zone.end, &columns);
  JoinWrappedHeaderLines(lines, columns);
  HeaderZoneReader reader(lines, columns, zone.ends_at_body, r);
  const size_t consumed = reader.Read();
  AssembleHeader(reader, r);

  // Where the body begins: after the last line consumed by the header zone.
  size_t body = begin;
  if (consumed > 0 && consumed <= lines.size()) {
    body = static_cast<size_t>(lines[consumed - 1].second) + 1;
  }
  r.body_begin = std::max(body, begin);
  return r;
}

}  // namespace lienthong::parse
