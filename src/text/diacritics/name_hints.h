// Names whose spelling beats the language model: a gazetteer of unit names the caller passes in
// (provinces, communes, agencies from the units table) and names the document itself writes with
// diacritics ("Đồng Nai" in the header wins over "Dong Nai" in an OCR'd body).
//
// A name matches a run of consecutive words (nothing but spaces between them) when each word has
// the name word's key and, if it already carries diacritics, the same letters; and when each word
// starts with a capital exactly where the name word does — so "Hoa Binh" (a name) takes "Hòa Bình"
// while "hoa binh" in running text is left to the language model. Longest match first. One-word
// names apply only to a capitalised word that does not start a sentence ("tỉnh Hue" → "Huế", but
// not "Hue" at the start of a line).
//
// Thread safety: build first, then share read-only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lienthong::diacritics {

class NameHints {
 public:
  // Up to this many words per name; longer names are cut.
  static constexpr size_t kMaxNameWords = 8;

  // Adds a name as written ("Tỉnh Đắk Lắk"); a leading unit kind ("Tỉnh", "Thành phố", "Xã",
  // "Phường", "Đặc khu", …) is also dropped to add the bare name ("Đắk Lắk"). Names without any
  // diacritic add nothing (there is nothing to restore from them).
  void AddName(std::string_view name);

  // Learns the capitalised runs of two or more words that carry diacritics in `text` (each run and
  // its sub-runs of two to four words), e.g. from the parts of a document that kept them.
  void LearnFromText(std::string_view text);

  // Adds every name of `other`.
  void Merge(const NameHints& other);

  bool empty() const { return by_first_key_.empty(); }
  size_t size() const { return names_.size(); }

  struct Name {
    std::vector<std::string> words;     // as written, NFC ("Đắk", "Lắk")
    std::vector<std::u32string> forms;  // lower case, traditional tone place ("đắk", "lắk")
    std::vector<std::string> keys;      // "dak", "lak"
    uint32_t capitals = 0;           // bit i: word i starts with a capital

    std::string Text() const;  // the words joined by spaces
  };
  // The names whose first word has `key`, longest first.
  const std::vector<uint32_t>* NamesStartingWith(std::string_view key) const;
  const Name& name(uint32_t index) const { return names_[index]; }

 private:
  void AddWords(std::vector<std::u32string> words);

  std::vector<Name> names_;
  std::unordered_map<std::string, uint32_t> index_;  // words joined by spaces -> name index
  std::unordered_map<std::string, std::vector<uint32_t>> by_first_key_;
};

}  // namespace lienthong::diacritics
