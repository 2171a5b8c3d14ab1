#include "import/parse/document_splitter.h"

#include <algorithm>
#include <cctype>

#include "import/parse/line_kinds.h"
#include "import/parse/text_scan.h"
#include "util/parallel_for.h"

namespace lienthong::parse {
namespace {

bool IsAttachmentTitle(const std::vector<Line>& lines, size_t i) {
  // "(Ban hành kèm theo Quyết định số …)" / "(Kèm theo …)" just below the type name, or
  // "PHỤ LỤC" just above it: the plan is an attachment of the document before.
  for (size_t j = i + 1; j < lines.size() && j <= i + 4; ++j) {
    const std::string& k = lines[j].key;
    if (k.find("kem theo") != std::string::npos && k.find('(') != std::string::npos) return true;
  }
  for (size_t j = i; j-- > 0 && j + 4 > i;) {
    if (KeyStartsWith(lines[j].key, "phu luc")) return true;
  }
  return false;
}

// A line of the issuer column above a header anchor. Every line of a header layout table counts:
// a scan's speck in the issuer cell ("tin") is still part of the header.
bool IsHeaderish(const Line& l) {
  if (l.IsTableRow()) return false;
  if (l.layout_column >= 0) return true;
  if (IsRuleLine(l.key)) return true;
  if (IsSigningPrefixLine(l) || LooksLikePersonName(l.text)) return false;
  return l.MostlyUpper();
}

// Why a capital S: the number line is "Số: …" (ND30, HD36); a sentence wrapped before "số
// 991/QĐ-TTg" is not one.
bool NumberLineAt(const Line& l) {
  if (l.IsTableRow() || l.text.empty() || l.text[0] != 'S') return false;
  return MatchNumber(l, 0).found;
}

// A header printed as a form to fill in (an attached "Mẫu số 01", a report template): no number
// has its digits and no date its year ("Số: …/BC-UBND", "…, ngày … tháng … năm …"). Why it is no
// new document: it is part of the appendix of the document it is attached to. A draft still has
// its year ("ngày    tháng 8 năm 2025").
bool IsFormHeader(const std::vector<Line>& lines, size_t anchor) {
  constexpr size_t kHeaderLines = 8;
  for (size_t j = anchor; j < lines.size() && j <= anchor + kHeaderLines; ++j) {
    const Line& l = lines[j];
    if (l.IsTableRow()) continue;
    // The number and date come before the type name, the preamble and "Kính gửi", whose
    // citations have both.
    if (j > anchor && (MatchTypeLine(l) || IsPreambleStart(l.key) || KeyStartsWith(l.key, "kinh gui"))) {
      break;
    }
    // A serial number's digits come first ("13/KH-UBND"); a form's "…/20…/HĐ" has only a year's.
    const NumberMatch number = MatchNumber(l, 0);
    if (number.found && number.symbol && !number.symbol->empty() &&
        std::isdigit(static_cast<unsigned char>((*number.symbol)[0]))) {
      return false;
    }
    if (FindPlaceDate(l).found) return false;
  }
  return true;
}

// The motto or Party name as a header prints it: alone, or after the issuer column's caps when
// the two columns were read across. Quoted inside a sentence ("Dòng trên ghi “CỘNG HÒA …”") it is
// not a header.
bool IsHeaderPhraseLine(const Line& l) {
  const PhraseHit hit = FindHeaderPhrase(l.key);
  if (hit.phrase == HeaderPhrase::kNone) return false;
  const LetterStats before = CountLetters(SliceByCodePoints(l.text, 0, hit.begin));
  constexpr int kMaxLowerBefore = 3;  // a speck or two OCR left before the motto
  return before.letters - before.upper <= kMaxLowerBefore;
}

// An appendix label after the closing block ("PHỤ LỤC II", "Mẫu số 03", "Biểu mẫu", "(Kèm theo
// Công văn số …)"): what follows belongs to the document before, whatever type names it prints.
bool IsAppendixLabel(const Line& l) {
  static constexpr std::string_view kLabels[] = {"phu luc",   "mau so",    "mau bieu",
                                                 "bieu mau",  "(kem theo", "(ban hanh kem theo"};
  for (std::string_view label : kLabels) {
    if (KeyStartsWith(l.key, label)) return true;
  }
  return false;
}

// What every document has outside its header: a type name, a preamble line, a caps Roman
// heading, a closing block.
bool IsDocumentContent(const Line& l) {
  if (l.IsTableRow()) return false;
  return MatchTypeLine(l) || IsPreambleStart(l.key) || IsRomanHeadingLine(l) ||
         MatchNoiNhan(l.key) != kNpos || IsSigningPrefixLine(l);
}

// Where the first document starts: its first header anchor (motto, Party name, number line),
// walked back over the issuer column, when nothing before it is document content; else 0.
size_t FirstDocumentStart(const std::vector<Line>& lines) {
  constexpr size_t kMaxLeadingLines = 400;
  for (size_t i = 0; i < lines.size() && i < kMaxLeadingLines; ++i) {
    const Line& l = lines[i];
    if (IsDocumentContent(l)) return 0;
    if (l.IsTableRow()) continue;
    if (FindHeaderPhrase(l.key).phrase == HeaderPhrase::kNone && !NumberLineAt(l)) continue;
    size_t start = i;
    while (start > 0 && IsHeaderish(lines[start - 1]) && i - start < 8) --start;
    return start;
  }
  return 0;
}

// What the split reads of each line on its own. Why computed first, on every core: the fuzzy
// phrase search and the name and closing tests are most of the split's time on a large file, and
// each line's answer depends on that line alone.
struct LineSignals {
  bool closing = false;      // "Nơi nhận" or a signing prefix ("TM. …", "KT. …")
  bool person = false;       // a person's name (the signer under the closing block)
  bool issues_plan = false;  // "ban hành kèm theo …": the plan follows this document
  bool header_phrase = false;
};

std::vector<LineSignals> SignalsOf(const std::vector<Line>& lines, size_t from) {
  std::vector<LineSignals> signals(lines.size());
  if (from >= lines.size()) return signals;
  ForEachRangeInParallel(lines.size() - from, kLinesPerChunk, [&](size_t begin, size_t end) {
    for (size_t i = from + begin; i < from + end; ++i) {
      const Line& l = lines[i];
      LineSignals& s = signals[i];
      s.closing = !l.IsTableRow() && (MatchNoiNhan(l.key) != kNpos || IsSigningPrefixLine(l));
      if (s.closing) continue;
      s.person = LooksLikePersonName(l.text);
      if (l.IsTableRow()) continue;
      s.issues_plan = IssuesAttachedPlan(l.key);
      s.header_phrase = IsHeaderPhraseLine(l);
    }
  });
  return signals;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> SplitDocuments(const std::vector<Line>& lines) {
  std::vector<std::pair<size_t, size_t>> docs;
  size_t start = FirstDocumentStart(lines);
  bool closed = false;
  size_t last_closing = 0;  // last line of the current document's closing block seen so far
  bool issues_plan = false;  // the current document issues a plan printed after it
  bool in_appendix = false;  // an appendix label or a form was seen after the closing block
  const std::vector<LineSignals> signals = SignalsOf(lines, start);
  for (size_t i = start; i < lines.size(); ++i) {
    const Line& l = lines[i];
    const LineSignals& signal = signals[i];
    if (signal.closing) {
      closed = true;
      last_closing = i;
      continue;
    }
    if (closed && signal.person) last_closing = i;
    if (!closed && signal.issues_plan) issues_plan = true;
    // A table's caption rows may hold the label.
    if (closed && IsAppendixLabel(l)) in_appendix = true;
    if (i < start + 5 || l.IsTableRow()) continue;

    bool anchor = false;
    if (closed) {
      const bool header = signal.header_phrase || NumberLineAt(l);
      anchor = header || (MatchTypeLine(l) && !issues_plan && !in_appendix &&
                          !IsAttachmentTitle(lines, i));
      if (header && IsFormHeader(lines, i)) {
        anchor = false;
        in_appendix = true;  // the form's own type name ("BÁO CÁO") starts nothing either
      }
    } else if (signal.header_phrase && i >= start + 20 && !IsFormHeader(lines, i)) {
      for (size_t j = i; j < lines.size() && j <= i + 8 && !anchor; ++j) anchor = NumberLineAt(lines[j]);
    }
    if (!anchor) continue;
    // Walk back over the issuer column printed above the anchor.
    size_t new_start = i;
    while (new_start > start + 1 && new_start - 1 > last_closing && IsHeaderish(lines[new_start - 1]) &&
           i - new_start < 8) {
      --new_start;
    }
    docs.push_back({start, new_start});
    start = new_start;
    closed = false;
    issues_plan = false;
    in_appendix = false;
    last_closing = start;
  }
  docs.push_back({start, lines.size()});
  return docs;
}

}  // namespace lienthong::parse
