#include "service/demo/demo_generator.h"

#include <array>
#include <cstdio>
#include <random>
#include <string>

#include "util/csv.h"

namespace lienthong {
namespace {

// Syllables that make plausible place names ("Hòa Bình", "Đông Hưng", "Ea Sol").
constexpr std::array<const char*, 24> kSyllables = {
    "An",   "Bình", "Châu", "Đông", "Hòa",  "Hưng", "Lạc",  "Long", "Minh", "Nam",  "Phú",  "Quang",
    "Sơn",  "Tân",  "Thạnh", "Thủy", "Trung", "Vĩnh", "Xuân", "Ea",   "Đức",  "Ân",   "Yên",  "Ăng"};

struct Agency {
  const char* suffix;
  const char* name;
  UnitKind kind;
};

constexpr std::array<Agency, 12> kProvinceAgencies = {{
    {"TU", "Tỉnh ủy", UnitKind::kPartyCommittee},
    {"UBND", "Ủy ban nhân dân", UnitKind::kPeoplesCommittee},
    {"HDND", "Hội đồng nhân dân", UnitKind::kPeoplesCouncil},
    {"BTGDV", "Ban Tuyên giáo và Dân vận Tỉnh ủy", UnitKind::kPartyBoard},
    {"SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", UnitKind::kDepartment},
    {"SKHCN", "Sở Khoa học và Công nghệ", UnitKind::kDepartment},
    {"BAO", "Báo và Phát thanh, Truyền hình", UnitKind::kBroadcaster},
    {"CA", "Công an tỉnh", UnitKind::kPolice},
    {"MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", UnitKind::kFatherlandFront},
    {"DTN", "Tỉnh đoàn", UnitKind::kMassOrganisation},
    {"BCHQS", "Bộ Chỉ huy quân sự tỉnh", UnitKind::kMilitary},
    {"SNV", "Sở Nội vụ", UnitKind::kDepartment},
}};

constexpr std::array<Agency, 8> kCommuneAgencies = {{
    {"DU", "Đảng ủy", UnitKind::kPartyCommittee},
    {"UBND", "Ủy ban nhân dân", UnitKind::kPeoplesCommittee},
    {"MTTQ", "Ủy ban Mặt trận Tổ quốc", UnitKind::kFatherlandFront},
    {"CA", "Công an", UnitKind::kPolice},
    {"HDND", "Hội đồng nhân dân", UnitKind::kPeoplesCouncil},
    {"DTN", "Đoàn Thanh niên", UnitKind::kMassOrganisation},
    {"HPN", "Hội Liên hiệp Phụ nữ", UnitKind::kMassOrganisation},
    {"BCHQS", "Ban Chỉ huy quân sự", UnitKind::kMilitary},
}};

std::string Padded(int n, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, n);
  return buf;
}

}  // namespace

std::vector<NewUnit> GenerateSyntheticUnits(const SyntheticHierarchyOptions& o) {
  std::mt19937 rng(o.seed);
  auto syllable = [&] { return std::string(kSyllables[rng() % kSyllables.size()]); };
  std::vector<NewUnit> units;
  units.push_back({.code = "VN", .name = "Việt Nam", .kind = UnitKind::kCountry});
  int code_width = o.communes_per_province >= 1000 ? 4 : 3;
  for (int p = 1; p <= o.provinces; ++p) {
    std::string pcode = Padded(p, 2);
    std::string pname = syllable() + " " + syllable();
    units.push_back({.code = pcode, .name = "Tỉnh " + pname, .kind = UnitKind::kProvince,
                     .parent_code = "VN"});
    for (int a = 0; a < o.agencies_per_province; ++a) {
      const Agency& ag = kProvinceAgencies[a % kProvinceAgencies.size()];
      std::string suffix = ag.suffix + (a >= static_cast<int>(kProvinceAgencies.size())
                                            ? Padded(a, 2) : std::string());
      units.push_back({.code = pcode + "-" + suffix, .name = std::string(ag.name) + " " + pname,
                       .kind = ag.kind, .parent_code = pcode});
    }
    for (int c = 1; c <= o.communes_per_province; ++c) {
      std::string ccode = pcode + Padded(c, code_width);
      std::string cname = syllable() + " " + syllable() + " " + std::to_string(c);
      bool ward = rng() % 4 == 0;
      units.push_back({.code = ccode, .name = (ward ? "Phường " : "Xã ") + cname,
                       .kind = ward ? UnitKind::kWard : UnitKind::kCommune, .parent_code = pcode});
      for (int a = 0; a < o.agencies_per_commune; ++a) {
        const Agency& ag = kCommuneAgencies[a % kCommuneAgencies.size()];
        std::string suffix = ag.suffix + (a >= static_cast<int>(kCommuneAgencies.size())
                                              ? Padded(a, 2) : std::string());
        units.push_back({.code = ccode + "-" + suffix, .name = std::string(ag.name) + " " + cname,
                         .kind = ag.kind, .parent_code = ccode});
      }
      for (int t = 1; t <= o.areas_per_commune; ++t) {
        units.push_back({.code = ccode + "-T" + Padded(t, 2),
                         .name = (ward ? "Tổ dân phố " : "Thôn ") + std::to_string(t),
                         .kind = UnitKind::kResidentialArea, .parent_code = ccode});
      }
    }
  }
  return units;
}

void WriteUnitsCsv(const std::vector<NewUnit>& units, std::ostream& out) {
  out << "code,name,kind,parent_code\n";
  for (const auto& u : units) {
    out << CsvEscape(u.code) << ',' << CsvEscape(u.name) << ',' << UnitKindName(u.kind) << ','
        << CsvEscape(u.parent_code) << '\n';
  }
}

}  // namespace lienthong
