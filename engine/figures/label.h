// Labels: what a figure counts, read from the clause before it. Part of the figures stage
// (figures.h).
#ifndef GLEAN_ENGINE_FIGURES_LABEL_H_
#define GLEAN_ENGINE_FIGURES_LABEL_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace glean::figures {

// Where the clause that ends at `end` begins: after the last clause mark (，。；：！？ and their
// ASCII forms, a line end) before it, but not before `floor` (the end of the figure before, so a
// list item 、黄桃1200余亩 starts at its own words).
size_t ClauseBegin(std::string_view text, size_t end, size_t floor);

struct Label {
  std::string label;   // the words that name what is counted; empty when none are left
  std::string action;  // the verb trimmed from before them; empty when none
};

// The label and action of a clause: time words (全年, 2025年), place and scope words (全镇, 我市),
// connectives and fillers (其中, 共计, 了) are trimmed from both ends, a verb (完成, 新增 …) from
// the front or the last one inside; of a list written with 等 (低保、临时救助等各类民政资金), the
// words after it. `全年完成改厕` → 改厕, 完成.
Label LabelOf(std::string_view clause);

// Whether `clause` ends in words that qualify what follows the figure
// (来自各行各业的88名镇人大代表, 历时4个月对700余个…图斑): the noun after the figure names it, not
// the clause.
bool QualifiesNext(std::string_view clause);

// Whether the verb `action` names the activity it counts (救助, 走访, 鉴定 …), so that a figure
// with no other words (全年累计救助18万余人次) is labelled with it.
bool NamesActivity(std::string_view action);

// The noun between a figure counted in `unit` and the next figure, when the unit is a classifier
// (个, 户, 名 …) and the words are a noun alone, with no mark or verb: in
// 8个贫困行政村145个贫困行政村民小组 each figure is named by the noun after it. Empty otherwise.
std::string ChainedNoun(std::string_view text, std::string_view unit, size_t from, size_t to);

// The noun after a figure counted in `unit`, from `at` to its clause's end, when the unit is a
// classifier and the words are a noun alone (新一届村(社区)56名“两委”班子成员 → 两委班子成员): it
// names the figure rather than the words before, which qualify it. Empty otherwise.
std::string NounToClauseEnd(std::string_view text, std::string_view unit, size_t at);

// The words right after a figure that may name it when nothing before it does
// (420万困难群众得到保障 → 困难群众): up to a clause mark, a verb, or six characters.
std::string WordsAfter(std::string_view text, size_t at);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_LABEL_H_
