#include "engine/match/pattern_pieces.h"

#include <algorithm>
#include <optional>

#include "engine/match/prefix_literals.h"
#include "engine/source/utf8.h"

namespace glean::internal {

namespace {

using Kind = PatternPiece::Kind;

struct Quantifier {
  int min = 1;
  int max = 1;  // -1: no bound
  bool lazy = false;
  bool present = false;
};

// Past the `]` that closes the class opened at pattern[open], looking no further than `end`;
// 0 when it does not close.
size_t ClassEnd(std::string_view pattern, size_t open, size_t end) {
  size_t i = open + 1;
  if (i < end && pattern[i] == '^') ++i;
  if (i < end && pattern[i] == ']') ++i;  // a leading ] is a member
  for (; i < end; ++i) {
    if (pattern[i] == '\\') {
      ++i;
    } else if (pattern[i] == '[' && i + 1 < end && pattern[i + 1] == ':') {
      const size_t close = pattern.find(":]", i + 2);
      if (close == std::string_view::npos || close >= end) return 0;
      i = close + 1;
    } else if (pattern[i] == ']') {
      return i + 1;
    }
  }
  return 0;
}

// The first position of pattern[begin, end) outside escapes and classes at which `stop` says so,
// npos when there is none, nullopt when a class does not close.
template <typename Stop>
std::optional<size_t> FindSyntax(std::string_view pattern, size_t begin, size_t end, Stop stop) {
  for (size_t i = begin; i < end; ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      const size_t close = ClassEnd(pattern, i, end);
      if (close == 0) return std::nullopt;
      i = close - 1;
    } else if (stop(i)) {
      return i;
    }
  }
  return std::string_view::npos;
}

// A group of a pattern: where its content lies, and whether it captures.
struct Group {
  size_t content = 0;      // where its content starts
  size_t content_end = 0;  // where its `)` is
  bool captured = false;
};

// The group opened at pattern[open], looking no further than `end`; nullopt when it does not
// close there, or is a flag group or a lookaround.
std::optional<Group> ReadGroup(std::string_view pattern, size_t open, size_t end) {
  int depth = 0;
  const std::optional<size_t> close = FindSyntax(pattern, open, end, [&](size_t i) {
    if (pattern[i] == '(') ++depth;
    return pattern[i] == ')' && --depth == 0;
  });
  if (!close || *close == std::string_view::npos) return std::nullopt;
  Group group;
  group.content_end = *close;
  if (pattern.substr(open, 3) == "(?:") {
    group.content = open + 3;
    return group;
  }
  group.captured = true;
  if (pattern.substr(open, 4) == "(?P<") {
    const size_t name_end = pattern.find('>', open);
    if (name_end == std::string_view::npos || name_end >= *close) return std::nullopt;
    group.content = name_end + 1;
    return group;
  }
  if (pattern[open + 1] == '?') return std::nullopt;
  group.content = open + 1;
  return group;
}

// A quantifier at pattern[*at], if any, advancing past it; nullopt when one is there but
// unreadable (looking no further than `end`).
std::optional<Quantifier> ReadQuantifier(std::string_view pattern, size_t* at, size_t end) {
  Quantifier q;
  if (*at >= end) return q;
  const char c = pattern[*at];
  if (c == '?' || c == '*' || c == '+') {
    q = {c == '+' ? 1 : 0, c == '?' ? 1 : -1, false, true};
    ++*at;
  } else if (c == '{') {
    const size_t close = pattern.find('}', *at);
    if (close == std::string_view::npos || close >= end) return std::nullopt;
    const std::string_view body = pattern.substr(*at + 1, close - *at - 1);
    const size_t comma = body.find(',');
    const auto number = [](std::string_view digits, int* value) {
      if (digits.empty() || digits.size() > 4) return false;
      *value = 0;
      for (char d : digits) {
        if (d < '0' || d > '9') return false;
        *value = *value * 10 + (d - '0');
      }
      return true;
    };
    q.present = true;
    if (!number(body.substr(0, comma), &q.min)) return std::nullopt;
    if (comma == std::string_view::npos) {
      q.max = q.min;
    } else if (comma + 1 == body.size()) {
      q.max = -1;
    } else if (!number(body.substr(comma + 1), &q.max) || q.max < q.min) {
      return std::nullopt;
    }
    *at = close + 1;
  } else {
    return q;
  }
  if (*at < end && pattern[*at] == '?') {
    q.lazy = true;
    ++*at;
  }
  return q;
}

// The most bytes a match of pattern[at, end) takes, when its text bounds it: literal characters,
// classes, escapes of a character class, dots, anchors and assertions (none), groups and
// alternatives, each repeated a bounded number of times; npos otherwise. `(?:^|[^散中])`, the
// lookbehind a rule writes before its word, takes at most one character.
size_t BoundedBytes(std::string_view pattern, size_t at, size_t end) {
  constexpr size_t kNoBound = std::string_view::npos;
  constexpr size_t kCharacter = 4;  // the longest UTF-8 character
  size_t longest = 0;               // of the alternatives read so far
  size_t sum = 0;                   // of the alternative being read
  while (at < end) {
    const char c = pattern[at];
    if (c == '|') {
      longest = std::max(longest, sum);
      sum = 0;
      ++at;
      continue;
    }
    size_t item = 0;
    if (c == '(') {
      const std::optional<Group> group = ReadGroup(pattern, at, end);
      if (!group) return kNoBound;
      item = BoundedBytes(pattern, group->content, group->content_end);
      if (item == kNoBound) return kNoBound;
      at = group->content_end + 1;
    } else if (c == '[') {
      at = ClassEnd(pattern, at, end);
      if (at == 0) return kNoBound;
      item = kCharacter;
    } else if (c == '.') {
      ++at;
      item = kCharacter;
    } else if (c == '^' || c == '$') {
      ++at;
    } else if (c == '\\' && at + 1 < end &&
               std::string_view("bBAz").find(pattern[at + 1]) != std::string_view::npos) {
      at += 2;
    } else if (c == '\\' && at + 1 < end &&
               std::string_view("dDwWsS").find(pattern[at + 1]) != std::string_view::npos) {
      at += 2;
      item = kCharacter;
    } else if (c == '\\' && at + 1 < end && (pattern[at + 1] == 'p' || pattern[at + 1] == 'P')) {
      if (at + 2 < end && pattern[at + 2] == '{') {
        const size_t close = pattern.find('}', at + 2);
        if (close == std::string_view::npos || close >= end) return kNoBound;
        at = close + 1;
      } else {
        at += 3;
      }
      item = kCharacter;
    } else {
      std::string character;
      if (!ReadLiteral(pattern, &at, &character)) return kNoBound;
      item = character.size();
    }
    const std::optional<Quantifier> q = ReadQuantifier(pattern, &at, end);
    if (!q || q->max < 0) return kNoBound;
    sum += item * static_cast<size_t>(q->max);
  }
  return std::max(longest, sum);
}

// Reads a pattern's text as pieces. Anything it does not know ends the reading.
class PieceReader {
 public:
  explicit PieceReader(std::string_view pattern) : pattern_(pattern) {}

  int groups() const { return groups_; }

  // The pieces of pattern_[begin, end); false when it is not a sequence of known pieces.
  bool ReadSequence(size_t begin, size_t end, std::vector<PatternPiece>* pieces) {
    size_t at = begin;
    while (at < end) {
      PatternPiece piece;
      piece.begin = at;
      if (!ReadPiece(&at, end, &piece)) return false;
      pieces->push_back(std::move(piece));
    }
    return true;
  }

 private:
  // Literal words separated by top-level `|` in pattern_[begin, end), or nullopt.
  std::optional<std::vector<std::string>> ReadWords(size_t begin, size_t end) const {
    std::vector<std::string> words(1);
    std::string character;
    for (size_t at = begin; at < end;) {
      if (pattern_[at] == '|') {
        words.emplace_back();
        ++at;
        continue;
      }
      if (!ReadLiteral(pattern_, &at, &character)) return std::nullopt;
      if (at < end && (pattern_[at] == '?' || pattern_[at] == '*' || pattern_[at] == '+' ||
                       pattern_[at] == '{')) {
        return std::nullopt;
      }
      words.back() += character;
    }
    return words;
  }

  // Whether pattern_[begin, end) opens no capture group and changes no flag.
  bool CaptureFree(size_t begin, size_t end) const {
    const std::optional<size_t> capture = FindSyntax(pattern_, begin, end, [&](size_t i) {
      return pattern_[i] == '(' && pattern_.substr(i, 3) != "(?:";
    });
    return capture && *capture == std::string_view::npos;
  }

  // A repeated item (class, escape, dot, one character) and its quantifier.
  static void MakeRepeat(std::string_view item, const Quantifier& q, PatternPiece* piece) {
    piece->kind = Kind::kRepeat;
    piece->item = std::string(item);
    piece->min = q.min;
    piece->max = q.max;
    piece->lazy = q.lazy;
  }

  bool ReadPiece(size_t* at, size_t end, PatternPiece* piece) {
    const size_t start = *at;
    const char c = pattern_[start];
    if (c == '(') {
      const std::optional<Group> group = ReadGroup(pattern_, start, end);
      if (!group) return false;  // unclosed, flags, lookaround
      const size_t content = group->content, content_end = group->content_end;
      const bool captured = group->captured;
      *at = content_end + 1;
      const std::optional<Quantifier> q = ReadQuantifier(pattern_, at, end);
      if (!q) return false;
      if (captured) {
        if (q->present || !CaptureFree(content, content_end)) return false;
        piece->group = ++groups_;
      }
      if (q->present) {
        // (?:词|语)? is one of its words or none; anything else repeated is some other piece.
        const auto words = ReadWords(content, content_end);
        if (words && q->min == 0 && q->max == 1) {
          piece->kind = Kind::kWords;
          piece->words = std::move(*words);
          piece->words.insert(q->lazy ? piece->words.begin() : piece->words.end(), "");
          return true;
        }
        piece->kind = Kind::kOther;
        piece->max_bytes = BoundedBytes(pattern_, start, *at);
        return CaptureFree(content, content_end);
      }
      // (?:投入|资金): one of its words.
      if (auto words = ReadWords(content, content_end); words && words->size() > 1) {
        piece->kind = Kind::kWords;
        piece->words = std::move(*words);
        return true;
      }
      // A group around one known piece is that piece (`(?:(?:共计|累计)?)`, `(?P<crop>[…]{2,4}?)`).
      std::vector<PatternPiece> inner;
      const int groups_before = groups_;
      if (ReadSequence(content, content_end, &inner) && inner.size() == 1 &&
          inner[0].kind != Kind::kOther && groups_ == groups_before) {
        const int group = piece->group;
        *piece = std::move(inner[0]);
        piece->group = group;
        piece->begin = start;
        return true;
      }
      groups_ = groups_before;
      piece->kind = Kind::kOther;
      piece->max_bytes = BoundedBytes(pattern_, start, *at);
      return CaptureFree(content, content_end);
    }
    size_t item_end = start;
    std::string character;
    if (c == '[') {
      item_end = ClassEnd(pattern_, start, end);
      if (item_end == 0) return false;
    } else if (c == '.') {
      item_end = start + 1;
    } else if (c == '\\' && start + 1 < end &&
               std::string_view("dDwWsS").find(pattern_[start + 1]) != std::string_view::npos) {
      item_end = start + 2;
    } else if (c == '\\' && start + 1 < end &&
               (pattern_[start + 1] == 'p' || pattern_[start + 1] == 'P')) {
      if (start + 2 < end && pattern_[start + 2] == '{') {
        const size_t close = pattern_.find('}', start + 2);
        if (close == std::string_view::npos || close >= end) return false;
        item_end = close + 1;
      } else {
        item_end = start + 3;
      }
    } else if (ReadLiteral(pattern_, &item_end, &character)) {
      // A run of literal characters, up to one that a quantifier follows.
      size_t next = item_end;
      if (next >= end || std::string_view("?*+{").find(pattern_[next]) == std::string_view::npos) {
        piece->kind = Kind::kWords;
        piece->words = {character};
        while (next < end && ReadLiteral(pattern_, &next, &character) &&
               (next >= end ||
                std::string_view("?*+{").find(pattern_[next]) == std::string_view::npos)) {
          piece->words[0] += character;
          item_end = next;
        }
        *at = item_end;
        return true;
      }
    } else {
      return false;  // an anchor, an assertion, a back reference…
    }
    *at = item_end;
    const std::optional<Quantifier> q = ReadQuantifier(pattern_, at, end);
    if (!q) return false;
    if (!character.empty() && q->min == 0 && q->max == 1) {
      piece->kind = Kind::kWords;  // 性? is 性 or nothing
      piece->words = {character};
      piece->words.insert(q->lazy ? piece->words.begin() : piece->words.end(), "");
      return true;
    }
    MakeRepeat(pattern_.substr(start, item_end - start), *q, piece);
    return true;
  }

  std::string_view pattern_;
  int groups_ = 0;
};

// The characters the matches of a pattern (or of part of one) start with, and whether it may match
// the empty string, read off its text; or, with `every`, all the characters they may hold.
// Reads literals, classes of literal characters and ranges, \d, groups, alternatives and
// quantifiers; anything else (a dot, \p{…}, \s, a negated class, a flag, an assertion), or more
// than `limit` characters, ends the reading.
class FirstCharacterReader {
 public:
  FirstCharacterReader(std::string_view pattern, size_t limit, bool every = false)
      : pattern_(pattern), limit_(limit), every_(every) {}

  struct Firsts {
    std::vector<uint32_t> characters;  // possibly repeated until Add or the end sorts them
    bool may_be_empty = false;
  };

  // Alternatives separated by top-level `|` in pattern_[begin, end).
  bool ReadAlternatives(size_t begin, size_t end, Firsts* out) {
    int depth = 0;
    size_t from = begin;
    for (;;) {
      const std::optional<size_t> bar = FindSyntax(pattern_, from, end, [&](size_t i) {
        if (pattern_[i] == '(') ++depth;
        if (pattern_[i] == ')') --depth;
        return depth == 0 && pattern_[i] == '|';
      });
      if (!bar) return false;
      const size_t stop = *bar == std::string_view::npos ? end : *bar;
      Firsts alternative;
      if (!ReadSequence(from, stop, &alternative) || !Add(alternative.characters, out)) {
        return false;
      }
      out->may_be_empty = out->may_be_empty || alternative.may_be_empty;
      if (stop == end) return true;
      from = stop + 1;
    }
  }

 private:
  bool Add(const std::vector<uint32_t>& characters, Firsts* out) const {
    out->characters.insert(out->characters.end(), characters.begin(), characters.end());
    return Within(out);
  }

  // Whether `out` holds at most limit_ distinct characters.
  bool Within(Firsts* out) const {
    if (out->characters.size() <= limit_) return true;
    std::sort(out->characters.begin(), out->characters.end());
    out->characters.erase(std::unique(out->characters.begin(), out->characters.end()),
                          out->characters.end());
    return out->characters.size() <= limit_;
  }

  // Items one after another: the first characters of each up to the first that cannot be empty.
  // What follows that one cannot start a match, so it is not read.
  bool ReadSequence(size_t begin, size_t end, Firsts* out) {
    out->may_be_empty = true;
    for (size_t at = begin; at < end && (every_ || out->may_be_empty);) {
      Firsts item;
      if (!ReadItem(&at, end, &item) || !Add(item.characters, out)) return false;
      out->may_be_empty = out->may_be_empty && item.may_be_empty;
    }
    return true;
  }

  // One item and its quantifier, advancing `*at` past both.
  bool ReadItem(size_t* at, size_t end, Firsts* out) {
    const size_t start = *at;
    const char c = pattern_[start];
    if (c == '(') {
      const std::optional<Group> group = ReadGroup(pattern_, start, end);
      if (!group || !ReadAlternatives(group->content, group->content_end, out)) {
        return false;  // unclosed, flags, lookaround, or what the reading does not know inside
      }
      *at = group->content_end + 1;
    } else if (c == '[') {
      const size_t close = ClassEnd(pattern_, start, end);
      if (close == 0 || !ReadClass(start + 1, close - 1, out)) return false;
      *at = close;
    } else if (c == '\\' && start + 1 < end && pattern_[start + 1] == 'd') {
      for (uint32_t digit = '0'; digit <= '9'; ++digit) out->characters.push_back(digit);
      *at = start + 2;
    } else {
      std::string character;
      if (!ReadLiteral(pattern_, at, &character) || *at > end) return false;
      size_t length = 0;
      out->characters.push_back(source::DecodeUtf8At(character, 0, &length));
    }
    if (!Within(out)) return false;
    // Of the quantifier only whether it allows none matters.
    const std::optional<Quantifier> q = ReadQuantifier(pattern_, at, end);
    if (!q) return false;
    out->may_be_empty = out->may_be_empty || q->min == 0;
    return true;
  }

  // The members of a class pattern_[begin, end) (inside its brackets): characters, ranges, \d.
  bool ReadClass(size_t begin, size_t end, Firsts* out) const {
    if (begin < end && pattern_[begin] == '^') return false;
    uint32_t previous = 0;
    bool range_open = false;
    for (size_t at = begin; at < end;) {
      uint32_t character = 0;
      if (pattern_.substr(at, 2) == "\\d") {
        if (range_open) return false;
        for (uint32_t digit = '0'; digit <= '9'; ++digit) out->characters.push_back(digit);
        at += 2;
        continue;
      }
      if (pattern_[at] == '-' && at > begin && at + 1 < end && !range_open) {
        range_open = true;
        ++at;
        continue;
      }
      if (pattern_[at] == '\\') {
        std::string escaped;
        if (!ReadLiteral(pattern_, &at, &escaped)) return false;
        character = static_cast<unsigned char>(escaped[0]);
      } else if (pattern_[at] == '[') {
        return false;  // [:alpha:]
      } else {
        size_t length = 0;
        character = source::DecodeUtf8At(pattern_, at, &length);
        at += length;
      }
      if (range_open) {
        if (character < previous || character - previous > limit_) return false;
        for (uint32_t member = previous; member <= character; ++member) {
          out->characters.push_back(member);
        }
        range_open = false;
      } else {
        out->characters.push_back(character);
      }
      if (!Within(out)) return false;
      previous = character;
    }
    return !range_open;
  }

  std::string_view pattern_;
  size_t limit_;
  bool every_;
};

std::vector<uint32_t> Sorted(std::vector<uint32_t> characters) {
  std::sort(characters.begin(), characters.end());
  characters.erase(std::unique(characters.begin(), characters.end()), characters.end());
  return characters;
}

}  // namespace

std::optional<std::vector<uint32_t>> FirstCharactersOf(std::string_view pattern, size_t limit) {
  FirstCharacterReader reader(pattern, limit);
  FirstCharacterReader::Firsts firsts;
  if (!reader.ReadAlternatives(0, pattern.size(), &firsts) || firsts.may_be_empty) {
    return std::nullopt;
  }
  return Sorted(std::move(firsts.characters));
}

std::optional<std::vector<uint32_t>> CharactersBefore(const PatternPieces& pieces, size_t piece,
                                                      std::string_view pattern, size_t limit) {
  if (piece >= pieces.pieces.size()) return std::nullopt;
  FirstCharacterReader reader(pattern, limit, /*every=*/true);
  FirstCharacterReader::Firsts characters;
  if (!reader.ReadAlternatives(0, pieces.pieces[piece].begin, &characters)) return std::nullopt;
  return Sorted(std::move(characters.characters));
}

// `pattern` with every capture group made a plain group: the same matches, and the same text
// for rests that differ only in their groups' names.
std::string WithoutCaptures(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (size_t copied = 0;;) {
    const std::optional<size_t> open = FindSyntax(pattern, copied, pattern.size(), [&](size_t i) {
      return pattern[i] == '(' && (pattern.substr(i, 4) == "(?P<" || pattern.substr(i, 2) != "(?");
    });
    if (!open) return std::string(pattern);  // a class that does not close: RE2 refused it
    if (*open == std::string_view::npos) return out.append(pattern.substr(copied));
    out.append(pattern.substr(copied, *open - copied));
    out += "(?:";
    copied = *open + 1;
    if (copied < pattern.size() && pattern[copied] == '?') {  // (?P<name>
      const size_t name_end = pattern.find('>', copied);
      if (name_end == std::string_view::npos) return std::string(pattern);
      copied = name_end + 1;
    }
  }
}

size_t PatternPiece::MaxBytes() const {
  switch (kind) {
    case Kind::kWords: {
      size_t longest = 0;
      for (const std::string& word : words) longest = std::max(longest, word.size());
      return longest;
    }
    case Kind::kRepeat:
      return max < 0 ? std::string_view::npos : static_cast<size_t>(max) * 4;
    case Kind::kOther:
      return max_bytes;
  }
  return std::string_view::npos;
}

size_t PatternPiece::MinBytes() const {
  switch (kind) {
    case Kind::kWords: {
      size_t shortest = std::string_view::npos;
      for (const std::string& word : words) shortest = std::min(shortest, word.size());
      return words.empty() ? 0 : shortest;
    }
    case Kind::kRepeat:
      return static_cast<size_t>(std::max(min, 0));  // a character is a byte at least
    case Kind::kOther:
      break;
  }
  return 0;
}

bool PiecesApply(const RE2::Options& options) {
  return options.case_sensitive() && !options.literal() && !options.posix_syntax() &&
         options.encoding() == RE2::Options::EncodingUTF8;
}

std::optional<RequiredWords> RequiredWordsOf(const PatternPieces& pieces, size_t min_bytes) {
  constexpr size_t kNoBound = std::string_view::npos;
  const auto add = [](size_t sum, size_t bytes) {
    return sum == kNoBound || bytes == kNoBound ? kNoBound : sum + bytes;
  };
  for (size_t i = 0; i < pieces.pieces.size(); ++i) {
    const PatternPiece& piece = pieces.pieces[i];
    const bool each_long_enough =
        std::all_of(piece.words.begin(), piece.words.end(),
                    [&](const std::string& word) { return word.size() >= min_bytes; });
    if (piece.kind != PatternPiece::Kind::kWords || !each_long_enough) continue;
    RequiredWords required;
    required.piece = i;
    required.words = piece.words;
    required.max_before = 0;
    for (size_t k = 0; k < i; ++k) {
      required.max_before = add(required.max_before, pieces.pieces[k].MaxBytes());
      required.min_before += pieces.pieces[k].MinBytes();
    }
    required.max_after = 0;
    for (size_t k = i + 1; k < pieces.pieces.size(); ++k) {
      required.max_after = add(required.max_after, pieces.pieces[k].MaxBytes());
    }
    return required;
  }
  return std::nullopt;
}

std::optional<RequiredCharacters> RequiredCharactersOf(const PatternPieces& pieces,
                                                       std::string_view pattern, size_t limit) {
  RequiredCharacters required;
  required.max_before = 0;
  for (size_t i = 0; i < pieces.pieces.size(); ++i) {
    const size_t begin = pieces.pieces[i].begin;
    const size_t end = i + 1 < pieces.pieces.size() ? pieces.pieces[i + 1].begin : pattern.size();
    if (std::optional<std::vector<uint32_t>> characters =
            FirstCharactersOf(pattern.substr(begin, end - begin), limit)) {
      required.characters = std::move(*characters);
      return required;
    }
    const size_t bytes = pieces.pieces[i].MaxBytes();
    if (bytes == std::string_view::npos) return std::nullopt;
    required.max_before += bytes;
  }
  return std::nullopt;
}

std::optional<PatternPieces> ReadPatternPieces(std::string_view pattern) {
  PieceReader reader(pattern);
  PatternPieces result;
  if (!reader.ReadSequence(0, pattern.size(), &result.pieces)) return std::nullopt;
  result.groups = reader.groups();
  return result;
}

}  // namespace glean::internal
