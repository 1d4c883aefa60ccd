// Reading the numbering that opens a heading or list item (一、 （一） 1、), shared by line joining
// (which must not join a heading to its paragraph) and structure (which finds the headings).
#ifndef GLEAN_ENGINE_NORMALIZE_NUMBERING_H_
#define GLEAN_ENGINE_NORMALIZE_NUMBERING_H_

#include <string_view>

namespace glean::normalize {

// Bytes of the run of Chinese numeral characters (一 … 十 百 零 〇 两) that `text` starts with.
inline size_t ChineseNumeralPrefix(std::string_view text) {
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七",
                                                   "八", "九", "十", "百", "零", "〇", "两"};
  size_t n = 0;
  for (bool progress = true; progress;) {
    progress = false;
    for (std::string_view numeral : kNumerals) {
      if (text.substr(n, numeral.size()) == numeral) {
        n += numeral.size();
        progress = true;
      }
    }
  }
  return n;
}

// Bytes of the run of ASCII digits that `text` starts with.
inline size_t DigitPrefix(std::string_view text) {
  size_t n = 0;
  while (n < text.size() && text[n] >= '0' && text[n] <= '9') ++n;
  return n;
}

}  // namespace glean::normalize

#endif  // GLEAN_ENGINE_NORMALIZE_NUMBERING_H_
