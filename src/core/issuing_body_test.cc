// The issuing body of a unit in the forms a báo cáo prints it (NĐ 30/2020; HD 36 for party bodies).
#include "core/issuing_body.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

Unit U(std::string code, std::string name, UnitKind kind) {
  Unit u;
  u.code = std::move(code);
  u.name = std::move(name);
  u.kind = kind;
  return u;
}

const Unit kCountry = U("VN", "Việt Nam", UnitKind::kCountry);
const Unit kProvince = U("66", "Tỉnh Đắk Lắk", UnitKind::kProvince);
const Unit kCommune = U("66906", "Xã Hòa Phú", UnitKind::kCommune);

TEST(IssuingBodyTest, ACommuneIssuesAsItsPeoplesCommitteeUnderTheProvinces) {
  IssuingBody body = IssuingBodyOf({kCountry, kProvince, kCommune});
  EXPECT_EQ(body.family, DocumentFamily::kState);
  EXPECT_EQ(body.name, "Ủy ban nhân dân xã Hòa Phú");
  EXPECT_EQ(body.superior, "UBND tỉnh Đắk Lắk");
  EXPECT_EQ(body.place, "Hòa Phú");
  EXPECT_EQ(body.symbol, "UBND");
  EXPECT_EQ(body.authority, "TM. ỦY BAN NHÂN DÂN");
  EXPECT_EQ(body.signer_title, "CHỦ TỊCH");
}

TEST(IssuingBodyTest, AProvinceHasNoSuperiorLineAndTheCountryNoBody) {
  IssuingBody province = IssuingBodyOf({kCountry, kProvince});
  EXPECT_EQ(province.name, "Ủy ban nhân dân tỉnh Đắk Lắk");
  EXPECT_EQ(province.superior, "");
  EXPECT_EQ(province.place, "Đắk Lắk");
  IssuingBody country = IssuingBodyOf({kCountry});
  EXPECT_EQ(country.name, "");
  EXPECT_EQ(IssuingBodyOf({}).name, "");
}

TEST(IssuingBodyTest, PartyBodiesIssueUnderTheirOwnNameInThePartyFamily) {
  Unit committee = U("66906-DU", "Đảng ủy xã Hòa Phú", UnitKind::kPartyCommittee);
  IssuingBody body = IssuingBodyOf({kCountry, kProvince, kCommune, committee});
  EXPECT_EQ(body.family, DocumentFamily::kParty);
  EXPECT_EQ(body.name, "Đảng ủy xã Hòa Phú");
  EXPECT_EQ(body.superior, "Đảng bộ tỉnh Đắk Lắk");
  EXPECT_EQ(body.place, "Hòa Phú");

  Unit provincial = U("66-TU", "Tỉnh ủy Đắk Lắk", UnitKind::kPartyCommittee);
  Unit board = U("66-TG", "Ban Tuyên giáo và Dân vận", UnitKind::kPartyBoard);
  IssuingBody b = IssuingBodyOf({kCountry, kProvince, provincial, board});
  EXPECT_EQ(b.name, "Ban Tuyên giáo và Dân vận");
  EXPECT_EQ(b.superior, "Tỉnh ủy Đắk Lắk");
}

TEST(IssuingBodyTest, ADepartmentIssuesUnderItsTerritorysCommittee) {
  Unit department = U("66-VH", "Sở Văn hóa, Thể thao và Du lịch", UnitKind::kDepartment);
  IssuingBody body = IssuingBodyOf({kCountry, kProvince, department});
  EXPECT_EQ(body.name, "Sở Văn hóa, Thể thao và Du lịch");
  EXPECT_EQ(body.superior, "UBND tỉnh Đắk Lắk");
  EXPECT_EQ(body.symbol, "");
}

TEST(IssuingBodyTest, PlaceNameDropsTheKindWord) {
  EXPECT_EQ(PlaceName(kCommune), "Hòa Phú");
  EXPECT_EQ(PlaceName(U("01", "Thành phố Hà Nội", UnitKind::kCity)), "Hà Nội");
  EXPECT_EQ(PlaceName(U("X", "Ban Tổ chức", UnitKind::kPartyBoard)), "Ban Tổ chức");
}

}  // namespace
}  // namespace lienthong
