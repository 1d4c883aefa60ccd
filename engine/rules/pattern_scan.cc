#include "engine/rules/pattern_scan.h"

#include <algorithm>

namespace glean::rules {

size_t UnclosedOpening(std::string_view pattern, char open) {
  std::vector<size_t> parens;
  size_t bracket = std::string_view::npos;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (bracket != std::string_view::npos) {
      if (c == ']' && i > bracket + 1) bracket = std::string_view::npos;
    } else if (c == '[') {
      bracket = i;
    } else if (c == '(') {
      parens.push_back(i);
    } else if (c == ')' && !parens.empty()) {
      parens.pop_back();
    }
  }
  if (open == '[') return bracket == std::string_view::npos ? 0 : bracket;
  return parens.empty() ? 0 : parens.back();
}

std::vector<std::string> NamedGroups(std::string_view pattern) {
  std::vector<std::string> names;
  FindSyntax(pattern, [&](size_t i, int) {
    size_t open = std::string_view::npos;
    if (pattern.substr(i, 4) == "(?P<") open = i + 4;
    if (pattern.substr(i, 3) == "(?<") open = i + 3;
    const size_t close = open == std::string_view::npos ? open : pattern.find('>', open);
    if (close != std::string_view::npos) names.emplace_back(pattern.substr(open, close - open));
    return false;
  });
  return names;
}

size_t SecondCapture(std::string_view pattern, const std::string& name) {
  std::vector<size_t> at;
  for (const std::string& form : {"{" + name + ":", "(?P<" + name + ">", "(?<" + name + ">"}) {
    for (size_t found = pattern.find(form); found != std::string_view::npos;
         found = pattern.find(form, found + 1)) {
      at.push_back(found);
    }
  }
  std::sort(at.begin(), at.end());
  return at.size() >= 2 ? at[1] : 0;
}

size_t AnyByteEscape(std::string_view pattern) {
  for (size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] != '\\') continue;
    if (pattern[i + 1] == 'C') return i;
    ++i;
  }
  return std::string_view::npos;
}

namespace {
constexpr size_t kMaxGroupName = 256;
}  // namespace

void ForEachNamedGroup(std::string_view pattern,
                       const std::function<void(std::string_view, const BranchPath&)>& visit) {
  BranchPath open = {{std::string_view::npos, 0}};
  FindSyntax(pattern, [&](size_t i, int) {
    if (pattern[i] == '(') {
      if (pattern.substr(i, 4) == "(?P<") {
        // A group name is a word, so a '>' far off closes none: looking no further keeps a
        // pattern of many unclosed `(?P<` linear.
        const size_t close = pattern.substr(i + 4, kMaxGroupName + 1).find('>');
        if (close != std::string_view::npos) visit(pattern.substr(i + 4, close), open);
      }
      open.emplace_back(i, 0);
    }
    if (pattern[i] == ')' && open.size() > 1) open.pop_back();
    if (pattern[i] == '|') ++open.back().second;
    return false;
  });
}

bool InExclusiveBranches(const BranchPath& a, const BranchPath& b) {
  for (size_t k = 0; k < a.size() && k < b.size() && a[k].first == b[k].first; ++k) {
    if (a[k].second != b[k].second) return true;
  }
  return false;
}

size_t GroupEnd(std::string_view pattern, size_t open) {
  int open_depth = -1;
  const size_t close = FindSyntax(pattern, [&](size_t i, int depth) {
    if (i == open) open_depth = depth;
    return i > open && pattern[i] == ')' && depth == open_depth + 1;
  });
  return close == std::string_view::npos ? close : close + 1;
}

size_t CapturingGroupStart(std::string_view pattern, int index) {
  int seen = 0;
  return FindSyntax(pattern, [&](size_t i, int) {
    if (pattern[i] != '(') return false;
    const bool capturing = pattern.substr(i, 2) != "(?" || pattern.substr(i, 4) == "(?P<" ||
                           (pattern.substr(i, 3) == "(?<" && pattern.substr(i, 4) != "(?<=" &&
                            pattern.substr(i, 4) != "(?<!");
    return capturing && ++seen == index;
  });
}

bool HasTopLevelAlternation(std::string_view pattern) {
  return FindSyntax(pattern, [&](size_t i, int depth) {
           return pattern[i] == '|' && depth == 0;
         }) != std::string_view::npos;
}

}  // namespace glean::rules
