// Word tests at a byte offset of UTF-8 text, shared by the period and status readers.
#ifndef GLEAN_ENGINE_FIGURES_TEXT_AT_H_
#define GLEAN_ENGINE_FIGURES_TEXT_AT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace glean::figures {

// Whether `word` begins at `at`. Compared a byte at a time, inline: the words are a few bytes and
// almost every test fails on the first, where a call to memcmp would cost more than the test.
inline bool StartsWithAt(std::string_view text, size_t at, std::string_view word) {
  if (at > text.size() || text.size() - at < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (text[at + i] != word[i]) return false;
  }
  return true;
}

// Whether `word` ends right before `at`.
inline bool EndsWithAt(std::string_view text, size_t at, std::string_view word) {
  return at >= word.size() && at <= text.size() && StartsWithAt(text, at - word.size(), word);
}

inline bool AnyStartsAt(std::string_view text, size_t at,
                        std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (StartsWithAt(text, at, word)) return true;
  }
  return false;
}

inline bool AnyEndsAt(std::string_view text, size_t at,
                      std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (EndsWithAt(text, at, word)) return true;
  }
  return false;
}

// A filter for three-byte characters: says "no" at once for almost every character not in the set
// it was made from, and "maybe" for those in it (the caller then compares words). Indexed by the
// low six bits of the two continuation bytes, so one test is two shifts and a load.
class CharFilter {
 public:
  constexpr CharFilter(std::initializer_list<std::string_view> characters) {
    for (std::string_view c : characters) {
      const size_t index =
          Index(static_cast<unsigned char>(c[1]), static_cast<unsigned char>(c[2]));
      bits_[index / 64] |= uint64_t{1} << (index % 64);
    }
  }
  // REQUIRES: a three-byte character starts at `at`.
  bool MayStart(std::string_view text, size_t at) const {
    if (at + 3 > text.size()) return false;
    const size_t index =
        Index(static_cast<unsigned char>(text[at + 1]), static_cast<unsigned char>(text[at + 2]));
    return (bits_[index / 64] >> (index % 64)) & 1;
  }

 private:
  static constexpr size_t Index(unsigned char second, unsigned char third) {
    return (static_cast<size_t>(second & 0x3F) << 6) | (third & 0x3F);
  }
  std::array<uint64_t, 64> bits_{};
};

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_TEXT_AT_H_
