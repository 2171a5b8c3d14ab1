// Keeps evaluation text out of the diacritic model's training data. Text is compared through
// shingles: every run of kShingleWords consecutive words of a paragraph (lower-case model forms,
// punctuation skipped). A training document copies held-out text when at least kDocumentShare of
// its shingles are held-out shingles (copies of a held-out document score 0.5–0.65; documents
// that merely share the usual formulas, "Căn cứ Luật Tổ chức chính quyền địa phương …", score
// under 0.2); a paragraph does when at least kParagraphShare of its shingles are.
//
// The quality bench uses the same test to keep one evaluation set from repeating another.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace lienthong::diacritics {

class TrainingFilter {
 public:
  static constexpr size_t kShingleWords = 8;
  static constexpr double kDocumentShare = 0.25;
  static constexpr double kParagraphShare = 0.5;

  // Adds a held-out document (any number of lines).
  void AddHeldOut(std::string_view text);
  size_t held_out_shingles() const { return held_out_.size(); }

  // Share of the shingles of `paragraphs` that are held out (0 when there are none).
  double HeldOutShare(const std::vector<std::string>& paragraphs) const;
  bool CopiesDocument(const std::vector<std::string>& paragraphs) const {
    return HeldOutShare(paragraphs) >= kDocumentShare;
  }
  bool CopiesParagraph(const std::string& paragraph) const {
    return HeldOutShare({paragraph}) >= kParagraphShare;
  }

 private:
  std::unordered_set<uint64_t> held_out_;
};

// The shingles of one line of text, appended to `out`.
void AppendShingles(std::string_view line, std::vector<uint64_t>* out);

}  // namespace lienthong::diacritics
