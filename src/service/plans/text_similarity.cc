#include "service/plans/text_similarity.h"

#include <unicode/uchar.h>

#include "text/keys.h"
#include "util/utf8.h"

namespace lienthong {
namespace {

// MatchKey forms (traditional tone style, lower case).
const std::set<std::string>& StopSyllables() {
  static const std::set<std::string> kStop = {
      // function words
      "và", "các", "của", "cho", "trong", "về", "với", "là", "được", "những", "này", "đó", "theo",
      "tại", "để", "có", "trên", "đến", "từ", "một", "hoặc", "cũng", "nhằm", "như", "khi", "thì",
      "mà", "đã", "sẽ", "bị", "nên", "vào", "ra", "lại", "hơn", "rất", "mọi", "việc", "gì", "nào",
      "qua", "bằng", "giữa", "sau", "trước", "thời", "ở", "do", "nếu", "năm", "ngày", "tháng",
      "lần", "đối", "đảm",
      // stock verbs of plans, which say nothing about the topic
      "thực", "hiện", "chức", "triển", "khai", "đẩy", "mạnh", "tăng", "cường", "nâng", "tiếp",
      "tục", "tích", "cực", "hiệu", "quả", "tác", "dung", "kế", "hoạch", "phối", "hợp"};
  return kStop;
}

bool IsWordChar(UChar32 c) { return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK; }

std::string Trimmed(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n-+•*");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace

Fingerprint MakeFingerprint(std::string_view text) {
  Fingerprint fp;
  const std::string key = MatchKey(text);
  const auto& stop = StopSyllables();
  size_t pos = 0;
  while (pos < key.size()) {
    size_t start = pos;
    size_t next = pos;
    if (!IsWordChar(static_cast<UChar32>(DecodeUtf8(key, &next)))) {
      pos = next;
      continue;
    }
    size_t end = next;
    while (end < key.size()) {
      size_t after = end;
      if (!IsWordChar(static_cast<UChar32>(DecodeUtf8(key, &after)))) break;
      end = after;
    }
    pos = end;
    std::string_view word(key.data() + start, end - start);
    if (stop.count(std::string(word))) continue;
    std::string folded = SearchKey(word);
    // Numbers and single letters (list labels "a", "b") carry no topic.
    if (folded.size() < 2 || folded.find_first_not_of("0123456789") == std::string::npos) {
      continue;
    }
    fp.syllables.push_back(std::move(folded));
  }
  for (size_t i = 0; i < fp.syllables.size(); ++i) {
    fp.unigrams.insert(fp.syllables[i]);
    if (i + 1 < fp.syllables.size()) fp.bigrams.insert(fp.syllables[i] + " " + fp.syllables[i + 1]);
  }
  return fp;
}

double ContainmentScore(const Fingerprint& needle, const Fingerprint& window) {
  if (needle.unigrams.empty()) return 0;
  size_t uni = 0;
  for (const auto& s : needle.unigrams) uni += window.unigrams.count(s);
  double unigram = static_cast<double>(uni) / static_cast<double>(needle.unigrams.size());
  if (needle.bigrams.empty()) return unigram;
  size_t bi = 0;
  for (const auto& b : needle.bigrams) bi += window.bigrams.count(b);
  double bigram = static_cast<double>(bi) / static_cast<double>(needle.bigrams.size());
  return 0.6 * unigram + 0.4 * bigram;
}

std::vector<std::string> SplitPassages(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  auto flush = [&](size_t end) {
    std::string piece = Trimmed(text.substr(start, end - start));
    if (!piece.empty()) out.push_back(std::move(piece));
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool cut = c == '\n' || c == ';' ||
               ((c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || text[i + 1] == ' '));
    if (!cut) continue;
    flush(c == '\n' || c == ';' ? i : i + 1);
    start = i + 1;
  }
  flush(text.size());
  return out;
}

PassageIndex::PassageIndex(std::vector<std::string> passages) : passages_(std::move(passages)) {
  for (const auto& p : passages_) singles_.push_back(MakeFingerprint(p));
  for (size_t i = 0; i + 1 < passages_.size(); ++i) {
    Fingerprint pair = singles_[i];
    const Fingerprint& next = singles_[i + 1];
    pair.unigrams.insert(next.unigrams.begin(), next.unigrams.end());
    pair.bigrams.insert(next.bigrams.begin(), next.bigrams.end());
    if (!singles_[i].syllables.empty() && !next.syllables.empty()) {
      pair.bigrams.insert(singles_[i].syllables.back() + " " + next.syllables.front());
    }
    pairs_.push_back(std::move(pair));
  }
}

PassageMatch PassageIndex::Best(const Fingerprint& needle) const {
  PassageMatch best;
  for (size_t i = 0; i < singles_.size(); ++i) {
    double s = ContainmentScore(needle, singles_[i]);
    if (s > best.score) best = {s, passages_[i]};
  }
  // A pair must do clearly better than its halves to be worth showing as the passage.
  for (size_t i = 0; i < pairs_.size(); ++i) {
    double s = ContainmentScore(needle, pairs_[i]);
    if (s > best.score + 0.05) best = {s, passages_[i] + " " + passages_[i + 1]};
  }
  return best;
}

}  // namespace lienthong
