// Unit tests of the parser's pieces, on fictional lines in the formats of vn-documents.md.
#include <gtest/gtest.h>

#include "import/testing/parsed_lines.h"

#include "import/parse/diacritics_detector.h"
#include "import/parse/document_splitter.h"
#include "import/parse/document_symbol.h"
#include "import/parse/header_parser.h"
#include "import/parse/legal_basis_parser.h"
#include "import/parse/line_kinds.h"
#include "import/parse/paragraph_joiner.h"
#include "import/parse/recipients_signer_parser.h"
#include "import/parse/section_parser.h"
#include "import/parse/time_phrase.h"
#include "import/parse/unit_list.h"

namespace lienthong::parse {
namespace {

Line L(const std::string& text) {
  Line l;
  l.SetText(text);
  return l;
}

std::vector<Line> Lines(std::initializer_list<const char*> texts) { return testing::TextLines(texts); }

std::vector<std::string> Symbols(std::string_view text) {
  std::vector<std::string> out;
  for (const SymbolHit& h : FindDocumentSymbols(text)) out.push_back(h.symbol);
  return out;
}

TEST(ImportSymbols, StatePartyAndLegalForms) {
  struct Case {
    const char* text;
    std::vector<std::string> want;
  } cases[] = {
      {"Căn cứ Kế hoạch số 13/KH-UBND ngày 15/8/2025", {"13/KH-UBND"}},
      {"Nghị quyết số 57-NQ/TW, ngày 22/12/2024", {"57-NQ/TW"}},
      {"Nghị định số 181/2024/NĐ-CP và Luật số 55/2024/QH15;", {"181/2024/NĐ-CP", "55/2024/QH15"}},
      {"Kế hoạch số 02- KH/BCĐTW và 02 - KH/BCĐ", {"02-KH/BCĐTW", "02-KH/BCĐ"}},
      {"Kế hoạch số 12–KH/TU (gạch ngang dài)", {"12-KH/TU"}},
      {"Quy định số 7/QyĐ-UBND", {"7/QyĐ-UBND"}},
      {"ngày 15/8/2025, tỉ lệ 1/2, năm 2025-2026", {}},
      {"Nghị quyết 57-NQ/TW - Nghị quyết của Bộ", {"57-NQ/TW"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Symbols(c.text), c.want) << c.text;
}

TEST(ImportNumberLine, StatePartyDraftAndOcr) {
  struct Case {
    const char* text;
    bool found;
    std::optional<std::string> symbol;
  } cases[] = {
      {"Số: 13/KH-UBND", true, "13/KH-UBND"},
      {"Số 02 - KH/BCĐ", true, "02-KH/BCĐ"},
      {"Số:            /KH-UBND", true, std::nullopt},
      {"S607 —HD/BTGDVTU", true, "607-HD/BTGDVTU"},
      {"Sở Công Thương", false, std::nullopt},
      {"Số lượng: 15", false, std::nullopt},
  };
  for (const Case& c : cases) {
    const NumberMatch m = MatchNumber(L(c.text), 0);
    EXPECT_EQ(m.found, c.found) << c.text;
    EXPECT_EQ(m.symbol, c.symbol) << c.text;
  }
}

TEST(ImportDateLine, PlaceAndIsoDateWithDraftBlanks) {
  struct Case {
    const char* text;
    std::string place;
    std::optional<std::string> iso;
  } cases[] = {
      {"Đắk Mơ, ngày 29 tháng 8 năm 2025", "Đắk Mơ", "2025-08-29"},
      {"Bến Đá, ngày        tháng 10 năm 2026", "Bến Đá", "2026-10"},
      {"Bến Đá, ngày …… tháng …… năm 2026", "Bến Đá", "2026"},
      {"BAN TUYEN GIAO Đong Nai, ngay 30 thdang 10 nam 2025", "Đong Nai", "2025-10-30"},
      {"Số: 5/KH-UBND Hòa Lạc, ngày 01 tháng 02 năm 2026", "Hòa Lạc", "2026-02-01"},
      {"Ngày 20 tháng 5 năm 2026", "", "2026-05-20"},
      {"Đắk Lắk, ngày 18t háng. 11 năm 2025", "Đắk Lắk", "2025-11-18"},  // OCR split "tháng"
  };
  for (const Case& c : cases) {
    const DateMatch m = FindPlaceDate(L(c.text));
    ASSERT_TRUE(m.found) << c.text;
    EXPECT_EQ(m.place, c.place) << c.text;
    EXPECT_EQ(m.iso, c.iso) << c.text;
  }
  EXPECT_FALSE(FindPlaceDate(L("Thực hiện từ ngày 05/10/2026")).found);
}

TEST(ImportHeader, TwoColumnsOnOneLine) {
  const std::vector<Line> lines = Lines({
      "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "XÃ AN PHÚ Độc lập - Tự do - Hạnh phúc",
      "Số: 08/KH-UBND An Phú, ngày 02 tháng 3 năm 2026",
      "KẾ HOẠCH",
      "Trồng cây xanh",
      "năm 2026",
      "Căn cứ Kế hoạch số 1/KH-UBND ngày 02/01/2026 của UBND huyện;",
  });
  const HeaderResult h = ParseHeader(lines, 0, lines.size());
  EXPECT_EQ(h.header.issuer, "ỦY BAN NHÂN DÂN XÃ AN PHÚ");
  EXPECT_EQ(h.header.parent_issuer, "");
  EXPECT_EQ(h.header.number, "08/KH-UBND");
  EXPECT_EQ(h.header.place, "An Phú");
  EXPECT_EQ(h.header.date, "2026-03-02");
  EXPECT_EQ(h.header.doc_type, "Kế hoạch");
  EXPECT_EQ(h.header.title, "Trồng cây xanh năm 2026");
  EXPECT_EQ(h.header.family, DocumentFamily::kState);
  EXPECT_EQ(h.body_begin, 6u);
}

TEST(ImportHeader, IssuerColumnGroupsIntoParentAndIssuer) {
  EXPECT_EQ(GroupIssuerFragments({"TỈNH ỦY HÀ NAM", "BAN CHỈ ĐẠO VỀ PHÁT TRIỂN", "KHOA HỌC, CÔNG NGHỆ"}),
            (std::vector<std::string>{"TỈNH ỦY HÀ NAM", "BAN CHỈ ĐẠO VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ"}));
}

TEST(ImportLegalBases, ImplementsPrefersThucHienThenTheLastPlan) {
  std::vector<Line> p = Lines({"- Căn cứ Nghị quyết số 5-NQ/TW, ngày 1/2/2024;",
                               "- Căn cứ Kế hoạch số 01-KH/BCĐ, ngày 2/2/2025;",
                               "- Căn cứ Kế hoạch số 03-KH/BCĐ, ngày 3/3/2025 (thực hiện 5-NQ/TW);"});
  LegalBasisResult r = ParseLegalBases(p);
  ASSERT_EQ(r.bases.size(), 3u);
  EXPECT_EQ(r.implements, "03-KH/BCĐ");
  p.insert(p.begin(), L("Thực hiện Hướng dẫn số 7-HD/TU, ngày 1/1/2025 của Tỉnh ủy,"));
  EXPECT_EQ(ParseLegalBases(p).implements, "7-HD/TU");
  EXPECT_EQ(ParseLegalBases(Lines({"Căn cứ Nghị định số 1/2025/NĐ-CP;"})).implements, std::nullopt);
}

TEST(ImportSigner, PrefixesTitlesNameAndNotes) {
  const std::vector<Line> lines = Lines({"Nơi nhận:", "- Như trên;", "- Lưu: VT, VP.", "TM. ỦY BAN NHÂN DÂN",
                                         "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn An"});
  const ClosingResult r = ParseClosing(lines, 0, lines.size());
  EXPECT_EQ(r.recipients, (std::vector<std::string>{"Như trên", "Lưu: VT, VP"}));
  EXPECT_EQ(r.signer.on_behalf, "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH");
  EXPECT_EQ(r.signer.title, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(r.signer.name, "Nguyễn Văn An");

  const std::vector<Line> party = Lines({"Nơi nhận: PHÓ TRƯỞNG BAN", "- Các chi bộ,",
                                         "- Ban Tuyên giáo các đảng ủy, Lê Thị Bình", "T/M BAN THƯỜNG VỤ"});
  const ClosingResult p = ParseClosing(party, 0, party.size());
  EXPECT_EQ(p.signer.name, "Lê Thị Bình");
  EXPECT_EQ(p.signer.on_behalf, "T/M BAN THƯỜNG VỤ");
  EXPECT_EQ(p.signer.title, "PHÓ TRƯỞNG BAN");
  EXPECT_EQ(p.recipients.back(), "Ban Tuyên giáo các đảng ủy");
}

TEST(ImportSigner, TitleAndNameOnOneLine) {
  // A signature cell whose line breaks were lost: the caps title, then the name.
  const std::vector<Line> lines = Lines({"Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN",
                                         "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Bùi Thanh An"});
  const ClosingResult r = ParseClosing(lines, 0, lines.size());
  EXPECT_EQ(r.signer.name, "Bùi Thanh An");
  EXPECT_EQ(r.signer.on_behalf, "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH");
  const std::vector<Line> plain = Lines({"Nơi nhận:", "- Lưu: VT.", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG Hồ Quốc Dũng"});
  const ClosingResult p = ParseClosing(plain, 0, plain.size());
  EXPECT_EQ(p.signer.name, "Hồ Quốc Dũng");
  EXPECT_EQ(p.signer.title, "PHÓ THỦ TƯỚNG");
  // A caps unit name followed by title-case words that are no name stays a recipient's text.
  EXPECT_FALSE(SplitCapsAndPersonName("UBND TỈNH Văn phòng"));
  EXPECT_FALSE(SplitCapsAndPersonName("Nguyễn Văn An"));
}

TEST(ImportSigner, RecipientWrappedOntoALineStartingWithACapital) {
  // A PDF's narrow recipient column wraps a name; its rest may start with a capital, or be
  // mostly capitals, yet it ends the item with ';' as no signature line does.
  const std::vector<Line> lines =
      Lines({"Nơi nhận:", "- UBMTTQ Việt Nam tỉnh, các", "Hội, đoàn thể tỉnh;", "- VP. Tỉnh ủy, Văn phòng",
             "ĐĐBQH&HĐND tỉnh;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình"});
  const ClosingResult r = ParseClosing(lines, 0, lines.size());
  EXPECT_EQ(r.recipients, (std::vector<std::string>{"UBMTTQ Việt Nam tỉnh, các Hội, đoàn thể tỉnh",
                                                    "VP. Tỉnh ủy, Văn phòng ĐĐBQH&HĐND tỉnh", "Lưu: VT"}));
  EXPECT_EQ(r.signer.title, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(r.signer.name, "Trần Văn Bình");
}

TEST(ImportParagraphs, AnItemLineEndingWithACommaGoesOn) {
  // A numbered item is a heading for the joiner, but no heading ends with a comma: the next line,
  // though it starts with a capital, continues the item's sentence.
  const std::vector<Line> lines = Lines({"6. Đề nghị Văn phòng Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy,",
                                         "Văn phòng Đoàn đại biểu Quốc hội tăng cường bảo mật.",
                                         "7. Các sở, ngành", "Sở Tài chính bố trí kinh phí."});
  const std::vector<Line> paras = JoinParagraphs(lines, 0, lines.size());
  ASSERT_EQ(paras.size(), 3u);
  EXPECT_EQ(paras[0].text,
            "6. Đề nghị Văn phòng Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy, Văn phòng Đoàn đại biểu Quốc hội tăng "
            "cường bảo mật.");
  EXPECT_EQ(paras[1].text, "7. Các sở, ngành");
}

TEST(ImportParagraphs, ALabelSetApartFromItsTextLabelsIt) {
  // A tab stop or hanging indent that a PDF's or web page's text breaks after the label.
  const std::vector<Line> lines = Lines({"I.", "MỤC ĐÍCH, YÊU CẦU", "1.", "Mục đích", "- Nội dung kiểm tra.",
                                         "2.", "3. Thời gian"});
  EXPECT_TRUE(IsBareItemLabel(lines[0]));
  EXPECT_FALSE(IsBareItemLabel(lines[1]));
  const std::vector<Line> paras = JoinParagraphs(lines, 0, lines.size());
  ASSERT_EQ(paras.size(), 5u);
  EXPECT_EQ(paras[0].text, "I. MỤC ĐÍCH, YÊU CẦU");
  EXPECT_EQ(paras[1].text, "1. Mục đích");
  EXPECT_EQ(paras[2].text, "- Nội dung kiểm tra.");
  EXPECT_EQ(paras[3].text, "2.");  // a label whose text never came stays alone
  EXPECT_EQ(paras[4].text, "3. Thời gian");
}

TEST(ImportUnitList, AssignmentTextStartsAfterARunInLabel) {
  const std::string sentence = "Giao Đảng ủy Chính phủ: (i) Chỉ đạo Đảng ủy Bộ Y tế hoàn thiện quy trình.";
  const Assignment a = FindAssignment(sentence);
  EXPECT_EQ(a.body, "Đảng ủy Chính phủ");
  EXPECT_EQ(SliceByCodePoints(sentence, a.text_begin, CodePointCount(sentence)),
            "Chỉ đạo Đảng ủy Bộ Y tế hoàn thiện quy trình.");
  const std::string plain = "Giao Sở Nội vụ: hướng dẫn các xã.";
  const Assignment b = FindAssignment(plain);
  EXPECT_EQ(SliceByCodePoints(plain, b.text_begin, CodePointCount(plain)), "hướng dẫn các xã.");
}

TEST(ImportOutline, RunInHeadingKeepsTheRestOfItsParagraph) {
  // Numbered themes without Roman parts: the heading before a colon or ending the first sentence;
  // what follows it on the line is the section's first paragraph, not lost.
  const std::vector<Line> lines = Lines({"1. Giảm tối đa số trẻ bị bỏ rơi mới: Đây là nhiệm vụ ưu tiên.",
                                         "2. Bảo đảm mọi trẻ được tiếp nhận kịp thời. Nơi phát hiện chịu trách nhiệm.",
                                         "Không đùn đẩy trách nhiệm."});
  const Outline o = BuildOutline(lines);
  ASSERT_EQ(o.top.size(), 2u);
  const OutlineNode& first = o.nodes[o.top[0]];
  EXPECT_EQ(first.title, "Giảm tối đa số trẻ bị bỏ rơi mới");
  EXPECT_EQ(first.body, (std::vector<std::string>{"Đây là nhiệm vụ ưu tiên."}));
  const OutlineNode& second = o.nodes[o.top[1]];
  EXPECT_EQ(second.title, "Bảo đảm mọi trẻ được tiếp nhận kịp thời");
  EXPECT_EQ(second.body,
            (std::vector<std::string>{"Nơi phát hiện chịu trách nhiệm.", "Không đùn đẩy trách nhiệm."}));
}

TEST(ImportOutline, RomanPartsInSentenceCaseWhenTheNumbersRunOn) {
  const std::vector<Line> lines = Lines({"I. MỤC TIÊU", "- Nội dung.",
                                         "II. ĐÁNH GIÁ TÌNH HÌNH SAU MƯA LŨ Sau đợt mưa lũ, nguy cơ dịch bệnh tăng.",
                                         "III. Tổ chức thực hiện.", "1. Sở Y tế", "- Chủ trì."});
  const Outline o = BuildOutline(lines);
  ASSERT_EQ(o.top.size(), 3u);
  EXPECT_EQ(o.nodes[o.top[1]].title, "ĐÁNH GIÁ TÌNH HÌNH SAU MƯA LŨ");  // its first sentence ran in
  EXPECT_EQ(o.nodes[o.top[1]].body, (std::vector<std::string>{"Sau đợt mưa lũ, nguy cơ dịch bệnh tăng."}));
  EXPECT_EQ(o.nodes[o.top[2]].title, "Tổ chức thực hiện");
  EXPECT_EQ(o.nodes[o.top[2]].children.size(), 1u);

  // A lone "I." among Arabic items is OCR's "1.", not a part.
  const Outline ocr = BuildOutline(Lines({"I. Mục tiêu chung", "- Nội dung.", "2. Mục tiêu cụ thể", "- Nội dung."}));
  for (int t : ocr.top) EXPECT_NE(ocr.nodes[t].kind, Numbering::kRoman);
}

TEST(ImportLineKinds, YearRangeCutBeforeItsDash) {
  EXPECT_TRUE(ContinuesYearRange("nhiem ky 2026", "- 2031; huong dan so 7/hd-bnv"));
  EXPECT_TRUE(ContinuesYearRange("giai doan 2021 ", "-2030"));
  EXPECT_FALSE(ContinuesYearRange("hoan thanh nam 2025", "- 2026: tong ket"));  // a phase
  EXPECT_FALSE(ContinuesYearRange("dat ty le nam 2025", "- 100% ho so"));      // a target
  EXPECT_FALSE(ContinuesYearRange("so 2025", "- cac xa, phuong"));
  EXPECT_FALSE(ContinuesYearRange("ma so12025", "- 2031"));

  // The legal bases and the title keep the range whole.
  const std::vector<Line> lines = Lines(
      {"ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM", "Số: 5/KH-UBND", "Sông Lam, ngày 02 tháng 3 năm 2026", "KẾ HOẠCH",
       "BẦU CỬ ĐẠI BIỂU HĐND CÁC CẤP NHIỆM KỲ 2026", "- 2031", "Thực hiện Chỉ thị số 46-CT/TW ngày 16/5/2025",
       "về bầu cử nhiệm kỳ 2026", "- 2031; Hướng dẫn số 7886/HD-BNV ngày 14/9/2025 của Bộ Nội vụ,",
       "UBND tỉnh ban hành Kế hoạch như sau:", "I. MỤC ĐÍCH, YÊU CẦU"});
  const HeaderResult h = ParseHeader(lines, 0, lines.size());
  EXPECT_EQ(h.header.title, "BẦU CỬ ĐẠI BIỂU HĐND CÁC CẤP NHIỆM KỲ 2026 - 2031");
  const std::vector<Line> preamble = JoinParagraphs(lines, 7, lines.size());
  std::vector<std::string> numbers;
  for (const LegalBasis& b : ParseLegalBases(preamble).bases) numbers.push_back(b.symbol);
  EXPECT_EQ(numbers, (std::vector<std::string>{"46-CT/TW", "7886/HD-BNV"}));
}

TEST(ImportUnitList, SplitsOnSeparatorsButKeepsGroupNamesWhole) {
  struct Case {
    const char* text;
    std::vector<std::string> want;
  } cases[] = {
      {"Ban Tuyên giáo và Dân vận Tỉnh ủy", {"Ban Tuyên giáo và Dân vận Tỉnh ủy"}},
      {"Sở Nội vụ và Sở Tài chính", {"Sở Nội vụ", "Sở Tài chính"}},
      {"Văn phòng HĐND và UBND xã", {"Văn phòng HĐND và UBND xã"}},
      {"Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh", {"Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh"}},
      {"Văn phòng Tỉnh ủy và các Ban Xây dựng Đảng và Ủy ban Kiểm tra Tỉnh ủy",
       {"Văn phòng Tỉnh ủy", "các Ban Xây dựng Đảng", "Ủy ban Kiểm tra Tỉnh ủy"}},
      {"Tòa án nhân dân tỉnh, Thuế tỉnh, Kiểm toán nhà nước khu vực II",
       {"Tòa án nhân dân tỉnh", "Thuế tỉnh", "Kiểm toán nhà nước khu vực II"}},
      {"Các sở, ban, ngành tỉnh", {"Các sở, ban, ngành tỉnh"}},
      {"Các cơ quan, đơn vị liên quan", {"Các cơ quan, đơn vị liên quan"}},
      {"- Văn phòng Tỉnh ủy; - Các cơ quan, đơn vị", {"Văn phòng Tỉnh ủy", "Các cơ quan, đơn vị"}},
      {"- Các sở, ban, ngành - Các xã, phường", {"Các sở, ban, ngành", "Các xã, phường"}},
      {"Các đảng ủy: Quân sự, Công an tỉnh; Các cơ quan", {"Các đảng ủy: Quân sự, Công an tỉnh", "Các cơ quan"}},
      {"Báo và Phát thanh, Truyền hình tỉnh", {"Báo và Phát thanh, Truyền hình tỉnh"}},
      {"Ban Tổ chức Tỉnh ủy, Văn phòng Tỉnh ủy", {"Ban Tổ chức Tỉnh ủy", "Văn phòng Tỉnh ủy"}},
      {"Đề nghị Ủy ban MTTQ xã, các đoàn thể xã", {"Ủy ban MTTQ xã", "các đoàn thể xã"}},
      {"Đảng ủy UBND tỉnh Văn phòng Tỉnh ủy", {"Đảng ủy UBND tỉnh", "Văn phòng Tỉnh ủy"}},
      {"Phòng Văn hóa - Xã hội", {"Phòng Văn hóa - Xã hội"}},
      {"Trần Văn Hải\nLê Thị Hoa", {"Trần Văn Hải", "Lê Thị Hoa"}},
  };
  for (const Case& c : cases) EXPECT_EQ(SplitUnitList(c.text), c.want) << c.text;
}

TEST(ImportTimePhrase, DeadlinesAsWritten) {
  EXPECT_EQ(DatedLimitPhrase("Báo cáo kết quả trước ngày 05/12/2025 (hoặc đột xuất)"), "trước ngày 05/12/2025");
  EXPECT_EQ(LeadingTimePhrase("Định kỳ hằng quý cung cấp thông tin"), "Định kỳ hằng quý");
  EXPECT_EQ(LeadingTimePhrase("Thường xuyên theo dõi"), "Thường xuyên");
  EXPECT_EQ(LeadingTimePhrase("Tham mưu Ban Thường vụ"), "");
  EXPECT_EQ(TimeFieldValue("Tổ chức rà soát thường xuyên từ ngày 01/9/2026 đến hết ngày 31/12/2026."),
            "thường xuyên từ ngày 01/9/2026 đến hết ngày 31/12/2026");
  // "quy định" and "hàng hóa" are no "quý" or "hằng": the value is kept as printed.
  EXPECT_EQ(TimeFieldValue("Sau khi Nghị định quy định chi tiết Luật được ban hành."),
            "Sau khi Nghị định quy định chi tiết Luật được ban hành");
  EXPECT_EQ(TimeFieldValue("Kiểm tra hàng hóa quý II/2026"), "quý II/2026");
  EXPECT_EQ(TimeFieldValue("Các sở thực hiện hằng năm"), "hằng năm");
  const TimeSpec spec = ParseDeadline("thường xuyên từ ngày 01/9/2026 đến hết ngày 31/12/2026");
  ASSERT_TRUE(spec.DueDate());
  EXPECT_EQ(spec.DueDate()->ToIso(), "2026-12-31");
}

TEST(ImportSplitter, SplitsAfterAClosingBlockAtTheNextHeader) {
  const std::vector<Line> lines = Lines({
      "KẾ HOẠCH", "triển khai", "I- MỤC ĐÍCH", "- Nội dung.", "Nơi nhận:", "- Lưu.", "T/M BAN THƯỜNG VỤ",
      "BÍ THƯ", "Trần Văn Hải", "HUYỆN ỦY AN LẠC", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 3-KH/HU", "KẾ HOẠCH"});
  const auto docs = SplitDocuments(lines);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].second, 9u);  // the issuer column above the Party name starts document 2
  EXPECT_EQ(docs[1].first, 9u);
}

TEST(ImportDiacritics, FlagsAsciiTextAndRepairsOcrLetters) {
  std::vector<Line> lines;
  for (int i = 0; i < 10; ++i) lines.push_back(L("Pay manh tuyen truyen ve chuyen doi so tai cac co quan"));
  EXPECT_TRUE(MeasureDiacritics(lines, 0, lines.size()).missing());
  EXPECT_GT(RepairOcrLetters(&lines), 0);
  EXPECT_EQ(lines[0].text.substr(0, 4), "Đay");
  std::vector<Line> clean;
  for (int i = 0; i < 10; ++i) clean.push_back(L("Đẩy mạnh tuyên truyền về chuyển đổi số tại các cơ quan"));
  EXPECT_FALSE(MeasureDiacritics(clean, 0, clean.size()).missing());
}

}  // namespace
}  // namespace lienthong::parse
