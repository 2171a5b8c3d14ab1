#include "service/accounts/user_admin.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "core/unit_path.h"
#include "store/audit_log.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

// The audit payload of an account: who it is and what it may reach, never a secret.
std::string AccountAuditJson(const User& user, const std::string& unit_code) {
  return nlohmann::json{{"username", user.username},
                        {"display_name", user.display_name},
                        {"unit_code", unit_code},
                        {"role", RoleName(user.role)},
                        {"disabled", user.disabled}}
      .dump();
}

Result<Unit> UnitInScope(Database& db, const AdminScope& scope, const std::string& code) {
  auto unit = UnitStore(db).FindByCode(code);
  if (!unit.ok()) return unit.status();
  if (!*unit || !UnitPath((*unit)->path).Within(scope.root_path)) {
    return Status::NotFound("unit '" + code + "'");
  }
  return **unit;
}

Status AuditAccount(Database& db, const AdminScope& scope, const char* action,
                    const UserAccount& before, const UserAccount& after) {
  return AppendAudit(db, {.actor = scope.actor,
                          .action = action,
                          .entity = "user",
                          .entity_id = after.user.username,
                          .before_json = AccountAuditJson(before.user, before.unit_code),
                          .after_json = AccountAuditJson(after.user, after.unit_code)});
}

Status RefuseSelf(const AdminScope& scope, const UserAccount& account) {
  if (!scope.self.empty() && scope.self == account.user.username) {
    return Status(StatusCode::kFailedPrecondition,
                  "administrators cannot change their own role, unit or access; ask another")
        .WithReason("own_account_change");
  }
  return Status::Ok();
}

// 16 characters from an alphabet without look-alikes (0/O, 1/l/I): about 83 bits.
std::string TemporaryPassword() {
  static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789";
  std::string out;
  for (int i = 0; i < 16; ++i) out.push_back(kAlphabet[randombytes_uniform(sizeof(kAlphabet) - 1)]);
  return out;
}

}  // namespace

AdminScope AdminScope::Of(const Caller& caller) {
  return {.root_path = caller.unit_path, .actor = caller.Actor(), .self = caller.username};
}

AdminScope AdminScope::Everything(std::string actor) {
  return {.root_path = "/", .actor = std::move(actor), .self = ""};
}

bool NormalizeUsername(std::string& username) {
  if (username.size() < 3 || username.size() > 64) return false;
  for (char& c : username) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Result<int64_t> AddUser(Database& db, const AdminScope& scope, const NewUserRequest& request,
                        const PasswordPolicy& policy, PasswordCost cost) {
  std::string username = request.username;
  if (!NormalizeUsername(username)) {
    return Status::InvalidField("username", "user name '" + request.username +
                                                "': use 3–64 of a–z, 0–9, '.', '_' and '-'")
        .WithReason("username_invalid", {{"name", request.username.substr(0, 64)}});
  }
  LT_RETURN_IF_ERROR(
      CheckPassword(request.password, username, {}, policy).WithField("password"));
  // Hash before the transaction: Argon2id takes ~0.1 s and must not hold the write lock.
  LT_ASSIGN_OR_RETURN(std::string hash, HashPassword(request.password, cost));

  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(Unit unit, UnitInScope(db, scope, request.unit_code));
  UserStore users(db);
  LT_ASSIGN_OR_RETURN(auto existing, users.FindByUsername(username));
  if (existing) {
    return Status::AlreadyExists("user name '" + username + "' is taken")
        .WithReason("username_taken", {{"name", username}});
  }
  User user;
  user.username = username;
  user.display_name = request.display_name;
  user.unit_id = unit.id;
  user.role = request.role;
  user.password_hash = std::move(hash);
  LT_ASSIGN_OR_RETURN(int64_t id, users.Insert(user, request.must_change_password));
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = scope.actor,
                                                .action = "create",
                                                .entity = "user",
                                                .entity_id = username,
                                                .after_json = AccountAuditJson(user, unit.code)}));
  LT_RETURN_IF_ERROR(tx->Commit());
  return id;
}

Result<std::vector<UserAccount>> ListUsers(Database& db, const AdminScope& scope,
                                           const std::string& unit_code) {
  if (unit_code.empty()) return UserStore(db).ListInSubtree(scope.root_path);
  LT_ASSIGN_OR_RETURN(Unit root, UnitInScope(db, scope, unit_code));
  return UserStore(db).ListInSubtree(root.path);
}

Result<UserAccount> GetUser(Database& db, const AdminScope& scope, const std::string& username) {
  std::string name = username;
  NormalizeUsername(name);
  LT_ASSIGN_OR_RETURN(auto account, UserStore(db).FindAccount(name));
  if (!account || !UnitPath(account->unit_path).Within(scope.root_path)) {
    return Status::NotFound("user '" + username + "'");
  }
  return *account;
}

Result<UserAccount> ChangeUserAccess(Database& db, const AdminScope& scope,
                                     const std::string& username, const AccessChange& change) {
  if (!change.role && !change.unit_code) {
    return Status::InvalidArgument("nothing to change: give a role or a unit_code");
  }
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(UserAccount before, GetUser(db, scope, username));
  LT_RETURN_IF_ERROR(RefuseSelf(scope, before));
  UserAccount after = before;
  if (change.role) after.user.role = *change.role;
  if (change.unit_code) {
    auto unit = UnitInScope(db, scope, *change.unit_code);
    if (!unit.ok()) return unit.status().WithField("unit_code");
    after.user.unit_id = unit->id;
    after.unit_code = unit->code;
    after.unit_name = unit->name;
    after.unit_kind = std::string(UnitKindName(unit->kind));
    after.unit_path = unit->path;
  }
  LT_RETURN_IF_ERROR(UserStore(db).UpdateAccess(after.user.id, after.user.role, after.user.unit_id));
  LT_RETURN_IF_ERROR(AuditAccount(db, scope, "update", before, after));
  LT_RETURN_IF_ERROR(tx->Commit());
  return after;
}

Result<UserAccount> SetUserDisabled(Database& db, const AdminScope& scope,
                                    const std::string& username, bool disabled) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(UserAccount before, GetUser(db, scope, username));
  LT_RETURN_IF_ERROR(RefuseSelf(scope, before));
  UserAccount after = before;
  after.user.disabled = disabled;
  LT_RETURN_IF_ERROR(UserStore(db).SetDisabled(after.user.id, disabled));
  LT_RETURN_IF_ERROR(AuditAccount(db, scope, disabled ? "disable" : "enable", before, after));
  LT_RETURN_IF_ERROR(tx->Commit());
  return after;
}

Result<std::string> ResetPassword(Database& db, const AdminScope& scope,
                                  const std::string& username, PasswordCost cost) {
  std::string password = TemporaryPassword();
  LT_ASSIGN_OR_RETURN(std::string hash, HashPassword(password, cost));
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(UserAccount account, GetUser(db, scope, username));
  LT_RETURN_IF_ERROR(UserStore(db).SetPassword(account.user.id, hash, /*must_change=*/true));
  LT_RETURN_IF_ERROR(AppendAudit(db, {.actor = scope.actor,
                                      .action = "reset_password",
                                      .entity = "user",
                                      .entity_id = account.user.username,
                                      .after_json = R"({"must_change_password":true})"}));
  LT_RETURN_IF_ERROR(tx->Commit());
  return password;
}

}  // namespace lienthong
