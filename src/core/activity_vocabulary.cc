#include "core/activity_vocabulary.h"

namespace lienthong {

const std::vector<CodeLabel>& ActivityKindOptions() {
  static const std::vector<CodeLabel> kKinds = {
      {"article", "Tin, bài viết"},
      {"broadcast", "Phóng sự, chương trình phát thanh – truyền hình"},
      {"post", "Bài đăng mạng xã hội"},
      {"infographic", "Infographic, ảnh đồ họa"},
      {"video", "Video, clip ngắn"},
      {"conference", "Hội nghị, tọa đàm, tuyên truyền trực tiếp"},
      {"banner", "Pa-nô, áp phích, băng rôn"},
      {"loudspeaker", "Tin phát trên loa truyền thanh cơ sở"},
      {"other", "Hình thức khác"},
  };
  return kKinds;
}

const std::vector<CodeLabel>& ActivityChannelOptions() {
  static const std::vector<CodeLabel> kChannels = {
      {"press", "Báo, tạp chí"},
      {"radio_tv", "Phát thanh, truyền hình"},
      {"website", "Cổng/Trang thông tin điện tử"},
      {"social", "Mạng xã hội"},
      {"grassroots_loudspeaker", "Hệ thống truyền thanh cơ sở"},
      {"conference", "Hội nghị, sinh hoạt chi bộ, đoàn thể"},
      {"print", "Tài liệu in, pa-nô, áp phích"},
      {"other", "Kênh khác"},
  };
  return kChannels;
}

std::optional<ActivityKind> ParseActivityKind(std::string_view code) {
  for (ActivityKind kind :
       {ActivityKind::kArticle, ActivityKind::kBroadcast, ActivityKind::kPost,
        ActivityKind::kInfographic, ActivityKind::kVideo, ActivityKind::kConference,
        ActivityKind::kBanner, ActivityKind::kLoudspeaker, ActivityKind::kOther}) {
    if (code == ActivityKindName(kind)) return kind;
  }
  return std::nullopt;
}

std::optional<std::string> CanonicalChannel(std::string_view code) {
  if (code == "broadcast") return std::string("radio_tv");
  if (code == "grassroots") return std::string("grassroots_loudspeaker");
  for (const CodeLabel& c : ActivityChannelOptions()) {
    if (code == c.code) return c.code;
  }
  return std::nullopt;
}

const std::vector<std::string>& CommonThemes() {
  static const std::vector<std::string> kThemes = {
      "Chuyển đổi số",
      "Cải cách hành chính",
      "Xây dựng Đảng và hệ thống chính trị",
      "Bảo vệ nền tảng tư tưởng của Đảng",
      "Phòng, chống tham nhũng, lãng phí",
      "Xây dựng nông thôn mới",
      "Sắp xếp đơn vị hành chính",
      "An ninh, trật tự, an toàn giao thông",
      "Bảo vệ môi trường",
      "Y tế, dân số",
  };
  return kThemes;
}

std::string ChannelLabelVi(std::string_view code) {
  std::optional<std::string> canonical = CanonicalChannel(code);
  for (const CodeLabel& c : ActivityChannelOptions()) {
    if (canonical && *canonical == c.code) return c.label;
  }
  return std::string(code);
}

}  // namespace lienthong
