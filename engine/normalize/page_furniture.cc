#include "engine/normalize/page_furniture.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "engine/source/utf8.h"

namespace glean::normalize {

namespace {

// The buttons of government sites, and what stands between them. Folded and unfolded forms
// both: line joining asks of the text as read, the report header of the normalized text.
// Longer words first where one starts another (分享到 before 分享).
constexpr std::string_view kButtons[] = {
    "下载", "打印本页", "打印", "全屏",   "收藏",   "分享到",   "分享",     "关闭窗口", "关闭",
    "窗口", "加大",     "还原", "减小",   "字号",   "字体",     "首页",     "大",       "中",
    "小",   "微信",     "微博", "QQ空间", "扫一扫", "我要纠错", "返回顶部", "保存"};
constexpr std::string_view kBetween[] = {"【", "】", ":",  "：", ">",     "|",
                                         "｜", " ",  "\t", "\r", "\u3000"};

// The first characters of the words above (CharKey), sorted. Most lines asked about start with
// none of them: they are turned away by one search instead of a comparison with every word.
constexpr auto kFirstCharacters = [] {
  std::array<uint32_t, std::size(kButtons) + std::size(kBetween)> keys{};
  size_t at = 0;
  for (std::string_view word : kButtons) {
    keys[at++] = source::CharKey(word.substr(0, source::Utf8LengthOfLead(word[0])));
  }
  for (std::string_view word : kBetween) {
    keys[at++] = source::CharKey(word.substr(0, source::Utf8LengthOfLead(word[0])));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}();

}  // namespace

bool IsButtonRow(std::string_view line) {
  int buttons = 0;
  while (!line.empty()) {
    if (!std::binary_search(kFirstCharacters.begin(), kFirstCharacters.end(),
                            source::CharKeyAt(line, 0))) {
      return false;
    }
    const auto starts = [&](std::string_view word) { return line.starts_with(word); };
    if (const auto* it = std::find_if(std::begin(kBetween), std::end(kBetween), starts);
        it != std::end(kBetween)) {
      line.remove_prefix(it->size());
      continue;
    }
    const auto* it = std::find_if(std::begin(kButtons), std::end(kButtons), starts);
    if (it == std::end(kButtons)) return false;
    line.remove_prefix(it->size());
    ++buttons;
  }
  return buttons > 0;
}

bool IsPageFurniture(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  return std::count(line.begin(), line.end(), '>') >= 2 || line.ends_with("】") ||
         line.find("】【") != std::string_view::npos || IsButtonRow(line);
}

}  // namespace glean::normalize
