#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "engine/source/utf8.h"
#include "engine/values/unit_table.h"
#include "glean/value.h"

namespace glean {

namespace values {

namespace {

// A word comes before any shorter word it starts with or ends in (人次 before 人, 平方公里 before
// 公里), so a scan and a regex alternation both take the longest.
constexpr Unit kUnits[] = {
    // Area worked times the times it is worked, a count of operations (农机作业服务面积60万亩次,
    // 实施保护性耕作1.19亿亩次): not an area; before 亩 and 公顷 so no area rule takes it.
    {"亩次", Dimension::kCount, "", 1, 1},
    {"公顷次", Dimension::kCount, "", 1, 1},
    // Area.
    {"平方公里", Dimension::kArea, "m2", 1000000, 1},
    {"平方千米", Dimension::kArea, "m2", 1000000, 1},
    {"平方米", Dimension::kArea, "m2", 1, 1},
    {"公顷", Dimension::kArea, "m2", 10000, 1},
    {"km2", Dimension::kArea, "m2", 1000000, 1},
    {"m2", Dimension::kArea, "m2", 1, 1},
    {"亩", Dimension::kArea, "m2", 10000, 15},
    // Volume.
    {"立方米", Dimension::kVolume, "m3", 1, 1},
    {"m3", Dimension::kVolume, "m3", 1, 1},
    {"方", Dimension::kVolume, "m3", 1, 1},
    // Length.
    {"公里", Dimension::kLength, "m", 1000, 1},
    {"千米", Dimension::kLength, "m", 1000, 1},
    {"km", Dimension::kLength, "m", 1000, 1},
    {"米", Dimension::kLength, "m", 1, 1},
    // Weight.
    {"公斤", Dimension::kWeight, "kg", 1, 1},
    {"千克", Dimension::kWeight, "kg", 1, 1},
    {"kg", Dimension::kWeight, "kg", 1, 1},
    {"吨", Dimension::kWeight, "kg", 1000, 1},
    {"斤", Dimension::kWeight, "kg", 1, 2},
    // Money.
    {"元", Dimension::kMoney, "CNY", 1, 1},
    // Percent.
    {"%", Dimension::kPercent, "", 1, 1},
    {"‰", Dimension::kPercent, "", 1, 1},
    // Time.
    {"小时", Dimension::kTime, "", 1, 1},
    {"个月", Dimension::kTime, "", 1, 1},
    {"年", Dimension::kTime, "", 1, 1},
    {"天", Dimension::kTime, "", 1, 1},
    // Counting units, two characters first.
    {"人次", Dimension::kCount, "", 1, 1},
    {"户次", Dimension::kCount, "", 1, 1},
    // Visits, not businesses or projects: 检查食品经营商户40余家次 counts inspections made.
    {"家次", Dimension::kCount, "", 1, 1},
    {"项次", Dimension::kCount, "", 1, 1},
    {"场次", Dimension::kCount, "", 1, 1},
    {"车次", Dimension::kCount, "", 1, 1},
    {"剂次", Dimension::kCount, "", 1, 1},
    {"架次", Dimension::kCount, "", 1, 1},
    // Trips and times, not things: 清运车辆1500台次 counts runs, not vehicles.
    {"台次", Dimension::kCount, "", 1, 1},
    {"辆次", Dimension::kCount, "", 1, 1},
    {"艘次", Dimension::kCount, "", 1, 1},
    {"班次", Dimension::kCount, "", 1, 1},
    {"批次", Dimension::kCount, "", 1, 1},
    {"户", Dimension::kCount, "", 1, 1},
    {"人", Dimension::kCount, "", 1, 1},
    {"个", Dimension::kCount, "", 1, 1},
    {"名", Dimension::kCount, "", 1, 1},
    {"座", Dimension::kCount, "", 1, 1},
    {"栋", Dimension::kCount, "", 1, 1},
    {"次", Dimension::kCount, "", 1, 1},
    {"件", Dimension::kCount, "", 1, 1},
    {"起", Dimension::kCount, "", 1, 1},
    {"条", Dimension::kCount, "", 1, 1},
    {"处", Dimension::kCount, "", 1, 1},
    {"所", Dimension::kCount, "", 1, 1},
    {"家", Dimension::kCount, "", 1, 1},
    {"辆", Dimension::kCount, "", 1, 1},
    {"台", Dimension::kCount, "", 1, 1},
    {"套", Dimension::kCount, "", 1, 1},
    {"项", Dimension::kCount, "", 1, 1},
    {"场", Dimension::kCount, "", 1, 1},
    {"批", Dimension::kCount, "", 1, 1},
    {"笔", Dimension::kCount, "", 1, 1},
    {"块", Dimension::kCount, "", 1, 1},
    {"段", Dimension::kCount, "", 1, 1},
    {"间", Dimension::kCount, "", 1, 1},
    {"头", Dimension::kCount, "", 1, 1},
    {"只", Dimension::kCount, "", 1, 1},
    {"株", Dimension::kCount, "", 1, 1},
    {"棵", Dimension::kCount, "", 1, 1},
    {"份", Dimension::kCount, "", 1, 1},
    {"本", Dimension::kCount, "", 1, 1},
    {"册", Dimension::kCount, "", 1, 1},
    {"张", Dimension::kCount, "", 1, 1},
    {"位", Dimension::kCount, "", 1, 1},
    {"支", Dimension::kCount, "", 1, 1},
    {"期", Dimension::kCount, "", 1, 1},
    {"轮", Dimension::kCount, "", 1, 1},
    {"剂", Dimension::kCount, "", 1, 1},
    {"岁", Dimension::kCount, "", 1, 1},
    {"口", Dimension::kCount, "", 1, 1},
    {"眼", Dimension::kCount, "", 1, 1},
    {"盏", Dimension::kCount, "", 1, 1},
};

}  // namespace

std::span<const Unit> Units() { return kUnits; }

const Unit* UnitAt(std::string_view text) {
  if (text.empty()) return nullptr;
  // The units by their first character, each group in table order: multi-character words come
  // before the single characters they start with, so the first hit is the longest. This runs
  // for every number of every report: the group is found by the first character's code point
  // in a table (a few loads), not searched for, and a first byte alone (most Chinese characters
  // share a few) left dozens of units to compare.
  struct Index {
    std::vector<std::pair<uint32_t, const Unit*>> by_first;  // first character's code point
    // 1 + where the group of the units whose first character has this code point begins in
    // `by_first`; 0 when no unit starts with it. Code points of one to three bytes.
    std::vector<uint8_t> group;
  };
  static const Index kIndex = [] {
    Index index;
    std::vector<std::pair<uint32_t, const Unit*>> keyed;
    for (const Unit& unit : kUnits) {
      size_t length = 0;
      keyed.emplace_back(source::DecodeUtf8At(unit.word, 0, &length), &unit);
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    index.group.assign(0x10000, 0);
    for (size_t i = 0; i < keyed.size(); ++i) {
      index.by_first.push_back(keyed[i]);
      if (keyed[i].first < index.group.size() && index.group[keyed[i].first] == 0) {
        index.group[keyed[i].first] = static_cast<uint8_t>(i + 1);
      }
    }
    return index;
  }();
  static_assert(std::size(kUnits) < 255, "group starts are kept in a byte");
  const auto lead = static_cast<unsigned char>(text[0]);
  uint32_t first = lead;
  size_t length = 1;
  if (lead >= 0x80) {
    // Only the bytes of the character's lead length are read; a malformed or cut character
    // gives some code point whose words are then compared byte by byte, and match nothing.
    length = source::Utf8LengthOfLead(lead);
    if (length > 3 || text.size() < length) return nullptr;  // no unit starts so
    const auto byte = [&](size_t i) { return static_cast<uint32_t>(text[i]) & 0x3F; };
    first = length == 2 ? ((lead & 0x1Fu) << 6) | byte(1)
                        : ((lead & 0x0Fu) << 12) | (byte(1) << 6) | byte(2);
  }
  const uint8_t start = kIndex.group[first];
  if (start == 0) return nullptr;
  for (size_t i = start - 1; i < kIndex.by_first.size() && kIndex.by_first[i].first == first; ++i) {
    const Unit* unit = kIndex.by_first[i].second;
    const std::string_view word = unit->word;
    if (word.size() > text.size()) continue;
    // Compared a byte at a time, inline: a call to memcmp would cost more than these few bytes.
    size_t k = 0;
    while (k < word.size() && word[k] == text[k]) ++k;
    if (k == word.size()) return unit;
  }
  return nullptr;
}

}  // namespace values

namespace {

std::string UnitAlternation(bool money_only) {
  std::string out;
  for (const values::Unit& unit : values::Units()) {
    if (money_only != (unit.dimension == values::Dimension::kMoney)) continue;
    if (unit.dimension == values::Dimension::kPercent) continue;
    if (!out.empty()) out += '|';
    out += unit.word;
  }
  return "(?:" + out + ")";
}

constexpr char kArabic[] = R"(\d+(?:,\d{3})*(?:\.\d+)?)";
constexpr char kChineseStart[] = "[零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾廿卅]";
// ○ goes on a numeral as a zero (六九○○) but starts none: alone it masks a name (○○镇).
constexpr char kChineseRest[] =
    "[零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟廿卅]*";
// A minus sign before a figure: 同比增长-2.3%, 负1200万. Only directly before a numeral, so a
// dash between two figures is a range (3-5个) and 负责 is no sign.
constexpr char kSign[] = "(?:-|−|负|負)?";
constexpr char kPrefix[] = "(?:大约|约|将近|接近|近|超过|超|逾|不到|不足)?";
constexpr char kMore[] = "(?:余|多)?";
constexpr char kSuffix[] = "(?:以上|以下|以内|左右|上下)?";

// A numeral: Arabic with optional Chinese multipliers (2.4万, 3万5千), or Chinese numerals.
std::string Numeral() {
  return std::string("(?:") + kArabic + "(?:[十百千万亿]+(?:" + kArabic + "[十百千])?)?|" +
         kChineseStart + kChineseRest + "|[百千][万亿])";
}

// A numeral, `余`/`多`, a magnitude and `余`/`多` again, in the orders reports use:
// 400余万, 2.4万余.
std::string Amount() { return kSign + Numeral() + kMore + "(?:[万亿])?" + kMore; }

std::string Range() { return Amount() + "(?:(?:-|~|—|至|到)" + Amount() + ")?"; }

std::string QuantityPattern(const std::string& units) {
  return "(?:" + std::string(kPrefix) + Range() + "(?:" + units + ")?" + kSuffix + ")";
}

}  // namespace

std::string values::QuantityPatternWith(const std::vector<std::string>& declared_units) {
  if (declared_units.empty()) return SlotPattern(SlotType::kQuantity);
  std::vector<std::string> words = declared_units;
  // Longest first, so that a declared word a table unit starts (人 → 人工日) is read whole.
  std::stable_sort(words.begin(), words.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string alternation;
  for (const std::string& word : words) alternation += RE2::QuoteMeta(word) + "|";
  return QuantityPattern("(?:" + alternation + UnitAlternation(false).substr(3));
}

bool ParseSlotType(std::string_view name, SlotType* type) {
  static constexpr std::pair<std::string_view, SlotType> kNames[] = {
      {"int", SlotType::kInt},           {"number", SlotType::kNumber},
      {"quantity", SlotType::kQuantity}, {"money", SlotType::kMoney},
      {"percent", SlotType::kPercent},   {"date", SlotType::kDate},
      {"year", SlotType::kYear},         {"text", SlotType::kText},
  };
  for (const auto& [key, value] : kNames) {
    if (key == name) {
      *type = value;
      return true;
    }
  }
  return false;
}

const char* SlotTypeName(SlotType type) {
  switch (type) {
    case SlotType::kInt:
      return "int";
    case SlotType::kNumber:
      return "number";
    case SlotType::kQuantity:
      return "quantity";
    case SlotType::kMoney:
      return "money";
    case SlotType::kPercent:
      return "percent";
    case SlotType::kDate:
      return "date";
    case SlotType::kYear:
      return "year";
    case SlotType::kText:
      return "text";
  }
  return "?";
}

const std::string& SlotPattern(SlotType type) {
  // Built once; immutable afterwards.
  static const std::array<std::string, 8> kPatterns = [] {
    std::array<std::string, 8> p;
    const std::string cn = std::string(kChineseStart) + kChineseRest;
    p[static_cast<int>(SlotType::kInt)] =
        std::string("(?:") + kSign + R"((?:\d+(?:,\d{3})*(?:[万亿])?|)" + cn + "))";
    p[static_cast<int>(SlotType::kNumber)] =
        "(?:" + std::string(kSign) + Numeral() + "(?:[万亿])?)";
    p[static_cast<int>(SlotType::kQuantity)] = QuantityPattern(UnitAlternation(false));
    p[static_cast<int>(SlotType::kMoney)] =
        "(?:" + std::string(kPrefix) + Range() + "元" + kSuffix + ")";
    p[static_cast<int>(SlotType::kPercent)] =
        "(?:" + std::string(kPrefix) + "(?:" + Range() + "[%‰]|百分之" + Numeral() +
        "|[一二三四五六七八九十]成[一二三四五六七八九]?)" + kSuffix + ")";
    p[static_cast<int>(SlotType::kDate)] =
        R"((?:\d{4}年\d{1,2}月(?:\d{1,2}[日号])?|\d{1,2}月\d{1,2}[日号]|\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}|)"
        R"([二一][〇零○一二三四五六七八九]{3}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}[日号])?))";
    p[static_cast<int>(SlotType::kYear)] =
        R"((?:(?:19|20)\d{2}|[二一][〇零○一二三四五六七八九]{3})年?)";
    p[static_cast<int>(SlotType::kText)] = R"((?:[^\s,，。；;:：!！?？、\(\)（）"“”]{1,40}?))";
    return p;
  }();
  return kPatterns[static_cast<int>(type)];
}

}  // namespace glean
