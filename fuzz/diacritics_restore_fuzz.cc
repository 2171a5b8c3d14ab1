// libFuzzer target: the diacritic restorer on arbitrary bytes, with the embedded model, unit
// names and every option on. Must not crash, hang or grow memory without bound; the output must
// be NFC with every word range inside it.
// Seeds: fuzz/seeds/diacritics/ (short texts with and without diacritics, list markers, URLs).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/diacritics/restorer.h"
#include "text/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const lienthong::DiacriticRestorer* restorer = *lienthong::DiacriticRestorer::Embedded();
  static const lienthong::diacritics::NameHints names = [] {
    lienthong::diacritics::NameHints n;
    n.AddName("Tỉnh Đắk Lắk");
    n.AddName("Xã Hòa Phú");
    return n;
  }();
  lienthong::RestoreOptions options;
  options.names = &names;
  options.tone_style = size % 2 ? lienthong::ToneStyle::kModern : lienthong::ToneStyle::kTraditional;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = restorer->Restore(text, options);
  if (!result.ok()) return 0;
  if (result->text != lienthong::ToNfc(result->text)) std::abort();
  for (const lienthong::RestoredWord& w : result->words) {
    if (w.begin >= w.end || w.end > result->text.size()) std::abort();
  }
  return 0;
}
