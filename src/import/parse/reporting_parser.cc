#include "import/parse/reporting_parser.h"

#include "import/parse/time_phrase.h"
#include "text/time_spec_parser.h"

namespace lienthong::parse {

std::vector<ReportingDuty> ExtractReporting(const std::vector<Line>& body) {
  std::vector<ReportingDuty> out;
  for (const Line& l : body) {
    if (l.IsTableRow() || out.size() >= 50) continue;
    const std::string& key = l.key;
    size_t from = 0;
    for (int guard = 0; guard < 10; ++guard) {
      size_t t = std::string::npos;
      size_t tlen = 0;
      for (std::string_view trig : {"bao cao", "gui ve", "gui ket qua"}) {
        const size_t p = KeyFind(key, trig, from);
        if (p != std::string::npos && p < t) {
          t = p;
          tlen = trig.size();
        }
      }
      if (t == std::string::npos) break;
      from = t + tlen;
      if (KeyStartsWith(std::string_view(key).substr(t + tlen), " vien")) continue;
      const std::string rest(SliceByCodePoints(l.text, t + tlen, key.size()));
      std::string phrase = DatedLimitPhrase(rest);
      if (phrase.empty()) {
        const std::string rkey = FoldKey(rest);
        const size_t dk = KeyFind(rkey, "dinh ky");
        if (dk != std::string::npos) phrase = RecurrencePhraseAt(rest, dk);
      }
      if (phrase.empty()) continue;
      bool dup = false;
      for (const ReportingDuty& d : out) dup = dup || FoldKey(d.text) == FoldKey(phrase);
      if (!dup) {
        ReportingDuty d;
        d.text = phrase;
        d.when = ParseTimeSpec(phrase);
        out.push_back(std::move(d));
      }
      break;  // one duty per sentence
    }
  }
  return out;
}

}  // namespace lienthong::parse
