#include "engine/figures/changes.h"

#include "engine/figures/text_at.h"

#include <string_view>

namespace glean::figures {

using namespace std::string_view_literals;

namespace {

struct Verb {
  std::string_view word;
  int sign;
};

// Longest first where one starts another (下降 before 下滑 does not matter; 增长 before 增).
constexpr Verb kVerbs[] = {
    {"增长", 1},  {"增加", 1},  {"提高", 1},  {"上升", 1},  {"提升", 1},  {"扩大", 1},
    {"上涨", 1},  {"增", 1},    {"下降", -1}, {"减少", -1}, {"降低", -1}, {"回落", -1},
    {"下滑", -1}, {"缩小", -1}, {"缩减", -1}, {"压减", -1}, {"降", -1},   {"减", -1},
};

struct Multiple {
  std::string_view word;
  int factor;
};
constexpr Multiple kMultiples[] = {
    {"翻了一番", 2}, {"翻一番", 2}, {"翻了两番", 4}, {"翻两番", 4}, {"翻番", 2},
};

// Words between a figure and the change that follows it, or before a change verb.
constexpr std::string_view kComparisons[] = {
    "比上年同期", "较上年同期", "比去年同期", "较去年同期", "比上年", "较上年", "比去年",
    "较去年",     "同比",       "环比",       "年均",       "平均",   "分别",   "同期",
};

constexpr std::string_view kFillers[] = {"了", "达到", "达"};

// Nouns of a rate of change, read as a change after a figure's comma (人均纯收入达6786元,增幅14%;
// 生产总值41045.58万元,增速11%), never before one, where 增速 names a rate of its own (增速5.5%);
// how the rate is counted before them (自然增幅2%), and what joins them to the figure after.
constexpr Verb kRateNouns[] = {{"增幅", 1}, {"增速", 1}, {"降幅", -1}};
constexpr std::string_view kRateBases[] = {"自然", "同口径", "可比"};
constexpr std::string_view kRateFillers[] = {"为", "达到", "达"};

// Byte compares inline (StartsWithAt): the words are a few bytes and most tests fail at once.
bool At(std::string_view text, size_t at, size_t limit, std::string_view word) {
  return at + word.size() <= limit && StartsWithAt(text, at, word);
}

// `at` past the first of `words` that begins there, or `at` when none does.
template <size_t N>
size_t PastFirstOf(std::string_view text, size_t at, size_t limit,
                   const std::string_view (&words)[N]) {
  for (std::string_view word : words) {
    if (At(text, at, limit, word)) return at + word.size();
  }
  return at;
}

bool EndsAt(std::string_view text, size_t at, size_t floor, std::string_view word) {
  return at >= floor + word.size() && StartsWithAt(text, at - word.size(), word);
}

// Skips comparison words (and 比2024年 / 较2024年) from `at`.
size_t SkipComparisons(std::string_view text, size_t at, size_t limit) {
  for (bool more = true; more;) {
    more = false;
    for (std::string_view word : kComparisons) {
      if (At(text, at, limit, word)) {
        at += word.size();
        more = true;
        break;
      }
    }
    if (!more && (At(text, at, limit, "比") || At(text, at, limit, "较"))) {
      size_t p = at + 3;
      while (p < limit && IsDigit(text[p])) ++p;
      if (p > at + 3 && At(text, p, limit, "年")) {
        at = p + 3;
        more = true;
      }
    }
  }
  return at;
}

}  // namespace

std::optional<ChangeWord> ChangeAfter(std::string_view text, size_t at, size_t limit) {
  // A quick no: what follows most figures starts none of the words.
  static constexpr CharFilter kFirsts = {"，", "、", "比", "较", "同", "环", "年", "平",
                                         "分", "翻", "增", "提", "上", "扩", "下", "减",
                                         "降", "回", "缩", "压", "自", "可"};
  if (at + 3 > limit || (text[at] != ',' && !kFirsts.MayStart(text, at))) return std::nullopt;
  size_t p = at;
  if (At(text, p, limit, "，") || At(text, p, limit, "、")) {
    p += 3;
  } else if (At(text, p, limit, ",")) {
    p += 1;
  }
  // After the comma most figures go on with words none of these start with: the same quick no.
  if (p + 3 > limit || !kFirsts.MayStart(text, p)) return std::nullopt;
  p = SkipComparisons(text, p, limit);
  for (const Multiple& multiple : kMultiples) {
    if (At(text, p, limit, multiple.word)) {
      return ChangeWord{p, p + multiple.word.size(), multiple.word, 1, multiple.factor};
    }
  }
  const size_t noun_at = PastFirstOf(text, p, limit, kRateBases);
  for (const Verb& noun : kRateNouns) {
    if (!At(text, noun_at, limit, noun.word)) continue;
    const size_t end = PastFirstOf(text, noun_at + noun.word.size(), limit, kRateFillers);
    return ChangeWord{p, end, noun.word, noun.sign, 0};
  }
  for (const Verb& verb : kVerbs) {
    if (!At(text, p, limit, verb.word)) continue;
    const size_t verb_end = p + verb.word.size();
    if (At(text, verb_end, limit, "至") || At(text, verb_end, limit, "到")) return std::nullopt;
    return ChangeWord{p, PastFirstOf(text, verb_end, limit, kFillers), verb.word, verb.sign, 0};
  }
  return std::nullopt;
}

std::optional<ChangeWord> ChangeBefore(std::string_view text, size_t at, size_t floor) {
  static constexpr CharFilter kLasts = {"了", "到", "达", "长", "加", "高", "升", "大", "涨",
                                        "增", "降", "少", "低", "落", "滑", "小", "减", "善"};
  if (at < floor + 3 || !kLasts.MayStart(text, at - 3)) return std::nullopt;
  size_t end = at;
  for (std::string_view filler : kFillers) {
    if (EndsAt(text, end, floor, filler)) {
      end -= filler.size();
      break;
    }
  }
  // 改善 of what is better lower (PM2.5浓度改善10.8%, 能耗强度改善) is a fall; of anything else it
  // says no direction, so it is no change word there.
  if (EndsAt(text, end, floor, "改善")) {
    const size_t begin = end - 6;
    for (std::string_view lower_is_better : {"浓度"sv, "强度"sv, "能耗"sv, "排放量"sv}) {
      if (EndsAt(text, begin, floor, lower_is_better)) return ChangeWord{begin, at, "改善", -1, 0};
    }
    return std::nullopt;
  }
  for (const Verb& verb : kVerbs) {
    if (!EndsAt(text, end, floor, verb.word)) continue;
    const size_t begin = end - verb.word.size();
    // 增加值增长: the 增 of a noun is not a change; a single character counts only after a
    // comparison word (同比增5%).
    if (verb.word.size() == 3 &&
        !(EndsAt(text, begin, floor, "同比") || EndsAt(text, begin, floor, "比上年") ||
          EndsAt(text, begin, floor, "年均"))) {
      return std::nullopt;
    }
    return ChangeWord{begin, at, verb.word, verb.sign, 0};
  }
  return std::nullopt;
}

}  // namespace glean::figures
