#include "engine/figures/exceptions.h"

#include <string_view>

#include "engine/figures/text_at.h"

namespace glean::figures {

using namespace std::string_view_literals;

namespace {

// 5个方面, 十个方面: the count of the parts a speech or plan is laid out in. Of problems
// (存在两个方面的问题) only when the speaker announces them (讲两个方面的问题): problems found are
// what a report reports.
bool CountsAspects(std::string_view text, const Reading& reading) {
  if (!StartsWithAt(text, reading.end, "方面")) return false;
  size_t after = reading.end + 6;
  if (StartsWithAt(text, after, "的")) after += 3;
  return !AnyStartsAt(text, after, {"问题"sv, "不足"sv, "短板"sv, "差距"sv, "困难"sv}) ||
         AnyEndsAt(text, reading.outer_begin, {"讲"sv, "谈"sv, "汇报"sv, "讲讲"sv});
}

// The nouns a speech counts its own parts in, before it lists them (…亮点：一是).
constexpr std::string_view kPartNouns[] = {"方面", "亮点", "举措", "工作", "任务", "措施",
                                           "意见", "体会", "特点", "大事", "目标"};

// A list the count announces and the speech then enumerates: 十个突出亮点：一是, 13项任务举措：
// 一是, 产业开发有五项:一是. Of a count of things and not of the speech's parts (新建卫生室3个：
// 一是…) nothing is said: only the nouns above, or a bare 项 after 有, count the speech's parts.
bool AnnouncesList(std::string_view text, const Reading& reading) {
  constexpr size_t kReach = 30;  // ten characters of noun between the figure and the colon
  const std::string_view after = text.substr(reading.end, kReach);
  const size_t colon = after.find(':');
  if (colon == std::string_view::npos) return false;
  const size_t list = reading.end + colon + 1;
  if (!AnyStartsAt(text, list, {"一是"sv, "(一)"sv, "1."sv, "1、"sv, "第一"sv})) return false;
  if (colon == 0) {
    return EndsWithAt(text, reading.end, "项") && EndsWithAt(text, reading.outer_begin, "有");
  }
  const std::string_view noun = after.substr(0, colon);
  if (noun.find_first_of(",;") != std::string_view::npos ||
      noun.find("。") != std::string_view::npos) {
    return false;
  }
  for (std::string_view part : kPartNouns) {
    if (noun.ends_with(part)) return true;
  }
  return false;
}

// Set phrases a report writes with a count that counts nothing of its own: political formulas
// and idioms. A count starting one of them is not data; quoted, the figures stage does not find
// them at all.
constexpr std::string_view kSetPhrases[] = {
    "两个确立", "两个维护",   "两个大局",     "两个文明", "两个市场、两种资源",
    "两种资源", "两个一百年", "两个毫不动摇", "两个结合", "三个代表",
    "四个意识", "四个自信",   "四个全面",     "四个革命", "六个精准",
    "两条底线", "千家万户",   "八方支援",     "二人转"};

bool InSetPhrase(std::string_view text, const Reading& reading) {
  if (!reading.chinese) return false;
  for (std::string_view phrase : kSetPhrases) {
    if (StartsWithAt(text, reading.begin, phrase)) return true;
  }
  return StartsWithAt(text, reading.begin, "八方") && EndsWithAt(text, reading.begin, "四面");
}

// 浏览次数:419次 on a copied web page, and a document-sharing site's 5篇43万字 before a title.
bool CountsWebPage(std::string_view text, const Reading& reading) {
  size_t before = reading.outer_begin;
  while (before > 0 && text[before - 1] == ' ') --before;
  if (EndsWithAt(text, before, ":") &&
      AnyEndsAt(text, before - 1,
                {"浏览次数"sv, "阅读次数"sv, "访问次数"sv, "点击次数"sv, "浏览量"sv})) {
    return true;
  }
  if (!EndsWithAt(text, reading.end, "篇")) return false;
  size_t p = reading.end;
  while (p < text.size() && (IsDigit(text[p]) || text[p] == '.')) ++p;
  return p > reading.end && AnyStartsAt(text, p, {"万字"sv, "字"sv});
}

}  // namespace

bool IsWordNotFigure(std::string_view text, const Reading& reading) {
  const size_t end = reading.end;
  // A unit read from the first character of a word: 方 of 方面 and 方案, 台 of 台阶.
  if (EndsWithAt(text, end, "方") &&
      AnyStartsAt(text, end, {"面"sv, "案"sv, "式"sv, "向"sv, "法"sv, "针"sv, "位"sv})) {
    return true;
  }
  if (EndsWithAt(text, end, "台") && StartsWithAt(text, end, "阶")) return true;
  // 千吨级及以上航道, 30万千瓦级煤电机组: an amount before 级 is the class of the thing after it,
  // not an amount of its own.
  if (StartsWithAt(text, end, "级")) return true;
  // 2个1类创新药获批上市: a drug's registration class, not a count of kinds.
  if (EndsWithAt(text, end, "类") && AnyStartsAt(text, end, {"创新药"sv, "新药"sv, "医疗器械"sv})) {
    return true;
  }
  if (EndsWithAt(text, end, "人") && StartsWithAt(text, end, "制") &&
      AnyStartsAt(text, end + 3, {"篮球"sv, "足球"sv, "排球"sv, "比赛"sv, "赛"sv})) {
    return true;  // 3人制篮球场
  }
  // 区十六届人大四次会议: the session, not four meetings (十一届十次全会 stops at 届 before).
  if (EndsWithAt(text, end, "次") && AnyStartsAt(text, end, {"会议"sv, "全会"sv, "全体会议"sv})) {
    constexpr size_t kReach = 15;  // 届 and a body's name: 人大, 政协, 党代会, 人大常委会
    const size_t from = reading.begin > kReach ? reading.begin - kReach : 0;
    if (text.substr(from, reading.begin - from).find("届") != std::string_view::npos) return true;
  }
  return false;
}

FigureExcept ExceptionOf(std::string_view text, const Reading& reading) {
  if (CountsAspects(text, reading) || AnnouncesList(text, reading)) {
    return FigureExcept::kOutline;
  }
  // 主要是做好四篇文章: the tasks of the speech, written as essays.
  if (EndsWithAt(text, reading.end, "篇") &&
      AnyStartsAt(text, reading.end, {"文章"sv, "大文章"sv})) {
    return FigureExcept::kOutline;
  }
  // 三、全力抓好七项重点工作: a heading that counts the tasks its section lists.
  if (StartsWithAt(text, reading.end, "重点工作") &&
      (reading.end + 12 >= text.size() || text[reading.end + 12] == '\n' ||
       text[reading.end + 12] == ':')) {
    return FigureExcept::kOutline;
  }
  if (InSetPhrase(text, reading)) return FigureExcept::kSetPhrase;
  if (CountsWebPage(text, reading)) return FigureExcept::kWebPage;
  return FigureExcept::kNone;
}

}  // namespace glean::figures
