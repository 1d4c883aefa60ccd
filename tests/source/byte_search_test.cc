// The block-at-a-time byte scans find what a byte-by-byte loop finds, at every position and
// length around their 16-byte blocks.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "engine/source/byte_search.h"

namespace glean::source {
namespace {

size_t FindSlowly(std::string_view text, size_t at) {
  for (; at < text.size(); ++at) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c < 0x20 || c == '"' || c == '\\') break;
  }
  return at;
}

TEST_CASE("byte search: every position of a sought byte in texts of every length up to 40") {
  for (size_t length = 0; length <= 40; ++length) {
    const std::string plain(length, 'a');
    CHECK(FindByte<0x20, '"', '\\'>(plain, 0) == length);
    for (size_t position = 0; position < length; ++position) {
      for (char sought : {'"', '\\', '\n', '\0', '\x1f'}) {
        std::string text = plain;
        text[position] = sought;
        for (size_t from = 0; from <= length; ++from) {
          INFO(length << " " << position << " " << int(sought) << " " << from);
          CHECK(FindByte<0x20, '"', '\\'>(text, from) == FindSlowly(text, from));
        }
      }
    }
  }
  // Bytes just outside the set: 0x20 (the bound), and bytes above 0x7F (signed in SSE2).
  CHECK(FindByte<0x20, '"'>(std::string(20, ' ') + "\xE4\xB8\xAD\"", 0) == 23);
  CHECK(FindByte<0, '\n', 0xE3>(std::string(17, 'x') + "\xE3", 0) == 17);
}

TEST_CASE("byte search: the last sought byte before a position, in every window up to 40 bytes") {
  // Sentence starts are looked for backwards from a figure: the last 。 (E3 80 82) or \n before
  // it, found 16 bytes at a time, must be the one a byte-by-byte walk back finds.
  std::mt19937 random(3);
  const char pieces[] = {'a', '\n', '\x82', '\xE3', '\x80', '\xFF', '\0'};
  for (size_t length = 0; length <= 40; ++length) {
    for (int round = 0; round < 20; ++round) {
      std::string text(length, ' ');
      for (char& c : text) c = pieces[random() % std::size(pieces)];
      for (size_t from = 0; from <= length; ++from) {
        for (size_t to = from; to <= length; ++to) {
          size_t expected = std::string_view::npos;
          for (size_t at = to; at > from;) {
            --at;
            if (text[at] == '\n' || text[at] == '\x82') {
              expected = at;
              break;
            }
          }
          INFO(length << " " << round << " " << from << " " << to);
          CHECK(FindLastByte<'\n', 0x82>(text, from, to) == expected);
        }
      }
    }
  }
}

TEST_CASE("byte search: the starts of runs of digits, in texts of every length and shape") {
  std::mt19937 random(5);
  const char pieces[] = {'0', '9', '5', 'a', '/', ':', '\xE4', '\xFF', '\x00'};
  for (size_t length = 0; length <= 70; ++length) {
    for (int round = 0; round < 40; ++round) {
      std::string text(length, ' ');
      for (char& c : text) c = pieces[random() % std::size(pieces)];
      std::vector<size_t> expected, found;
      for (size_t i = 0; i < text.size(); ++i) {
        const bool digit = text[i] >= '0' && text[i] <= '9';
        const bool after_digit = i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9';
        if (digit && !after_digit) expected.push_back(i);
      }
      ForEachRunStart<'0', '9'>(text, [&](size_t at) { found.push_back(at); });
      INFO(length << " " << round);
      CHECK(found == expected);
    }
  }
}

TEST_CASE("byte search: counts of a byte, in texts of every length") {
  std::mt19937 random(9);
  for (size_t length = 0; length <= 70; ++length) {
    std::string text(length, ' ');
    for (char& c : text) c = "\n\na\xE4\xFF"[random() % 5];
    INFO(length);
    CHECK(CountByte(text, '\n') == static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
    CHECK(CountByte(text, '\xFF') ==
          static_cast<size_t>(std::count(text.begin(), text.end(), '\xFF')));
  }
}

TEST_CASE("byte search: code points of UTF-8 text of every length") {
  std::string text;
  size_t expected = 0;
  const char* const pieces[] = {"a", "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80"};
  for (int i = 0; i < 60; ++i) {
    text += pieces[i % 4];
    ++expected;
    CHECK(CountCodePoints(text) == expected);
  }
  CHECK(CountCodePoints("") == 0);
}

TEST_CASE("byte search: a text's words found where string_view::find finds them") {
  // Han text in which the needle's first and last bytes come often apart from the needle.
  std::mt19937 random(7);
  const std::string pieces[] = {"台", "币", "人", "民", "新台", "台湾", "币值", "a", "1"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 24);
    for (int i = 0; i < count; ++i) text += pieces[random() % std::size(pieces)];
    for (std::string_view needle : {"台币", "人民币", "民", "ab", "币币币"}) {
      for (size_t from = 0; from <= text.size() + 1; ++from) {
        INFO(text << " " << needle << " " << from);
        CHECK(FindText(text, needle, from) == std::string_view(text).find(needle, from));
      }
    }
  }
  CHECK(FindText("", "台币") == std::string_view::npos);
  CHECK(FindText("台币", "") == 0);
  CHECK(FindText(std::string(40, 'x') + "新台币", "台币") == 43);
}

}  // namespace
}  // namespace glean::source
