// The rule language, feature by feature: a rule file, an input, and the whole facts it gives; and
// a corpus of broken rule files, each with the exact messages `extract check` prints.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "glean/engine.h"
#include "glean/output.h"
#include "glean/rule_set.h"
#include "support/run_command.h"

namespace glean {
namespace {

namespace fs = std::filesystem;

// Facts as JSON Lines without the document fact, or the load errors.
std::string Extract(const std::string& yaml, const std::string& text) {
  Result<RuleSet> rules = RuleSet::LoadFromString(yaml, "rules.yaml");
  std::string out;
  if (!rules.ok()) {
    for (const Diagnostic& d : rules.diagnostics()) out += d.ToString() + "\n";
    return out;
  }
  ExtractOptions options;
  options.document_fact = false;
  Result<Engine> engine = Engine::Create(std::move(rules).value(), options);
  REQUIRE(engine.ok());
  Result<std::vector<Fact>> facts = engine.value().Extract("in.txt", text);
  REQUIRE(facts.ok());
  for (const Fact& fact : facts.value()) out += FactToJsonLine(fact) + "\n";
  return out;
}

TEST_CASE("rules: a typed slot becomes a named, typed field") {
  CHECK(
      Extract("rules:\n  - id: r\n    fact: toilets\n    pattern: '完成改厕{count:quantity}'\n",
              "完成改厕650余户。") ==
      R"({"doc":"in.txt","rule":"r","fact":"toilets","text":"完成改厕650余户","start":0,"end":21,"line":1,"column":1,"fields":{"count":{"value":650,"unit":"户","approx":"more","raw":"650余户"}},"section":[],"status":"result"})"
      "\n");
}

TEST_CASE("rules: defs insert named fragments, also from other defs") {
  CHECK(
      Extract("defs:\n  toilet: '(?:改厕|户厕改造)'\n  done: '(?:完成|新建){toilet}'\n"
              "rules:\n  - id: r\n    fact: t\n    pattern: '{done}{n:int}户'\n",
              "新建户厕改造12户") ==
      R"({"doc":"in.txt","rule":"r","fact":"t","text":"新建户厕改造12户","start":0,"end":23,"line":1,"column":1,"fields":{"n":{"value":12,"raw":"12"}},"section":[],"status":"result"})"
      "\n");
}

TEST_CASE("rules: one unnamed group is the field 'value'; repetition braces stay regex") {
  CHECK(
      Extract("rules:\n  - id: r\n    fact: t\n    pattern: '完成改厕(\\d{2,4})户'\n",
              "完成改厕650户") ==
      R"({"doc":"in.txt","rule":"r","fact":"t","text":"完成改厕650户","start":0,"end":18,"line":1,"column":1,"fields":{"value":{"value":650,"raw":"650"}},"section":[],"status":"result"})"
      "\n");
}

TEST_CASE("rules: plain named groups are fields, typed by 'fields'") {
  CHECK(
      Extract("rules:\n  - id: r\n    fact: t\n    pattern: "
              "'发放(?P<program>\\p{Han}{2})资金(?P<amount>[\\d.]+万元)'\n"
              "    fields:\n      program: {type: text}\n      amount: {type: money}\n",
              "发放低保资金550万元") ==
      R"({"doc":"in.txt","rule":"r","fact":"t","text":"发放低保资金550万元","start":0,"end":27,"line":1,"column":1,"fields":{"program":{"value":"低保","raw":"低保"},"amount":{"value":5500000,"unit":"元","canonical":{"value":5500000,"unit":"CNY"},"raw":"550万元"}},"section":[],"status":"result"})"
      "\n");
}

TEST_CASE("rules: a field's unit list drops matches in other units") {
  const std::string yaml =
      "rules:\n  - id: r\n    fact: t\n    pattern: '改厕{n:quantity}'\n    fields:\n      n: "
      "{unit: [户, 座]}\n";
  CHECK(Extract(yaml, "改厕3次").empty());
  CHECK(
      Extract(yaml, "改厕3座") ==
      R"({"doc":"in.txt","rule":"r","fact":"t","text":"改厕3座","start":0,"end":10,"line":1,"column":1,"fields":{"n":{"value":3,"unit":"座","raw":"3座"}},"section":[],"status":"result"})"
      "\n");
}

TEST_CASE("rules: unless, within and not_within scope matches by sentence and section") {
  const std::string text =
      "一、2021年工作成效\n完成改厕60户。计划完成改厕70户。\n二、2022年工作打算\n完成改厕80户。\n";
  const auto rules_of = [&](const std::string& scope) {
    std::string yaml = "rules:\n  - id: r\n    fact: t\n    pattern: '完成改厕{n:int}户'\n" + scope;
    std::string values;
    for (const std::string& line : {Extract(yaml, text)}) {
      for (size_t at = line.find("\"value\":"); at != std::string::npos;
           at = line.find("\"value\":", at + 1)) {
        values += line.substr(at + 8, 2) + " ";
      }
    }
    return values;
  };
  CHECK(rules_of("") == "60 70 80 ");
  CHECK(rules_of("    unless: '计划|力争'\n") == "60 80 ");
  CHECK(rules_of("    within: '成效|情况'\n") == "60 70 ");
  CHECK(rules_of("    not_within: '打算|计划'\n") == "60 70 ");
  CHECK(rules_of("    unless: '计划'\n    not_within: '打算'\n") == "60 ");
}

TEST_CASE("rules: rule patterns are normalized like the text: Traditional and full-width") {
  const std::string yaml =
      "rules:\n  - id: r\n    fact: t\n    pattern: '（一）完成改廁{n:int}戶'\n";
  CHECK(Extract(yaml, "(一)完成改厕５户").find("\"value\":5") != std::string::npos);
  CHECK(Extract(yaml, "（一）完成改廁5戶").find("\"value\":5") != std::string::npos);
}

TEST_CASE("rules: a disabled rule is checked but not run") {
  CHECK(
      Extract("rules:\n  - id: r\n    fact: t\n    enabled: false\n    pattern: '改厕{n:int}户'\n",
              "改厕5户")
          .empty());
  CHECK(
      Extract("rules:\n  - id: r\n    fact: t\n    enabled: false\n    pattern: '改厕{n:intt}户'\n",
              "改厕5户") ==
      "rules.yaml:5:17: error[unknown-slot-type]: unknown slot type 'intt' (did you mean 'int'?) "
      "(rule r)\n");
}

TEST_CASE("rules: the rule set keeps examples and locations for extract test") {
  Result<RuleSet> rules = RuleSet::LoadFromString(
      "rules:\n  - id: r\n    fact: t\n    pattern: '改厕{n:int}户'\n    examples:\n"
      "      - text: 改厕5户\n        expect: [{n: 5}]\n      - text: 无\n        expect: []\n",
      "x.yaml");
  REQUIRE(rules.ok());
  CHECK(rules.diagnostics().empty());
  REQUIRE(rules.value().rules().size() == 1);
  const RuleInfo& info = rules.value().rules()[0];
  CHECK(info.location.line == 2);
  REQUIRE(info.examples.size() == 2);
  CHECK(info.examples[0].location.line == 6);
  CHECK(info.examples[0].expect[0].at("n").value == "5");
  CHECK(info.examples[1].expect.empty());
}

TEST_CASE("rules: warnings for rules without examples, only negative examples, unused defs") {
  Result<RuleSet> rules = RuleSet::LoadFromString(
      "defs:\n  spare: 'x'\nrules:\n  - id: a\n    fact: t\n    pattern: '改厕{n:int}户'\n"
      "  - id: b\n    fact: t\n    pattern: '道路{n:int}公里'\n    examples:\n"
      "      - text: 无\n        expect: []\n",
      "w.yaml");
  REQUIRE(rules.ok());
  std::string messages;
  for (const Diagnostic& d : rules.diagnostics()) messages += d.ToString() + "\n";
  CHECK(messages ==
        "w.yaml:4:9: warning[no-examples]: rule 'a' has no examples (rule a)\n"
        "w.yaml:7:9: warning[no-positive-example]: rule 'b' has only examples that expect no fact "
        "(rule b)\n"
        "w.yaml:2:3: warning[unused-def]: def 'spare' is never used\n");
}

TEST_CASE("rules: every broken rule file gives its expected positioned messages") {
  const fs::path dir = fs::path(testing::SourceDir()) / "tests/rules/broken";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  CHECK(files.size() >= 25);
  for (const fs::path& file : files) {
    INFO(file.filename().string());
    Result<RuleSet> rules = RuleSet::Load({file.string()});
    CHECK_FALSE(rules.ok());
    std::string messages;
    for (const Diagnostic& d : rules.diagnostics()) {
      std::string line = d.ToString();
      const std::string prefix = dir.string() + "/";
      for (size_t at = line.find(prefix); at != std::string::npos; at = line.find(prefix)) {
        line.erase(at, prefix.size());
      }
      messages += line + "\n";
    }
    fs::path expected = file;
    expected.replace_extension(".expected");
    CHECK(messages == testing::ReadFile(expected.string()));
  }
}

TEST_CASE("rules: errors between files: a def defined twice, normalization set two ways") {
  const fs::path dir = fs::temp_directory_path() / "glean-two-rule-files";
  fs::create_directories(dir);
  const auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
  };
  write("a.yaml",
        "normalize: {join_lines: true}\ndefs:\n  toilet: 改厕\nrules:\n  - id: a\n"
        "    fact: f\n    pattern: '{toilet}{n:int}户'\n");
  write("b.yaml", "normalize: {join_lines: false}\ndefs:\n  toilet: 厕所\n");
  Result<RuleSet> rules = RuleSet::Load({dir.string()});
  REQUIRE_FALSE(rules.ok());
  std::string messages;
  for (const Diagnostic& d : rules.diagnostics()) {
    std::string line = d.ToString();
    const std::string prefix = dir.generic_string() + "/";
    for (size_t at = line.find(prefix); at != std::string::npos; at = line.find(prefix)) {
      line.erase(at, prefix.size());
    }
    messages += line + "\n";
  }
  CHECK(messages ==
        "b.yaml:1:25: error[normalize-conflict]: 'join_lines: false' conflicts with "
        "'join_lines: true' at a.yaml:1:25\n"
        "b.yaml:3:3: error[duplicate-def]: def 'toilet' is already defined at a.yaml:3:3; defs "
        "are shared by every file of the rule set, so give one of them another name\n"
        "a.yaml:5:9: warning[no-examples]: rule 'a' has no examples (rule a)\n");
  fs::remove_all(dir);
}

TEST_CASE("rules: a missing path, an empty directory and a directory of rules") {
  Result<RuleSet> missing = RuleSet::Load({"no/such/dir"});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.diagnostics()[0].ToString() == "no/such/dir: error[io]: no such file or directory");
  const fs::path empty = fs::temp_directory_path() / "glean-empty-rules";
  fs::create_directories(empty);
  Result<RuleSet> none = RuleSet::Load({empty.string()});
  REQUIRE_FALSE(none.ok());
  CHECK(none.diagnostics()[0].code == "no-rules-found");
  fs::remove_all(empty);
  Result<RuleSet> stock = RuleSet::Load({testing::SourceDir() + "/rules"});
  REQUIRE(stock.ok());
  CHECK(stock.value().size() >= 20);
}

TEST_CASE("rules: a declared unit is read by quantity slots, and converted when it has a base") {
  const std::string rules =
      "units:\n  吨/年: {}\n  担: {base: 斤, factor: 100}\nrules:\n"
      "  - id: capacity\n    fact: capacity\n    pattern: '新增产能{n:quantity}'\n"
      "    fields:\n      n: {unit: 吨/年}\n"
      "  - id: grain\n    fact: grain\n    pattern: '收购粮食{n:quantity}'\n";
  CHECK(
      Extract(rules, "新增产能3095万吨/年，收购粮食300担") ==
      R"({"doc":"in.txt","rule":"capacity","fact":"capacity","text":"新增产能3095万吨/年","start":0,"end":26,"line":1,"column":1,"fields":{"n":{"value":30950000,"unit":"吨/年","raw":"3095万吨/年"}},"section":[],"status":"result"})"
      "\n"
      R"({"doc":"in.txt","rule":"grain","fact":"grain","text":"收购粮食300担","start":29,"end":47,"line":1,"column":14,"fields":{"n":{"value":30000,"unit":"斤","canonical":{"value":15000,"unit":"kg"},"raw":"300担"}},"section":[],"status":"result"})"
      "\n");
}

TEST_CASE("rules: a def may hold a slot, which becomes a field of the rule that uses it") {
  CHECK(
      Extract("defs:\n  built: '新建{what:text}{n:int}座'\nrules:\n  - id: r\n    fact: built\n"
              "    pattern: '{built}'\n",
              "新建智能化煤矿60座") ==
      R"({"doc":"in.txt","rule":"r","fact":"built","text":"新建智能化煤矿60座","start":0,"end":26,"line":1,"column":1,"fields":{"what":{"value":"智能化煤矿","raw":"智能化煤矿"},"n":{"value":60,"raw":"60"}},"section":[],"status":"result"})"
      "\n");
}

TEST_CASE("rules: one slot name in two branches of an alternation is one field") {
  const std::string rules =
      "rules:\n  - id: r\n    fact: houses\n"
      "    pattern: '(?:危房改造{n:quantity}|改造危房{n:quantity})'\n";
  CHECK(
      Extract(rules, "完成农村危房改造7500户左右。改造危房120户。") ==
      R"({"doc":"in.txt","rule":"r","fact":"houses","text":"危房改造7500户左右","start":12,"end":37,"line":1,"column":5,"fields":{"n":{"value":7500,"unit":"户","approx":"about","raw":"7500户左右"}},"section":[],"status":"result"})"
      "\n"
      R"({"doc":"in.txt","rule":"r","fact":"houses","text":"改造危房120户","start":40,"end":58,"line":1,"column":17,"fields":{"n":{"value":120,"unit":"户","raw":"120户"}},"section":[],"status":"result"})"
      "\n");
  Result<RuleSet> loaded = RuleSet::LoadFromString(rules, "rules.yaml");
  REQUIRE(loaded.ok());
  CHECK(loaded.value().rules()[0].fields == std::vector<std::string>{"n"});
}

TEST_CASE("rules: where keeps the matches whose field values meet its conditions, unit-aware") {
  const std::string rules =
      "rules:\n  - id: farmland\n    fact: farmland\n    pattern: '高标准农田{area:quantity}'\n"
      "    where: {area: ['>= 1公顷', '< 10万亩']}\n";
  // 1.2万亩 is in range; 12万亩 is past it; 10亩 is under 1 公顷 (15 亩), compared in m2.
  CHECK(
      Extract(rules, "建成高标准农田1.2万亩，改造高标准农田12万亩，新增高标准农田10亩。") ==
      R"({"doc":"in.txt","rule":"farmland","fact":"farmland","text":"高标准农田1.2万亩","start":6,"end":30,"line":1,"column":3,"fields":{"area":{"value":12000,"unit":"亩","canonical":{"value":8000000,"unit":"m2"},"raw":"1.2万亩"}},"section":[],"status":"result"})"
      "\n");
}

TEST_CASE("rules: a figure rule's where compares its figure's value and change") {
  const std::string rules =
      "rules:\n  - id: gdp\n    fact: gdp\n    figure: {label: '地区生产总值', unit: [亿元]}\n"
      "    where: {change: '< 5'}\n";
  // 增长5.5% fails the condition; 增长4.5% meets it; a figure without a change fails it.
  const std::string facts = Extract(
      rules,
      "实现地区生产总值67665亿元，增长5.5%。地区生产总值7000亿元，增长4.5%。地区生产总值80亿元。");
  CHECK(
      facts ==
      R"({"doc":"in.txt","rule":"gdp","fact":"gdp","text":"7000亿元","start":69,"end":79,"line":1,"column":30,"fields":{"label":{"value":"地区生产总值","raw":"地区生产总值"},"value":{"value":700000000000,"unit":"元","canonical":{"value":700000000000,"unit":"CNY"},"raw":"7000亿元"},"change":{"value":4.5,"unit":"%","raw":"4.5%"}},"section":[],"status":"result"})"
      "\n");
  Result<RuleSet> misspelt = RuleSet::LoadFromString(
      "rules:\n  - id: gdp\n    fact: gdp\n    figure: {label: '地区生产总值'}\n"
      "    where: {chnage: '< 5'}\n",
      "rules.yaml");
  REQUIRE(!misspelt.ok());
  CHECK(misspelt.diagnostics()[0].message ==
        "'where' names the field 'chnage', which the rule does not have (did you mean 'change'?)");
}

TEST_CASE("rules: the JSON Schema of the rule format parses and names every rule key") {
  const std::string schema = RuleFileJsonSchema();
  for (const char* key : {"\"id\"", "\"fact\"", "\"pattern\"", "\"fields\"", "\"unless\"",
                          "\"within\"", "\"not_within\"", "\"priority\"", "\"examples\"",
                          "\"normalize\"", "\"defs\"", "\"units\""}) {
    INFO(std::string(key));
    CHECK(schema.find(key) != std::string::npos);
  }
}

}  // namespace
}  // namespace glean
