// Normalize stage: decoded text → the text rules match against, with a map back.
//
// Input: valid UTF-8 and NormalizeOptions. Output: NormalizedText (UTF-8) and an OffsetMap from it
// to the decoded text. Steps, each switchable: strip markup, NFKC, Traditional → Simplified, drop
// spaces inside CJK text, join lines broken inside a sentence. Design decision: one pass over the
// text with per-character tables (NFKC and T2S precomputed from ICU's data), because ICU's
// transliterator runs at ~13 MB/s and normalization must not be the bottleneck.
// The same Normalizer folds rule patterns, so `完成改廁` in a rule matches `完成改厕` in a report.
#ifndef GLEAN_ENGINE_NORMALIZE_NORMALIZER_H_
#define GLEAN_ENGINE_NORMALIZE_NORMALIZER_H_

#include <memory>
#include <string>
#include <string_view>

#include "engine/source/offset_map.h"
#include "glean/options.h"
#include "glean/result.h"

namespace glean::normalize {

struct NormalizedText {
  std::string text;
  source::OffsetMap map;  // normalized offsets → decoded-text offsets
};

// Compiled normalization settings (strip regexes and tables); immutable, thread-safe.
class Normalizer {
 public:
  // Fails with code "regex" when a `strip` pattern does not compile.
  static Result<Normalizer> Create(const NormalizeOptions& options);

  Normalizer(Normalizer&&) noexcept;
  Normalizer& operator=(Normalizer&&) noexcept;
  ~Normalizer();

  NormalizedText Normalize(std::string_view utf8) const;

  // Folds a rule pattern's literal characters the same way (NFKC, T2S) while keeping it a valid
  // regex: a full-width character that becomes a metacharacter (（ ） ＋ ． ？) is escaped.
  // Space dropping, line joining and stripping do not apply to patterns.
  std::string NormalizePattern(std::string_view pattern) const;

  const NormalizeOptions& options() const;

 private:
  struct Impl;
  explicit Normalizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Whether `line` (without its line break; trailing blanks do not count) ends a sentence, past
// closing quotes and brackets: line joining never joins the break after such a line, so a text
// cut right after it normalizes as the whole would.
bool EndsSentence(std::string_view line);

}  // namespace glean::normalize

#endif  // GLEAN_ENGINE_NORMALIZE_NORMALIZER_H_
