#include "engine/figures/figures.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/document_impl.h"
#include "engine/figures/changes.h"
#include "engine/figures/clause_begin.h"
#include "engine/figures/completion.h"
#include "engine/figures/exceptions.h"
#include "engine/figures/figure_context.h"
#include "engine/figures/joint_label.h"
#include "engine/figures/label.h"
#include "engine/figures/label_words.h"
#include "engine/figures/level_before.h"
#include "engine/figures/list_approx.h"
#include "engine/figures/measure_owner.h"
#include "engine/figures/noun_after.h"
#include "engine/figures/plan_year.h"
#include "engine/figures/reader.h"
#include "engine/figures/status_after.h"
#include "engine/figures/text_at.h"
#include "engine/figures/threshold.h"
#include "engine/source/utf8.h"

namespace glean::figures {

using namespace std::string_view_literals;

namespace {

bool IsAsciiWord(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || IsDigit(c);
}

// Where the last “ in [from, to) of `text` starts, or npos: found by its last byte (9C), which
// few characters end with, through memrchr, rather than compared at every byte of the reach.
size_t LastOpeningQuote(std::string_view text, size_t from, size_t to) {
  constexpr std::string_view kOpen = "“";
  static_assert(kOpen.size() == 3 && kOpen[2] == '\x9C');
  while (to >= from + kOpen.size()) {
    const void* hit = memrchr(text.data() + from + 2, 0x9C, to - from - 2);
    if (hit == nullptr) return std::string_view::npos;
    const size_t at = static_cast<size_t>(static_cast<const char*>(hit) - text.data()) - 2;
    if (StartsWithAt(text, at, kOpen)) return at;
    to = at + 2;
  }
  return std::string_view::npos;
}

// Whether [begin, end) lies in a short quotation (“五个到户”, “双20条”): the name of a policy or a
// slogan, not a quantity.
bool InShortQuote(std::string_view text, size_t begin, size_t end) {
  constexpr size_t kReach = 36;  // twelve characters
  const size_t from = begin > kReach ? begin - kReach : 0;
  // ASCII quotes ("四个"), as PDF text often has: an odd number of them before it on its line,
  // counted over more than the quotation's reach so that a window cut between two quotes does
  // not turn the count (增强"四个意识"、坚定"四个自信"、做到"两个维护").
  // The quote after it first: most figures have none, and then the line need not be counted.
  if (text.substr(end, kReach).find('"') != std::string_view::npos) {
    constexpr size_t kLineReach = 512;
    const size_t line_from = begin > kLineReach ? begin - kLineReach : 0;
    const size_t newline = text.substr(line_from, begin - line_from).rfind('\n');
    const size_t line_begin =
        newline == std::string_view::npos ? line_from : line_from + newline + 1;
    const auto quotes = std::count(text.begin() + static_cast<long>(line_begin),
                                   text.begin() + static_cast<long>(begin), '"');
    if (quotes % 2 == 1) return true;
  }
  const size_t open_at = LastOpeningQuote(text, from, begin);
  if (open_at == std::string_view::npos) return false;
  const size_t closed = text.substr(open_at, begin - open_at).find("”");
  if (closed != std::string_view::npos) return false;
  const size_t close = text.substr(end, kReach).find("”");
  return close != std::string_view::npos;
}

bool IsChineseCount(std::string_view text, size_t at) {
  for (std::string_view digit :
       {"一"sv, "二"sv, "两"sv, "三"sv, "四"sv, "五"sv, "六"sv, "七"sv, "八"sv, "九"sv, "十"sv}) {
    if (text.substr(at).starts_with(digit)) return true;
  }
  return false;
}

bool IsClassifier(std::string_view text, size_t at) {
  for (std::string_view classifier : {"个"sv, "种"sv, "项"sv, "类"sv, "条"sv}) {
    if (text.substr(at).starts_with(classifier)) return true;
  }
  return false;
}

// Set phrases and references written with counts (issue 15): a rank (前10位), an article of a
// law (刑法十一条),
// a phase of a project (杨白线二期, 一期工程), N位一体, and two small counts in a row
// (用好两个市场两种资源).
bool IsSetPhrase(std::string_view text, const Reading& reading) {
  const std::string_view after = text.substr(reading.end);
  const std::string_view unit = text.substr(reading.end - std::min<size_t>(reading.end, 3), 3);
  if (unit == "条" && EndsWithAt(text, reading.begin, "法")) return true;
  // A rank (居全国前10位) and a duration in quarters (连续8个季度).
  if ((unit == "位" || unit == "名") && EndsWithAt(text, reading.begin, "前")) return true;
  if (unit == "个" && after.starts_with("季度")) return true;
  if (!reading.chinese) return false;
  if (unit == "期" || after.starts_with("一体")) return true;
  // 两个市场两种资源: a count, one or two characters, another count.
  const size_t count_chars = (reading.end - reading.begin) / 3;
  if (count_chars != 2 || !IsClassifier(text, reading.end - 3)) return false;
  for (size_t gap : {size_t{3}, size_t{6}}) {
    if (reading.end + gap + 6 <= text.size() && IsChineseCount(text, reading.end + gap) &&
        IsClassifier(text, reading.end + gap + 3)) {
      return true;
    }
    if (reading.begin >= gap + 6 && IsChineseCount(text, reading.begin - gap - 6) &&
        IsClassifier(text, reading.begin - gap - 3)) {
      return true;
    }
  }
  return false;
}

// Numbers that read as figures but are not quantities: ordinals (第3个), session numbers
// (十一届十次), codes (PM2.5, G60), a lone 一 (一批成果, 一户一档) and names in quotes.
bool IsQuantity(std::string_view text, const Reading& reading) {
  const size_t begin = reading.begin;
  if (begin > 0 && IsAsciiWord(text[begin - 1])) return false;
  if (EndsWithAt(text, begin, "第") || EndsWithAt(text, begin, "届") ||
      EndsWithAt(text, begin, "之")) {
    return false;
  }
  if (reading.chinese && StartsWithAt(text, begin, "一") &&
      !glean::figures::ExtraUnitAt(text.substr(begin + 3)).starts_with("倍")) {
    // 一 alone; 一百, 一千 go on.
    const std::string_view after = text.substr(begin + 3);
    bool longer = false;
    for (std::string_view numeral : {"十"sv, "百"sv, "千"sv, "万"sv, "亿"sv, "余"sv, "多"sv}) {
      longer = longer || StartsWithAt(after, 0, numeral);
    }
    if (!longer) return false;
  }
  return !InShortQuote(text, begin, reading.end) && !IsSetPhrase(text, reading) &&
         !IsWordNotFigure(text, reading);
}

// Blanks at either end of a label are the layout's, not the report's words (a line's end, a
// PDF's space after a comma): a label reads the same however its text was wrapped.
void TrimBlanks(std::string* label) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
  size_t begin = 0, end = label->size();
  while (begin < end && blank((*label)[begin])) ++begin;
  while (end > begin && blank((*label)[end - 1])) --end;
  if (begin > 0 || end < label->size()) *label = label->substr(begin, end - begin);
}

bool IsSentenceEnd(std::string_view character) {
  return character == "。" || character == "；" || character == "！" || character == "？" ||
         character == "\n" || character == ";" || character == "!" || character == "?";
}

// Whether a sentence ends in [begin, end).
bool SentenceEndsBetween(std::string_view text, size_t begin, size_t end) {
  for (size_t p = begin; p < end;) {
    const size_t length = source::Utf8LengthOfLead(static_cast<unsigned char>(text[p]));
    if (IsSentenceEnd(text.substr(p, length))) return true;
    p += length;
  }
  return false;
}

bool CanBeChange(const Field& change, const Field& figure) {
  return change.unit == "%" || change.unit == "个百分点" || change.unit == "百分点" ||
         change.unit == "倍" || change.unit == figure.unit;
}

// The first position from `at` where a number may start (an ASCII digit or -, a three-byte
// character that kNumberFirsts lets through, or a four-byte one, which NumberStartsAt turns
// down), or past the text's end. This runs over every character of every report, most of them
// Han characters that start no number: one table lookup classes a byte, and a three-byte
// character is passed over after one filter lookup.
size_t NextNumberStart(std::string_view text, size_t at) {
  enum : uint8_t { kPass, kStop, kThree };
  static constexpr std::array<uint8_t, 256> kClass = [] {
    std::array<uint8_t, 256> classes{};
    for (int c = '0'; c <= '9'; ++c) classes[c] = kStop;
    classes['-'] = kStop;
    for (int c = 0xE0; c < 0xF0; ++c) classes[c] = kThree;
    for (int c = 0xF0; c < 0x100; ++c) classes[c] = kStop;
    return classes;
  }();
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  // While a three-byte character fits, its bytes are read with no bounds test; Han text first.
  while (at + 3 <= size) {
    const uint8_t kind = kClass[data[at]];
    if (kind == kThree) {
      if (kNumberFirsts.MayBe(data + at)) return at;
      at += 3;
    } else if (kind == kPass) {
      ++at;
    } else {
      return at;
    }
  }
  while (at < size) {
    const uint8_t kind = kClass[data[at]];
    if (kind == kPass) {
      ++at;
    } else if (kind == kThree && !kNumberFirsts.MayStart(text, at)) {
      at += 3;  // a cut character at the text's end too
    } else {
      return at;
    }
  }
  return at;
}

// What the figures stage works on before it makes Figures.
struct Found {
  Reading reading;
  std::vector<FigureChange> changes;
  std::optional<ChangeWord> stated_change;  // 增长6.2% with no figure before it: the verb
  bool inherits = false;  // takes the label of the figure before (45户95人, 4.4%、5.6%)
  size_t end_with_changes = 0;
};

FigureChange MakeChange(const ChangeWord& word, const Reading* reading) {
  FigureChange change;
  change.verb = std::string(word.verb);
  if (reading == nullptr) {
    change.multiple = true;
    change.value.value = Decimal::FromInt(word.factor);
    change.value.unit = "倍";
    change.begin = word.begin;
    change.end = word.end;
    return change;
  }
  change.value = reading->value;
  if (word.sign < 0) {
    const Decimal& value = std::get<Decimal>(change.value.value);
    change.value.value = Decimal(-value.mantissa(), value.scale());
  }
  change.begin = reading->begin;
  change.end = reading->end;
  return change;
}

// `城镇、农村居民人均可支配收入分别达到19824元、6700元,增长6%、11.1%`: a list of values followed by
// as many changes gives each value its own change, in order, rather than the first change to the
// last value and the others figures of their own. `readings[at]` is the first change, just
// attached to the last of `found`; returns the index of the last reading taken.
size_t SpreadChanges(std::string_view text, const ChangeWord& word,
                     const std::vector<Reading>& readings, size_t at, std::vector<Found>* found) {
  // The list the change follows: values of one unit, each after the first inheriting its label;
  // after 分别, the items of a 、 or comma list whatever their units (游客17.52亿人次、旅游花费
  // 1.27万亿元,分别增长32.9%、41.6%; 工业总产值58亿元,销售56亿元,利税5亿元,分别比上年增长…).
  const std::string& unit = found->back().reading.value.unit;
  const size_t last_end = found->back().reading.outer_end;
  const bool respectively =
      text.substr(last_end, readings[at].outer_begin - last_end).find("分别") !=
      std::string_view::npos;
  size_t values = 1;
  while (values < found->size()) {
    const Found& item = (*found)[found->size() - values];
    const Found& before = (*found)[found->size() - values - 1];
    const std::string_view after_before = text.substr(before.reading.outer_end);
    const bool listed =
        respectively && (after_before.starts_with("、") || after_before.starts_with(",") ||
                         after_before.starts_with("，"));
    if (!(listed || (item.inherits && before.reading.value.unit == unit)) ||
        !before.changes.empty() || (values > 1 && !item.changes.empty())) {
      break;
    }
    ++values;
  }
  if (values < 2) return at;
  const auto joined = [&](size_t k) {
    const std::string_view between =
        text.substr(readings[k - 1].outer_end, readings[k].outer_begin - readings[k - 1].outer_end);
    // After 分别 a comma lists the changes too (分別較上年增長12%,13%): each is its figure's.
    return between == "、" || between == "和" || between == "及" ||
           (respectively && (between == "," || between == "，"));
  };
  size_t changes = 1;
  while (at + changes < readings.size() && joined(at + changes) &&
         readings[at + changes].value.unit == readings[at].value.unit) {
    ++changes;
  }
  if (changes != values) return at;
  const size_t first = found->size() - values;
  Found& last = found->back();
  FigureChange moved = std::move(last.changes.back());
  last.changes.pop_back();
  (*found)[first].changes.push_back(std::move(moved));
  for (size_t j = 1; j < values; ++j) {
    const Reading& change = readings[at + j];
    (*found)[first + j].changes.push_back(MakeChange(word, &change));
    last.end_with_changes = change.outer_end;
  }
  return at + values - 1;
}

std::vector<Found> Read(std::string_view text) {
  std::vector<Reading> readings;
  readings.reserve(text.size() / 128);  // reports hold a number with a unit every 170 bytes
  for (size_t i = NextNumberStart(text, 0); i < text.size(); i = NextNumberStart(text, i)) {
    size_t length = 1;
    if (!NumberStartsAt(text, i, &length)) {
      i += length;
      continue;
    }
    size_t next = i + length;
    // Read in place: a figure's Field holds strings, and most numbers are figures.
    if (!ReadFigureAt(text, i, &next, &readings.emplace_back()) ||
        !IsQuantity(text, readings.back())) {
      readings.pop_back();
    }
    i = next;
  }
  ShareListApprox(text, &readings);

  std::vector<Found> found;
  found.reserve(readings.size());
  for (size_t k = 0; k < readings.size(); ++k) {
    Reading& reading = readings[k];
    if (!found.empty()) {
      Found& last = found.back();
      // A change right after the figure before: 67665亿元，增长5.5%.
      if (std::optional<ChangeWord> word =
              ChangeAfter(text, last.end_with_changes, reading.outer_begin);
          word && word->factor == 0 && word->end == reading.outer_begin && !last.stated_change &&
          CanBeChange(reading.value, last.reading.value)) {
        last.changes.push_back(MakeChange(*word, &reading));
        last.end_with_changes = reading.outer_end;
        k = SpreadChanges(text, *word, readings, k, &found);
        continue;
      }
    }
    const bool first = found.empty();
    const size_t floor = first ? 0 : found.back().end_with_changes;
    // Made in place (`found` holds room for every reading, so `before` stays where it is).
    Found& item = found.emplace_back();
    const Found* before = first ? nullptr : &found[found.size() - 2];
    item.reading = std::move(reading);
    item.end_with_changes = item.reading.outer_end;
    const std::string_view between = text.substr(floor, item.reading.outer_begin - floor);
    if (!first && (between.empty() || between == "、" || between == "，" || between == "," ||
                   between == "和")) {
      // 45户95人; 分别增长4.4%、5.6%: the same label, and the same kind of change.
      item.inherits = true;
      if (before->stated_change) {
        item.stated_change = before->stated_change;
        if (item.stated_change->sign < 0) {
          Decimal& value = std::get<Decimal>(item.reading.value.value);
          value = Decimal(-value.mantissa(), value.scale());
        }
      }
    } else if (std::optional<ChangeWord> word =
                   ChangeBefore(text, item.reading.outer_begin, floor)) {
      item.stated_change = word;
      if (word->sign < 0) {
        Decimal& value = std::get<Decimal>(item.reading.value.value);
        value = Decimal(-value.mantissa(), value.scale());
      }
    }
    // A multiple after it: 翻一番.
    const size_t limit = k + 1 < readings.size() ? readings[k + 1].outer_begin : text.size();
    if (std::optional<ChangeWord> word = ChangeAfter(text, item.end_with_changes, limit);
        word && word->factor != 0) {
      item.changes.push_back(MakeChange(*word, nullptr));
      item.end_with_changes = word->end;
    }
  }
  return found;
}

}  // namespace

DeferredContexts::DeferredContexts(const Document& document, SentenceReadings* sentences,
                                   SectionNotes* sections)
    : document_(document),
      years_(internal::DocumentAccess::Impl(document).years.value_or(YearsOf(document.info()))),
      sections_(sections),
      reader_(document.normalized(), nullptr, sentences) {}

void DeferredContexts::Read(size_t k, std::vector<Figure>* figures) {
  if (stages_[k] != Stage::kNone) return;
  Figure& figure = (*figures)[k];
  const int here = internal::DocumentAccess::Impl(document_).structure.InnermostAt(figure.begin);
  if (here != innermost_) {
    section_ = SectionContextAt(document_, figure.begin, years_, sections_);
    innermost_ = here;
  }
  const FigureContext when = reader_.Read(section_, figure.begin, figure.end);
  figure.period = when.period;
  figure.status = when.status;
  ReadStatusAfter(document_.normalized(), &figure);
  stages_[k] = Stage::kRead;
}

void DeferredContexts::Complete(size_t k, std::vector<Figure>* figures) {
  if (stages_[k] == Stage::kComplete) return;
  Read(k, figures);
  CarryPlanYear(
      document_.normalized(), years_, k, [&](size_t j) { Read(j, figures); }, figures);
  stages_[k] = Stage::kComplete;
}

void DeferredContexts::CompleteAll(std::vector<Figure>* figures) {
  for (size_t k = 0; k < figures->size(); ++k) Complete(k, figures);
}

std::vector<Figure> FindFigures(const Document& document, DeferredContexts* contexts) {
  const std::string_view text = document.normalized();
  std::vector<Found> found = Read(text);
  std::vector<Figure> figures(found.size());
  contexts->stages_.assign(found.size(), DeferredContexts::Stage::kNone);
  std::vector<bool> chained(found.size(), false);    // named by the noun before the next figure
  std::vector<bool> inherited(found.size(), false);  // took the label of the figure before
  // By figure: the report's own area before its label's words and the label as LabelOf named it,
  // when one stood there (Label::scope).
  std::vector<std::pair<std::string, std::string>> own_area(found.size());
  // The task the figure at `done_task_at` counts what was done against (DoneAgainstTask).
  std::string done_task;
  size_t done_task_at = std::string::npos;
  Document::Cursor cursor;
  for (size_t k = 0; k < found.size(); ++k) {
    Found& item = found[k];  // its value and changes move into the figure
    Figure& figure = figures[k];
    figure.excepted = ExceptionOf(text, item.reading);
    figure.begin = item.reading.begin;
    figure.end = item.reading.end;
    figure.source = document.ToSource(figure.begin, figure.end, &cursor);
    figure.text = std::string(document.OriginalText(figure.begin, figure.end));
    figure.value = std::move(item.reading.value);
    figure.value.name = "value";
    figure.value.raw = figure.text;
    figure.changes = std::move(item.changes);
    for (FigureChange& change : figure.changes) {
      change.source = document.ToSource(change.begin, change.end, &cursor);
      change.value.name = "change";
      change.value.raw = std::string(document.OriginalText(change.begin, change.end));
    }

    const size_t floor = k == 0 ? 0 : found[k - 1].end_with_changes;
    const size_t clause_end =
        item.stated_change ? item.stated_change->begin : item.reading.outer_begin;
    // A change word read before the figure before (增长37.9%，2个…) may end before the floor.
    size_t clause_begin = std::min(ClauseBegin(text, clause_end, floor), clause_end);
    if (k > 0 && clause_begin == floor) {
      // 10个村和1个居委会: the words after the figure before are its own, from the clause's last
      // joint on (looked for from the end, where it mostly is).
      for (size_t p = clause_end; p >= clause_begin + 3; --p) {
        if (AnyEndsAt(text, p, {"和"sv, "及"sv, "、"sv})) {
          clause_begin = p;
          break;
        }
      }
      // 、中央预算内投资和超长期特别国债资金465.8亿元: an item opened by 、 whose one joint is a
      // 和 or 及 names two things the amount is of together; the item is the figure's whole.
      // Not the 及 of a verb (惠及, 普及) nor the 和 of a name (和美, 和谐).
      if (clause_begin > floor + 3 && StartsWithAt(text, floor, "、") &&
          AnyEndsAt(text, clause_begin, {"和"sv, "及"sv}) &&
          !AnyEndsAt(text, clause_begin,
                     {"惠及"sv, "普及"sv, "涉及"sv, "波及"sv, "遍及"sv, "触及"sv}) &&
          !label_words::OpensWithWordOfHe(text.substr(clause_begin - 3)) &&
          text.substr(floor + 3, clause_begin - 3 - floor - 3).find("、") ==
              std::string_view::npos) {
        clause_begin = floor + 3;
      }
    }
    figure.clause = std::string(text.substr(clause_begin, clause_end - clause_begin));
    // 全额事业编18人，11名党政领导: a count in a classifier after a comma with a noun of its own is
    // not the second half of a pair.
    const std::string_view between = text.substr(floor, item.reading.outer_begin - floor);
    if (item.inherits && k > 0 &&
        !((between == "，" || between == ",") && IsClassifier(figure.value.unit) &&
          !WordsAfter(text, item.reading.outer_end).empty())) {
      figure.label = figures[k - 1].label;
      figure.action = figures[k - 1].action;
      figure.clause = figures[k - 1].clause;
      inherited[k] = true;
      continue;
    }
    Label label = LabelOf(figure.clause);
    TrimBlanks(&label.label);
    DropLevelBeforeJoint(&label.label);
    if (item.stated_change) NameChangeByLevelBefore(&label.label);
    // 8个贫困行政村145个贫困行政村民小组: a chain of figures each named by the noun after it.
    std::string chain_noun = k + 1 < found.size()
                                 ? ChainedNoun(text, figure.value.unit, item.reading.outer_end,
                                               found[k + 1].reading.outer_begin)
                                 : std::string();
    chained[k] = !chain_noun.empty();
    if (chained[k]) {
      // 15个村组级27.16公里公路: a grade (级) qualifies the noun after the next figure.
      if (chain_noun.ends_with("级"))
        chain_noun += WordsAfter(text, found[k + 1].reading.outer_end);
      figure.label = std::move(chain_noun);
    } else if (std::string after; k > 0 && chained[k - 1] &&
                                  !(after = WordsAfter(text, item.reading.outer_end)).empty()) {
      figure.label = figures[k - 1].label.ends_with("级" + after) ? figures[k - 1].label : after;
      label.action.clear();
    } else {
      figure.label = std::move(label.label);
      if (!label.scope.empty()) own_area[k] = {std::move(label.scope), figure.label};
    }
    figure.action = std::move(label.action);
    // 成为全国地表水…优良率连续五年保持100%的唯一省份: 全国 is the scope of 唯一省份, not of the
    // rate.
    if (figure.action.ends_with("成为") && figure.label.starts_with("全国") &&
        figure.label.size() > std::string_view("全国").size() &&
        RankAfter(text, item.reading.outer_end)) {
      figure.label.erase(0, std::string_view("全国").size());
    }
    // 种植花椒2600余亩、黄桃1200余亩; 新增2家千亿级、24家百亿级工业企业 (the item before named
    // after its figure): the list's items share its verb.
    if (figure.action.empty() && k > 0 &&
        (text.substr(floor).starts_with("、") ||
         (figure.clause.empty() && EndsWithAt(text, figure.begin, "、") &&
          !SentenceEndsBetween(text, floor, figure.begin) &&
          text.substr(floor, figure.begin - floor).find_first_of(",;:") == std::string_view::npos &&
          text.substr(floor, figure.begin - floor).find("，") == std::string_view::npos))) {
      figure.action = figures[k - 1].action;
    }
    if (item.stated_change && figure.action.empty()) {
      figure.action = std::string(item.stated_change->verb);
    }
    if (figure.label.empty() && k > 0 && clause_begin == floor &&
        !SentenceEndsBetween(text, figures[k - 1].end, figure.begin) &&
        !(IsClassifier(figure.value.unit) && !WordsAfter(text, item.reading.outer_end).empty()) &&
        ObjectAfter(text, item.reading.outer_end).empty()) {
      figure.label = figures[k - 1].label;  // 其中已脱贫户1366户，4884人
      if (figure.action.empty()) figure.action = figures[k - 1].action;
    }
    if (std::string noun = NounToClauseEnd(text, figure.value.unit, item.reading.outer_end);
        !chained[k] && !noun.empty()) {
      // 实施稳经济30项举措, 支持乡村富民产业发展20条措施: the words between the verb and the count
      // name what a policy's measures are for.
      if (!figure.action.empty() && NamesPolicyAim(figure.clause, figure.label, noun)) {
        noun.insert(0, figure.label);
      }
      // 财政收入跨越两个百亿元台阶: the milestones are the level's its clause names; not a time
      // (五年跨越, whose level the clause before names: CarrySubjectQualifiers).
      if ((noun.ends_with("台阶") || noun.ends_with("大关")) && figure.label.size() >= 2 * 3 &&
          !figure.label.ends_with("年") && MilestoneVerbBefore(text, figure.begin) > 0) {
        noun.insert(0, figure.label);
      }
      figure.label = std::move(noun);
    } else if (QualifiesNext(figure.clause) ||
               (IsClassifier(figure.value.unit) &&
                (ForWhom(figure.clause) || EndsWithJoint(figure.clause)))) {
      if (std::string after = WordsAfter(text, item.reading.outer_end); !after.empty()) {
        figure.label = std::move(after);
      }
    }
    if (std::string kind = SummedKind(text, text.substr(figure.begin, figure.end - figure.begin),
                                      figure.clause, item.reading.outer_end);
        !kind.empty()) {
      figure.label = std::move(kind);  // 良友采石场、长盛砖厂两个企业
    } else if (ListClosedByDeng(figure.clause) && IsClassifier(figure.value.unit)) {
      // 桑龙、城龙、醴娄等7条高速公路: the names before 等 are examples of the kind after the
      // figure, which says what is counted.
      if (std::string kind = KindAfterList(text, item.reading.outer_end); !kind.empty()) {
        figure.label = std::move(kind);
      }
    }
    if (IsPlaceName(figure.label) && (figure.value.unit == "亩" || figure.value.unit == "元")) {
      // 其中老窑上村150亩黄姜中药材基地: the village is where, the noun after is what; the label
      // keeps both (老窑上村黄姜中药材基地), as a village named before its verb is kept.
      // Words before a preposition are the clause's, not the place's (规划明年伊始以鸣山村).
      if (std::string after = WordsAfter(text, item.reading.outer_end); !after.empty()) {
        size_t place = 0;
        for (size_t p = 0; p < figure.label.size(); p += label_words::CharLength(figure.label, p)) {
          if (AnyStartsAt(figure.label, p, {"以"sv, "在"sv, "对"sv, "把"sv, "将"sv, "于"sv}))
            place = p + 3;
        }
        figure.label = figure.label.substr(place) + after;
      }
    }
    if (figure.label.empty()) {
      figure.label = LabelOfPairStart(text, clause_begin, clause_end, floor,
                                      k > 0 ? figures[k - 1].label : std::string_view());
    }
    // 投资25万元,完成了镇文化中心的改建: money put in, with nothing else to name it, is for the
    // work the words after it do; not an item of a list of targets (力争产量突破200亿立方米、
    // 投资超120亿元，推动…), whose next clause is a work of its own.
    constexpr size_t kShortClause = 4 * 3;
    if ((figure.action == "投资"sv || figure.action == "投入"sv) &&
        figure.clause.size() <= kShortClause && !EndsWithAt(text, clause_begin, "、")) {
      if (std::string after = WordsAfter(text, item.reading.outer_end);
          figure.label.empty() || figure.label == after) {
        const bool next = k + 1 < found.size();
        figure.label = WorkPaidFor(text, item.reading.outer_end, std::move(after),
                                   next ? found[k + 1].reading.outer_begin : std::string_view::npos,
                                   next ? found[k + 1].reading.outer_end : std::string_view::npos);
      }
    }
    if (figure.label.empty()) figure.label = WordsAfter(text, item.reading.outer_end);
    if (std::string owned = MeasureOfNounAfter(text, figure.label, item.reading.outer_end);
        !owned.empty()) {
      figure.label = std::move(owned);  // 全长1.3万公里的三个一号旅游公路
    }
    if (k + 1 < found.size() && found[k + 1].inherits &&
        found[k + 1].reading.outer_begin == item.end_with_changes) {
      // 保障了1436户6785名贫困人口: the noun after a pair names both. So it does after a list of
      // names (加快格尔木、德令哈3座35万千瓦光热电站): the names say where, not what.
      if (figure.label.empty() && IsClassifier(found[k + 1].reading.value.unit)) {
        figure.label = WordsAfter(text, found[k + 1].reading.outer_end);
      } else if (IsClassifier(figure.value.unit) && figure.label.find("、") != std::string::npos) {
        if (std::string after = WordsAfter(text, found[k + 1].reading.outer_end); !after.empty()) {
          figure.label = std::move(after);
        }
      }
    }
    if (figure.label.empty() && NamesActivity(figure.action)) figure.label = figure.action;
    if (figure.label.empty() && item.stated_change && NamesOwnAmount(figure.action)) {
      figure.label = std::move(figure.action);  // 全年投资增长5%: the amount its verb names grew
      figure.action = std::string(item.stated_change->verb);
    } else if (item.stated_change && NamesOwnAmount(figure.action) &&
               figure.clause.find(figure.label + figure.action) != std::string::npos) {
      // 全社会研发投入年均增长11.6%: what grew is the amount the verb after the label names.
      figure.label += figure.action;
      figure.action = std::string(item.stated_change->verb);
    }
    if (figure.label.empty() && !EndsWithScope(figure.clause)) {
      // 开展房屋普查工作，共计4902栋; 收集问题413个，当面解决了363个: a clause that names
      // nothing counts what the clause or the figure before it in the sentence names.
      figure.label = LabelOfClauseBefore(text, clause_begin, clause_end, floor);
      if (figure.label.empty() && k > 0 &&
          !SentenceEndsBetween(text, figures[k - 1].end, figure.begin)) {
        // 工业总产值58亿元,销售56亿元: a verb that names its own amount is not the figure
        // before's.
        // 任务数共19个,已处理40人次,已完成210%: what was done against a task is not the task's
        // count, and the next item is done against the same task.
        const std::string& before = done_task_at == k - 1 ? done_task : figures[k - 1].label;
        if (NamesOwnAmount(figure.action)) {
          figure.label = figure.action;
        } else if (figure.label = DoneAgainstTask(before, figure.action); figure.label != before) {
          done_task = before;
          done_task_at = k;
        }
        // 蔬菜1082人次、种植3001人次、养殖351人次; 新能源开工1600万千瓦、投产1000万千瓦: a verb
        // alone after 、 is the item's own word, in place of the verb the item before ends with, or
        // after a bare name (新建村道5公里、硬化2公里: after an item's verb, it acts on its noun).
        const std::string_view verb_before = label_words::VerbAtEnd(figures[k - 1].label);
        if (figure.clause == figure.action && !figure.action.empty() &&
            EndsWithAt(text, figure.begin - figure.clause.size(), "、") &&
            (figures[k - 1].action.empty() || !verb_before.empty())) {
          figure.label = verb_before.empty()
                             ? figure.action
                             : figures[k - 1].label.substr(
                                   0, figures[k - 1].label.size() - verb_before.size()) +
                                   figure.action;
        }
      }
    }
    if (k > 0 && !figure.label.empty() && figure.clause.starts_with("的") &&
        figure.clause.find(figure.label) != std::string::npos) {
      // 年销售收入超10亿元的龙头企业达100家以上: the threshold before narrows what is counted.
      // The qualifier runs from the threshold's own label (引进年产3.6万吨的: 年产, not the verb).
      const Figure& before = figures[k - 1];
      constexpr size_t kReach = 96;
      const size_t window = before.begin > kReach ? before.begin - kReach : 0;
      if (const size_t at = text.substr(window, before.begin - window).rfind(before.label);
          !before.label.empty() && at != std::string_view::npos) {
        figure.label.insert(
            0, ThresholdQualifier(text, window + at, figure.begin - figure.clause.size()));
      }
    }
    if (k > 0) {
      NameShareByFigureBefore(text, clause_begin, floor, figures[k - 1].label, &figure.label);
      NameContributionByFigureBefore(text, clause_begin, floor, figures[k - 1].label,
                                     &figure.label);
      NameGapByFigureBefore(text, clause_begin, floor, figures[k - 1].label, &figure.label);
      NameCutByFigureBefore(text, clause_begin, floor, figures[k - 1].label, &figure.label);
      NameInvestmentByProjectsBefore(text, clause_begin, floor, figures[k - 1].label, &figure.label,
                                     &figure.action);
      NameSizeByThingsCountedBefore(text, clause_begin, floor, figures[k - 1], &figure.label);
      NameRateByWorkBefore(text, clause_begin, floor, figures[k - 1], &figure.label);
      NameProjectsByFundsBefore(text, clause_begin, floor, figures[k - 1], figure.action,
                                &figure.label);
      NameOutputByFigureBefore(text, clause_begin, floor, figures[k - 1].label,
                               k >= 2 ? std::string_view(figures[k - 2].label) : std::string_view(),
                               &figure.label);
      NameWithinReachBefore(text, figures[k - 1].begin, figures[k - 1].end, floor,
                            figures[k - 1].label, &figure.label);
    }
    NameMeasureOfWorksFinished(text, clause_begin, floor, &figure.label);
    NameOutputByTopic(text, clause_begin, &figure.label);
    NameProjectsByTopic(text, clause_begin, &figure.label);
    NameMoneyByEnterpriseTopic(text, clause_begin, &figure.label);
    NameBySentenceOpening(text, clause_begin, &figure.label);
    NameReachByWorkBefore(text, item.reading.outer_end, figure, &figure.label);
    NameZoneSubject(text, figure.begin - figure.clause.size(), figure.clause, figure.action,
                    &figure.label);
    TrimBlanks(&figure.label);
    label_words::DropJoiningVerb(&figure.label);
    // 7所高职学校入选国家“双高计划”: things chosen for a list are named with it; alone they read
    // as all of the report's.
    if (std::string list = ListChosenFor(text, item.reading.outer_end, figure.label);
        !list.empty()) {
      // 10所学校、12个专业群入选…: the item before, named right before the 、, was chosen too.
      if (k > 0 && !figures[k - 1].label.empty() && figures[k - 1].end < figure.begin &&
          text.substr(figures[k - 1].end, figure.begin - figures[k - 1].end) ==
              figures[k - 1].label + "、") {
        figures[k - 1].label.insert(0, list);
      }
      figure.label.insert(0, list);
    }
    // 高标准农田达到耕地总面积的64%: a share reached of a named whole is the thing's share of it.
    if (figure.value.unit == "%" && figure.clause.ends_with("的")) {
      constexpr std::string_view kReached = "达到";
      if (const size_t at = figure.label.find(kReached);
          at != std::string::npos && at > 0 &&
          AnyEndsAt(figure.label, figure.label.size(),
                    {"总面积"sv, "总量"sv, "总数"sv, "总值"sv, "总额"sv})) {
        figure.label.replace(at, kReached.size(), "占");
      }
    }
    // 育儿家庭每月多了300元补贴: 多了 says by how much more; the noun after names what.
    if (figure.label.ends_with("多") && figure.clause.ends_with("多了")) {
      figure.label.resize(figure.label.size() - std::string_view("多").size());
      figure.label += WordsAfter(text, item.reading.outer_end);
    }
    // 每个脱贫县发展起1个以上特色主导产业: each county's count, not the province's; the label
    // says so, and count rules leave it (a label that begins with 每 or 各).
    if (const std::string_view unit = PerUnitOf(figure.clause);
        !unit.empty() && IsClassifier(figure.value.unit) && !figure.label.empty() &&
        !figure.label.starts_with(unit)) {
      figure.label.insert(0, unit);
    }
    // 每年开展流动文化进基层活动超过3万场次 in a review of five years: a count of each year, not
    // the span's total, which the label says since the period cannot.
    if (!figure.label.empty() && figure.label.find("每年") == std::string::npos &&
        figure.clause.find("每年") != std::string::npos) {
      contexts->Read(k, &figures);
      if (figure.period.first < figure.period.last) figure.label.insert(0, "每年");
    }
    // 全镇24个行政村: the report's own area right before a count the noun after it names.
    constexpr size_t kShortestNoun = 2 * 3;
    if (own_area[k].first.empty() && figure.label.size() >= kShortestNoun &&
        !StartsWithAt(text, item.reading.outer_end, "、")) {
      if (const std::string_view area = label_words::OwnAreaAtEnd(figure.clause); !area.empty()) {
        std::string_view before =
            std::string_view(figure.clause).substr(0, figure.clause.size() - area.size());
        while (label_words::StripLeading(&before)) {
        }
        if (before.empty() && StartsWithAt(text, item.reading.outer_end, figure.label)) {
          own_area[k] = {std::string(area), figure.label};
        }
      }
    }
  }
  NameJointLists(text, inherited, &figures);
  CompleteGrades(text, &figures);
  NameCompletionRates(text, &figures);
  CarrySubjectQualifiers(text, &figures);
  // After the loop: a threshold's qualifier (年产3.6万吨的…企业1家) reads the bare label.
  for (Figure& figure : figures) NameYearlyCapacityByWorksAfter(text, figure.end, &figure.label);
  // The second figure of a pair takes the first's label, and so its own area; so does a figure
  // the same sentence names alike right after (全县生产总值由12.8亿元增加到19.2亿元).
  for (size_t k = 1; k < figures.size(); ++k) {
    if (own_area[k].first.empty() && !own_area[k - 1].first.empty() &&
        (inherited[k] || (figures[k].label == own_area[k - 1].second &&
                          !SentenceEndsBetween(text, figures[k - 1].end, figures[k].begin)))) {
      own_area[k] = own_area[k - 1];
    }
  }
  // Thresholds passed before the level reached are no figures of their own (threshold.h).
  const std::vector<bool> thresholds = ThresholdsBeforeLevels(text, figures);
  if (std::find(thresholds.begin(), thresholds.end(), true) != thresholds.end()) {
    const auto drop = [&](auto* items) {
      size_t kept = 0;
      for (size_t k = 0; k < items->size(); ++k) {
        if (thresholds[k]) continue;
        if (kept != k) (*items)[kept] = std::move((*items)[k]);
        ++kept;
      }
      items->resize(kept);
    };
    drop(&figures);
    drop(&contexts->stages_);
    drop(&own_area);
  }
  // 全省地区生产总值5.3万亿元: the report's own area before the name is part of it as written,
  // put back once every step that reads labels has read them bare, and only on a label no step
  // renamed. Rules name figures by their labels without it (figure_rules.h).
  // A list's items (全区游客人次、旅游花费分别增长…) are each named apart; each begins with words
  // of the list LabelOf named.
  const auto item_of = [](std::string_view label, std::string_view list) {
    constexpr size_t kTwoCharacters = 2 * 3;
    return list.find("、") != std::string_view::npos && label.size() >= kTwoCharacters &&
           list.find(label.substr(0, kTwoCharacters)) != std::string_view::npos;
  };
  for (size_t k = 0; k < figures.size(); ++k) {
    const auto& [scope, named] = own_area[k];
    if (!scope.empty() && (figures[k].label == named || item_of(figures[k].label, named))) {
      figures[k].label.insert(0, scope);
      figures[k].own_area_size = scope.size();
    }
  }
  return figures;
}

std::vector<Figure> Find(const Document& document, SentenceReadings* sentences,
                         SectionNotes* sections) {
  SectionNotes own_notes;
  DeferredContexts contexts(document, sentences, sections != nullptr ? sections : &own_notes);
  std::vector<Figure> figures = FindFigures(document, &contexts);
  contexts.CompleteAll(&figures);
  return figures;
}

std::vector<Figure> FindDeferred(const Document& document, DeferredContexts* contexts) {
  return FindFigures(document, contexts);
}

}  // namespace glean::figures
