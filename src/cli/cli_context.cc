#include "cli/cli_context.h"

#include <pwd.h>
#include <unistd.h>

#include "store/migrations.h"

namespace lienthong {

Result<std::unique_ptr<Database>> CliContext::Open() const { return OpenDatabase(db_url); }

Result<std::unique_ptr<Database>> CliContext::OpenMigrated() const {
  LT_ASSIGN_OR_RETURN(auto db, Open());
  LT_ASSIGN_OR_RETURN(auto migrations, ListMigrations(*db));
  for (const auto& m : migrations) {
    if (!m.applied) {
      return Status::FailedPrecondition("the database schema is not current (migration " +
                                        std::to_string(m.version) + " '" + m.name +
                                        "' is missing); run `lienthong db migrate` first");
    }
  }
  return db;
}

std::string CliContext::Actor() const {
  const passwd* pw = getpwuid(geteuid());
  return std::string("cli:") + (pw ? pw->pw_name : std::to_string(geteuid()));
}

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return 0;
    case StatusCode::kInvalidArgument:
    case StatusCode::kUnsupported:
    case StatusCode::kTooLarge:
    case StatusCode::kFailedPrecondition: return 65;
    case StatusCode::kNotFound: return 66;
    case StatusCode::kUnavailable: return 69;
    case StatusCode::kAlreadyExists: return 73;
    case StatusCode::kIoError: return 74;
    case StatusCode::kPermissionDenied:
    case StatusCode::kUnauthenticated: return 77;
    case StatusCode::kInternal: return 70;
  }
  return 70;
}

}  // namespace lienthong
