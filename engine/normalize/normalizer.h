// Normalize stage: decoded text → the text rules match against, with a map back.
//
// Input: valid UTF-8 and NormalizeOptions. Output: NormalizedText (UTF-8) and an OffsetMap from it
// to the decoded text. Steps, each switchable: strip markup, NFKC, Traditional → Simplified, drop
// spaces inside CJK text, join lines broken inside a sentence. Design decision: one pass over the
// text with per-character tables (NFKC and T2S precomputed from ICU's data), because ICU's
// transliterator runs at ~13 MB/s and normalization must not be the bottleneck. Whether a text is
// hard-wrapped (PDF text, newspaper columns) is decided from the text itself, on its first lines,
// before that pass (DetectLayout); a text read in parts decides once, on its start.
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

// How the lines of a text are laid out, as far as line joining needs to know.
struct LineLayout {
  // The width, in columns (a wide character two, others one, blanks none), that hard-wrapped lines
  // fill; 0 when the text is not hard-wrapped.
  int wrap_columns = 0;
  // Hard-wrapped lines are separated by a blank line, as some PDF extractors write them: then a
  // blank line counts as a line break and two as a paragraph break.
  bool blank_between = false;
  // How many columns short of wrap_columns a line may be and still fill the width: the spread of
  // the text's own wrapped lines, at least 2 and at most a tenth of the width.
  int short_by = 0;

  bool wrapped() const { return wrap_columns > 0; }
  // Whether a line of `columns` columns fills the wrap width, so that its line break is a wrap
  // rather than the end of a paragraph. False when the text is not wrapped.
  bool Fills(int columns) const;

  friend bool operator==(const LineLayout&, const LineLayout&) = default;
};

// The columns of `line`: two for a character of three or four bytes (CJK, full-width forms, and
// the punctuation Chinese text sets as wide), one for any other, none for ASCII blanks and
// controls. Caveat: a bad UTF-8 byte counts as a character of the length its bits say.
int LineColumns(std::string_view line);

// Decides from the text whether it is hard-wrapped: many lines of about one width (within a tenth)
// ending without a sentence end, at least one non-empty line in five, and few lines wider. Reads
// the first kLayoutLines lines (past a UTF-8 BOM) that start within the first kLayoutBytes bytes,
// each on its first 4 KB, so a text read in parts decides on its start as the whole text would:
// HoldsLayoutSample says when a start is long enough.
inline constexpr int kLayoutLines = 400;
inline constexpr size_t kLayoutBytes = size_t{1} << 20;
LineLayout DetectLayout(std::string_view text);
// Whether `head`, the start of a longer text, holds every byte DetectLayout reads of the whole.
bool HoldsLayoutSample(std::string_view head);

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

// Whether `line` (without its line break; trailing blanks do not count) ends a sentence, past
// closing quotes and brackets: line joining never joins the break after such a line, so a text
// cut right after it normalizes as the whole would.
bool EndsSentence(std::string_view line);

// Whether a folded line starts with heading numbering or a list marker (一、 (一) 1、 1. (1) ①
// 第一章 # - •): line joining never joins a line break before such a line.
bool StartsLikeHeading(std::string_view folded_line);

}  // namespace glean::normalize

#endif  // GLEAN_ENGINE_NORMALIZE_NORMALIZER_H_
