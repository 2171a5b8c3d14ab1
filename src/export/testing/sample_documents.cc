#include "export/testing/sample_documents.h"

#include <pugixml.hpp>

namespace lienthong::export_testing {

using nlohmann::json;

json SampleStatePlan() {
  return {
      {"doc_type", "Kế hoạch"},
      {"number", "27/KH-UBND"},
      {"issuer", "ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH"},
      {"parent_issuer", "UBND TỈNH ĐẮK LẮK"},
      {"place", "Hưng Thịnh"},
      {"date", "2026-03-05"},
      {"title", "Phát triển thư viện số cộng đồng trên địa bàn xã Hưng Thịnh năm 2026"},
      {"family", "state"},
      {"legal_bases", {"45/2025/NĐ-CP", "88/KH-UBND"}},
      {"legal_basis_details",
       {{{"symbol", "45/2025/NĐ-CP"},
         {"text", "Căn cứ Nghị định số 45/2025/NĐ-CP ngày 10 tháng 02 năm 2025 của Chính phủ "
                  "về thư viện cộng đồng;"}},
        {{"symbol", "88/KH-UBND"},
         {"text", "Căn cứ Kế hoạch số 88/KH-UBND ngày 20 tháng 01 năm 2026 của Ủy ban nhân dân "
                  "tỉnh về chuyển đổi số năm 2026."}}}},
      {"sections", {"MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"}},
      {"section_tree",
       {{{"label", "I"},
         {"title", "MỤC ĐÍCH, YÊU CẦU"},
         {"children",
          {{{"label", "1"}, {"title", "Mục đích"}},
           {{"label", "2"},
            {"title", "Yêu cầu"},
            {"children",
             {{{"label", "a"}, {"title", "Bảo đảm tiết kiệm, hiệu quả."}},
              {{"label", "-"}, {"title", "Ưu tiên tài liệu địa chí của xã."}}}}}}}},
        {{"label", "II"}, {"title", "NỘI DUNG THỰC HIỆN"}},
        {{"label", "III"}, {"title", "TỔ CHỨC THỰC HIỆN"}}}},
      {"tasks",
       {{{"group", "NHÓM NHIỆM VỤ HẠ TẦNG"},
         {"text", "Số hóa tài liệu địa chí của xã"},
         {"lead", {"Văn phòng HĐND và UBND xã"}},
         {"coordinators", {"Các thôn, tổ dân phố"}},
         {"deadline", "Quý II/2026"}},
        {{"group", "NHÓM NHIỆM VỤ HẠ TẦNG"},
         {"text", "Lắp đặt điểm truy cập thư viện số tại nhà văn hóa"},
         {"lead", {"Công chức Văn hóa - Xã hội"}},
         {"coordinators", {"Đoàn Thanh niên xã", "Hội Cựu chiến binh xã"}},
         {"deadline", "Trước ngày 30/9/2026"}},
        {{"group", "NHÓM NHIỆM VỤ TUYÊN TRUYỀN"},
         {"text", "Tuyên truyền, hướng dẫn người dân sử dụng thư viện số"},
         {"lead", {"Đài truyền thanh xã"}},
         {"coordinators", json::array()},
         {"deadline", "Thường xuyên"}},
        {{"group", "NHÓM NHIỆM VỤ TUYÊN TRUYỀN"},
         {"text", "Sơ kết, đánh giá kết quả thực hiện"},
         {"lead", {"Văn phòng HĐND và UBND xã"}},
         {"coordinators", {"Các cơ quan, đơn vị"}},
         {"deadline", "Tháng 12/2026"}}}},
      {"recipients", {"UBND tỉnh (b/c)", "Thường trực Đảng ủy xã", "Các thôn, tổ dân phố",
                      "Lưu: VT, VHXH"}},
      {"signer",
       {{"on_behalf", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"},
        {"title", "PHÓ CHỦ TỊCH"},
        {"name", "Trần Minh Khoa"}}},
  };
}

json SamplePartyPlan() {
  return {
      {"doc_type", "Kế hoạch"},
      {"number", "15-KH/ĐU"},
      {"issuer", "ĐẢNG ỦY XÃ HƯNG THỊNH"},
      {"parent_issuer", "ĐẢNG BỘ TỈNH ĐẮK LẮK"},
      {"place", "Hưng Thịnh"},
      {"date", "2026-02-09"},
      {"title", "tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng"},
      {"family", "party"},
      {"sections", {"MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG TUYÊN TRUYỀN", "TỔ CHỨC THỰC HIỆN"}},
      {"tasks",
       {{{"text", "Treo băng rôn, khẩu hiệu tại trụ sở và các thôn"},
         {"lead", {"Ban Tuyên giáo và Dân vận Đảng ủy"}},
         {"deadline", "Trước ngày 01/02/2026"}}}},
      {"recipients", {"Ban Thường vụ Tỉnh ủy (b/c)", "Các chi bộ trực thuộc", "Lưu Văn phòng Đảng ủy"}},
      {"signer",
       {{"on_behalf", "T/M BAN THƯỜNG VỤ"}, {"title", "PHÓ BÍ THƯ"}, {"name", "Lê Thị Hạnh"}}},
  };
}

Report SampleReport() {
  Report r;
  r.id = 7;
  r.plan_id = 3;
  r.unit_id = 12;
  r.period = {"Quý I/2026", Date{2025, 12, 15}, Date{2026, 3, 14}, Date{2026, 3, 20}};
  r.indicators = {
      {"tai_lieu_so_hoa", IndicatorType::kNumber, 1250.0},
      {"ty_le_thon_co_diem", IndicatorType::kPercentage, 62.5},
      {"co_quy_che", IndicatorType::kYesNo, true},
      {"ghi_chu", IndicatorType::kText, std::string("Đang thẩm định")},
      {"kinh_phi", IndicatorType::kNumber, {}, true},
  };
  r.activity_counts = {{{"Chuyển đổi số", "press"}, 4},
                       {{"Chuyển đổi số", "social"}, 12},
                       {{"Văn hóa đọc", "grassroots"}, 3}};
  r.highlights = "Hoàn thành số hóa 1.250 trang tài liệu địa chí.\n"
                 "Ba thôn đã có điểm truy cập thư viện số.";
  r.shortcomings = "Một số thôn chưa bố trí được phòng đọc.";
  r.causes = "Kinh phí được giao chậm.";
  r.recommendations = "Đề nghị UBND tỉnh hỗ trợ thiết bị cho các thôn vùng sâu.";
  return r;
}

ReportContext SampleReportContext(bool rollup) {
  ReportContext c;
  c.family = DocumentFamily::kState;
  c.parent_issuer = "UBND TỈNH ĐẮK LẮK";
  c.issuer = "ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH";
  c.reporter = "Ủy ban nhân dân xã Hưng Thịnh";
  c.number = "41/BC-UBND";
  c.place = "Hưng Thịnh";
  c.addressees = {"Ủy ban nhân dân tỉnh Đắk Lắk"};
  c.date = Date{2026, 3, 18};
  c.plan_number = "27/KH-UBND";
  c.plan_date = Date{2026, 3, 5};
  c.plan_issuer = "Ủy ban nhân dân xã";
  c.plan_title = "phát triển thư viện số cộng đồng năm 2026";
  c.indicators = {{"tai_lieu_so_hoa", {"Số trang tài liệu được số hóa", "trang"}},
                  {"ty_le_thon_co_diem", {"Tỷ lệ thôn có điểm truy cập", "%"}},
                  {"co_quy_che", {"Ban hành quy chế khai thác", ""}},
                  {"ghi_chu", {"Tình trạng đề án", ""}},
                  {"kinh_phi", {"Kinh phí đối ứng", "triệu đồng"}}};
  c.channel_names = {{"press", "Báo chí"}, {"social", "Mạng xã hội"}, {"grassroots", "Cơ sở"}};
  c.signer = {"TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Minh Khoa"};
  c.recipients = {"UBND tỉnh (b/c)", "Sở Văn hóa, Thể thao và Du lịch", "Lưu: VT, VHXH"};
  if (rollup) {
    RollupTable t;
    t.title = "Kết quả của các thôn";
    t.columns = {{"Số hoạt động", XlsxCell::Format::kInteger},
                 {"Kinh phí (đồng)", XlsxCell::Format::kInteger},
                 {"Tỷ lệ hoàn thành", XlsxCell::Format::kPercent}};
    t.rows = {{"Thôn Tân Lập", {XlsxCell::Integer(14), XlsxCell::Integer(12500000),
                                XlsxCell::Percent(0.875)}},
              {"Thôn Đồng Tâm", {XlsxCell::Integer(9), XlsxCell::Integer(3400000),
                                 XlsxCell::Percent(0.5)}},
              {"Buôn Ea Sar", {XlsxCell::Integer(0), XlsxCell::Empty(), XlsxCell::Text("—")}}};
    t.total = RollupRow{"Tổng cộng", {XlsxCell::Integer(23), XlsxCell::Integer(15900000),
                                      XlsxCell::Percent(0.6875)}};
    t.notes = {"Buôn Ea Sar chưa gửi báo cáo."};
    c.rollup = t;
  }
  return c;
}

std::string ParagraphTexts(const std::string& document_xml) {
  pugi::xml_document xml;
  if (!xml.load_string(document_xml.c_str())) return "";
  std::string text;
  for (const auto& p : xml.select_nodes("//w:p")) {
    for (const auto& t : p.node().select_nodes(".//w:t")) text += t.node().text().get();
    text += "\n";
  }
  return text;
}

}  // namespace lienthong::export_testing
