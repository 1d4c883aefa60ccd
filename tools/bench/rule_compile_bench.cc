// Rule compilation benchmark: loading a rule set of N generated rules from YAML, through pattern
// normalization, def and slot expansion, RE2 compilation and the empty-match check.
//
// Target (issue "rule language v1"): 2,000 rules compile in under 2 s. Each run checks the rule
// count, so a loader that silently drops rules cannot look fast.
#include <string>

#include <benchmark/benchmark.h>

#include "glean/result.h"
#include "glean/rule_set.h"

namespace {

// Rules shaped like the stock library's: literal context from a report, an optional def, a typed
// slot and a unit, every tenth rule with an `unless` and a `within`. Distinct patterns, so no
// compilation is shared.
std::string GeneratedRules(int count) {
  static const char* const kVerbs[] = {"完成", "新建", "改造", "新增", "建成",
                                       "实施", "培训", "发放", "整治", "修缮"};
  static const char* const kObjects[] = {"改厕",     "农村公路", "危房",     "高标准农田", "安置房",
                                         "污水管网", "技能人才", "补贴资金", "河道",       "校舍"};
  static const char* const kUnits[] = {"户", "人", "个", "亩", "万元", "次", "起", "公里"};
  std::string yaml = "defs:\n  total: '(?:共|累计|全年)?'\n  verb: '(?:完成|实现|达到)'\nrules:\n";
  for (int i = 0; i < count; ++i) {
    yaml += "  - id: bench.r" + std::to_string(i) + "\n";
    yaml += "    fact: f" + std::to_string(i % 50) + "\n";
    yaml += "    pattern: '" + std::string(kVerbs[i % 10]) + kObjects[(i / 10) % 10] + "{total}" +
            "(?:" + std::to_string(i) + ")?{n:quantity}" + kUnits[(i / 100) % 8] + "'\n";
    if (i % 10 == 0) {
      yaml += "    unless: '计划|预计|力争'\n    within: '成效|情况|总结'\n";
    }
  }
  return yaml;
}

void BM_CompileRules(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  const std::string yaml = GeneratedRules(count);
  size_t compiled = 0;
  for (auto _ : state) {
    glean::Result<glean::RuleSet> rules = glean::RuleSet::LoadFromString(yaml, "bench.yaml");
    if (!rules.ok()) {
      state.SkipWithError("rules did not load");
      return;
    }
    compiled = rules.value().size();
    benchmark::DoNotOptimize(compiled);
  }
  if (compiled != static_cast<size_t>(count)) state.SkipWithError("wrong rule count");
  state.counters["rules"] = static_cast<double>(compiled);
}
BENCHMARK(BM_CompileRules)
    ->Arg(200)
    ->Arg(2000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
