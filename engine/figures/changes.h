// Changes: 增长5.5%, 下降2个百分点, 翻一番, read around the figures they qualify. Part of the
// figures stage (figures.h).
#ifndef GLEAN_ENGINE_FIGURES_CHANGES_H_
#define GLEAN_ENGINE_FIGURES_CHANGES_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace glean::figures {

// A word that states a change, found next to a figure.
struct ChangeWord {
  size_t begin = 0;  // normalized byte range of the word (and the fillers it took: 了, 达)
  size_t end = 0;
  std::string_view verb;  // 增长, 下降, 翻一番 …
  int sign = 1;           // -1 for a decrease (下降, 减少, 降低 …)
  int factor = 0;         // for a multiple: 2 (翻一番), 4 (翻两番); else 0
};

// The change word that text after a figure ending at `at` goes on with, up to `limit`: an optional
// comma or 、, comparison words (同比, 比上年, 较去年同期, 年均), then the word. For a multiple
// (翻一番) `end` is the end of the whole phrase; otherwise the change's own figure is expected to
// start at `end`. Nothing when the words after the figure are anything else.
std::optional<ChangeWord> ChangeAfter(std::string_view text, size_t at, size_t limit);

// The change word that ends right before a figure starting at `at` (增长6.2%, 下降了3%, 同比增长
// 5%), not before `floor`. A word followed by 至 or 到 (提高到72.2%) states a level, not a change,
// and is not one.
std::optional<ChangeWord> ChangeBefore(std::string_view text, size_t at, size_t floor);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_CHANGES_H_
