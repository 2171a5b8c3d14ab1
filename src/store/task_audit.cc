#include "store/task_audit.h"

#include <nlohmann/json.hpp>

namespace lienthong {
namespace {

using nlohmann::json;

json Nullable(const std::optional<std::string>& text) { return text ? json(*text) : json(); }

}  // namespace

std::string TaskStateJson(const TrackedState& s, const InstanceLabel* instance,
                          std::string_view note) {
  json j = {{"status", TaskStatusName(s.status)},
            {"progress", s.progress},
            {"completed_on", Nullable(s.completed_on)},
            {"evidence_link", Nullable(s.evidence_link)}};
  if (instance) j["instance"] = {{"id", instance->id}, {"period", instance->period}};
  if (!note.empty()) j["note"] = note;
  return j.dump();
}

std::string TaskDeadlineJson(const TaskDeadline& d) {
  return json{{"deadline",
               {{"text", Nullable(d.text)}, {"kind", TimeSpecKindName(d.kind)}, {"date", Nullable(d.date)}}}}
      .dump();
}

std::string EvidenceAuditJson(const EvidenceFile& f) {
  return json{{"evidence",
               {{"n", f.n},
                {"file_name", f.file_name},
                {"content_type", f.content_type},
                {"size", f.size},
                {"sha256", f.sha256}}}}
      .dump();
}

std::string CommentAuditJson(const TaskComment& c) {
  return json{{"comment", {{"id", c.id}, {"text", c.text}}}}.dump();
}

}  // namespace lienthong
