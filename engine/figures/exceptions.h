// What the figures stage reads as a figure but sets apart: words that only look like a number and
// a unit (not figures at all), and quantities of the report that no analyst wants as data
// (excepted: found and listed, with the reason). The line between the two: what the form of the
// text decides (a unit that is the first character of a word, a session number) is no figure;
// what a word list or the sentence around decides is a figure, excepted, so that a wrong call
// loses nothing and shows. Both look only at a few characters around the figure.
#ifndef GLEAN_ENGINE_FIGURES_EXCEPTIONS_H_
#define GLEAN_ENGINE_FIGURES_EXCEPTIONS_H_

#include <string_view>

#include "engine/figures/reader.h"
#include "glean/figure.h"

namespace glean::figures {

// Whether `reading` of normalized `text` is words, not a figure: a unit that is the first
// character of a word (十方面工作, 3.0方案, 5万亿台阶), a session number (区十六届人大四次会议)
// and a team's size that names a game (3人制篮球场).
bool IsWordNotFigure(std::string_view text, const Reading& reading);

// Why the figure `reading` of normalized `text` is no analyst's data, or kNone: it counts the
// parts of the speech (重点做好9个方面工作, 主要是做好四篇文章, 至少有十个突出亮点：一是), it is
// part of a set phrase (统筹两个大局, 千家万户), or it is a counter of the web page a report was
// copied from (浏览次数:419次).
FigureExcept ExceptionOf(std::string_view text, const Reading& reading);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_EXCEPTIONS_H_
