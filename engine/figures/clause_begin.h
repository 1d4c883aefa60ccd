// Where a figure's clause begins. Part of the figures stage (figures.h).
#ifndef GLEAN_ENGINE_FIGURES_CLAUSE_BEGIN_H_
#define GLEAN_ENGINE_FIGURES_CLAUSE_BEGIN_H_

#include <cstddef>
#include <string_view>

namespace glean::figures {

// Where the clause that ends at `end` begins: after the last clause mark (，。；：！？ and their
// ASCII forms, a line end) before it, but not before `floor` (the end of the figure before, so a
// list item 、黄桃1200余亩 starts at its own words).
size_t ClauseBegin(std::string_view text, size_t end, size_t floor);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_CLAUSE_BEGIN_H_
