// The signed-in user's own account: password change, TOTP enrolment (declared in user_admin.h).
#include "auth/totp.h"
#include "service/accounts/user_admin.h"
#include "store/audit_log.h"
#include "util/base32.h"
#include "util/iso_time.h"

namespace lienthong {

Result<UserAccount> OwnAccount(Database& db, int64_t user_id) {
  LT_ASSIGN_OR_RETURN(auto account, UserStore(db).FindAccountById(user_id));
  if (!account) return Status::NotFound("user " + std::to_string(user_id));
  return *account;
}

Status ChangeOwnPassword(Database& db, const PasswordChange& change,
                         const PasswordPolicy& policy, PasswordCost cost) {
  LT_ASSIGN_OR_RETURN(UserAccount account, OwnAccount(db, change.user_id));
  if (!VerifyPassword(account.user.password_hash, change.current_password)) {
    return Status(StatusCode::kPermissionDenied, "the current password is wrong")
        .WithField("current_password")
        .WithReason("current_password_wrong");
  }
  UserStore users(db);
  LT_ASSIGN_OR_RETURN(auto recent, users.RecentPasswordHashes(account.user.id, policy.history));
  LT_RETURN_IF_ERROR(CheckPassword(change.new_password, account.user.username, recent, policy)
                         .WithField("new_password"));
  LT_ASSIGN_OR_RETURN(std::string hash, HashPassword(change.new_password, cost));
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_RETURN_IF_ERROR(users.SetPassword(account.user.id, hash, /*must_change=*/false));
  LT_RETURN_IF_ERROR(AppendAudit(db, {.actor = change.actor,
                                      .action = "change_password",
                                      .entity = "user",
                                      .entity_id = account.user.username}));
  return tx->Commit();
}

Result<std::string> EnrolTotp(Database& db, const std::string& username,
                              const std::string& secret_base32, const std::string& actor) {
  std::string secret = secret_base32.empty() ? NewTotpSecretBase32() : secret_base32;
  auto raw = Base32Decode(secret);
  if (!raw || raw->size() < 16) {
    return Status::InvalidArgument("TOTP secret must be base32 of at least 16 bytes");
  }
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  UserStore users(db);
  LT_ASSIGN_OR_RETURN(auto user, users.FindByUsername(username));
  if (!user) return Status::NotFound("unknown user '" + username + "'");
  LT_RETURN_IF_ERROR(users.SetTotpSecret(user->id, secret));
  LT_RETURN_IF_ERROR(AppendAudit(db, {.actor = actor,
                                      .action = "enrol_totp",
                                      .entity = "user",
                                      .entity_id = user->username}));
  LT_RETURN_IF_ERROR(tx->Commit());
  return secret;
}

std::string NewTotpSecretBase32() { return Base32Encode(NewTotpSecret()); }

Status ConfirmTotpEnrolment(Database& db, int64_t user_id, const std::string& secret_base32,
                            const std::string& code, const std::string& actor) {
  auto raw = Base32Decode(secret_base32);
  if (!raw || raw->size() < 16) {
    return Status::InvalidField("secret", "TOTP secret must be base32 of at least 16 bytes");
  }
  if (!VerifyTotp(*raw, code, NowUnixSeconds())) {
    return Status::InvalidField("code", "the code does not match; check the phone's clock")
        .WithReason("totp_code_mismatch");
  }
  LT_ASSIGN_OR_RETURN(UserAccount account, OwnAccount(db, user_id));
  return EnrolTotp(db, account.user.username, secret_base32, actor).status();
}

Result<std::string> CurrentTotpCode(Database& db, const std::string& username) {
  LT_ASSIGN_OR_RETURN(auto user, UserStore(db).FindByUsername(username));
  if (!user || !user->totp_secret) {
    return Status::NotFound("user '" + username + "' has no TOTP secret");
  }
  return TotpCode(*Base32Decode(*user->totp_secret), NowUnixSeconds());
}

}  // namespace lienthong
