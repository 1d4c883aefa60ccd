// The engine end to end in-process: rules from YAML text, documents from bytes, whole facts out.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "glean/engine.h"
#include "glean/figure.h"
#include "glean/output.h"
#include "glean/regression.h"
#include "glean/rule_set.h"

namespace glean {
namespace {

Engine MakeEngine(const std::string& yaml, ExtractOptions options = {}) {
  options.document_fact = false;
  Result<RuleSet> rules = RuleSet::LoadFromString(yaml, "test.yaml");
  for (const Diagnostic& d : rules.diagnostics()) {
    if (d.code != "no-examples") MESSAGE(d.ToString());
  }
  REQUIRE(rules.ok());
  Result<Engine> engine = Engine::Create(std::move(rules).value(), options);
  REQUIRE(engine.ok());
  return std::move(engine).value();
}

// Facts as JSON lines, the way a user sees them.
std::string Run(const Engine& engine, const std::string& text) {
  Result<std::vector<Fact>> facts = engine.Extract("doc.txt", text);
  REQUIRE(facts.ok());
  std::string out;
  for (const Fact& fact : facts.value()) out += FactToJsonLine(fact) + "\n";
  return out;
}

std::vector<std::string> RulesOf(const Engine& engine, const std::string& text) {
  Result<std::vector<Fact>> facts = engine.Extract("doc.txt", text);
  REQUIRE(facts.ok());
  std::vector<std::string> rules;
  for (const Fact& fact : facts.value()) rules.push_back(fact.rule);
  return rules;
}

TEST_CASE("engine: among overlapping matches of one fact type the higher priority wins") {
  Engine engine = MakeEngine(R"(rules:
  - id: low
    fact: toilets
    pattern: '改厕{n:int}户'
  - id: high
    fact: toilets
    priority: 5
    pattern: '厕{n:int}'
)");
  CHECK(RulesOf(engine, "完成改厕60户。") == std::vector<std::string>{"high"});
}

TEST_CASE("engine: with equal priority the longer match wins, then the earlier") {
  Engine engine = MakeEngine(R"(rules:
  - id: short
    fact: toilets
    pattern: '厕{n:int}'
  - id: long
    fact: toilets
    pattern: '改厕{n:int}户'
)");
  CHECK(RulesOf(engine, "完成改厕60户。") == std::vector<std::string>{"long"});
}

TEST_CASE("engine: overlapping matches of different fact types are all kept") {
  Engine engine = MakeEngine(R"(rules:
  - id: a
    fact: toilets
    pattern: '改厕{n:int}户'
  - id: b
    fact: households
    pattern: '{n:int}户'
)");
  CHECK(RulesOf(engine, "完成改厕60户。") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("engine: unless drops a match whose sentence matches, not its neighbours") {
  Engine engine = MakeEngine(R"(rules:
  - id: done
    fact: toilets
    pattern: '完成改厕{n:int}户'
    unless: '计划|力争'
)");
  const std::string text = "今年完成改厕60户。明年计划完成改厕100户。";
  Result<std::vector<Fact>> facts = engine.Extract("doc.txt", text);
  REQUIRE(facts.ok());
  REQUIRE(facts.value().size() == 1);
  CHECK(facts.value()[0].text == "完成改厕60户");
}

TEST_CASE("engine: rules that share a sentence or a heading each get their own filter's answer") {
  // A filter is asked once per sentence or heading; a rule with another filter, or the same
  // filter in another rule, must get the answer for its own filter.
  Engine engine = MakeEngine(R"(rules:
  - {id: a, fact: ta, pattern: '完成改厕{n:int}户', unless: '计划'}
  - {id: b, fact: tb, pattern: '改厕{n:int}户', unless: '力争'}
  - {id: c, fact: tc, pattern: '完成改厕{n:int}户', unless: '计划'}
  - {id: d, fact: td, pattern: '改厕{n:int}户', within: '成效'}
  - {id: e, fact: te, pattern: '改厕{n:int}户', not_within: '打算'}
)");
  CHECK(RulesOf(engine, "一、2021年工作成效\n计划完成改厕60户,又改厕65户。力争改厕70户。\n") ==
        std::vector<std::string>{"b", "d", "e", "b", "d", "e", "d", "e"});
}

TEST_CASE("engine: a field unit outside the rule's list drops the match") {
  Engine engine = MakeEngine(R"(rules:
  - id: toilets
    fact: toilets
    pattern: '改厕{n:quantity}'
    fields:
      n: {unit: [户]}
)");
  CHECK(RulesOf(engine, "改厕60户，改厕3次。") == std::vector<std::string>{"toilets"});
}

TEST_CASE("engine: offsets point into the original bytes through full-width and Traditional text") {
  Engine engine = MakeEngine(R"(rules:
  - id: toilets
    fact: toilets
    pattern: '完成改厕{n:int}户'
)");
  const std::string text = "一是完成改廁６０戶。";
  Result<std::vector<Fact>> facts = engine.Extract("doc.txt", text);
  REQUIRE(facts.ok());
  REQUIRE(facts.value().size() == 1);
  const Fact& fact = facts.value()[0];
  CHECK(fact.text == "完成改廁６０戶");
  CHECK(text.substr(fact.start, fact.end - fact.start) == fact.text);
  CHECK(fact.column == 3);
  REQUIRE(fact.fields.size() == 1);
  CHECK(fact.fields[0].raw == "６０");
}

TEST_CASE(
    "engine: the real-world forms of issue 16 give their facts, offsets in the original bytes") {
  Engine engine = MakeEngine(R"(rules:
  - id: planted
    fact: planted
    pattern: '种植(?:面积)?{area:quantity}'
  - id: corn
    fact: corn
    pattern: '玉米{area:quantity}'
  - id: invested
    fact: invested
    pattern: '完成投资{amount:money}'
  - id: coverage
    fact: coverage
    pattern: '覆盖率达到{rate:percent}'
  - id: toilets
    fact: toilets
    pattern: '“厕所革命”,完成改厕{n:int}户'
  - id: funds
    fact: funds
    pattern: '投入{amount:money}'
  - id: growth
    fact: growth
    pattern: '同比增长{rate:percent}'
  - id: profit
    fact: profit
    pattern: '利润{amount:number}'
  - id: income
    fact: income
    pattern: '收入{amount:int}'
  - id: built
    fact: built
    pattern: '建成{n:quantity}'
)");
  const std::string text =
      "种植面积2000\n亩。\n今年全镇种植玉米7860\n亩。\n今年以来，全镇完成投资3\n167万元。\n"
      "森林覆盖率达到77.8 %。\n扎实推进「厕所革命」，完成改廁60戶。\n投入六九○○萬元。\n"
      "同比增长-2.3%。\n利润负1200万。\n收入負一百二十萬。\n建成3-5个。\n";
  Result<std::vector<Fact>> facts = engine.Extract("doc.txt", text);
  REQUIRE(facts.ok());
  std::string out;
  for (const Fact& fact : facts.value()) {
    // Every fact's text is the original bytes it spans.
    CHECK(text.substr(fact.start, fact.end - fact.start) == fact.text);
    out += FactToJsonLine(fact) + "\n";
  }
  CHECK(
      out ==
      R"({"doc":"doc.txt","rule":"planted","fact":"planted","text":"种植面积2000\n亩","start":0,"end":20,"line":1,"column":1,"fields":{"area":{"value":2000,"unit":"亩","canonical":{"value":1333333.33,"unit":"m2"},"raw":"2000\n亩"}},"section":[],"status":"result"}
{"doc":"doc.txt","rule":"corn","fact":"corn","text":"玉米7860\n亩","start":42,"end":56,"line":3,"column":7,"fields":{"area":{"value":7860,"unit":"亩","canonical":{"value":5240000,"unit":"m2"},"raw":"7860\n亩"}},"section":[],"status":"result"}
{"doc":"doc.txt","rule":"invested","fact":"invested","text":"完成投资3\n167万元","start":81,"end":104,"line":5,"column":8,"fields":{"amount":{"value":31670000,"unit":"元","canonical":{"value":31670000,"unit":"CNY"},"raw":"3\n167万元"}},"section":[],"status":"result"}
{"doc":"doc.txt","rule":"coverage","fact":"coverage","text":"覆盖率达到77.8 %","start":114,"end":135,"line":7,"column":3,"fields":{"rate":{"value":77.8,"unit":"%","raw":"77.8 %"}},"section":[],"status":"result"}
{"doc":"doc.txt","rule":"toilets","fact":"toilets","text":"「厕所革命」，完成改廁60戶","start":151,"end":189,"line":8,"column":5,"fields":{"n":{"value":60,"raw":"60"}},"section":[],"status":"result"}
{"doc":"doc.txt","rule":"funds","fact":"funds","text":"投入六九○○萬元","start":193,"end":217,"line":9,"column":1,"fields":{"amount":{"value":69000000,"unit":"元","canonical":{"value":69000000,"unit":"CNY"},"raw":"六九○○萬元"}},"section":[],"status":"result"}
{"doc":"doc.txt","rule":"growth","fact":"growth","text":"同比增长-2.3%","start":221,"end":238,"line":10,"column":1,"fields":{"rate":{"value":-2.3,"unit":"%","raw":"-2.3%"}},"section":[],"status":"result"}
{"doc":"doc.txt","rule":"profit","fact":"profit","text":"利润负1200万","start":242,"end":258,"line":11,"column":1,"fields":{"amount":{"value":-12000000,"raw":"负1200万"}},"section":[],"status":"result"}
{"doc":"doc.txt","rule":"income","fact":"income","text":"收入負一百二十萬","start":262,"end":286,"line":12,"column":1,"fields":{"amount":{"value":-1200000,"raw":"負一百二十萬"}},"section":[],"status":"result"}
{"doc":"doc.txt","rule":"built","fact":"built","text":"建成3-5个","start":290,"end":302,"line":13,"column":1,"fields":{"n":{"value":3,"unit":"个","min":3,"max":5,"raw":"3-5个"}},"section":[],"status":"result"}
)");
}

TEST_CASE("engine: 元 in a report that names 新臺幣 and never 人民币 is canonical in TWD") {
  // Lieyu township (Kinmen) budget review: 總計減列新台幣408萬5,000元 was canonical in CNY.
  Engine engine = MakeEngine(R"(rules:
  - id: grant
    fact: grant
    pattern: '补助{amount:money}'
)");
  CHECK(
      Run(engine, "總計減列新臺幣408萬5,000元。\n補助50萬元。\n") ==
      R"({"doc":"doc.txt","rule":"grant","fact":"grant","text":"補助50萬元","start":39,"end":53,"line":2,"column":1,"fields":{"amount":{"value":500000,"unit":"元","canonical":{"value":500000,"unit":"TWD"},"raw":"50萬元"}},"section":[],"status":"result"}
)");
  // A report that names both keeps 元 in renminbi.
  CHECK(Run(engine, "折合人民幣30萬元,新臺幣130萬元。\n補助50萬元。\n").find(R"("unit":"CNY")") !=
        std::string::npos);
}

TEST_CASE("engine: facts come in document order whatever the rule order") {
  Engine engine = MakeEngine(R"(rules:
  - id: b
    fact: funds
    pattern: '资金{n:int}元'
  - id: a
    fact: toilets
    pattern: '改厕{n:int}户'
)");
  CHECK(RulesOf(engine, "改厕1户，资金2元，改厕3户。") == std::vector<std::string>{"a", "b", "a"});
}

TEST_CASE(
    "regression: facts compare by rule and span, on fields and section; a moved span is a change") {
  Fact golden;
  golden.rule = "r";
  golden.start = 3;
  golden.end = 9;
  Field field;
  field.name = "n";
  field.value = Decimal::FromInt(60);
  field.unit = "户";
  golden.fields.push_back(field);
  Fact actual = golden;
  actual.sentence = "added later";  // keys outside the comparison do not matter
  CHECK(CompareFacts({golden}, {actual}).empty());

  std::get<Decimal>(actual.fields[0].value) = Decimal::FromInt(61);
  std::vector<FactDifference> changed = CompareFacts({golden}, {actual});
  REQUIRE(changed.size() == 1);
  CHECK(changed[0].kind == FactDifference::Kind::kChanged);
  CHECK(changed[0].details == std::vector<std::string>{"n: 60 户 raw '' → 61 户 raw ''"});

  // A span that moved over the old one is the same fact changed (issue 17).
  golden.text = "改厕60户";
  actual.text = "厕60户";
  actual.start = 4;
  std::vector<FactDifference> moved = CompareFacts({golden}, {actual});
  REQUIRE(moved.size() == 1);
  CHECK(moved[0].kind == FactDifference::Kind::kChanged);
  CHECK(moved[0].details ==
        std::vector<std::string>{"text: 改厕60户 → 厕60户", "n: 60 户 raw '' → 61 户 raw ''"});

  // One that does not overlap it, or of another rule, is a missing and an unexpected fact.
  actual.start = 9;
  actual.end = 12;
  std::vector<FactDifference> apart = CompareFacts({golden}, {actual});
  REQUIRE(apart.size() == 2);
  CHECK(apart[0].kind == FactDifference::Kind::kMissing);
  CHECK(apart[1].kind == FactDifference::Kind::kUnexpected);
}

TEST_CASE("regression: a changed period or status is a change (issue 15)") {
  Fact golden;
  golden.rule = "r";
  golden.period = {2021, 2021};
  Fact actual = golden;
  actual.period = {2021, 2025};
  actual.status = FigureStatus::kPlan;
  std::vector<FactDifference> changed = CompareFacts({golden}, {actual});
  REQUIRE(changed.size() == 1);
  CHECK(changed[0].details ==
        std::vector<std::string>{"period: 2021 → 2021-2025", "status: result → plan"});
  golden.period = {};
  changed = CompareFacts({golden}, {actual});
  REQUIRE(changed.size() == 1);
  CHECK(changed[0].details[0] == "period: (none) → 2021-2025");
}

TEST_CASE("engine: every fact carries the period and status of its place (issue 15)") {
  Engine engine = MakeEngine(R"(rules:
  - id: toilets
    fact: toilets
    pattern: '改厕{n:quantity}'
)");
  const std::string text =
      "2021年年度工作总结\n一、2021年工作开展情况\n完成改厕650余户。\n二、2022年工作打算\n"
      "力争完成改厕800户。\n";
  Result<std::vector<Fact>> facts = engine.Extract("doc.txt", text);
  REQUIRE(facts.ok());
  REQUIRE(facts.value().size() == 2);
  CHECK(facts.value()[0].period.ToString() == "2021");
  CHECK(facts.value()[0].status == FigureStatus::kResult);
  CHECK(facts.value()[1].period.ToString() == "2022");
  CHECK(facts.value()[1].status == FigureStatus::kPlan);
  const std::string line = FactToJsonLine(facts.value()[1]);
  CHECK(line.find(R"("section":["二、2022年工作打算"],"period":"2022","status":"plan"})") !=
        std::string::npos);
}

TEST_CASE("engine: figure rules give the same facts whether the figures were found before or not") {
  // With figure rules alone the engine works out the period and status of the figures a rule
  // names only (and the status where a rule asks for it); a document whose figures were asked
  // for first has them all. Both give the same facts, and a rule that takes plans only gets the
  // plan alone either way.
  Engine engine = MakeEngine(R"(rules:
  - id: toilets
    fact: toilets
    figure: {label: '改厕$', unit: [户]}
  - id: toilets_planned
    fact: toilets_planned
    figure: {label: '改厕$', unit: [户], status: plan}
)");
  const std::string text =
      "2021年年度工作总结\n一、2021年工作开展情况\n完成改厕650余户，新建公厕3座。\n"
      "二、2022年工作打算\n力争完成改厕800户。\n";
  const auto facts_of = [&](const Document& document) {
    std::string out;
    engine.ForEachFact(document, [&](const Fact& fact) { out += FactToJsonLine(fact) + "\n"; });
    return out;
  };
  Result<Document> fresh = engine.Load("doc.txt", text);
  Result<Document> asked = engine.Load("doc.txt", text);
  REQUIRE(fresh.ok());
  REQUIRE(asked.ok());
  REQUIRE(FiguresOf(asked.value()).size() == 3);
  const std::string deferred = facts_of(fresh.value());
  CHECK(deferred == facts_of(asked.value()));
  CHECK(deferred.find(R"("rule":"toilets_planned")") ==
        deferred.rfind(R"("rule":"toilets_planned")"));
  CHECK(deferred.find(R"("rule":"toilets_planned","fact":"toilets_planned","text":"800户")") !=
        std::string::npos);
  CHECK(deferred.find(R"("text":"650余户")") != std::string::npos);
}

TEST_CASE("output: period and status read back; a bad one is an error") {
  Fact fact;
  fact.rule = "r";
  fact.period = {2021, 2025};
  fact.status = FigureStatus::kTarget;
  Result<std::vector<Fact>> parsed = ParseFactsJsonLines(FactToJsonLine(fact), "g.jsonl");
  REQUIRE(parsed.ok());
  CHECK(parsed.value()[0].period == fact.period);
  CHECK(parsed.value()[0].status == FigureStatus::kTarget);
  fact.period = {};
  parsed = ParseFactsJsonLines(FactToJsonLine(fact), "g.jsonl");
  REQUIRE(parsed.ok());
  CHECK_FALSE(parsed.value()[0].period.known());
  for (const char* bad : {R"("period":"25")", R"("period":"2025-2021")", R"("status":"done")"}) {
    INFO(bad);
    const std::string line =
        std::string(R"({"doc":"d","rule":"r","fact":"f","start":0,"end":1,)") + bad + "}";
    CHECK_FALSE(ParseFactsJsonLines(line, "g.jsonl").ok());
  }
}

TEST_CASE("regression: golden files are named after their input") {
  CHECK(GoldenPathFor("reports/x.txt") == "reports/x.facts.jsonl");
  CHECK(GoldenPathFor("x.txt") == "x.facts.jsonl");
}

TEST_CASE("output: facts written as JSON Lines read back the same") {
  Engine engine = MakeEngine(R"(rules:
  - id: money
    fact: funds
    pattern: '资金{amount:money}'
)");
  const std::string out = Run(engine, "发放资金0.725万元。");
  Result<std::vector<Fact>> parsed = ParseFactsJsonLines(out, "golden.jsonl");
  REQUIRE(parsed.ok());
  std::string again;
  for (const Fact& fact : parsed.value()) again += FactToJsonLine(fact) + "\n";
  CHECK(again == out);
}

TEST_CASE("output: strings with quotes, backslashes and control characters are escaped") {
  Fact fact;
  fact.doc = "a\"b\\c.txt";
  fact.rule = "r";
  fact.fact = "f";
  fact.text = "引号\"\t换行\n\x01结束";
  Field field;
  field.name = "n";
  field.value = std::string("x\"y");
  field.raw = "x\"y";
  fact.fields.push_back(field);
  fact.section = {"一、\"标题\""};
  const std::string line = FactToJsonLine(fact);
  CHECK(line.find('\n') == std::string::npos);
  Result<std::vector<Fact>> parsed = ParseFactsJsonLines(line, "x.jsonl");
  REQUIRE(parsed.ok());
  REQUIRE(parsed.value().size() == 1);
  CHECK(parsed.value()[0].doc == fact.doc);
  CHECK(parsed.value()[0].text == fact.text);
  CHECK(std::get<std::string>(parsed.value()[0].fields[0].value) == "x\"y");
  CHECK(parsed.value()[0].section == fact.section);

  // A line whose worst case outgrows the writer's stack buffer is written in place, appended
  // after what the output already holds, and reads back the same.
  for (size_t length : {size_t{100}, size_t{700}, size_t{5000}}) {
    fact.text.clear();
    for (size_t i = 0; i < length; ++i) fact.text += i % 7 == 0 ? "\x02" : i % 3 ? "完" : "\"";
    std::string out = "previous line\n";
    AppendFactJsonLine(fact, &out);
    CHECK(out.rfind("previous line\n", 0) == 0);
    Result<std::vector<Fact>> again = ParseFactsJsonLines(out.substr(14), "x.jsonl");
    REQUIRE(again.ok());
    CHECK(again.value()[0].text == fact.text);
  }
}

TEST_CASE("output: a malformed golden line is an error with its position") {
  Result<std::vector<Fact>> parsed = ParseFactsJsonLines("\n{\"doc\": 1", "g.jsonl");
  REQUIRE_FALSE(parsed.ok());
  REQUIRE(parsed.diagnostics().size() == 1);
  CHECK(parsed.diagnostics()[0].ToString().rfind("g.jsonl:2:", 0) == 0);
}

}  // namespace
}  // namespace glean
