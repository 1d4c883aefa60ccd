// Literals found from the figures that follow them. Most rules are literal context, a figure and
// a unit (完成改厕(\d+)户): instead of scanning the text for every context literal, the text is
// scanned once for the starts of runs of digits, and from each the literals ending right there
// are read off backwards, a character at a time, in a trie of the reversed literals. The cost is
// one pass for digits plus a few lookups per figure, whatever the number of rules.
#ifndef GLEAN_ENGINE_MATCH_FIGURE_ANCHORS_H_
#define GLEAN_ENGINE_MATCH_FIGURE_ANCHORS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/source/byte_search.h"
#include "engine/source/utf8.h"

namespace glean::internal {

class FigureAnchors {
 public:
  // Whether `literal` can be found this way: non-empty whole UTF-8 characters, and not ending in
  // a digit (then it would end inside a run of digits, not where one starts).
  static bool Fits(std::string_view literal);

  // REQUIRES: Fits(literal); each literal is added once.
  void Add(std::string_view literal, unsigned int id);
  bool empty() const { return literal_of_.size() <= 1; }

  // Calls found(id, start, end) for each added literal that ends at the start of a run of ASCII
  // digits, where `text` is valid UTF-8. For one figure the shorter literals come first.
  template <typename Found>
  void Find(std::string_view text, Found&& found) const {
    if (empty()) return;  // a rule set with no such literal does not pay for the scan
    source::ForEachRunStart<'0', '9'>(text, [&](size_t end) {
      uint32_t node = kRoot;
      size_t at = end;
      while (at > 0) {
        size_t begin = at - 1;
        while (begin > 0 && at - begin < 4 && IsContinuation(text[begin])) --begin;
        node = Child(node, source::CharKey(text.substr(begin, at - begin)));
        if (node == kNone) return;
        at = begin;
        if (const int id = literal_of_[node]; id >= 0) {
          found(static_cast<unsigned int>(id), at, end);
        }
      }
    });
  }

 private:
  static constexpr uint32_t kRoot = 0;
  static constexpr uint32_t kNone = UINT32_MAX;

  static bool IsContinuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
  }
  static uint64_t EdgeKey(uint32_t node, uint32_t character) {
    return (static_cast<uint64_t>(node) << 32) | character;
  }
  size_t Slot(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  uint32_t Child(uint32_t node, uint32_t character) const {
    const uint64_t key = EdgeKey(node, character);
    for (size_t slot = Slot(key);; slot = (slot + 1) & (keys_.size() - 1)) {
      if (children_[slot] == kNone) return kNone;
      if (keys_[slot] == key) return children_[slot];
    }
  }
  void Grow();

  // The trie's edges in one open-addressed table (linear probing, at most half full): from a
  // node and the character before, to the node of the longer suffix.
  std::vector<uint64_t> keys_ = std::vector<uint64_t>(16);
  std::vector<uint32_t> children_ = std::vector<uint32_t>(16, kNone);
  int shift_ = 64 - 4;
  size_t edges_ = 0;
  std::vector<int> literal_of_ = {-1};  // by node: the literal that ends there, or -1
};

// What follows the literal in most plain-regex rules: a figure and a unit word, `(\d+)户` or
// `(\d+(?:\.\d+)?)万元` (the group may be named). Matched by hand, it costs a few comparisons
// where a regex run costs hundreds of instructions, and it gives exactly the regex's match: the
// unit starts with neither a digit nor a point, so the greedy figure is the only one after which
// the unit can follow.
struct FigureTail {
  bool fraction = false;  // (\d+(?:\.\d+)?) rather than (\d+)
  std::string unit;       // plain text, possibly empty

  // The tail's shape, if `pattern` (RE2 syntax, case-sensitive) is one of the two above.
  static std::optional<FigureTail> Read(std::string_view pattern);

  // Where the figures that may start at `at` end: digits only, and with a fraction if one
  // follows (else the same); both `at` when no digit is there.
  struct Figure {
    size_t start = 0;
    size_t whole = 0;
    size_t with_fraction = 0;
    bool empty() const { return whole == start; }
  };
  static Figure FigureAt(std::string_view text, size_t at) {
    const auto is_digit = [&](size_t i) {
      return i < text.size() && text[i] >= '0' && text[i] <= '9';
    };
    Figure figure;
    figure.start = at;
    size_t i = at;
    while (is_digit(i)) ++i;
    figure.whole = i;
    if (i > at && i < text.size() && text[i] == '.' && is_digit(i + 1)) {
      i += 2;
      while (is_digit(i)) ++i;
    }
    figure.with_fraction = i;
    return figure;
  }

  // Whether the tail matches where `figure` was read; then sets the ends of its figure and of
  // the whole match. REQUIRES: !figure.empty().
  bool UnitAfter(std::string_view text, const Figure& figure, size_t* figure_end,
                 size_t* end) const {
    const size_t at = fraction ? figure.with_fraction : figure.whole;
    if (!unit.empty() && (at >= text.size() || text[at] != unit[0])) return false;
    if (text.compare(at, unit.size(), unit) != 0) return false;
    *figure_end = at;
    *end = at + unit.size();
    return true;
  }
};

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_MATCH_FIGURE_ANCHORS_H_
