#include "import/parse/recipients_signer_parser.h"

#include "import/parse/line_kinds.h"

namespace lienthong::parse {
namespace {

bool IsBulletItem(const Line& l) {
  const ItemLabel label = ParseItemLabel(l);
  return label.kind == Numbering::kDash || label.kind == Numbering::kPlus;
}

std::string CleanRecipient(std::string_view text) {
  std::string s = Trim(text);
  while (!s.empty() && (s[0] == '-' || s[0] == '+')) s = Trim(std::string_view(s).substr(1));
  if (s.rfind("•", 0) == 0) s = Trim(std::string_view(s).substr(3));
  return TrimChars(s, ";,.");
}

bool IsKiem(const std::string& key) { return TrimChars(key, " ,") == "kiem"; }

}  // namespace

size_t FindClosingBegin(const std::vector<Line>& lines, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    const Line& l = lines[i];
    if (l.IsTableRow()) continue;
    if (MatchNoiNhan(l.key) != kNpos || IsSigningPrefixLine(l)) return i;
  }
  return end;
}

size_t FindClosingEnd(const std::vector<Line>& lines, size_t closing_begin, size_t end) {
  bool named = false;
  for (size_t i = closing_begin; i < end; ++i) {
    const Line& l = lines[i];
    if (l.IsTableRow() || KeyStartsWith(TrimChars(l.key, " *#"), "phu luc")) return i;
    if (named && !IsBulletItem(l) && !LooksLikePersonName(l.text) && !IsSignedNote(l.key) &&
        MatchNoiNhan(l.key) == kNpos && !IsSigningPrefixLine(l)) {
      // After the name only the rest of the recipients list (interleaved columns) may follow.
      return i;
    }
    if (LooksLikePersonName(l.text) || SplitCapsAndPersonName(l.text)) named = true;
  }
  return end;
}

std::pair<size_t, size_t> FindSignatureOnly(const std::vector<Line>& lines, size_t begin, size_t end) {
  // The last person name in the last 25 lines with a caps line within 3 lines above it.
  const size_t from = end > begin + 25 ? end - 25 : begin;
  for (size_t i = end; i-- > from;) {
    if (lines[i].IsTableRow() || !LooksLikePersonName(lines[i].text)) continue;
    for (size_t j = i; j-- > from && j + 4 > i;) {
      if (lines[j].MostlyUpper() && !lines[j].IsTableRow()) {
        size_t k = j;
        while (k > from && lines[k - 1].MostlyUpper() && !lines[k - 1].IsTableRow() && j - k < 4) --k;
        if (KeyStartsWith(lines[k].key, "y kien")) break;  // a reviewer's opinion block
        return {k, i + 1};
      }
    }
  }
  return {end, end};
}

ClosingResult ParseClosing(const std::vector<Line>& lines, size_t begin, size_t end) {
  ClosingResult r;
  std::vector<std::string> on_behalf, title;
  bool in_recipients = false;
  bool last_item_closed = true;  // the last recipient line ended with ; , or .
  auto signature_line = [&](const Line& l) {
    if (IsSigningPrefixLine(l)) {
      on_behalf.push_back(l.text);
    } else {
      title.push_back(l.text);
    }
    if (r.signer_line < 0) r.signer_line = l.pos.line;
  };
  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.IsTableRow()) continue;
    const size_t nn = MatchNoiNhan(l.key);
    if (nn != kNpos) {
      in_recipients = true;
      r.recipients_line = l.pos.line;
      const std::string tail = Trim(SliceByCodePoints(l.text, nn, l.key.size()));
      if (!tail.empty()) {
        Line t;
        t.pos = l.pos;
        t.SetText(tail);
        if (IsMostlyUpper(tail)) {
          signature_line(t);
        } else {
          const std::string c = CleanRecipient(tail);
          if (!c.empty()) r.recipients.push_back(c);
        }
      }
      continue;
    }
    if (IsSignedNote(l.key)) continue;
    if (in_recipients && IsBulletItem(l)) {
      std::string item = CleanRecipient(l.text);
      // A signer's name glued to the item by a two-column export.
      const size_t comma = item.rfind(',');
      if (comma != std::string::npos && LooksLikePersonName(Trim(item.substr(comma + 1)))) {
        r.signer.name = Trim(item.substr(comma + 1));
        item = TrimChars(item.substr(0, comma), " ,;.");
      }
      if (!item.empty() && r.recipients.size() < 200) r.recipients.push_back(item);
      const char last = l.text.empty() ? ';' : l.text.back();
      last_item_closed = last == ';' || last == ',' || last == '.';
      continue;
    }
    if (auto caps_name = SplitCapsAndPersonName(l.text)) {
      Line caps;
      caps.pos = l.pos;
      caps.SetText(caps_name->first);
      signature_line(caps);
      r.signer.name = caps_name->second;
      continue;
    }
    if (IsSigningPrefixLine(l)) {
      signature_line(l);
      continue;
    }
    // The rest of a wrapped recipient that starts with a capital ("- Các cơ quan tham mưu giúp
    // việc" / "Tỉnh ủy;", "ĐĐBQH&HĐND tỉnh;"): it ends the item as recipients end, which a
    // signature line never does.
    if (in_recipients && !r.recipients.empty() && !last_item_closed && !l.text.empty() &&
        (l.text.back() == ';' || l.text.back() == ',')) {
      r.recipients.back() += " " + CleanRecipient(l.text);
      last_item_closed = true;
      continue;
    }
    if (LooksLikePersonName(l.text)) {
      r.signer.name = l.text;
      continue;
    }
    if (l.MostlyUpper() || IsKiem(l.key)) {
      signature_line(l);
      continue;
    }
    // A line opening with a bracket is a note on the list ("} (để báo cáo)"), not a recipient.
    if (!l.text.empty() && (l.text[0] == '}' || l.text[0] == ']' || l.text[0] == ')' || l.text[0] == '(')) continue;
    if (in_recipients && StartsLower(l.text) && !r.recipients.empty() && !last_item_closed) {
      r.recipients.back() += " " + CleanRecipient(l.text);
      continue;
    }
  }
  auto join = [](const std::vector<std::string>& parts) {
    std::string s;
    for (const std::string& p : parts) {
      if (!s.empty()) s += ' ';
      s += p;
    }
    return CollapseSpaces(s);
  };
  if (!on_behalf.empty()) r.signer.on_behalf = join(on_behalf);
  r.signer.title = join(title);
  return r;
}

}  // namespace lienthong::parse
