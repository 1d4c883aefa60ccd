// The year a plan sentence takes from the plan before it. Part of the figures stage (figures.h).
#ifndef GLEAN_ENGINE_FIGURES_PLAN_YEAR_H_
#define GLEAN_ENGINE_FIGURES_PLAN_YEAR_H_

#include <functional>
#include <string_view>
#include <vector>

#include "engine/figures/period.h"
#include "glean/figure.h"

namespace glean::figures {

// Dates figures[k], when it is a plan whose sentence names no time and which only the report's
// reviewed year dates, by the year the sentence before it in its paragraph names for its own plans:
// `2018年全镇计划减少贫困人口任务1400人,…。全镇计划出列贫困村3个` in a report on 2017 → the 3
// villages are a plan of 2018, not of 2017. Only a year after the reviewed one is carried, and
// only from a plan of the sentence right before. `text` is the normalized text of the figures.
// `ready(j)` is called before the status and period of an earlier figure j are read, so that a
// caller working them out on demand (DeferredContexts) can do so first; the period a figure takes
// here is never one a later figure takes from it.
void CarryPlanYear(std::string_view text, const ReportYears& years, size_t k,
                   const std::function<void(size_t)>& ready, std::vector<Figure>* figures);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_PLAN_YEAR_H_
