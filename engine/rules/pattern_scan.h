// Reading a pattern's text (RE2 syntax, or the rule language before expansion) without compiling
// it: where its groups, classes and escapes are, to point at a mistake or to tell what a pattern
// holds before RE2 sees it.
#ifndef GLEAN_ENGINE_RULES_PATTERN_SCAN_H_
#define GLEAN_ENGINE_RULES_PATTERN_SCAN_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace glean::rules {

// Calls `visit(offset, depth)` for every byte of `pattern` that is syntax: not escaped by a
// backslash and not inside a character class (`[…]`, where `]` first or after `^` is a member).
// `depth` is the number of groups open before the byte (a `)` sees the depth inside its group).
// Stops early when `visit` returns true, and returns that offset; npos when it never does.
template <typename Visit>
size_t FindSyntax(std::string_view pattern, Visit visit) {
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;
    } else {
      if (visit(i, depth)) return i;
      if (c == '(') ++depth;
      if (c == ')') --depth;
    }
  }
  return std::string_view::npos;
}

// Byte offset of the last '(' (or '[') in `pattern` that is never closed; 0 when none is found.
size_t UnclosedOpening(std::string_view pattern, char open);

// The names of a pattern's named groups, (?P<name>…) and (?<name>…), in order.
std::vector<std::string> NamedGroups(std::string_view pattern);

// Byte offset of the second capture named `name` in a rule's pattern as written ({name:type},
// (?P<name>…) or (?<name>…)); 0 when it is not there (it came from a def).
size_t SecondCapture(std::string_view pattern, const std::string& name);

// Byte offset of the first \C in a pattern, or npos: \C matches one byte of a character, and a
// match cut inside a character would be written out as invalid UTF-8.
size_t AnyByteEscape(std::string_view pattern);

// Where a place of a pattern lies among its alternations: for every group open around it,
// outermost first (the whole pattern is the group at npos), where the group opens and which of
// its branches holds the place.
using BranchPath = std::vector<std::pair<size_t, int>>;

// Calls `visit(name, path)` for every named group (?P<name>…) of `pattern`, in order, with the
// branches it lies in. One pass over the pattern however many groups it has: an expanded pattern
// may hold thousands.
void ForEachNamedGroup(std::string_view pattern,
                       const std::function<void(std::string_view, const BranchPath&)>& visit);

// Whether two places lie in different branches of one alternation (`(?:x(…)|y(…))`), so that no
// match takes part in both.
bool InExclusiveBranches(const BranchPath& a, const BranchPath& b);

// The offset just past the `)` that closes the group opening at `open` (a `(`); npos when it is
// never closed.
size_t GroupEnd(std::string_view pattern, size_t open);

// The offset of the `(` of capturing group `index` (1-based, in RE2's order); npos when none.
size_t CapturingGroupStart(std::string_view pattern, int index);

// Whether `pattern` has a `|` outside every group and class.
bool HasTopLevelAlternation(std::string_view pattern);

}  // namespace glean::rules

#endif  // GLEAN_ENGINE_RULES_PATTERN_SCAN_H_
