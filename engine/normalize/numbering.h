// Reading the numbering that opens a heading or list item (一、 （一） 1、), shared by line joining
// (which must not join a heading to its paragraph) and structure (which finds the headings).
#ifndef GLEAN_ENGINE_NORMALIZE_NUMBERING_H_
#define GLEAN_ENGINE_NORMALIZE_NUMBERING_H_

#include <algorithm>
#include <iterator>
#include <string_view>

namespace glean::normalize {

// Bytes of the run of Chinese numeral characters (一 … 十 百 零 〇 两) that `text` starts with.
// Read as code points rather than compared as strings: every line of a report is asked, and most
// start with none of them.
inline size_t ChineseNumeralPrefix(std::string_view text) {
  static constexpr char32_t kNumerals[] = {U'一', U'二', U'三', U'四', U'五', U'六', U'七',
                                           U'八', U'九', U'十', U'百', U'零', U'〇', U'两'};
  size_t n = 0;
  while (n + 3 <= text.size()) {
    const auto lead = static_cast<unsigned char>(text[n]);
    const auto second = static_cast<unsigned char>(text[n + 1]);
    const auto third = static_cast<unsigned char>(text[n + 2]);
    if ((lead & 0xF0) != 0xE0 || (second & 0xC0) != 0x80 || (third & 0xC0) != 0x80) break;
    const char32_t code =
        static_cast<char32_t>((lead & 0x0Fu) << 12 | (second & 0x3Fu) << 6 | (third & 0x3Fu));
    if (std::find(std::begin(kNumerals), std::end(kNumerals), code) == std::end(kNumerals)) break;
    n += 3;
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
