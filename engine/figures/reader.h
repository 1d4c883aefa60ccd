// Reading one figure where a number starts: its extent, unit and typed value. The first step of
// the figures stage (figures.h); labels and changes are read around what this returns.
#ifndef GLEAN_ENGINE_FIGURES_READER_H_
#define GLEAN_ENGINE_FIGURES_READER_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "engine/figures/text_at.h"
#include "glean/value.h"

namespace glean::figures {

// A figure read from normalized text.
struct Reading {
  size_t begin = 0;        // the number's first byte (a sign included)
  size_t end = 0;          // the end of its unit
  size_t outer_begin = 0;  // with approximation words before (约, 超过) ...
  size_t outer_end = 0;    // ... and after (以上, 左右)
  Field value;             // as a quantity or percent slot reads it; name and raw empty
  bool chinese = false;    // the number is written in Chinese numerals only
};

// The three-byte characters a number may start with (Chinese numerals, 负): a quick no, inline,
// before NumberStartsAt, for the scan that asks at every character of a text.
inline constexpr CharFilter kNumberFirsts = {
    "零", "〇", "○",  "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百",
    "千", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖", "拾", "廿", "卅", "负"};

// Whether a number may start at `at` of valid UTF-8 `text`: an ASCII digit, a Chinese numeral
// that can begin a number (一二…十百千两〇零, financial forms), or a sign (-, 负) before one.
// Sets `*length` to the bytes of that first character.
bool NumberStartsAt(std::string_view text, size_t at, size_t* length);

// Reads the figure whose number starts at `at` (where NumberStartsAt holds) into `*reading`, which
// must be as a Reading is made: the caller builds it in its own list, so that the figure's Field
// is not moved from one Reading to the next. Returns false when no figure starts there (then
// `*reading` holds parts read, for the caller to drop): no unit or counting word follows, the unit
// is one of time (年, 个月, 天, 小时: durations and dates) or age (岁), or the value parser
// rejects the text. `*next` is set to where scanning should go on: past the whole number either
// way, so a number is read once.
bool ReadFigureAt(std::string_view text, size_t at, size_t* next, Reading* reading);

// The unit word at the start of `text` that figures know beyond the value library's table
// (个百分点, 倍, 美元, 千瓦 …), or empty.
std::string_view ExtraUnitAt(std::string_view text);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_READER_H_
