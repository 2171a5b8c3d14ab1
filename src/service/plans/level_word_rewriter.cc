#include "service/plans/level_word_rewriter.h"

#include <algorithm>

#include <unicode/uchar.h>

#include "text/keys.h"
#include "util/utf8.h"

namespace lienthong {
namespace {

struct Token {
  size_t begin = 0;  // bytes
  size_t end = 0;
  std::string key;
};

bool IsWordChar(char32_t c) {
  return u_isalnum(static_cast<UChar32>(c)) ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t c = DecodeUtf8(text, &pos);
    if (u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0xFEFF || c == 0x200B || c == 0xAD) {
      continue;
    }
    if (IsWordChar(c)) {
      size_t end = pos;
      while (end < text.size()) {
        size_t next = end;
        if (!IsWordChar(DecodeUtf8(text, &next))) break;
        end = next;
      }
      tokens.push_back({start, end, MatchKey(text.substr(start, end - start))});
      pos = end;
    } else {
      bool dash = (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
      tokens.push_back({start, pos, dash ? "-" : std::string(text.substr(start, pos - start))});
    }
  }
  return tokens;
}

std::vector<std::string> Keys(std::string_view text) {
  std::vector<std::string> keys;
  for (auto& t : Tokenize(text)) keys.push_back(std::move(t.key));
  return keys;
}

std::string ReplaceAll(std::string s, std::string_view what, std::string_view with) {
  for (size_t pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + with.size())) {
    s.replace(pos, what.size(), with);
  }
  return s;
}

bool KeysAt(const std::vector<Token>& tokens, size_t at, const std::vector<std::string>& keys) {
  if (keys.empty() || at + keys.size() > tokens.size()) return false;
  for (size_t i = 0; i < keys.size(); ++i)
    if (tokens[at + i].key != keys[i]) return false;
  return true;
}

// Letters of `span`: whether all are capitals (at least two letters) and whether the first is.
struct SpanCase {
  bool all_upper = false;
  bool first_upper = false;
};
SpanCase CaseOf(std::string_view span) {
  SpanCase result;
  int letters = 0, upper = 0;
  size_t pos = 0;
  while (pos < span.size()) {
    auto c = static_cast<UChar32>(DecodeUtf8(span, &pos));
    if (!u_isalpha(c)) continue;
    bool is_upper = u_isupper(c);
    if (letters == 0) result.first_upper = is_upper;
    ++letters;
    upper += is_upper ? 1 : 0;
  }
  result.all_upper = letters >= 2 && upper == letters;
  return result;
}

std::string ApplyCase(std::string_view text, SpanCase span_case) {
  std::string out;
  size_t pos = 0;
  bool first_letter = true;
  while (pos < text.size()) {
    auto c = static_cast<UChar32>(DecodeUtf8(text, &pos));
    if (u_isalpha(c)) {
      if (span_case.all_upper || (first_letter && span_case.first_upper)) c = u_toupper(c);
      first_letter = false;
    }
    AppendUtf8(static_cast<char32_t>(c), &out);
  }
  return out;
}

bool EndsWithKey(std::string_view text, std::string_view noun) {
  if (noun.empty()) return false;
  std::string key = MatchKey(text), noun_key = MatchKey(noun);
  return key.size() >= noun_key.size() &&
         key.compare(key.size() - noun_key.size(), noun_key.size(), noun_key) == 0 &&
         (key.size() == noun_key.size() || key[key.size() - noun_key.size() - 1] == ' ');
}

}  // namespace

LevelWordRewriter::LevelWordRewriter(const std::vector<LevelWord>& words, const LevelNames& names)
    : names_(names) {
  auto add = [this](std::string_view from, std::string to) {
    Rule rule{Keys(from), std::move(to)};
    if (rule.keys.empty()) return;
    auto& list = rules_by_first_key_[rule.keys.front()];
    // Longest first; a stable insert keeps table order among equals.
    auto it = std::find_if(list.begin(), list.end(),
                           [&](const Rule& r) { return r.keys.size() < rule.keys.size(); });
    list.insert(it, std::move(rule));
  };
  for (const LevelWord& w : words) {
    bool needs_from = w.from_text.find("{from}") != std::string::npos;
    if (needs_from && names.from_noun.empty()) continue;
    add(ReplaceAll(w.from_text, "{from}", names.from_noun),
        ReplaceAll(w.to_text, "{to}", names.to_noun));
  }
  if (!names.from_territory.empty() && !names.to_proper.empty() && !names.to_noun.empty()) {
    from_territory_keys_ = Keys(names.from_territory);
    from_proper_keys_ = Keys(names.from_proper);
    add(names.from_territory, names.to_noun + " " + names.to_proper);
  }
}

std::string LevelWordRewriter::Rewrite(std::string_view text) const {
  const std::vector<Token> tokens = Tokenize(text);
  std::string out;
  size_t copied = 0;
  for (size_t i = 0; i < tokens.size();) {
    auto found = rules_by_first_key_.find(tokens[i].key);
    const Rule* match = nullptr;
    if (found != rules_by_first_key_.end()) {
      for (const Rule& rule : found->second) {
        if (KeysAt(tokens, i, rule.keys)) {
          match = &rule;
          break;
        }
      }
    }
    if (!match) {
      ++i;
      continue;
    }
    size_t last = i + match->keys.size() - 1;
    std::string replacement = match->to_text;
    // "… tỉnh Đắk Lắk" / "… Đắk Lắk" after a replaced phrase names the unit's territory instead.
    for (const auto* name_keys : {&from_territory_keys_, &from_proper_keys_}) {
      if (!KeysAt(tokens, last + 1, *name_keys)) continue;
      last += name_keys->size();
      replacement += EndsWithKey(replacement, names_.to_noun)
                         ? " " + names_.to_proper
                         : " " + names_.to_noun + " " + names_.to_proper;
      break;
    }
    std::string_view span = text.substr(tokens[i].begin, tokens[last].end - tokens[i].begin);
    out.append(text.substr(copied, tokens[i].begin - copied));
    out += ApplyCase(replacement, CaseOf(span));
    copied = tokens[last].end;
    i = last + 1;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace lienthong
