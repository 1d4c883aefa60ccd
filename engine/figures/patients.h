// Labels of a treatment given to patients a clause names before its verb. Part of the figures
// stage (figures.h).
#ifndef GLEAN_ENGINE_FIGURES_PATIENTS_H_
#define GLEAN_ENGINE_FIGURES_PATIENTS_H_

#include <string>
#include <string_view>

namespace glean::figures {

// Puts the patients a clause opened by 为 names right before its verb in front of the label of
// what the verb gave them: `为全区低收入困难家庭的白内障患者实施免费手术` (label 免费手术, action
// 实施) → 白内障患者免费手术; the illness says which operations. The patients are the words
// after the last 的 (or after 为) up to 患者. Leaves `label` as it is when the clause does not
// open with 为, names no 患者, or more than the verb stands between them and the label.
void NamePatientsOfTreatment(std::string_view clause, std::string_view action, std::string* label);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_PATIENTS_H_
