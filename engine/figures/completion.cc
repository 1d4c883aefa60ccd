#include "engine/figures/completion.h"

#include <string>
#include <string_view>
#include <vector>

#include "engine/figures/text_at.h"

namespace glean::figures {

namespace {

// Labels that name no task: what is left of a completion clause once its verbs are trimmed.
bool IsBareCompletionLabel(std::string_view label) {
  for (std::string_view bare : {"率", "完成率", "总完成率", "任务", "目标任务", "全年任务",
                                "年度任务", "总目标任务", "占全年目标", "全年目标", "目标"}) {
    if (label == bare) return true;
  }
  return false;
}

// Whether `clause` holds only completion, target and time words (总完成率, 占全年目标的,
// 1-8月累计完成…的): the rate's own words name no task.
bool OnlyCompletionWords(std::string_view clause) {
  static constexpr std::string_view kWords[] = {
      "完成率", "完成", "目标", "任务", "全年", "年度", "年初", "累计", "其中", "总",
      "占",     "为",   "的",   "达到", "达",   "了",   "月",   "底",   "截至", "截止",
      "上半年", "前",   "共",   "超额", "实现", "率",   " ",    "-",    "—"};
  bool completion = false;
  while (!clause.empty()) {
    if (IsDigit(clause[0])) {
      clause.remove_prefix(1);
      continue;
    }
    bool matched = false;
    for (std::string_view word : kWords) {
      if (clause.starts_with(word)) {
        completion = completion || word == "完成率" || word == "完成" || word == "占" ||
                     word == "为" || word == "率";
        clause.remove_prefix(word.size());
        matched = true;
        break;
      }
    }
    if (!matched) return false;
  }
  return completion;
}

bool SentenceEndsIn(std::string_view text) {
  return text.find_first_of("\n;") != std::string_view::npos ||
         text.find("。") != std::string_view::npos || text.find("；") != std::string_view::npos;
}

}  // namespace

void NameCompletionRates(std::string_view text, std::vector<Figure>* figures) {
  for (size_t k = 1; k < figures->size(); ++k) {
    Figure& rate = (*figures)[k];
    // 为全年任务740万元的56.6%: the rate's clause is only 的, after the task's amount.
    const bool after_task_amount =
        rate.clause == "的" && IsBareCompletionLabel((*figures)[k - 1].label);
    if (rate.value.unit != "%" || !IsBareCompletionLabel(rate.label) ||
        !(OnlyCompletionWords(rate.clause) || after_task_amount)) {
      continue;
    }
    for (size_t j = k; j-- > 0;) {
      const Figure& task = (*figures)[j];
      if (task.end > rate.begin || SentenceEndsIn(text.substr(task.end, rate.begin - task.end)))
        break;
      if (task.value.unit == "%" || task.label.empty() || IsBareCompletionLabel(task.label))
        continue;
      std::string name = task.label;
      for (std::string_view quota : {"任务数", "任务"}) {  // 立案任务数: the task is 立案
        if (name.ends_with(quota) && name.size() > quota.size()) {
          name.resize(name.size() - quota.size());
          break;
        }
      }
      rate.label =
          name + (rate.clause.find("总完成率") != std::string::npos ? "总完成率" : "完成率");
      break;
    }
  }
}

}  // namespace glean::figures
