// extract coverage --rules RULES INPUT... [--json]: what the rules leave out. The figures of the
// figures stage that no rule claimed, grouped by label and unit, most frequent first, with one
// place each; by rule, its facts and its drops by reason; the rules that never fire or always
// lose an overlap; and how many figures were found and claimed.
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "glean/engine.h"
#include "glean/figure.h"
#include "glean/output.h"
#include "glean/trace.h"
#include "tools/extract/command.h"
#include "tools/extract/rule_tally.h"

namespace extract {
namespace {

constexpr char kFigureRule[] = "builtin.figure";
// A longer label runs past its column rather than pushing every row's columns out.
constexpr size_t kLabelColumns = 24;

struct CoverageSettings {
  std::vector<std::string> inputs;
  DocumentOptions document;
  bool json = false;
};

// The unclaimed figures of one label and unit.
struct FigureGroup {
  uint64_t count = 0;
  std::string first_at;  // file:line of the first one
};

int RunCoverage(const CoverageSettings& settings) {
  if (settings.document.rule_paths.empty()) {
    std::fprintf(stderr, "extract: error: coverage needs --rules\n");
    return kExitUsage;
  }
  std::optional<glean::RuleSet> rules = LoadRules(settings.document.rule_paths, false);
  if (!rules) return kExitUsage;
  const std::optional<glean::Encoding> encoding = EncodingOption(settings.document.encoding_name);
  if (!encoding) return kExitUsage;
  RuleTally tally(*rules);
  glean::ExtractOptions options;
  options.encoding = *encoding;
  options.document_fact = false;
  options.figures = true;  // the figures no rule claimed come out as builtin.figure facts
  options.observer = &tally;
  glean::Result<glean::Engine> engine = glean::Engine::Create(*rules, options);
  if (!engine.ok()) {
    PrintDiagnostics(engine.diagnostics());
    return kExitUsage;
  }
  glean::Diagnostics walk_problems;
  const std::vector<std::string> files = ExpandInputs(settings.inputs, &walk_problems);
  PrintDiagnostics(walk_problems);
  int status = glean::HasErrors(walk_problems) ? kExitInputError : kExitOk;

  uint64_t found = 0, unclaimed = 0;
  std::map<std::pair<std::string, std::string>, FigureGroup> groups;  // by label, unit
  for (const std::string& file : files) {
    std::string bytes;
    glean::Diagnostics errors;
    if (!ReadInput(file, &bytes, &errors)) {
      PrintDiagnostics(errors);
      status = kExitInputError;
      continue;
    }
    glean::Result<glean::Document> document = engine.value().Load(file, std::move(bytes));
    PrintDiagnostics(document.diagnostics());
    if (!document.ok()) {
      status = kExitInputError;
      continue;
    }
    found += glean::FiguresOf(document.value()).size();
    engine.value().ForEachFact(document.value(), [&](const glean::Fact& fact) {
      if (fact.rule != kFigureRule) return;
      ++unclaimed;
      const std::string& label = std::get<std::string>(fact.fields[0].value);
      FigureGroup& group = groups[{label, fact.fields[1].unit}];
      if (group.count++ == 0) group.first_at = fmt::format("{}:{}", file, fact.line);
    });
  }

  std::vector<std::pair<std::pair<std::string, std::string>, FigureGroup>> ranked(groups.begin(),
                                                                                  groups.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second.count > b.second.count; });
  std::vector<std::string> never_fire, always_lose;
  for (const auto& [id, counts] : tally.counts()) {
    if (counts.matched() == 0) never_fire.push_back(id);
    const uint64_t overlaps = counts.dropped[static_cast<size_t>(glean::DropReason::kOverlap)];
    if (counts.kept == 0 && overlaps > 0) always_lose.push_back(id);
  }
  const uint64_t claimed = found - unclaimed;
  const double percent =
      found == 0 ? 0.0 : 100.0 * static_cast<double>(claimed) / static_cast<double>(found);
  std::string out;
  if (settings.json) {
    nlohmann::ordered_json json;
    json["figures"] = found;
    json["claimed"] = claimed;
    json["unclaimed"] = unclaimed;
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& [key, group] : ranked) {
      list.push_back({{"label", key.first},
                      {"unit", key.second},
                      {"count", group.count},
                      {"first_at", group.first_at}});
    }
    json["unclaimed_by_label"] = std::move(list);
    nlohmann::ordered_json by_rule = nlohmann::ordered_json::object();
    for (const auto& [id, counts] : tally.counts()) {
      nlohmann::ordered_json entry;
      entry["matched"] = counts.matched();
      entry["kept"] = counts.kept;
      for (int reason = 0; reason < glean::kDropReasonCount; ++reason) {
        entry[glean::DropReasonName(static_cast<glean::DropReason>(reason))] =
            counts.dropped[static_cast<size_t>(reason)];
      }
      by_rule[id] = std::move(entry);
    }
    json["rules"] = std::move(by_rule);
    json["never_fire"] = never_fire;
    json["always_lose_overlap"] = always_lose;
    out = json.dump() + "\n";
  } else {
    out += "figures no rule claimed, by label and unit, most frequent first:\n";
    size_t width = 5;  // "label"
    for (const auto& [key, group] : ranked) {
      width = std::max(width, static_cast<size_t>(glean::DisplayWidth(key.first)));
    }
    width = std::min(width, kLabelColumns);
    out += fmt::format("{:>7}  label{}  {:<6}  first at\n", "count", std::string(width - 5, ' '),
                       "unit");
    for (const auto& [key, group] : ranked) {
      const std::string label = key.first.empty() ? "(none)" : key.first;
      const auto label_width = static_cast<size_t>(glean::DisplayWidth(label));
      const size_t pad = label_width < width ? width - label_width : 0;
      const std::string unit = key.second.empty() ? "-" : key.second;
      out += fmt::format("{:>7}  {}{}  {}{}  {}\n", group.count, label, std::string(pad, ' '), unit,
                         std::string(6 - std::min<size_t>(6, glean::DisplayWidth(unit)), ' '),
                         group.first_at);
    }
    out +=
        "\nby rule (matched = kept + the drops before no_match; no_match: a literal without "
        "a match):\n";
    out += tally.Table();
    const auto join = [](const std::vector<std::string>& ids) {
      return ids.empty() ? std::string("none") : fmt::format("{}", fmt::join(ids, ", "));
    };
    out += fmt::format("\nnever fire: {}\nalways lose an overlap: {}\n", join(never_fire),
                       join(always_lose));
    out += fmt::format("\nfigures: {} found, {} claimed ({:.1f} %), {} not claimed\n", found,
                       claimed, percent, unclaimed);
  }
  WriteOutput(out);
  FlushOutput();
  return status;
}

}  // namespace

Command AddCoverageCommand(CLI::App* app) {
  auto settings = std::make_shared<CoverageSettings>();
  CLI::App* coverage = app->add_subcommand(
      "coverage", "Show the figures no rule claimed, and each rule's facts and drops");
  coverage->add_option("inputs", settings->inputs, "Input files, directories (*.txt) or -")
      ->required();
  settings->document.AddTo(coverage);
  coverage->get_option("--rules")->description(
      "Rule file, or directory of rule files (repeatable)");
  coverage->add_flag("--json", settings->json, "One JSON object");
  return {coverage, [settings] { return RunCoverage(*settings); }};
}

}  // namespace extract
