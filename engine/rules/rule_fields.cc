// The fields of a pattern rule: which capture groups become fields, of which type and unit, and
// the mistakes that would make a field never hold a value.
#include <algorithm>

#include <fmt/format.h>

#include "engine/rules/pattern_scan.h"
#include "engine/rules/rule_loader.h"

namespace glean::rules {

bool Loader::CheckRepeatedSlots(const Located& pattern, const Expansion& expansion,
                                const std::string& rule_id) {
  bool ok = true;
  for (const Slot& slot : expansion.slots) {
    if (slot.group == slot.name) continue;
    const Slot& first = *std::find_if(expansion.slots.begin(), expansion.slots.end(),
                                      [&](const Slot& s) { return s.name == slot.name; });
    if (slot.type != first.type) {
      Error("duplicate-field", PatternLocation(pattern, slot.offset),
            fmt::format("slot '{}' has the type {} here but {} before; one field has one type",
                        slot.name, SlotTypeName(slot.type), SlotTypeName(first.type)),
            rule_id);
      ok = false;
      continue;
    }
    const size_t first_at = expansion.pattern.find("(?P<" + first.group + ">");
    const size_t again_at = expansion.pattern.find("(?P<" + slot.group + ">");
    if (!InExclusiveBranches(expansion.pattern, first_at, again_at)) {
      Error("duplicate-field", PatternLocation(pattern, slot.offset),
            fmt::format("field '{}' is captured twice; a slot name may be given again only in "
                        "another branch of an alternation, as in (?:{{{}:{}}}户|{{{}:{}}}人)",
                        slot.name, slot.name, SlotTypeName(slot.type), slot.name,
                        SlotTypeName(slot.type)),
            rule_id);
      ok = false;
    }
  }
  return ok;
}

bool Loader::BuildFields(const RuleSpec& spec, const Expansion& expansion,
                         const normalize::Normalizer& normalizer, internal::CompiledRule* rule) {
  const std::string& id = spec.id.text;
  // Fields: slots and named groups in group order; one unnamed group alone is `value`.
  std::map<std::string, const Slot*> slots;  // by group name
  for (const Slot& slot : expansion.slots) slots[slot.group] = &slot;
  std::map<std::string, const FieldSpecYaml*> refinements;
  for (const FieldSpecYaml& field : spec.fields) refinements[field.name] = &field;
  std::vector<std::pair<int, std::string>> groups;
  for (const auto& [name, index] : rule->pattern->NamedCapturingGroups()) {
    groups.emplace_back(index, name);
  }
  if (groups.empty() && rule->pattern->NumberOfCapturingGroups() == 1) {
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
