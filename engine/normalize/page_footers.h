// Page footers that PDF extraction leaves between the lines of a paragraph ("- 3 -", "— 12 —",
// "第3页", "第 3 页 共 10 页"): a figure and its unit, or two halves of a sentence, are split by
// them, and rules see neither.
#ifndef GLEAN_ENGINE_NORMALIZE_PAGE_FOOTERS_H_
#define GLEAN_ENGINE_NORMALIZE_PAGE_FOOTERS_H_

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace glean::normalize {

// Whether `line` (one line, without its line break) holds nothing but a page footer: a page
// number of one to three digits between dashes, or 第N页 with an optional 共M页.
bool IsPageFooter(std::string_view line);

// Appends to `spans`, in text order, each page footer line of `text` together with the blanks
// and line breaks before it, so that the text before it meets the line break after it as if the
// footer had never been there.
void FindPageFooters(std::string_view text, std::vector<std::pair<size_t, size_t>>* spans);

}  // namespace glean::normalize

#endif  // GLEAN_ENGINE_NORMALIZE_PAGE_FOOTERS_H_
