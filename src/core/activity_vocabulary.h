// The closed lists an activity is described with: its kind (core/activity.h ActivityKind) and the
// channel it went out on, each with the code used in files and the API and a Vietnamese label.
//
// Channels: press, radio_tv, website, social, grassroots_loudspeaker, conference, print, other.
// The importer's plan channels (docs/import-schema.md) are accepted as aliases: "broadcast" →
// radio_tv, "grassroots" → grassroots_loudspeaker.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.h"

namespace lienthong {

struct CodeLabel {
  std::string code;
  std::string label;  // Vietnamese, for the UI
};

const std::vector<CodeLabel>& ActivityKindOptions();
const std::vector<CodeLabel>& ActivityChannelOptions();

std::optional<ActivityKind> ParseActivityKind(std::string_view code);
// The canonical channel code for `code` or one of its aliases; nullopt when unknown.
std::optional<std::string> CanonicalChannel(std::string_view code);
// The Vietnamese label of a channel code or alias ("grassroots_loudspeaker" → "Hệ thống truyền
// thanh cơ sở"); an unknown code as it is.
std::string ChannelLabelVi(std::string_view code);

// Common themes of Vietnamese communication plans: offered when no plan names any, and used by
// the demo data.
const std::vector<std::string>& CommonThemes();

}  // namespace lienthong
