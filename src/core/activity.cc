#include "core/activity.h"

namespace lienthong {

const char* ActivityKindName(ActivityKind kind) {
  switch (kind) {
    case ActivityKind::kArticle: return "article";
    case ActivityKind::kBroadcast: return "broadcast";
    case ActivityKind::kPost: return "post";
    case ActivityKind::kInfographic: return "infographic";
    case ActivityKind::kVideo: return "video";
    case ActivityKind::kConference: return "conference";
    case ActivityKind::kBanner: return "banner";
    case ActivityKind::kLoudspeaker: return "loudspeaker";
    case ActivityKind::kOther: return "other";
  }
  return "other";
}

}  // namespace lienthong
