#include "text/collation.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

namespace lienthong {

VietnameseCollator::VietnameseCollator() {
  UErrorCode status = U_ZERO_ERROR;
  collator_.reset(icu::Collator::createInstance(icu::Locale("vi"), status));
  if (U_FAILURE(status)) {
    collator_.reset();
    return;
  }
  // "vi" already turns normalisation on; set it anyway so NFD input can never sort differently.
  collator_->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
}

VietnameseCollator::~VietnameseCollator() = default;

const VietnameseCollator& VietnameseCollator::Get() {
  // Never destroyed: ICU may already be cleaned up when static destructors run.
  static const VietnameseCollator* const kInstance = new VietnameseCollator();
  return *kInstance;
}

int VietnameseCollator::Compare(std::string_view a, std::string_view b) const {
  if (collator_ == nullptr) return a.compare(b);
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult result =
      collator_->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                             icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status)) return a.compare(b);
  return static_cast<int>(result);
}

std::string VietnameseCollator::SortKey(std::string_view text) const {
  if (collator_ == nullptr) return std::string(text);
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string key(64, '\0');
  int32_t length = collator_->getSortKey(s, reinterpret_cast<uint8_t*>(key.data()),
                                         static_cast<int32_t>(key.size()));
  if (length > static_cast<int32_t>(key.size())) {
    key.resize(length);
    length = collator_->getSortKey(s, reinterpret_cast<uint8_t*>(key.data()), length);
  }
  key.resize(length > 0 ? length - 1 : 0);  // drop ICU's terminating NUL
  return key;
}

void SortVietnamese(std::vector<std::string>& texts) {
  SortVietnameseBy(texts, [](const std::string& s) -> const std::string& { return s; });
}

}  // namespace lienthong
