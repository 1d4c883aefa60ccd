// extract coverage --rules RULES INPUT... [--json] [--excepted]: what the rules leave out. The
// figures of the figures stage that no rule claimed, grouped by label and unit, most frequent
// first, with one place each; by rule, its facts and its drops by reason; the rules that never
// fire or always lose an overlap; and how many figures were found, excepted (no analyst wants
// them as data: figure.h's FigureExcept) and claimed of the others.
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
  bool list_excepted = false;
};

// An unclaimed figure that no analyst wants as data, and why.
struct ExceptedFigure {
  glean::FigureExcept reason;
  std::string at;  // file:line:column
  std::string text;
  std::string label;
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
  std::vector<ExceptedFigure> excepted;
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
      const std::string& label = std::get<std::string>(fact.fields[0].value);
      if (fact.excepted != glean::FigureExcept::kNone) {
        excepted.push_back({fact.excepted, fmt::format("{}:{}:{}", file, fact.line, fact.column),
                            fact.text, label});
        return;
      }
      ++unclaimed;
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
  const uint64_t claimed = found - unclaimed - excepted.size();
  const uint64_t data = found - excepted.size();  // the figures an analyst may want
  const double percent =
      data == 0 ? 0.0 : 100.0 * static_cast<double>(claimed) / static_cast<double>(data);
  std::map<std::string, uint64_t> by_reason;
  for (const ExceptedFigure& figure : excepted) ++by_reason[glean::FigureExceptName(figure.reason)];
  std::string out;
  if (settings.json) {
    nlohmann::ordered_json json;
    json["figures"] = found;
    json["excepted"] = excepted.size();
    json["claimed"] = claimed;
    json["unclaimed"] = unclaimed;
    json["excepted_by_reason"] = by_reason;
    nlohmann::ordered_json excepted_list = nlohmann::ordered_json::array();
    for (const ExceptedFigure& figure : excepted) {
      excepted_list.push_back({{"reason", glean::FigureExceptName(figure.reason)},
                               {"at", figure.at},
                               {"text", figure.text},
                               {"label", figure.label}});
    }
    json["excepted_figures"] = std::move(excepted_list);
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
    if (settings.list_excepted) {
      out += "\nfigures excepted (no analyst wants them as data), in document order:\n";
      for (const ExceptedFigure& figure : excepted) {
        out += fmt::format("  {:<10}  {}  {}  {}\n", glean::FigureExceptName(figure.reason),
                           figure.at, figure.text, figure.label.empty() ? "(none)" : figure.label);
      }
    }
    out += fmt::format(
        "\nfigures: {} found, {} excepted, {} claimed of the other {} ({:.1f} %), {} "
        "not claimed\n",
        found, excepted.size(), claimed, data, percent, unclaimed);
    if (!excepted.empty()) {
      std::vector<std::string> reasons;
      for (const auto& [reason, count] : by_reason)
        reasons.push_back(fmt::format("{} {}", reason, count));
      out += fmt::format("excepted by reason: {}{}\n", fmt::join(reasons, ", "),
                         settings.list_excepted ? "" : " (listed with --excepted)");
    }
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
  coverage->add_flag("--excepted", settings->list_excepted,
                     "List the figures excepted from the count, with their reason and place");
  return {coverage, [settings] { return RunCoverage(*settings); }};
}

}  // namespace extract
