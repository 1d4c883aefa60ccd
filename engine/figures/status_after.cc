#include "engine/figures/status_after.h"

#include <string>
#include <string_view>
#include <vector>

#include "engine/figures/text_at.h"

namespace glean::figures {

void ReadStatusAfter(std::string_view text, std::vector<Figure>* figures) {
  for (Figure& figure : *figures) {
    // Only a size of work (a road's length, an area): a count of things under way is a count of
    // what is there now (`50栋正在推进中`).
    const std::string& unit = figure.value.unit;
    if (figure.status != FigureStatus::kResult ||
        !(unit == "公里" || unit == "千米" || unit == "米" || unit == "亩" || unit == "平方米" ||
          unit == "公顷" || unit == "平方公里")) {
      continue;
    }
    size_t at = figure.end;
    // Past the approximation words after it (余 is inside the figure; 以上, 左右 are not).
    for (std::string_view word : {"以上", "左右", "多", " "}) {
      if (StartsWithAt(text, at, word)) at += word.size();
    }
    // The work is under way or only prepared: the figure measures what it will be.
    if (AnyStartsAt(text, at,
                    {"已完成设计", "完成设计", "正在", "已开工", "开工建设", "在建", "即将", "尚未",
                     "未完成", "待建"})) {
      figure.status = FigureStatus::kPlan;
    }
  }
}

}  // namespace glean::figures
