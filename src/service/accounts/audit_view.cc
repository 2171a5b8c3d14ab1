#include "service/accounts/audit_view.h"

#include "core/unit_path.h"

namespace lienthong {

Status VisitAudit(Database& db, const Caller& caller, AuditFilter filter,
                  const std::function<bool(const AuditEntry&)>& visit) {
  if (caller.role != Role::kAdmin) {
    return Status(StatusCode::kPermissionDenied, "administrators only");
  }
  filter.actors_of_subtree = UnitPath(caller.unit_path).AtRoot() ? "" : caller.unit_path;
  return ForEachAuditEntry(db, filter, visit);
}

}  // namespace lienthong
