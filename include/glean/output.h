// Output: facts and outlines as text. The only stage that formats for people and programs.
#ifndef GLEAN_OUTPUT_H_
#define GLEAN_OUTPUT_H_

#include <string>
#include <string_view>
#include <vector>

#include "glean/document.h"
#include "glean/fact.h"
#include "glean/figure.h"
#include "glean/result.h"

namespace glean {

// One JSON object on one line (no trailing newline), keys in a stable order:
// doc, rule, fact, text, start, end, line, column, fields, section[, sentence].
// Numbers print exactly ("7250", "97.5"); fields carry value, then unit, approx, min, max,
// canonical, raw where they apply.
std::string FactToJsonLine(const Fact& fact);
// The same line appended to `out`, for writers that fill one buffer with many facts.
void AppendFactJsonLine(const Fact& fact, std::string* out);

// Reads facts back from JSON Lines as FactToJsonLine writes them (golden files). Blank lines are
// skipped; a line that is not such a fact is an error "golden" at file:line:col.
Result<std::vector<Fact>> ParseFactsJsonLines(std::string_view text, const std::string& file_name);

// The heading tree, one heading a line: the original line number right-aligned in 5 columns, two
// spaces, two spaces of indent per level below 1, the heading text. Ends with a newline when not
// empty.
//     3  一、2021年度工作开展情况
//     4    (一)多措并举夯实新时代党建工作基础
std::string FormatOutline(const Document& document);

// One figure as one JSON object on one line (no trailing newline), keys in a stable order: doc,
// text, start, end, line, column, value (a field as facts write it), label, action, clause,
// changes (each: change as "+5.5%", verb, value, start, end), period ("" when unknown), status.
std::string FigureToJsonLine(const std::string& doc, const Figure& figure);

// The figures as a table for a terminal, a header and one row each: line, label, value, unit,
// approx, change, period, status, text. Columns are aligned by display width (a CJK character
// takes two columns); long cells are cut with "…". Ends with a newline.
std::string FormatFigureTable(const std::vector<Figure>& figures);

// Columns `text` takes on a terminal: two for each East Asian wide or full-width character.
int DisplayWidth(std::string_view text);

}  // namespace glean

#endif  // GLEAN_OUTPUT_H_
