#include "engine/rules/pattern_expander.h"

#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace glean::rules {

namespace {

bool IsIdentifierStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsIdentifierChar(char c) { return IsIdentifierStart(c) || (c >= '0' && c <= '9'); }

// If `pattern[at]` opens `{identifier}` or `{identifier:identifier}`, its length; else 0.
size_t ReferenceLength(std::string_view pattern, size_t at, std::string_view* name,
                       std::string_view* type) {
  size_t i = at + 1;
  if (i >= pattern.size() || !IsIdentifierStart(pattern[i])) return 0;
  const size_t name_begin = i;
  while (i < pattern.size() && (IsIdentifierChar(pattern[i]) || pattern[i] == '.')) ++i;
  *name = pattern.substr(name_begin, i - name_begin);
  *type = {};
  if (i < pattern.size() && pattern[i] == ':') {
    const size_t type_begin = ++i;
    while (i < pattern.size() && IsIdentifierChar(pattern[i])) ++i;
    *type = pattern.substr(type_begin, i - type_begin);
    if (type->empty()) return 0;
  }
  if (i >= pattern.size() || pattern[i] != '}') return 0;
  return i + 1 - at;
}

std::vector<std::string> SlotTypeNames() {
  return {"int", "number", "quantity", "money", "percent", "date", "year", "text"};
}

// The mistakes reported, by code, reference and offset. A mistake inside a def is met once per use
// of the def, every time at the offset of the same reference in the pattern: a tree of defs each
// using the next twice met one 65,536 times in a 33-line file, and took half a second to report.
using Reported = std::set<std::tuple<std::string_view, std::string_view, size_t>>;

void Expand(std::string_view pattern, const std::map<std::string, std::string>& defs,
            const ExpandOptions& options, std::vector<std::string>* stack, Reported* reported,
            Expansion* out, size_t error_offset_base, bool top) {
  bool in_class = false;
  for (size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      // \p{Han}, \P{Greek} and \x{4E00} carry braces that are not defs.
      size_t length = 2;
      const char kind = pattern[i + 1];
      if ((kind == 'p' || kind == 'P' || kind == 'x') && i + 2 < pattern.size() &&
          pattern[i + 2] == '{') {
        const size_t close = pattern.find('}', i + 3);
        length = close == std::string_view::npos ? pattern.size() - i : close + 1 - i;
      }
      out->pattern.append(pattern, i, length);
      i += length;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out->pattern += c;
      ++i;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out->pattern += c;
      ++i;
      // A ']' right after '[' or '[^' is a literal member.
      if (i < pattern.size() && pattern[i] == '^') out->pattern += pattern[i++];
      if (i < pattern.size() && pattern[i] == ']') out->pattern += pattern[i++];
      continue;
    }
    std::string_view name, type;
    const size_t length = c == '{' ? ReferenceLength(pattern, i, &name, &type) : 0;
    if (length == 0) {
      out->pattern += c;
      ++i;
      continue;
    }
    const size_t offset = top ? i : error_offset_base;
    const auto first_report = [&](std::string_view code) {
      return reported->emplace(code, pattern.substr(i, length), offset).second;
    };
    if (!type.empty()) {
      SlotType slot_type;
      if (!options.allow_slots) {
        if (first_report("slot-in-def")) {
          out->errors.push_back(
              {"slot-in-def",
               top ? fmt::format("typed slot '{{{}:{}}}' is not allowed here; slots belong in a "
                                 "rule's pattern",
                                 name, type)
                   : fmt::format("def '{}' holds the typed slot '{{{}:{}}}', which is not allowed "
                                 "here; use it in a rule's pattern, or use a def without slots",
                                 stack->front(), name, type),
               offset});
        }
      } else if (!ParseSlotType(type, &slot_type)) {
        if (first_report("unknown-slot-type")) {
          std::string hint = ClosestMatch(type, SlotTypeNames());
          out->errors.push_back(
              {"unknown-slot-type",
               fmt::format("unknown slot type '{}'{}", type,
                           hint.empty() ? " (types: int, number, quantity, money, percent, date, "
                                          "year, text)"
                                        : fmt::format(" (did you mean '{}'?)", hint)),
               offset});
        }
      } else if (name.find('.') != std::string_view::npos ||
                 name.find(kRepeatedSlot) != std::string_view::npos) {
        if (first_report("slot-name")) {
          out->errors.push_back(
              {"slot-name",
               fmt::format("slot name '{}' may hold only letters, digits and single _s", name),
               offset});
        }
      } else {
        // A name given again (in another branch of an alternation) gets a group name of its own,
        // since RE2 allows a name once; the loader makes both one field.
        const auto uses = std::count_if(out->slots.begin(), out->slots.end(),
                                        [&](const Slot& slot) { return slot.name == name; });
        Slot slot{
            std::string(name), slot_type,
            uses == 0 ? std::string(name) : fmt::format("{}{}{}", name, kRepeatedSlot, uses + 1),
            offset};
        out->pattern +=
            fmt::format("(?P<{}>{})", slot.group,
                        slot_type == SlotType::kQuantity && !options.quantity_pattern.empty()
                            ? options.quantity_pattern
                            : std::string_view(SlotPattern(slot_type)));
        out->slots.push_back(std::move(slot));
      }
      i += length;
      continue;
    }
    auto def = defs.find(std::string(name));
    if (def == defs.end()) {
      if (first_report("unknown-def")) {
        std::vector<std::string> names;
        for (const auto& [key, value] : defs) names.push_back(key);
        std::string hint = ClosestMatch(name, names);
        out->errors.push_back(
            {"unknown-def",
             fmt::format("unknown def '{}'{}", name,
                         hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)),
             offset});
      }
      i += length;
      continue;
    }
    if (std::find(stack->begin(), stack->end(), def->first) != stack->end()) {
      if (first_report("def-cycle")) {
        std::string chain;
        for (const std::string& link : *stack) chain += link + " → ";
        out->errors.push_back(
            {"def-cycle",
             fmt::format("def '{}' refers to itself ({}{})", def->first, chain, def->first),
             offset});
      }
      i += length;
      continue;
    }
    out->defs_used.insert(def->first);
    stack->push_back(def->first);
    out->pattern += "(?:";
    Expand(def->second, defs, options, stack, reported, out, offset, false);
    out->pattern += ")";
    stack->pop_back();
    i += length;
    if (out->pattern.size() > kMaxExpandedPatternBytes) {
      if (top) {
        out->errors.push_back(
            {"pattern-too-large",
             fmt::format("def '{}' makes the pattern longer than {} KB once expanded (defs that "
                         "use other defs several times multiply); use fewer nested repetitions",
                         def->first, kMaxExpandedPatternBytes >> 10),
             offset});
        out->pattern.clear();
      }
      return;
    }
  }
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

Expansion ExpandPattern(std::string_view pattern, const std::map<std::string, std::string>& defs,
                        const ExpandOptions& options) {
  Expansion out;
  std::vector<std::string> stack;
  Reported reported;
  Expand(pattern, defs, options, &stack, &reported, &out, 0, true);
  return out;
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(1, std::min<size_t>(3, word.size() / 3 + 1)) + 1;
  for (const std::string& candidate : candidates) {
    const size_t distance = EditDistance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace glean::rules
