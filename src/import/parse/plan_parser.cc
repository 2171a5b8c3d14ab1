#include "import/parse/plan_parser.h"

#include <algorithm>
#include <span>

#include "import/parse/diacritics_detector.h"
#include "import/parse/document_splitter.h"
#include "import/parse/header_parser.h"
#include "import/parse/header_spelling.h"
#include "import/parse/layout_tables.h"
#include "import/parse/legal_basis_parser.h"
#include "import/parse/line_kinds.h"
#include "import/parse/page_furniture.h"
#include "import/parse/ocr_words.h"
#include "import/parse/paragraph_joiner.h"
#include "import/parse/parsed_line.h"
#include "import/parse/phase_parser.h"
#include "import/parse/recipients_signer_parser.h"
#include "import/parse/reporting_parser.h"
#include "import/parse/section_parser.h"
#include "import/parse/stacked_tables.h"
#include "import/parse/task_extractor.h"
#include "import/parse/document_symbol.h"
#include "text/time_spec_parser.h"
#include "util/parallel_for.h"

namespace lienthong {
namespace {

using parse::Line;

// Why: a hostile file could hold millions of tiny "documents"; real files hold a handful.
constexpr size_t kMaxDocuments = 5000;

SourcePos PosOf(const std::vector<Line>& lines, int index) {
  if (index < 0 || static_cast<size_t>(index) >= lines.size()) return {};
  return lines[index].pos;
}

// The first top-level heading of the body: a caps Roman heading, else the first "1." item.
size_t FirstSection(const std::vector<Line>& lines, size_t begin, size_t end) {
  size_t first_arabic = end;
  for (size_t i = begin; i < end; ++i) {
    const Line& l = lines[i];
    if (l.IsTableRow()) continue;
    const parse::ItemLabel label = parse::ParseItemLabel(l);
    if (parse::IsRomanHeadingLine(l) || label.kind == parse::Numbering::kArticle) return i;
    if (label.kind == parse::Numbering::kArabic && label.depth == 1 && first_arabic == end &&
        !parse::IsPreambleStart(l.key)) {
      first_arabic = i;
    }
  }
  return first_arabic;
}

// A summary given as a field when the type name has no title under it (a phiếu trình or tờ trình
// form): "Nội dung trình: …", "Trích yếu: …", "Về việc: …" within the first lines of the body.
std::string TitleFromField(const std::vector<Line>& lines, size_t begin, size_t end, int* line) {
  const size_t stop = std::min(end, begin + 12);
  const std::vector<Line> paras = parse::JoinParagraphs(lines, begin, stop);
  for (const Line& p : paras) {
    if (p.IsTableRow()) continue;
    const std::string k = parse::TrimChars(p.key, " -");
    for (std::string_view label : {"noi dung trinh", "trich yeu", "ve viec", "noi dung"}) {
      if (!parse::KeyStartsWith(k, label)) continue;
      const size_t colon = p.key.find(':');
      if (colon == std::string::npos || colon > label.size() + 4) continue;
      *line = p.pos.line;
      return parse::TrimChars(parse::SliceByCodePoints(p.text, colon + 1, p.key.size()), " .");
    }
  }
  return "";
}

// A line that is only a date ("Ngày 20 tháng 5 năm 2026", "Lào Cai, ngày …"): forms put the date
// above the signature instead of in the header.
int FindStandaloneDate(const std::vector<Line>& lines, size_t begin, size_t end, parse::DateMatch* out) {
  for (size_t i = begin; i < end; ++i) {
    const Line& l = lines[i];
    // A citation ("Căn cứ Luật … ngày 30 tháng 11 năm 2024") dates the document it cites.
    if (l.IsTableRow() || l.key.size() > 80 || parse::IsPreambleStart(l.key)) continue;
    const parse::DateMatch m = parse::FindPlaceDate(l);
    if (!m.found || !m.iso) continue;
    const std::string tail = parse::TrimChars(l.key.substr(m.end), " .,;)(");
    const std::string head = parse::TrimChars(l.key.substr(0, m.ngay), " ,");
    if (tail.empty() && parse::KeyWords(head).size() <= 5) {
      *out = m;
      return static_cast<int>(i);
    }
  }
  return -1;
}

void ReadHeader(const std::vector<Line>& lines, size_t begin, size_t end, bool read_by_ocr,
                ImportedDocument* doc, parse::HeaderResult* header) {
  Plan& plan = doc->plan;
  *header = parse::ParseHeader(lines, begin, end);
  plan.header = header->header;
  // Only OCR's place and issuer are repaired: typed, they are what their author printed.
  if (read_by_ocr) {
    parse::RepairOcrPlace(plan.header.place);
    for (std::string* name : {&plan.header.issuer, &plan.header.parent_issuer, &plan.header.title}) {
      parse::RespaceJoinedSyllables(*name);
    }
    parse::RereadMisreadMarks(plan.header.title);
    parse::RepairOcrIssuer(plan.header.issuer);
    parse::RepairOcrIssuer(plan.header.parent_issuer);
  }
  if (header->number_line >= 0) doc->positions["number"] = PosOf(lines, header->number_line);
  if (header->date_line >= 0) doc->positions["date"] = PosOf(lines, header->date_line);
  if (header->title_line >= 0) doc->positions["title"] = PosOf(lines, header->title_line);
  if (header->issuer_line >= 0) doc->positions["issuer"] = PosOf(lines, header->issuer_line);
  const size_t body_begin = std::min(header->body_begin, end);
  if (plan.header.title.empty()) {
    int line = -1;
    plan.header.title = TitleFromField(lines, body_begin, end, &line);
    if (line > 0) doc->positions["title"] = {0, line};
  }
  if (!plan.header.date) {
    parse::DateMatch m;
    const int at = FindStandaloneDate(lines, begin, end, &m);
    if (at >= 0) {
      plan.header.date = m.iso;
      if (plan.header.place.empty()) plan.header.place = m.place;
      doc->positions["date"] = PosOf(lines, at);
    }
  }
}

bool IsAppendixTitle(const Line& l) {
  return l.IsTableRow() || parse::KeyStartsWith(parse::TrimChars(l.key, " *#"), "phu luc");
}

// The closing block [begin, end): "Nơi nhận" or a signing prefix; else a bare signature
// (position + name) before any appendix ("PHỤ LỤC" or a table). {end, end} when none.
std::pair<size_t, size_t> FindClosing(const std::vector<Line>& lines, size_t body_begin, size_t end) {
  const size_t closing_begin = parse::FindClosingBegin(lines, body_begin, end);
  if (closing_begin < end) return {closing_begin, parse::FindClosingEnd(lines, closing_begin, end)};
  size_t appendix = end;
  for (size_t i = body_begin; i < end; ++i) {
    if (IsAppendixTitle(lines[i])) {
      appendix = i;
      break;
    }
  }
  const auto [sig_begin, sig_end] = parse::FindSignatureOnly(lines, body_begin, appendix);
  if (sig_begin < appendix) return {sig_begin, sig_end};
  return {end, end};
}

bool IssuesAttachment(std::span<const Line> body) {
  for (const Line& l : body) {
    if (parse::IssuesAttachedPlan(l.key)) return true;
  }
  return false;
}

// The attached plan: a type-name line ("KẾ HOẠCH") within a few lines after the decision's
// closing block; `end` when there is none.
size_t FindAttachedPlan(const std::vector<Line>& lines, size_t closing_end, size_t end) {
  for (size_t i = closing_end; i < end && i < closing_end + 6; ++i) {
    if (!lines[i].IsTableRow() && parse::MatchTypeLine(lines[i])) return i;
  }
  return end;
}

// Outline, themes, channels, phases, reporting duties and tasks from `body` (the joined
// paragraphs of a document's body, read from its first section on) and the table rows of
// lines [end, tables_end).
void ReadContent(const std::vector<Line>& lines, std::vector<Line> body, size_t end,
                 size_t tables_end, ImportedDocument* doc) {
  Plan& plan = doc->plan;
  const size_t first_section = FirstSection(body, 0, body.size());
  const std::span<const Line> sections_part = std::span<const Line>(body).subspan(first_section);
  const parse::Outline outline = parse::BuildOutline(sections_part);
  plan.sections = parse::ToSections(outline);
  doc->content_items = parse::CountContentItems(outline, &plan.themes);
  plan.channels = parse::ExtractChannels(outline);
  for (parse::ParsedPhase& p : parse::ExtractPhases(outline, plan.header.date)) {
    doc->phases.push_back({p.phase.name, p.start, p.end, p.phase.objective});
    plan.phases.push_back(std::move(p.phase));
  }
  plan.reporting_duties = parse::ExtractReporting(body);
  for (const ReportingDuty& d : plan.reporting_duties) doc->report_deadlines.push_back(d.text);
  // Tasks: tables anywhere in the document (appendix included), else the body. `body` is taken
  // over rather than copied.
  std::vector<Line> task_lines = std::move(body);
  for (size_t i = end; i < tables_end; ++i) {
    if (lines[i].IsTableRow()) task_lines.push_back(lines[i]);
  }
  parse::TaskContext context;
  context.party_conclusion = plan.header.family == DocumentFamily::kParty &&
                             (plan.header.doc_type == "Kết luận" || plan.header.doc_type == "Thông báo");
  for (parse::ExtractedTask& t : parse::ExtractTasks(task_lines, outline, context, &doc->warnings)) {
    plan.tasks.push_back(std::move(t.task));
    doc->task_sources.push_back(t.source);
  }
}

// A decision's attached plan [begin, end): its title block, then its body up to its own closing
// block or appendix title, then its tables.
void ReadAttachedPlan(const std::vector<Line>& lines, size_t begin, size_t end, ImportedDocument* doc) {
  const parse::HeaderResult title = parse::ParseHeader(lines, begin, end);
  const size_t body_begin = std::min(title.body_begin, end);
  size_t body_end = FindClosing(lines, body_begin, end).first;
  for (size_t i = body_begin; i < body_end; ++i) {
    if (IsAppendixTitle(lines[i])) {
      body_end = i;
      break;
    }
  }
  ReadContent(lines, parse::JoinParagraphs(lines, body_begin, body_end), body_end, end, doc);
}

// A document whose header was lost still names itself in its appendix's caption (ND30: "(Kèm
// theo Hướng dẫn số 40-HD/BTGDVTW, ngày 27/11/2025 của …)"): its number and date from there,
// when the caption names a document of its own type.
void NumberFromAppendixCaption(const std::vector<Line>& lines, size_t from, size_t end,
                               PlanHeader* header, int* line) {
  for (size_t i = from; i < end && i < from + 400; ++i) {
    const Line& l = lines[i];
    if (l.IsTableRow() || l.key.find("kem theo") == std::string::npos) continue;
    const size_t open = l.key.find('(');
    if (open == std::string::npos || open > l.key.find("kem theo")) continue;
    const std::vector<parse::SymbolHit> hits = parse::FindDocumentSymbols(l.text);
    if (hits.empty()) continue;
    const std::string& symbol = hits.front().symbol;
    if (!header->doc_type.empty() && parse::DocTypeFromSymbol(symbol) != header->doc_type) continue;
    header->number = symbol;
    // The date: "ngày 27/11/2025" or "ngày 27 tháng 11 năm 2025", up to "của" or ")".
    const size_t ngay = parse::KeyFind(l.key, "ngay", hits.front().end);
    if (ngay != parse::kNpos) {
      size_t stop = l.key.size();
      for (std::string_view w : {"cua", ")"}) stop = std::min(stop, l.key.find(w, ngay));
      const TimeSpec when = ParseTimeSpec(parse::SliceByCodePoints(l.text, ngay, stop));
      if (when.kind == TimeSpecKind::kDate && when.start) header->date = when.start->ToIso();
    }
    *line = l.pos.line;
    return;
  }
}

ImportedDocument ParseOne(const std::vector<Line>& lines, size_t begin, size_t end,
                          const RawDocument& raw) {
  ImportedDocument doc;
  doc.source_file = raw.source_name;
  doc.format = raw.format;
  doc.encoding = raw.encoding;
  doc.begin = PosOf(lines, static_cast<int>(begin));
  doc.end = PosOf(lines, static_cast<int>(end) - 1);
  Plan& plan = doc.plan;

  if (parse::MeasureDiacritics(lines, begin, end).missing()) doc.diacritics = "missing";

  // 5. Header.
  parse::HeaderResult header;
  ReadHeader(lines, begin, end, raw.ReadByOcr(), &doc, &header);
  const size_t body_begin = std::min(header.body_begin, end);

  // 6. Closing block; 7. paragraphs of the preamble and body.
  const auto [closing_begin, closing_end] = FindClosing(lines, body_begin, end);
  const size_t body_end = std::min(closing_begin, end);
  std::vector<Line> body = parse::JoinParagraphs(lines, body_begin, body_end);

  // 8. Legal bases: the paragraphs before the first section.
  const size_t first_section = FirstSection(body, 0, body.size());
  const std::span<const Line> preamble(body.data(), first_section);
  doc.preamble = parse::TextBlocks(preamble);
  parse::LegalBasisResult legal = parse::ParseLegalBases(preamble);
  plan.legal_bases = std::move(legal.bases);
  plan.implements = legal.implements;

  // 9–12. Content: of the plan a decision issues when it is printed after the decision, else of
  // the body.
  const size_t attached = closing_end < end && IssuesAttachment(body)
                              ? FindAttachedPlan(lines, closing_end, end)
                              : end;
  if (attached < end) {
    ReadAttachedPlan(lines, attached, end, &doc);
  } else {
    ReadContent(lines, std::move(body), body_end, end, &doc);
  }

  // The appendix: what follows the closing block (or the attached plan's text, which its
  // sections hold).
  if (closing_end < end && attached == end) {
    doc.appendix = parse::TextBlocks(std::span<const Line>(lines).subspan(closing_end, end - closing_end));
  }

  // 13. Recipients and signer.
  if (closing_begin < end) {
    parse::ClosingResult closing = parse::ParseClosing(lines, closing_begin, closing_end);
    plan.recipients = std::move(closing.recipients);
    plan.signer = std::move(closing.signer);
    if (closing.recipients_line > 0) doc.positions["recipients"] = {lines[closing_begin].pos.page, closing.recipients_line};
    if (closing.signer_line > 0) doc.positions["signer"] = {lines[closing_begin].pos.page, closing.signer_line};
  }

  if (header.number_line < 0 && !plan.header.number && closing_end < end) {
    int line = -1;
    NumberFromAppendixCaption(lines, closing_end, end, &plan.header, &line);
    if (line > 0) doc.positions["number"] = {0, line};
  }
  if (plan.header.number == std::nullopt && header.number_line >= 0) {
    doc.warnings.push_back({"blank_number", {}, "the number is blank (a draft)"});
  }
  if (header.number_line < 0 && plan.header.issuer.empty()) {
    doc.warnings.push_back({"no_header", {},
                            "no header found (issuer, number) — the document may have lost its first page"});
  }
  return doc;
}

// The part of the file's restoration that falls in lines [begin, end).
void KeepRestorationOf(const parse::DiacriticsRestoration& restoration, size_t begin, size_t end,
                       ImportedDocument* doc) {
  doc->diacritics = "restored";
  auto inside = [&](size_t index) { return index >= begin && index < end; };
  for (const parse::UncertainWord& w : restoration.uncertain) {
    if (inside(w.line_index)) doc->uncertain.push_back(w);
  }
  for (const parse::OriginalLine& l : restoration.originals) {
    if (inside(l.line_index)) doc->original_lines.push_back(l);
  }
  for (size_t i = begin; i < end && i < restoration.changed_per_line.size(); ++i) {
    doc->restored_words += restoration.changed_per_line[i];
    doc->uncertain_words += restoration.uncertain_per_line[i];
  }
}

}  // namespace

Result<std::vector<ImportedDocument>> ParsePlans(const RawDocument& raw) {
  int page_breaks = 0;
  std::vector<Line> lines = parse::LinesFromBlocks(raw, &page_breaks);
  parse::ExpandLayoutTables(&lines);
  std::vector<ImportWarning> file_warnings = raw.warnings;  // the readers' coded notes
  // Why before the page furniture: a stacked table's row numbers stand alone on their lines, as
  // page numbers do.
  parse::RebuildStackedTables(&lines);
  parse::RemovePageFurniture(&lines, page_breaks, &file_warnings);
  const bool missing = parse::MeasureDiacritics(lines, 0, lines.size()).missing();
  if (missing) {
    const int repaired = parse::RepairOcrLetters(&lines);
    if (repaired > 0) {
      file_warnings.push_back({"ocr_letters_repaired", {{"count", std::to_string(repaired)}},
                               "text lost its diacritics (OCR?): repaired " + std::to_string(repaired) +
                              " OCR letter confusion(s) (P for Đ, stray apostrophes)"});
    }
  }
  parse::DiacriticsRestoration restoration;
  if (missing) {
    restoration = parse::RestoreLostDiacritics(&lines);
    if (restoration.done) {
      file_warnings.push_back(
          {"diacritics_restored",
           {{"count", std::to_string(restoration.changed_words)},
            {"uncertain", std::to_string(restoration.uncertain_words)}},
           "text lost its diacritics: restored them in " + std::to_string(restoration.changed_words) +
               " word(s), " + std::to_string(restoration.uncertain_words) +
               " uncertain (listed for checking; the original text is kept)"});
    } else {
      file_warnings.push_back({"diacritics_not_restored", {{"reason", restoration.why_not}},
                               "text lost its diacritics and they could not be restored: " +
                                   restoration.why_not});
    }
  }
  std::vector<ImportedDocument> docs;
  if (lines.empty()) return docs;
  const std::vector<std::pair<size_t, size_t>> ranges = parse::SplitDocuments(lines);
  if (!ranges.empty() && ranges.front().first > 0) {
    file_warnings.push_back({"skipped_leading_lines", {{"lines", std::to_string(ranges.front().first)}},
                             "skipped " + std::to_string(ranges.front().first) +
                            " line(s) before the first document's header (a web page's furniture?)"});
  }
  std::vector<std::pair<size_t, size_t>> kept;
  for (const auto& [b, e] : ranges) {
    if (e <= b) continue;
    if (kept.size() == kMaxDocuments) {
      file_warnings.push_back({"too_many_documents", {{"limit", std::to_string(kMaxDocuments)}},
                               "more than " + std::to_string(kMaxDocuments) + " documents; the rest skipped"});
      break;
    }
    kept.emplace_back(b, e);
  }
  docs.resize(kept.size());
  ForEachIndexInParallel(kept.size(), [&](size_t i) {
    const auto [b, e] = kept[i];
    ImportedDocument doc = ParseOne(lines, b, e, raw);
    if (restoration.done) KeepRestorationOf(restoration, b, e, &doc);
    doc.warnings.insert(doc.warnings.begin(), file_warnings.begin(), file_warnings.end());
    docs[i] = std::move(doc);
  });
  return docs;
}

}  // namespace lienthong
