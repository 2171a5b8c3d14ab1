#include "text/diacritics/strip_diacritics.h"

#include <gtest/gtest.h>

#include "text/normalize.h"

namespace lienthong::diacritics {
namespace {

TEST(DiacriticsStripTest, RemovesMarksKeepsEverythingElse) {
  EXPECT_EQ(StripDiacritics("Đắk Lắk, ngày 15/8 — ỦY BAN"), "Dak Lak, ngay 15/8 — UY BAN");
  EXPECT_EQ(StripDiacritics(ToNfd("Người")), "Nguoi");
  EXPECT_EQ(StripDiacritics("façade 文"), "façade 文");
  EXPECT_EQ(StripDiacritics(""), "");
}

}  // namespace
}  // namespace lienthong::diacritics
