// Documents with forms and appendices attached, and headers of the types and title forms met in
// decisions, resolutions and circulars. Fictional lines in the formats of vn-documents.md.
#include <gtest/gtest.h>

#include "import/testing/parsed_lines.h"

#include "import/parse/document_splitter.h"
#include "import/parse/header_parser.h"
#include "import/parse/line_kinds.h"
#include "import/parse/page_furniture.h"

namespace lienthong::parse {
namespace {

std::vector<Line> Lines(std::initializer_list<const char*> texts) { return testing::TextLines(texts); }

HeaderResult Parse(std::initializer_list<const char*> texts) { return testing::HeaderOfLines(texts); }

// A plan's body and closing block, the lines every case below starts with.
constexpr std::initializer_list<const char*> kPlanAndClosing = {
    "ỦY BAN NHÂN DÂN", "XÃ AN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Số: 21/KH-UBND", "An Phú, ngày 02 tháng 3 năm 2026", "KẾ HOẠCH", "Kiểm tra công tác văn thư năm 2026",
    "I. MỤC ĐÍCH, YÊU CẦU", "- Nội dung kiểm tra.", "II. TỔ CHỨC THỰC HIỆN", "- Các đơn vị báo cáo.",
    "Nơi nhận:", "- Các đơn vị;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Tâm"};

std::vector<Line> PlanThen(std::initializer_list<const char*> after) {
  std::vector<Line> out = Lines(kPlanAndClosing);
  for (Line& l : Lines(after)) out.push_back(std::move(l));
  return out;
}

TEST(ImportDocumentForms, AReportFormAttachedToAPlanStaysWithIt) {
  // The form's number has no digits and its date no year: it is to be filled in, not issued.
  const auto lines = PlanThen({"Phụ lục", "MẪU BÁO CÁO", "UBND XÃ …", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                               "Độc lập - Tự do - Hạnh phúc", "Số: …/BC-…", "…, ngày … tháng … năm …",
                               "BÁO CÁO", "Kết quả kiểm tra công tác văn thư", "1. Kết quả:"});
  ASSERT_EQ(SplitDocuments(lines).size(), 1u);

  // Without an appendix label above it, the same form is still no document of its own.
  const auto bare = PlanThen({"UBND XÃ …", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                              "Số: /BC-UBND", "…, ngày … tháng … năm 20…", "BÁO CÁO", "Kết quả kiểm tra"});
  EXPECT_EQ(SplitDocuments(bare).size(), 1u);
}

TEST(ImportDocumentForms, AnIssuedDocumentAfterTheFormsStillStartsANewOne) {
  // A citation's date below the form's header ("Căn cứ … ngày … năm 2025") does not make it issued.
  const auto lines = PlanThen({"Mẫu số 01", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                               "ĐƠN ĐỀ NGHỊ", "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020;",
                               "Kính gửi: …", "ỦY BAN NHÂN DÂN", "XÃ BÌNH AN",
                               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                               "Số: 22/KH-UBND", "Bình An, ngày 05 tháng 3 năm 2026", "KẾ HOẠCH",
                               "Tuyên truyền năm 2026"});
  const auto docs = SplitDocuments(lines);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(lines[docs[1].first].text, "ỦY BAN NHÂN DÂN");
}

TEST(ImportDocumentForms, ATypeNameInsideAnAppendixStartsNoDocument) {
  // "HƯỚNG DẪN CHẤM ĐIỂM" is a heading of the appendix, not a guidance issued after the plan.
  const auto lines = PlanThen({"PHỤ LỤC", "BẢNG ĐIỂM THI ĐUA", "(Kèm theo Kế hoạch số 21/KH-UBND)",
                               "1. Văn thư: 10 điểm", "2. Lưu trữ: 10 điểm", "HƯỚNG DẪN CHẤM ĐIỂM",
                               "1. Mỗi tiêu chí đạt được cộng điểm."});
  EXPECT_EQ(SplitDocuments(lines).size(), 1u);
  // Straight after the closing block, with no appendix label, a type name still starts one.
  const auto next = PlanThen({"HƯỚNG DẪN", "Chấm điểm thi đua năm 2026", "1. Mỗi tiêu chí đạt được cộng điểm."});
  EXPECT_EQ(SplitDocuments(next).size(), 2u);
}

TEST(ImportDocumentForms, TheMottoQuotedInASentenceIsNoHeader) {
  const auto lines = PlanThen({"Mô tả thẻ kiểm tra:", "- Quốc hiệu: Dòng trên ghi “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”;",
                               "- Số: 12/TKT ghi ở góc dưới."});
  EXPECT_EQ(SplitDocuments(lines).size(), 1u);
}

TEST(ImportDocumentForms, TheHeaderRepeatedInEachFormIsNoPageFurniture) {
  // The issuer column and a place-and-date line printed over every attached form repeat three
  // times, as a running footer would; the document's own header keeps them.
  std::vector<Line> lines = Lines({"BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                   "Số: 12/KH-BNN", "Hà Nội, ngày 28 tháng 11 năm 2025", "KẾ HOẠCH",
                                   "Kiểm tra vật tư nông nghiệp", "- Nội dung."});
  for (int form = 0; form < 3; ++form) {
    for (const char* t : {"Mẫu số 0", "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                          "Hà Nội, ngày tháng 11 năm 2025", "BIÊN BẢN KIỂM TRA", "- Nội dung."}) {
      Line l;
      l.SetText(t);
      lines.push_back(std::move(l));
    }
  }
  std::vector<ImportWarning> warnings;
  RemovePageFurniture(&lines, 0, &warnings);
  const HeaderResult r = ParseHeader(lines, 0, lines.size());
  EXPECT_EQ(r.header.issuer, "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH");
  EXPECT_EQ(r.header.date, "2025-11-28");
}

TEST(ImportDocumentForms, ADateInsideTheTitleIsTheTitlesOwn) {
  const HeaderResult r = Parse({"ỦY BAN NHÂN DÂN", "TỈNH BÌNH AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                "Số: 165/KH-UBND", "Bình An, ngày 21 tháng 11 năm 2025", "KẾ HOẠCH",
                                "THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024",
                                "CỦA THỦ TƯỚNG CHÍNH PHỦ", "Thực hiện Chỉ thị số 27/CT-TTg."});
  EXPECT_EQ(r.header.title, "THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ");
  EXPECT_EQ(r.header.date, "2025-11-21");
}

TEST(ImportDocumentForms, CircularsAndDecreesAreTypes) {
  const HeaderResult tt = Parse({"BỘ TƯ PHÁP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 23/2025/TT-BTP",
                                 "Hà Nội, ngày 20 tháng 11 năm 2025", "THÔNG TƯ",
                                 "VỀ PHÂN CẤP QUẢN LÝ TỔ CHỨC CÁN BỘ", "Căn cứ Luật Tổ chức Chính phủ;"});
  EXPECT_EQ(tt.header.doc_type, "Thông tư");
  EXPECT_EQ(tt.header.title, "VỀ PHÂN CẤP QUẢN LÝ TỔ CHỨC CÁN BỘ");
  EXPECT_EQ(tt.header.issuer, "BỘ TƯ PHÁP");

  const HeaderResult nd = Parse({"CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 16/2025/NĐ-CP",
                                 "Hà Nội, ngày 04 tháng 02 năm 2025", "NGHỊ ĐỊNH",
                                 "SỬA ĐỔI MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 72/2020/NĐ-CP", "Căn cứ Luật;"});
  EXPECT_EQ(nd.header.doc_type, "Nghị định");
  EXPECT_EQ(nd.header.title, "SỬA ĐỔI MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 72/2020/NĐ-CP");

  // The symbol's "TT": a state circular, or a Party thông tri.
  EXPECT_EQ(DocTypeFromSymbol("23/2025/TT-BTP"), "Thông tư");
  EXPECT_EQ(DocTypeFromSymbol("05-TT/TW"), "Thông tri");
  EXPECT_EQ(DocTypeFromSymbol("16/2025/NĐ-CP"), "Nghị định");
}

TEST(ImportDocumentForms, TypeNameAndTitleOnOneCapsLine) {
  const HeaderResult r = Parse({"ỦY BAN NHÂN DÂN", "TỈNH BÌNH AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                "Số: 2702/QĐ-UBND", "Bình An, ngày 18 tháng 11 năm 2025",
                                "QUYẾT ĐỊNH CÔNG BỐ THỦ TỤC HÀNH CHÍNH NỘI BỘ TRONG LĨNH VỰC ĐO ĐẠC",
                                "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "Căn cứ Luật Tổ chức chính quyền địa phương;"});
  EXPECT_EQ(r.header.doc_type, "Quyết định");
  EXPECT_EQ(r.header.title, "CÔNG BỐ THỦ TỤC HÀNH CHÍNH NỘI BỘ TRONG LĨNH VỰC ĐO ĐẠC");
  EXPECT_EQ(r.header.issuer, "ỦY BAN NHÂN DÂN TỈNH BÌNH AN");
  // A short caps qualifier is still part of the type line; the title follows below.
  const HeaderResult q = Parse({"BAN CHỈ ĐẠO", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 02-KH/BCĐ",
                                "Hà Nội, ngày 28 tháng 7 năm 2025", "KẾ HOẠCH TRUYỀN THÔNG",
                                "thúc đẩy chuyển đổi số", "I. MỤC ĐÍCH"});
  EXPECT_EQ(q.header.title, "thúc đẩy chuyển đổi số");
}

}  // namespace
}  // namespace lienthong::parse
