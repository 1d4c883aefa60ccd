// End-to-end tests of the `extract` binary: whole outputs, exit codes and messages, as a user sees
// them.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/source/utf8_validate.h"
#include "support/run_command.h"

namespace glean::testing {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kCorpus = {"anon-town-2022.txt", "junping-2021.txt",
                                          "junping-2023.txt", "lijiang-2021-traditional.txt",
                                          "maotian-2021-pdf.txt"};

// A scratch directory for files a test writes, removed at the end of the test.
class ScratchDir {
 public:
  ScratchDir() {
    path_ = fs::temp_directory_path() /
            ("glean-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~ScratchDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& content) const {
    fs::path file = path_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

// One small rule, for tests about inputs rather than rules.
constexpr char kToiletRule[] =
    "rules:\n"
    "  - id: t\n"
    "    fact: toilets\n"
    "    pattern: '改厕{count:int}户'\n";

CommandResult Extract(const std::vector<std::string>& args, const std::string& input = "",
                      const std::string& directory = "") {
  std::vector<std::string> argv = {ExtractBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, input, directory);
}

std::vector<nlohmann::json> ParseLines(const std::string& out) {
  std::vector<nlohmann::json> facts;
  size_t begin = 0;
  while (begin < out.size()) {
    size_t end = out.find('\n', begin);
    if (end == std::string::npos) end = out.size();
    facts.push_back(nlohmann::json::parse(out.substr(begin, end - begin)));
    begin = end + 1;
  }
  return facts;
}

TEST_CASE("extract: --version prints the version and exits 0") {
  CommandResult result = Extract({"--version"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "extract (glean) 0.1.0\n");
}

TEST_CASE("extract: --help documents every option and subcommand") {
  CommandResult result = Extract({"--help"});
  CHECK(result.exit_code == 0);
  for (const char* word : {"--rules", "--encoding", "--jobs", "--no-document", "--context",
                           "--version", "check", "normalize", "outline", "schema"}) {
    INFO(word);
    CHECK(result.out.find(word) != std::string::npos);
  }
}

TEST_CASE("extract: stock rules find facts in every sample report, each at its exact bytes") {
  const std::string corpus = SourceDir() + "/tests/data/corpus";
  CommandResult result = Extract({"--rules", "rules/", "tests/data/corpus"}, "", SourceDir());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  std::set<std::string> docs_with_facts;
  std::string previous_doc;
  uint64_t previous_start = 0;
  for (const nlohmann::json& fact : ParseLines(result.out)) {
    INFO(fact.dump());
    const std::string doc = fact["doc"];
    if (fact["rule"] != "builtin.document") docs_with_facts.insert(doc);
    const std::string bytes = ReadFile(SourceDir() + "/" + doc);
    const uint64_t start = fact["start"], end = fact["end"];
    REQUIRE(end <= bytes.size());
    CHECK(bytes.substr(start, end - start) == fact["text"].get<std::string>());
    if (doc == previous_doc) CHECK(start >= previous_start);
    previous_doc = doc;
    previous_start = start;
  }
  for (const std::string& name : kCorpus) {
    INFO(name);
    CHECK(docs_with_facts.count("tests/data/corpus/" + name) == 1);
  }
}

TEST_CASE("extract: inputs print in the order given, whatever the number of jobs") {
  std::vector<std::string> args = {"--rules", "rules/"};
  for (auto it = kCorpus.rbegin(); it != kCorpus.rend(); ++it) {
    args.push_back("tests/data/corpus/" + *it);
  }
  args.push_back("--jobs=1");
  CommandResult one_job = Extract(args, "", SourceDir());
  args.back() = "--jobs=4";
  CommandResult four_jobs = Extract(args, "", SourceDir());
  REQUIRE(one_job.exit_code == 0);
  CHECK(one_job.out == four_jobs.out);
  std::vector<std::string> order;
  for (const nlohmann::json& fact : ParseLines(one_job.out)) {
    if (order.empty() || order.back() != fact["doc"]) order.push_back(fact["doc"]);
  }
  std::vector<std::string> expected;
  for (auto it = kCorpus.rbegin(); it != kCorpus.rend(); ++it) {
    expected.push_back("tests/data/corpus/" + *it);
  }
  CHECK(order == expected);
}

TEST_CASE("extract: files larger than --part-size are read in parts, with the same output") {
  std::vector<std::string> args = {"--rules", "rules/", "--jobs=2"};
  for (const std::string& name : kCorpus) args.push_back("tests/data/corpus/" + name);
  CommandResult whole = Extract(args, "", SourceDir());
  args.push_back("--part-size=2KB");  // every sample report is larger
  CommandResult parts = Extract(args, "", SourceDir());
  REQUIRE(whole.exit_code == 0);
  CHECK(parts.exit_code == 0);
  CHECK(parts.err == whole.err);
  CHECK(parts.out == whole.out);

  // A NUL byte deep in a large file: exit 1 with its offset, and the next input still read.
  ScratchDir dir;
  dir.Write("rules.yaml", kToiletRule);
  std::string big;
  while (big.size() < 20000) big += "今年完成改厕5户。\n";
  dir.Write("a.txt", big + std::string(1, '\0') + "改厕6户\n");
  dir.Write("b.txt", "改厕7户\n");
  CommandResult result =
      Extract({"--no-document", "--part-size=4KB", "--rules", "rules.yaml", "a.txt", "b.txt"}, "",
              dir.path());
  CHECK(result.exit_code == 1);
  INFO(result.err);
  CHECK(result.err.find("NUL byte at offset " + std::to_string(big.size())) != std::string::npos);
  const std::vector<nlohmann::json> facts = ParseLines(result.out);
  REQUIRE(!facts.empty());
  CHECK(facts.back()["doc"] == "b.txt");
}

TEST_CASE("extract: a small rule gives exactly the expected facts") {
  ScratchDir dir;
  dir.Write("rules.yaml",
            "rules:\n"
            "  - id: sanitation.toilets\n"
            "    fact: toilets_renovated\n"
            "    pattern: '完成改厕{count:quantity}户'\n");
  dir.Write("report.txt", "一、工作开展情况\n今年完成改厕650余户，发放资金。\n");
  CommandResult result =
      Extract({"--no-document", "--rules", "rules.yaml", "report.txt"}, "", dir.path());
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "{\"doc\":\"report.txt\",\"rule\":\"sanitation.toilets\",\"fact\":\"toilets_renovated\","
        "\"text\":\"完成改厕650余户\",\"start\":31,\"end\":52,\"line\":2,\"column\":3,"
        "\"fields\":{\"count\":{\"value\":650,\"unit\":\"户\",\"approx\":\"more\",\"raw\":"
        "\"650余\"}},"
        "\"section\":[\"一、工作开展情况\"],\"status\":\"result\"}\n");
}

TEST_CASE("extract: standard input is read for -") {
  ScratchDir dir;
  dir.Write("rules.yaml", kToiletRule);
  CommandResult result =
      Extract({"--no-document", "--rules", "rules.yaml", "-"}, "改厕12户\n", dir.path());
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "{\"doc\":\"-\",\"rule\":\"t\",\"fact\":\"toilets\",\"text\":\"改厕12户\",\"start\":0,"
        "\"end\":11,\"line\":1,\"column\":1,\"fields\":{\"count\":{\"value\":12,\"raw\":\"12\"}},"
        "\"section\":[],\"status\":\"result\"}\n");
}

TEST_CASE("extract: a missing rules path exits 2 before reading input") {
  ScratchDir dir;
  CommandResult result = Extract({"--rules", "missing/", "x.txt"}, "", dir.path());
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err == "missing/: error[io]: no such file or directory\n");
}

TEST_CASE("extract: a YAML syntax error exits 2 with its position") {
  ScratchDir dir;
  dir.Write("bad.yaml", "rules:\n  - id: a\n    fact: f\n    pattern: [1, 2\n");
  dir.Write("x.txt", "text\n");
  CommandResult result = Extract({"--rules", "bad.yaml", "x.txt"}, "", dir.path());
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err == "bad.yaml:5:1: error[yaml]: end of sequence flow not found\n");
}

TEST_CASE("extract: an invalid regex exits 2 pointing at the unclosed group in the pattern") {
  ScratchDir dir;
  dir.Write("bad.yaml",
            "rules:\n"
            "  - id: a\n"
            "    fact: f\n"
            "    pattern: '完成(\\d+户'\n");
  dir.Write("x.txt", "text\n");
  CommandResult result = Extract({"--rules", "bad.yaml", "x.txt"}, "", dir.path());
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "bad.yaml:4:17: error[regex]: pattern does not compile: missing ): 完成(\\d+户 (rule a)\n");
}

TEST_CASE("extract: an unreadable input exits 1 after the other inputs' facts") {
  ScratchDir dir;
  dir.Write("rules.yaml", kToiletRule);
  dir.Write("a.txt", "改厕1户\n");
  dir.Write("c.txt", "改厕3户\n");
  CommandResult result = Extract(
      {"--no-document", "--rules", "rules.yaml", "a.txt", "b.txt", "c.txt"}, "", dir.path());
  CHECK(result.exit_code == 1);
  std::vector<nlohmann::json> facts = ParseLines(result.out);
  REQUIRE(facts.size() == 2);
  CHECK(facts[0]["doc"] == "a.txt");
  CHECK(facts[1]["doc"] == "c.txt");
  CHECK(result.err == "b.txt: error[io]: cannot read: No such file or directory\n");
}

TEST_CASE("extract: a file that states no size is read to its end; a directory is refused") {
  // A /proc file says its size is 0 and still has content: it is read like a pipe.
  const std::string proc_file = "/proc/version";
  if (fs::exists(proc_file)) {
    std::ifstream in(proc_file, std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    REQUIRE(!content.empty());
    CommandResult from_file = Extract({"normalize", proc_file});
    CHECK(from_file.exit_code == 0);
    CHECK(from_file.out == Extract({"normalize", "-"}, content).out);
  }
  ScratchDir dir;
  dir.Write("sub/a.txt", "改厕1户\n");
  CommandResult directory = Extract({"normalize", "sub"}, "", dir.path());
  CHECK(directory.exit_code == 1);
  CHECK(directory.err == "sub: error[io]: is a directory\n");
}

TEST_CASE("extract: a binary input is refused with exit 1, the others still processed") {
  ScratchDir dir;
  dir.Write("rules.yaml", kToiletRule);
  dir.Write("junk.txt", std::string("\x7f"
                                    "ELF\0\0\0\x01\x02",
                                    9));
  dir.Write("ok.txt", "改厕5户\n");
  CommandResult result =
      Extract({"--no-document", "--rules", "rules.yaml", "junk.txt", "ok.txt"}, "", dir.path());
  CHECK(result.exit_code == 1);
  CHECK(ParseLines(result.out).size() == 1);
  INFO(result.err);
  CHECK(result.err.rfind("junk.txt", 0) == 0);
  CHECK(result.err.find("error[binary]") != std::string::npos);
}

TEST_CASE("extract: usage errors exit 2") {
  CHECK(Extract({"x.txt"}).exit_code == 2);                               // no --rules
  CHECK(Extract({"--rules", "rules/"}, "", SourceDir()).exit_code == 2);  // no input
  CHECK(Extract({"--bogus"}).exit_code == 2);
  CHECK(Extract({"--encoding", "latin9", "--rules", "rules/", "x"}, "", SourceDir()).exit_code ==
        2);
}

TEST_CASE("extract check: errors exit 2, warnings only with --strict") {
  ScratchDir dir;
  dir.Write("ok.yaml", "rules:\n  - id: a\n    fact: f\n    pattern: '改厕{n:int}户'\n");
  CommandResult ok = Extract({"check", "ok.yaml"}, "", dir.path());
  CHECK(ok.exit_code == 0);
  CHECK(ok.err ==
        "ok.yaml:2:9: warning[no-examples]: rule 'a' has no examples (rule a)\n"
        "1 rules checked: no errors, some warnings\n");
  CHECK(Extract({"check", "--strict", "ok.yaml"}, "", dir.path()).exit_code == 2);
  dir.Write("bad.yaml",
            "rules:\n  - id: a\n    fact: f\n    patern: '改厕'\n  - id: b\n    fact: f\n"
            "    pattern: '{n:quantiy}'\n");
  CommandResult bad = Extract({"check", "bad.yaml"}, "", dir.path());
  CHECK(bad.exit_code == 2);
  CHECK(
      bad.err ==
      "bad.yaml:4:5: error[unknown-key]: unknown key 'patern' in a rule (did you mean 'pattern'?)\n"
      "bad.yaml:2:5: error[missing-key]: rule has no 'pattern' (rule a)\n"
      "bad.yaml:7:15: error[unknown-slot-type]: unknown slot type 'quantiy' (did you mean "
      "'quantity'?) (rule b)\n");
  CommandResult stock = Extract({"check", "--strict", "rules/"}, "", SourceDir());
  INFO(stock.err);
  CHECK(stock.exit_code == 0);
}

TEST_CASE("extract schema and normalize print what analysts need") {
  CommandResult schema = Extract({"schema"});
  CHECK(schema.exit_code == 0);
  CHECK(nlohmann::json::parse(schema.out)["title"] == "glean rule file");
  CommandResult normalized = Extract({"normalize", "-"}, "完成改廁６５０ 餘戶。\n", "");
  CHECK(normalized.exit_code == 0);
  CHECK(normalized.out == "完成改厕650余户。\n");
  CommandResult outline = Extract({"outline", "-"}, "一、工作成效\n（一）改厕\n完成改厕。\n", "");
  CHECK(outline.out == "    1  一、工作成效\n    2    (一)改厕\n");
}

TEST_CASE(
    "extract: no stock-rule fact from a plans section of the sample reports is a result unless "
    "its line says it is now") {
  // Facts carry their status: a figure stated under 打算 or 计划 may be reported, as a plan; what
  // a plans section says is already so (目前，…；…实施土地流转2000多亩) is a result.
  CommandResult result = Extract({"--rules", "rules/", "tests/data/corpus"}, "", SourceDir());
  REQUIRE(result.exit_code == 0);
  size_t facts = 0;
  for (const nlohmann::json& fact : ParseLines(result.out)) {
    ++facts;
    bool in_plans = false;
    for (const nlohmann::json& entry : fact["section"]) {
      const std::string heading = entry.get<std::string>();
      for (const char* plan : {"打算", "计划", "思路", "规划"})
        in_plans = in_plans || heading.find(plan) != std::string::npos;
    }
    INFO(fact.dump());
    if (!in_plans || fact.value("status", "") != "result") continue;
    std::istringstream lines(ReadFile(SourceDir() + "/" + fact["doc"].get<std::string>()));
    std::string line;
    for (int n = fact["line"].get<int>(); n > 0 && std::getline(lines, line);) --n;
    CHECK(line.find("目前") != std::string::npos);
  }
  CHECK(facts >= 150);
}

TEST_CASE(
    "extract test: the stock rules pass their examples and the sample reports' golden files") {
  CommandResult result =
      Extract({"test", "--rules", "rules/", "tests/data/corpus", "--color=never"}, "", SourceDir());
  INFO(result.out);
  CHECK(result.exit_code == 0);
  CHECK(result.out.find(" passed, 0 failed\n") != std::string::npos);
}

TEST_CASE("extract test: a broken rule fails with a clear diff, and --update accepts the change") {
  ScratchDir dir;
  dir.Write("rules/r.yaml",
            "rules:\n"
            "  - id: toilets\n"
            "    fact: toilets_renovated\n"
            "    pattern: '完成改厕{count:quantity}'\n"
            "    examples:\n"
            "      - text: 完成改厕60户\n"
            "        expect: [{count: 60}]\n");
  dir.Write("reports/a.txt", "一、工作成效\n今年完成改厕650余户，资金到位。\n");
  CommandResult created =
      Extract({"test", "--rules", "rules", "--update", "reports/a.txt"}, "", dir.path());
  CHECK(created.exit_code == 0);
  CHECK(created.out ==
        "updated reports/a.facts.jsonl: 1 added, 0 removed, 0 changed\n2 passed, 0 failed\n");

  // Break the rule: the unit now stays outside the slot, and the example's value changes.
  dir.Write("rules/r.yaml",
            "rules:\n"
            "  - id: toilets\n"
            "    fact: toilets_renovated\n"
            "    pattern: '完成改厕{count:int}'\n"
            "    examples:\n"
            "      - text: 完成改厕60户\n"
            "        expect: [{count: 61}]\n");
  CommandResult broken =
      Extract({"test", "--rules", "rules", "reports", "--color=never"}, "", dir.path());
  CHECK(broken.exit_code == 1);
  CHECK(broken.out ==
        "rules/r.yaml:6:15: FAIL example of rule toilets\n"
        "  text:     完成改厕60户\n"
        "  expected: [{count: 61}]\n"
        "  got:      [{count: 60 raw '60'}]\n"
        "  fact 1: count: got 60 raw '60'; value 61 expected\n"
        "FAIL reports/a.txt: 1 difference from reports/a.facts.jsonl\n"
        "reports/a.txt:2:3: changed toilets (toilets_renovated)\n"
        "  今年[完成改厕650]余户，资金到位。\n"
        "  text: 完成改厕650余户 → 完成改厕650\n"
        "  count: 650 户 (more) raw '650余户' → 650 raw '650'\n"
        "0 passed, 2 failed\n");

  // While an example fails, --update writes nothing; --force overrides.
  dir.Write("reports/b.txt", "今年完成改厕12户。\n");
  CommandResult refused =
      Extract({"test", "--rules", "rules", "--update", "reports", "--color=never"}, "", dir.path());
  CHECK(refused.exit_code == 1);
  CHECK(refused.out.find("not updating golden files: 1 example fails; fix the rules or run with "
                         "--force\n"
                         "no golden file for reports/b.txt (name it with --update to create "
                         "reports/b.facts.jsonl)\n") != std::string::npos);
  CHECK_FALSE(fs::exists(fs::path(dir.path()) / "reports/b.facts.jsonl"));
  CommandResult updated = Extract(
      {"test", "--rules", "rules", "--accept", "toilets", "--force", "reports", "--color=never"},
      "", dir.path());
  CHECK(updated.out.find("updated reports/a.facts.jsonl: 0 added, 0 removed, 1 changed\n") !=
        std::string::npos);
  CommandResult again = Extract({"test", "--rules", "rules", "reports"}, "", dir.path());
  CHECK(again.out.find("FAIL reports/a.txt") == std::string::npos);
}

TEST_CASE("extract test: a todo example reports without failing, and fails once it passes") {
  ScratchDir dir;
  const auto rules = [](const std::string& pattern) {
    return "rules:\n"
           "  - id: houses\n"
           "    fact: houses_renovated\n"
           "    pattern: '" +
           pattern +
           "'\n"
           "    examples:\n"
           "      - text: 完成农村危房改造7500户左右\n"
           "        expect: [{n: {value: 7500, approx: about}, share: null}]\n"
           "      - text: 改造危房120户\n"
           "        todo: true\n"
           "        expect: [{n: 120}]\n";
  };
  dir.Write("rules/r.yaml", rules("危房改造{n:quantity}(?:，占{share:percent})?"));
  CommandResult known = Extract({"test", "--rules", "rules", "--color=never"}, "", dir.path());
  CHECK(known.exit_code == 0);
  CHECK(known.out ==
        "rules/r.yaml:8:15: TODO example of rule houses\n"
        "  text:     改造危房120户\n"
        "  expected: [{n: 120}]\n"
        "  got:      []\n"
        "  expected 1 fact, got 0\n"
        "1 passed, 0 failed, 1 todo\n");

  dir.Write("rules/r.yaml",
            rules("(?:危房改造{n:quantity}|改造危房{n:quantity})(?:，占{share:percent})?"));
  CommandResult fixed = Extract({"test", "--rules", "rules", "--color=never"}, "", dir.path());
  CHECK(fixed.exit_code == 1);
  CHECK(fixed.out ==
        "rules/r.yaml:8:15: FIXED example of rule houses is marked todo but passes now: remove "
        "'todo: true'\n"
        "1 passed, 1 failed\n");
}

TEST_CASE("extract test: a long sentence's excerpt is cut between characters") {
  ScratchDir dir;
  dir.Write("rules/r.yaml", std::string("rules:\n  - id: t\n    fact: toilets\n") +
                                "    pattern: '改厕{count:int}户'\n");
  // Over 240 bytes on either side with no sentence end: the excerpt stops at its reach, which
  // falls inside a three-byte character on both sides unless it is cut on a boundary.
  std::string long_clause;
  for (int i = 0; i < 90; ++i) long_clause += "农村";
  dir.Write("reports/a.txt", long_clause + "a改厕60户a" + long_clause + "\n");
  dir.Write("reports/a.facts.jsonl", "");
  CommandResult result =
      Extract({"test", "--rules", "rules", "reports", "--color=never"}, "", dir.path());
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("unexpected t (toilets)") != std::string::npos);
  CHECK(source::IsValidUtf8(result.out));
}

}  // namespace
}  // namespace glean::testing
