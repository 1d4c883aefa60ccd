// The fast UTF-8 check gives the one-character-at-a-time answer on every short sequence at every
// position around its 16-byte blocks, on mutated report text, and on the sample reports.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "engine/source/utf8_validate.h"
#include "support/run_command.h"

namespace glean::source {
namespace {

// Bytes where UTF-8's rules change: ASCII, continuation ranges, lead bytes and the invalid ones.
constexpr unsigned char kEdges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F,
                                    0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                    0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};

// `sequence` at `at` in 48 bytes of padding (ASCII, or Han text where it fits), so it sits at
// the start, the end and across the boundaries of the blocks the fast check reads.
std::string Embed(const std::string& sequence, size_t at, bool han) {
  std::string text;
  while (text.size() < at) text += han && at - text.size() >= 3 ? "\xE4\xB8\xAD" : "a";
  text += sequence;
  while (text.size() < 48) text += han && 48 - text.size() >= 3 ? "\xE6\x96\x87" : "b";
  return text;
}

void CheckEverywhere(const std::string& sequence) {
  for (size_t at : {0, 1, 13, 14, 15, 16, 17, 29, 30, 31, 32, 44, 45, 46, 47}) {
    for (bool han : {false, true}) {
      const std::string text = Embed(sequence, at, han);
      if (IsValidUtf8(text) != IsValidUtf8Reference(text)) {
        std::string hex;
        for (unsigned char c : sequence) hex += " " + std::to_string(c);
        FAIL_CHECK("disagree on" << hex << " at " << at << (han ? " in Han text" : ""));
      }
    }
  }
}

TEST_CASE("utf8: the fast check agrees on every short sequence of edge bytes") {
  for (int first = 0; first < 256; ++first) {
    CheckEverywhere(std::string(1, static_cast<char>(first)));
    for (unsigned char second : kEdges) {
      CheckEverywhere({static_cast<char>(first), static_cast<char>(second)});
      if (first < 0xC0) continue;
      for (unsigned char third : kEdges) {
        CheckEverywhere(
            {static_cast<char>(first), static_cast<char>(second), static_cast<char>(third)});
        if (first < 0xF0) continue;
        for (unsigned char fourth : {0x41, 0x80, 0xBF, 0xC0}) {
          CheckEverywhere({static_cast<char>(first), static_cast<char>(second),
                           static_cast<char>(third), static_cast<char>(fourth)});
        }
      }
    }
  }
}

TEST_CASE("utf8: the fast check agrees on mutated report text and accepts the reports") {
  const std::string report =
      testing::ReadFile(testing::SourceDir() + "/tests/data/corpus/junping-2021.txt");
  REQUIRE(report.size() > 10000);
  CHECK(IsValidUtf8(report));
  CHECK(IsValidUtf8(""));
  CHECK(!IsValidUtf8(report + "\xE4\xB8"));  // cut at the very end
  std::mt19937 random(5);
  int invalid = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string window = report.substr(random() % (report.size() - 200), 20 + random() % 180);
    const int flips = 1 + static_cast<int>(random() % 3);
    for (int k = 0; k < flips; ++k) window[random() % window.size()] = static_cast<char>(random());
    const bool expected = IsValidUtf8Reference(window);
    invalid += expected ? 0 : 1;
    if (IsValidUtf8(window) != expected) FAIL_CHECK("disagree on round " << round);
  }
  CHECK(invalid > 1000);  // the rounds test both answers
}

}  // namespace
}  // namespace glean::source
