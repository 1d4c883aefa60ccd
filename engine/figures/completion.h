// Completion rates named by their task. Part of the figures stage (figures.h).
#ifndef GLEAN_ENGINE_FIGURES_COMPLETION_H_
#define GLEAN_ENGINE_FIGURES_COMPLETION_H_

#include <string>
#include <string_view>
#include <vector>

#include "glean/figure.h"

namespace glean::figures {

// Names each completion rate of `figures` whose own words name no task by the task of the figure
// before it in its sentence: `完成招商引资23179万元,总完成率115%` → 招商引资总完成率,
// `财政预算收入任务1383万元,1-8月累计完成929万元,占全年目标的67.2%` → 财政预算收入完成率,
// `完成造林2020亩,为全年任务的114%` → 造林完成率. A rate is such when it is in % and its clause
// holds only completion and target words (完成率, 占全年目标的, 为全年任务的, 完成年初目标任务的)
// and time words; the task is the label of the nearest figure before it, in the same sentence, not
// in %, with a label of its own (a task's amount, `任务740万元`, is passed over; a trailing 任务 is
// dropped). The label always ends in 完成率 (总完成率 kept), so every form of the rate reads alike.
// The rates of a 分别 list of tasks, shares of a plan (城镇新增就业、新增发放创业担保贷款分别完成
// 年计划的118.2%、248.57%), are each named by their own item: 城镇新增就业完成率, ….
// `text` is the normalized text the figures' offsets are in.
void NameCompletionRates(std::string_view text, std::vector<Figure>* figures);

// The label of a figure that counts what was done against the task named `task` (a label ending
// in 任务数 or 任务, 立案任务数共7件) by the verb `action` of its own clause: the task after 完成
// (完成7件 → 立案任务, 已完成210% → 第一种形态任务), the thing the task is of after another verb
// (已处理40人次 → 第一种形态). `task` itself when it names no task or `action` is empty.
std::string DoneAgainstTask(std::string_view task, std::string_view action);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_COMPLETION_H_
