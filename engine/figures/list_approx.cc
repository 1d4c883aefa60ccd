#include "engine/figures/list_approx.h"

#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/figures/text_at.h"
#include "glean/value.h"

namespace glean::figures {

using namespace std::string_view_literals;

namespace {

// Whether the text between two figures only joins them: 、, 和 or 及.
bool Joined(std::string_view text, const Reading& before, const Reading& after) {
  if (after.outer_begin < before.outer_end) return false;
  const std::string_view between =
      text.substr(before.outer_end, after.outer_begin - before.outer_end);
  return between == "、" || between == "和" || between == "及";
}

// Whether the figure ends with an approximation word after its unit.
bool HasSuffix(std::string_view text, const Reading& reading) {
  return reading.outer_end > reading.end &&
         AnyStartsAt(text, reading.end, {"以上"sv, "以下"sv, "以内"sv, "左右"sv, "上下"sv});
}

// Whether 分别 stands a few characters before `at` with only a verb between (分别达,
// 分别稳定在, 分别比上年增长): no digit and no punctuation, so the list starts right after it.
bool RespectivelyBefore(std::string_view text, size_t at) {
  constexpr size_t kVerbBytes = 8 * 3;
  const size_t from = at > kVerbBytes + 6 ? at - kVerbBytes - 6 : 0;
  const std::string_view before = text.substr(from, at - from);
  const size_t each = before.rfind("分别");
  if (each == std::string_view::npos) return false;
  const std::string_view verb = before.substr(each + 6);
  for (char c : verb) {
    if (IsDigit(c) || c == ',' || c == ';' || c == '.' || c == ':') return false;
  }
  for (std::string_view stop : {"，"sv, "、"sv, "；"sv, "。"sv, "："sv}) {
    if (verb.find(stop) != std::string_view::npos) return false;
  }
  return true;
}

}  // namespace

void ShareListApprox(std::string_view text, std::vector<Reading>* readings) {
  std::vector<Reading>& all = *readings;
  size_t first = 0;
  for (size_t k = 0; k < all.size(); ++k) {
    if (k > 0 && !Joined(text, all[k - 1], all[k])) first = k;
    // Only the last of a list, where a suffix is rare: the check before it runs seldom.
    if (k == first || (k + 1 < all.size() && Joined(text, all[k], all[k + 1]))) continue;
    // The word after the last figure, else the word before the first (分别超98.5%和99%).
    size_t from = first, to = k;
    Approx approx = all[k].value.approx;
    if (approx == Approx::kExact || !HasSuffix(text, all[k])) {
      approx = all[first].value.approx;
      // The first figure's approximation is the list's when a word before it says it (超, 约)
      // or a bound verb does (分别突破300亿元和3000亿元), not when its own 余 or 多 does.
      const std::string_view own = text.substr(all[first].begin, all[first].end - all[first].begin);
      if (approx == Approx::kExact || (all[first].outer_begin == all[first].begin &&
                                       (own.find("余") != std::string_view::npos ||
                                        own.find("多") != std::string_view::npos))) {
        continue;
      }
      from = first + 1;
      to = k + 1;
    }
    if (!RespectivelyBefore(text, all[first].outer_begin)) continue;
    for (size_t j = from; j < to; ++j) {
      Reading& item = all[j];
      if (item.value.approx == Approx::kExact && item.outer_begin == item.begin &&
          item.outer_end == item.end) {
        item.value.approx = approx;
      }
    }
  }
}

}  // namespace glean::figures
