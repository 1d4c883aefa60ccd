#include "engine/figures/status.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "engine/figures/clause_begin.h"
#include "engine/figures/figure_context.h"
#include "engine/figures/label_words.h"
#include "engine/figures/text_at.h"
#include "engine/source/byte_search.h"
#include "engine/source/utf8.h"

namespace glean::figures {

using namespace std::string_view_literals;

namespace {

struct MarkerWord {
  constexpr MarkerWord(std::string_view w, MarkerKind k)
      : word(w), kind(k), first(source::CharKey(w.substr(0, 3))) {}
  std::string_view word;
  MarkerKind kind;
  uint32_t first;  // its first character's key
};

// Longer words first where one begins another (预期目标 before 预期, 已经 before 已).
constexpr MarkerWord kMarkerWords[] = {
    {"预计", MarkerKind::kExpected},   {"预测", MarkerKind::kExpected},
    {"有望", MarkerKind::kExpected},   {"预期目标", MarkerKind::kPlanGoal},
    {"预期", MarkerKind::kPlan},       {"目标任务", MarkerKind::kPlanGoal},
    {"目标", MarkerKind::kPlanGoal},   {"计划", MarkerKind::kPlanGoal},
    {"规划", MarkerKind::kPlanGoal},   {"力争", MarkerKind::kPlan},
    {"确保", MarkerKind::kPlan},       {"争取", MarkerKind::kPlan},
    {"力求", MarkerKind::kPlan},       {"打算", MarkerKind::kPlan},
    {"拟", MarkerKind::kPlan},         {"即将", MarkerKind::kPlan},
    {"决定", MarkerKind::kPlan},       {"将", MarkerKind::kPlan},
    {"要", MarkerKind::kPlan},         {"任务", MarkerKind::kTargetGoal},
    {"指标", MarkerKind::kTargetGoal}, {"下达", MarkerKind::kTarget},
    {"分配", MarkerKind::kTarget},     {"安排", MarkerKind::kTarget},
    {"完成", MarkerKind::kCompletion}, {"实现", MarkerKind::kCompletion},
    {"达成", MarkerKind::kCompletion}, {"超额", MarkerKind::kCompletion},
    {"占", MarkerKind::kCompletion},   {"已经", MarkerKind::kResult},
    {"已", MarkerKind::kResult},       {"目前", MarkerKind::kResult},
    {"截至", MarkerKind::kResult},     {"截止", MarkerKind::kResult},
};

// Whether what follows 确保 at `after` is a count of people or households who exist, each of
// whom a measure is to reach: 确保全镇590个脱贫家庭学生都能够享受优质的教育资源. What is planned
// is what they get, not the count (确保粮食产量稳定在1200万吨以上 sets the figure itself).
bool ReachesEachOfCount(std::string_view text, size_t after) {
  constexpr size_t kNounReach = 30;  // bytes of the counted noun: ten Han characters
  size_t at = after;
  // The scope before the count: 全镇, 全县 …, 辖区, two characters.
  if (StartsWithAt(text, at, "全") || StartsWithAt(text, at, "辖区")) at += 6;
  if (at >= text.size() || !IsDigit(text[at])) return false;
  while (at < text.size() && (IsDigit(text[at]) || text[at] == '.')) ++at;
  if (StartsWithAt(text, at, "余") || StartsWithAt(text, at, "多")) at += 3;
  if (!AnyStartsAt(text, at, {"人"sv, "名"sv, "户"sv, "位"sv, "个"sv})) return false;
  const size_t noun_end = std::min(text.size(), at + 3 + kNounReach);
  for (at += 3;
       at < noun_end && (static_cast<unsigned char>(text[at]) >= 0xE0 || text[at] == ' ');) {
    if (AnyStartsAt(text, at, {"都"sv, "均"sv, "全部"sv})) return true;
    if (AnyStartsAt(text, at, {"项目"sv, "工程"sv, "，"sv, "。"sv, "；"sv, "、"sv})) return false;
    at += source::Utf8LengthOfLead(static_cast<unsigned char>(text[at]));
  }
  return false;
}

// Whether `word` at `at` is the marker it looks like rather than part of another word.
bool IsMarker(std::string_view text, size_t at, const MarkerWord& marker) {
  const size_t after = at + marker.word.size();
  if (marker.word == "将" || marker.word == "争取" || marker.word == "决定") {
    // 将 as "will" before a verb; not the object marker of 将校园安全纳入日常工作. 争取 before a
    // verb is a plan (争取实现); before a thing it is "obtained" (争取上级资金500万元). A body's
    // decision to do (党委、政府研究决定减少贫困人口930户) sets a goal; not 决定性 or 作出决定.
    return AnyStartsAt(text, after, {"达到"sv, "实现"sv, "完成"sv, "新增"sv,   "建成"sv, "增加"sv,
                                     "增长"sv, "超过"sv, "突破"sv, "投入"sv,   "带动"sv, "有"sv,
                                     "于"sv,   "在"sv,   "继续"sv, "进一步"sv, "全面"sv, "新建"sv,
                                     "提升"sv, "提高"sv, "力争"sv, "确保"sv,   "争取"sv, "形成"sv,
                                     "累计"sv, "开展"sv, "实施"sv, "启动"sv,   "打造"sv, "达"sv,
                                     "覆盖"sv, "惠及"sv, "减少"sv, "降低"sv,   "筹集"sv, "安排"sv});
  }
  if (marker.word == "要") {
    // 要 as "shall"; not 重要, 主要, 需要, 要求, 纲要 ….
    return !AnyEndsAt(text, at, {"重"sv, "主"sv, "需"sv, "只"sv, "必"sv, "首"sv, "纪"sv, "纲"sv,
                                 "简"sv, "摘"sv, "紧"sv, "扼"sv, "想"sv, "总"sv, "概"sv, "提"sv,
                                 "切"sv, "不"sv, "险"sv, "显"sv, "政"sv, "机"sv}) &&
           !AnyStartsAt(text, after,
                        {"求"sv, "点"sv, "素"sv, "害"sv, "件"sv, "务"sv, "闻"sv, "地"sv, "道"sv,
                         "职"sv, "员"sv, "塞"sv, "是"sv, "么"sv, "不"sv, "案"sv, "领"sv, "诀"sv});
  }
  if (marker.word == "计划" || marker.word == "规划") {
    // The name of a programme (实施高质量就业挖潜扩容计划, 入选国家“双高计划”), not a goal: it
    // closes a clause or a quotation. 计划生育 is a field of work.
    // 超计划19家, 比计划, 按计划: measured against the plan, not planned. 已规划聚居点16个:
    // the planning is done, and the places it set are counted.
    // 省、市科技计划项目, 人才培养计划项目: the projects of a programme, named by its field.
    return !StartsWithAt(text, after, "生育") &&
           !AnyEndsAt(text, at, {"按"sv, "超"sv, "比"sv, "较"sv, "已"sv}) &&
           !AnyStartsAt(text, after,
                        {","sv, "，"sv, "。"sv, "”"sv, "\""sv, ";"sv, "；"sv, "、"sv}) &&
           !(StartsWithAt(text, after, "项目") &&
             AnyEndsAt(text, at, {"科技"sv, "培养"sv, "攻坚"sv, "专项"sv, "研发"sv, "引智"sv}));
  }
  if (marker.word == "确保") return !ReachesEachOfCount(text, after);
  if (marker.word == "预期") {
    // 预期 before a verb (预期增长5%); not the noun of 稳预期, 远超预期, 预期寿命.
    return AnyStartsAt(
        text, after, {"增长"sv, "达到"sv, "达"sv, "实现"sv, "完成"sv, "新增"sv, "突破"sv, "将"sv});
  }
  if (marker.word == "目前") {
    // Not 项目前期, 节目前: 目 ends the word before.
    return !StartsWithAt(text, after, "期") && !AnyEndsAt(text, at,
                                                          {"项"sv, "题"sv, "节"sv, "科"sv, "数"sv,
                                                           "条"sv, "名"sv, "栏"sv, "书"sv, "账"sv});
  }
  if (marker.word == "已") return !AnyEndsAt(text, at, {"而"sv, "不"sv, "得"sv});
  if (marker.word == "拟")
    return !AnyEndsAt(text, at, {"模"sv, "虚"sv}) && !StartsWithAt(text, after, "定");
  if (marker.word == "分配") return !AnyEndsAt(text, at, {"收入"sv});
  if (marker.word == "安排") {
    // 县委政府安排我镇减少贫困人口3858人: a task handed to the report's own area; not 安排资金
    // (money budgeted) or 工作安排.
    return StartsWithAt(text, after, "我") &&
           AnyStartsAt(text, after + 3,
                       {"镇"sv, "乡"sv, "县"sv, "区"sv, "市"sv, "省"sv, "村"sv, "街道"sv, "州"sv});
  }
  if (marker.word == "目标") {
    if (StartsWithAt(text, after, "责任") || AnyEndsAt(text, at, {"超"sv, "比"sv, "较"sv}))
      return false;
    // 优于国家考核目标14.6个百分点: a goal after a comparison, a few words of whose goal between,
    // is what was beaten, no plan.
    constexpr size_t kOwnerReach = 6 * 3;  // 国家考核, 省下达考核
    for (size_t back = 0; back <= kOwnerReach && back + 6 <= at; ++back) {
      if (AnyEndsAt(text, at - back, {"，"sv, "。"sv, "；"sv, ","sv, ";"sv})) break;
      if (AnyEndsAt(text, at - back,
                    {"优于"sv, "高于"sv, "超过"sv, "超出"sv, "好于"sv, "低于"sv})) {
        return false;
      }
    }
    return true;
  }
  if (marker.word == "指标") {
    // 20个预期性指标和8个约束性指标: the noun of the item before, counted by its figure, is no
    // quota of the figure after it.
    for (std::string_view joint : {"和"sv, "、"sv, "及"sv, "与"sv}) {
      if (StartsWithAt(text, after, joint) && after + joint.size() < text.size() &&
          IsDigit(text[after + joint.size()])) {
        return false;
      }
    }
  }
  if (marker.word == "占")
    return !StartsWithAt(text, after, "地") && !StartsWithAt(text, after, "用");
  if (marker.word == "有望") return true;
  if (marker.word == "达成") return true;
  if (marker.word == "实现") return true;
  return true;
}

// How near a quota noun must come before its figure to be the figure's (改厕任务1350个,
// 任务数共19个; not 指标从全国第20位), and a goal noun after it (5%左右的预期目标), in bytes.
constexpr size_t kQuotaNear = 6;
constexpr size_t kNear = 12;

// Where a clause ends, for the markers' clauses: the same ends as ContextReader's.
size_t ClauseEndLength(std::string_view text, size_t at) {
  const char c = text[at];
  if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n') return 1;
  // Normalized text has only 。 left of the full-width marks; the rest are for text that is not.
  const auto lead = static_cast<unsigned char>(c);
  if (lead != 0xE3 && lead != 0xEF) return 0;
  for (std::string_view end : {"。"sv, "，"sv, "；"sv, "："sv, "！"sv, "？"sv}) {
    if (StartsWithAt(text, at, end)) return end.size();
  }
  return 0;
}

// Appends the marker that starts at `at`, if one does, and returns its end; else returns `at`.
size_t MarkerAt(std::string_view text, size_t at, size_t clause,
                std::vector<StatusMarker>* markers) {
  // The first character is compared as one number, so the many characters that begin a marker
  // word only sometimes (实, 有, 下 …) cost a few integer compares, not a string compare a word.
  const uint32_t key = source::CharKeyAt(text, at);
  for (const MarkerWord& word : kMarkerWords) {
    if (word.first != key) continue;
    if (!StartsWithAt(text, at, word.word) || !IsMarker(text, at, word)) continue;
    const size_t word_end = at + word.word.size();
    const bool introduces = StartsWithAt(text, word_end, "是") ||
                            StartsWithAt(text, word_end, "为") ||
                            StartsWithAt(text, word_end, ":") || StartsWithAt(text, word_end, "：");
    const bool share = StartsWithAt(text, word_end, "的");
    markers->push_back(StatusMarker{at, word_end, clause, word.kind, introduces, share});
    return word_end;
  }
  return at;
}

// Appends the markers in [from, to) outside 《…》, in order.
void FindMarkers(std::string_view text, size_t from, size_t to,
                 std::vector<StatusMarker>* markers) {
  size_t clause = from;
  int title_depth = 0;
  for (size_t at = from; at < to;) {
    const unsigned char lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) {
      if (ClauseEndLength(text, at) > 0) clause = at + 1;
      ++at;
      continue;
    }
    const size_t length = source::Utf8LengthOfLead(lead);
    if (StartsWithAt(text, at, "《")) {
      ++title_depth;
    } else if (StartsWithAt(text, at, "》")) {
      title_depth = title_depth > 0 ? title_depth - 1 : 0;
    } else if (const size_t end = ClauseEndLength(text, at); end > 0) {
      clause = at + end;
    } else if (title_depth == 0 && length == 3 && kMarkerFirsts.MayStart(text, at)) {
      const size_t word_end = MarkerAt(text, at, clause, markers);
      if (word_end > at) {
        at = word_end;  // the rest of the word is not looked at again
        continue;
      }
    }
    at += length;
  }
}

FigureStatus StatusOfKind(MarkerKind kind) {
  switch (kind) {
    case MarkerKind::kPlan:
    case MarkerKind::kPlanGoal:
      return FigureStatus::kPlan;
    case MarkerKind::kExpected:
      return FigureStatus::kExpected;
    case MarkerKind::kTarget:
    case MarkerKind::kTargetGoal:
      return FigureStatus::kTarget;
    case MarkerKind::kCompletion:
    case MarkerKind::kResult:
      break;
  }
  return FigureStatus::kResult;
}

// Words whose say holds only in their own clause, and which a completion verb before them turns
// into a result (完成国家下达目标任务).
bool IsGoal(MarkerKind kind) {
  return kind == MarkerKind::kPlanGoal || kind == MarkerKind::kTargetGoal ||
         kind == MarkerKind::kTarget;
}

// The status the markers [0, count) state read from the nearest back, down to `floor`: a modal or
// a result word decides; a goal noun decides unless a completion verb comes before it in its
// clause, which makes it a result (完成年度计划的110%) unless a modal comes before that
// (力争完成目标任务). A quota noun counts only right before the figure (法治化营商环境指标从全国
// 第20位升至第3位: an indicator, not a quota), a goal noun of an earlier clause only when it
// introduces what follows (主要预期目标是:…; not 实施…计划, … of a programme's name). `*met` says
// whether a result was read from a completion verb alone (a goal met), which only a review states.
std::optional<FigureStatus> Decide(const StatusMarker* markers, size_t count, size_t floor,
                                   size_t clause_begin, size_t begin, bool* met) {
  for (size_t k = count; k-- > 0;) {
    const StatusMarker& marker = markers[k];
    if (marker.at < floor) return std::nullopt;
    if (marker.kind == MarkerKind::kCompletion) continue;
    if (!IsGoal(marker.kind)) return StatusOfKind(marker.kind);
    if (marker.kind == MarkerKind::kTargetGoal && marker.at < begin &&
        (marker.end + kQuotaNear < begin || marker.clause != clause_begin)) {
      continue;
    }
    if (marker.clause != clause_begin && !marker.introduces) continue;
    size_t completion = k;
    for (size_t j = k; j-- > 0 && markers[j].clause == marker.clause;) {
      if (markers[j].kind == MarkerKind::kCompletion) {
        completion = j;
        break;
      }
    }
    // 为全年任务的114%: a share of the goal is what was done against it, as after a completion
    // verb.
    const bool share_of_goal = marker.share && marker.end + std::string_view("的").size() == begin;
    if (completion == k && !share_of_goal) return StatusOfKind(marker.kind);
    for (size_t j = completion; j-- > 0 && markers[j].clause == marker.clause;) {
      if (markers[j].kind != MarkerKind::kCompletion && !IsGoal(markers[j].kind)) {
        return StatusOfKind(markers[j].kind);
      }
    }
    *met = true;
    return FigureStatus::kResult;
  }
  return std::nullopt;
}

}  // namespace

SectionKind KindOfHeading(std::string_view heading) {
  static constexpr std::string_view kReview[] = {"回顾",     "完成情况", "开展情况", "进展情况",
                                                 "落实情况", "工作情况", "成效",     "成绩",
                                                 "工作总结", "主要做法"};
  static constexpr std::string_view kPlans[] = {
      "工作安排", "工作打算", "工作计划", "工作思路", "主要目标", "重点工作", "总体要求",
      "下一步",   "工作设想", "工作重点", "主要任务", "目标任务", "预期目标", "发展目标",
      "奋斗目标", "今后",     "展望",     "明年",     "未来"};
  // Words that name a plan only in a future frame: 创新思路 and 理清思路 head a review of what
  // new ideas did; 下半年工作打算 and 年底前的安排 head plans (a heading's later year makes its
  // section plans by itself).
  static constexpr std::string_view kPlansInFuture[] = {"打算", "思路", "谋划", "安排"};
  static constexpr std::string_view kFuture[] = {"下半年", "四季度", "年底",
                                                 "年末",   "来年",   "后期"};
  static constexpr CharFilter kReviewFirsts = CharFilter::FirstsOf(kReview);
  static constexpr CharFilter kPlansFirsts = CharFilter::FirstsOf(kPlans);
  static constexpr CharFilter kPlansInFutureFirsts = CharFilter::FirstsOf(kPlansInFuture);
  static constexpr CharFilter kFutureFirsts = CharFilter::FirstsOf(kFuture);
  if (ContainsAnyWord(heading, kReview, kReviewFirsts)) return SectionKind::kReview;
  if (ContainsAnyWord(heading, kPlans, kPlansFirsts)) return SectionKind::kPlans;
  if (ContainsAnyWord(heading, kPlansInFuture, kPlansInFutureFirsts) &&
      ContainsAnyWord(heading, kFuture, kFutureFirsts)) {
    return SectionKind::kPlans;
  }
  return SectionKind::kNone;
}

void StatusWords::Clear() { markers_.clear(); }

size_t StatusWords::TryAt(std::string_view text, size_t at, size_t clause) {
  return MarkerAt(text, at, clause, &markers_);
}

void StatusWords::Find(std::string_view text, size_t from, size_t to) {
  markers_.clear();
  FindMarkers(text, from, to, &markers_);
}

std::optional<FigureStatus> StatusWords::StatusAt(size_t sentence_begin, size_t clause_begin,
                                                  size_t begin, size_t end, size_t clause_end,
                                                  bool* met) const {
  bool met_here = false;
  if (met == nullptr) met = &met_here;
  *met = false;
  // A rule's match may hold its own marker (计划投资5000万元), so the words up to its end count.
  const auto by_at = [](const StatusMarker& marker, size_t at) { return marker.at < at; };
  const auto first = std::lower_bound(markers_.begin(), markers_.end(), sentence_begin, by_at);
  const auto last = std::lower_bound(first, markers_.end(), end, by_at);
  const StatusMarker* markers = markers_.data() + (first - markers_.begin());
  const size_t count = static_cast<size_t>(last - first);
  if (std::optional<FigureStatus> own =
          Decide(markers, count, clause_begin, clause_begin, begin, met)) {
    return own;
  }
  // Goal words right after the figure in its clause: 增长5%左右的预期目标.
  const size_t after_end = std::min(clause_end, end + kNear);
  for (auto after = last; after != markers_.end() && after->at < after_end; ++after) {
    // Only goals: a quota noun after a figure names what it counts (六项指标, 150项年度任务清单).
    if (after->kind != MarkerKind::kPlanGoal) continue;
    for (size_t j = count; j-- > 0 && markers[j].at >= clause_begin;) {
      if (markers[j].kind == MarkerKind::kCompletion) {
        *met = true;
        return FigureStatus::kResult;
      }
    }
    return StatusOfKind(after->kind);
  }
  return Decide(markers, count, sentence_begin, clause_begin, begin, met);
}

bool ForecastsOwnItemOnly(std::string_view text, size_t sentence_begin, size_t expected_at,
                          size_t clause_begin, size_t figure_begin) {
  if (expected_at >= clause_begin || figure_begin <= clause_begin) return false;
  // The forecast's subject: the words of its clause before it, less time and scope (全年, 全镇).
  const size_t subject_begin =
      ClauseBegin(text, expected_at, std::min(sentence_begin, expected_at));
  std::string_view subject = text.substr(subject_begin, expected_at - subject_begin);
  while (label_words::StripLeading(&subject)) {
  }
  // Two Han characters or more, both: a year, a bracket or a figure (XX年(預測), 由2020年的…提高到)
  // is no item's subject.
  const auto names_item = [](std::string_view words) {
    return words.size() >= 2 * 3 && IsHanOnly(words);
  };
  if (!names_item(subject)) return false;
  // The figure's clause: a subject of its own, not the comparison or verb of the item before.
  std::string_view own = text.substr(clause_begin, figure_begin - clause_begin);
  while (label_words::StripLeading(&own)) {
  }
  if (!names_item(own) || !label_words::FrontVerbAt(own).empty() ||
      AnyStartsAt(own, 0,
                  {"分别"sv, "同比"sv, "比"sv, "较"sv, "增长"sv, "下降"sv, "增幅"sv, "增速"sv,
                   "其中"sv, "占"sv, "均"sv, "达"sv, "为"sv, "年均"sv, "平均"sv, "同期"sv, "环比"sv,
                   "预计"sv, "可"sv})) {
    return false;
  }
  return true;
}

std::optional<FigureStatus> StatusFromWords(std::string_view text, size_t sentence_begin,
                                            size_t clause_begin, size_t begin, size_t end,
                                            size_t clause_end) {
  StatusWords words;
  words.Find(text, sentence_begin, std::max(end, std::min(clause_end, end + kNear)));
  return words.StatusAt(sentence_begin, clause_begin, begin, end, clause_end);
}

namespace {

// Where the sentence that holds the text right before `to` begins: after the full stop (or line
// end) before it, at or after `floor`. nullopt when none lies within `floor` and `floor` is not
// the text's start.
std::optional<size_t> SentenceStartBefore(std::string_view text, size_t floor, size_t to) {
  // 。！？ end in 82, 81 and 9F: only those bytes and \n ! ? are looked at, 16 bytes at a time.
  while (to > floor) {
    const size_t at = source::FindLastByte<'\n', '!', '?', 0x82, 0x81, 0x9F>(text, floor, to);
    if (at == std::string_view::npos) break;
    if (static_cast<unsigned char>(text[at]) < 0x80 ||
        (at >= 2 && (StartsWithAt(text, at - 2, "。") || StartsWithAt(text, at - 2, "！") ||
                     StartsWithAt(text, at - 2, "？")))) {
      return at + 1;
    }
    to = at;
  }
  if (floor == 0) return 0;
  return std::nullopt;
}

size_t HeadClauseEnd(std::string_view text, size_t head, size_t to) {
  size_t head_end = head;
  while (head_end < to && ClauseEndLength(text, head_end) == 0) {
    head_end += source::Utf8LengthOfLead(static_cast<unsigned char>(text[head_end]));
  }
  return head_end;
}

bool States(const StatusMarker& marker) { return marker.kind != MarkerKind::kCompletion; }

// Whether the markers of [head, to) leave the first stated one, of `kind`, in the head clause
// [head, head_end) and state no other kind after it: an earlier item that states its own status
// (财政收入任务1383万元, 已完成8.14亿元 in a 预计 list; 下一步将… in a list of what is now) ends
// it.
bool GovernsTo(const std::vector<StatusMarker>& markers, size_t head_end, MarkerKind kind) {
  const auto stated = std::find_if(markers.begin(), markers.end(), States);
  if (stated == markers.end() || stated->at >= head_end || stated->kind != kind) return false;
  return std::all_of(stated + 1, markers.end(), [&](const StatusMarker& later) {
    return !States(later) || later.kind == kind;
  });
}

// A sentence opened by a forecast alone (經初步預測,1-12月,全鎮完成生產總值3428萬元…。): its
// 预计 or 预测 frames the tally the next sentences of the paragraph go on with (金融機構各項存款
// 餘額達1900萬元…), not only its own list. Looked for over a few sentences back from `head`, the
// start of the sentence the item is in, up to the paragraph's start.
std::optional<ListHead> ForecastBefore(std::string_view text, size_t floor, size_t head,
                                       size_t sentence_begin, ForecastWords* forecasts) {
  if (!forecasts->AnyIn(text, floor, head)) return std::nullopt;
  constexpr int kTallySentences = 3;
  // The words a forecast may open with before 预测 (经初步, 据初步, 据), in bytes.
  constexpr size_t kFrameBefore = 9;
  constexpr size_t kFrameMost = kFrameBefore + 6;  // and the forecast word
  // Or a year with the forecast in brackets after it: 二〇二四年(预测), XX年(预测).
  constexpr size_t kYearFrameMost = 24;
  size_t next = head;
  for (int n = 0; n < kTallySentences; ++n) {
    if (next == 0 || text[next - 1] == '\n') return std::nullopt;
    const size_t mark = static_cast<unsigned char>(text[next - 1]) < 0x80 ? 1 : 3;
    if (next < floor + mark) return std::nullopt;
    const std::optional<size_t> start = SentenceStartBefore(text, floor, next - mark);
    if (!start || *start >= next) return std::nullopt;
    // Only a short head clause is read, and its words only when it ends in the forecast word:
    // most sentences have neither, and this is asked for every sentence read.
    const size_t head_end = HeadClauseEnd(text, *start, std::min(next, *start + kYearFrameMost));
    if (head_end >= next || ClauseEndLength(text, head_end) == 0) {
      next = *start;
      continue;
    }
    // XX年(预测),全镇国内生产总值…: the year the paragraph tallies, marked as a forecast.
    size_t word_end = head_end;
    size_t frame_most = kFrameMost;
    if (EndsWithAt(text, head_end, ")") || EndsWithAt(text, head_end, "）")) {
      const size_t close = head_end - (text[head_end - 1] == ')' ? 1 : 3);
      const size_t word = close >= *start + 6 ? close - 6 : *start;
      const size_t open = EndsWithAt(text, word, "(")    ? word - 1
                          : EndsWithAt(text, word, "（") ? word - 3
                                                         : *start;
      if (open > *start && EndsWithAt(text, open, "年")) {
        word_end = close;
        frame_most = kYearFrameMost;
      }
    }
    std::vector<StatusMarker> markers;
    if (head_end <= *start + frame_most &&
        (EndsWithAt(text, word_end, "预计") || EndsWithAt(text, word_end, "预测"))) {
      FindMarkers(text, *start, head_end, &markers);
    }
    const auto stated = std::find_if(markers.begin(), markers.end(), States);
    if (stated != markers.end()) {
      // The forecast is the whole head clause: 预计, or 经初步预测 before its comma, or a year
      // and the forecast in brackets.
      if (stated->kind != MarkerKind::kExpected || stated->end != word_end ||
          (word_end == head_end && stated->at > *start + kFrameBefore) || head_end >= next) {
        return std::nullopt;
      }
      markers.clear();
      FindMarkers(text, *start, sentence_begin, &markers);
      if (!GovernsTo(markers, head_end, MarkerKind::kExpected)) return std::nullopt;
      return ListHead{*start, head_end, FigureStatus::kExpected, next};
    }
    next = *start;
  }
  return std::nullopt;
}

}  // namespace

bool ForecastWords::AnyIn(std::string_view text, size_t from, size_t to) {
  // 预 (E9 A2 84) then 计 or 测; its lead byte starts one Han character in a dozen, so memchr
  // stops often but each stop is two compares.
  constexpr std::string_view kForecast = "预";
  to = std::min(to, text.size());
  for (size_t at = scanned_to_; at < to; ++at) {
    const void* lead = memchr(text.data() + at, kForecast[0], to - at);
    if (lead == nullptr) break;
    at = static_cast<size_t>(static_cast<const char*>(lead) - text.data());
    if (StartsWithAt(text, at, "预计") || StartsWithAt(text, at, "预测")) found_.push_back(at);
  }
  scanned_to_ = std::max(scanned_to_, to);
  const auto first = std::lower_bound(found_.begin(), found_.end(), from);
  return first != found_.end() && *first < to;
}

std::optional<ListHead> ListHeadOf(std::string_view text, size_t sentence_begin,
                                   ForecastWords* forecasts) {
  // Back over the list's earlier items to the full stop (or line start) that opens it. A list
  // runs to a few hundred characters; one further back is not looked for.
  constexpr size_t kListReach = 2048;
  const size_t floor = sentence_begin > kListReach ? sentence_begin - kListReach : 0;
  const std::optional<size_t> found = SentenceStartBefore(text, floor, sentence_begin);
  if (!found) return std::nullopt;
  const size_t head = *found;
  if (head >= sentence_begin) return ForecastBefore(text, floor, head, sentence_begin, forecasts);
  // The head clause: up to the first clause end.
  const size_t head_end = HeadClauseEnd(text, head, sentence_begin);
  // The head clause alone first: most lists are not headed by 预计 or 目前, and then the items
  // need not be read (a list of n items asked this for each of them).
  std::vector<StatusMarker> markers;
  FindMarkers(text, head, head_end, &markers);
  const auto head_stated = std::find_if(markers.begin(), markers.end(), States);
  if (head_stated == markers.end()) {
    return ForecastBefore(text, floor, head, sentence_begin, forecasts);
  }
  const MarkerKind kind = head_stated->kind;
  // "Now" heads the list only as its opening word: 已 or 截至9月 inside the head's own clause
  // state that clause's figure, not the items after it.
  size_t opening = head;
  while (opening < head_end && (text[opening] == ' ' || text[opening] == '\t')) ++opening;
  const bool now =
      kind == MarkerKind::kResult &&
      AnyStartsAt(text, opening, {"目前"sv, "截至目前"sv, "截止目前"sv, "到目前为止"sv}) &&
      head_stated->at <= opening + std::string_view("到").size();
  if (kind != MarkerKind::kExpected && !now) return std::nullopt;
  markers.clear();
  FindMarkers(text, head, sentence_begin, &markers);
  if (!GovernsTo(markers, head_end, kind)) return std::nullopt;
  return ListHead{head, head_end,
                  kind == MarkerKind::kExpected ? FigureStatus::kExpected : FigureStatus::kResult,
                  head};
}

size_t StatusWords::LastExpectedIn(size_t from, size_t to) const {
  for (auto marker = markers_.rbegin(); marker != markers_.rend(); ++marker) {
    if (marker->at < from) break;
    if (marker->at < to && marker->kind == MarkerKind::kExpected) return marker->at;
  }
  return std::string_view::npos;
}

bool StatusWords::SaysNow(std::string_view text, size_t from, size_t to) const {
  return std::any_of(markers_.begin(), markers_.end(), [&](const StatusMarker& marker) {
    return marker.at >= from && marker.at < to && marker.kind == MarkerKind::kResult &&
           StartsWithAt(text, marker.at, "目前");
  });
}

bool IsBudgetReview(std::string_view text) {
  // The report opens with the budget it debates; a budget named further on is one of the things a
  // work report reviews.
  constexpr size_t kHeadBytes = 4096;
  std::string_view head = text.substr(0, std::min(text.size(), kHeadBytes));
  const auto holds = [&](std::string_view word) {
    return source::FindText(head, word) != std::string_view::npos;
  };
  // Most reports name no budget in their head: one search says so.
  return holds("预算") && (holds("总预算") || holds("预算案")) &&
         (holds("审查") || holds("审议") || holds("三读"));
}

bool IsBudgetLine(std::string_view text, size_t clause_begin, size_t begin, size_t end) {
  const std::string_view figure = text.substr(begin, end - begin);
  if (figure.find("元") == std::string_view::npos && !figure.ends_with("万")) return false;
  const std::string_view before = text.substr(clause_begin, begin - clause_begin);
  for (std::string_view cut : {"删减"sv, "删除"sv, "减列"sv, "核减"sv, "删"sv}) {
    const size_t at = before.find(cut);
    if (at == std::string_view::npos) continue;
    const size_t after = at + cut.size();
    return StartsWithAt(before, after, "为") || StartsWithAt(before, after, "成") ||
           StartsWithAt(before, after, "至");
  }
  return true;
}

FigureStatus StatusOf(const Document& document, size_t begin, size_t end) {
  return ContextOf(document, begin, end).status;
}

}  // namespace glean::figures
