// Word tests at a byte offset of UTF-8 text, shared by the period and status readers.
#ifndef GLEAN_ENGINE_FIGURES_TEXT_AT_H_
#define GLEAN_ENGINE_FIGURES_TEXT_AT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace glean::figures {

// Whether `c` is an ASCII digit (figures are written in them after normalization).
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Where the run of digits and decimal points that ends at `end` begins (`end` when none does): the
// number a figure's text or a label ends with, read backwards.
inline size_t DecimalStart(std::string_view text, size_t end) {
  while (end > 0 && (IsDigit(text[end - 1]) || text[end - 1] == '.')) --end;
  return end;
}

// Whether `word` begins at `at`. Compared a byte at a time, inline: the words are a few bytes and
// almost every test fails at once, where a call to memcmp would cost more than the test. The last
// byte first: the words are mostly Han characters, whose first bytes most characters share (E4
// to E9) and whose last bytes few do.
inline bool StartsWithAt(std::string_view text, size_t at, std::string_view word) {
  if (at > text.size() || text.size() - at < word.size()) return false;
  if (!word.empty() && text[at + word.size() - 1] != word.back()) return false;
  for (size_t i = 0; i + 1 < word.size(); ++i) {
    if (text[at + i] != word[i]) return false;
  }
  return true;
}

// Whether `word` ends right before `at`.
inline bool EndsWithAt(std::string_view text, size_t at, std::string_view word) {
  return at >= word.size() && at <= text.size() && StartsWithAt(text, at - word.size(), word);
}

// Whether a sentence or a clause of its own ends in `text`: a line end, 。, ；, or ;.
inline bool SentenceEndsIn(std::string_view text) {
  return text.find_first_of("\n;") != std::string_view::npos ||
         text.find("。") != std::string_view::npos || text.find("；") != std::string_view::npos;
}

// Whether `words` are Han characters alone, at least one: no mark, digit, bracket or Latin letter.
// Their UTF-8 lead bytes run from E4 to E9.
inline bool IsHanOnly(std::string_view words) {
  for (size_t at = 0; at < words.size(); at += 3) {
    const auto lead = static_cast<unsigned char>(words[at]);
    if (lead < 0xE4 || lead > 0xE9) return false;
  }
  return !words.empty();
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

// The size of the verb of a milestone passed or stepped onto that ends at `at` (跨越, 跨过, 迈上,
// 跨上, 站上, 跃上, 登上, 连跨: 跨过3万亿元, 历史性迈上4000亿元台阶), 0 when none does. Asked of
// every figure: the verb's last character rules out most first.
inline size_t MilestoneVerbBefore(std::string_view text, size_t at) {
  using namespace std::string_view_literals;
  constexpr size_t kVerb = 2 * 3;
  if (at < kVerb) return 0;
  if (EndsWithAt(text, at, "上")) {
    return AnyEndsAt(text, at - 3, {"迈"sv, "跨"sv, "站"sv, "跃"sv, "登"sv}) ? kVerb : 0;
  }
  // 连跨4个万亿元台阶: 跨 after 连, one after another.
  if (EndsWithAt(text, at, "跨")) return EndsWithAt(text, at - 3, "连") ? kVerb : 0;
  return (EndsWithAt(text, at, "越") || EndsWithAt(text, at, "过")) &&
                 EndsWithAt(text, at - 3, "跨")
             ? kVerb
             : 0;
}

// A filter for three-byte characters: says "no" at once for almost every character not in the set
// it was made from, and "maybe" for those in it (the caller then compares words). Indexed by the
// low six bits of the two continuation bytes, so one test is two shifts and a load.
class CharFilter {
 public:
  constexpr CharFilter(std::initializer_list<std::string_view> characters) {
    for (std::string_view c : characters) Add(c);
  }
  // The filter of the first characters of `words`; words that start with a character of another
  // length are left out (the caller looks for them on its own).
  template <size_t N>
  static constexpr CharFilter FirstsOf(const std::string_view (&words)[N]) {
    CharFilter filter({});
    for (std::string_view word : words) {
      if (word.size() >= 3 && static_cast<unsigned char>(word[0]) >= 0xE0 &&
          static_cast<unsigned char>(word[0]) < 0xF0) {
        filter.Add(word);
      }
    }
    return filter;
  }
  // The filter of the characters of both: says "maybe" where either does.
  constexpr CharFilter operator|(const CharFilter& other) const {
    CharFilter both = *this;
    for (size_t i = 0; i < bits_.size(); ++i) both.bits_[i] |= other.bits_[i];
    return both;
  }
  // As MayStart, for a scan that knows the character's three bytes are there.
  bool MayBe(const unsigned char* character) const {
    const size_t index = Index(character[1], character[2]);
    return (bits_[index / 64] >> (index % 64)) & 1;
  }
  // REQUIRES: a three-byte character starts at `at`.
  bool MayStart(std::string_view text, size_t at) const {
    if (at + 3 > text.size()) return false;
    const size_t index =
        Index(static_cast<unsigned char>(text[at + 1]), static_cast<unsigned char>(text[at + 2]));
    return (bits_[index / 64] >> (index % 64)) & 1;
  }

 private:
  constexpr void Add(std::string_view c) {
    const size_t index = Index(static_cast<unsigned char>(c[1]), static_cast<unsigned char>(c[2]));
    bits_[index / 64] |= uint64_t{1} << (index % 64);
  }
  static constexpr size_t Index(unsigned char second, unsigned char third) {
    return (static_cast<size_t>(second & 0x3F) << 6) | (third & 0x3F);
  }
  std::array<uint64_t, 64> bits_{};
};

// An exact set of three-byte characters, made as a CharFilter is: each of the 4,096 slots holds
// the lead byte of the one character of the set that falls in it, so whether a character is in
// the set is one load and one compare, where a sorted list of keys is a binary search.
class CharSet {
 public:
  constexpr CharSet(std::initializer_list<std::string_view> characters) {
    for (std::string_view c : characters) {
      const size_t index =
          Index(static_cast<unsigned char>(c[1]), static_cast<unsigned char>(c[2]));
      const auto lead = static_cast<unsigned char>(c[0]);
      if (c.size() != 3 || (leads_[index] != 0 && leads_[index] != lead)) exact_ = false;
      leads_[index] = lead;
    }
  }
  // Whether each character of the set has a slot of its own (checked where a set is made).
  constexpr bool exact() const { return exact_; }
  // Whether the character at `at` of valid UTF-8 `text` is in the set. A lead byte of another
  // length matches no slot (each holds a three-byte lead), so only the bytes' presence is tested.
  bool HoldsAt(std::string_view text, size_t at) const {
    if (at + 3 > text.size()) return false;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data() + at);
    return leads_[Index(bytes[1], bytes[2])] == bytes[0];
  }

 private:
  static constexpr size_t Index(unsigned char second, unsigned char third) {
    return (static_cast<size_t>(second & 0x3F) << 6) | (third & 0x3F);
  }
  std::array<unsigned char, 4096> leads_{};
  bool exact_ = true;
};

// Whether some word of `words` occurs in valid UTF-8 `text`, as a find of each would say, with
// `firsts` = CharFilter::FirstsOf(words). One pass over the text's characters, comparing words
// only where one may start: a find per word passes over the text once per word, stopping at
// every character that shares the word's lead byte (most Han characters share a few).
template <size_t N>
bool ContainsAnyWord(std::string_view text, const std::string_view (&words)[N],
                     const CharFilter& firsts) {
  for (std::string_view word : words) {
    const auto lead = static_cast<unsigned char>(word.empty() ? 0 : word[0]);
    if ((lead < 0xE0 || lead >= 0xF0 || word.size() < 3) &&
        text.find(word) != std::string_view::npos) {
      return true;
    }
  }
  for (size_t at = 0; at + 3 <= text.size();) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0xE0 || lead >= 0xF0) {
      at += lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : 4;
      continue;
    }
    if (firsts.MayStart(text, at)) {
      for (std::string_view word : words) {
        if (StartsWithAt(text, at, word)) return true;
      }
    }
    at += 3;
  }
  return false;
}

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_TEXT_AT_H_
