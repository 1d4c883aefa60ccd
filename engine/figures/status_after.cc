#include "engine/figures/status_after.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "engine/figures/text_at.h"
#include "engine/source/utf8.h"

namespace glean::figures {

using namespace std::string_view_literals;

namespace {

// Whether the rest of the sentence from `at`, a list of works, closes by saying of them all (均)
// that they are not done yet: `A道路硬化4公里,B道路硬化2公里,C公路硬化均已完成项目设计,预计下半年
// 实施`. A word of its own between (已, 完成) ends the list's say.
bool ListSaysNotDone(std::string_view text, size_t at) {
  constexpr size_t kListReach = 400;
  const size_t limit = std::min(text.size(), at + kListReach);
  for (size_t p = at; p < limit;) {
    const auto lead = static_cast<unsigned char>(text[p]);
    if (lead == '\n' || lead == ';' || StartsWithAt(text, p, "。") || StartsWithAt(text, p, "；") ||
        StartsWithAt(text, p, "已") || StartsWithAt(text, p, "完成")) {
      return false;
    }
    if (StartsWithAt(text, p, "均")) {
      return AnyStartsAt(
          text, p + std::string_view("均").size(),
          {"已完成项目设计"sv, "已完成设计"sv, "正在"sv, "在建"sv, "尚未"sv, "未开工"sv});
    }
    p += source::Utf8LengthOfLead(lead);
  }
  return false;
}

// Whether the money figure ending at `at` is what a works named after it (投资1500余万元的易地扶贫
// 搬迁工程) will cost, and its clause says the works is only being prepared (正在设计中).
bool CostOfWorksNotBegun(std::string_view text, size_t at) {
  if (!StartsWithAt(text, at, "的")) return false;
  constexpr size_t kWorksReach = 60;
  const size_t limit = std::min(text.size(), at + kWorksReach);
  for (size_t p = at; p < limit;) {
    const auto lead = static_cast<unsigned char>(text[p]);
    if (lead == ',' || lead == ';' || lead == '\n' || StartsWithAt(text, p, "，") ||
        StartsWithAt(text, p, "。") || StartsWithAt(text, p, "；")) {
      return false;
    }
    if (AnyStartsAt(
            text, p,
            {"正在设计"sv, "正在规划"sv, "正在编制"sv, "正在筹建"sv, "尚未开工"sv, "即将开工"sv})) {
      return true;
    }
    p += source::Utf8LengthOfLead(lead);
  }
  return false;
}

// Whether the things counted by the figure ending at `at` are being built and will be done later:
// the clause goes on (through a list joined by 、) to 正在 or 在建, and the sentence to 预计 and a
// word of completion (1所公办幼儿园、1所敬老院目前正在紧锣密鼓地施工,预计年底完工投入使用). A count
// under way with no end foreseen (50栋正在推进中) is what there is now.
bool CountBuiltToFinish(std::string_view text, size_t at) {
  constexpr size_t kClauseReach = 90;
  constexpr size_t kSentenceReach = 90;
  constexpr size_t kFinishReach = 24;
  // Most clauses end within a few characters: only the lead bytes of the marks (，；: EF, 。: E3)
  // and of 正 (E6) and 在 (E5) are looked at further.
  size_t limit = std::min(text.size(), at + kClauseReach);
  size_t p = at;
  for (;; p += source::Utf8LengthOfLead(static_cast<unsigned char>(text[p]))) {
    if (p >= limit) return false;
    const auto lead = static_cast<unsigned char>(text[p]);
    if (lead == ',' || lead == ';' || lead == '\n') return false;
    if (lead == 0xEF && AnyStartsAt(text, p, {"，"sv, "；"sv})) return false;
    if (lead == 0xE3 && StartsWithAt(text, p, "。")) return false;
    if ((lead == 0xE6 && StartsWithAt(text, p, "正在")) ||
        (lead == 0xE5 && StartsWithAt(text, p, "在建"))) {
      break;
    }
  }
  limit = std::min(text.size(), p + kSentenceReach);
  for (; p < limit; p += source::Utf8LengthOfLead(static_cast<unsigned char>(text[p]))) {
    if (text[p] == '\n' || StartsWithAt(text, p, "。") || StartsWithAt(text, p, "；")) return false;
    if (!StartsWithAt(text, p, "预计")) continue;
    const std::string_view after = text.substr(p, kFinishReach);
    for (std::string_view finish : {"完工"sv, "建成"sv, "竣工"sv, "投入使用"sv, "投用"sv}) {
      if (after.find(finish) != std::string_view::npos) return true;
    }
    return false;
  }
  return false;
}

}  // namespace

void ReadStatusAfter(std::string_view text, Figure* figure) {
  // As a view, the units compare by their sizes first, without a call.
  const std::string_view unit = figure->value.unit;
  if (figure->status == FigureStatus::kResult && unit == "元" &&
      CostOfWorksNotBegun(text, figure->end)) {
    figure->status = FigureStatus::kPlan;
    return;
  }
  if (figure->status != FigureStatus::kResult) return;
  // Buildings and sites still being built, to be done later in the year: what there will be, a
  // plan.
  if ((unit == "所" || unit == "座" || unit == "个" || unit == "栋" || unit == "处" ||
       unit == "家" || unit == "间" || unit == "套") &&
      CountBuiltToFinish(text, figure->end)) {
    figure->status = FigureStatus::kPlan;
    return;
  }
  // Only a size of work (a road's length, an area): a count of things under way is a count of
  // what is there now (`50栋正在推进中`).
  if (!(unit == "公里" || unit == "千米" || unit == "米" || unit == "亩" || unit == "平方米" ||
        unit == "公顷" || unit == "平方公里")) {
    return;
  }
  size_t at = figure->end;
  // Past the approximation words after it (余 is inside the figure; 以上, 左右 are not).
  for (std::string_view word : {"以上"sv, "左右"sv, "多"sv, " "sv}) {
    if (StartsWithAt(text, at, word)) at += word.size();
  }
  // The work is under way or only prepared: the figure measures what it will be.
  if (AnyStartsAt(text, at,
                  {"已完成设计"sv, "完成设计"sv, "正在"sv, "已开工"sv, "开工建设"sv, "在建"sv,
                   "即将"sv, "尚未"sv, "未完成"sv, "待建"sv}) ||
      ListSaysNotDone(text, at)) {
    figure->status = FigureStatus::kPlan;
  }
}

}  // namespace glean::figures
