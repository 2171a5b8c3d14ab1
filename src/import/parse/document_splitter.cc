#include "import/parse/document_splitter.h"

#include <algorithm>

#include "import/parse/line_kinds.h"
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
      s.header_phrase = FindHeaderPhrase(l.key).phrase != HeaderPhrase::kNone;
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
    if (i < start + 5 || l.IsTableRow()) continue;

    bool anchor = false;
    if (closed) {
      anchor = signal.header_phrase || NumberLineAt(l) ||
               (MatchTypeLine(l) && !issues_plan && !IsAttachmentTitle(lines, i));
    } else if (signal.header_phrase && i >= start + 20) {
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
    last_closing = start;
  }
  docs.push_back({start, lines.size()});
  return docs;
}

}  // namespace lienthong::parse
