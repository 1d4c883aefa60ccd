// Normalize stage: decoded text → the text rules match against, with a map back.
//
// Input: valid UTF-8 and NormalizeOptions. Output: NormalizedText (UTF-8) and an OffsetMap from it
// to the decoded text. Steps, each switchable: strip markup, NFKC, Traditional → Simplified, drop
// spaces inside CJK text, join lines broken inside a sentence. Design decision: one pass over the
// text with per-character tables (NFKC and T2S precomputed from ICU's data), because ICU's
// transliterator runs at ~13 MB/s and normalization must not be the bottleneck. Whether a text is
// hard-wrapped (PDF text, newspaper columns) is decided from the text itself, on its first lines,
// before that pass (DetectLayout, line_layout.h); a text read in parts decides once, on its start.
// The same Normalizer folds rule patterns, so `完成改廁` in a rule matches `完成改厕` in a report.
#ifndef GLEAN_ENGINE_NORMALIZE_NORMALIZER_H_
#define GLEAN_ENGINE_NORMALIZE_NORMALIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/normalize/line_layout.h"
#include "engine/source/offset_map.h"
#include "glean/options.h"
#include "glean/result.h"

namespace glean::normalize {

struct NormalizedText {
  std::string text;
  source::OffsetMap map;  // normalized offsets → decoded-text offsets
  // The layout lines were joined by; not wrapped when line joining is off.
  LineLayout layout;
  // In a hard-wrapped text, where the line breaks kept after a line that fills the wrap width
  // and ends no sentence start (offsets into `text`, ascending): lines cut at the width before
  // a line that starts like a heading or list item, or before blank lines that are not joined.
  // Every other kept break ends a paragraph on a line short of the width. Structure reads this:
  // it cannot see the physical lines a normalized line was joined from.
  std::vector<size_t> cut_breaks;
};

// Compiled normalization settings (strip regexes and tables); immutable, thread-safe.
class Normalizer {
 public:
  // Fails with code "regex" when a `strip` pattern does not compile.
  static Result<Normalizer> Create(const NormalizeOptions& options);

  Normalizer(Normalizer&&) noexcept;
  Normalizer& operator=(Normalizer&&) noexcept;
  ~Normalizer();

  // Normalizes `utf8`, deciding its layout with DetectLayout when line joining is on.
  NormalizedText Normalize(std::string_view utf8) const;
  // The same with the layout given: a part of a longer text takes the layout of the whole.
  NormalizedText Normalize(std::string_view utf8, const LineLayout& layout) const;

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

// Whether a folded line starts with heading numbering or a list marker (一、 (一) 1、 1. (1) ①
// 第一章 # - •): line joining never joins a line break before such a line.
bool StartsLikeHeading(std::string_view folded_line);

}  // namespace glean::normalize

#endif  // GLEAN_ENGINE_NORMALIZE_NORMALIZER_H_
