// Thresholds passed before the level reached. Part of the figures stage (figures.h).
#ifndef GLEAN_ENGINE_FIGURES_THRESHOLD_H_
#define GLEAN_ENGINE_FIGURES_THRESHOLD_H_

#include <string_view>
#include <vector>

#include "glean/figure.h"

namespace glean::figures {

// Marks, by figure, each threshold passed that the level reached follows in its clause:
// in `人均地区生产总值突破1万美元、达1.12万美元` the 1万美元 is a round mark the level crossed, and
// the level, 1.12万美元, says all it says; kept, it would read as a second level of the same
// indicator, and the stage drops it. A threshold is a figure after 突破, 跨越, 超过 or 超 whose
// next figure follows `、达`, `、达到`, `、到达` (or a comma for 、) and has its label and unit.
// `text` is the normalized text the figures' offsets are in.
std::vector<bool> ThresholdsBeforeLevels(std::string_view text, const std::vector<Figure>& figures);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_THRESHOLD_H_
