// The parent's deadline for the plans that implement it, read from its document: a task, or a
// sentence of a heading, theme or task, that speaks of "xây dựng / ban hành kế hoạch" and gives a
// date ("trước ngày 15/9/2025", or the task's deadline column); the earliest wins. Without one it
// is the plan's date + `default_days`; without a date, none.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/plan_document.h"

namespace lienthong {

struct ImplementingDeadline {
  std::optional<Date> date;
  std::string source;  // "document", "default" or "none"
  std::string text;    // the sentence or deadline it was read from
};

// The rule above, on an import document (docs/import-schema.md).
ImplementingDeadline FindImplementingDeadline(const PlanDocument& document,
                                              const std::optional<std::string>& plan_date,
                                              int default_days);

// Every text of a document a theme, task or deadline could be read from, in reading order: the
// title, section headings, themes (title and text), phases, channels and tasks.
std::vector<std::string> DocumentTexts(const PlanDocument& document);

}  // namespace lienthong
