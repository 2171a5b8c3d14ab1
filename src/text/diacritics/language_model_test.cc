#include "text/diacritics/language_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "text/diacritics/model_builder.h"

namespace lienthong::diacritics {
namespace {

const char* const kText[] = {
    "Ủy ban nhân dân tỉnh ban hành kế hoạch.",
    "Ủy ban nhân dân xã ban hành kế hoạch thực hiện.",
    "Sở Tư pháp chủ trì, phối hợp với các sở, ban, ngành.",
    "Các sở, ban, ngành tổ chức thực hiện kế hoạch.",
    "Hòa bình và hợp tác.",
    "Hoa nở trong vườn.",
    "Hóa đơn điện tử.",
    "Kế hoạch hành động hằng năm.",
    "Báo cáo kết quả thực hiện hằng năm.",
    "Bàn giao hồ sơ cho Sở Tư pháp.",
};

// Model bytes live in a std::string, whose buffer is suitably aligned for the small test models.
std::string BuildModel(const BuildOptions& options) {
  ModelBuilder builder;
  for (int repeat = 0; repeat < 3; ++repeat) {
    for (const char* line : kText) builder.AddLine(line);
  }
  return builder.Build(options, nullptr);
}

BuildOptions Options(int order) {
  BuildOptions options;
  options.estimate.order = order;
  for (int n = 2; n <= kMaxOrder; ++n) options.estimate.min_count[n] = 1;
  return options;
}

double ProbabilityMass(const LanguageModel& lm, const LmState& state) {
  double mass = 0;
  for (uint32_t id = 0; id < lm.vocab_size(); ++id) {
    if (id != kBosId) mass += std::pow(10.0, lm.LogProb(state, static_cast<uint16_t>(id)));
  }
  return mass;
}

TEST(DiacriticsModelTest, WordsKeysAndCandidates) {
  const std::string bytes = BuildModel(Options(3));
  auto lm = LanguageModel::FromBytes(bytes);
  ASSERT_TRUE(lm.ok()) << lm.status().ToString();
  EXPECT_EQ(lm->order(), 3);
  const uint16_t hoa = lm->WordId("hòa");
  EXPECT_NE(hoa, kUnkId);
  EXPECT_EQ(lm->WordForm(hoa), "hòa");
  EXPECT_EQ(lm->WordId("không có"), kUnkId);
  std::vector<std::string> candidates;
  for (const uint16_t id : lm->Candidates("hoa")) candidates.emplace_back(lm->WordForm(id));
  EXPECT_EQ(candidates.size(), 3u);
  EXPECT_NE(std::find(candidates.begin(), candidates.end(), "hóa"), candidates.end());
  EXPECT_TRUE(lm->Candidates("zzz").empty());
}

TEST(DiacriticsModelTest, ProbabilitiesSumToOneInEveryContext) {
  for (int order : {2, 3, 4}) {
    const std::string bytes = BuildModel(Options(order));
    auto lm = LanguageModel::FromBytes(bytes);
    ASSERT_TRUE(lm.ok());
    LmState state = lm->BeginState();
    EXPECT_NEAR(ProbabilityMass(*lm, state), 1.0, 0.02) << "order " << order;
    for (const char* word : {"ủy", "ban", "nhân", "dân", "tỉnh"}) {
      state = lm->Extend(state, lm->WordId(word));
      EXPECT_NEAR(ProbabilityMass(*lm, state), 1.0, 0.02) << "order " << order << " after " << word;
    }
    // A context the text never had backs off to shorter ones.
    state = lm->Extend(lm->Extend(lm->BeginState(), lm->WordId("hoa")), lm->WordId("sở"));
    EXPECT_NEAR(ProbabilityMass(*lm, state), 1.0, 0.02) << "order " << order;
  }
}

TEST(DiacriticsModelTest, PruningKeepsTheModelNormalised) {
  BuildOptions options = Options(3);
  options.estimate.prune_threshold[2] = 2.0;  // drops the bigrams that add least
  options.estimate.min_count[3] = 4;          // every trigram was seen 3 times: all dropped
  const std::string pruned = BuildModel(options);
  const std::string full = BuildModel(Options(3));
  EXPECT_LT(pruned.size(), full.size());
  auto lm = LanguageModel::FromBytes(pruned);
  ASSERT_TRUE(lm.ok());
  LmState state = lm->BeginState();
  for (const char* word : {"các", "sở", ","}) {
    state = lm->Extend(state, lm->WordId(word));
    EXPECT_NEAR(ProbabilityMass(*lm, state), 1.0, 0.02) << "after " << word;
  }
}

TEST(DiacriticsModelTest, ContextDecides) {
  const std::string bytes = BuildModel(Options(3));
  auto lm = LanguageModel::FromBytes(bytes);
  ASSERT_TRUE(lm.ok());
  const LmState after_uy = lm->Extend(lm->BeginState(), lm->WordId("ủy"));
  EXPECT_GT(lm->LogProb(after_uy, lm->WordId("ban")), lm->LogProb(after_uy, lm->WordId("bàn")));
}

TEST(DiacriticsModelTest, TheSameTextBuildsTheSameBytes) {
  EXPECT_EQ(BuildModel(Options(3)), BuildModel(Options(3)));
}

TEST(DiacriticsModelTest, RefusesDamagedFiles) {
  const std::string bytes = BuildModel(Options(3));
  EXPECT_FALSE(LanguageModel::FromBytes("").ok());
  EXPECT_FALSE(LanguageModel::FromBytes(std::string_view(bytes).substr(0, bytes.size() - 8)).ok());
  std::string bad_magic = bytes;
  bad_magic[0] = 'X';
  EXPECT_FALSE(LanguageModel::FromBytes(bad_magic).ok());
  std::string bad_section = bytes;
  ModelHeader header;
  std::memcpy(&header, bad_section.data(), sizeof(header));
  header.sections[kCandIds].size = bytes.size();
  std::memcpy(bad_section.data(), &header, sizeof(header));
  auto result = LanguageModel::FromBytes(bad_section);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("diacritic model"), std::string::npos);
}

}  // namespace
}  // namespace lienthong::diacritics
