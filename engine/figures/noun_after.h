// Nouns after a figure: what a figure counts when the words before it name nothing, or only
// qualify the noun after it (新建3个村级卫生室, 为9名贫困大学生). Part of the figures stage
// (figures.h); label.h reads the clause before.
#ifndef GLEAN_ENGINE_FIGURES_NOUN_AFTER_H_
#define GLEAN_ENGINE_FIGURES_NOUN_AFTER_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace glean::figures {

// Whether `unit` counts things one by one (个, 户, 名, 家 …), so the noun after a figure may be
// what it counts; 亩, 元, 人 and other measures follow the noun they measure.
bool IsClassifier(std::string_view unit);

// The noun after a verb right after a figure (发展15亩种植荸荠 → 荸荠); empty when no verb
// follows the figure.
std::string ObjectAfter(std::string_view text, size_t at);

// What money put in is for, from the words after it at `at` (`words_after`, WordsAfter's of
// `at`, read by the caller already): the work they do, after a comma or not
// (投资37万元建成了镇汽车站 → 镇汽车站; 投资25万元,完成了镇文化中心的改建 → 镇文化中心), or the
// kind that a list of examples closed by 等 and the next figure, at [next_begin, next_end), names
// (实施了道路交通、综合市场等504项城乡建设重点工程 → 城乡建设重点工程). Empty when the words after
// name nothing.
std::string WorkPaidFor(std::string_view text, size_t at, std::string words_after,
                        size_t next_begin, size_t next_end);

// The kind a small count in 个 sums up, when the clause before it lists the items
// (学史明理、学史增信…四个阶段, “政治理论”“法治建设”…四个模块): the two characters after the
// figure, which end at `at`. Empty otherwise.
std::string SummedKind(std::string_view text, std::string_view figure_text, std::string_view clause,
                       size_t at);

// Whether the clause before a figure ends a list of names with 等 (宝鸡、延安等), so the names
// are examples of the kind after the figure (宝鸡、延安等4个国家骨干冷链物流基地); not a word
// that ends in 等 (高等, 中等, 一等).
bool ListClosedByDeng(std::string_view clause);

// The kind after a figure that a list closed by 等 names examples of (燕莎桥等251座桥, 桑龙、
// 城龙等7条高速公路): the words after it, when they are a whole noun, neither cut at the length
// words after a figure may have nor ending in the activity done to it (251座桥系桥下空间整治).
// Empty otherwise.
std::string KindAfterList(std::string_view text, size_t at);

// Whether `label` is a bare measure of one thing's size (全长, 总面积, 总投资, 总装机), of how many
// things there are (总量, 总数) or what they can make (产能): it names no thing, which the words
// around it must.
bool IsBareSizeMeasure(std::string_view label);

// The label of a figure that a bare measure before it (全长, 总面积, 总投资) gives and a noun
// after its 的 owns: 全长1.3万公里的三个一号旅游公路 → 三个一号旅游公路全长, the thing measured
// named with its measure. Empty when `label` is no bare measure, no 的 follows the figure ending
// at `at`, or the words after it are no whole noun (a count, a list, a clause cut short).
std::string MeasureOfNounAfter(std::string_view text, std::string_view label, size_t at);

// The noun between a figure counted in `unit` and the next figure, when the unit is a classifier
// (个, 户, 名 …) and the words are a noun alone, with no mark or verb: in
// 8个贫困行政村145个贫困行政村民小组 each figure is named by the noun after it. Empty otherwise.
std::string ChainedNoun(std::string_view text, std::string_view unit, size_t from, size_t to);

// The list things were chosen for, when `label`, the noun right after a figure ending at `at`, is
// followed by 入选 (`7所高职学校入选国家“双高计划”` → 国家双高计划): its name up to the clause's
// end, without quotation marks, of two to sixteen characters. Empty otherwise.
std::string ListChosenFor(std::string_view text, size_t at, std::string_view label);

// The noun after a figure counted in `unit`, from `at` to its clause's end, when the unit is a
// classifier and the words are a noun alone (新一届村(社区)56名“两委”班子成员 → 两委班子成员): it
// names the figure rather than the words before, which qualify it. Empty otherwise.
std::string NounToClauseEnd(std::string_view text, std::string_view unit, size_t at);

// Whether `label`, the words of `clause` between its verb and a count, name the aim of the
// policy measures `noun` counts (实施稳经济30项举措, 支持乡村富民产业发展20条措施): up to sixteen
// characters right before the count, with no mark or list in them.
bool NamesPolicyAim(std::string_view clause, std::string_view label, std::string_view noun);

// The words right after a figure that may name it when nothing before it does
// (420万困难群众得到保障 → 困难群众): up to a clause mark, a verb, or six characters.
std::string WordsAfter(std::string_view text, size_t at);

// Whether the words after a figure ending at `at`, before a clause mark, close it with the 的 of
// a one-of-a-kind (…连续五年保持100%的唯一省份, …的首个城市): a scope word that opens the label
// (成为全国…) is then that one's, not the figure's.
bool RankAfter(std::string_view text, size_t at);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_NOUN_AFTER_H_
