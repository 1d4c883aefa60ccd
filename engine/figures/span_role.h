// Which part of a span a figure's period is: the halves of a from-to pair (从X增长到Y) and the
// levels reached in a review of several years, which are of its last year. Part of the figures
// stage (figures.h); the periods themselves are period.h's.
#ifndef GLEAN_ENGINE_FIGURES_SPAN_ROLE_H_
#define GLEAN_ENGINE_FIGURES_SPAN_ROLE_H_

#include <cstddef>
#include <string_view>

#include "glean/figure.h"

namespace glean::figures {

// Where a figure stands in a from-to pair (从X增长到Y, 由X提升至Y): the first states the level
// before the period, the second the level at its end.
enum class PairRole { kNone, kFrom, kTo };

// The role of the figure [begin, end) in its clause [clause_begin, clause_end); `*own_from` is
// set to where the figure's own words start (after 从 or 由, after 到 or 至), which alone may
// name its time (从2020年的X增长到2025年的Y).
PairRole PairRoleOf(std::string_view text, size_t clause_begin, size_t begin, size_t end,
                    size_t clause_end, size_t* own_from);

// The period of a pair's figure whose own words name no time, in a scope of `period`: the year
// before it for the first (its first year for a span counted from it), its last year for the
// second.
Period PairPeriod(PairRole role, const Period& period, bool from_first_year = false);

// Whether the figure [begin, end) states a level reached, which in a review of several years is
// the level of the span's last year (五年来…城市轨道交通运营线路增至14条: 2025), not a total over
// the span: a level verb right before it or its list (突破, 增至, 分别达…、), or a stock noun (率,
// 装机, 余额 …), in a clause [clause_begin, begin) that names no total or flow (累计, 新增, 年均,
// 建成 …); or a bare name right after such a clause [previous_begin, clause_begin)
// (总面积达到76万亩, 产值14.7亿元); or a count of things that all reach a state, said right
// after it (16条主要支流入黄口全部达到优良水质). `previous_begin` is `clause_begin` when the clause
// opens its sentence.
bool StatesLevelReached(std::string_view text, size_t previous_begin, size_t clause_begin,
                        size_t begin, size_t end);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_SPAN_ROLE_H_
