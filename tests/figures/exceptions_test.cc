// Figures no analyst wants as data (issue 18): each reason on real sentences of the development
// corpus, with the near misses that stay data, and the words that only look like figures.
#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

#include "glean/document.h"
#include "glean/figure.h"

namespace glean {
namespace {

// Each figure as "text reason", the reason "-" for a figure that is data.
std::string Excepted(const std::string& sentence) {
  Result<Document> document = Document::Load("doc.txt", sentence, NormalizeOptions{});
  REQUIRE(document.ok());
  std::string out;
  for (const Figure& figure : FiguresOf(document.value())) {
    const std::string reason = FigureExceptName(figure.excepted);
    out += fmt::format("{} {}\n", figure.text, reason.empty() ? "-" : reason);
  }
  return out;
}

struct Case {
  const char* sentence;
  const char* figures;
};

const Case kCases[] = {
    // outline: the parts a speech or plan is laid out in, in Arabic or Chinese numerals.
    {"今年要重点做好9个方面工作：", "9个 outline\n"},
    {"重点做好十个方面工作：", "十个 outline\n"},
    {"我们要重点把握好5个方面：", "5个 outline\n"},
    {"为实现上述目标，《纲要（草案）》提出了15个方面的重点任务和4个方面的保障措施。",
     "15个 outline\n4个 outline\n"},
    // Of problems only when the speaker announces them.
    {"下面,我根据县委、县政府讨论的意见,讲两个方面的问题", "两个 outline\n"},
    // A count that announces the list the speech then enumerates, of the speech's own parts.
    {"至少有十个突出亮点：一是全区经济增长速度连续4年居全国前列。", "十个 outline\n"},
    {"《纲要草案》具体部署了13项任务举措：一是坚守职责使命。", "13项 outline\n"},
    {"2016年,润雅乡计划进行的产业开发有五项:一是完成县分烟叶任务.", "五项 outline\n"},
    {"主要是做好四篇文章。", "四篇 outline\n"},
    {"三、全力抓好七项重点工作\n（一）着力扩大有效需求", "七项 outline\n"},
    // Near misses: what the aspects hold is data (16条经验); a count with a colon and a list that
    // does not enumerate the speech's parts (民生实事); the same words in a clause, not a heading.
    {"先行区建设6个方面16条经验被国家推广。", "6个 outline\n16条 -\n"},
    {"2026年10件民生实事：加大重点群体就业创业支持力度。", "10件 -\n"},
    {"年度10件惠民实事圆满办结。", "10件 -\n"},
    // set_phrase: political formulas and idioms written with a count.
    {"统筹国内国际两个大局，充分用好两个市场、两种资源。",
     "两个 set_phrase\n两个 set_phrase\n两种 set_phrase\n"},
    {"一方有难、八方支援，四面八方走出去，造福千家万户。",
     "八方 set_phrase\n八方 set_phrase\n千家 set_phrase\n"},
    {"牢牢守好发展和生态两条底线。", "两条 set_phrase\n"},
    // Near miss: a count of things named before it.
    {"彻底改变了广文里、广明里、广昌里、广盛里四个小区居民行路难的状况。", "四个 -\n"},
    {"打通未贯通道路40条，治理交通堵乱点134处。", "40条 -\n134处 -\n"},
    // web_page: a copied page's counters and a document-sharing site's line before the title.
    {"2017-01-16 15:29:25  浏览次数:419次  栏目:政府报告", "419次 web_page\n"},
    {"20211025:5篇43万字乡镇政府工作报告", "5篇 web_page\n"},
    // Near miss: the report's own count of clicks.
    {"线上点击量近100万次，带动销售特色蔬果1000余吨。", "100万次 -\n1000余吨 -\n"},
    // Not figures at all: a unit read from the first character of a word, a session number, the
    // size of a team that names a game.
    {"重点做好十方面工作。推动出台服务业扩大开放3.0方案。", ""},
    {"地区生产总值迈上5万亿台阶。", ""},
    {"较好完成了市十六届人大三次会议确定的目标任务。", ""},
    {"建成250个社区健身路径或3人制篮球场。", "250个 -\n"},
    // An amount before 级 is the class of the thing after it (hunan-2026, henan-2026); the
    // length of the waterway is the figure.
    {"航道通航总里程达1.2万公里、居全国第3，千吨级及以上航道达1276公里。",
     "1.2万公里 -\n1276公里 -\n"},
    {"全球首台25兆瓦级风电主轴轴承成功下线。", ""},
};

TEST_CASE("figures: a figure no analyst wants is found and excepted, with its reason") {
  for (const Case& c : kCases) {
    INFO(c.sentence);
    CHECK(Excepted(c.sentence) == std::string(c.figures));
  }
}

}  // namespace
}  // namespace glean
