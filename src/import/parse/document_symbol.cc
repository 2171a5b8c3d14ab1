#include "import/parse/document_symbol.h"

#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong::parse {
namespace {

struct Cp {
  char32_t c;
  size_t byte;  // offset in the text
};

bool IsDash(char32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }
bool IsLetterCp(char32_t c) { return SplitLetter(c).has_value(); }
bool IsUpperCp(char32_t c) {
  auto p = SplitLetter(c);
  return p && p->upper;
}
bool IsDigitCp(char32_t c) { return c >= '0' && c <= '9'; }

class Scanner {
 public:
  explicit Scanner(const std::vector<Cp>& cps) : cps_(cps) {}

  // Skips spaces (at most 2), returns the new index.
  size_t SkipSpaces(size_t i) const {
    for (int n = 0; i < cps_.size() && cps_[i].c == ' ' && n < 2; ++n) ++i;
    return i;
  }
  size_t Digits(size_t i, size_t* end) const {
    size_t j = i;
    while (j < cps_.size() && IsDigitCp(cps_[j].c)) ++j;
    *end = j;
    return j - i;
  }
  // An abbreviation: capital letter then letters/digits/'&'.
  bool Abbrev(size_t i, size_t* end) const {
    if (i >= cps_.size() || !IsUpperCp(cps_[i].c)) return false;
    size_t j = i + 1;
    int lower = 0;
    while (j < cps_.size() && (IsLetterCp(cps_[j].c) || IsDigitCp(cps_[j].c) || cps_[j].c == '&')) {
      lower += IsLetterCp(cps_[j].c) && !IsUpperCp(cps_[j].c);
      ++j;
    }
    *end = j;
    // Why: abbreviations are capitals with at most one lower-case letter ("QyĐ", "CTr");
    // "Nghị" after " - " is a word, not a symbol group.
    return j - i <= 20 && (lower <= 1 || j - i <= 3);
  }
  bool At(size_t i, bool (*pred)(char32_t)) const { return i < cps_.size() && pred(cps_[i].c); }
  bool AtChar(size_t i, char32_t c) const { return i < cps_.size() && cps_[i].c == c; }
  size_t size() const { return cps_.size(); }

 private:
  const std::vector<Cp>& cps_;
};

// Abbreviation groups joined by '-' (spaces tolerated): returns the end, or `i` when none.
size_t AbbrevChain(const Scanner& s, size_t i, int* groups) {
  size_t end = i;
  *groups = 0;
  if (!s.Abbrev(i, &end)) return i;
  *groups = 1;
  for (int guard = 0; guard < 8; ++guard) {
    size_t j = s.SkipSpaces(end);
    if (!s.At(j, IsDash)) break;
    j = s.SkipSpaces(j + 1);
    size_t e2;
    if (!s.Abbrev(j, &e2)) break;
    end = e2;
    ++*groups;
  }
  return end;
}

}  // namespace

std::vector<SymbolHit> FindDocumentSymbols(std::string_view text) {
  std::vector<Cp> cps;
  cps.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const size_t b = pos;
    char32_t c = DecodeUtf8(text, &pos);
    if (c == '\n' || c == '\t' || c == 0xA0) c = ' ';
    cps.push_back({c, b});
  }
  Scanner s(cps);
  std::vector<SymbolHit> hits;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (!IsDigitCp(cps[i].c) || (i > 0 && (IsDigitCp(cps[i - 1].c) || IsLetterCp(cps[i - 1].c) ||
                                           cps[i - 1].c == '/'))) {
      continue;
    }
    size_t num_end;
    if (s.Digits(i, &num_end) > 5) continue;
    size_t j = s.SkipSpaces(num_end);
    size_t end = 0;
    if (s.At(j, IsDash)) {
      // Party: N-TYPE/BODY
      size_t k = s.SkipSpaces(j + 1);
      size_t type_end;
      if (!s.Abbrev(k, &type_end)) continue;
      size_t sl = s.SkipSpaces(type_end);
      if (!s.AtChar(sl, '/')) continue;
      int groups = 0;
      end = AbbrevChain(s, s.SkipSpaces(sl + 1), &groups);
      if (groups == 0) continue;
    } else if (s.AtChar(j, '/')) {
      size_t k = s.SkipSpaces(j + 1);
      size_t year_end;
      const size_t year_digits = s.Digits(k, &year_end);
      int groups = 0;
      if (year_digits == 4) {
        size_t sl = s.SkipSpaces(year_end);
        if (!s.AtChar(sl, '/')) continue;
        end = AbbrevChain(s, s.SkipSpaces(sl + 1), &groups);
        if (groups == 0) continue;  // "55/2024/QH15": one group is enough with a year
      } else if (year_digits == 0) {
        end = AbbrevChain(s, k, &groups);
        if (groups < 2) continue;  // "13/KH-UBND": a type and a body
      } else {
        continue;
      }
    } else {
      continue;
    }
    // The symbol must not run into a following letter (it would be a word, not a symbol).
    std::string sym;
    for (size_t x = i; x < end; ++x) {
      const char32_t c = cps[x].c;
      if (c == ' ') continue;
      if (IsDash(c)) {
        sym.push_back('-');
        continue;
      }
      const size_t b = cps[x].byte;
      const size_t e = x + 1 < cps.size() ? cps[x + 1].byte : text.size();
      sym.append(text.substr(b, e - b));
    }
    hits.push_back({std::move(sym), i, end});
    i = end > i ? end - 1 : i;
  }
  return hits;
}

}  // namespace lienthong::parse
