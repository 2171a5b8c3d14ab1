// Vietnamese alphabetical order: ICU's CLDR "vi" collation (standard variant), which orders
//   a < ă < â < b < c < d < đ < e < ê < … < o < ô < ơ < … < u < ư < … < y
// at the primary level and tones at the secondary level (none < huyền < hỏi < ngã < sắc < nặng),
// so every "Đ…" name sorts after every "D…" name and "mà" after "ma" but before "mb". Strings
// compare syllable by syllable because the space sorts before every letter ("Cà Mau" < "Cao
// Bằng"). Input may be NFC or NFD: normalisation is on.
//
// Thread safety: Get() returns one process-wide instance, created on first use. ICU documents
// that a service object is safe to share between threads as long as every thread uses only const
// APIs ("Thread-safe const APIs", ICU User Guide, Design chapter); we configure the collator once
// at construction and afterwards call only const ICU methods (compareUTF8, getSortKey).
#pragma once

#include <unicode/uversion.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

U_NAMESPACE_BEGIN  // ICU's versioned namespace; keeps <unicode/coll.h> out of this header
    class Collator;
U_NAMESPACE_END

namespace lienthong {

class VietnameseCollator {
 public:
  static const VietnameseCollator& Get();

  ~VietnameseCollator();
  VietnameseCollator(const VietnameseCollator&) = delete;
  VietnameseCollator& operator=(const VietnameseCollator&) = delete;

  // <0, 0 or >0 as `a` sorts before, together with or after `b` (UTF-8 input; ill-formed bytes
  // compare as U+FFFD).
  int Compare(std::string_view a, std::string_view b) const;

  // A byte string whose memcmp/std::string order equals Compare's order, for database columns and
  // for sorting many strings (no trailing NUL).
  std::string SortKey(std::string_view text) const;

  bool Less(std::string_view a, std::string_view b) const { return Compare(a, b) < 0; }

 private:
  VietnameseCollator();
  std::unique_ptr<icu::Collator> collator_;  // null if ICU lacks the data: then code point order
};

// Sorts in place by Vietnamese order (stable, so equal strings keep their order).
void SortVietnamese(std::vector<std::string>& texts);

// Sorts any range of items by Vietnamese order of `projection(item)` (something convertible to
// std::string_view, e.g. `[](const Unit& u) -> const std::string& { return u.name; }`). Stable.
// Computes each sort key once, so it stays fast for tens of thousands of items.
template <typename T, typename Projection>
void SortVietnameseBy(std::vector<T>& items, Projection projection) {
  const VietnameseCollator& collator = VietnameseCollator::Get();
  std::vector<std::pair<std::string, size_t>> keys;
  keys.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    keys.emplace_back(collator.SortKey(std::string_view(std::invoke(projection, items[i]))), i);
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (auto& key : keys) sorted.push_back(std::move(items[key.second]));
  items = std::move(sorted);
}

}  // namespace lienthong
