// The fields of a pattern rule: which capture groups become fields, of which type and unit, and
// the mistakes that would make a field never hold a value.
#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "engine/rules/pattern_scan.h"
#include "engine/rules/rule_loader.h"

namespace glean::rules {

namespace {

// Words no number, amount or date reads: a group of a numeric type that matches one of them
// whole is a text group by mistake, and its matches are dropped when they do not parse.
constexpr std::string_view kPlainWords[] = {"加强", "工作", "建设完成", "群众"};

// Figures without their last character, which the checks below append: what a slot must be able
// to stop before.
constexpr std::string_view kFigureStems[] = {"100", "100万", "3.5", "2023年12月10", "12月10"};

// The character after the group closing at `end`, when it is a literal not made optional or
// repeated; empty otherwise.
std::string_view LiteralAfter(std::string_view pattern, size_t end) {
  if (end >= pattern.size()) return {};
  constexpr std::string_view kMeta = "\\.[](){}*+?|^$";
  if (kMeta.find(pattern[end]) != std::string_view::npos) return {};
  size_t length = 1;
  while (end + length < pattern.size() &&
         (static_cast<unsigned char>(pattern[end + length]) & 0xC0) == 0x80) {
    ++length;
  }
  const size_t next = end + length;
  if (next < pattern.size() &&
      std::string_view("?*{+").find(pattern[next]) != std::string_view::npos) {
    return {};
  }
  return pattern.substr(end, length);
}

bool FullMatches(const RE2& re, std::string_view text) {
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), re);
}

}  // namespace

void Loader::CheckFieldsCanHoldValues(const RuleSpec& spec, const Expansion& expansion,
                                      const internal::CompiledRule& rule) {
  const std::string& id = spec.id.text;
  RE2::Options options;
  options.set_log_errors(false);
  for (const internal::FieldSpec& field : rule.fields) {
    if (field.type == SlotType::kText) continue;
    const std::string& pattern = expansion.pattern;
    const size_t open = CapturingGroupStart(pattern, field.group);
    const size_t end = open == std::string::npos ? open : GroupEnd(pattern, open);
    if (end == std::string::npos) continue;
    // The slot whose group this is (by group name: a slot name given again has a group of its own).
    const auto slot =
        std::find_if(expansion.slots.begin(), expansion.slots.end(), [&](const Slot& s) {
          return pattern.compare(open, s.group.size() + 5, "(?P<" + s.group + ">") == 0;
        });
    const bool is_slot = slot != expansion.slots.end();
    if (!is_slot) {
      RE2 group(pattern.substr(open, end - open), options);
      if (!group.ok()) continue;
      const auto word = std::find_if(std::begin(kPlainWords), std::end(kPlainWords),
                                     [&](std::string_view w) { return FullMatches(group, w); });
      if (word != std::end(kPlainWords)) {
        // The group in the pattern as written: its number there is the same when no slot or
        // def (which may hold groups) comes in; else the pattern's start.
        const size_t written = expansion.slots.empty() && expansion.defs_used.empty()
                                   ? CapturingGroupStart(spec.pattern.text, field.group)
                                   : std::string::npos;
        Warning("group-type",
                PatternLocation(spec.pattern, written == std::string::npos ? 0 : written),
                fmt::format("the group of field '{}' is a {}{}, but it takes words such as '{}', "
                            "which no {} reads, so those matches are dropped; if it captures "
                            "text, say so: fields: {{{}: {{type: text}}}}",
                            field.name, SlotTypeName(field.type),
                            spec.fields.empty() ? " by default" : "", *word,
                            SlotTypeName(field.type), field.name),
                id);
      }
      continue;
    }
    // A slot followed by the character its type ends with (元 for money, % for percent, 日 for a
    // date) cannot stop before it, so the pattern needs the character twice and never matches.
    const std::string_view next = LiteralAfter(pattern, end);
    if (next.empty()) continue;
    // Every slot of a type has the same pattern in a rule set, so the answer is asked once per
    // type and character: compiling the slot's pattern for each rule would double a load's time.
    auto [cached, inserted] =
        slot_swallows_.emplace(std::make_pair(slot->type, std::string(next)), false);
    if (inserted) {
      const std::string body(pattern.substr(open, end - open));
      RE2 group(body, options), followed(body + RE2::QuoteMeta(next), options);
      cached->second =
          std::any_of(std::begin(kFigureStems), std::end(kFigureStems), [&](std::string_view stem) {
            const std::string figure = std::string(stem) + std::string(next);
            return FullMatches(group, figure) && !FullMatches(followed, figure);
          });
    }
    if (cached->second) {
      Error("slot-followed", PatternLocation(spec.pattern, slot->offset),
            fmt::format("a {} slot takes the '{}' after it itself, so '{{{}:{}}}{}' needs '{}' "
                        "twice and never matches; drop the '{}' after the slot",
                        SlotTypeName(slot->type), next, slot->name, SlotTypeName(slot->type), next,
                        next, next),
            id);
    }
  }
}

bool Loader::CheckRepeatedSlots(const Located& pattern, const Expansion& expansion,
                                const std::string& rule_id) {
  // Slots by RE2 group name, and the first slot of each name (its group is the name itself).
  std::unordered_map<std::string_view, const Slot*> by_group;
  std::unordered_map<std::string_view, const Slot*> first_of;
  for (const Slot& slot : expansion.slots) {
    by_group.emplace(slot.group, &slot);
    first_of.emplace(slot.name, &slot);
  }
  // Which slots used again share a match with their first: one pass over the expanded pattern,
  // which a def used many times makes long.
  std::unordered_map<std::string_view, BranchPath> first_path;  // by slot name
  std::unordered_set<const Slot*> captured_twice;
  ForEachNamedGroup(expansion.pattern, [&](std::string_view group, const BranchPath& path) {
    const auto slot_at = by_group.find(group);
    if (slot_at == by_group.end()) return;
    const Slot* slot = slot_at->second;
    if (slot->group == slot->name) {
      first_path.emplace(slot->name, path);
      return;
    }
    const auto first_at = first_path.find(slot->name);
    if (first_at != first_path.end() && !InExclusiveBranches(first_at->second, path)) {
      captured_twice.insert(slot);
    }
  });
  bool ok = true;
  // A def used many times repeats its slots at one place of the rule: one message a place.
  std::set<std::pair<size_t, bool>> reported;
  for (const Slot& slot : expansion.slots) {
    if (slot.group == slot.name) continue;
    const Slot& first = *first_of.at(slot.name);
    const bool other_type = slot.type != first.type;
    if (!other_type && !captured_twice.count(&slot)) continue;
    ok = false;
    if (!reported.emplace(slot.offset, other_type).second) continue;
    if (other_type) {
      Error("duplicate-field", PatternLocation(pattern, slot.offset),
            fmt::format("slot '{}' has the type {} here but {} before; one field has one type",
                        slot.name, SlotTypeName(slot.type), SlotTypeName(first.type)),
            rule_id);
    } else {
      Error("duplicate-field", PatternLocation(pattern, slot.offset),
            fmt::format("field '{}' is captured twice; a slot name may be given again only in "
                        "another branch of an alternation, as in (?:{{{}:{}}}户|{{{}:{}}}人)",
                        slot.name, slot.name, SlotTypeName(slot.type), slot.name,
                        SlotTypeName(slot.type)),
            rule_id);
    }
  }
  return ok;
}

bool Loader::BuildFields(const RuleSpec& spec, const Expansion& expansion, const RE2& shape,
                         const normalize::Normalizer& normalizer, internal::CompiledRule* rule) {
  const std::string& id = spec.id.text;
  // Fields: slots and named groups in group order; one unnamed group alone is `value`.
  std::map<std::string, const Slot*> slots;  // by group name
  for (const Slot& slot : expansion.slots) slots[slot.group] = &slot;
  std::map<std::string, const FieldSpecYaml*> refinements;
  for (const FieldSpecYaml& field : spec.fields) refinements[field.name] = &field;
  std::vector<std::pair<int, std::string>> groups;
  for (const auto& [name, index] : shape.NamedCapturingGroups()) {
    groups.emplace_back(index, name);
  }
  if (groups.empty() && shape.NumberOfCapturingGroups() == 1) {
    groups.emplace_back(1, "value");
  }
  std::sort(groups.begin(), groups.end());
  std::set<std::string> refined;
  for (const auto& [index, group] : groups) {
    internal::FieldSpec field;
    const auto slot = slots.find(group);
    field.name = slot != slots.end() ? slot->second->name : group;
    field.group = index;
    field.type = slot != slots.end() ? slot->second->type : SlotType::kNumber;
    if (auto it = refinements.find(field.name); it != refinements.end()) {
      if (it->second->type) field.type = *it->second->type;
      field.units = CheckedUnits(it->second->units, false, normalizer, id);
      refined.insert(field.name);
    }
    rule->fields.push_back(std::move(field));
  }
  bool ok = true;
  for (const auto& [name, field] : refinements) {
    if (refined.count(name)) continue;
    std::vector<std::string> names;
    for (const internal::FieldSpec& f : rule->fields) names.push_back(f.name);
    const std::string hint = ClosestMatch(name, names);
    Error("field-no-capture", spec.file->At(field->mark),
          fmt::format("field '{}' has no capture in the pattern{}", name,
                      hint.empty() ? " (name it with {" + name + ":type} or (?P<" + name + ">…))"
                                   : fmt::format(" (did you mean '{}'?)", hint)),
          id);
    ok = false;
  }
  return ok;
}

}  // namespace glean::rules
