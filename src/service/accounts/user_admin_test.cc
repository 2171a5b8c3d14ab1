// Account creation, against every store backend.
#include "service/accounts/user_admin.h"

#include <gtest/gtest.h>

#include "service/units/unit_import.h"
#include "store/testing/test_database.h"
#include "store/unit_store.h"
#include "store/user_store.h"

namespace lienthong {
namespace {

class UserAdminTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenFreshTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    auto rows = ParseUnitCsv(
        "code,name,kind,parent_code\n66,Tỉnh Đắk Lắk,province,VN\n66001,Xã Ea Kar,commune,66\n"
        "25,Tỉnh Phú Thọ,province,VN\n",
        "u.csv");
    ASSERT_TRUE(rows.ok());
    ASSERT_TRUE(ImportUnits(*db_, *rows, "test").ok());
  }
  Result<int64_t> Add(const std::string& name, const std::string& unit,
                      const std::string& password = "một mật khẩu đủ dài") {
    return AddUser(*db_, AdminScope::Everything("test"),
                   {.username = name, .unit_code = unit, .role = Role::kSpecialist,
                    .password = password},
                   PasswordPolicy{}, PasswordCost::kTesting);
  }

  std::unique_ptr<Database> db_;
};

TEST_P(UserAdminTest, CreatesAnAccountWithAHashAndAnAuditRowWithoutSecrets) {
  auto id = Add("Lan.NT", "66001");
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  UserStore users(*db_);
  auto user = users.FindByUsername("lan.nt");
  ASSERT_TRUE(user.ok() && user->has_value());
  EXPECT_EQ((*user)->role, Role::kSpecialist);
  EXPECT_TRUE(VerifyPassword((*user)->password_hash, "một mật khẩu đủ dài"));
  EXPECT_EQ(users.RecentPasswordHashes(*id, 5)->size(), 1u);
  auto audit = db_->Query("SELECT after_json FROM audit_log WHERE entity = 'user'");
  ASSERT_EQ(audit->size(), 1u);
  std::string after = audit->at(0).Text(0);
  EXPECT_NE(after.find("\"unit_code\":\"66001\""), std::string::npos) << after;
  EXPECT_EQ(after.find("argon2"), std::string::npos) << after;
  EXPECT_EQ(after.find("mật khẩu"), std::string::npos) << after;
}

TEST_P(UserAdminTest, RefusesBadNamesWeakPasswordsUnknownUnitsAndDuplicates) {
  EXPECT_EQ(Add("x", "66").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Add("lan nt", "66").status().code(), StatusCode::kInvalidArgument);
  auto weak = Add("lan.nt", "66", "ngắn");
  EXPECT_NE(weak.status().message().find("at least 12 characters"), std::string::npos);
  EXPECT_EQ(Add("lan.nt", "99").status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(Add("lan.nt", "66").ok());
  EXPECT_EQ(Add("LAN.NT", "25").status().code(), StatusCode::kAlreadyExists);
}

TEST_P(UserAdminTest, ListsTheUsersOfASubtreeOnly) {
  ASSERT_TRUE(Add("tinh", "66").ok());
  ASSERT_TRUE(Add("xa.eakar", "66001").ok());
  ASSERT_TRUE(Add("phutho", "25").ok());
  auto in_66 = ListUsers(*db_, AdminScope::Everything("test"), "66");
  ASSERT_TRUE(in_66.ok());
  ASSERT_EQ(in_66->size(), 2u);
  EXPECT_EQ((*in_66)[0].user.username, "tinh");
  EXPECT_EQ((*in_66)[1].user.username, "xa.eakar");
  EXPECT_EQ((*in_66)[1].unit_code, "66001");
}

TEST_P(UserAdminTest, AProvinceAdminReachesOnlyItsSubtree) {
  ASSERT_TRUE(Add("xa.eakar", "66001").ok());
  ASSERT_TRUE(Add("phutho", "25").ok());
  auto path = UnitStore(*db_).GetByCode("66")->path;
  AdminScope scope{.root_path = path, .actor = "web:tinh", .self = "tinh"};
  EXPECT_EQ(ListUsers(*db_, scope, "25").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(GetUser(*db_, scope, "phutho").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(SetUserDisabled(*db_, scope, "phutho", true).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ChangeUserAccess(*db_, scope, "xa.eakar", {.unit_code = "25"}).status().code(),
            StatusCode::kNotFound);
  auto moved = ChangeUserAccess(*db_, scope, "xa.eakar", {.role = Role::kManager, .unit_code = "66"});
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->unit_code, "66");
  auto audit = db_->Query("SELECT actor, before_json, after_json FROM audit_log WHERE action = 'update'");
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->at(0).Text(0), "web:tinh");
  EXPECT_NE(audit->at(0).Text(1).find("\"specialist\""), std::string::npos);
  EXPECT_NE(audit->at(0).Text(2).find("\"manager\""), std::string::npos);
}

TEST_P(UserAdminTest, AResetPasswordMustBeChangedAndTheReuseRuleHolds) {
  ASSERT_TRUE(Add("lan.nt", "66001").ok());
  auto temporary = ResetPassword(*db_, AdminScope::Everything("test"), "lan.nt",
                                 PasswordCost::kTesting);
  ASSERT_TRUE(temporary.ok()) << temporary.status().ToString();
  EXPECT_EQ(temporary->size(), 16u);
  auto account = UserStore(*db_).FindAccount("lan.nt");
  ASSERT_TRUE((*account)->must_change_password);
  int64_t id = (*account)->user.id;
  auto change = [&](const std::string& current, const std::string& next) {
    return ChangeOwnPassword(*db_, {.user_id = id, .current_password = current,
                                    .new_password = next, .actor = "web:lan.nt"},
                             PasswordPolicy{}, PasswordCost::kTesting);
  };
  EXPECT_EQ(change("sai mật khẩu rồi", "một mật khẩu mới hẳn").code(),
            StatusCode::kPermissionDenied);
  Status reused = change(*temporary, "một mật khẩu đủ dài");  // the first password
  EXPECT_EQ(reused.field(), "new_password");
  EXPECT_NE(reused.message().find("must differ"), std::string::npos) << reused.ToString();
  ASSERT_TRUE(change(*temporary, "một mật khẩu mới hẳn").ok());
  EXPECT_FALSE((*UserStore(*db_).FindAccount("lan.nt"))->must_change_password);
  auto audit = db_->Query("SELECT action FROM audit_log WHERE entity = 'user' ORDER BY id");
  ASSERT_EQ(audit->size(), 3u);
  EXPECT_EQ(audit->at(1).Text(0), "reset_password");
  EXPECT_EQ(audit->at(2).Text(0), "change_password");
}

INSTANTIATE_TEST_SUITE_P(Backends, UserAdminTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
