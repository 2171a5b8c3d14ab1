#!/usr/bin/env bash
# Rebuilds the reader fixtures in tests/testdata/import/ and the DOCX fuzz seeds in
# fuzz/seeds/docx/ from the fictional plan written below (a commune "Xã Hòa Bình"; every name,
# number and date in it is made up). The outputs are committed; this script documents how they
# were made and reproduces them. It is NOT needed to build or test the project.
#
# Needs (Debian 12, build-time only):
#   apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils qpdf img2pdf \
#                   python3-pil
#
# Outputs:
#   ke_hoach_hoa_binh.docx     the plan as Word writes it: 2-column header table, automatic
#                              numbering (I., 1., a), 1.1., "-" bullets), a "Heading 1" style,
#                              a title style (bold + centred only through styles.xml), a
#                              paragraph in the legacy TCVN3 font .VnTime, footer "Trang N", a
#                              page break, the signature table and an appendix task table with
#                              merged group rows and a vertically merged lead-unit cell.
#   ke_hoach_hoa_binh.pdf      the same document printed to PDF (good text layer, 2 pages).
#   ke_hoach_hoa_binh_garbled.pdf  page 1 of the PDF with every font's ToUnicode map broken the
#                              way real Vietnamese PDFs are (ASCII letters shifted by 29 code
#                              points, other letters moved into Cyrillic): "ỦY BAN" extracts as
#                              something like "ѾӇ %$1".
#   ke_hoach_hoa_binh_scan.png the top of page 1 rendered at 150 dpi in grey with a little
#                              noise, as a scanner would give it.
#   ke_hoach_hoa_binh_scan.pdf that PNG wrapped into a PDF (img2pdf): no text layer at all.
#   party_header_scan.jpg      a fictional Party conclusion's header (the central committee's
#                              name wrapped on two lines, the Party name level with the second)
#                              at 200 dpi, spoiled by scripts/scan-simulator.py --spoil-pages
#                              (skew, reception stamp, blur, speckle, JPEG).
#   truncated.docx             the first 3000 bytes of the DOCX (a broken download).
#   not_a_zip.docx             a text file renamed .docx.
# Zip bombs are not stored: the tests build them in memory.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/tests/testdata/import"
SEEDS="$ROOT/fuzz/seeds/docx"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT" "$SEEDS"
NAME=ke_hoach_hoa_binh

# TCVN3 bytes of a sentence, written as the Windows-1252 characters Word stores for a run in
# the .VnTime font.
LEGACY="$(printf 'Trên đây là kế hoạch tổ chức ngày hội của xã./.' |
  iconv -f utf-8 -t TCVN5712-1 | iconv -f latin1 -t utf-8)"

cat > "$WORK/$NAME.fodt" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
  xmlns:xml="http://www.w3.org/XML/1998/namespace"
  office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman" style:font-pitch="variable"/>
  <style:font-face style:name=".VnTime" svg:font-family=".VnTime" style:font-family-generic="roman"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/>
   <style:text-properties style:font-name="Times New Roman" fo:font-size="13pt" fo:language="vi" fo:country="VN"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="justify" fo:text-indent="1.27cm" fo:margin-top="0.1cm" fo:margin-bottom="0.1cm"/>
  </style:style>
  <style:style style:name="TieuDe" style:display-name="Tieu de" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:default-outline-level="1">
   <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:text-indent="1.27cm"/>
   <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
  </style:style>
  <text:outline-style style:name="Outline">
   <text:outline-level-style text:level="1" style:num-format="I" style:num-suffix=".">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="0cm"/>
    </style:list-level-properties>
   </text:outline-level-style>
  </text:outline-style>
  <text:list-style style:name="SoThuTu">
   <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix=".">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="1.27cm"/>
    </style:list-level-properties>
   </text:list-level-style-number>
   <text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="1.27cm"/>
    </style:list-level-properties>
   </text:list-level-style-number>
  </text:list-style>
  <text:list-style style:name="NhieuCap">
   <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix=".">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="1.27cm"/>
    </style:list-level-properties>
   </text:list-level-style-number>
   <text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix="." text:display-levels="2">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="1.27cm"/>
    </style:list-level-properties>
   </text:list-level-style-number>
  </text:list-style>
  <text:list-style style:name="GachDau">
   <text:list-level-style-bullet text:level="1" text:bullet-char="-">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="1.27cm"/>
    </style:list-level-properties>
   </text:list-level-style-bullet>
  </text:list-style>
  <text:list-style style:name="STT">
   <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix=".">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="nothing" fo:text-indent="0cm" fo:margin-left="0cm"/>
    </style:list-level-properties>
   </text:list-level-style-number>
  </text:list-style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="1.2cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/>
   <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style>
  </style:page-layout>
  <style:style style:name="TblLayout" style:family="table"><style:table-properties style:width="16.5cm" table:align="left"/></style:style>
  <style:style style:name="TblLayout.A" style:family="table-column"><style:table-column-properties style:column-width="6cm"/></style:style>
  <style:style style:name="TblLayout.B" style:family="table-column"><style:table-column-properties style:column-width="10.5cm"/></style:style>
  <style:style style:name="NoBorder" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm" fo:border="none"/></style:style>
  <style:style style:name="TblTask" style:family="table"><style:table-properties style:width="16.5cm" table:align="left"/></style:style>
  <style:style style:name="TblTask.A" style:family="table-column"><style:table-column-properties style:column-width="1.2cm"/></style:style>
  <style:style style:name="TblTask.B" style:family="table-column"><style:table-column-properties style:column-width="5.3cm"/></style:style>
  <style:style style:name="TblTask.C" style:family="table-column"><style:table-column-properties style:column-width="3.4cm"/></style:style>
  <style:style style:name="TblTask.E" style:family="table-column"><style:table-column-properties style:column-width="3.2cm"/></style:style>
  <style:style style:name="Border" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000"/></style:style>
  <style:style style:name="PCenter" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
  <style:style style:name="PCenter12" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="12pt"/></style:style>
  <style:style style:name="PCenterBold" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="PCenterBold12" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="PCenterItalic" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-style="italic"/></style:style>
  <style:style style:name="PItalic" style:family="paragraph" style:parent-style-name="Text_20_body"><style:text-properties fo:font-style="italic"/></style:style>
  <style:style style:name="PLegacy" style:family="paragraph" style:parent-style-name="Text_20_body"><style:text-properties style:font-name=".VnTime"/></style:style>
  <style:style style:name="PAppendix" style:family="paragraph" style:parent-style-name="TieuDe"><style:paragraph-properties fo:break-before="page"/></style:style>
  <style:style style:name="PLeft11" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="11pt"/></style:style>
  <style:style style:name="PCell" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="12pt"/></style:style>
  <style:style style:name="PCellBold" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="TBoldItalic" style:family="text"><style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:font-style="italic"/></style:style>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:footer><text:p text:style-name="PCenter12">Trang <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body>
  <office:text>
   <table:table table:name="DauVanBan" table:style-name="TblLayout">
    <table:table-column table:style-name="TblLayout.A"/>
    <table:table-column table:style-name="TblLayout.B"/>
    <table:table-row>
     <table:table-cell table:style-name="NoBorder" office:value-type="string">
      <text:p text:style-name="PCenter">ỦY BAN NHÂN DÂN</text:p>
      <text:p text:style-name="PCenterBold">XÃ HÒA BÌNH</text:p>
     </table:table-cell>
     <table:table-cell table:style-name="NoBorder" office:value-type="string">
      <text:p text:style-name="PCenterBold12">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</text:p>
      <text:p text:style-name="PCenterBold">Độc lập - Tự do - Hạnh phúc</text:p>
     </table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell table:style-name="NoBorder" office:value-type="string">
      <text:p text:style-name="PCenter">Số: 15/KH-UBND</text:p>
     </table:table-cell>
     <table:table-cell table:style-name="NoBorder" office:value-type="string">
      <text:p text:style-name="PCenterItalic">Xã Hòa Bình, ngày 05 tháng 9 năm 2025</text:p>
     </table:table-cell>
    </table:table-row>
   </table:table>
   <text:p text:style-name="Standard"/>
   <text:p text:style-name="TieuDe">KẾ HOẠCH</text:p>
   <text:p text:style-name="TieuDe">Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025</text:p>
   <text:p text:style-name="Standard"/>
   <text:p text:style-name="PItalic">Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;</text:p>
   <text:p text:style-name="PItalic">Căn cứ Kế hoạch số 88/KH-UBND ngày 20 tháng 8 năm 2025 của Ủy ban nhân dân tỉnh Bình Nguyên về tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025.</text:p>
   <text:p text:style-name="Text_20_body">Ủy ban nhân dân xã Hòa Bình ban hành Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025 trên địa bàn xã như sau:</text:p>
   <text:h text:style-name="Heading_20_1" text:outline-level="1">MỤC ĐÍCH, YÊU CẦU</text:h>
   <text:list xml:id="list_md" text:style-name="SoThuTu">
    <text:list-item><text:p text:style-name="Text_20_body">Phát huy truyền thống đoàn kết, tương thân tương ái của Nhân dân trong xã.</text:p></text:list-item>
    <text:list-item><text:p text:style-name="Text_20_body">Tổ chức Ngày hội thiết thực, tiết kiệm, an toàn, thu hút đông đảo Nhân dân tham gia.</text:p></text:list-item>
   </text:list>
   <text:h text:style-name="Heading_20_1" text:outline-level="1">NỘI DUNG</text:h>
   <text:list xml:id="list_nd" text:style-name="SoThuTu">
    <text:list-item><text:p text:style-name="Text_20_body">Thời gian: từ ngày 10 tháng 11 đến ngày 18 tháng 11 năm 2025.</text:p>
     <text:list>
      <text:list-item><text:p text:style-name="Text_20_body">Phần lễ: ôn lại truyền thống, biểu dương các gia đình tiêu biểu.</text:p></text:list-item>
      <text:list-item><text:p text:style-name="Text_20_body">Phần hội: văn nghệ, thể thao và trò chơi dân gian.</text:p></text:list-item>
     </text:list>
    </text:list-item>
    <text:list-item><text:p text:style-name="Text_20_body">Địa điểm: Nhà văn hóa các thôn trên địa bàn xã.</text:p></text:list-item>
   </text:list>
   <text:h text:style-name="Heading_20_1" text:outline-level="1">TỔ CHỨC THỰC HIỆN</text:h>
   <text:list xml:id="list_th" text:style-name="NhieuCap">
    <text:list-item><text:p text:style-name="Text_20_body">Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã:</text:p>
     <text:list>
      <text:list-item><text:p text:style-name="Text_20_body">Tham mưu tổ chức Ngày hội, hoàn thành trước ngày 10 tháng 11 năm 2025.</text:p></text:list-item>
      <text:list-item><text:p text:style-name="Text_20_body">Tổng hợp kết quả, báo cáo Ủy ban nhân dân xã trước ngày 25 tháng 11 năm 2025.</text:p></text:list-item>
     </text:list>
    </text:list-item>
   </text:list>
   <text:list xml:id="list_gd" text:style-name="GachDau">
    <text:list-item><text:p text:style-name="Text_20_body">Công an xã bảo đảm an ninh, trật tự trong thời gian tổ chức Ngày hội.</text:p></text:list-item>
   </text:list>
   <text:p text:style-name="PLegacy">$LEGACY</text:p>
   <text:p text:style-name="Standard"/>
   <table:table table:name="ChuKy" table:style-name="TblLayout">
    <table:table-column table:style-name="TblLayout.A"/>
    <table:table-column table:style-name="TblLayout.B"/>
    <table:table-row>
     <table:table-cell table:style-name="NoBorder" office:value-type="string">
      <text:p text:style-name="Standard"><text:span text:style-name="TBoldItalic">Nơi nhận:</text:span></text:p>
      <text:p text:style-name="PLeft11">- Thường trực Đảng ủy xã;</text:p>
      <text:p text:style-name="PLeft11">- Các thôn;</text:p>
      <text:p text:style-name="PLeft11">- Lưu: VT, VHXH.</text:p>
     </table:table-cell>
     <table:table-cell table:style-name="NoBorder" office:value-type="string">
      <text:p text:style-name="PCenterBold">TM. ỦY BAN NHÂN DÂN</text:p>
      <text:p text:style-name="PCenterBold">CHỦ TỊCH</text:p>
      <text:p text:style-name="PCenter"/>
      <text:p text:style-name="PCenter"/>
      <text:p text:style-name="PCenter"/>
      <text:p text:style-name="PCenterBold">Trần Văn An</text:p>
     </table:table-cell>
    </table:table-row>
   </table:table>
   <text:p text:style-name="PAppendix">PHỤ LỤC</text:p>
   <text:p text:style-name="TieuDe">PHÂN CÔNG NHIỆM VỤ</text:p>
   <text:p text:style-name="PCenterItalic">(Kèm theo Kế hoạch số 15/KH-UBND ngày 05/9/2025 của Ủy ban nhân dân xã Hòa Bình)</text:p>
   <text:p text:style-name="Standard"/>
   <table:table table:name="NhiemVu" table:style-name="TblTask">
    <table:table-column table:style-name="TblTask.A"/>
    <table:table-column table:style-name="TblTask.B"/>
    <table:table-column table:style-name="TblTask.C" table:number-columns-repeated="2"/>
    <table:table-column table:style-name="TblTask.E"/>
    <table:table-row>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCellBold">STT</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCellBold">Nội dung nhiệm vụ</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCellBold">Đơn vị chủ trì</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCellBold">Đơn vị phối hợp</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCellBold">Thời gian hoàn thành</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCellBold">I</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" table:number-columns-spanned="4" office:value-type="string"><text:p text:style-name="PCellBold">CÔNG TÁC TUYÊN TRUYỀN</text:p></table:table-cell>
     <table:covered-table-cell/><table:covered-table-cell/><table:covered-table-cell/>
    </table:table-row>
    <table:table-row>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:list xml:id="list_stt" text:style-name="STT"><text:list-item><text:p text:style-name="PCell"/></text:list-item></text:list></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCell">Tuyên truyền trên hệ thống loa truyền thanh của xã</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" table:number-rows-spanned="2" office:value-type="string"><text:p text:style-name="PCell">Công chức Văn hóa - Xã hội</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCell">Các thôn</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCell">Trước ngày 10/11/2025</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:list text:continue-list="list_stt" text:style-name="STT"><text:list-item><text:p text:style-name="PCell"/></text:list-item></text:list></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCell">Treo băng rôn, khẩu hiệu tại trung tâm xã</text:p></table:table-cell>
     <table:covered-table-cell/>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCell">Đoàn Thanh niên xã</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCell">Trước ngày 05/11/2025</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCellBold">II</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" table:number-columns-spanned="4" office:value-type="string"><text:p text:style-name="PCellBold">TỔ CHỨC NGÀY HỘI</text:p></table:table-cell>
     <table:covered-table-cell/><table:covered-table-cell/><table:covered-table-cell/>
    </table:table-row>
    <table:table-row>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:list text:continue-list="list_stt" text:style-name="STT"><text:list-item><text:p text:style-name="PCell"/></text:list-item></text:list></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCell">Xây dựng chương trình Ngày hội</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCell">Ủy ban Mặt trận Tổ quốc xã</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCell">Văn phòng HĐND và UBND xã</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCell">Tháng 10/2025</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:list text:continue-list="list_stt" text:style-name="STT"><text:list-item><text:p text:style-name="PCell"/></text:list-item></text:list></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCell">Bảo đảm an ninh, trật tự</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCell">Công an xã</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCell">Các thôn</text:p></table:table-cell>
     <table:table-cell table:style-name="Border" office:value-type="string"><text:p text:style-name="PCell">Từ ngày 10/11 đến ngày 18/11/2025</text:p></table:table-cell>
    </table:table-row>
   </table:table>
  </office:text>
 </office:body>
</office:document>
EOF

# 1. DOCX and PDF with LibreOffice (a private profile, so no user settings leak in).
soffice_convert() {
  soffice -env:UserInstallation="file://$WORK/profile" --headless --convert-to "$1" \
    --outdir "$WORK" "$WORK/$NAME.fodt" > /dev/null
}
soffice_convert 'docx:MS Word 2007 XML'
soffice_convert pdf
cp "$WORK/$NAME.docx" "$WORK/$NAME.pdf" "$OUT/"

# 2. Garbled text layer: uncompress page 1 (QDF form keeps offsets fixable), rewrite the
#    destination code points of every ToUnicode CMap, let fix-qdf repair lengths and xref.
qpdf --qdf --object-streams=disable "$WORK/$NAME.pdf" --pages . 1 -- "$WORK/qdf.pdf"
/usr/bin/python3 - "$WORK/qdf.pdf" "$WORK/garbled_qdf.pdf" <<'PY'
import re, sys

def garble(code):
    # ASCII letters shift down by 29 (glyph ids read as characters: 'S' -> '6', 'N' -> '1'),
    # other letters move into the Cyrillic block; digits, spaces and punctuation stay.
    if 0x41 <= code <= 0x5A or 0x61 <= code <= 0x7A:
        return code - 29
    if code >= 0xC0:
        return 0x0400 + (code % 0x100)
    return code

def garble_hex(match):
    text = match.group(1)
    if len(text) % 4:  # not UTF-16BE code units: leave it
        return match.group(0)
    units = [int(text[i:i + 4], 16) for i in range(0, len(text), 4)]
    return '<' + ''.join('%04X' % garble(u) for u in units) + '>'

def garble_section(match):
    kind, body = match.group(1), match.group(2)
    skip = 1 if kind == 'char' else 2  # source code (bfchar) or source range (bfrange)
    lines = []
    for line in body.split('\n'):
        spans = [m.span() for m in re.finditer(r'<[0-9A-Fa-f]+>', line)]
        if len(spans) > skip:
            cut = spans[skip][0]
            line = line[:cut] + re.sub(r'<([0-9A-Fa-f]+)>', garble_hex, line[cut:])
        lines.append(line)
    return 'beginbf' + kind + '\n'.join(lines) + 'endbf' + kind

data = open(sys.argv[1], 'rb').read().decode('latin-1')
data = re.sub(r'beginbf(char|range)(.*?)endbf(?:char|range)', garble_section, data, flags=re.S)
open(sys.argv[2], 'wb').write(data.encode('latin-1'))
PY
fix-qdf "$WORK/garbled_qdf.pdf" > "$WORK/garbled_fixed.pdf"
qpdf --object-streams=generate --compress-streams=y "$WORK/garbled_fixed.pdf" \
  "$OUT/${NAME}_garbled.pdf"

# 3. A scanned-looking top of page 1 (150 dpi grey, cropped to the header and title, with
#    salt-and-pepper noise), and that image as a PDF without a text layer.
pdftoppm -r 150 -gray -f 1 -l 1 -x 0 -y 0 -W 1240 -H 545 -png "$WORK/$NAME.pdf" "$WORK/scan"
/usr/bin/python3 - "$WORK"/scan*.png "$OUT/${NAME}_scan.png" <<'PY'
import random, sys
from PIL import Image
random.seed(15)  # reproducible noise
img = Image.open(sys.argv[1]).convert('L')
px = img.load()
w, h = img.size
for _ in range(w * h // 400):
    x, y = random.randrange(w), random.randrange(h)
    px[x, y] = random.choice((0, 90, 255))
img.save(sys.argv[2], optimize=True, dpi=(150, 150))
PY
img2pdf --output "$OUT/${NAME}_scan.pdf" "$OUT/${NAME}_scan.png"

# 4. Broken DOCX files.
head -c 3000 "$OUT/$NAME.docx" > "$OUT/truncated.docx"
printf 'Đây không phải là tệp Word, chỉ là văn bản đổi đuôi.\n' > "$OUT/not_a_zip.docx"

# 4b. A scanned Party header. The simulator seeds its spoiling with the page's name; of the
# names tried, "hdrb" gives speckle that makes tesseract misread the number within its line
# ("221-KT/TW") but not alone, so the OCR test exercises the re-reading of doubtful words.
mkdir -p "$WORK/party"
/usr/bin/python3 - "$WORK/party/hdrb.page1.png" <<'PY'
import sys
from PIL import Image, ImageDraw, ImageFont
F = '/usr/share/fonts/truetype/liberation2/LiberationSerif-'
reg, bold, it = (ImageFont.truetype(F + n + '.ttf', 39) for n in ('Regular', 'Bold', 'Italic'))
img = Image.new('L', (1654, 700), 255)
d = ImageDraw.Draw(img)
def centred(text, font, cx, y):
    d.text((cx - d.textlength(text, font=font) / 2, y), text, font=font, fill=0)
centred('BAN CHẤP HÀNH TRUNG', bold, 470, 90)
centred('ƯƠNG', bold, 470, 135)
centred('ĐẢNG CỘNG SẢN VIỆT NAM', bold, 1150, 120)
centred('*', reg, 470, 185)
centred('Số 221-KL/TW', reg, 470, 240)
centred('Hà Nội, ngày 28 tháng 11 năm 2025', it, 1150, 245)
centred('KẾT LUẬN', bold, 827, 340)
centred('CỦA BỘ CHÍNH TRỊ VỀ CÔNG TÁC CÁN BỘ', bold, 827, 390)
d.text((180, 470), 'Tại phiên họp ngày 28/11/2025, sau khi nghe Báo cáo của Ban Tổ chức', font=reg, fill=0)
d.text((180, 520), 'Trung ương, Bộ Chính trị kết luận như sau:', font=reg, fill=0)
img.save(sys.argv[1], dpi=(200, 200))
PY
/usr/bin/python3 "$ROOT/scripts/scan-simulator.py" --spoil-pages "$WORK/party" >/dev/null
mv "$WORK/party/hdrb.jpg" "$OUT/party_header_scan.jpg"

# 5. Fuzz seeds: the fixture, and two minimal packages written by hand.
cp "$OUT/$NAME.docx" "$SEEDS/plan.docx"
/usr/bin/python3 - "$SEEDS" <<'PY'
import sys, zipfile
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def write(name, parts):
    with zipfile.ZipFile(f'{sys.argv[1]}/{name}', 'w', zipfile.ZIP_DEFLATED) as z:
        for part, xml in parts.items():
            z.writestr(part, xml)
write('minimal.docx', {'word/document.xml':
    f'<w:document {W}><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>'
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc>'
    '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p/></w:tc></w:tr>'
    '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr></w:tbl></w:body></w:document>'})
write('numbered.docx', {
    'word/document.xml':
    f'<w:document {W}><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/>'
    '</w:numPr></w:pPr><w:r><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr><w:t>Hµ Néi</w:t>'
    '</w:r><w:r><w:br w:type="page"/><w:t>x</w:t></w:r></w:p></w:body></w:document>',
    'word/numbering.xml':
    f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1">'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'})
PY

ls -l "$OUT" "$SEEDS"
