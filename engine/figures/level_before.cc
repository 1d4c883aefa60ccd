#include "engine/figures/level_before.h"

#include <cstring>

#include "engine/figures/label_words.h"
#include "engine/figures/noun_after.h"
#include "engine/figures/text_at.h"

namespace glean::figures {

using namespace std::string_view_literals;

namespace {

// Whether only a comma (or, with `joint`, a 、) stands between the figure before, ending at
// `floor`, and the clause that begins at `clause_begin`.
bool OnlyCommaBetween(std::string_view text, size_t floor, size_t clause_begin,
                      bool joint = false) {
  if (clause_begin < floor) return false;
  const std::string_view between = text.substr(floor, clause_begin - floor);
  return between == "，" || between == "," || (joint && between == "、");
}

// OnlyCommaBetween, or the figure before's label after it and then the comma
// (实施1000个以上省重点项目，年度完成投资…: the projects named after their count).
bool OnlyNameAndCommaBetween(std::string_view text, size_t floor, size_t clause_begin,
                             std::string_view label_before) {
  if (clause_begin >= floor + label_before.size() && StartsWithAt(text, floor, label_before)) {
    floor += label_before.size();
  }
  return OnlyCommaBetween(text, floor, clause_begin, /*joint=*/true);
}

}  // namespace

void NameChangeByLevelBefore(std::string* label) {
  // Most labels do not end with 、: one look.
  if (!label->ends_with("、")) return;
  const size_t last_digit = label->find_last_of("0123456789");
  if (last_digit == std::string::npos) return;
  std::string_view words(label->data(), DecimalStart(*label, last_digit));
  while (label_words::StripTrailing(&words)) {
  }
  // 3大系统、12大总成、: a list of things counted, each named after its number, is no level.
  if (words.empty() || words.find("、") != std::string_view::npos) return;
  label->resize(words.size());
}

void DropLevelBeforeJoint(std::string* label) {
  // Asked of every label, most of which hold no 、: its lead byte (E3, of CJK marks, not of
  // ideographs) is looked for alone, as one byte, in labels long enough for a level, a 、 and
  // a character after it.
  constexpr size_t kShortest = 1 + 3 + 3;
  if (label->size() < kShortest) return;
  const char* lead = static_cast<const char*>(memrchr(label->data(), 0xE3, label->size()));
  while (lead != nullptr && (lead[1] != '\x80' || lead[2] != '\x81')) {
    lead = static_cast<const char*>(memrchr(label->data(), 0xE3, lead - label->data()));
  }
  if (lead == nullptr) return;
  const size_t joint = lead - label->data();
  // Only the last joint, with words after it: 分别达1.28万亿、1.18万亿、 lists the levels of the
  // things named before them, and a level closing the label is NameChangeByLevelBefore's.
  if (joint + 3 >= label->size() || static_cast<unsigned char>((*label)[joint + 3]) < 0x80) {
    return;
  }
  size_t end = joint;
  // The number's magnitude and approximation (3.3万、, 120多、) before the joint.
  while (AnyEndsAt(*label, end, {"万"sv, "亿"sv, "千"sv, "百"sv, "余"sv, "多"sv})) end -= 3;
  if (end == 0 || !IsDigit((*label)[end - 1])) return;
  const size_t begin = DecimalStart(*label, end);
  // PM2.5、: a name that holds digits, not a level.
  if (begin > 0 && static_cast<unsigned char>((*label)[begin - 1]) < 0x80) return;
  label->erase(0, joint + 3);
}

void NameContributionByFigureBefore(std::string_view text, size_t clause_begin, size_t floor,
                                    std::string_view label_before, std::string* label) {
  if (!label->starts_with("贡献") || !StartsWithAt(text, clause_begin, "贡献") ||
      label_before.empty() || !OnlyCommaBetween(text, floor, clause_begin)) {
    return;
  }
  // A contribution of a rate or of a share is no contribution of a thing.
  for (std::string_view ratio : {"率"sv, "比重"sv, "占比"sv, "比例"sv}) {
    if (label_before.ends_with(ratio)) return;
  }
  label->insert(0, label_before);
}

void NameGapByFigureBefore(std::string_view text, size_t clause_begin, size_t floor,
                           std::string_view label_before, std::string* label) {
  // Asked of every figure after another: the gap words' first characters rule out most labels.
  static constexpr CharFilter kGapFirsts = {"快", "高", "低", "慢", "优", "好"};
  if (label->size() < 6 || !kGapFirsts.MayStart(*label, 0)) return;
  for (std::string_view gap :
       {"快于"sv, "高于"sv, "低于"sv, "慢于"sv, "优于"sv, "好于"sv, "高出"sv}) {
    if (!label->starts_with(gap)) continue;
    if (StartsWithAt(text, clause_begin, gap) && !label_before.empty() &&
        OnlyCommaBetween(text, floor, clause_begin)) {
      label->insert(0, label_before);
    }
    return;
  }
}

void NameCutByFigureBefore(std::string_view text, size_t clause_begin, size_t floor,
                           std::string_view label_before, std::string* label) {
  const std::string_view cut = *label;
  if ((cut != "删减"sv && cut != "删"sv && cut != "核减"sv) || label_before.empty() ||
      !StartsWithAt(text, clause_begin, *label) || !OnlyCommaBetween(text, floor, clause_begin)) {
    return;
  }
  label->insert(0, label_before);
}

void NameInvestmentByProjectsBefore(std::string_view text, size_t clause_begin, size_t floor,
                                    std::string_view label_before, std::string* label,
                                    std::string* action) {
  // 落地项目2200个、总投资额7200亿元: the total investment of those projects, its label theirs;
  // so is a year's (实施亿元以上省大中型项目1.3万余个，年度投资保持1万亿元以上).
  if ((*label == "总投资"sv || *label == "总投资额"sv || *label == "年度投资"sv) &&
      action->empty() && label_before.ends_with("项目") &&
      OnlyNameAndCommaBetween(text, floor, clause_begin, label_before)) {
    label->insert(0, label_before);
    return;
  }
  // 实施省大中型项目5296个，年度完成投资1.1万亿元: 完成 the verb, 年度投资 what they took.
  if (*label == "年度"sv && (*action == "完成投资"sv || *action == "累计完成投资"sv) &&
      label_before.ends_with("项目") &&
      OnlyNameAndCommaBetween(text, floor, clause_begin, label_before)) {
    *label = std::string(label_before) + "年度投资";
    action->resize(action->size() - std::string_view("投资").size());
    return;
  }
  // 拉沟至木龙公路已完成工程量60.5%,完成投资490万元: the money spent on the works whose progress
  // the figure before gives.
  constexpr std::string_view kProgress = "工程量";
  if (*label == "投资"sv && *action == "完成"sv && label_before.ends_with(kProgress) &&
      label_before.size() > kProgress.size() + 2 * 3 &&
      OnlyCommaBetween(text, floor, clause_begin)) {
    *label = std::string(label_before.substr(0, label_before.size() - kProgress.size()));
    *action += "投资";
    return;
  }
  if (*label != "投资" || !label_before.ends_with("项目") ||
      (*action != "完成" && *action != "累计完成" && *action != "实际完成") ||
      !OnlyNameAndCommaBetween(text, floor, clause_begin, label_before)) {
    return;
  }
  *label = std::string(label_before);
  *action += "投资";
}

void NameSizeByThingsCountedBefore(std::string_view text, size_t clause_begin, size_t floor,
                                   const Figure& before, std::string* label) {
  if (!IsBareSizeMeasure(*label) || before.label.empty() || !IsClassifier(before.value.unit) ||
      !OnlyNameAndCommaBetween(text, floor, clause_begin, before.label)) {
    return;
  }
  // 20个央陕合作项目落地、总投资…: the things, not what became of them; nor how they were added
  // (累计净增各类经营主体155万户、总量达474万户).
  std::string_view owner = before.label;
  for (std::string_view added : {"净增"sv, "新增"sv, "新登记"sv}) {
    if (owner.starts_with(added) && owner.size() > added.size()) owner.remove_prefix(added.size());
  }
  if (const std::string_view verb = label_words::VerbAtEnd(owner); !verb.empty()) {
    owner.remove_suffix(verb.size());
  } else if (owner.ends_with("落地")) {
    owner.remove_suffix(std::string_view("落地").size());
  }
  label->insert(0, owner);
}

void NameRateByWorkBefore(std::string_view text, size_t clause_begin, size_t floor,
                          const Figure& before, std::string* label) {
  // Asked of every figure: most labels end in no 率.
  if (before.action.empty() || !label->ends_with("率") ||
      (*label != "成功率"sv && *label != "满意率"sv) ||
      !OnlyCommaBetween(text, floor, clause_begin)) {
    return;
  }
  if (const std::string_view work = label_words::VerbAtEnd(before.action); !work.empty()) {
    label->insert(0, work);
  }
}

void NameProjectsByFundsBefore(std::string_view text, size_t clause_begin, size_t floor,
                               const Figure& before, std::string_view action, std::string* label) {
  if (action != "支持"sv || before.value.unit != "元" || before.label.empty() ||
      !label->ends_with("项目") || !OnlyCommaBetween(text, floor, clause_begin)) {
    return;
  }
  label->insert(0, before.label + "支持");
}

}  // namespace glean::figures
