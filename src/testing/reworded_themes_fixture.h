// Parent and child theme sets for theme coverage (service/plans/theme_coverage.h), written for
// lienthong's tests (not taken from any real document): each child keeps some parent themes
// near-verbatim (';' lists reordered, level words changed), rewords others with other words and
// reordered clauses, drops one and adds one the parent does not have. `expected[i]` says whether
// the child covers parent theme i; `kind[i]` why (for the report of theme_coverage_quality_bench).
#pragma once

#include <string>
#include <vector>

#include "core/plan_document.h"

namespace lienthong::testing_themes {

enum class ThemeCase { kVerbatim, kReworded, kDropped };

struct ThemeCoverageCase {
  std::string name;
  PlanDocument parent;
  PlanDocument child;
  std::vector<bool> expected;      // per parent theme: covered?
  std::vector<ThemeCase> kind;     // per parent theme
};

inline ContentTheme Theme(std::string label, std::string title, std::string text = "") {
  return {std::move(label), std::move(title), std::move(text)};
}

// Administrative reform and digital skills, province → commune; themes in one sentence each.
inline ThemeCoverageCase AdministrativeReformCase() {
  ThemeCoverageCase c{.name = "administrative-reform"};
  c.parent.themes = {
      Theme("1", "Tuyên truyền, phổ biến chủ trương của Đảng, chính sách, pháp luật của Nhà nước "
                 "về cải cách hành chính đến cán bộ, công chức, viên chức và Nhân dân."),
      Theme("2", "Nâng cao chất lượng giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành "
                 "chính công; công khai, minh bạch quy trình; giảm thời gian và chi phí cho người "
                 "dân, doanh nghiệp."),
      Theme("3", "Đào tạo, bồi dưỡng kỹ năng số cho đội ngũ cán bộ, công chức cấp xã."),
      Theme("4", "Bảo đảm an toàn, an ninh mạng cho hệ thống thông tin của các cơ quan nhà nước "
                 "trên địa bàn tỉnh."),
      Theme("5", "Phát triển hạ tầng viễn thông, phủ sóng di động 4G/5G đến các thôn, bản vùng "
                 "sâu, vùng xa."),
      Theme("6", "Kiểm tra, giám sát việc chấp hành kỷ luật, kỷ cương hành chính; xử lý nghiêm "
                 "cán bộ gây phiền hà, sách nhiễu người dân."),
  };
  c.child.themes = {
      // 1, reworded with the clauses turned round
      Theme("1", "Đưa các chủ trương, chính sách mới về cải cách thủ tục hành chính đến với "
                 "cán bộ, đảng viên và người dân trên địa bàn xã."),
      // 2, near-verbatim with its ';' list reordered
      Theme("2", "Công khai, minh bạch quy trình; giảm thời gian, chi phí cho người dân, doanh "
                 "nghiệp; nâng cao chất lượng giải quyết thủ tục hành chính tại Bộ phận Một cửa "
                 "xã."),
      // an unrelated theme the parent does not have
      Theme("3", "Tổ chức các hoạt động văn hóa, văn nghệ, thể dục thể thao chào mừng Đại hội "
                 "Đảng bộ xã."),
      // 3, reworded
      Theme("4", "Mở lớp tập huấn nâng cao năng lực sử dụng công nghệ số cho công chức xã."),
      // 4, reworded
      Theme("5", "Giữ vững an ninh thông tin, phòng ngừa các cuộc tấn công mạng vào hệ thống "
                 "của cơ quan, đơn vị."),
      // 6, near-verbatim, level words adapted
      Theme("6", "Kiểm tra, giám sát việc chấp hành kỷ luật, kỷ cương hành chính tại xã; xử lý "
                 "nghiêm công chức gây phiền hà, sách nhiễu người dân."),
      // 5 (telecom coverage) dropped
  };
  c.expected = {true, true, true, true, false, true};
  c.kind = {ThemeCase::kReworded, ThemeCase::kVerbatim, ThemeCase::kReworded,
            ThemeCase::kReworded, ThemeCase::kDropped, ThemeCase::kVerbatim};
  return c;
}

// Natural disasters, province → commune; themes with a heading and a body.
inline ThemeCoverageCase DisasterPreventionCase() {
  ThemeCoverageCase c{.name = "disaster-prevention"};
  c.parent.themes = {
      Theme("1", "Thông tin, cảnh báo sớm thiên tai",
            "Kịp thời cung cấp thông tin dự báo, cảnh báo bão, lũ, sạt lở đất đến từng hộ gia "
            "đình qua hệ thống loa truyền thanh cơ sở và mạng xã hội."),
      Theme("2", "Củng cố lực lượng xung kích phòng, chống thiên tai",
            "Kiện toàn đội xung kích ở thôn, tổ dân phố; trang bị phương tiện cứu hộ, cứu nạn; "
            "tổ chức diễn tập phương án sơ tán dân."),
      Theme("3", "Bảo vệ sản xuất nông nghiệp",
            "Hướng dẫn nông dân chuyển đổi cơ cấu mùa vụ, thu hoạch sớm lúa và hoa màu trước "
            "mùa mưa lũ; gia cố chuồng trại chăn nuôi."),
      Theme("4", "Khắc phục hậu quả sau thiên tai",
            "Vệ sinh môi trường, phòng dịch bệnh; hỗ trợ người dân sửa chữa nhà cửa, sớm ổn "
            "định đời sống."),
  };
  c.child.themes = {
      // 2, near-verbatim, list reordered
      Theme("1", "Củng cố lực lượng xung kích phòng, chống thiên tai",
            "Tổ chức diễn tập phương án sơ tán dân; kiện toàn đội xung kích ở các thôn; trang "
            "bị phương tiện cứu hộ, cứu nạn."),
      // 1, reworded
      Theme("2", "Truyền tải bản tin dự báo, cảnh báo mưa bão, lũ quét, sạt lở tới người dân",
            "Sử dụng loa phát thanh thôn, nhóm Zalo của thôn để thông báo nhanh cho các hộ."),
      // an unrelated theme
      Theme("3", "Tổng kết phong trào thi đua yêu nước năm 2025",
            "Khen thưởng tập thể, cá nhân có thành tích xuất sắc trong phong trào."),
      // 4, reworded
      Theme("4", "Ổn định đời sống Nhân dân sau bão lũ",
            "Giúp các hộ bị thiệt hại sửa chữa nhà ở; dọn dẹp, khử trùng, tiêu độc môi trường, "
            "ngăn ngừa dịch bệnh bùng phát."),
      // 3 (farming) dropped
  };
  c.expected = {true, true, false, true};
  c.kind = {ThemeCase::kReworded, ThemeCase::kVerbatim, ThemeCase::kDropped,
            ThemeCase::kReworded};
  return c;
}

inline std::vector<ThemeCoverageCase> RewordedThemeCases() {
  return {AdministrativeReformCase(), DisasterPreventionCase()};
}

}  // namespace lienthong::testing_themes
