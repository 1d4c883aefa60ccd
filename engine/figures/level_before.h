// Labels of a figure, a change or a contribution that follows a level of another or the same thing
// in its sentence. Part of the figures stage (figures.h).
#ifndef GLEAN_ENGINE_FIGURES_LEVEL_BEFORE_H_
#define GLEAN_ENGINE_FIGURES_LEVEL_BEFORE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "glean/figure.h"

namespace glean::figures {

// The label of a change whose clause runs over a level no figure was read for (a unit the
// reader does not know) and the 、 after it: `总算力突破1.3万PF、增长20倍` → 总算力, the thing
// whose level and growth the sentence gives. The words before the level's number, less the
// level's verb (突破, 达到 …); leaves `label` as it is when it does not end with 、, holds no
// number, or nothing is left before it.
void NameChangeByLevelBefore(std::string* label);

// Drops from `label` a level no figure was read for (a number with no unit) and the words before
// it, up to the 、 after it: `其中大畜3.3万、大畜改良率达到95%` → 大畜改良率. The words after the
// 、 name the figure; the level is another thing's. Leaves `label` as it is when no number
// stands right before a 、 with words after it.
void DropLevelBeforeJoint(std::string* label);

// Puts the label of the figure before in front of a contribution whose label opens with 贡献 (of
// a clause that names no subject) when only a comma stands between them:
// `货物进出口总额9.5万亿元、增长4.4%，贡献了全国24.1%的增量` → 货物进出口总额贡献了全国. Leaves
// `label` as it is otherwise, or when the figure before is itself a rate or a share. `floor` is
// where the figure before (with its change) ends, `clause_begin` where the contribution's clause
// begins in `text`.
void NameContributionByFigureBefore(std::string_view text, size_t clause_begin, size_t floor,
                                    std::string_view label_before, std::string* label);

// Puts the label of the figure before in front of a gap whose clause opens with its comparison
// (快于, 高于, 低于 …) and names no subject, when only a comma stands between them:
// `全年GDP增长4%， 快于2024年1.8个百分点` → GDP快于. Leaves `label` as it is otherwise.
void NameGapByFigureBefore(std::string_view text, size_t clause_begin, size_t floor,
                           std::string_view label_before, std::string* label);

// Names the budget line a cut is made to, when the cut's clause is its verb alone after the line's
// amount and a comma: `旅台、旅马、乡亲、学生联谊活动费10万元,删减5万元` →
// 旅台、旅马、乡亲、学生联谊 活动费删减 (the verb stays, so that rules still read a cut). Leaves
// `label` as it is otherwise.
void NameCutByFigureBefore(std::string_view text, size_t clause_begin, size_t floor,
                           std::string_view label_before, std::string* label);

// Names a bare measure of size by the things the figure before counts, when only a comma or 、
// stands between them: `修建农村文化广场9个,总面积达1.7万平方米` → 农村文化广场总面积,
// `建成标准化厂房12栋、总建筑面积…` → 标准化厂房总建筑面积. Run after
// NameInvestmentByProjectsBefore, which names projects' investment its own way. Leaves `label` as
// it is otherwise.
void NameSizeByThingsCountedBefore(std::string_view text, size_t clause_begin, size_t floor,
                                   const Figure& before, std::string* label);

// Names a bare rate of success by the work the figure before counts, when only a comma stands
// between them: `排查调解各类矛盾纠纷、信访积案40起，成功率达96.00%` → 调解成功率 (the last verb of
// the figure before's action). Leaves `label` as it is otherwise.
void NameRateByWorkBefore(std::string_view text, size_t clause_begin, size_t floor,
                          const Figure& before, std::string* label);

// Names projects that money supports by the money the figure before is, when only a comma stands
// between them: `新争取国家政策性资金4700多亿元，支持项目4200余个` → 国家政策性资金支持项目 (the
// projects alone read as all of the report's). Leaves `label` as it is otherwise.
void NameProjectsByFundsBefore(std::string_view text, size_t clause_begin, size_t floor,
                               const Figure& before, std::string_view action, std::string* label);

// Names the investment done of the projects the figure before counts, when only 、 or a comma
// stands between them: `铺排落实省重点项目304个、完成投资4608亿元` → label 省重点项目, action
// 完成投资 (as `省重点项目完成投资4608亿元` reads); and their total investment
// (`落地项目2200个、总投资额7200亿元` → 落地项目总投资额) and a year's
// (`…项目1.3万余个，年度投资…`, `…项目5296个，年度完成投资…` → …项目年度投资, action 完成). Leaves
// both as they are otherwise.
void NameInvestmentByProjectsBefore(std::string_view text, size_t clause_begin, size_t floor,
                                    std::string_view label_before, std::string* label,
                                    std::string* action);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_LEVEL_BEFORE_H_
