// The figure rules' label index must answer exactly as running every label pattern would.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/rules/label_index.h"
#include "glean/document.h"
#include "glean/figure.h"
#include "support/run_command.h"

namespace glean::internal {
namespace {

std::vector<int> Expected(const std::vector<std::unique_ptr<RE2>>& patterns,
                          std::string_view label) {
  std::vector<int> matches;
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (RE2::PartialMatch(re2::StringPiece(label.data(), label.size()), *patterns[i])) {
      matches.push_back(static_cast<int>(i));
    }
  }
  return matches;
}

// `sources` added to `index`, which is then compiled, and each compiled on its own, to check the
// index against.
std::vector<std::unique_ptr<RE2>> AddAll(const std::vector<std::string>& sources,
                                         LabelIndex* index) {
  std::vector<std::unique_ptr<RE2>> patterns;
  for (const std::string& source : sources) {
    patterns.push_back(std::make_unique<RE2>(source));
    REQUIRE(index->Add(source) != nullptr);
  }
  index->Compile();
  return patterns;
}

TEST_CASE("label index: the patterns a label matches, as running each pattern would") {
  // Literal labels, alternations, Latin letters in either case, anchors, classes, patterns with
  // no literal of a whole character (tried on every label), one that matches nothing, and plain
  // literals the index compares as strings.
  const std::vector<std::string> sources = {"地区生产总值|GDP", "改厕", "^低保(对象|户)$",
                                            "粮食(总)?产量", "gdp", "[一二三]产", "村$", ".",
                                            "(?:户|人)籍", "规上工业增加值", "zzz不存在", "第.产业",
                                            "^$|项目$|工程$", "宽带|4g|5g网络", "84|口罩",
                                            // Plain literals, anchored: compared as strings.
                                            "^实事$", "^全镇|工程量$", "^$"};
  std::vector<std::unique_ptr<RE2>> patterns;
  LabelIndex index{RE2::Options()};
  for (const std::string& source : sources) {
    patterns.push_back(std::make_unique<RE2>(source));
    REQUIRE(patterns.back()->ok());
    REQUIRE(index.Add(source) != nullptr);
  }
  index.Compile();
  const std::vector<std::string> labels = {
      "地区生产总值", "GDP",      "全省GDP总量",        "改厕",    "低保对象", "城市低保对象",
      "粮食总产量",   "粮食产量", "第二产业",           "二产",    "行政村",   "户籍人口",
      "人籍",         "",         "规上工业增加值增速", "zz",      "A",        "重点项目",
      "4g基站",       "5G网络",   "84消毒液",           "宽带",    "实事",     "全镇实事",
      "全镇工程量",   "工程量",   "工程量增长",         "十件实事"};
  std::vector<int> got;
  for (const std::string& label : labels) {
    INFO(label);
    index.Match(label, &got);
    CHECK(got == Expected(patterns, label));
    // Patterns a caller does not want are left out, whether the index found them by their
    // literals or runs them on every label.
    index.Match(
        label, [](int i) { return i % 2 == 1; }, &got);
    std::vector<int> odd;
    for (int i : Expected(patterns, label)) {
      if (i % 2 == 1) odd.push_back(i);
    }
    CHECK(got == odd);
  }
}

TEST_CASE("label index: a memo answers a label asked again as a fresh look-up does") {
  // A document's figures share labels (45户95人); the second asks with other wanted patterns
  // (another unit), so what the first did not run must be run then, and what it ran not again.
  const std::vector<std::string> sources = {"改厕", "低保",    "^$|项目$",
                                            "户$",  "宽带|4g", "低保(对象|户)"};
  LabelIndex index{RE2::Options()};
  for (const std::string& source : sources) REQUIRE(index.Add(source) != nullptr);
  index.Compile();
  const std::vector<std::string> labels = {"低保户", "",       "改厕户", "低保户",  "重点项目",
                                           "",       "4g宽带", "低保户", "重点项目"};
  LabelIndex::Memo memo;
  std::vector<int> remembered, fresh;
  for (size_t k = 0; k < labels.size(); ++k) {
    INFO(k, " ", labels[k]);
    const auto wanted = [&](int i) { return (i + k) % 3 != 0; };
    index.Match(labels[k], wanted, &memo, &remembered);
    index.Match(labels[k], wanted, &fresh);
    CHECK(remembered == fresh);
  }
}

TEST_CASE("label index: atoms that share their first character are each found") {
  // 人 starts atoms of one character, of two (人口, 人均) and longer (人均可支配收入); Latin
  // atoms of four or five bytes (4g网) start where a Chinese one cannot.
  const std::vector<std::string> sources = {
      "人口|户籍",       "人均可支配收入", "人民币|人均",  "^人$",     "(?:农村|城镇)人均",
      "人均(?:纯)?收入", "4g网|5g基站",    "人(?:数|次)$", "人大代表", "人口(?:自然)?增长"};
  LabelIndex index{RE2::Options()};
  const std::vector<std::unique_ptr<RE2>> patterns = AddAll(sources, &index);
  const std::vector<std::string> labels = {
      "人",       "人口",       "户籍人口", "农村居民人均可支配收入", "人均纯收入",
      "农村人均", "人次",       "人大代表", "人口自然增长",           "人民币存款",
      "4G网络",   "5g基站",     "人人人",   "城镇人均收入",           "人均",
      "4g",       "人口增长率", ""};
  std::vector<int> got;
  for (const std::string& label : labels) {
    INFO(label);
    index.Match(label, &got);
    CHECK(got == Expected(patterns, label));
  }
}

TEST_CASE("label index: every figure label of the sample reports against the stock labels") {
  // The labels of real figures, against label patterns of the genre's indicators.
  const std::vector<std::string> sources = {"改厕|户厕",
                                            "低保",
                                            "脱贫(户|人口)?",
                                            "(合作社|专业合作)",
                                            "(流转|土地流转)",
                                            "资金",
                                            "党员",
                                            "(种植|养殖)",
                                            "产量",
                                            "面积",
                                            "收入",
                                            "道路|公路",
                                            "学校|学生",
                                            "就业",
                                            "培训"};
  LabelIndex index{RE2::Options()};
  const std::vector<std::unique_ptr<RE2>> patterns = AddAll(sources, &index);
  size_t labels = 0, matched = 0;
  std::vector<int> got;
  for (const char* name : {"junping-2021", "junping-2023", "anon-town-2022",
                           "lijiang-2021-traditional", "maotian-2021-pdf"}) {
    const std::string path = testing::SourceDir() + "/tests/data/corpus/" + name + ".txt";
    Result<Document> document = Document::Load(path, testing::ReadFile(path), {});
    REQUIRE(document.ok());
    for (const Figure& figure : FiguresOf(document.value())) {
      INFO(figure.label);
      index.Match(figure.label, &got);
      CHECK(got == Expected(patterns, figure.label));
      ++labels;
      matched += !got.empty();
    }
  }
  CHECK(labels > 300);
  CHECK(matched > 30);
}

}  // namespace
}  // namespace glean::internal
