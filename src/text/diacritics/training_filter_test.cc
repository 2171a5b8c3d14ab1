#include "text/diacritics/training_filter.h"

#include <gtest/gtest.h>

namespace lienthong::diacritics {
namespace {

const char* const kHeldOut =
    "Sở Khoa học và Công nghệ chủ trì xây dựng tài liệu tuyên truyền về chuyển đổi số\n"
    "Đoàn Thanh niên xã thành lập tổ công nghệ số cộng đồng hoàn thành trong tháng 10";

TEST(DiacriticsTrainingFilterTest, FindsCopiesOfHeldOutText) {
  TrainingFilter filter;
  filter.AddHeldOut(kHeldOut);
  EXPECT_GT(filter.held_out_shingles(), 0u);
  // The same paragraph, with other punctuation and case: a copy.
  EXPECT_TRUE(filter.CopiesParagraph(
      "SỞ KHOA HỌC VÀ CÔNG NGHỆ chủ trì, xây dựng tài liệu tuyên truyền về chuyển đổi số."));
  EXPECT_FALSE(filter.CopiesParagraph(
      "Sở Tư pháp chủ trì, phối hợp với các sở, ban, ngành tổ chức thực hiện kế hoạch này."));
  // Too short for a shingle: never a copy.
  EXPECT_FALSE(filter.CopiesParagraph("Sở Khoa học"));
  const std::vector<std::string> document = {
      "Đoàn Thanh niên xã thành lập tổ công nghệ số cộng đồng hoàn thành trong tháng 10",
      "Một đoạn khác hẳn về việc khác, không liên quan gì đến văn bản được giữ lại để đánh giá",
  };
  EXPECT_NEAR(filter.HeldOutShare(document), 0.5, 0.1);
  EXPECT_TRUE(filter.CopiesDocument(document));
  EXPECT_FALSE(filter.CopiesDocument({document[1]}));
}

}  // namespace
}  // namespace lienthong::diacritics
