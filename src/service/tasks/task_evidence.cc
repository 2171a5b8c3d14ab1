#include "service/tasks/task_evidence.h"

#include <algorithm>

#include "store/audit_log.h"
#include "store/task_audit.h"
#include "text/normalize.h"
#include "text/visible_text.h"
#include "util/iso_time.h"
#include "util/sha256.h"

namespace lienthong {
namespace {

constexpr size_t kMaxExtensionBytes = 20;

// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
std::string CutUtf8(std::string text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text;
}

std::string TrimSpacesAndDots(const std::string& s) {
  size_t b = s.find_first_not_of(" ."), e = s.find_last_not_of(" .");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string CleanContentType(const std::string& raw) {
  std::string type;
  for (char c : raw) type += static_cast<char>(::tolower(static_cast<unsigned char>(c)));
  bool usable = !type.empty() && type.size() <= 100 && type.find('/') != std::string::npos &&
                std::all_of(type.begin(), type.end(), [](unsigned char c) {
                  return std::isalnum(c) || std::string_view("!#$&^_.+-/;= \"").find(c) !=
                                                std::string_view::npos;
                });
  return usable ? type : "application/octet-stream";
}

}  // namespace

std::string CleanEvidenceFileName(std::string_view raw) {
  size_t slash = raw.find_last_of("/\\");
  std::string name = WithoutInvisibleControls(ToNfc(raw.substr(slash == std::string_view::npos ? 0 : slash + 1)));
  for (char& c : name) {
    if (std::string_view("<>:\"/\\|?*").find(c) != std::string_view::npos) c = '_';
  }
  name = TrimSpacesAndDots(name);
  if (name.size() > kMaxEvidenceNameBytes) {
    size_t dot = name.rfind('.');
    std::string extension =
        dot != std::string::npos && name.size() - dot <= kMaxExtensionBytes ? name.substr(dot) : "";
    name = TrimSpacesAndDots(CutUtf8(name, kMaxEvidenceNameBytes - extension.size())) + extension;
  }
  if (!HasVisibleContent(name)) return "evidence";
  return name;
}

Result<EvidenceFile> AddEvidenceFile(Database& db, int64_t task_id, const std::string& file_name,
                                     const std::string& content_type, const std::string& bytes,
                                     const std::string& actor) {
  if (bytes.size() > kMaxEvidenceBytes) {
    return Status::TooLarge("evidence file is " + std::to_string(bytes.size()) +
                            " bytes; the limit is " + std::to_string(kMaxEvidenceBytes) +
                            " bytes (10 MiB)");
  }
  if (bytes.empty()) return Status::InvalidField("file", "evidence file is empty").WithReason("file_empty");
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  TaskStore store(db);
  LT_ASSIGN_OR_RETURN(auto row, store.Get(task_id));
  if (!row) return Status::NotFound("task " + std::to_string(task_id));
  EvidenceFile file{.task_id = task_id,
                    .file_name = CleanEvidenceFileName(file_name),
                    .content_type = CleanContentType(content_type),
                    .size = static_cast<int64_t>(bytes.size()),
                    .sha256 = Sha256Hex(bytes),
                    .added_at = NowIsoUtc(),
                    .added_by = actor,
                    .content = bytes};
  LT_ASSIGN_OR_RETURN(file.n, store.InsertEvidence(file));
  LT_RETURN_IF_ERROR(store.TouchTask(task_id, file.added_at));
  std::string after = EvidenceAuditJson(file);
  LT_RETURN_IF_ERROR(store
                         .InsertUpdate({.task_id = task_id,
                                        .at = file.added_at,
                                        .actor = actor,
                                        .before_json = "{}",
                                        .after_json = after})
                         .status());
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = actor,
                                                .action = "add_evidence",
                                                .entity = "task",
                                                .entity_id = std::to_string(task_id),
                                                .after_json = after}));
  LT_RETURN_IF_ERROR(tx->Commit());
  file.content.clear();
  return file;
}

Result<std::vector<EvidenceFile>> ListEvidenceFiles(Database& db, int64_t task_id) {
  return TaskStore(db).ListEvidence(task_id);
}

Result<std::optional<EvidenceFile>> GetEvidenceFile(Database& db, int64_t task_id, int64_t n) {
  if (n < 1 || n > 1'000'000) return std::optional<EvidenceFile>();
  return TaskStore(db).GetEvidence(task_id, static_cast<int>(n));
}

}  // namespace lienthong
