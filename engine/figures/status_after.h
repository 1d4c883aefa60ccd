// Statuses stated after a figure. Part of the figures stage (figures.h).
#ifndef GLEAN_ENGINE_FIGURES_STATUS_AFTER_H_
#define GLEAN_ENGINE_FIGURES_STATUS_AFTER_H_

#include <string_view>
#include <vector>

#include "glean/figure.h"

namespace glean::figures {

// Makes a plan of `figure`, a result, when it gives a size of work (a length or an area) and
// whose clause goes on, right after the figure, to say that the work is not done yet:
// `路面硬化4.5公里已完成设计,路基正在整理之中` (only the design is done),
// `新增耕地500亩正在编制复垦方案`, `…已开工`, `…正在建设`, or a list of works whose sentence
// closes by saying so of them all (`A道路硬化4公里,B道路硬化2公里,C公路硬化均已完成项目设计`). What
// is built
// (`已建成`, `已竣工`, `待验收`) stays a result, and so does a count of things under way
// (`50栋正在推进中`). So is the cost of works still being prepared
// (`投资1500余万元的易地扶贫搬迁工程正在设计中`). `text` is the normalized text of the figures.
void ReadStatusAfter(std::string_view text, Figure* figure);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_STATUS_AFTER_H_
