// Loading checks a pattern with slots through its stand-in and compiles it on first use: the
// stand-in must say what the pattern itself would, and the deferred compile must happen once.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "engine/rules/deferred_regex.h"
#include "engine/rules/pattern_expander.h"
#include "engine/rules/slot_stand_in.h"
#include "engine/values/unit_table.h"

namespace glean::rules {
namespace {

RE2::Options Quiet() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

TEST_CASE("rules: a slot's stand-in has the pattern's groups and its empty matches") {
  const std::string quantity = values::QuantityPatternWith({});
  SlotStandIns stand_ins(Quiet(), quantity);
  const char* patterns[] = {
      "完成改厕{count:quantity}户",
      "(?:新建|完成)(?:户用)?改厕(?:共计)?{count:quantity}(?:户|座)",
      "低保(?P<kind>对象|户){households:int}户{people:int}人",
      "(?:{count:int}户)?",
      "(?:{count:int})*",
      "(?P<crop>[\\p{Han}]{2,4}?){area:quantity}亩",
      "(?:(\\d+)个|{n:number}项)",
      "增长{rate:percent}|下降{fall:percent}",
      "{when:date}(?:完成|建成){what:text}",
  };
  for (const char* pattern : patterns) {
    INFO(pattern);
    const Expansion expansion = ExpandPattern(pattern, {}, {true, quantity});
    REQUIRE(expansion.errors.empty());
    const RE2 full(expansion.pattern, Quiet());
    REQUIRE(full.ok());
    const std::unique_ptr<RE2> stand_in = stand_ins.StandIn(expansion);
    REQUIRE(stand_in != nullptr);
    CHECK(stand_in->pattern().size() < expansion.pattern.size());
    CHECK(stand_in->NamedCapturingGroups() == full.NamedCapturingGroups());
    CHECK(stand_in->NumberOfCapturingGroups() == full.NumberOfCapturingGroups());
    CHECK(RE2::FullMatch("", *stand_in) == RE2::FullMatch("", full));
  }
}

TEST_CASE("rules: only the pattern itself answers without slots, with \\C or a repeated group") {
  const std::string quantity = values::QuantityPatternWith({});
  SlotStandIns stand_ins(Quiet(), quantity);
  const char* patterns[] = {
      "完成改厕(\\d+)户",         // no slot: nothing to spare
      "(?:{n:quantity}、){3}",    // repetitions nest: RE2 limits their product
      "完成\\C{count:int}",       // said in the pattern's own words
      "完成{count:quantity}(户",  // does not compile: RE2 says why in the pattern's words
      "{a:int}{b:int}[{c:int}",   // a class never closed
  };
  for (const char* pattern : patterns) {
    INFO(pattern);
    const Expansion expansion = ExpandPattern(pattern, {}, {true, quantity});
    CHECK(stand_ins.StandIn(expansion) == nullptr);
  }
}

TEST_CASE("rules: a deferred pattern is compiled once, on first use, whichever threads ask") {
  const internal::DeferredRegex deferred("完成改厕(\\d+)户", Quiet());
  CHECK(deferred.pattern() == "完成改厕(\\d+)户");
  std::vector<const RE2*> seen(8, nullptr);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] { seen[i] = &deferred.regex(); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const RE2* regex : seen) CHECK(regex == seen[0]);
  int count = 0;
  CHECK(RE2::PartialMatch("全年完成改厕650户", *seen[0], &count));
  CHECK(count == 650);
}

}  // namespace
}  // namespace glean::rules
