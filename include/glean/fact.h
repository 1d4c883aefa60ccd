// A fact: one typed figure found in a document, with the exact place it came from.
#ifndef GLEAN_FACT_H_
#define GLEAN_FACT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "glean/figure.h"
#include "glean/value.h"

namespace glean {

struct Fact {
  std::string doc;     // the input's name as given (path, or "-" for stdin)
  std::string rule;    // rule id, "builtin.document" for the document fact
  std::string fact;    // fact type
  std::string text;    // the original text of the match, decoded to UTF-8 (Traditional stays so)
  uint64_t start = 0;  // byte offset of the match in the input file, in the file's own encoding
  uint64_t end = 0;    // exclusive
  int line = 0;        // 1-based line of `start` in the original
  int column = 0;      // 1-based column of `start`, in code points; a BOM is not a column
  std::vector<Field> fields;         // in the order the pattern names them
  std::vector<std::string> section;  // enclosing headings, outermost first (normalized text)
  std::string sentence;              // the sentence around the match, when asked for
  Period period;                     // the years the fact refers to; unknown for the document fact
  FigureStatus status = FigureStatus::kResult;  // whether it happened or is planned
  // Of a builtin.figure fact (a figure no rule claimed), why no analyst wants it as data; kNone
  // for every other fact.
  FigureExcept excepted = FigureExcept::kNone;
};

}  // namespace glean

#endif  // GLEAN_FACT_H_
