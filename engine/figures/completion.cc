#include "engine/figures/completion.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "engine/figures/text_at.h"

namespace glean::figures {

using namespace std::string_view_literals;

namespace {

// Labels that name no task: what is left of a completion clause once its verbs are trimmed.
bool IsBareCompletionLabel(std::string_view label) {
  for (std::string_view bare :
       {"率"sv, "完成率"sv, "总完成率"sv, "任务"sv, "目标任务"sv, "全年任务"sv, "年度任务"sv,
        "总目标任务"sv, "占全年目标"sv, "全年目标"sv, "目标"sv}) {
    if (label == bare) return true;
  }
  return false;
}

// Whether `clause` holds only completion, target and time words (总完成率, 占全年目标的,
// 1-8月累计完成…的): the rate's own words name no task.
bool OnlyCompletionWords(std::string_view clause) {
  static constexpr std::string_view kWords[] = {
      "完成率", "完成", "目标", "任务", "全年", "年度", "年初", "累计",   "其中", "总",     "占",
      "为",     "的",   "达到", "达",   "了",   "月",   "底",   "截至",   "截止", "上半年", "前",
      "共",     "超额", "实现", "率",   " ",    "-",    "—",    "年计划", "计划"};
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

// Whether `label` names only a yearly plan (年计划), which a list's rates are shares of.
bool IsPlanLabel(std::string_view label) {
  for (std::string_view plan : {"年计划"sv, "全年计划"sv, "年度计划"sv, "计划"sv}) {
    if (label == plan) return true;
  }
  return false;
}

// Names the rates of a 分别 list by its items: in
// `城镇新增就业、新增发放创业担保贷款分别完成年计划的 118.2%、248.57%` the first rate is
// 城镇新增就业完成率, the second 新增发放创业担保贷款完成率. The first rate's clause holds the
// items (joined by 、) before 分别, and only completion words after it; the rates follow one
// another joined by 、 or 和, one for each item.
void NameListedCompletionRates(std::string_view text, std::vector<Figure>* figures) {
  for (size_t k = 0; k < figures->size(); ++k) {
    const Figure& first = (*figures)[k];
    if (first.value.unit != "%" || !IsPlanLabel(first.label)) continue;
    const size_t each = first.clause.find("分别");
    if (each == std::string::npos ||
        !OnlyCompletionWords(std::string_view(first.clause).substr(each + 6))) {
      continue;
    }
    std::vector<std::string_view> items;
    std::string_view list = std::string_view(first.clause).substr(0, each);
    for (size_t joint = list.find("、");; joint = list.find("、")) {
      items.push_back(list.substr(0, joint));
      if (joint == std::string_view::npos) break;
      list.remove_prefix(joint + 3);
    }
    // The rates of the list: this one and those joined to it.
    size_t last = k;
    while (last + 1 < figures->size() && (*figures)[last + 1].value.unit == "%") {
      const std::string_view between =
          text.substr((*figures)[last].end, (*figures)[last + 1].begin - (*figures)[last].end);
      if (between != "、" && between != "和") break;
      ++last;
    }
    if (items.size() < 2 || items.size() != last - k + 1) continue;
    if (std::find(items.begin(), items.end(), std::string_view()) != items.end()) continue;
    for (size_t j = k; j <= last; ++j) {
      (*figures)[j].label = std::string(items[j - k]) + "完成率";
    }
    k = last;
  }
}

}  // namespace

void NameCompletionRates(std::string_view text, std::vector<Figure>* figures) {
  NameListedCompletionRates(text, figures);
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
      for (std::string_view quota : {"任务数"sv, "任务"sv}) {  // 立案任务数: the task is 立案
        if (name.ends_with(quota) && name.size() > quota.size()) {
          name.resize(name.size() - quota.size());
          break;
        }
      }
      rate.label =
          name + (rate.clause.find("总完成率") != std::string::npos ? "总完成率" : "完成率");
      // 财税总收入累计完成419万元,为全年任务740万元的56.6%: the task's amount, passed over, is
      // the same indicator's target (财税总收入任务), not a task of its own.
      if (after_task_amount && j + 1 < k) {
        Figure& amount = (*figures)[k - 1];
        amount.label.insert(0, name);
      }
      break;
    }
  }
}

std::string DoneAgainstTask(std::string_view task, std::string_view action) {
  if (action.empty()) return std::string(task);
  for (std::string_view quota : {"任务数"sv, "任务"sv}) {
    if (task.ends_with(quota) && task.size() > quota.size()) {
      const std::string_view name = task.substr(0, task.size() - quota.size());
      return std::string(name) + (action.ends_with("完成") ? "任务" : "");
    }
  }
  return std::string(task);
}

}  // namespace glean::figures
