#include "engine/rules/slot_stand_in.h"

#include <fmt/format.h>

#include "engine/rules/pattern_scan.h"
#include "glean/value.h"

namespace glean::rules {

namespace {

// RE2 refuses a program of about 87,000 instructions at the memory it is given (8 MB). A pattern
// is compiled later only when its stand-in and its slots' bodies together stay far below that,
// so that the whole cannot reach the limit however RE2 lays it out.
constexpr int kMaxDeferredProgram = 20000;

// What a slot's body becomes in the stand-in: one ordinary character, never empty.
constexpr char kStandInBody[] = "x";

}  // namespace

const SlotStandIns::Body& SlotStandIns::BodyOf(const std::string& body) {
  auto [it, inserted] = bodies_.try_emplace(body);
  if (inserted) {
    RE2 compiled(body, options_);
    it->second.stands = compiled.ok() && CapturingGroupStart(body, 1) == std::string::npos &&
                        compiled.NumberOfCapturingGroups() == 0 && !RE2::FullMatch("", compiled);
    it->second.program_size = compiled.ok() ? compiled.ProgramSize() : 0;
  }
  return it->second;
}

std::unique_ptr<RE2> SlotStandIns::StandIn(const Expansion& expansion) {
  if (expansion.slots.empty() || AnyByteEscape(expansion.pattern) != std::string::npos) {
    return nullptr;
  }
  std::string stand_in = expansion.pattern;
  int slots_size = 0;
  for (const Slot& slot : expansion.slots) {
    const std::string& body =
        slot.type == SlotType::kQuantity ? quantity_pattern_ : SlotPattern(slot.type);
    const Body& known = BodyOf(body);
    if (!known.stands) return nullptr;
    slots_size += known.program_size;
    const std::string open = fmt::format("(?P<{}>", slot.group);
    const size_t at = stand_in.find(open + body + ")");
    if (at == std::string::npos) return nullptr;
    const size_t body_at = at + open.size();
    stand_in = stand_in.substr(0, body_at) + kStandInBody + stand_in.substr(body_at + body.size());
  }
  const size_t repeated_group = FindSyntax(stand_in, [&](size_t i, int) {
    return stand_in[i] == '{' && i > 0 && stand_in[i - 1] == ')';
  });
  if (repeated_group != std::string::npos) return nullptr;
  auto compiled = std::make_unique<RE2>(stand_in, options_);
  if (!compiled->ok() || compiled->ProgramSize() + slots_size > kMaxDeferredProgram) {
    return nullptr;
  }
  return compiled;
}

}  // namespace glean::rules
