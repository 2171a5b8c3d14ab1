// The audit log as administrators read it: a root administrator sees every row, others the
// changes made by the users of their unit's subtree.
#pragma once

#include <functional>

#include "core/caller.h"
#include "store/audit_query.h"

namespace lienthong {

// `filter.actors_of_subtree` is set from the caller (whatever it held).
Status VisitAudit(Database& db, const Caller& caller, AuditFilter filter,
                  const std::function<bool(const AuditEntry&)>& visit);

}  // namespace lienthong
