// A pattern read as a sequence of pieces: literal words (one of some words, or none when the
// piece is optional), a repeated character class, or anything else. What the capture plans and
// the literal gates of rules know about a pattern's shape, read off its text.
#ifndef GLEAN_ENGINE_MATCH_PATTERN_PIECES_H_
#define GLEAN_ENGINE_MATCH_PATTERN_PIECES_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

namespace glean::internal {

struct PatternPiece {
  enum class Kind {
    kWords,   // one of `words`, in the order the regex prefers them; "" for none
    kRepeat,  // `item` (a class, an escape, a dot, a character) repeated min … max times
    kOther,   // anything else without capture groups inside
  };
  Kind kind = Kind::kOther;
  std::vector<std::string> words;
  std::string item;
  int min = 0;
  int max = -1;  // -1: no bound
  bool lazy = false;
  int group = 0;     // the capture group the piece is, or 0
  size_t begin = 0;  // where it starts in the pattern's text
  // Of a kOther piece: the most bytes a match of it takes, when its text bounds it (npos when not).
  size_t max_bytes = std::string_view::npos;

  // The most bytes a match of the piece takes; npos when there is no bound.
  size_t MaxBytes() const;
  // The fewest bytes a match of the piece takes, as far as its kind tells (0 for kOther).
  size_t MinBytes() const;
};

struct PatternPieces {
  std::vector<PatternPiece> pieces;
  int groups = 0;  // capture groups, each one piece
};

// The pieces of `pattern` (RE2 syntax), or nullopt when it holds what they cannot say: a
// top-level alternative, an anchor or assertion, a flag, a repeated capture group, a capture
// group inside another piece.
std::optional<PatternPieces> ReadPatternPieces(std::string_view pattern);

// Whether pieces read off a pattern's text say what RE2 compiled with `options` matches: words
// compared byte for byte, classes in RE2's own syntax.
bool PiecesApply(const RE2::Options& options);

// Words one of which every match of a pattern contains, and how far from a match's ends.
struct RequiredWords {
  size_t piece = 0;  // the piece that holds them
  std::vector<std::string> words;
  size_t max_before = std::string_view::npos;  // bytes before the word at most; npos: no bound
  size_t min_before = 0;                       // bytes before the word at least
  size_t max_after = std::string_view::npos;   // bytes after it at most
};

// The words of the first piece every match passes through that is one of its words, each at
// least `min_bytes` long; nullopt when no piece is such.
std::optional<RequiredWords> RequiredWordsOf(const PatternPieces& pieces, size_t min_bytes);

// The characters (code points, in order) one of which every match of `pattern` starts with, when
// its text tells and there are at most `limit` of them; nullopt when it may match the empty string
// or holds what the reading does not know (a dot, \p{…}, \s, a negated class, a flag, an
// assertion).
std::optional<std::vector<uint32_t>> FirstCharactersOf(std::string_view pattern, size_t limit);

// Every character a match of `pattern` (the text `pieces` were read from) may hold before its
// piece `piece`, in order, when the pattern's text tells and they are at most `limit`; nullopt
// otherwise (what FirstCharactersOf cannot read). Empty when nothing comes before the piece.
std::optional<std::vector<uint32_t>> CharactersBefore(const PatternPieces& pieces, size_t piece,
                                                      std::string_view pattern, size_t limit);

// Characters one of which every match of a pattern holds a bounded way in: the first characters
// of the first piece that has at most `limit` of them, after pieces of bounded length.
struct RequiredCharacters {
  std::vector<uint32_t> characters;  // code points, in order
  size_t max_before = 0;             // bytes before the character at most
};

// `pattern` is the text `pieces` were read from; nullopt when no piece is such.
std::optional<RequiredCharacters> RequiredCharactersOf(const PatternPieces& pieces,
                                                       std::string_view pattern, size_t limit);

// `pattern` with every capture group made a plain group: the same matches.
std::string WithoutCaptures(std::string_view pattern);

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_MATCH_PATTERN_PIECES_H_
