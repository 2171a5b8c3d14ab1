#include "service/plans/cascade_units.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "store/unit_store.h"
#include "text/keys.h"

namespace lienthong {
namespace {

// " a b c ": padded so that Contains(" x y ") matches whole tokens only.
std::string Padded(std::string_view key) { return " " + std::string(key) + " "; }
bool Contains(const std::string& padded, std::string_view needle) {
  return padded.find(needle) != std::string::npos;
}
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view LevelOfTerritory(UnitKind kind) {
  switch (kind) {
    case UnitKind::kCountry:
      return "country";
    case UnitKind::kProvince:
    case UnitKind::kCity:
      return "province";
    case UnitKind::kCommune:
    case UnitKind::kWard:
    case UnitKind::kSpecialZone:
      return "commune";
    default:
      return "";
  }
}

std::string_view LevelBelow(std::string_view level) {
  if (level == "country") return "province";
  if (level == "province") return "commune";
  return "";
}

std::string_view LevelNoun(UnitKind kind) {
  switch (kind) {
    case UnitKind::kProvince:
      return "tỉnh";
    case UnitKind::kCity:
      return "thành phố";
    case UnitKind::kCommune:
      return "xã";
    case UnitKind::kWard:
      return "phường";
    case UnitKind::kSpecialZone:
      return "đặc khu";
    default:
      return "";
  }
}

std::string ProperName(const Unit& territory) {
  static constexpr std::array<std::string_view, 5> kPrefixes = {"thành phố ", "tỉnh ", "xã ",
                                                                "phường ", "đặc khu "};
  std::string key = MatchKey(territory.name);
  for (std::string_view prefix : kPrefixes) {
    if (key.rfind(prefix, 0) != 0) continue;
    // Skip as many words of the original as the prefix has.
    size_t words = static_cast<size_t>(std::count(prefix.begin(), prefix.end(), ' '));
    size_t pos = 0;
    const std::string& name = territory.name;
    while (words > 0 && pos < name.size()) {
      size_t space = name.find(' ', pos);
      if (space == std::string::npos) return name;
      pos = name.find_first_not_of(' ', space);
      --words;
    }
    return pos == std::string::npos ? name : name.substr(pos);
  }
  return territory.name;
}

Result<Unit> TerritoryOf(Database& db, const Unit& unit) {
  if (IsTerritorial(unit.kind)) return unit;
  // The path lists the codes from the root; walk up from the parent.
  std::vector<std::string> codes;
  size_t pos = 1;
  while (pos < unit.path.size()) {
    size_t slash = unit.path.find('/', pos);
    if (slash == std::string::npos) break;
    codes.push_back(unit.path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  UnitStore units(db);
  for (size_t i = codes.size(); i-- > 0;) {
    if (codes[i] == unit.code) continue;
    LT_ASSIGN_OR_RETURN(auto found, units.FindByCode(codes[i]));
    if (found && IsTerritorial(found->kind)) return std::move(*found);
  }
  return Status::NotFound("unit '" + unit.code + "' has no territorial ancestor");
}

Result<PlanPlace> PlaceOfPlan(Database& db, const std::optional<int64_t>& unit_id) {
  UnitStore units(db);
  PlanPlace place;
  if (unit_id) {
    LT_ASSIGN_OR_RETURN(place.unit, units.FindById(*unit_id));
  }
  if (place.unit) {
    LT_ASSIGN_OR_RETURN(place.territory, TerritoryOf(db, *place.unit));
    return place;
  }
  LT_ASSIGN_OR_RETURN(auto roots, units.Roots());
  if (roots.empty()) return Status::FailedPrecondition("no units are stored");
  place.territory = roots.front();
  return place;
}

bool KindInFamily(UnitKind kind, BodyFamily family) {
  switch (family) {
    case BodyFamily::kAny:
      return true;
    case BodyFamily::kParty:
      return kind == UnitKind::kPartyCommittee || kind == UnitKind::kPartyBoard;
    case BodyFamily::kState:
      return kind == UnitKind::kPeoplesCommittee || kind == UnitKind::kPeoplesCouncil ||
             kind == UnitKind::kDepartment;
    case BodyFamily::kFront:
      return kind == UnitKind::kFatherlandFront;
    case BodyFamily::kPolice:
      return kind == UnitKind::kPolice;
    case BodyFamily::kMilitary:
      return kind == UnitKind::kMilitary;
  }
  return false;
}

std::string CascadeNameKey(std::string_view name) {
  std::string key = SearchKey(name);
  // Punctuation separates tokens but is not part of them ("xã, phường" == "xã phường").
  for (char& c : key) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && !std::isalnum(u)) c = ' ';
  }
  std::string out;
  size_t pos = 0;
  std::vector<std::string> tokens;
  while (pos < key.size()) {
    size_t start = key.find_first_not_of(' ', pos);
    if (start == std::string::npos) break;
    size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    tokens.push_back(key.substr(start, end - start));
    pos = end;
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    std::string expanded;
    if (t == "ubnd") expanded = "uy ban nhan dan";
    else if (t == "hdnd") expanded = "hoi dong nhan dan";
    else if (t == "mttq") expanded = "mat tran to quoc";
    else if (t == "tp") expanded = "thanh pho";
    else if (t == "viet" && i + 1 < tokens.size() && tokens[i + 1] == "nam") {
      ++i;  // "Việt Nam" adds nothing to "Mặt trận Tổ quốc" and is often left out
      continue;
    } else expanded = t;
    if (!out.empty()) out += ' ';
    out += expanded;
  }
  return out;
}

BodyFamily FamilyOfName(std::string_view name) {
  const std::string key = Padded(CascadeNameKey(name));
  struct FamilyWord {
    BodyFamily family;
    std::string_view word;
  };
  static constexpr std::array<FamilyWord, 13> kFamilyWords = {{
      {BodyFamily::kParty, " dang uy "},           {BodyFamily::kParty, " cap uy "},
      {BodyFamily::kParty, " to chuc dang "},      {BodyFamily::kParty, " co so dang "},
      {BodyFamily::kParty, " chi bo "},            {BodyFamily::kParty, " ban thuong vu "},
      {BodyFamily::kParty, " tinh uy "},           {BodyFamily::kState, " uy ban nhan dan "},
      {BodyFamily::kState, " chinh quyen "},       {BodyFamily::kState, " hoi dong nhan dan "},
      {BodyFamily::kFront, " mat tran "},          {BodyFamily::kPolice, " cong an "},
      {BodyFamily::kMilitary, " quan su "},
  }};
  std::set<BodyFamily> families;
  for (const auto& fw : kFamilyWords)
    if (Contains(key, fw.word)) families.insert(fw.family);
  // None, or several ("các cấp ủy, chính quyền"), address every body.
  return families.size() == 1 ? *families.begin() : BodyFamily::kAny;
}

std::optional<GenericAddress> ClassifyGenericName(std::string_view name) {
  const std::string key = Padded(CascadeNameKey(name));
  static constexpr std::array<std::string_view, 10> kCommune = {
      " cac xa ",        " xa phuong ",         " phuong xa ",       " cac phuong ",
      " cac dac khu ",   " cap xa ",            " cap co so ",       " cap uy co so ",
      " dang uy co so ", " to chuc co so dang "};
  static constexpr std::array<std::string_view, 6> kProvince = {
      " cac tinh ",    " tinh thanh pho ", " tinh uy thanh uy ", " cac tinh uy ",
      " cac thanh pho truc thuoc ", " cap tinh "};
  static constexpr std::array<std::string_view, 3> kBelow = {" dia phuong ", " cac cap uy ",
                                                             " cac cap "};
  GenericAddress address;
  for (auto p : kCommune)
    if (Contains(key, p)) address.level = "commune";
  if (address.level.empty())
    for (auto p : kProvince)
      if (Contains(key, p)) address.level = "province";
  if (address.level.empty())
    for (auto p : kBelow)
      if (Contains(key, p)) address.level = "below";
  if (address.level.empty()) return std::nullopt;

  address.family = FamilyOfName(name);
  return address;
}

bool NameNamesUnit(std::string_view name, const Unit& unit, const Unit& territory,
                   bool allow_short) {
  const std::string name_key = CascadeNameKey(name);
  const std::string unit_key = CascadeNameKey(unit.name);
  if (name_key.empty() || unit_key.empty()) return false;
  if (Contains(Padded(name_key), Padded(unit_key))) return true;
  if (!allow_short || unit.id == territory.id) return false;
  for (const std::string& suffix :
       {CascadeNameKey(territory.name), CascadeNameKey(ProperName(territory))}) {
    if (suffix.empty() || !EndsWith(unit_key, " " + suffix)) continue;
    if (name_key == unit_key.substr(0, unit_key.size() - suffix.size() - 1)) return true;
  }
  return false;
}

}  // namespace lienthong
