#include "service/plans/implementing_deadline.h"

#include <string_view>

#include "service/plans/text_similarity.h"
#include "text/keys.h"
#include "text/time_spec_parser.h"

namespace lienthong {
namespace {

void CollectTreeTitles(const std::vector<Section>& nodes, std::vector<std::string>& out) {
  for (const Section& n : nodes) {
    if (!n.title.empty()) out.push_back(n.title);
    CollectTreeTitles(n.children, out);
  }
}

void AddText(const std::string& s, std::vector<std::string>& texts) {
  if (!s.empty()) texts.push_back(s);
}

// "trước ngày 15/9/2025" inside a sentence, read on its SearchKey (time_spec_parser reads those).
std::optional<Date> DateInSentence(const std::string& sentence) {
  const std::string key = SearchKey(sentence);
  for (std::string_view marker : {"truoc ngay", "cham nhat ngay", "han chot", "truoc "}) {
    size_t at = key.find(marker);
    if (at == std::string::npos) continue;
    std::vector<std::string> words;
    size_t pos = at;
    while (pos < key.size() && words.size() < 9) {
      size_t end = key.find(' ', pos);
      if (end == std::string::npos) end = key.size();
      if (end > pos) words.push_back(key.substr(pos, end - pos));
      pos = end + 1;
    }
    for (size_t n = words.size(); n >= 2; --n) {
      std::string phrase;
      for (size_t i = 0; i < n; ++i) phrase += (i ? " " : "") + words[i];
      while (!phrase.empty() && std::string(".,;:)").find(phrase.back()) != std::string::npos)
        phrase.pop_back();
      TimeSpec spec = ParseTimeSpec(phrase);
      if (spec.kind == TimeSpecKind::kDate && spec.start) return spec.start;
    }
  }
  return std::nullopt;
}

bool SpeaksOfImplementingPlan(const std::string& text) {
  const std::string key = SearchKey(text);
  return key.find("ke hoach") != std::string::npos &&
         (key.find("xay dung") != std::string::npos || key.find("ban hanh") != std::string::npos);
}

}  // namespace

std::vector<std::string> DocumentTexts(const PlanDocument& doc) {
  std::vector<std::string> texts;
  texts.push_back(doc.header.title);
  for (const Section& s : doc.sections) texts.push_back(s.title);
  CollectTreeTitles(doc.sections, texts);
  for (const ContentTheme& t : doc.themes) {
    AddText(t.title, texts);
    AddText(t.text, texts);
  }
  for (const DocumentPhase& p : doc.phases) {
    AddText(p.objective, texts);
    AddText(p.name, texts);
  }
  for (const Channel& c : doc.channels) AddText(c.name, texts);
  for (const DocumentTask& t : doc.tasks) AddText(t.text, texts);
  return texts;
}

ImplementingDeadline FindImplementingDeadline(const PlanDocument& doc,
                                              const std::optional<std::string>& plan_date,
                                              int default_days) {
  ImplementingDeadline result;
  auto consider = [&](std::optional<Date> date, const std::string& text) {
    if (!date || (result.date && *result.date <= *date)) return;
    result.date = date;
    result.source = "document";
    result.text = text;
  };
  for (const DocumentTask& task : doc.tasks) {
    if (!SpeaksOfImplementingPlan(task.text) || task.deadline.empty()) continue;
    TimeSpec spec = ParseTimeSpec(task.deadline);
    consider(spec.DueDate(), task.text + " — " + task.deadline);
  }
  for (const std::string& text : DocumentTexts(doc)) {
    for (const std::string& sentence : SplitPassages(text)) {
      if (SpeaksOfImplementingPlan(sentence)) consider(DateInSentence(sentence), sentence);
    }
  }
  if (result.date) return result;
  if (plan_date) {
    if (auto d = Date::FromIso(*plan_date)) {
      result.date = Date::FromDaysSinceEpoch(d->DaysSinceEpoch() + default_days);
      result.source = "default";
      return result;
    }
  }
  result.source = "none";
  return result;
}

}  // namespace lienthong
