// lienthong users add | totp | list | disable | enable | reset-password (service/accounts/user_admin.h)
#include <iostream>

#include "cli/cli_context.h"
#include "auth/totp.h"
#include "service/accounts/user_admin.h"
#include "util/base32.h"

namespace lienthong {
namespace {

// The first line of standard input, without its line break: the password is never an argument
// (it would show in `ps` and shell history).
Result<std::string> ReadPasswordLine() {
  std::string line;
  if (!std::getline(std::cin, line)) {
    return Status::InvalidArgument("--password-stdin: no password on standard input");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

void AddUserAddCommand(CLI::App* users, CliContext& ctx) {
  auto* add = users->add_subcommand("add", "Create an account scoped to a unit and its subtree");
  static std::string name, unit, role = "viewer", display_name;
  static bool password_stdin = false;
  add->add_option("NAME", name, "User name: 3–64 of a–z, 0–9, '.', '_', '-'")->required();
  add->add_option("--unit", unit, "Code of the user's unit")->required();
  add->add_option("--role", role, "admin, manager, specialist or viewer")
      ->check(CLI::IsMember({"admin", "manager", "specialist", "viewer"}))
      ->capture_default_str();
  add->add_option("--display-name", display_name, "Full name shown in the UI");
  static PasswordPolicy policy;
  add->add_option("--password-min-length", policy.min_length, "Shortest password accepted")
      ->capture_default_str()->check(CLI::Range(8, 128));

  add->add_flag("--password-stdin", password_stdin,
                "Read the password from the first line of standard input")
      ->required();
  add->callback([&ctx] {
    ctx.action = [&ctx]() -> Status {
      LT_ASSIGN_OR_RETURN(std::string password, ReadPasswordLine());
      LT_ASSIGN_OR_RETURN(auto db, ctx.OpenMigrated());
      NewUserRequest request{.username = name,
                             .display_name = display_name,
                             .unit_code = unit,
                             .role = *ParseRole(role),
                             .password = std::move(password)};
      LT_ASSIGN_OR_RETURN(int64_t id,
                          AddUser(*db, AdminScope::Everything(ctx.Actor()), request, policy));
      std::cout << "created user " << id << " '" << name << "' (" << role << ") in unit "
                << unit << "\n";
      if (request.role == Role::kAdmin) {
        // Administrators cannot sign in without a second factor: enrol them at once.
        NormalizeUsername(name);
        LT_ASSIGN_OR_RETURN(std::string secret, EnrolTotp(*db, name, "", ctx.Actor()));
        std::cout << "TOTP (add to an authenticator app): "
                  << TotpUri(*Base32Decode(secret), name, "lienthong") << "\n";
      }
      return Status::Ok();
    };
  });
}

void AddUserTotpCommand(CLI::App* users, CliContext& ctx) {
  auto* totp = users->add_subcommand(
      "totp", "Enrol a user in two-factor login and print the otpauth:// URI for the app");
  static std::string totp_name, totp_secret;
  static bool print_code = false;
  totp->add_option("NAME", totp_name, "User name")->required();
  totp->add_option("--secret", totp_secret, "Use this base32 secret (default: a new random one)");
  totp->add_flag("--code", print_code,
                 "Print the current code instead of enrolling (for scripted demos and tests)");
  totp->callback([&ctx] {
    ctx.action = [&ctx]() -> Status {
      LT_ASSIGN_OR_RETURN(auto db, ctx.OpenMigrated());
      NormalizeUsername(totp_name);
      if (print_code) {
        LT_ASSIGN_OR_RETURN(std::string code, CurrentTotpCode(*db, totp_name));
        std::cout << code << "\n";
        return Status::Ok();
      }
      LT_ASSIGN_OR_RETURN(std::string secret, EnrolTotp(*db, totp_name, totp_secret, ctx.Actor()));
      std::cout << TotpUri(*Base32Decode(secret), totp_name, "lienthong") << "\n";
      return Status::Ok();
    };
  });
}

// disable, enable and reset-password: one account named on the command line.
void AddUserAccountCommands(CLI::App* users, CliContext& ctx) {
  static std::string target;
  for (bool disabled : {true, false}) {
    auto* toggle = users->add_subcommand(disabled ? "disable" : "enable",
                                         disabled ? "Disable an account (its sessions end)"
                                                  : "Enable a disabled account");
    toggle->add_option("NAME", target, "User name")->required();
    toggle->callback([&ctx, disabled] {
      ctx.action = [&ctx, disabled]() -> Status {
        LT_ASSIGN_OR_RETURN(auto db, ctx.OpenMigrated());
        LT_RETURN_IF_ERROR(
            SetUserDisabled(*db, AdminScope::Everything(ctx.Actor()), target, disabled).status());
        std::cout << (disabled ? "disabled " : "enabled ") << target << "\n";
        return Status::Ok();
      };
    });
  }
  auto* reset = users->add_subcommand(
      "reset-password", "Set a temporary password (printed once) to change at next sign-in");
  reset->add_option("NAME", target, "User name")->required();
  reset->callback([&ctx] {
    ctx.action = [&ctx]() -> Status {
      LT_ASSIGN_OR_RETURN(auto db, ctx.OpenMigrated());
      LT_ASSIGN_OR_RETURN(std::string password,
                          ResetPassword(*db, AdminScope::Everything(ctx.Actor()), target));
      std::cout << password << "\n";
      return Status::Ok();
    };
  });
}

void AddUserListCommand(CLI::App* users, CliContext& ctx) {
  auto* list = users->add_subcommand("list", "List the accounts of a unit's subtree");
  static std::string root = "VN";
  list->add_option("--unit", root, "Code of the subtree's root")->capture_default_str();
  list->callback([&ctx] {
    ctx.action = [&ctx]() -> Status {
      LT_ASSIGN_OR_RETURN(auto db, ctx.OpenMigrated());
      LT_ASSIGN_OR_RETURN(auto accounts, ListUsers(*db, AdminScope::Everything(ctx.Actor()), root));
      for (const UserAccount& account : accounts) {
        const User& u = account.user;
        std::cout << u.username << "\t" << RoleName(u.role) << "\t" << u.display_name
                  << (u.disabled ? "\t(disabled)" : "") << "\n";
      }
      return Status::Ok();
    };
  });
}

}  // namespace

void AddUsersCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* users =
      app.add_subcommand("users", "Accounts: add, totp, list, disable, enable, reset-password");
  users->require_subcommand(1);
  AddUserAddCommand(users, ctx);
  AddUserTotpCommand(users, ctx);
  AddUserAccountCommands(users, ctx);
  AddUserListCommand(users, ctx);
}

}  // namespace lienthong
