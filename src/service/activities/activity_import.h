// Importing many activities at once from a CSV or XLSX file (POST /api/v1/activities/import),
// ALL OR NOTHING: every row is checked first, and when any row has a problem nothing is stored
// and the answer lists every problem with its row number (the spreadsheet's row or the CSV line)
// and column; otherwise all rows are recorded in one transaction, each as RecordActivities would
// (validation, audit row, pre-aggregates). All-or-nothing was chosen over per-row imports so a
// user fixes the file and sends it again without having to find out which rows already went in
// (a resend of a partly imported file would duplicate them).
//
// The first row names the columns, in English codes or in Vietnamese (case, diacritics and
// spacing ignored): date/ngày, kind/loại (hình thức), channel/kênh, title/tiêu đề (tên hoạt
// động), theme/chủ đề, link/đường dẫn (liên kết), reach/lượt tiếp cận, unit/đơn vị (mã đơn vị),
// plan_id, client_key/mã chống trùng. Required: date, kind, channel, title. Unknown columns are
// an error (a misspelt header would otherwise drop a whole column silently).
// Values: dates as YYYY-MM-DD or dd/mm/yyyy (XLSX date cells are read as dates); kind and
// channel as codes or their Vietnamese labels (core/activity_vocabulary.h); reach a whole number,
// thousands may be grouped with '.' or spaces ("1.234"); unit a unit code (default: the unit
// the import is for).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/unit.h"
#include "service/activities/activity_log.h"
#include "store/database.h"

namespace lienthong {

inline constexpr size_t kMaxImportActivities = 5000;

struct ActivityImportRequest {
  std::string_view file_bytes;
  std::string file_name;
  Unit default_unit;  // for rows without a unit column or with it empty
  // Resolves a row's unit code (the caller's authorisation: kNotFound / kPermissionDenied).
  std::function<Result<Unit>(const std::string& code)> resolve_unit;
  RecordOptions record;
  bool dry_run = false;  // check every row, store nothing
};

// Codes (params): unknown_column (name), duplicate_column, missing_column, not_whole_number
// (value), not_plan_id (value), unit_unknown (value), repeats_row (row), no_rows,
// client_key_used, and ValidateActivity's (activity_log.h); "" when only the message says it.
struct RowProblem {
  int row = 0;          // spreadsheet row / CSV line (1-based); 0 for the file as a whole
  std::string column;   // the activity field ("date", "reach"…); "" for the row or file
  std::string message;  // English, for the CLI and logs
  std::string code;
  std::vector<std::pair<std::string, std::string>> params;
};

struct ActivityImportResult {
  std::vector<RowProblem> problems;  // non-empty: nothing was stored
  int64_t rows = 0;                  // data rows read
  std::vector<int64_t> ids;          // the stored activities, in row order (empty on dry runs)
};

// Errors (Status) are for files that cannot be read at all — kUnsupported format, kTooLarge past
// TableLimits or kMaxImportActivities rows — and for the store; a readable file with bad rows
// answers problems.
Result<ActivityImportResult> ImportActivities(Database& db, const ActivityImportRequest& request);

}  // namespace lienthong
