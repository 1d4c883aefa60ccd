#include "engine/figures/patients.h"

#include <string>
#include <string_view>

namespace glean::figures {

using namespace std::string_view_literals;

void NamePatientsOfTreatment(std::string_view clause, std::string_view action, std::string* label) {
  constexpr std::string_view kFor = "为";
  constexpr std::string_view kPatients = "患者";
  if (label->empty() || action.empty()) return;
  // 4.为全区…: past the number of a list's item (4., 4), (4)).
  size_t open = 0;
  while (open < clause.size() && static_cast<unsigned char>(clause[open]) < 0x80) ++open;
  clause.remove_prefix(open);
  // Most clauses: one look at their first character.
  if (!clause.starts_with(kFor)) return;
  // 为…患者 实施 免费手术: the patients, the verb and the label, with nothing between.
  if (!clause.ends_with(*label)) return;
  const std::string_view before_label = clause.substr(0, clause.size() - label->size());
  if (!before_label.ends_with(action)) return;
  const std::string_view before_verb = before_label.substr(0, before_label.size() - action.size());
  if (!before_verb.ends_with(kPatients)) return;
  // The patients: after the last 的 (全区低收入困难家庭的白内障患者), or after 为.
  size_t begin = before_verb.rfind("的");
  begin = begin == std::string_view::npos ? kFor.size() : begin + std::string_view("的").size();
  const std::string_view patients = before_verb.substr(begin);
  // 白内障患者: an illness of a few characters and 患者; not a clause of its own.
  constexpr size_t kLongest = 8 * 3;
  if (patients.size() <= kPatients.size() || patients.size() > kLongest) return;
  for (std::string_view mark : {"，"sv, "、"sv, ","sv, "和"sv}) {
    if (patients.find(mark) != std::string_view::npos) return;
  }
  label->insert(0, patients);
}

}  // namespace glean::figures
