// Structure stage: normalized text → headings, section tree, sentences and report metadata.
//
// Input: normalized text. Output: DocumentStructure. Design decision: structure is found on the
// normalized text (full-width numbering and PDF artifacts already folded), so heading rules are
// written once; every offset here is a normalized byte offset and the document maps it back.
#ifndef GLEAN_ENGINE_STRUCTURE_STRUCTURE_H_
#define GLEAN_ENGINE_STRUCTURE_STRUCTURE_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/normalize/line_layout.h"
#include "glean/document.h"

namespace glean::structure {

// Whether a text is hard-wrapped: broken into lines of about one width whatever the sentences,
// as text pulled out of a PDF is. Judged on the lines that start in the first kWrapSampleBytes of
// the text, so a text read in parts is judged as the whole (FactStream keeps its first part at
// least that long).
struct WrapJudgement {
  bool wrapped = false;
  int width = 0;  // the wrap width in columns (a Han character is two), when wrapped
  // The layout normalization joined the text's lines by (NormalizedText::layout); not wrapped
  // when it joined none. Where it joined them, it says which lines it left cut at the width
  // (NormalizedText::cut_breaks): any other line ended its paragraph on a short last line,
  // whatever the width of the whole, and may be a title.
  normalize::LineLayout joining;
};
inline constexpr size_t kWrapSampleBytes = 16 * 1024;
WrapJudgement JudgeWrap(std::string_view text);

// Where a figure (a number with a unit: 3167万元, 60户, 77.8%) is in `line`, or npos. Dates,
// years and list numbers are not figures.
size_t FindFigure(std::string_view line);

// What one part of a text read in parts hands to the next: the headings still open at its end,
// so the next part's sections continue them, and what heading detection knows of the lines
// before the cut.
struct StructureCarry {
  std::vector<Heading> open;  // outermost first
  std::vector<int> families;  // their numbering styles, parallel to `open`
  std::vector<int> numbers;   // the numbers their markers state, parallel to `open`
  bool numbered_seen = false;
  bool body_seen = false;   // a paragraph has been read: title-like lines may be headings
  bool after_break = true;  // the last line ended a sentence or was a heading
  bool after_cut = false;   // the last line was cut at the wrap width mid-sentence
  WrapJudgement wrap;       // the first part's
  // The last appendix mark read so far (a line 附件1) with the text after it up to its title's
  // line end, from "\n附件": an appendix goes on into the parts after the one that opens it.
  std::string appendix;
};

class DocumentStructure {
 public:
  // With `carry`, `normalized` continues an earlier part: the carried headings come first in
  // headings() (at offset 0, with their lines from the part they came from) and enclose what
  // follows until a heading closes them, and no report header is read.
  //
  //
  // A line is a heading when it opens with heading numbering (一、 (一) 1、 第一部分 ① #), or is
  // a short title-like line that stands alone: after a sentence end or a heading, followed by a
  // paragraph or a numbered line, holding no figure, and, in a hard-wrapped text, not cut at
  // the wrap width (where lines were joined, not a line `cut_breaks` names; elsewhere clearly
  // shorter than the width). A numbered line that runs to the wrap width right after a line
  // cut there goes on that line's sentence and is no heading. Before the first numbered heading a
  // title-like line must follow a paragraph and not be the report's own name (…报告), so the header
  // (title, issuer, date) is never a heading; numbered headings then nest under such a title.
  //
  // `wrap` is the judgement of the text as read, before normalization joined any of its lines
  // (Document gives it); without it the normalized text is judged. A carried part uses the
  // carry's.
  //
  // `cut_breaks` are NormalizedText::cut_breaks of `normalized`, read where `wrap` (or the
  // carry's) says lines were joined.
  static DocumentStructure Build(std::string_view normalized, const StructureCarry* carry = nullptr,
                                 std::optional<WrapJudgement> wrap = std::nullopt,
                                 std::span<const size_t> cut_breaks = {});

  // The open headings at the end of the text, for the part that follows it.
  StructureCarry Carry() const;

  // Headings in document order. Heading::line is left 0 (the document fills it from the map).
  const std::vector<Heading>& headings() const { return headings_; }
  std::vector<Heading>& mutable_headings() { return headings_; }

  // Indexes into headings() of the headings enclosing `offset`, outermost first.
  std::vector<int> PathAt(size_t offset) const;
  // The last of PathAt(offset), or -1 outside every heading: equal for two offsets exactly when
  // their paths are equal.
  int InnermostAt(size_t offset) const;

  // Byte range of the sentence containing [begin, end): split on 。！？； and line ends, aware of
  // quotes and brackets (an end mark inside “…” or (…) ends nothing unless the closing mark follows
  // it at once, as in 他说:“好!”); a match spanning a boundary extends to cover both sentences.
  // REQUIRES: `normalized` is the text given to Build. A line is split into sentences the first
  // time a match in it asks (a match across lines splits the whole text, once); every call is
  // then a binary search. Thread-safe.
  std::pair<size_t, size_t> SentenceAt(std::string_view normalized, size_t begin, size_t end) const;

  const DocumentInfo& info() const { return info_; }

  // StructureCarry::appendix of the parts before this one; empty for a whole text.
  const std::string& appendix_before() const { return appendix_before_; }

 private:
  std::string appendix_before_;
  std::vector<Heading> headings_;
  std::vector<int> parent_;   // parent_[i]: index of heading i's parent, -1 at the top
  StructureCarry end_state_;  // what Carry returns
  // Split on first use, and only where asked: most rule sets never ask (only `unless` conditions
  // and sentence context do), those that do ask about few lines, and splitting reads every byte.
  struct Sentences {
    std::once_flag line_ends_once;
    std::vector<size_t> line_ends;  // where each '\n' is, found once with memchr
    std::mutex mutex;
    std::map<size_t, std::vector<std::pair<size_t, size_t>>> lines;  // by the line's start
    std::once_flag once;
    std::vector<std::pair<size_t, size_t>> ranges;  // the whole text's: sorted, contiguous except
                                                    // line ends
  };
  std::unique_ptr<Sentences> sentences_ = std::make_unique<Sentences>();
  DocumentInfo info_;

  friend class StructureBuilder;
};

}  // namespace glean::structure

#endif  // GLEAN_ENGINE_STRUCTURE_STRUCTURE_H_
