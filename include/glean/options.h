// Settings for reading documents. Each struct lists its fields with their defaults.
#ifndef GLEAN_OPTIONS_H_
#define GLEAN_OPTIONS_H_

#include <string>
#include <vector>

namespace glean {

class MatchObserver;  // glean/trace.h

// How input bytes are decoded.
enum class Encoding {
  kAuto,     // a BOM decides; otherwise UTF-8 unless the bytes read far better as GB18030
  kUtf8,     // UTF-8, with or without BOM
  kUtf16Le,  // UTF-16 little-endian (a BOM, if present, is skipped)
  kUtf16Be,  // UTF-16 big-endian
  kGb18030,  // GB18030, which covers GBK and GB2312
};

// Parses "auto", "utf-8", "utf-16le", "utf-16be", "gb18030" (and the aliases "utf8", "gbk",
// "gb2312"), case-insensitively. Returns false for anything else.
bool ParseEncoding(const std::string& name, Encoding* encoding);
const char* EncodingName(Encoding encoding);

// Text normalization applied before matching, to documents and rule patterns alike. A rule set
// carries one NormalizeOptions, set by the `normalize:` sections of its rule files.
struct NormalizeOptions {
  bool nfkc = true;                       // Unicode NFKC: full-width to ASCII, ㎡ to m2, ...
  bool traditional_to_simplified = true;  // character-level Traditional → Simplified Chinese
  bool drop_spaces = true;  // spaces/tabs between two CJK characters or a CJK character and a digit
  bool join_lines = true;   // line breaks inside a sentence (PDF artifacts)
  bool strip_defaults = true;      // strip `**` and `[bookmark: …]` markup
  std::vector<std::string> strip;  // further RE2 patterns whose matches are removed
};

// Settings for extraction, independent of the rule set.
struct ExtractOptions {
  Encoding encoding = Encoding::kAuto;
  bool document_fact = true;  // emit one `document` fact (title, issuer, date, year) per input
  bool sentence = false;      // fill Fact::sentence with the sentence around each match
  // Also emit a fact (rule `builtin.figure`, fact `figure`; fields label, value, change) for each
  // figure of the figures stage that no rule's fact overlaps. Off: figures are not looked for.
  bool figures = false;
  // Not owned; null by default. When set, told what became of every candidate match of a pattern
  // rule, kept or dropped and why, and of every place a rule's literal occurs without a match
  // (see glean/trace.h). REQUIRES: outlives the engine.
  MatchObserver* observer = nullptr;
  // Overlapping facts of one fact type from different rules resolve to one (priority, then
  // length). Off, each rule's matches are resolved only against its own: what a rule gives on a
  // text by itself, as its examples are checked (two rules of one indicator may both claim a
  // figure; the rule set keeps one fact, and each rule's example still shows its own).
  bool overlaps_across_rules = true;
};

}  // namespace glean

#endif  // GLEAN_OPTIONS_H_
