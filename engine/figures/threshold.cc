#include "engine/figures/threshold.h"

#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/figures/text_at.h"

namespace glean::figures {

using namespace std::string_view_literals;

namespace {

bool IsThresholdBeforeLevel(std::string_view text, const Figure& threshold, const Figure& level) {
  if (!AnyEndsAt(text, threshold.begin, {"突破"sv, "跨越"sv, "超过"sv, "超"sv}) ||
      threshold.label.empty() || threshold.label != level.label ||
      threshold.value.unit != level.value.unit || level.begin <= threshold.end) {
    return false;
  }
  const std::string_view between = text.substr(threshold.end, level.begin - threshold.end);
  for (std::string_view joint : {"、"sv, "，"sv, ","sv}) {
    if (!between.starts_with(joint)) continue;
    const std::string_view verb = between.substr(joint.size());
    return verb == "达" || verb == "达到" || verb == "到达";
  }
  return false;
}

}  // namespace

std::vector<bool> ThresholdsBeforeLevels(std::string_view text,
                                         const std::vector<Figure>& figures) {
  std::vector<bool> thresholds(figures.size(), false);
  for (size_t k = 0; k + 1 < figures.size(); ++k) {
    thresholds[k] = IsThresholdBeforeLevel(text, figures[k], figures[k + 1]);
  }
  return thresholds;
}

}  // namespace glean::figures
