// The approximation a 分别 list's first or last figure gives the others. Part of the figures
// stage (figures.h).
#ifndef GLEAN_ENGINE_FIGURES_LIST_APPROX_H_
#define GLEAN_ENGINE_FIGURES_LIST_APPROX_H_

#include <string_view>
#include <vector>

#include "engine/figures/reader.h"

namespace glean::figures {

// In a list of figures after 分别, joined by 、, 和 or 及 with nothing else between, an
// approximation word after the last figure (以上, 以下, 以内, 左右, 上下) is said of each figure of
// the list: in `肉、奶产量分别稳定在310万吨和750万吨左右` both are about, and in
// `水果、蔬菜、茶叶产量分别达2050万吨、4200万吨、19万吨以上` all three are more. Gives that
// approximation to the figures of such a list that have no approximation word of their own
// (95%左右、96%以上 keeps its 左右). So is an approximation word before the first figure (超, 约,
// 近, 不到 …) when the last has none after it: in `食品、药品抽检合格率分别超98.5%和99%` both are
// more. Without 分别 a list may bound only its first or last item (新建5个、7个以上) and is left as
// read. `readings` are in text order, their offsets in `text`.
void ShareListApprox(std::string_view text, std::vector<Reading>* readings);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_LIST_APPROX_H_
