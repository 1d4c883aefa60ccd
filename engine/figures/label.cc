#include "engine/figures/label.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <utility>

#include "engine/figures/text_at.h"
#include "engine/source/utf8.h"

namespace glean::figures {

namespace {

// Marks that end a clause. 、 is not one: it joins the words of one label (低保、临时救助等各类
// 民政资金) as often as it separates list items, which the figure before it marks instead.
// + joins the parts of a breakdown (护林员54人+监管员18人), each with its own label.
constexpr std::string_view kClauseMarks[] = {"，", "。", "；", "：", "！", "？", "\n",
                                             ",",  ";",  ":",  "!",  "?",  "+"};

// Words trimmed from the front of a clause: time, place and scope, connectives.
constexpr std::string_view kLeading[] = {
    "截至目前", "截至年底", "过去一年", "过去五年", "一年来", "五年来", "前三季度", "上半年",
    "下半年",   "一季度",   "全年度",   "全年",     "今年",   "去年",   "上年",     "当年",
    "年内",     "年底",     "年末",     "年初",     "目前",   "至今",   "其中",     "同时",
    "另外",     "此外",     "并且",     "全镇",     "全县",   "全市",   "全省",     "全区",
    "增长到",   "提高到",   "增加到",   "提升到",   "全乡",   "全村",   "全州",     "全旗",
    "全域",     "我镇",     "我县",     "我市",     "我省",   "我区",   "我乡",     "本镇",
    "本县",     "各村",     "先后",     "现有",     "已经",   "共计",   "总计",     "合计",
    "累计",     "共有",     "共",       "已",       "还",     "又",     "也",       "为",
    "向",       "、",       "各类",     "各项",     "首批",   "的",     "积极",     "及时",
    "持续",     "深入",     "进一步",   "大力",     "截止到", "截止",   "截至",     "正在",
    "现",       "(",        "（",       "了",       "我们",   "辖区内", "辖区",     "当前",
    "以来",     "全面",     "当面",     "特别是",   "主要是", "一是",   "二是",     "三是",
    "四是",     "五是",     "在全镇",   "在全县",   "在全市", "在全省", "在全乡",   "范围内",
    "国办系统", "系统内",   "档内"};

// Words trimmed from the end of a clause: what joins a label to its figure.
constexpr std::string_view kTrailing[] = {
    "分别达到", "分别为", "分别",   "提高到", "提高至", "提升到", "提升至", "增加到",
    "增加至",   "增长到", "增长至", "增至",   "降至",   "降到",   "下降到", "下降至",
    "减少到",   "减少至", "达到",   "达",     "为",     "是",     "现有",   "有",
    "突破",     "超过",   "共计",   "总计",   "合计",   "累计",   "共",     "计",
    "了",       "的",     "约",     "至",     "到",     "从",     "由",     "在",
    "已",       "实现",   "完成",   "稳定在", "保持在", "控制在", "完工",   "用于",
    "享受",     "划分为", "年均",   "同比",   "比上年", "平均",   "稳定",   "净增",
    "以来",     "保持",   "控制",   "和",     "及",     "等",     "范围",   "率先"};

// Verbs a label's words may begin with; the run of them at the front is the action.
constexpr std::string_view kVerbs[] = {
    "新改扩建", "改扩建",   "新开工",   "新开通", "新登记",   "完成", "实现",     "发放",
    "新建",     "新增",     "建成",     "建设",   "种植",     "培训", "开展",     "举办",
    "组织",     "召开",     "争取",     "落实",   "投入",     "改造", "帮助",     "安置",
    "解决",     "办理",     "处理",     "接待",   "排查",     "整治", "化解",     "发展",
    "引进",     "签约",     "流转",     "修建",   "硬化",     "新修", "维修",     "清理",
    "打造",     "创建",     "吸纳",     "带动",   "提供",     "拨付", "筹集",     "招引",
    "救助",     "慰问",     "走访",     "资助",   "认定",     "培育", "申报",     "推出",
    "实施",     "出台",     "制定",     "修改",   "废止",     "审议", "办结",     "受理",
    "调解",     "查处",     "检查",     "巡查",   "整改",     "消除", "治理",     "修复",
    "栽植",     "养殖",     "拆除",     "铺设",   "安装",     "配备", "购置",     "采购",
    "捐赠",     "募集",     "筹措",     "兑现",   "减免",     "开设", "入选",     "获批",
    "获得",     "荣获",     "表彰",     "接种",   "检测",     "登记", "签订",     "惠及",
    "转移",     "开通",     "遴选",     "支持",   "吸引",     "建立", "成立",     "组建",
    "设立",     "选派",     "派驻",     "发动",   "动员",     "参与", "新办",     "引导",
    "挂牌",     "建起",     "开办",     "收购",   "销售",     "输出", "投资",     "累计完成",
    "划分",     "帮扶",     "结对",     "服务",   "救治",     "摸排", "收治",     "新发展",
    "举行",     "开工",     "有",       "下辖",   "辖",       "识别", "精准识别", "设置",
    "悬挂",     "关闭",     "竖立",     "封堵",   "给予",     "纳入", "上报",     "更新",
    "录入",     "产出",     "新植",     "参加",   "带领参加", "立案", "责令",     "鉴定",
    "推广注册", "推广",     "注册",     "认证",   "受理",     "核实", "收集",     "反馈",
    "新认证",   "压减",     "打击",     "移送",   "发布",     "整合", "抓好",     "建好",
    "选举产生", "摸排发现", "发现",     "申请",   "帮助",     "保障", "派出",     "添置",
    "查验",     "备案",     "劝返",     "控停",   "捣毁",     "扣押", "移交",     "退渡",
    "调备",     "栽插",     "免费提供", "启动",   "选调",     "设计", "投产",     "带队检查",
    "下载",     "清退",     "取缔",     "拆违",   "查获",     "抓获", "处置",     "推进",
    "确保",     "加大",     "做好",     "面对",   "下派",     "落户", "通过",     "拔地而起"};

// Verbs found inside a clause, after words of its own (消费品以旧换新带动销售额): the last one
// starts the label. Fewer than kVerbs: words such as 服务 and 建设 end nouns too (高技术服务业).
constexpr std::string_view kInnerVerbs[] = {
    "完成", "实现", "发放",   "新建", "建成", "带动",     "审议", "实施",     "办理", "办结",
    "培训", "举办", "召开",   "争取", "落实", "投入",     "拨付", "筹集",     "吸纳", "帮助",
    "安置", "解决", "接待",   "排查", "化解", "引进",     "签约", "流转",     "硬化", "新修",
    "改造", "种植", "新开工", "推出", "出台", "遴选",     "创建", "获批",     "入选", "开展",
    "组织", "救助", "慰问",   "走访", "培育", "惠及",     "累计", "识别",     "设置", "关闭",
    "纳入", "给予", "录入",   "更新", "上报", "推广",     "下辖", "配备",     "竖立", "封堵",
    "责令", "移送", "打击",   "发布", "整合", "压减",     "设立", "派出",     "添置", "查验",
    "备案", "劝返", "捣毁",   "扣押", "移交", "免费提供", "选调", "带队检查", "提供", "受理",
    "处罚", "获得", "反馈",   "调备", "栽插", "发现",     "申请", "追加",     "提拨", "增加"};

// Verbs that name the activity counted when nothing follows them (临时救助2042人次, 全社会研发
// 投入年均增长10%, 入户走访4000多户): the words before them and the verb are the label.
// Not 投入: 镇财政投入120万元 names who paid.
constexpr std::string_view kActivityVerbs[] = {"救助", "走访", "改造", "流转", "处罚",
                                               "培训", "排查", "整治", "审查", "慰问",
                                               "调查", "鉴定", "移交"};

// The report's own area, as a scope: 带动全镇180余户, 将我镇129户.
constexpr std::string_view kOwnArea[] = {"全镇", "全县", "全市", "全省", "全区", "全乡", "全村",
                                         "我镇", "我县", "我市", "我省", "我区", "我乡"};

// Nouns too general to name a figure alone: the verb before them belongs to the name (认证率,
// 慰问救助金, 中药材种植面积, 立案任务数).
constexpr std::string_view kGeneralNouns[] = {"率",     "金",   "资金", "对象", "面积", "基地",
                                              "任务数", "任务", "数",   "量",   "大户"};

bool IsGeneralNoun(std::string_view words) {
  for (std::string_view noun : kGeneralNouns) {
    if (words == noun) return true;
  }
  return false;
}

// Verbs that obtain, spend or complete, and name nothing with the noun after them (争取资金,
// 实现纯收入).
bool IsLightVerb(std::string_view verb) {
  for (std::string_view light : {"完成", "实现", "累计", "带动", "惠及", "争取", "发放", "筹集",
                                 "拨付", "投入", "落实", "获得"}) {
    if (verb == light) return true;
  }
  return false;
}

bool IsActivityVerb(std::string_view verb) {
  for (std::string_view activity : kActivityVerbs) {
    if (verb == activity) return true;
  }
  return false;
}

// Strips a leading year or month: 2025年, 2025年度, 1-11月, 10月份, 2019、2020年.
bool StripDate(std::string_view* text) {
  size_t p = 0;
  while (p < text->size()) {
    const char c = (*text)[p];
    if ((c >= '0' && c <= '9') || c == '-') {
      ++p;
    } else if (p > 0 && StartsWithAt(*text, p, "、") && p + 3 < text->size() &&
               (*text)[p + 3] >= '0' && (*text)[p + 3] <= '9') {
      p += 3;
    } else {
      break;
    }
  }
  if (p == 0) {
    // 九十三年度: a year of the Republic of China calendar, as Taiwanese reports write it.
    while (AnyStartsAt(
        *text, p, {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇"})) {
      p += 3;
    }
    if (p < 6 || !StartsWithAt(*text, p, "年度")) return false;
    text->remove_prefix(p + 6);
    return true;
  }
  std::string_view rest = text->substr(p);
  for (std::string_view word : {"年以来", "年度", "年底", "年末", "年", "月份", "月"}) {
    if (rest.starts_with(word)) {
      *text = rest.substr(word.size());
      return true;
    }
  }
  return false;
}

// Strips a trailing year: 增长到2025年, 推进2023年度.
bool StripTrailingDate(std::string_view* text) {
  for (std::string_view word : {"年度", "年底", "年末", "年"}) {
    if (!text->ends_with(word)) continue;
    size_t p = text->size() - word.size();
    const size_t end = p;
    while (p > 0 && (*text)[p - 1] >= '0' && (*text)[p - 1] <= '9') --p;
    if (end - p == 4) {
      text->remove_suffix(text->size() - p);
      return true;
    }
  }
  return false;
}

// Which characters some word of a list begins (or ends) with: a quick no before comparing words,
// asked at every character of a clause.
class CharSet {
 public:
  template <size_t N>
  static CharSet Firsts(const std::string_view (&words)[N]) {
    CharSet set;
    for (std::string_view word : words) set.Add(word.substr(0, CharLengthOf(word[0])));
    return set;
  }
  template <size_t N>
  static CharSet Lasts(const std::string_view (&words)[N]) {
    CharSet set;
    for (std::string_view word : words) {
      size_t p = word.size() - 1;
      while (p > 0 && (static_cast<unsigned char>(word[p]) & 0xC0) == 0x80) --p;
      set.Add(word.substr(p));
    }
    return set;
  }
  bool Has(std::string_view character) const {
    const size_t index = Index(character);
    return (bits_[index / 64] >> (index % 64)) & 1;
  }
  bool StartsOf(std::string_view text) const {
    return !text.empty() && Has(text.substr(0, CharLengthOf(text[0])));
  }
  bool EndsOf(std::string_view text) const {
    if (text.empty()) return false;
    size_t p = text.size() - 1;
    while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    return Has(text.substr(p));
  }

 private:
  static size_t CharLengthOf(char lead) {
    return source::Utf8LengthOfLead(static_cast<unsigned char>(lead));
  }
  static size_t Index(std::string_view character) {
    if (character.size() < 3) return static_cast<unsigned char>(character[0]);
    return (static_cast<size_t>(static_cast<unsigned char>(character[1]) & 0x3F) << 6 |
            (static_cast<unsigned char>(character[2]) & 0x3F)) |
           (static_cast<size_t>(static_cast<unsigned char>(character[0]) & 0x0F) << 12);
  }
  void Add(std::string_view character) {
    const size_t index = Index(character);
    bits_[index / 64] |= uint64_t{1} << (index % 64);
  }
  std::array<uint64_t, 1024> bits_{};
};

const CharSet& LeadingFirsts() {
  static const CharSet set = CharSet::Firsts(kLeading);
  return set;
}
const CharSet& TrailingLasts() {
  static const CharSet set = CharSet::Lasts(kTrailing);
  return set;
}

bool StripLeading(std::string_view* text, bool prepositions = true) {
  if (StripDate(text)) return true;
  // The rest of a rate after the figure before: 796元/月提高至.
  if (text->starts_with("/") && text->size() >= 4) {
    text->remove_prefix(1 + source::Utf8LengthOfLead(static_cast<unsigned char>((*text)[1])));
    return true;
  }
  // 对 as a preposition (对60个山塘), not the 对 of 对外 or 对口; 将 and 把 put the object first
  // (将我镇129户畜禽养殖户…), not the 将 of 将来.
  if (prepositions && text->starts_with("对") && !text->substr(3).starts_with("外") &&
      !text->substr(3).starts_with("口")) {
    text->remove_prefix(3);
    return true;
  }
  if (prepositions && (text->starts_with("将") || text->starts_with("把")) &&
      !text->substr(3).starts_with("来") && !text->substr(3).starts_with("军")) {
    text->remove_prefix(3);
    return true;
  }
  // 60岁以上待遇人员: an age bound qualifies the people after it; alone (35岁以下8人) it names
  // them.
  if (size_t p = 0; text->size() > 0 && (*text)[0] >= '1' && (*text)[0] <= '9') {
    while (p < text->size() && (*text)[p] >= '0' && (*text)[p] <= '9') ++p;
    if (StartsWithAt(*text, p, "岁")) {
      for (std::string_view bound : {"及以上", "以上", "以下"}) {
        const size_t end = p + 3 + bound.size();
        if (StartsWithAt(*text, p + 3, bound) && end + 6 <= text->size()) {
          text->remove_prefix(end);
          return true;
        }
      }
    }
  }
  // *镇政府公职人员: the government a report speaks for is its scope, as 全镇 is.
  // Only a named town's, township's or county's government (*镇政府, 花莲县政府): 镇政府驻地 is a
  // place of its own, and 省政府规章, 法治政府 are kinds of thing.
  if (const size_t government = text->substr(0, 18).find("政府");
      government != std::string_view::npos && government > 3 &&
      AnyEndsAt(*text, government, {"镇", "乡", "县"}) && text->size() >= government + 6 + 6) {
    text->remove_prefix(government + 6);
    return true;
  }
  if (!LeadingFirsts().StartsOf(*text)) return false;
  for (std::string_view word : kLeading) {
    if (StartsWithAt(*text, 0, word)) {
      text->remove_prefix(word.size());
      return true;
    }
  }
  return false;
}

bool StripTrailing(std::string_view* text) {
  if (StripTrailingDate(text)) return true;
  if (!TrailingLasts().EndsOf(*text)) return false;
  for (std::string_view word : kTrailing) {
    if (EndsWithAt(*text, text->size(), word)) {
      // 为 of 行为 (违法行为) ends a noun.
      if (word == "为" && text->substr(0, text->size() - word.size()).ends_with("行")) {
        return false;
      }
      text->remove_suffix(word.size());
      return true;
    }
  }
  return false;
}

// The words of a list grouped by their first character, each group in list order: a word list is
// asked at every character of a clause, and the characters that pass the CharSet mostly begin a
// few words of it, so only those are compared.
template <size_t N>
class WordsByFirst {
 public:
  explicit WordsByFirst(const std::string_view (&words)[N]) {
    for (size_t i = 0; i < N; ++i) entries_[i] = {source::CharKeyAt(words[i], 0), words[i]};
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& a, const Entry& b) { return a.first < b.first; });
  }
  // The longest word that `text` starts with (the first of the list among equals), or empty.
  std::string_view LongestAt(std::string_view text) const {
    const uint32_t key = source::CharKeyAt(text, 0);
    auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                               [](const Entry& entry, uint32_t k) { return entry.first < k; });
    std::string_view best;
    for (; it != entries_.end() && it->first == key; ++it) {
      const std::string_view word = it->second;
      if (word.size() <= best.size() || word.size() > text.size()) continue;
      size_t i = 0;  // compared inline: the words are a few bytes
      while (i < word.size() && word[i] == text[i]) ++i;
      if (i == word.size()) best = word;
    }
    return best;
  }

 private:
  using Entry = std::pair<uint32_t, std::string_view>;
  std::array<Entry, N> entries_{};
};

// VerbAt keeps its filter and index in statics of the template, one per list length: two of its
// lists of one length would share them, and the second would be read with the first's words.
static_assert(std::size(kVerbs) != std::size(kInnerVerbs) &&
                  std::size(kVerbs) != std::size(kTrailing) &&
                  std::size(kInnerVerbs) != std::size(kTrailing),
              "VerbAt's lists need distinct lengths (or an index of their own)");

template <size_t N>
std::string_view VerbAt(std::string_view text, const std::string_view (&verbs)[N]) {
  static const CharSet firsts = CharSet::Firsts(verbs);
  static const WordsByFirst<N> by_first(verbs);
  if (!firsts.StartsOf(text)) return {};
  const std::string_view best = by_first.LongestAt(text);
  // Nouns that begin with a verb: 有色冶金, 派出所, 增加值.
  if ((best == "有" && text.substr(3).starts_with("色")) ||
      (best == "派出" && text.substr(6).starts_with("所")) ||
      (best == "增加" && text.substr(6).starts_with("值"))) {
    return {};
  }
  return best;
}

size_t CharLength(std::string_view text, size_t at) {
  return source::Utf8LengthOfLead(static_cast<unsigned char>(text[at]));
}

// Quotation marks name nothing: “五包一”对象 → 五包一对象, "三码" → 三码.
std::string WithoutQuotes(std::string_view words) {
  std::string out;
  for (size_t p = 0; p < words.size();) {
    const size_t length = CharLength(words, p);
    const std::string_view character = words.substr(p, length);
    // A blank between two words of a label is the layout's (a PDF's line or column).
    const bool blank = character == " " && !out.empty() && p + 1 < words.size() &&
                       static_cast<unsigned char>(out.back()) >= 0x80 &&
                       static_cast<unsigned char>(words[p + 1]) >= 0x80;
    if (character != "“" && character != "”" && character != "\"" && !blank) out += character;
    p += length;
  }
  return out;
}

const CharSet& ClauseMarks() {
  static const CharSet set = CharSet::Firsts(kClauseMarks);
  return set;
}

}  // namespace

namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool InAsciiRun(char c) {
  return IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '/' || c == '-' || c == '_';
}

// Where a web address (www.xiebitongdao.com: a dot between letters) in `run` ends, or npos.
size_t AddressEnd(std::string_view run) {
  for (size_t d = run.size(); d-- > 1;) {
    if (run[d] == '.' && d + 1 < run.size() && IsAsciiLetter(run[d - 1]) &&
        IsAsciiLetter(run[d + 1])) {
      size_t end = d + 1;
      while (end < run.size() && IsAsciiLetter(run[end])) ++end;
      return end;
    }
  }
  return std::string_view::npos;
}

}  // namespace

size_t ClauseBegin(std::string_view text, size_t end, size_t floor) {
  size_t p = end;
  while (p > floor) {
    if (InAsciiRun(text[p - 1])) {
      // A web address (a sharing site's, copied with the report) names nothing a figure counts
      // and ends the clause before it; a line broken inside it leaves a space that would cut a
      // label there instead.
      size_t run_begin = p - 1;
      while (run_begin > floor && InAsciiRun(text[run_begin - 1])) --run_begin;
      if (const size_t address = AddressEnd(text.substr(run_begin, p - run_begin));
          address != std::string_view::npos) {
        return run_begin + address;
      }
      p = run_begin;
      continue;
    }
    size_t begin = p - 1;
    while (begin > floor && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
    const std::string_view character = text.substr(begin, p - begin);
    if (ClauseMarks().Has(character)) {
      for (std::string_view mark : kClauseMarks) {
        if (character == mark) return p;
      }
    }
    p = begin;
  }
  return floor;
}

namespace {

// 镇纪委立案, 公安立刑事案件, 监察大队立行政案件: an office that acts is the doer; what it does, or
// the object of it, is what is counted. Empty when no office acts in `words`.
Label DoneByOffice(std::string_view words) {
  static constexpr std::string_view kOffices[] = {"纪委", "公安",   "大队", "派出所",
                                                  "法院", "检察院", "监委"};
  size_t rest_at = std::string_view::npos;
  for (std::string_view office : kOffices) {
    const size_t at = words.rfind(office);
    if (at == std::string_view::npos) continue;
    const size_t end = at + office.size();
    if (rest_at == std::string_view::npos || end > rest_at) rest_at = end;
  }
  if (rest_at == std::string_view::npos || rest_at >= words.size()) return {};
  const std::string_view rest = words.substr(rest_at);
  std::string_view verb = VerbAt(rest, kVerbs);
  // 立 alone is too short a word to look for anywhere else: after an office it opens a case.
  if (verb.empty() && rest.starts_with("立")) verb = rest.substr(0, 3);
  if (verb.empty()) return {};
  const std::string_view object = rest.substr(verb.size());
  if (object.empty()) return {std::string(verb), {}};
  return {WithoutQuotes(object), std::string(verb)};
}

}  // namespace

Label LabelOf(std::string_view clause) {
  Label result;
  std::string_view words = clause;
  size_t action_begin = std::string_view::npos, action_end = 0;
  const auto at_of = [&](std::string_view part) {
    return static_cast<size_t>(part.data() - clause.data());
  };
  size_t second_verb = std::string_view::npos;  // where the run's second verb starts
  std::string_view last_front_verb;             // a word of kVerbs, not of the clause
  size_t last_front_verb_at = 0;
  // The front: time, scope and connectives, then a run of verbs (组织举办, 新建、改造).
  for (bool more = true; more && !words.empty();) {
    more = StripLeading(&words);
    if (more) continue;
    const std::string_view verb = VerbAt(words, kVerbs);
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
      more = true;
    }
  }
  // A verb inside: the last one with words after it.
  size_t inner = std::string_view::npos, inner_size = 0;
  for (size_t p = 0; p < words.size(); p += CharLength(words, p)) {
    const std::string_view verb = VerbAt(words.substr(p), kInnerVerbs);
    if (!verb.empty() && p > 0) {
      inner = p;
      inner_size = verb.size();
    }
  }
  std::string_view subject;  // the words before a verb inside
  const size_t front_begin = action_begin, front_end = action_end;
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
    if (adjacent && ((IsGeneralNoun(words) && !IsLightVerb(verb)) ||
                     (words.empty() && IsActivityVerb(verb)) || joined)) {
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
  if (!subject.empty() && (words.empty() || VerbAt(words, kVerbs).size() == words.size())) {
    if (!words.empty()) action_end += words.size();
    words = subject;
    while (StripTrailing(&words)) {
    }
    // 10个村(社区)均配备了1名…干部: a subject taken one by one (均, 都) is where the figure is
    // counted, not what; the noun after the figure names it.
    if (words.ends_with("均") || words.ends_with("都")) words = {};
  }
  // 低保、临时救助、军人优抚和应急等各类民政资金: the kind named after 等.
  if (const size_t etc = words.rfind("等");
      etc != std::string_view::npos && etc > 0 && etc + 3 < words.size()) {
    words.remove_prefix(etc + 3);
    for (std::string_view word : {"各类", "各项", "各种", "多项", "一批"}) {
      if (words.starts_with(word) && words.size() > word.size()) words.remove_prefix(word.size());
    }
  }
  // After a verb inside, 对 begins a noun (救助对象), not a phrase.
  while (StripLeading(&words, inner == std::string_view::npos)) {
  }
  // 领域存在的各类矛盾纠纷: the head noun after the last 的.
  if (const size_t of = words.rfind("的"); of != std::string_view::npos && of + 3 < words.size()) {
    words.remove_prefix(of + 3);
    while (StripLeading(&words, false)) {
    }
  }
  // 生产总值由“十五”末的: the words before the comparison.
  for (std::string_view preposition : {"由", "从"}) {
    if (const size_t at = words.find(preposition); at != std::string_view::npos && at > 0) {
      words = words.substr(0, at);
    }
  }
  while (StripTrailing(&words)) {
  }
  if (const Label done = DoneByOffice(words); !done.label.empty()) return done;
  // 完成投资4608亿元: a verb that names its own amount ends the run and names the figure.
  if (words.empty() && second_verb != std::string_view::npos && action_begin == front_begin &&
      (last_front_verb == "投资" || last_front_verb == "投入")) {
    return {std::string(last_front_verb),
            std::string(clause.substr(action_begin, last_front_verb_at - action_begin))};
  }
  result.label = WithoutQuotes(words);
  if (action_begin != std::string_view::npos) {
    result.action = std::string(clause.substr(action_begin, action_end - action_begin));
  }
  return result;
}

bool NamesActivity(std::string_view action) { return IsActivityVerb(action); }

bool QualifiesNext(std::string_view clause) {
  // A time's 的 dates the figure itself (从2020年的3.68万亿元, 由“十五”末的12.8亿元).
  for (std::string_view time : {"年的", "末的", "底的", "期的"}) {
    if (clause.ends_with(time)) return false;
  }
  if (clause.ends_with("的") || clause.ends_with("对")) return true;
  // 将我镇129户畜禽养殖户, 对全镇18个村: the object put first, in the report's own area.
  while (clause.ends_with(" ")) clause.remove_suffix(1);
  for (std::string_view scope : kOwnArea) {
    if (!clause.ends_with(scope)) continue;
    const std::string_view before = clause.substr(0, clause.size() - scope.size());
    return before.ends_with("将") || before.ends_with("把") || before.ends_with("对");
  }
  return false;
}

bool IsClassifier(std::string_view unit) {
  // Classifiers of things; 亩, 元, 人 and other measures follow the noun they measure
  // (花椒2600余亩黄桃1200余亩).
  static constexpr std::string_view kClassifiers[] = {"个", "户", "名", "家", "所", "座", "条",
                                                      "项", "种", "类", "支", "处", "栋", "台",
                                                      "件", "起", "批", "辆", "套", "间"};
  for (std::string_view word : kClassifiers) {
    if (unit == word) return true;
  }
  return false;
}

bool IsPlaceName(std::string_view label) {
  if (label.size() < 9) return false;
  if (!label.ends_with("村") && !label.ends_with("镇") && !label.ends_with("乡")) return false;
  // Kinds of village counted in 个 or named by their programme, not one village's name.
  for (std::string_view kind : {"农村", "乡村", "城乡", "行政村", "贫困村", "示范村", "中心村",
                                "重点村", "美丽乡村", "特色小镇", "集镇", "乡镇"}) {
    if (label.ends_with(kind)) return false;
  }
  return true;
}

bool ForWhom(std::string_view clause) {
  while (clause.ends_with(" ")) clause.remove_suffix(1);
  return clause.size() > 3 &&
         (clause.ends_with("为") || clause.ends_with("给") || clause.ends_with("向")) &&
         !clause.ends_with("行为") && !clause.ends_with("分别为");
}

std::string ObjectAfter(std::string_view text, size_t at) {
  if (VerbAt(text.substr(at), kVerbs).empty()) return {};
  return WordsAfter(text, at);
}

std::string SummedKind(std::string_view text, std::string_view figure_text, std::string_view clause,
                       size_t at) {
  static constexpr std::string_view kSmallNumerals[] = {"两", "三", "四", "五", "六",
                                                        "七", "八", "九", "十"};
  bool small = false;
  for (std::string_view numeral : kSmallNumerals) small |= figure_text.starts_with(numeral);
  if (!small || !figure_text.ends_with("个")) return {};
  std::string_view items = clause;
  while (items.ends_with(" ")) items.remove_suffix(1);
  if (items.find("、") == std::string_view::npos && !items.ends_with("”") &&
      !items.ends_with("\"")) {
    return {};
  }
  // The kind is a word of two characters (阶段, 企业, 模块); what follows it is the sentence's.
  if (at + 6 > text.size()) return {};
  const std::string_view kind = text.substr(at, 6);
  if (AnyStartsAt(kind, 0, {"十", "百", "千", "万", "亿"})) return {};  // 两个万亩: a size
  for (size_t p = 0; p < kind.size(); p += 3) {
    if (CharLength(kind, p) != 3 || ClauseMarks().Has(kind.substr(p, 3)) ||
        StartsWithAt(kind, p, "、") || StartsWithAt(kind, p, "“")) {
      return {};
    }
  }
  return std::string(kind);
}

bool SplitTownAndCountry(std::string_view clause, std::string* first, std::string* second) {
  if (!first->starts_with("城乡") || first->size() <= 6 || *second != *first ||
      clause.find("分别") == std::string_view::npos) {
    return false;
  }
  const std::string rest = first->substr(6);
  *first = "城镇" + rest;
  *second = "农村" + rest;
  return true;
}

bool EndsWithScope(std::string_view clause) {
  while (clause.ends_with(" ")) clause.remove_suffix(1);
  for (std::string_view scope : kOwnArea) {
    if (clause.ends_with(scope)) return true;
  }
  return false;
}

std::string LabelOfClauseBefore(std::string_view text, size_t clause_begin, size_t clause_end,
                                size_t floor) {
  size_t mark = clause_begin;
  for (std::string_view comma : {"，", ","}) {
    if (clause_begin >= floor + comma.size() && EndsWithAt(text, clause_begin, comma)) {
      mark = clause_begin - comma.size();
    }
  }
  std::string_view own = text.substr(clause_begin, clause_end - clause_begin);
  while (own.starts_with(" ")) own.remove_prefix(1);
  while (own.ends_with(" ")) own.remove_suffix(1);
  bool filler_only = own.empty();
  for (std::string_view filler : {"共计", "合计", "总计", "累计", "共"})
    filler_only |= own == filler;
  if (mark == clause_begin || !filler_only) return {};
  const size_t begin = ClauseBegin(text, mark, floor);
  if (begin == floor) return {};  // the words after a figure: its own
  std::string label = LabelOf(text.substr(begin, mark - begin)).label;
  // 开展房屋普查工作: the work is the survey.
  if (label.ends_with("工作") && label.size() > 6) label.resize(label.size() - 6);
  return label;
}

std::string ChainedNoun(std::string_view text, std::string_view unit, size_t from, size_t to) {
  const bool classifier = IsClassifier(unit);
  constexpr size_t kLongest = 10 * 3;
  // 次 after the classifier is the rest of its unit (批次, 台次).
  if (!classifier || to <= from || to - from > kLongest || StartsWithAt(text, from, "次"))
    return {};
  const std::string_view words = text.substr(from, to - from);
  for (size_t p = 0; p < words.size(); p += 3) {
    if (CharLength(words, p) != 3 || ClauseMarks().Has(words.substr(p, 3)) ||
        StartsWithAt(words, p, "、") || StartsWithAt(words, p, "的") ||
        !VerbAt(words.substr(p), kVerbs).empty() || !VerbAt(words.substr(p), kInnerVerbs).empty() ||
        !VerbAt(words.substr(p), kTrailing).empty()) {
      return {};
    }
  }
  return WithoutQuotes(words);
}

namespace {

// Whether only blanks are left of the line from `at`, as a PDF leaves at a line's end, and one
// is there: they end the line's last clause as its end does.
bool BlanksToLineEnd(std::string_view text, size_t at) {
  if (at >= text.size() || (text[at] != ' ' && text[at] != '\t')) return false;
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  return at == text.size() || text[at] == '\n';
}

}  // namespace

namespace {

// Past an amount that qualifies the noun after a figure rather than counting it
// (1名35岁左右大专以上学历干部, 5个百亩以上油茶庄园): a number, an age or area unit, and a bound.
size_t PastQualifyingAmount(std::string_view text, size_t at) {
  size_t p = at;
  while (p < text.size()) {
    if (text[p] >= '0' && text[p] <= '9') {
      ++p;
    } else if (AnyStartsAt(text, p,
                           {"一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百",
                            "千", "万"})) {
      p += 3;
    } else {
      break;
    }
  }
  if (p == at) return at;
  for (std::string_view unit : {"岁", "亩", "平方米"}) {
    if (!StartsWithAt(text, p, unit)) continue;
    for (std::string_view bound : {"及以上", "以上", "以下", "左右"}) {
      if (StartsWithAt(text, p + unit.size(), bound)) return p + unit.size() + bound.size();
    }
  }
  return at;
}

// Whether a head noun that a verb may qualify (户, 基地, 项目 …) follows `at` within
// `characters_at_most` characters of one word: no mark, digit or blank between.
// Where the head noun ends, or 0 when none follows.
size_t HeadNounWithin(std::string_view text, size_t at, size_t characters_at_most = 5) {
  static constexpr std::string_view kHeads[] = {"户", "场", "厂", "基地", "项目", "工程", "园区"};
  for (size_t p = at, characters = 0; p < text.size() && characters < characters_at_most;
       ++characters) {
    if (static_cast<unsigned char>(text[p]) < 0xE0 && text[p] != ' ') return 0;
    if (text[p] == ' ') {
      ++p;
      continue;
    }
    for (std::string_view head : kHeads) {
      if (StartsWithAt(text, p, head)) return p + head.size();
    }
    if (ClauseMarks().Has(text.substr(p, 3)) || StartsWithAt(text, p, "、")) return 0;
    p += CharLength(text, p);
  }
  return 0;
}

}  // namespace

std::string NounToClauseEnd(std::string_view text, std::string_view unit, size_t at) {
  constexpr size_t kLongest = 10 * 3;
  at = PastQualifyingAmount(text, at);
  for (size_t p = at; p < text.size() && p <= at + kLongest;) {
    const size_t length = CharLength(text, p);
    if (ClauseMarks().Has(text.substr(p, length)) || BlanksToLineEnd(text, p)) {
      // Two characters at least, not the rest of a unit (1500台次, 100万批次农产品快检), and no
      // conjunction (与排水暗沟).
      if (p < at + 6 || StartsWithAt(text, at, "与")) return {};
      return ChainedNoun(text, unit, at, p);
    }
    p += length;
  }
  return {};
}

std::string WordsAfter(std::string_view text, size_t at) {
  size_t p = at;
  int characters = 0;
  // 基本完成结对联户: past an adverb of how far a work went.
  for (std::string_view adverb : {"基本", "全部", "已经", "已"}) {
    if (StartsWithAt(text, p, adverb) && !VerbAt(text.substr(p + adverb.size()), kVerbs).empty()) {
      p += adverb.size();
      break;
    }
  }
  // 带动180余户种植艾叶: past a verb, to what it acts on; not one that names a kind of the noun
  // after it (300亩种植大户).
  if (const std::string_view verb = VerbAt(text.substr(p), kVerbs);
      !verb.empty() && HeadNounWithin(text, p + verb.size(), 2) == 0) {
    p += verb.size();
  }
  // 44条(座)河流库坝: a bracket right after the unit belongs to it.
  if (p < text.size() && (text[p] == '(' || StartsWithAt(text, p, "（"))) {
    const std::string_view close = text[p] == '(' ? ")" : "）";
    if (const size_t closing = text.substr(p, 16).find(close); closing != std::string_view::npos) {
      p += closing + close.size();
    }
  }
  p = PastQualifyingAmount(text, p);
  const size_t first = p;
  const auto is_mark = [](std::string_view character) {
    for (std::string_view m : kClauseMarks) {
      if (character == m) return true;
    }
    return character == "、";
  };
  const auto verb_at = [&](size_t q) {
    std::string_view verb = VerbAt(text.substr(q), kVerbs);
    if (verb.empty()) verb = VerbAt(text.substr(q), kInnerVerbs);
    return verb;
  };
  while (p < text.size() && characters < 12) {
    // A short bracketed part belongs to the noun: 村（居）民小组, 村(社区).
    if (text[p] == '(' || StartsWithAt(text, p, "（")) {
      const std::string_view close = text[p] == '(' ? ")" : "）";
      const size_t closing = text.substr(p, 16).find(close);
      if (closing == std::string_view::npos) break;
      p += closing + close.size();
      continue;
    }
    // Quotation marks are passed over (打造10个“数字领航”企业), and dropped below; so is a PDF's
    // space between two words (产学 研基地).
    if (text[p] == '"' || (text[p] == ' ' && p > first && p + 1 < text.size() &&
                           static_cast<unsigned char>(text[p + 1]) >= 0xE0)) {
      ++p;
      continue;
    }
    const size_t length = CharLength(text, p);
    if (length != 3) break;  // digits, punctuation of ASCII
    const std::string_view character = text.substr(p, length);
    // Adverbs end the noun: 590个脱贫家庭学生都能够, 河流库坝均配有, 社戒社康人员定期尿检.
    if (is_mark(character) || character == "都" || character == "均") break;
    if (AnyStartsAt(text, p,
                    {"定期", "实地", "现场", "正在", "全部", "已经", "率先", "初见", "予以", "获评",
                     "进入", "参照", "目前"})) {
      break;
    }
    if (character == "“" || character == "”") {
      p += length;
      continue;
    }
    if (p > at) {
      if (const std::string_view verb = verb_at(p); !verb.empty()) {
        // An activity closing the clause is a noun (升级改造, 线下培训); a verb with words after
        // it acts (大模型通过国家备案), as does 建设 closing one (省级中心村建设).
        const size_t after = p + verb.size();
        // A verb that qualifies a head noun after it names a kind (畜禽养殖户, 维修清淤项目,
        // 种植产学研基地).
        if (const size_t head_end = HeadNounWithin(text, after); head_end != 0) {
          p = head_end;  // the head ends the noun: 土地综合整治项目扎实推进
          break;
        }
        if (!IsActivityVerb(verb) || (after < text.size() && CharLength(text, after) == 3 &&
                                      !is_mark(text.substr(after, 3)))) {
          break;
        }
        p = after;
        break;
      }
      if (!VerbAt(text.substr(p), kTrailing).empty()) break;
    }
    p += length;
    ++characters;
  }
  std::string_view words = text.substr(first, p - first);
  while (StripLeading(&words) || StripTrailing(&words)) {
  }
  return WithoutQuotes(words);
}

}  // namespace glean::figures
