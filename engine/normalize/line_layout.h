// Line layout: whether a text is hard-wrapped (PDF text, newspaper columns) and at what width,
// decided from the text itself on its first lines, before normalization joins lines
// (normalizer.h). A text read in parts decides once, on its start.
#ifndef GLEAN_ENGINE_NORMALIZE_LINE_LAYOUT_H_
#define GLEAN_ENGINE_NORMALIZE_LINE_LAYOUT_H_

#include <cstddef>
#include <string_view>

namespace glean::normalize {

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

  // How many line breaks a run of `newlines` newlines makes: where wrapped lines have a blank
  // line between them, a blank line is one break.
  int Breaks(int newlines) const { return blank_between ? (newlines + 1) / 2 : newlines; }
  // Whether line joining may join a run of `newlines` newlines: two blank lines always stay.
  bool JoinsAcross(int newlines) const { return Breaks(newlines) <= 2; }

  // Whether line joining keeps the break after `line` (without its line break; trailing blanks
  // do not count) whatever follows: the line ends a sentence and, in a hard-wrapped text, falls
  // short of the width (one that fills it may end a sentence inside its paragraph).
  bool KeepsBreakAfter(std::string_view line) const;

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

// Whether `line` (without its line break; trailing blanks do not count) ends a sentence, past
// closing quotes and brackets: line joining never joins the break after such a line, so a text
// cut right after it normalizes as the whole would.
bool EndsSentence(std::string_view line);

// Whether the line [begin, end) of `text` ends with a sentence end, past closing quotes and
// brackets (EndsSentence of that line, trailing blanks already cut).
bool LineEndsSentence(std::string_view text, size_t begin, size_t end);

// An ASCII blank inside a line: space, tab, or the carriage return of a CRLF break.
inline bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace glean::normalize

#endif  // GLEAN_ENGINE_NORMALIZE_LINE_LAYOUT_H_
