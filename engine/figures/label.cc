#include "engine/figures/label.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "engine/figures/clause_begin.h"
#include "engine/figures/joint_label.h"
#include "engine/figures/label_words.h"
#include "engine/figures/text_at.h"

namespace glean::figures {

using namespace std::string_view_literals;

using label_words::CharLength;
using label_words::FrontVerbAt;
using label_words::FrontVerbRunAt;
using label_words::InnerVerbAt;
using label_words::IsActivityVerb;
using label_words::IsBareMeasure;
using label_words::IsClauseMark;
using label_words::IsGeneralNoun;
using label_words::IsLightVerb;
using label_words::NarrowingFirmsAtEnd;
using label_words::OpensWithWordOfHe;
using label_words::OwnAreaAtEnd;
using label_words::SecondVerbAt;
using label_words::StripComparisonBase;
using label_words::StripEnumerator;
using label_words::StripLeading;
using label_words::StripSameBelow;
using label_words::StripTrailing;
using label_words::WithoutQuotes;

namespace {

// 镇纪委立案, 公安立刑事案件, 监察大队立行政案件: an office that acts is the doer; what it does, or
// the object of it, is what is counted. Empty when no office acts in `words`.
Label DoneByOffice(std::string_view words) {
  static constexpr std::string_view kOffices[] = {"纪委", "公安",   "大队", "派出所",
                                                  "法院", "检察院", "监委"};
  // From the end, where the last office ends; each ends in one of five characters, so the
  // words are compared only there.
  // Asked of every label: a filter on the character's bytes says "no" for almost every other.
  static constexpr CharFilter kEnds = {"委", "安", "队", "所", "院"};
  size_t rest_at = std::string_view::npos;
  for (size_t p = words.size(); p >= 6 && rest_at == std::string_view::npos;) {
    if ((static_cast<unsigned char>(words[p - 3]) & 0xF0) == 0xE0 && kEnds.MayStart(words, p - 3) &&
        AnyEndsAt(words, p, {"委"sv, "安"sv, "队"sv, "所"sv, "院"sv})) {
      for (std::string_view office : kOffices) {
        if (EndsWithAt(words, p, office)) {
          rest_at = p;
          break;
        }
      }
    }
    --p;  // to the end of the character before
    while (p > 0 && (static_cast<unsigned char>(words[p]) & 0xC0) == 0x80) --p;
  }
  if (rest_at == std::string_view::npos || rest_at >= words.size()) return {};
  const std::string_view rest = words.substr(rest_at);
  std::string_view verb = FrontVerbAt(rest);
  // 立 alone is too short a word to look for anywhere else: after an office it opens a case.
  if (verb.empty() && rest.starts_with("立")) verb = rest.substr(0, 3);
  if (verb.empty()) return {};
  const std::string_view object = rest.substr(verb.size());
  if (object.empty()) return {std::string(verb), {}, {}};
  return {WithoutQuotes(object), std::string(verb), {}};
}

}  // namespace

namespace {

// Whether `qualifier`, the words of a clause before its label's 的, narrows the thing named after
// it to a kind (年销售收入超亿元的, 有进出口实绩的, 在粤就读的, 工业对全省经济增长的): a short
// phrase of its own words, not a time or place alone (今年我镇的), nor a list or a long clause
// (涉及土地、婚姻、家庭等领域存在的), whose head noun alone reads better.
bool NarrowsHead(std::string_view qualifier) {
  constexpr size_t kLongest = 12 * 3;  // twelve Han characters
  while (StripLeading(&qualifier, false)) {
  }
  // One character (我的, 党的) is part of a name; a time's 的 (九十一年的) dates, it does not
  // narrow.
  // The two terms of a ratio (社会物流总费用与地区生产总值的比率) may take a few more.
  // So may a part and the growth it adds to (省属规上工业企业对全省规上工业增长的贡献率): the
  // part is the subject whose contribution it is; not a 对 of a circumstance
  // (在对美贸易下降超3成的情况下).
  constexpr size_t kLongestRatio = 18 * 3;
  const size_t with = qualifier.find("与");
  const size_t to = qualifier.find("对");
  // So may a share's part and whole (农村低保标准占城镇低保标准的最低比例); not 占地 (area).
  const size_t of_whole = qualifier.find("占");
  const bool ratio =
      (with != std::string_view::npos && with > 0 && !EndsWithAt(qualifier, with, "参")) ||
      (of_whole != std::string_view::npos && of_whole > 0 &&
       !StartsWithAt(qualifier, of_whole, "占地")) ||
      (to != std::string_view::npos && to > 0 && qualifier.ends_with("增长"));
  if (qualifier.size() < 6 || qualifier.size() > (ratio ? kLongestRatio : kLongest) ||
      qualifier.ends_with("年") || qualifier.ends_with("年度")) {
    return false;
  }
  for (std::string_view stop : {"、"sv, "等"sv, "的"sv, "和"sv, "及"sv, "“"sv, "”"sv, "\""sv}) {
    if (qualifier.find(stop) != std::string_view::npos) return false;
  }
  return OwnAreaAtEnd(qualifier).size() != qualifier.size();
}

// The people money is paid to, at the end of the words before its verb (为贫困中小学生 发放,
// 农村五保对象 发放, 贫困大学生现场 发放): after the last 为, 向 or 给, an adverb of how it was
// paid taken off; empty when the words end in no people.
std::string_view RecipientsAtEnd(std::string_view subject) {
  for (std::string_view how : {"现场"sv, "集中"sv, "统一"sv, "按时"sv, "及时"sv}) {
    if (subject.ends_with(how)) subject.remove_suffix(how.size());
  }
  size_t people = 0;
  for (size_t p = 0; p < subject.size(); p += CharLength(subject, p)) {
    if (AnyStartsAt(subject, p, {"为"sv, "向"sv, "给"sv})) people = p + 3;
  }
  subject.remove_prefix(people);
  while (StripLeading(&subject, false)) {
  }
  constexpr size_t kLongest = 10 * 3;
  if (subject.size() < 2 * 3 || subject.size() > kLongest || !IsHanOnly(subject)) return {};
  for (std::string_view people : {"学生"sv, "对象"sv, "老人"sv, "儿童"sv, "群众"sv, "家庭"sv,
                                  "职工"sv, "农民"sv, "户"sv, "员"sv, "者"sv}) {
    if (subject.ends_with(people)) return subject;
  }
  return {};
}

}  // namespace

Label LabelOf(std::string_view clause) {
  Label result;
  std::string_view words = clause;
  StripEnumerator(&words);  // 十五是打造, 5.完善: the item's number, once, before anything else
  size_t action_begin = std::string_view::npos, action_end = 0;
  const auto at_of = [&](std::string_view part) {
    return static_cast<size_t>(part.data() - clause.data());
  };
  size_t second_verb = std::string_view::npos;  // where the run's second verb starts
  std::string_view last_front_verb;             // a word of kVerbs, not of the clause
  size_t last_front_verb_at = 0;
  std::string_view scope;  // the last word of the report's own area trimmed from the front
  size_t scope_end = std::string_view::npos;
  // The front: time, scope and connectives, then a run of verbs (组织举办, 新建、改造).
  for (bool more = true; more && !words.empty();) {
    const size_t strip_at = at_of(words);
    more = StripLeading(&words);
    if (more) {
      if (const std::string_view stripped = clause.substr(strip_at, at_of(words) - strip_at);
          OwnAreaAtEnd(stripped).size() == stripped.size()) {
        scope = stripped;
        scope_end = at_of(words);
      }
      continue;
    }
    std::string_view verb = FrontVerbRunAt(words);
    if (verb.empty() && action_begin != std::string_view::npos) verb = SecondVerbAt(words);
    if (!verb.empty()) {
      const size_t at = at_of(words);
      if (action_begin == std::string_view::npos) {
        action_begin = at;
      } else if (second_verb == std::string_view::npos) {
        second_verb = at;
      }
      action_end = at + verb.size();
      last_front_verb = verb;
      last_front_verb_at = at;
      words.remove_prefix(verb.size());
      if (words.starts_with("、")) words.remove_prefix(3);
      // 新建和改善提升绿水长廊, 新增及优化调整公交线路: a verb joined to the run by 和 or 及 is
      // one more of its verbs; the label starts at the thing, not at the conjunction.
      for (std::string_view joint : {"和"sv, "及"sv, "与"sv}) {
        if (words.starts_with(joint) && (!FrontVerbRunAt(words.substr(joint.size())).empty() ||
                                         !SecondVerbAt(words.substr(joint.size())).empty())) {
          words.remove_prefix(joint.size());
          break;
        }
      }
      more = true;
    }
  }
  // 新建居住区养老设施配建率: no rate is built or added; the verb says which of the thing the
  // rate is of (the areas newly built), and stays in the name, at the front or inside.
  // Asked only after one of the two verbs: most labels have neither, and stripping costs.
  std::optional<bool> names_rate;
  const auto qualifies_rate = [&, named = words](std::string_view verb) {
    if (verb != "新建" && verb != "新增") return false;
    if (!names_rate) {
      std::string_view bare = named;
      while (StripTrailing(&bare)) {
      }
      names_rate = bare.size() > 3 && (bare.ends_with("率") || bare.ends_with("占比"));
    }
    return *names_rate;
  };
  if (second_verb == std::string_view::npos && action_begin == last_front_verb_at &&
      qualifies_rate(last_front_verb)) {
    words = clause.substr(action_begin, at_of(words) + words.size() - action_begin);
    action_begin = std::string_view::npos;
    action_end = 0;
  }
  // 新建和改善提升绿水长廊, 引进和落地科技成果: a conjunction after the run joins its last verb to
  // one that is no word of the run; the two verbs name the work together, so the label keeps
  // both rather than opening at the conjunction.
  // Not the 和 of a name (和美乡村, 和谐社区, 和平).
  if (action_begin != std::string_view::npos &&
      (words.starts_with("和") || words.starts_with("及") || words.starts_with("与")) &&
      !OpensWithWordOfHe(words)) {
    words = clause.substr(last_front_verb_at, at_of(words) + words.size() - last_front_verb_at);
    action_end = last_front_verb_at;
    if (clause.substr(0, action_end).ends_with("、")) action_end -= 3;
    if (action_end <= action_begin) action_begin = std::string_view::npos;
  }
  // A verb inside: the last one with words after it.
  size_t inner = std::string_view::npos, inner_size = 0;
  for (size_t p = 0; p < words.size(); p += CharLength(words, p)) {
    const std::string_view verb = InnerVerbAt(words.substr(p));
    // 基层党组织: the party's organisations, a noun; 参加县级组织招聘会: fairs a level of
    // government held, whose level names them.
    if (verb == "组织" && (EndsWithAt(words, p, "党") || EndsWithAt(words, p, "级"))) continue;
    if (qualifies_rate(verb)) continue;
    if (!verb.empty() && p > 0) {
      inner = p;
      inner_size = verb.size();
    }
  }
  std::string_view subject;    // the words before a verb inside
  std::string_view narrowing;  // a kind of firm before it that narrows the name
  const size_t front_begin = action_begin, front_end = action_end;
  const size_t words_begin = at_of(words);  // after the front's time, scope and verbs
  if (inner != std::string_view::npos) {
    const size_t at = at_of(words) + inner;
    action_begin = at;
    action_end = at + inner_size;
    subject = words.substr(0, inner);
    words.remove_prefix(inner + inner_size);
  }
  while (StripTrailing(&words)) {
  }
  if (inner != std::string_view::npos) {
    // 临时救助, 中药材种植面积: the verb inside is part of the name; the action is the front's.
    // Not after 累计 or 共 (城市低保累计保障: the subject names it).
    const std::string_view verb = clause.substr(action_begin, inner_size);
    std::string_view bare_subject = subject;
    while (StripTrailing(&bare_subject)) {
    }
    const bool adjacent = bare_subject.size() == subject.size();
    // 低保纳入及调档: a verb joined to another by 及 is named with it.
    const bool joined =
        words.starts_with("及") || words.starts_with("和") || words.starts_with("与");
    // 新闻发布会, 自营出口完成额, 诊疗技术培训班: one character left after the verb is the head
    // of a noun the verb is part of, whatever the verb (a general one, 率, 金, keeps its rule:
    // completion rates are named apart, completion.h).
    const bool one_character = words.size() == 3 && CharLength(words, 0) == 3 &&
                               !IsClauseMark(words) && !IsGeneralNoun(words);
    // 农村产权流转交易额: an activity verb before a measure of it (额, 量, 面积) is part of the
    // measure's name.
    // 全社会研发投入强度: an intensity is of the amount the verb moves, whatever the verb.
    const bool measure_of_activity =
        (IsActivityVerb(verb) &&
         AnyEndsAt(words, words.size(), {"额"sv, "量"sv, "面积"sv, "规模"sv})) ||
        words == "强度";
    // 规模企业实现工业总产值: a kind of firm before a verb that only completes names the part of
    // the total counted; it stays before the name (issue 18).
    if (adjacent && (verb == "实现" || verb == "完成") && !words.empty()) {
      narrowing = NarrowingFirmsAtEnd(bare_subject);
    }
    // 重庆大学国家卓越工程师学院累计输送智能产业人才: a named body before the verb (a university,
    // a group, an airport) is whose figure it is; the label keeps it. So are projects and works
    // that carry the work out (招商引资项目完成固定资产投资, 城建项目共完成征地, 拉沟至木龙公路已
    // 完成工程量60.5%), and a village
    // named alone before it (六合村种植花椒2600余亩, one village's line of a town's list): alone
    // the figure reads as the whole report's.
    // So are a campaign or a service that does the work (“12345”热线受理诉求, …沙漠边缘阻击战
    // 完成综合治理): alone the figure reads as the report's whole area's. (A zone before its
    // verb is NameZoneSubject's.)
    if (narrowing.empty() && !words.empty() &&
        ((bare_subject.size() >= 3 * 3 &&
          AnyEndsAt(bare_subject, bare_subject.size(), {"热线"sv, "攻坚战"sv, "阻击战"sv})) ||
         (bare_subject.size() >= 4 * 3 &&
          (AnyEndsAt(bare_subject, bare_subject.size(),
                     {"集团"sv, "公司"sv, "大学"sv, "学院"sv, "医院"sv, "机场"sv}) ||
           ((bare_subject.ends_with("项目") || bare_subject.ends_with("工程") ||
             bare_subject.ends_with("公路") || bare_subject.ends_with("大桥")) &&
            (verb == "完成" || verb == "实现")))) ||
         (!bare_subject.empty() &&
          VillageNameAtFront(bare_subject).size() == bare_subject.size()))) {
      narrowing = bare_subject;
    }
    // 为贫困中小学生发放了助学金13500元: money paid out is the people's it is paid to; alone it
    // reads as all the report's.
    if (narrowing.empty() && verb == "发放" && !words.empty()) {
      narrowing = RecipientsAtEnd(bare_subject);
    }
    // 高校毕业生就业去向落实率: a bare 率 after a verb that only carries out is that verb's
    // rate, named with its subject; 完成率 alone is named by its task (completion.h).
    const bool own_rate = words == "率" && verb != "完成";
    // 城市更新项目, 片区综合更新改造重点项目: the work a project does names its kind; the
    // projects alone read as all of the report's. Not a verb that only carries projects out
    // (实施, 开展, 签约): the words before it say who or where.
    constexpr size_t kKeyProjects = 4 * 3;  // 重点项目, 重大项目
    const bool project_of_work = (verb == "改造" || verb == "更新") && words.ends_with("项目") &&
                                 words.size() <= kKeyProjects;
    // 全社会研发投入占比, 以工代赈带动就业, 中欧班列累计开行: a measure that names no thing of its
    // own is of the subject and the verb, whatever the verb; the verb stays the action, which
    // rules read (带动 brings people into work).
    // 非常规天然气五年累计产量: a span between the subject and the verb (五年, 今年) says when, as
    // the period reads it; the bare measure is still the subject's.
    if (const std::string_view span = subject.substr(bare_subject.size());
        !adjacent && IsBareMeasure(words) && bare_subject.size() >= 6 && span.ends_with("年") &&
        span.size() <= 3 * 3) {
      narrowing = bare_subject;
    }
    if (adjacent && IsBareMeasure(words) && !bare_subject.empty()) {
      words = clause.substr(at_of(subject), at_of(words) + words.size() - at_of(subject));
      subject = {};
    } else if (adjacent && ((IsGeneralNoun(words) && !IsLightVerb(verb)) || one_character ||
                            measure_of_activity || (words.empty() && IsActivityVerb(verb)) ||
                            joined || own_rate || project_of_work)) {
      words = clause.substr(at_of(subject), at_of(words) + words.size() - at_of(subject));
      subject = {};
      action_begin = front_begin;
      action_end = front_end;
    }
  } else if (action_begin != std::string_view::npos && IsActivityVerb(words)) {
    // 立案审查3件: what is left is an activity, named with the verb before it.
    words = clause.substr(action_begin, at_of(words) + words.size() - action_begin);
    action_begin = std::string_view::npos;
  } else if (action_begin != std::string_view::npos &&
             (IsGeneralNoun(words) || (words.size() == 3 && CharLength(words, 0) == 3)) &&
             (words.size() == 3 || second_verb != std::string_view::npos ||
              !IsLightVerb(clause.substr(action_begin, action_end - action_begin)))) {
    // 认证率, 完成率, 发放慰问救助金, 举办培训班: the verbs after the first name it with a
    // general or one-character noun; not a verb that only obtains or completes (争取资金).
    const size_t name_begin = second_verb == std::string_view::npos ? action_begin : second_verb;
    words = clause.substr(name_begin, at_of(words) + words.size() - name_begin);
    if (second_verb == std::string_view::npos) {
      action_begin = std::string_view::npos;
    } else {
      action_end = second_verb;
      if (clause.substr(0, action_end).ends_with("、")) action_end -= 3;
    }
  }
  // 城市低保累计保障11402人次: after the verbs nothing names the figure (or only another verb);
  // the subject before them does.
  if (!subject.empty() && (words.empty() || FrontVerbAt(words).size() == words.size())) {
    if (!words.empty()) action_end += words.size();
    words = subject;
    // 10个村(社区)均配备了1名…干部: a subject taken one by one (均, 都) is where the figure is
    // counted, not what; the noun after the figure names it.
    const auto one_by_one = [](std::string_view w) {
      return w.ends_with("均") || w.ends_with("都");
    };
    while (!one_by_one(words) && StripTrailing(&words)) {
    }
    if (one_by_one(words)) words = {};
  }
  // 低保、临时救助、军人优抚和应急等各类民政资金: the kind named after 等.
  // Not the 等 of a word (高等教育, 中等职业, 一等奖, 平等): a grade or a sameness.
  if (const size_t etc = words.rfind("等");
      etc != std::string_view::npos && etc > 0 && etc + 3 < words.size() &&
      !AnyEndsAt(words, etc,
                 {"高"sv, "中"sv, "初"sv, "同"sv, "平"sv, "均"sv, "相"sv, "对"sv, "优"sv, "特"sv,
                  "头"sv, "次"sv, "上"sv, "一"sv, "二"sv, "三"sv})) {
    // 钢铁、石化等产业先进产能占比: before a class as wide as 产业 or 行业 the examples are
    // what says which industries; the label keeps them. Not in a 分别 list, whose figures the
    // examples name one each.
    const std::string_view kind = words.substr(etc + 3);
    if (clause.find("分别") != std::string_view::npos ||
        !AnyStartsAt(kind, 0,
                     {"产业"sv, "行业"sv, "重点产业"sv, "重点行业"sv, "领域"sv, "重点领域"sv})) {
      words.remove_prefix(etc + 3);
    }
    for (std::string_view word : {"各类"sv, "各项"sv, "各种"sv, "多项"sv, "一批"sv}) {
      if (words.starts_with(word) && words.size() > word.size()) words.remove_prefix(word.size());
    }
  }
  // After a verb inside, 对 begins a noun (救助对象), not a phrase.
  while (StripLeading(&words, inner == std::string_view::npos)) {
  }
  // 领域存在的各类矛盾纠纷: the head noun after the last 的, unless the words before it narrow
  // what is counted (有进出口实绩的企业, 社会物流总费用与GDP的比率).
  if (const size_t of = words.rfind("的"); of != std::string_view::npos && of + 3 < words.size()) {
    const size_t of_at = at_of(words) + of;
    // 有进出口实绩的企业达242家: a 有 that opens the clause is the qualifier's ("having"), not
    // the report's "there are" (全镇有…).
    // So is a lone verb whose doer is the thing counted (全省参加职业伤害保障的新业态劳动者).
    const std::string_view front_verb = front_begin == std::string_view::npos
                                            ? std::string_view()
                                            : clause.substr(front_begin, front_end - front_begin);
    const bool having = (front_verb == "有" && front_begin == at_of(clause)) ||
                        (second_verb == std::string_view::npos &&
                         (front_verb == "参加" || front_verb == "参与" || front_verb == "享受" ||
                          front_verb == "获得" || front_verb == "取得" || front_verb == "拥有"));
    // 新增销售额近…万元的限上商贸企业: the run's last verb begins the qualifier's words.
    const size_t qualifier_begin = having                                  ? front_begin
                                   : second_verb != std::string_view::npos ? last_front_verb_at
                                                                           : words_begin;
    if (qualifier_begin < of_at &&
        NarrowsHead(clause.substr(qualifier_begin, of_at - qualifier_begin))) {
      words = clause.substr(qualifier_begin, at_of(words) + words.size() - qualifier_begin);
      // A verb inside is the qualifier's (达到服务能力标准的…占比), and so is the end of the
      // front's run the qualifier begins with.
      if (action_begin != std::string_view::npos && action_begin >= qualifier_begin) {
        action_begin = front_begin;
        action_end = front_end;
      }
      if (action_begin != std::string_view::npos && action_end > qualifier_begin) {
        action_end = qualifier_begin;
        if (action_end <= action_begin) action_begin = std::string_view::npos;
      }
    } else {
      words.remove_prefix(of + 3);
      while (StripLeading(&words, false)) {
      }
    }
  }
  // 生产总值由“十五”末的: the words before the comparison. Not the 从 of 从业人员 (employees).
  for (std::string_view preposition : {"由"sv, "从"sv}) {
    if (const size_t at = words.find(preposition);
        at != std::string_view::npos && at > 0 && !StartsWithAt(words, at, "从业")) {
      words = words.substr(0, at);
    }
  }
  while (StripTrailing(&words)) {
  }
  if (StripComparisonBase(&words)) {
    while (StripTrailing(&words)) {
    }
  }
  if (const Label done = DoneByOffice(words); !done.label.empty()) return done;
  // 完成投资4608亿元: a verb that names its own amount ends the run and names the figure.
  if (words.empty() && second_verb != std::string_view::npos && action_begin == front_begin &&
      NamesOwnAmount(last_front_verb)) {
    return {std::string(last_front_verb),
            std::string(clause.substr(action_begin, last_front_verb_at - action_begin)),
            {}};
  }
  // 全国电源规模最大、新能源占比最高、总投资近2000亿元的…基地: items that rank the thing (最大,
  // 最高, 第一) describe it; what the figure counts is named after the last of them.
  // Not 第一 alone, a sector's name (第一、第三产业增加值).
  const auto ranks = [](std::string_view item) {
    return (item.size() > 6 && EndsWithAt(item, item.size() - 3, "最")) ||
           (item.size() > 6 &&
            AnyEndsAt(item, item.size(), {"第一"sv, "首位"sv, "前列"sv, "领先"sv}));
  };
  for (size_t joint = words.rfind("、"); joint != std::string_view::npos && joint > 0;
       joint = words.rfind("、", joint - 1)) {
    const size_t item_begin = words.rfind("、", joint - 1);
    const std::string_view item =
        words.substr(item_begin == std::string_view::npos ? 0 : item_begin + 3,
                     joint - (item_begin == std::string_view::npos ? 0 : item_begin + 3));
    if (ranks(item)) {
      // 全球单机规模最大、技术领先的2座…: nothing but rankings is left as it is.
      const std::string_view rest = words.substr(joint + std::string_view("、").size());
      if (!ranks(rest)) words = rest;
      break;
    }
  }
  // 累计建成“40桥24隧”、城市道路突破7000公里: a quoted item with a count in it is counted by
  // its own name; the items after it are the figure's.
  if (const size_t joint = words.rfind("”、"); joint != std::string_view::npos) {
    const size_t open = words.rfind("“", joint);
    const std::string_view quoted =
        open == std::string_view::npos ? std::string_view() : words.substr(open, joint - open);
    if ((open == 0 || (open != std::string_view::npos && EndsWithAt(words, open, "、"))) &&
        quoted.find_first_of("0123456789") != std::string_view::npos &&
        joint + std::string_view("”、").size() < words.size()) {
      words.remove_prefix(joint + std::string_view("”、").size());
    }
  }
  // 加快金川四矿区贫矿资源综合开发利用、白银集团7万吨锌基合金: a last item that is a firm names
  // its own plant; the items before are other projects. Not a list of firms (甲集团、乙集团).
  if (const size_t joint = words.ends_with("集团") || words.ends_with("公司")
                               ? words.rfind("、")
                               : std::string_view::npos;
      joint != std::string_view::npos) {
    const std::string_view last = words.substr(joint + std::string_view("、").size());
    const std::string_view rest = words.substr(0, joint);
    const auto firm = [](std::string_view item) {
      return item.ends_with("集团") || item.ends_with("公司");
    };
    // The items before name a project (six characters or more), not a grade (央企二、三级子公司).
    constexpr size_t kProject = 6 * 3;
    if (last.size() > 6 && rest.size() >= kProject && firm(last) &&
        rest.find("集团") == std::string_view::npos &&
        rest.find("公司") == std::string_view::npos) {
      words = last;
    }
  }
  // 黄桃、金盆柚"两果": a count that sums up the list before it names nothing more.
  if (words.find("、") != std::string_view::npos) {
    std::string_view sum = words;
    while (sum.ends_with("\"") || sum.ends_with("”"))
      sum.remove_suffix(sum.ends_with("\"") ? 1 : 3);
    if (sum.size() > 6 &&
        AnyEndsAt(sum, sum.size() - 3,
                  {"两"sv, "三"sv, "四"sv, "五"sv, "六"sv, "七"sv, "八"sv, "九"sv, "十"sv})) {
      sum.remove_suffix(6);
      while (sum.ends_with("\"") || sum.ends_with("“"))
        sum.remove_suffix(sum.ends_with("\"") ? 1 : 3);
      words = sum;
    }
  }
  const std::string measure_of_finished = MeasureAfterFinishedItem(clause, words);
  if (!measure_of_finished.empty()) words = measure_of_finished;
  StripSameBelow(&words);  // 五年(下同)年均增长9.3%: the span of the average, not its name
  // 全省地区生产总值, 全镇完成生产总值: the report's own area right before the name, or before a
  // verb that only completes, is kept apart for the figures stage (figures.h).
  if (!scope.empty() && narrowing.empty() && measure_of_finished.empty() && !words.empty()) {
    const size_t label_at = at_of(words);
    const std::string_view light_verb = action_begin == scope_end
                                            ? clause.substr(action_begin, action_end - action_begin)
                                            : std::string_view();
    if (label_at == scope_end ||
        (label_at == action_end && (light_verb == "实现" || light_verb == "完成"))) {
      result.scope = std::string(scope);
    }
  }
  result.label = WithoutQuotes(words);
  if (!narrowing.empty() && !result.label.empty()) {
    // “四个十大”项目完成投资: the name before the verb may be the label already, less its quotes.
    const std::string named = WithoutQuotes(narrowing);
    if (!result.label.starts_with(named)) result.label.insert(0, named);
  }
  if (action_begin != std::string_view::npos) {
    result.action = std::string(clause.substr(action_begin, action_end - action_begin));
  }
  return result;
}

std::string_view ThresholdQualifier(std::string_view text, size_t before_begin,
                                    size_t clause_begin) {
  constexpr std::string_view kOf = "的";
  if (before_begin >= clause_begin || !StartsWithAt(text, clause_begin, kOf)) return {};
  const std::string_view qualifier = text.substr(before_begin, clause_begin - before_begin);
  // The figure's digits are no words of a clause: they are taken out of the check.
  std::string words;
  for (char c : qualifier) {
    if (!IsDigit(c) && c != '.') words += c;
  }
  if (words.size() == qualifier.size() || !NarrowsHead(words)) return {};
  return text.substr(before_begin, qualifier.size() + kOf.size());
}

std::string_view PerUnitOf(std::string_view clause) {
  // 各县, 各市(州): each of the report's own units of a kind, written in one character.
  if (const size_t each = clause.find("各");
      each != std::string_view::npos &&
      AnyStartsAt(clause, each + 3, {"县"sv, "市"sv, "区"sv, "乡"sv, "镇"sv, "村"sv}) &&
      !AnyStartsAt(clause, each + 3, {"市场"sv, "区域"sv, "村民"sv})) {
    return clause.substr(each, 6);
  }
  size_t each = clause.find("每个");
  size_t noun_at = each + std::string_view("每个").size();
  if (each == std::string_view::npos) {
    each = clause.find("每一个");
    noun_at = each + std::string_view("每一个").size();
  }
  if (each == std::string_view::npos) return {};
  // The noun runs to the next verb; its first word may be one (脱贫县, 新建村).
  constexpr size_t kLongest = 8 * 3;
  size_t p = noun_at + CharLength(clause, noun_at);
  while (p < clause.size() && p - noun_at < kLongest && !IsClauseMark(clause.substr(p, 3)) &&
         InnerVerbAt(clause.substr(p)).empty() && FrontVerbAt(clause.substr(p)).empty()) {
    p += CharLength(clause, p);
  }
  if (p >= clause.size() || p - noun_at >= kLongest) return {};
  return clause.substr(each, p - each);
}

bool NamesActivity(std::string_view action) { return IsActivityVerb(action); }

bool NamesOwnAmount(std::string_view action) {
  return action == "投资" || action == "投入" || action == "销售";
}

bool QualifiesNext(std::string_view clause) {
  // A time's 的 dates the figure itself (从2020年的3.68万亿元, 由“十五”末的12.8亿元).
  for (std::string_view time : {"年的"sv, "末的"sv, "底的"sv, "期的"sv}) {
    if (clause.ends_with(time)) return false;
  }
  if (clause.ends_with("的") || clause.ends_with("对")) return true;
  // 将我镇129户畜禽养殖户, 对全镇18个村: the object put first, in the report's own area.
  while (clause.ends_with(" ")) clause.remove_suffix(1);
  const std::string_view scope = OwnAreaAtEnd(clause);
  if (scope.empty()) return false;
  const std::string_view before = clause.substr(0, clause.size() - scope.size());
  return before.ends_with("将") || before.ends_with("把") || before.ends_with("对");
}

bool IsPlaceName(std::string_view label) {
  if (label.size() < 9) return false;
  if (!label.ends_with("村") && !label.ends_with("镇") && !label.ends_with("乡")) return false;
  // Kinds of village counted in 个 or named by their programme, not one village's name.
  for (std::string_view kind :
       {"农村"sv, "乡村"sv, "城乡"sv, "行政村"sv, "贫困村"sv, "示范村"sv, "中心村"sv, "重点村"sv,
        "城中村"sv, "美丽乡村"sv, "特色小镇"sv, "集镇"sv, "乡镇"sv}) {
    if (label.ends_with(kind)) return false;
  }
  return true;
}

std::string_view VillageNameAtFront(std::string_view label) {
  // Most labels hold no 村 in their first five characters: one search there.
  constexpr size_t kVillageName = 5 * 3;
  const size_t village_end = label.substr(0, kVillageName).find("村");
  if (village_end == std::string_view::npos) return {};
  const std::string_view village = label.substr(0, village_end + 3);
  return IsHanOnly(village) && IsPlaceName(village) ? village : std::string_view();
}

bool ForWhom(std::string_view clause) {
  while (clause.ends_with(" ")) clause.remove_suffix(1);
  return clause.size() > 3 &&
         (clause.ends_with("为") || clause.ends_with("给") || clause.ends_with("向")) &&
         !clause.ends_with("行为") && !clause.ends_with("分别为");
}

bool EndsWithJoint(std::string_view clause) {
  while (clause.ends_with(" ")) clause.remove_suffix(1);
  if (clause.size() <= 3) return false;
  if (clause.ends_with("与")) return !clause.ends_with("参与") && !clause.ends_with("给与");
  return clause.ends_with("和") || clause.ends_with("及");
}

bool EndsWithScope(std::string_view clause) {
  while (clause.ends_with(" ")) clause.remove_suffix(1);
  return !OwnAreaAtEnd(clause).empty();
}

std::string LabelOfClauseBefore(std::string_view text, size_t clause_begin, size_t clause_end,
                                size_t floor) {
  size_t mark = clause_begin;
  for (std::string_view comma : {"，"sv, ","sv}) {
    if (clause_begin >= floor + comma.size() && EndsWithAt(text, clause_begin, comma)) {
      mark = clause_begin - comma.size();
    }
  }
  std::string_view own = text.substr(clause_begin, clause_end - clause_begin);
  while (own.starts_with(" ")) own.remove_prefix(1);
  while (own.ends_with(" ")) own.remove_suffix(1);
  bool filler_only = own.empty();
  for (std::string_view filler : {"共计"sv, "合计"sv, "总计"sv, "累计"sv, "共"sv})
    filler_only |= own == filler;
  if (mark == clause_begin || !filler_only) return {};
  const size_t begin = ClauseBegin(text, mark, floor);
  if (begin == floor && floor > 0) return {};  // the words after a figure: its own
  std::string label = LabelOf(text.substr(begin, mark - begin)).label;
  // 开展房屋普查工作: the work is the survey.
  if (label.ends_with("工作") && label.size() > 6) label.resize(label.size() - 6);
  return label;
}

void CarrySubjectQualifiers(std::string_view text, std::vector<Figure>* figures) {
  static constexpr std::string_view kQualifiers[] = {"城市", "农村", "城镇", "城区"};
  const auto qualifier_of = [](std::string_view label) -> std::string_view {
    for (std::string_view qualifier : kQualifiers) {
      if (label.starts_with(qualifier)) return qualifier;
    }
    return {};
  };
  // Whether only a comma stands between the figure before and the clause of the figure.
  const auto comma_then = [](std::string_view between, std::string_view clause) {
    return (between.starts_with(",") && between.substr(1) == clause) ||
           (between.starts_with("，") && between.substr(3) == clause);
  };
  for (size_t k = 1; k < figures->size(); ++k) {
    Figure& figure = (*figures)[k];
    const Figure& before = (*figures)[k - 1];
    // 港澳居民在粤参加医保43万人次，参加养老、失业、工伤保险35.4万人次: a clause that opens with
    // the verb of taking part the figure before named its people with, after only a comma, is
    // those people's too; alone it reads as everyone's enrolment. Only verbs whose doer is the
    // people counted: others are words of a noun as often (建成区, 保护修复工程).
    const bool taking_part =
        figure.action == "参加" || figure.action == "参与" || figure.action == "享受";
    if (const size_t verb_at = !taking_part ? std::string::npos : before.label.find(figure.action);
        verb_at != std::string::npos && verb_at > 0 && !figure.label.empty() &&
        before.end < figure.begin) {
      const std::string_view between = text.substr(before.end, figure.begin - before.end);
      if ((between.starts_with("，") || between.starts_with(",")) &&
          between.substr(between.starts_with(",") ? 1 : 3).starts_with(figure.action) &&
          !figure.label.starts_with(before.label.substr(0, verb_at))) {
        figure.label.insert(0, before.label.substr(0, verb_at + figure.action.size()));
        continue;
      }
    }
    // 城市低保新增276户462人,退出374户714人: a clause of one word of two characters (a verb the
    // label words need not know), after a comma, goes on with the subject the figure before named
    // with its own verb.
    constexpr size_t kVerbBytes = 2 * 3;
    if (figure.label.size() == kVerbBytes && figure.clause == figure.label &&
        figure.action.empty() && before.end < figure.begin) {
      const std::string_view verb_before = label_words::VerbAtEnd(before.label);
      const std::string_view between = text.substr(before.end, figure.begin - before.end);
      if (!verb_before.empty() && verb_before.size() < before.label.size() &&
          verb_before != figure.label && comma_then(between, figure.clause)) {
        const std::string subject(before.label.substr(0, before.label.size() - verb_before.size()));
        // The pair's second figure (374户714人) took the first's label already.
        for (size_t j = k + 1;
             j < figures->size() && (*figures)[j].begin == (*figures)[j - 1].end &&
             (*figures)[j].label == figure.label;
             ++j) {
          (*figures)[j].label.insert(0, subject);
        }
        figure.label.insert(0, subject);
        continue;
      }
    }
    // 全年新增农村五保142人,自然减员135人: a register's outflow after a comma, with no name of its
    // own, is of the register the figure before added to with its verb.
    if (!before.action.empty() && !before.label.empty() && figure.action.empty() &&
        figure.clause == figure.label && before.end < figure.begin &&
        (figure.label == "自然减员" || figure.label == "减员" || figure.label == "核减" ||
         figure.label == "退出" || figure.label == "注销" || figure.label == "死亡" ||
         figure.label == "迁出")) {
      if (comma_then(text.substr(before.end, figure.begin - before.end), figure.clause)) {
        figure.label.insert(0, before.label);
        continue;
      }
    }
    // 地区生产总值年均增长6.3%，五年跨越两个千亿元台阶: a clause of milestones passed that names
    // no subject (a time word at most before its verb) is of the level the figure before named.
    if (const size_t verb = (figure.label.ends_with("阶") || figure.label.ends_with("关"))
                                ? MilestoneVerbBefore(text, figure.begin)
                                : 0;
        verb > 0 && !before.label.empty() && before.end < figure.begin &&
        (figure.label.ends_with("台阶") || figure.label.ends_with("大关")) &&
        figure.label.find(before.label) == std::string::npos) {
      std::string_view between = text.substr(before.end, figure.begin - before.end);
      const size_t comma = between.starts_with(",") ? 1 : between.starts_with("，") ? 3 : 0;
      constexpr size_t kTimeWord = 2 * 3;
      if (comma > 0 && between.size() - comma >= verb &&
          between.size() - comma - verb <= kTimeWord && IsHanOnly(between.substr(comma))) {
        // The milestone's own size (千亿元 of 两个千亿元台阶) took the count's label.
        const std::string milestones = figure.label;
        for (size_t j = k; j < figures->size() && (*figures)[j].label == milestones; ++j) {
          (*figures)[j].label.insert(0, before.label);
        }
        continue;
      }
    }
    // 六合村种植花椒2600余亩、黄桃1200余亩: the village of the item before, named before its
    // verb, is the next item's too, when only 、 and the item's name stand between them.
    if (const std::string_view village = VillageNameAtFront(before.label);
        !village.empty() && before.end < figure.begin && !figure.label.empty() &&
        VillageNameAtFront(figure.label).empty() &&
        text.substr(before.end, figure.begin - before.end) == "、" + figure.label) {
      figure.label.insert(0, village);
      continue;
    }
    const std::string_view qualifier = qualifier_of(before.label);
    if (qualifier.empty() || !qualifier_of(figure.label).empty() || before.end > figure.begin) {
      continue;
    }
    const std::string_view subject = std::string_view(before.label).substr(qualifier.size());
    // 低保 → 低保金: the label goes on with the subject's own words, and is longer.
    constexpr size_t kCharBytes = 3;
    if (subject.size() < 2 * kCharBytes || !figure.label.starts_with(subject) ||
        figure.label.size() <= subject.size()) {
      continue;
    }
    if (SentenceEndsIn(text.substr(before.end, figure.begin - before.end))) continue;
    figure.label = std::string(qualifier) + figure.label;
  }
}

std::string LabelOfPairStart(std::string_view text, size_t clause_begin, size_t clause_end,
                             size_t floor, std::string_view label_before) {
  std::string_view own = text.substr(clause_begin, clause_end - clause_begin);
  while (own.starts_with(" ")) own.remove_prefix(1);
  if (!own.starts_with("从") && !own.starts_with("由")) return {};
  size_t mark = clause_begin;
  for (std::string_view comma : {"，"sv, ","sv}) {
    if (clause_begin >= floor + comma.size() && EndsWithAt(text, clause_begin, comma)) {
      mark = clause_begin - comma.size();
    }
  }
  if (mark == clause_begin) return {};
  // 增长12%左右,由…: the pair restates the level of the figure just before.
  std::string_view between = text.substr(floor, mark - floor);
  for (std::string_view bound : {"左右"sv, "以上"sv, " "sv}) {
    while (between.starts_with(bound)) between.remove_prefix(bound.size());
  }
  if (between.empty()) return std::string(label_before);
  const size_t begin = ClauseBegin(text, mark, floor);
  if (begin == floor && floor > 0) return {};  // the words after a figure: a count's, not a subject
  std::string_view subject = text.substr(begin, mark - begin);
  while (StripLeading(&subject)) {
  }
  if (subject.empty()) return {};
  for (size_t p = CharLength(subject, 0); p < subject.size(); p += CharLength(subject, p)) {
    if (!InnerVerbAt(subject.substr(p)).empty() || !FrontVerbAt(subject.substr(p)).empty()) {
      return WithoutQuotes(subject.substr(0, p));
    }
  }
  return {};
}

void NameShareByFigureBefore(std::string_view text, size_t clause_begin, size_t floor,
                             std::string_view label_before, std::string* label) {
  constexpr std::string_view kShare = "占";
  // 非烟非能工业增加值增长8.1%、对规模以上工业增长贡献率达72.9%: a contribution opened by 对 is
  // the figure before's, not the whole's own; it keeps that subject, as 工业对经济增长贡献率 does.
  constexpr std::string_view kTo = "对";
  if (StartsWithAt(text, clause_begin, kTo) && label->ends_with("贡献率") &&
      !label_before.empty() && !label_before.ends_with("率")) {
    const std::string_view between = text.substr(floor, clause_begin - floor);
    if (between == "、" || between == "，" || between == ",") {
      label->insert(0, std::string(label_before) + std::string(kTo));
    }
    return;
  }
  // 建设高标准农田910万亩，补齐历史欠账，建成面积占永久基本农田比例达到66.25%: an area as a
  // share's part names no land of its own; it is the land of the figure before, a clause or two
  // back in the same sentence.
  if (constexpr std::string_view kArea = "面积占";
      label->starts_with(kArea) && !label_before.empty() && clause_begin >= floor) {
    const std::string_view between = text.substr(floor, clause_begin - floor);
    constexpr size_t kFewWords = 10 * 3;
    for (std::string_view measure : {"面积"sv, "率"sv, "比重"sv, "占比"sv, "比例"sv, "亩"sv}) {
      if (label_before.ends_with(measure)) return;
    }
    if (between.size() <= kFewWords && between.find("。") == std::string_view::npos &&
        between.find("；") == std::string_view::npos &&
        between.find_first_of(";\n") == std::string_view::npos) {
      label->insert(0, label_before);
    }
    return;
  }
  if (!label->starts_with(kShare) || label_before.empty() || label_before.starts_with(kShare) ||
      !StartsWithAt(text, clause_begin, kShare)) {
    return;
  }
  // 新能源装机达4091万千瓦、占比达44.7%: a bare 占比 is the share of the figure before, after 、
  // as after a comma.
  const bool bare = *label == "占比";
  const auto whole_named = [&] {
    if (bare) return true;
    for (std::string_view whole :
         {"全国"sv, "全省"sv, "全市"sv, "全区"sv, "全县"sv, "全球"sv, "全部"sv, "总"sv, "财政"sv,
          "地方财政"sv, "地区生产总值"sv, "生产总值"sv, "GDP"sv}) {
      if (StartsWithAt(*label, kShare.size(), whole)) return true;
    }
    return false;
  };
  if (!whole_named()) return;
  // A share of a rate or of a share is no share of a thing.
  for (std::string_view ratio : {"率"sv, "比重"sv, "占比"sv, "比例"sv}) {
    if (label_before.ends_with(ratio)) return;
  }
  std::string_view between = text.substr(floor, clause_begin - floor);
  for (std::string_view bound : {"左右"sv, "以上"sv, " "sv}) {
    while (between.starts_with(bound)) between.remove_prefix(bound.size());
  }
  // After 、 too (数字经济核心产业增加值1200亿元、占地区生产总值比重8.5%): a share that names its
  // whole is the figure before's, as after a comma.
  if (between != "，" && between != "," && between != "、") return;
  label->insert(0, label_before);
}

void CompleteGrades(std::string_view text, std::vector<Figure>* figures) {
  constexpr std::string_view kGrade = "级";
  constexpr size_t kLongestGrade = 4 * 3;  // 国家级, 千亿级, 自治区级
  // Where the grade of `label` ends (国家级 of 国家级临床重点专科), or npos.
  const auto grade_end = [&](std::string_view label) {
    const size_t at = label.find(kGrade);
    return at == std::string_view::npos || at + kGrade.size() > kLongestGrade
               ? std::string_view::npos
               : at + kGrade.size();
  };
  for (size_t k = figures->size(); k-- > 1;) {
    Figure& figure = (*figures)[k - 1];
    const Figure& next = (*figures)[k];
    if (!figure.label.ends_with(kGrade) || grade_end(figure.label) != figure.label.size() ||
        figure.end > next.begin) {
      continue;
    }
    const size_t next_grade = grade_end(next.label);
    // Two characters at least of a noun after the next figure's grade.
    if (next_grade == std::string_view::npos || next.label.size() < next_grade + 6) continue;
    // Only the grade and a joint between the two: 6个国家级、20个.
    const std::string_view between = text.substr(figure.end, next.begin - figure.end);
    if (!between.starts_with(figure.label)) continue;
    const std::string_view joint = between.substr(figure.label.size());
    if (joint != "、" && joint != "和" && joint != "及") continue;
    figure.label += next.label.substr(next_grade);
  }
}

}  // namespace glean::figures
