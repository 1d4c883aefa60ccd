#include "engine/rules/literal_pattern.h"

#include <algorithm>
#include <cctype>

#include "engine/source/utf8.h"

namespace glean::internal {
namespace {

// More strings than this and looking them up costs about what a call into RE2 does (the
// anchored ones and those inside are found by their first or last character; the rest are few).
constexpr size_t kMostStrings = 64;

// Whether `c` is a character RE2 reads as itself after a backslash: ASCII punctuation.
bool IsEscapedLiteral(char c) {
  return static_cast<unsigned char>(c) < 0x80 && std::ispunct(static_cast<unsigned char>(c));
}

// The strings of a regex made of literals, groups, alternation, `?` and classes of listed
// characters; nullopt for anything else or too many strings. Anchors are read by the caller.
class FiniteLanguage {
 public:
  explicit FiniteLanguage(std::string_view pattern) : pattern_(pattern) {}

  std::optional<std::vector<std::string>> ReadAll() {
    std::optional<std::vector<std::string>> strings = Alternation();
    if (!strings || at_ != pattern_.size()) return std::nullopt;
    return strings;
  }

 private:
  static bool Joins(std::vector<std::string>* into, const std::vector<std::string>& more) {
    into->insert(into->end(), more.begin(), more.end());
    return into->size() <= kMostStrings;
  }

  // alternation := sequence ('|' sequence)*
  std::optional<std::vector<std::string>> Alternation() {
    std::optional<std::vector<std::string>> strings = Sequence();
    if (!strings) return std::nullopt;
    while (at_ < pattern_.size() && pattern_[at_] == '|') {
      ++at_;
      std::optional<std::vector<std::string>> more = Sequence();
      if (!more || !Joins(&*strings, *more)) return std::nullopt;
    }
    return strings;
  }

  // sequence := (atom '?'?)*
  std::optional<std::vector<std::string>> Sequence() {
    std::vector<std::string> strings = {""};
    while (at_ < pattern_.size() && pattern_[at_] != '|' && pattern_[at_] != ')') {
      std::optional<std::vector<std::string>> atom = Atom();
      if (!atom) return std::nullopt;
      if (at_ < pattern_.size() && pattern_[at_] == '?') {
        ++at_;
        if (at_ < pattern_.size() && (pattern_[at_] == '?' || pattern_[at_] == '+')) {
          return std::nullopt;  // lazy or possessive: no other strings, but leave it to RE2
        }
        atom->push_back("");
      }
      std::vector<std::string> joined;
      for (const std::string& head : strings) {
        for (const std::string& tail : *atom) {
          joined.push_back(head + tail);
          if (joined.size() > kMostStrings) return std::nullopt;
        }
      }
      strings = std::move(joined);
    }
    return strings;
  }

  // atom := character | '(' ('?:')? alternation ')' | '[' characters ']'
  std::optional<std::vector<std::string>> Atom() {
    const char c = pattern_[at_];
    if (c == '(') {
      ++at_;
      if (pattern_.substr(at_, 2) == "?:") {
        at_ += 2;
      } else if (at_ < pattern_.size() && pattern_[at_] == '?') {
        return std::nullopt;  // a flag group or a named one
      }
      std::optional<std::vector<std::string>> inner = Alternation();
      if (!inner || at_ >= pattern_.size() || pattern_[at_] != ')') return std::nullopt;
      ++at_;
      return inner;
    }
    if (c == '[') {
      ++at_;
      std::vector<std::string> characters;
      while (at_ < pattern_.size() && pattern_[at_] != ']') {
        if (pattern_[at_] == '\\' && at_ + 1 < pattern_.size() &&
            IsEscapedLiteral(pattern_[at_ + 1])) {
          characters.emplace_back(1, pattern_[at_ + 1]);  // [\(（]
          at_ += 2;
          continue;
        }
        if (std::string_view("\\^-[").find(pattern_[at_]) != std::string_view::npos) {
          return std::nullopt;  // other escapes, negation, ranges and nested classes go to RE2
        }
        const size_t length = source::Utf8LengthOfLead(static_cast<unsigned char>(pattern_[at_]));
        if (at_ + length > pattern_.size()) return std::nullopt;
        characters.emplace_back(pattern_.substr(at_, length));
        at_ += length;
        if (characters.size() > kMostStrings) return std::nullopt;
      }
      if (at_ >= pattern_.size() || characters.empty()) return std::nullopt;
      ++at_;
      return characters;
    }
    if (c == '\\' && at_ + 1 < pattern_.size() && IsEscapedLiteral(pattern_[at_ + 1])) {
      at_ += 2;
      return std::vector<std::string>{std::string(1, pattern_[at_ - 1])};  // 村\(社区\)
    }
    if (std::string_view("\\.[](){}*+?|^$").find(c) != std::string_view::npos) {
      return std::nullopt;
    }
    const size_t length = source::Utf8LengthOfLead(static_cast<unsigned char>(c));
    if (at_ + length > pattern_.size()) return std::nullopt;
    std::vector<std::string> character = {std::string(pattern_.substr(at_, length))};
    at_ += length;
    return character;
  }

  std::string_view pattern_;
  size_t at_ = 0;
};

}  // namespace

std::optional<LiteralPattern> LiteralPattern::Read(std::string_view pattern,
                                                   const RE2::Options& options) {
  // Compared as strings only under the options RE2 compares them so with.
  if (!options.case_sensitive() || options.literal() || options.posix_syntax() ||
      options.never_nl() || options.encoding() != RE2::Options::EncodingUTF8) {
    return std::nullopt;
  }
  // The top-level alternatives, each with its own anchors; the rest of each is a finite language.
  LiteralPattern literal;
  size_t count = 0;
  int depth = 0;
  size_t from = 0;
  for (size_t at = 0; at <= pattern.size(); ++at) {
    if (at < pattern.size()) {
      const char c = pattern[at];
      if (c == '\\') {  // an escaped character is no bracket or bar; FiniteLanguage reads it
        if (at + 1 >= pattern.size()) return std::nullopt;
        ++at;
        continue;
      }
      if (c == '(') ++depth;
      if (c == ')') --depth;
      if (c != '|' || depth != 0) continue;
    }
    std::string_view text = pattern.substr(from, at - from);
    from = at + 1;
    const bool at_start = text.starts_with('^');
    if (at_start) text.remove_prefix(1);
    const bool at_end = text.ends_with('$') && !text.ends_with("\\$");
    if (at_end) text.remove_suffix(1);
    std::optional<std::vector<std::string>> strings = FiniteLanguage(text).ReadAll();
    if (!strings) return std::nullopt;
    if (count + strings->size() > kMostStrings) return std::nullopt;
    count += strings->size();
    for (std::string& string : *strings) literal.Add({std::move(string), at_start, at_end});
  }
  std::sort(literal.inside_.begin(), literal.inside_.end());
  std::sort(literal.starting_.begin(), literal.starting_.end(), ByKey);
  std::sort(literal.ending_.begin(), literal.ending_.end(), ByKey);
  return literal;
}

uint32_t LiteralPattern::KeyAt(std::string_view text, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(text[at])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(text[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(text[at + 2]));
}

bool LiteralPattern::ByKey(const std::pair<uint32_t, Alternative>& a,
                           const std::pair<uint32_t, Alternative>& b) {
  return a.first < b.first;
}

void LiteralPattern::Add(Alternative alternative) {
  if ((alternative.at_start || alternative.at_end) && alternative.text.size() < 3) {
    short_anchored_.push_back(std::move(alternative));
  } else if (alternative.at_start) {
    const uint32_t key = KeyAt(alternative.text, 0);
    starting_.emplace_back(key, std::move(alternative));
  } else if (alternative.at_end) {
    const uint32_t key = KeyAt(alternative.text, alternative.text.size() - 3);
    ending_.emplace_back(key, std::move(alternative));
  } else if (alternative.text.size() < 3) {
    short_inside_.push_back(std::move(alternative.text));
  } else {
    const uint32_t key = KeyAt(alternative.text, 0);
    inside_keys_ |= KeyBit(key);
    inside_.emplace_back(key, std::move(alternative.text));
  }
}

bool LiteralPattern::MatchesSomewhere(std::string_view text) const {
  const auto holds = [&](const Alternative& literal) {
    return literal.at_start && literal.at_end ? text == literal.text
           : literal.at_start                 ? text.starts_with(literal.text)
                                              : text.ends_with(literal.text);
  };
  for (const Alternative& literal : short_anchored_) {
    if (holds(literal)) return true;
  }
  // An anchored string of three bytes or more shares the text's first (or last) three.
  const auto any_by_key = [&](const std::vector<std::pair<uint32_t, Alternative>>& anchored,
                              uint32_t key) {
    for (auto it = std::lower_bound(anchored.begin(), anchored.end(), key,
                                    [](const std::pair<uint32_t, Alternative>&entry,
                                       uint32_t wanted) { return entry.first < wanted; });
         it != anchored.end() && it->first == key; ++it) {
      if (holds(it->second)) return true;
    }
    return false;
  };
  if (text.size() >= 3 &&
      ((!starting_.empty() && any_by_key(starting_, KeyAt(text, 0))) ||
       (!ending_.empty() && any_by_key(ending_, KeyAt(text, text.size() - 3))))) {
    return true;
  }
  for (const std::string& literal : short_inside_) {
    if (text.find(literal) != std::string_view::npos) return true;
  }
  if (inside_.empty()) return false;
  for (size_t at = 0; at + 3 <= text.size(); ++at) {
    const uint32_t key = KeyAt(text, at);
    if ((inside_keys_ & KeyBit(key)) == 0) continue;
    for (auto it = std::lower_bound(inside_.begin(), inside_.end(),
                                    std::pair<uint32_t, std::string>(key, std::string()));
         it != inside_.end() && it->first == key; ++it) {
      if (text.substr(at).starts_with(it->second)) return true;
    }
  }
  return false;
}

}  // namespace glean::internal
