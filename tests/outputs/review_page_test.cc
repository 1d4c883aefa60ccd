// The review page's data: each fact placed at its span of the original text, in the units the
// page's script counts (UTF-16), whatever the input's encoding. The page in a browser is
// review/review_page_test.mjs.
#include <doctest/doctest.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "glean/engine.h"
#include "glean/review_page.h"
#include "glean/rule_set.h"
#include "support/encode.h"
#include "support/run_command.h"

namespace glean {
namespace {

struct Page {
  std::string html;
  Diagnostics diagnostics;
};

Page Write(const std::string& name, const std::string& bytes, const std::vector<Fact>& facts,
           Encoding encoding = Encoding::kAuto) {
  Page page;
  ReviewPage writer([&](std::string_view piece) { page.html.append(piece); }, "test <page>");
  DocumentRecord record;
  record.doc = name;
  page.diagnostics = writer.Add(record, bytes, encoding, facts);
  writer.Finish();
  return page;
}

// The data block of the page's only document.
nlohmann::json Data(const std::string& html) {
  const std::string open = "class=\"glean-doc\"";
  size_t begin = html.find(open);
  REQUIRE(begin != std::string::npos);
  begin = html.find('>', begin) + 1;
  const size_t end = html.find("</script>", begin);
  REQUIRE(end != std::string::npos);
  return nlohmann::json::parse(html.substr(begin, end - begin));
}

// The text the page's script shows for [s, e), counted in UTF-16 code units as JavaScript does.
std::string Slice(const std::string& text, size_t s, size_t e) {
  std::string out;
  icu::UnicodeString::fromUTF8(text)
      .tempSubString(static_cast<int32_t>(s), static_cast<int32_t>(e - s))
      .toUTF8String(out);
  return out;
}

std::vector<Fact> StockFacts(const std::string& name, const std::string& bytes) {
  static const Engine engine = [] {
    Result<RuleSet> rules = RuleSet::Load({testing::SourceDir() + "/rules"});
    REQUIRE(rules.ok());
    ExtractOptions options;
    options.figures = true;
    Result<Engine> made = Engine::Create(std::move(rules).value(), options);
    REQUIRE(made.ok());
    return std::move(made).value();
  }();
  Result<std::vector<Fact>> facts = engine.Extract(name, bytes);
  REQUIRE(facts.ok());
  return std::move(facts).value();
}

void CheckPlaced(const std::string& name, const std::string& bytes, Encoding encoding) {
  const std::vector<Fact> facts = StockFacts(name, bytes);
  const Page page = Write(name, bytes, facts, encoding);
  CHECK(page.diagnostics.empty());
  const nlohmann::json data = Data(page.html);
  const std::string text = data["text"];
  size_t listed = 0;
  for (const Fact& fact : facts) {
    if (fact.rule == "builtin.document") continue;
    const nlohmann::json& item = data["facts"][listed++];
    INFO(fact.rule << " " << fact.text);
    REQUIRE(item.contains("s"));
    CHECK(Slice(text, item["s"], item["e"]) == fact.text);
    CHECK(item["rule"] == fact.rule);
  }
  CHECK(data["facts"].size() == listed);
  CHECK(listed > 10);
}

TEST_CASE("review page: each fact is placed at its span of a UTF-8 report") {
  const std::string name = "tests/data/corpus/junping-2021.txt";
  CheckPlaced(name, testing::ReadFile(testing::SourceDir() + "/" + name), Encoding::kAuto);
}

TEST_CASE("review page: the spans hold in a GB18030 copy, and after a byte-order mark") {
  const std::string utf8 =
      testing::ReadFile(testing::SourceDir() + "/tests/data/corpus/lijiang-2021-traditional.txt");
  CheckPlaced("gb18030.txt", testing::Encode(utf8, "GB18030"), Encoding::kGb18030);
  CheckPlaced("bom.txt", "\xEF\xBB\xBF" + utf8, Encoding::kAuto);
}

TEST_CASE("review page: characters outside the BMP count two UTF-16 units before a fact") {
  const std::string bytes =
      "\xF0\xA0\x80\x80 𠀀 " +  // two four-byte characters first
      testing::ReadFile(testing::SourceDir() + "/tests/data/corpus/anon-town-2022.txt");
  CheckPlaced("astral.txt", bytes, Encoding::kAuto);
}

TEST_CASE("review page: markup in a report stays text and cannot end the data block") {
  const std::string bytes = "2022年工作总结\n</script><script>alert(1)</script> 完成改厕650户。\n";
  const Page page = Write("<doc>.txt", bytes, {});
  CHECK(page.html.find("</script><script>alert") == std::string::npos);
  CHECK(page.html.find("<title>test &lt;page&gt;</title>") != std::string::npos);
  CHECK(page.html.find("data-name=\"&lt;doc&gt;.txt\"") != std::string::npos);
  CHECK(Data(page.html)["text"] == bytes);
}

TEST_CASE("review page: a fact past the input's end is listed without a span, with a warning") {
  Fact fact;
  fact.doc = "short.txt";
  fact.rule = "r";
  fact.fact = "f";
  fact.start = 3;
  fact.end = 400;
  fact.line = 1;
  fact.column = 2;
  const Page page = Write("short.txt", "完成改厕", {fact});
  REQUIRE(page.diagnostics.size() == 1);
  CHECK(page.diagnostics[0].ToString() ==
        "short.txt:1:2: warning[output]: fact of rule 'r' at bytes 3-400 does not fit the input "
        "(12 bytes); listed without a highlight");
  const nlohmann::json data = Data(page.html);
  REQUIRE(data["facts"].size() == 1);
  CHECK_FALSE(data["facts"][0].contains("s"));
}

TEST_CASE("review page: the page asks for nothing outside itself") {
  const Page page = Write("a.txt", "完成改厕650户。", {});
  for (const char* outside : {"http:", "https:", "src=", "href=\"http", "@import", "url("}) {
    INFO(outside);
    CHECK(page.html.find(outside) == std::string::npos);
  }
}

}  // namespace
}  // namespace glean
