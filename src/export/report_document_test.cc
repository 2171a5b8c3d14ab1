// The báo cáo's activity table heads its columns with the Vietnamese channel names (issue 13: no
// English codes such as grassroots_loudspeaker in an issued document).
#include "export/report_document.h"

#include <gtest/gtest.h>

#include "core/activity_vocabulary.h"

namespace lienthong {
namespace {

const OfficialTable* ActivityTableOf(const OfficialDocument& doc) {
  for (const BodyBlock& block : doc.body) {
    if (block.kind == BodyBlock::Kind::kTable && !block.table.headers.empty() &&
        block.table.headers.size() > 1 && block.table.headers[1] == "Chủ đề") {
      return &block.table;
    }
  }
  return nullptr;
}

TEST(ReportDocumentTest, ActivityColumnsCarryVietnameseChannelNames) {
  Report report;
  report.period.label = "Quý IV/2025";
  report.activity_counts[{"Chuyển đổi số", "grassroots_loudspeaker"}] = 1234;
  report.activity_counts[{"Chuyển đổi số", "press"}] = 2;
  ReportContext c;
  c.issuer = "Ủy ban nhân dân xã Hòa Phú";
  c.channel_names["press"] = "Báo chí";  // a name given by the caller wins
  const OfficialDocument doc = ReportToOfficialDocument(report, c);
  const OfficialTable* table = ActivityTableOf(doc);
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->headers,
            (std::vector<std::string>{"STT", "Chủ đề", ChannelLabelVi("grassroots_loudspeaker"),
                                      "Báo chí", "Tổng số"}));
  EXPECT_EQ(ChannelLabelVi("grassroots_loudspeaker"), "Hệ thống truyền thanh cơ sở");
  ASSERT_EQ(table->rows.size(), 1u);
  EXPECT_EQ(table->rows[0].cells,
            (std::vector<std::string>{"1", "Chuyển đổi số", "1.234", "2", "1.236"}));
}

}  // namespace
}  // namespace lienthong
