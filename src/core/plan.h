// Plan: a plan-type document (Kế hoạch, Hướng dẫn, Chương trình, Quyết định promulgating a plan,
// Công văn…) as the importer reads it and as a unit drafts, publishes and cascades it. Field
// names follow the import JSON contract (docs/import-schema.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/task.h"
#include "core/time_spec.h"

namespace lienthong {

enum class DocumentFamily { kUnknown, kState, kParty };  // Nghị định 30/2020 vs Hướng dẫn 36-HD/VPTW
// draft → published → archived. Only a draft's document may change; publishing and archiving are
// a manager's decision (api/routes/plan_routes.cc).
enum class PlanStatus { kDraft, kPublished, kArchived };

// "draft", "published", "archived": the form rows and the API carry.
std::string_view PlanStatusName(PlanStatus status);
std::optional<PlanStatus> ParsePlanStatus(std::string_view name);
// True for the two steps a plan may take: draft → published, published → archived.
bool PlanStatusMayBecome(PlanStatus from, PlanStatus to);

// A legal basis named in the preamble ("Căn cứ …", "Thực hiện …").
struct LegalBasis {
  std::string symbol;       // "03-KH/BCĐTW", "57-NQ/TW", "13/KH-UBND"
  std::string text;         // the whole line as written
  std::optional<int64_t> plan_id;  // a plan already in the system with that symbol
};

// One block of a document's text as written: a paragraph, or a table (its rows of cells).
struct TextBlock {
  std::string text;                            // a paragraph; empty for a table
  std::vector<std::vector<std::string>> rows;  // a table's rows; empty for a paragraph
};

// One heading of the section tree ("I. MỤC ĐÍCH, YÊU CẦU", "1.", "a)", "-").
struct Section {
  std::string label;  // "I", "1", "1.1", "a", "-"
  std::string title;
  std::string body;   // paragraphs directly under the heading, joined with "\n"
  std::vector<TextBlock> blocks;  // the same paragraphs, and the tables, in document order
  std::vector<Section> children;
};

// A numbered content theme ("1. Tuyên truyền về …"): what activities and reports count against.
struct ContentTheme {
  std::string label;
  std::string title;
  std::string text;
};

// A communication channel the plan names (press, radio/TV, social media, grassroots loudspeakers…).
struct Channel {
  std::string code;  // "press", "broadcast", "social", "grassroots", "conference", "other"
  std::string name;  // as written
};

// A measurable target: "100% tổ chức đảng được quán triệt".
struct IndicatorTarget {
  std::string indicator;  // what is measured
  std::string unit;       // "%", "bài", "lượt"
  std::optional<double> value;
  std::string text;       // the sentence as written
};

struct Phase {
  std::string name;  // "Giai đoạn 1"
  TimeSpec when;     // "từ nay đến hết quý IV năm 2025"
  std::string objective;
  std::vector<IndicatorTarget> targets;
};

// "báo cáo … trước ngày 15/12/2025", "định kỳ hằng quý, 6 tháng và năm".
struct ReportingDuty {
  std::string text;
  TimeSpec when;
  std::vector<std::string> reporters;  // who reports
  std::string recipient;               // to whom
};

struct Signer {
  std::optional<std::string> on_behalf;  // "TM. ỦY BAN NHÂN DÂN", "T/M BAN THƯỜNG VỤ"
  std::string title;                     // "CHỦ TỊCH", "PHÓ BÍ THƯ"
  std::string name;
};

struct PlanHeader {
  DocumentFamily family = DocumentFamily::kUnknown;
  std::string doc_type;                // "Kế hoạch"
  std::optional<std::string> number;   // "02-KH/BCĐ"; nullopt for a draft's blank number
  std::string issuer;                  // "Ủy ban nhân dân xã Thanh Thủy"
  std::string parent_issuer;           // "Tỉnh ủy Đắk Lắk"
  std::string place;
  // ISO date, or "YYYY-MM" / "YYYY" when a draft leaves the day / month blank.
  std::optional<std::string> date;
  std::string title;
};

struct Plan {
  int64_t id = 0;
  int64_t unit_id = 0;  // the issuing unit in the hierarchy
  PlanStatus status = PlanStatus::kDraft;
  PlanHeader header;
  std::vector<LegalBasis> legal_bases;
  std::optional<std::string> implements;       // symbol of the plan this one implements
  std::optional<int64_t> implements_plan_id;   // that plan, when it is in the system
  std::vector<Section> sections;
  std::vector<ContentTheme> themes;
  std::vector<Channel> channels;
  std::vector<Phase> phases;
  std::vector<Task> tasks;
  std::vector<ReportingDuty> reporting_duties;
  std::vector<std::string> recipients;
  Signer signer;
};

}  // namespace lienthong
