#include "engine/figures/label_words.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <utility>

#include "engine/figures/text_at.h"
#include "engine/source/utf8.h"

namespace glean::figures::label_words {

using namespace std::string_view_literals;

namespace {

// Marks that end a clause. 、 is not one: it joins the words of one label (低保、临时救助等各类
// 民政资金) as often as it separates list items, which the figure before it marks instead.
// + joins the parts of a breakdown (护林员54人+监管员18人), each with its own label.
constexpr std::string_view kClauseMarks[] = {"，", "。", "；", "：", "！", "？", "\n",
                                             ",",  ";",  ":",  "!",  "?",  "+"};

// Words trimmed from the front of a clause: time, place and scope, connectives.
constexpr std::string_view kLeading[] = {
    "截至目前", "截至年底", "过去一年", "过去五年", "一年来", "五年来", "前三季度", "上半年",
    "下半年", "一季度", "全年度", "全年", "今年", "去年", "上年", "当年", "年内", "年底", "年末",
    "年初", "目前", "至今", "其中", "同时", "另外", "此外", "并且", "全镇", "全县", "全市", "全省",
    "全区", "增长到", "提高到", "增加到", "提升到", "增长至", "提高至", "增加至", "提升至",
    "下降到", "下降至", "上升到", "上升至", "减少到", "减少至", "增至", "降至", "全乡", "全村",
    "全州", "全旗", "我镇", "我县", "我市", "我省", "我区", "我乡", "本镇", "本县", "各村", "先后",
    "现有", "已经", "共计", "总计", "合计", "累计", "共有", "共", "已", "还", "又", "也", "为",
    "向", "、", "各类", "各项", "首批", "的", "积极", "及时", "持续", "深入", "进一步", "大力",
    "截止到", "截止", "截至", "正在", "现", "(", "（", "了", "我们", "辖区内", "辖区", "当前",
    "以来", "全面", "当面", "特别是", "主要是", "一是", "二是", "三是", "四是", "五是", "在全镇",
    "在全县", "在全市", "在全省", "在全乡", "范围内", "国办系统", "系统内", "档内", "全力", "着力",
    "努力", "切实", "扎实", "稳步", "不断", "认真", "有序",
    // 力争新增外资外贸企业30家: the plan word says the status (status.h), not what is counted.
    "力争", "力求", "预计", "计划",
    // 涉及财政奖补项目5个: what the count takes in, not what it is.
    "涉及",
    // 目前镇共有湖北返乡人员26人: the place a tally is of, with its verb.
    "镇共有", "乡共有", "村共有", "县共有", "市共有", "区共有"};

// Words trimmed from the end of a clause: what joins a label to its figure. 预计 before 计, so
// that 农民人均纯收入预计达3325元 loses both characters, not one; 可达 whole (收入可达30758元);
// 下降到 before 降到 (PM2.5浓度下降到33微克/立方米, not PM2.5浓度下).
constexpr std::string_view kTrailing[] = {
    "分别达到", "分别为", "分别", "提高到", "提高至", "提升到", "提升至", "增加到", "增加至",
    "增长到", "增长至", "增至", "下降到", "下降至", "降至", "降到", "减少到", "减少至", "可达到",
    "可达", "达到", "达", "预计", "为", "是", "现有", "有", "突破", "超过", "共计", "总计", "合计",
    "累计", "共", "计", "了", "的", "约", "至", "到", "从", "由", "在", "已", "实现", "完成",
    "稳定在", "保持在", "控制在", "完工", "用于", "享受", "划分为", "年均", "同比", "比上年",
    "平均", "稳定", "净增", "以来", "保持", "控制", "和", "及", "等", "范围", "率先", "不低于",
    "不少于", "不超过", "不高于", "至少", "不",
    // 出庭应诉率首次达到100%, 游客人次、旅游总花费均增长8%, 进出口总额接连突破8万亿元: an adverb of
    // how often or how many at a time says nothing of what is counted; nor does 逆势 (出口逆势增长
    // 17.8%: against the trend).
    "首次", "接连", "连续", "双双", "均", "逆势", "再",
    // 新建省重点实验室、省技术创新中心、省工程研究中心各20家: each of the items, as 均 says.
    "各",
    // 黑土地耕层厚度止跌提升3.5%: the turn of a trend says how it changed, not what; so does a
    // doubling before the level, with its verb (进出口总值翻番达到2206亿元) or before its 、
    // (水利建设投资翻番、达2734.3亿元: a 、 alone is no trailing word).
    "止跌", "翻番", "翻一番", "翻了一番", "翻番、", "翻一番、", "翻了一番、",
    // 地区生产总值历史性迈上4000亿元台阶, 跨过3万亿元: a milestone's verb (MilestoneVerbBefore's)
    // says how the level was reached (the figure reads "more than"), not what is counted.
    "迈上", "跨越", "跨过", "跨上", "站上", "跃上", "登上", "连跨", "历史性",
    // 岁出预算…减列合计新台币284万元: the currency the unit names already.
    "新台币"};

// Verbs a label's words may begin with; the run of them at the front is the action.
constexpr std::string_view kVerbs[] = {
    "新改扩建", "改扩建", "新开工", "新开通", "新登记", "完成", "实现", "发放", "新建", "新增",
    "建成", "建设", "种植", "培训", "开展", "举办", "组织", "召开", "争取", "落实", "投入", "改造",
    "帮助", "安置", "解决", "办理", "处理", "接待", "排查", "整治", "化解", "发展", "引进", "签约",
    "流转", "修建", "硬化", "新修", "维修", "清理", "打造", "创建", "吸纳", "带动", "提供", "拨付",
    "筹集", "招引", "救助", "慰问", "走访", "资助", "认定", "培育", "申报", "推出", "实施", "出台",
    "制定", "修改", "废止", "审议", "办结", "受理", "调解", "查处", "检查", "巡查", "整改", "消除",
    "治理", "修复", "栽植", "养殖", "拆除", "铺设", "安装", "配备", "购置", "采购", "捐赠", "募集",
    "筹措", "兑现", "减免", "开设", "入选", "获批", "获得", "荣获", "表彰", "接种", "检测", "登记",
    "签订", "惠及", "转移", "开通", "遴选", "支持", "吸引", "建立", "成立", "组建", "设立", "选派",
    "派驻", "发动", "动员", "参与", "新办", "引导", "挂牌", "建起", "开办", "收购", "销售", "输出",
    "投资", "累计完成", "划分", "帮扶", "结对", "服务", "救治", "摸排", "收治", "新发展", "举行",
    "开工", "有", "下辖", "辖", "识别", "精准识别", "设置", "悬挂", "关闭", "竖立", "封堵", "给予",
    "纳入", "上报", "更新", "录入", "产出", "新植", "参加", "带领参加", "立案", "责令", "鉴定",
    "推广注册", "推广", "注册", "认证", "受理", "核实", "收集", "反馈", "新认证", "压减", "打击",
    "移送", "发布", "整合", "抓好", "建好", "选举产生", "摸排发现", "发现", "申请", "帮助", "保障",
    "派出", "添置", "查验", "备案", "劝返", "控停", "捣毁", "扣押", "移交", "退渡", "调备", "栽插",
    "免费提供", "启动", "选调", "设计", "投产", "带队检查", "下载", "清退", "取缔", "拆违", "查获",
    "抓获", "处置", "推进", "确保", "加大", "做好", "面对", "下派", "落户", "通过", "拔地而起",
    "推动", "加快推动", "加快推进", "加快建设", "布局", "布局建设", "完善提升", "新入库", "入库",
    "新纳入", "壮大", "串联", "选择", "确定", "承办", "巩固", "完善", "强化", "办好", "成为",
    // 提出地区生产总值年均增长5%—5.5%: a plan's words that state a target say nothing of
    // what it counts.
    "提出", "明确", "要求",
    // 在14个市州城区和兰州新区增补义务教育学位2万个: school places are added, as built.
    "增补",
    // 释放吉化120万吨乙烯转型升级项目新装置产能: a plan releases the capacity of the plant it
    // names; the firm is the name, the verb the action.
    "释放",
    // 新改建农村公路: newly built or rebuilt, one verb as 新改扩建 is; 提升改造210公里农村公路:
    // the pair in the other order.
    "新改建", "提升改造",
    // 谋划落地旅居地产项目40个左右: the plan's verbs, not the projects' name.
    "谋划落地", "谋划",
    // 梳理出意见、建议7条, 查摆问题12个: what a review finds is counted, not the finding.
    "梳理出", "梳理", "查摆出", "查摆", "查找出", "排摸",
    // 高标准打造幸福河湖100条: how well the work is meant to be done is no part of what it makes
    // (高标准农田 is a noun: the adverb alone is no verb).
    "高标准打造", "高标准建设", "高标准完成", "高标准推进", "高质量建设", "高质量完成",
    "高质量推进", "高水平建设", "高水平打造", "高水平推进"};

// Verbs found inside a clause, after words of its own (消费品以旧换新带动销售额): the last one
// starts the label. Fewer than kVerbs: words such as 服务 and 建设 end nouns too (高技术服务业).
constexpr std::string_view kInnerVerbs[] = {
    "完成", "实现", "发放", "新建", "建成", "带动", "审议", "实施", "办理", "办结", "培训", "举办",
    "召开", "争取", "落实", "投入", "拨付", "筹集", "吸纳", "帮助", "安置", "解决", "接待", "排查",
    "化解", "引进", "签约", "流转", "硬化", "新修", "改造", "种植", "新开工", "推出", "出台",
    "遴选", "创建", "获批", "入选", "开展", "组织", "救助", "慰问", "走访", "培育", "惠及", "累计",
    "识别", "设置", "关闭", "纳入", "给予", "录入", "更新", "上报", "推广", "下辖", "配备", "竖立",
    "封堵", "责令", "移送", "打击", "发布", "整合", "压减", "设立", "派出", "添置", "查验", "备案",
    "劝返", "捣毁", "扣押", "移交", "免费提供", "选调", "带队检查", "提供", "受理", "处罚", "获得",
    "反馈", "调备", "栽插", "发现", "申请", "追加", "提拨", "增加", "增补",
    // 党委、政府研究决定减少贫困人口930户: who decided is not what is counted.
    "研究决定"};

// Verbs that name the activity counted when nothing follows them (临时救助2042人次, 全社会研发
// 投入年均增长10%, 入户走访4000多户): the words before them and the verb are the label.
// Not 投入: 镇财政投入120万元 names who paid.
constexpr std::string_view kActivityVerbs[] = {"救助", "走访", "改造", "流转", "处罚", "培训",
                                               "排查", "整治", "审查", "慰问", "调查", "鉴定",
                                               "移交",
                                               // 受理公租房申请194户: the applications counted.
                                               "申请"};

// The report's own area, as a scope: 带动全镇180余户, 将我镇129户.
constexpr std::string_view kOwnArea[] = {"全镇", "全县", "全市", "全省", "全区", "全乡", "全村",
                                         "我镇", "我县", "我市", "我省", "我区", "我乡"};

// Nouns too general to name a figure alone: the verb before them belongs to the name (认证率,
// 慰问救助金, 中药材种植面积, 立案任务数).
constexpr std::string_view kGeneralNouns[] = {"率",     "金",   "资金", "对象", "面积", "基地",
                                              "任务数", "任务", "数",   "量",   "大户"};

// Measures that name no thing of their own (全社会研发投入占比, 以工代赈带动就业, 中欧班列累计
// 开行): the words before the verb inside say what is measured, and the verb how.
constexpr std::string_view kBareMeasures[] = {"占比", "比重", "比例",   "就业",   "开行",
                                              "产量", "产值", "利用率", "销售额", "总量"};

}  // namespace

bool OpensWithWordOfHe(std::string_view words) {
  return words.starts_with("和美") || words.starts_with("和谐") || words.starts_with("和平");
}

bool IsBareMeasure(std::string_view words) {
  for (std::string_view measure : kBareMeasures) {
    if (words == measure) return true;
  }
  return false;
}

bool IsGeneralNoun(std::string_view words) {
  for (std::string_view noun : kGeneralNouns) {
    if (words == noun) return true;
  }
  return false;
}

// Verbs that obtain, spend or complete, and name nothing with the noun after them (争取资金,
// 实现纯收入).
bool IsLightVerb(std::string_view verb) {
  for (std::string_view light : {"完成"sv, "实现"sv, "累计"sv, "带动"sv, "惠及"sv, "争取"sv,
                                 "发放"sv, "筹集"sv, "拨付"sv, "投入"sv, "落实"sv, "获得"sv}) {
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

namespace {

// Strips a leading year or month: 2025年, 2025年度, 1-11月, 10月份, 2019、2020年, and the year a
// plan runs to (到2030年全社会研发投入强度).
bool StripDate(std::string_view* text) {
  const size_t start = (text->starts_with("到") || text->starts_with("至")) && text->size() > 3 &&
                               IsDigit((*text)[3])
                           ? 3
                           : 0;
  size_t p = start;
  while (p < text->size()) {
    const char c = (*text)[p];
    if (IsDigit(c) || c == '-') {
      ++p;
    } else if (p > 0 && StartsWithAt(*text, p, "、") && p + 3 < text->size() &&
               IsDigit((*text)[p + 3])) {
      p += 3;
    } else {
      break;
    }
  }
  if (p == start) return false;
  std::string_view rest = text->substr(p);
  for (std::string_view word :
       {"年以来"sv, "年度"sv, "年底"sv, "年末"sv, "年"sv, "月份"sv, "月"sv}) {
    if (rest.starts_with(word)) {
      *text = rest.substr(word.size());
      return true;
    }
  }
  return false;
}

// Strips a trailing year: 增长到2025年, 推进2023年度.
bool StripTrailingDate(std::string_view* text) {
  for (std::string_view word : {"年度"sv, "年底"sv, "年末"sv, "年"sv}) {
    if (!EndsWithAt(*text, text->size(), word)) continue;
    size_t p = text->size() - word.size();
    const size_t end = p;
    while (p > 0 && IsDigit((*text)[p - 1])) --p;
    if (end - p == 4) {
      text->remove_suffix(text->size() - p);
      return true;
    }
    // 水质优良比例连续3年, 粮食总产量连续五年: how long it has held, not what is counted.
    if (word != "年") continue;
    if (p == end) {
      while (p >= 3 && AnyEndsAt(*text, p,
                                 {"一"sv, "二"sv, "两"sv, "三"sv, "四"sv, "五"sv, "六"sv, "七"sv,
                                  "八"sv, "九"sv, "十"sv})) {
        p -= 3;
      }
    }
    if (p < end && end - p <= 9 && EndsWithAt(*text, p, "连续")) {
      text->remove_suffix(text->size() - (p - std::string_view("连续").size()));
      return true;
    }
    // 新能源汽车产量五年, 实际利用外资五年: the span a change or a total is over says when.
    if (p < end && end - p <= 6 && p >= 6 && static_cast<unsigned char>((*text)[p - 1]) >= 0x80) {
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

constexpr std::string_view kYearNumerals[] = {"一", "二", "三", "四", "五", "六", "七",
                                              "八", "九", "十", "百", "零", "〇"};

const CharSet& YearNumerals() {
  static const CharSet set = CharSet::Firsts(kYearNumerals);
  return set;
}

// Strips a year written in Chinese numerals before 年度: 九十三年度, a year of the Republic of
// China calendar, as Taiwanese reports write it (三年 alone is a duration, not stripped).
bool StripChineseYear(std::string_view* text) {
  size_t p = 0;
  while (p + 3 <= text->size() && YearNumerals().StartsOf(text->substr(p))) p += 3;
  if (p < 6 || !StartsWithAt(*text, p, "年度")) return false;
  text->remove_prefix(p + 6);
  return true;
}

const CharSet& LeadingFirsts() {
  static const CharSet set = CharSet::Firsts(kLeading);
  return set;
}
const CharSet& TrailingLasts() {
  static const CharSet set = CharSet::Lasts(kTrailing);
  return set;
}

}  // namespace

// A list's words grouped by their first (or last) character, each group in list order, so the
// first word of the list that a text starts (or ends) with is found among the few that share
// its character: the trimming lists are asked again and again for each figure's clause, and
// the characters that pass their CharSet begin or end a dozen words of them at a time.
template <size_t N>
class FirstInList {
 public:
  enum class End { kFront, kBack };
  FirstInList(const std::string_view (&words)[N], End end) : end_(end) {
    for (size_t i = 0; i < N; ++i) entries_[i] = {KeyAt(words[i]), words[i]};
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& a, const Entry& b) { return a.first < b.first; });
  }
  // The first word of the list that `text` starts with (kFront) or ends with (kBack), or empty.
  std::string_view In(std::string_view text) const {
    if (text.empty()) return {};
    const uint32_t key = KeyAt(text);
    auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                               [](const Entry& entry, uint32_t k) { return entry.first < k; });
    for (; it != entries_.end() && it->first == key; ++it) {
      const std::string_view word = it->second;
      if (end_ == End::kFront ? StartsWithAt(text, 0, word) : EndsWithAt(text, text.size(), word)) {
        return word;
      }
    }
    return {};
  }

 private:
  uint32_t KeyAt(std::string_view text) const {
    if (end_ == End::kFront) return source::CharKeyAt(text, 0);
    size_t p = text.size() - 1;
    while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    return source::CharKey(text.substr(p));
  }
  using Entry = std::pair<uint32_t, std::string_view>;
  End end_;
  std::array<Entry, N> entries_{};
};

bool StripSameBelow(std::string_view* text) {
  constexpr std::string_view kSameBelow = "(下同)";
  if (!text->ends_with(kSameBelow)) return false;
  text->remove_suffix(kSameBelow.size());
  std::string_view years = *text;
  if (!years.ends_with("年")) return true;
  years.remove_suffix(std::string_view("年").size());
  size_t p = 0;
  while (p < years.size() && (IsDigit(years[p]) || (p + 3 <= years.size() &&
                                                    YearNumerals().StartsOf(years.substr(p))))) {
    p += IsDigit(years[p]) ? 1 : 3;
  }
  if (p == years.size() && p > 0) *text = {};
  return true;
}

bool StripEnumerator(std::string_view* text) {
  if (text->empty()) return false;
  const bool digit = IsDigit((*text)[0]);
  if (!digit && !YearNumerals().StartsOf(*text) && !StartsWithAt(*text, 0, "第")) return false;
  size_t p = StartsWithAt(*text, 0, "第") ? 3 : 0;
  const size_t numerals_begin = p;
  while (p + 3 <= text->size() && YearNumerals().StartsOf(text->substr(p))) p += 3;
  if (p > numerals_begin && p - numerals_begin <= 9 && StartsWithAt(*text, p, "是") &&
      text->size() > p + 3) {
    text->remove_prefix(p + 3);
    return true;
  }
  size_t digits = 0;
  while (digits < text->size() && digits < 3 && IsDigit((*text)[digits])) {
    ++digits;
  }
  if (digits == 0) return false;
  static constexpr std::string_view kMarks[] = {".", "．", "、"};
  for (std::string_view mark : kMarks) {
    const size_t end = digits + mark.size();
    // Not a decimal (3.5): a character other than a digit follows the point.
    if (StartsWithAt(*text, digits, mark) && end < text->size() &&
        static_cast<unsigned char>((*text)[end]) >= 0x80) {
      text->remove_prefix(end);
      return true;
    }
  }
  return false;
}

bool StripLeading(std::string_view* text, bool prepositions) {
  if (StripDate(text) || StripChineseYear(text)) return true;
  // The rest of a rate after the figure before: 796元/月提高至.
  if (text->starts_with("/") && text->size() >= 4) {
    text->remove_prefix(1 + source::Utf8LengthOfLead(static_cast<unsigned char>((*text)[1])));
    return true;
  }
  // 对 as a preposition (对60个山塘), not the 对 of 对外, 对口, 对照, 对接; 将 and 把 put the
  // object first (将我镇129户畜禽养殖户…), not the 将 of 将来.
  // 对 before a trade partner and a trade word names the trade (对非贸易额, 对东盟出口,
  // 对“一带一路”沿线国家进出口): trade with Africa, not 非贸易额.
  const auto names_trade_partner = [&] {
    if (!AnyStartsAt(
            *text, 3,
            {"非"sv, "美"sv, "欧"sv, "日"sv, "韩"sv, "俄"sv, "东盟"sv, "拉美"sv, "港澳"sv, "中东"sv,
             "东南亚"sv, "一带一路"sv, "“一带一路”"sv, "\"一带一路\""sv, "共建"sv})) {
      return false;
    }
    for (std::string_view trade : {"贸易"sv, "进出口"sv, "出口"sv, "进口"sv, "投资"sv}) {
      if (text->find(trade) != std::string_view::npos) return true;
    }
    return false;
  };
  if (prepositions && text->starts_with("对") &&
      !AnyStartsAt(*text, 3, {"外"sv, "口"sv, "照"sv, "接"sv, "比"sv, "象"sv}) &&
      !names_trade_partner()) {
    text->remove_prefix(3);
    return true;
  }
  if (prepositions && (text->starts_with("将") || text->starts_with("把")) &&
      !text->substr(3).starts_with("来") && !text->substr(3).starts_with("军")) {
    text->remove_prefix(3);
    return true;
  }
  // ____年农民人均纯收入, xx年…, 20xx年…: a year a copy masked names a time, as 2016年 would.
  const auto masks = [](char c) { return c == '_' || c == 'x' || c == 'X' || c == '*'; };
  if (size_t p = 0;
      !text->empty() && (masks((*text)[0]) || (*text)[0] == '1' || (*text)[0] == '2')) {
    while (p < text->size() && p < 2 && IsDigit((*text)[p])) ++p;
    const size_t digits = p;
    while (p < text->size() && masks((*text)[p])) ++p;
    if (p > digits && p <= 4 && StartsWithAt(*text, p, "年") && text->size() > p + 3) {
      text->remove_prefix(p + 3);
      return true;
    }
  }
  // 60岁以上待遇人员: an age bound qualifies the people after it; alone (35岁以下8人) it names
  // them.
  if (size_t p = 0; text->size() > 0 && (*text)[0] >= '1' && (*text)[0] <= '9') {
    while (p < text->size() && IsDigit((*text)[p])) ++p;
    if (StartsWithAt(*text, p, "岁")) {
      for (std::string_view bound : {"及以上"sv, "以上"sv, "以下"sv}) {
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
      AnyEndsAt(*text, government, {"镇"sv, "乡"sv, "县"sv}) &&
      text->size() >= government + 6 + 6) {
    text->remove_prefix(government + 6);
    return true;
  }
  if (!LeadingFirsts().StartsOf(*text)) return false;
  static const FirstInList leading(kLeading, FirstInList<std::size(kLeading)>::End::kFront);
  const std::string_view word = leading.In(*text);
  if (word.empty()) return false;
  // 全市性督查检查考核事项: a scope before 性 makes an adjective of the name (city-wide), not the
  // report's area.
  if (word.starts_with("全") && StartsWithAt(*text, word.size(), "性")) return false;
  // 现 as "now", not the 现 of 现场会, 现代农业, 现金.
  if (word == "现" && AnyStartsAt(*text, 3, {"场"sv, "代"sv, "金"sv, "行"sv, "状"sv})) return false;
  // 计划生育 is a field of work, not a plan; 计划投资 names the amount planned.
  if (word == "计划" && AnyStartsAt(*text, word.size(), {"生育"sv, "投资"sv, "投入"sv}))
    return false;
  text->remove_prefix(word.size());
  return true;
}

bool StripComparisonBase(std::string_view* text) {
  // 生产总值同期增长10%: a bare 同期 says year on year, as 同比 does, and names nothing; after
  // a time (上年同期, “十三五”同期) it is the base the rest of this reads.
  if (constexpr std::string_view kSame = "同期";
      text->size() > kSame.size() && text->ends_with(kSame) &&
      !AnyEndsAt(*text, text->size() - kSame.size(),
                 {"年"sv, "”"sv, "\""sv, "五"sv, "期"sv, "较"sv, "比"sv})) {
    text->remove_suffix(kSame.size());
    return true;
  }
  if (!AnyEndsAt(*text, text->size(),
                 {"同期"sv, "时期"sv, "上年"sv, "去年"sv, "年初"sv, "年末"sv, "年底"sv})) {
    return false;
  }
  const size_t base = text->rfind("较");
  if (base == std::string_view::npos || base == 0 || EndsWithAt(*text, base, "比")) return false;
  text->remove_suffix(text->size() - base);
  return true;
}

bool StripTrailing(std::string_view* text) {
  if (StripTrailingDate(text)) return true;
  // 城乡低保标准提高到每月815元: the period a level is counted per, right after the verb of the
  // level, names nothing (after 每人, 每人每月, it stays: 补助标准为每人每月).
  for (std::string_view per : {"每月"sv, "每年"sv}) {
    if (!text->ends_with(per)) continue;
    const std::string_view before = text->substr(0, text->size() - per.size());
    if (AnyEndsAt(before, before.size(),
                  {"提高到"sv, "提高至"sv, "提升到"sv, "提升至"sv, "增至"sv, "达到"sv})) {
      text->remove_suffix(per.size());
      return true;
    }
  }
  if (!TrailingLasts().EndsOf(*text)) return false;
  static const FirstInList trailing(kTrailing, FirstInList<std::size(kTrailing)>::End::kBack);
  const std::string_view word = trailing.In(*text);
  if (word.empty()) return false;
  // 为 of 行为 (违法行为) ends a noun; 均 of 人均 is a word's (年均, 平均 are stripped whole).
  if ((word == "为" || word == "均") &&
      text->substr(0, text->size() - word.size()).ends_with(word == "为" ? "行" : "人")) {
    return false;
  }
  text->remove_suffix(word.size());
  return true;
}

namespace {

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
  // Nouns that begin with a verb: 有色冶金, 有机质, 派出所, 增加值, 建成区; a trade, 服务业,
  // 种植业, 养殖业; a verb and 性 or 式 make a word that qualifies a noun (保障性租赁住房,
  // 经营性自建房, 申请式退租).
  const std::string_view after = text.substr(best.size());
  if ((best == "有" && after.starts_with("色")) || (best == "派出" && after.starts_with("所")) ||
      (best == "增加" && after.starts_with("值")) || (best == "有" && after.starts_with("机")) ||
      // 有劳动能力户, 有就业意愿的: a kind of household or person, beside 无劳动能力户.
      (best == "有" &&
       AnyStartsAt(after, 0, {"劳动能力"sv, "劳动力"sv, "就业意愿"sv, "意愿"sv, "条件"sv})) ||
      // 有效期内高新技术企业, 有效发明专利, 有线电视: 有 begins the word, as in 有色.
      (best == "有" && (after.starts_with("效") || after.starts_with("线"))) ||
      (best == "建成" && after.starts_with("区") && !after.starts_with("区域")) ||
      // 安置房, 改造安置住房, 集中安置点, 安置小区: the housing or site people are moved to.
      (best == "安置" &&
       AnyStartsAt(after, 0, {"房"sv, "住房"sv, "点"sv, "区"sv, "小区"sv, "社区"sv})) ||
      // 带动销售金额, 实现销售收入: the amount sold is a noun.
      (best == "销售" && AnyStartsAt(after, 0, {"额"sv, "金额"sv, "收入"sv, "总额"sv})) ||
      (best.size() == 6 && after.starts_with("业")) ||
      (!best.empty() && (after.starts_with("性") || after.starts_with("式")))) {
    return {};
  }
  // 服务 begins the name of a trade or a place of service (服务贸易, 服务消费, 托育综合服务中心,
  // 养老服务网络, 15分钟生活服务圈), not an act, before these words.
  if (best == "服务" &&
      AnyStartsAt(after, 0,
                  {"业"sv, "贸易"sv, "消费"sv, "中心"sv, "机构"sv, "网络"sv, "站"sv, "设施"sv,
                   "体系"sv, "平台"sv, "窗口"sv, "型"sv, "外包"sv, "圈"sv})) {
    return {};
  }
  return best;
}

}  // namespace

size_t CharLength(std::string_view text, size_t at) {
  return source::Utf8LengthOfLead(static_cast<unsigned char>(text[at]));
}

// Quotation marks name nothing: “五包一”对象 → 五包一对象, "三码" → 三码.
void DropJoiningVerb(std::string* label) {
  constexpr std::string_view kJoiner = "进行";
  // Asked of every label: the last byte of 进 (9B), which few characters hold, is looked for
  // alone; a search for the word would stop at every character that shares its lead byte.
  constexpr size_t kLast = 2;
  for (size_t at = label->find(kJoiner[kLast]); at != std::string::npos;
       at = label->find(kJoiner[kLast], at + 1)) {
    if (at >= kLast + 2 * 3 && std::string_view(*label).substr(at - kLast).starts_with(kJoiner)) {
      label->erase(at - kLast, kJoiner.size());
      return;
    }
  }
}

std::string WithoutQuotes(std::string_view words) {
  // Most labels hold no quotation mark (“ ” lead with E2) and no blank: copied whole, not a
  // character at a time.
  if (std::none_of(words.begin(), words.end(),
                   [](char c) { return c == '"' || c == ' ' || c == '\xE2'; })) {
    return std::string(words);
  }
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

namespace {

const CharSet& ClauseMarks() {
  static const CharSet set = CharSet::Firsts(kClauseMarks);
  return set;
}

}  // namespace

std::string_view FrontVerbAt(std::string_view text) { return VerbAt(text, kVerbs); }

std::string_view VerbAtEnd(std::string_view words) {
  // The verbs are of two to four characters, a few of one: only the last four are looked at.
  constexpr size_t kLongestVerb = 12;
  size_t at = words.size() > kLongestVerb ? words.size() - kLongestVerb : 0;
  while (at < words.size() && (static_cast<unsigned char>(words[at]) & 0xC0) == 0x80) ++at;
  for (; at < words.size(); at += CharLength(words, at)) {
    const std::string_view rest = words.substr(at);
    if (FrontVerbAt(rest).size() == rest.size()) return rest;
  }
  return {};
}

std::string_view FrontVerbRunAt(std::string_view text) {
  const std::string_view verb = FrontVerbAt(text);
  // 新培育10个概念验证中心, 新建设5个…中心, 重点建设40个绿美点: the adverb says how the thing was
  // made; without the verb after it, it would be left as the whole label.
  static constexpr std::string_view kAdverbs[] = {"新", "重点", "加快", "再", "成功"};
  static const CharSet adverb_firsts = CharSet::Firsts(kAdverbs);
  if (!adverb_firsts.StartsOf(text)) return verb;  // most words: one look
  for (std::string_view adverb : kAdverbs) {
    if (!text.starts_with(adverb)) continue;
    const std::string_view after = FrontVerbAt(text.substr(adverb.size()));
    if (!after.empty() && adverb.size() + after.size() > verb.size()) {
      return text.substr(0, adverb.size() + after.size());
    }
  }
  return verb;
}

std::string_view SecondVerbAt(std::string_view text) {
  // 新建改建农村公路, 新建提升省级片区, 改造提升农村互助幸福院, 新建扩建污水处理厂: the second verb
  // of a pair is no word of kVerbs alone (提升 begins nouns and aims: 提升行动, 提升城乡低保标准),
  // only after another verb.
  static constexpr std::string_view kSeconds[] = {"改建", "扩建", "提升", "提质", "升级"};
  // Asked at the end of every run of verbs: the second byte of 改, 扩, 提 and 升 rules out most
  // words in one look.
  if (text.size() < 6) return {};
  if (const auto second = static_cast<unsigned char>(text[1]);
      second != 0x94 && second != 0x89 && second != 0x8F && second != 0x8D) {
    return {};
  }
  for (std::string_view verb : kSeconds) {
    if (text.starts_with(verb)) return text.substr(0, verb.size());
  }
  return {};
}

std::string_view InnerVerbAt(std::string_view text) { return VerbAt(text, kInnerVerbs); }
std::string_view TrailingWordAt(std::string_view text) { return VerbAt(text, kTrailing); }

bool IsClauseMark(std::string_view character) { return ClauseMarks().Has(character); }

const std::array<bool, 256>& ClauseMarkLeads() {
  static const std::array<bool, 256> leads = [] {
    std::array<bool, 256> bytes{};
    for (std::string_view mark : kClauseMarks) bytes[static_cast<unsigned char>(mark[0])] = true;
    return bytes;
  }();
  return leads;
}

std::string_view OwnAreaAtEnd(std::string_view words) {
  static const CharSet lasts = CharSet::Lasts(kOwnArea);
  if (!lasts.EndsOf(words)) return {};  // most clauses: one look
  for (std::string_view scope : kOwnArea) {
    if (words.ends_with(scope)) return scope;
  }
  return {};
}

std::string_view NarrowingFirmsAtEnd(std::string_view words) {
  if (!words.ends_with("企业")) return {};
  // Longest first: 非规模企业 before 规模企业.
  for (std::string_view kind :
       {"规模以上工业企业"sv, "规模以上企业"sv, "规上工业企业"sv, "规上企业"sv, "非规模企业"sv,
        "规模企业"sv, "限额以上企业"sv, "限上企业"sv, "非公有制企业"sv, "非公企业"sv, "民营企业"sv,
        "国有企业"sv, "省属企业"sv, "市属企业"sv, "县属企业"sv, "外资企业"sv, "外商投资企业"sv,
        "高新技术企业"sv}) {
    if (words.ends_with(kind)) return words.substr(words.size() - kind.size());
  }
  return {};
}

}  // namespace glean::figures::label_words
