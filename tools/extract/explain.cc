// extract explain --rules RULES FILE [--rule ID] [--line N | --near TEXT] [--json]: for each place
// a rule could have matched, what the engine decided there and why, step by step. A pattern rule:
// the literal, the pattern (how far it got when it failed), each capture and how it read, the unit
// filter, `where`, `unless`, `within`/`not_within`, and the overlap lost. A figure rule: the
// figure's label (the closest part of the rule's when it did not match), unit, status, clause and
// action against the rule's, then the same filters. The normalized text is shown beside the
// original.
#include <algorithm>
#include <cstdio>
#include <deque>
#include <memory>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "glean/engine.h"
#include "glean/trace.h"
#include "tools/extract/command.h"

namespace extract {
namespace {

struct ExplainSettings {
  std::string file;
  DocumentOptions document;
  std::string rule;
  int line = 0;
  std::string near;
  bool json = false;
};

// The traces of one document, copied out of the observer's calls (their views stay valid while
// the document and the rule set live).
class TraceLog final : public glean::MatchObserver {
 public:
  void OnCandidate(const glean::CandidateTrace& trace) override { traces.push_back(trace); }
  std::vector<glean::CandidateTrace> traces;
};

// At most `bytes` bytes of `text` from its start, cut before a character, not inside one.
std::string_view CutAtCharacter(std::string_view text, size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

// `text` on one line: a line break shows as ⏎.
std::string OneLine(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "⏎";
    } else {
      out += c;
    }
  }
  return out;
}

// A pattern piece short enough to read: a slot's group, which expands to hundreds of bytes, by
// its name.
std::string Abridged(std::string_view piece) {
  constexpr size_t kLongest = 60;
  std::string out;
  for (size_t at = piece.find("(?P<"); at != std::string_view::npos; at = piece.find("(?P<")) {
    const size_t name_end = piece.find('>', at);
    if (name_end == std::string_view::npos) break;
    // The group ends at its matching parenthesis.
    int depth = 0;
    size_t end = at;
    for (; end < piece.size(); ++end) {
      if (piece[end] == '\\') {
        ++end;
      } else if (piece[end] == '(') {
        ++depth;
      } else if (piece[end] == ')' && --depth == 0) {
        break;
      }
    }
    const std::string_view group = piece.substr(at, end + 1 - at);
    out += piece.substr(0, at);
    out += group.size() > kLongest ? fmt::format("{{{}}}", piece.substr(at + 4, name_end - at - 4))
                                   : std::string(group);
    piece.remove_prefix(std::min(piece.size(), end + 1));
  }
  out += piece;
  return out;
}

std::string FieldValueText(const glean::Field& field) {
  std::string out;
  if (const auto* number = std::get_if<glean::Decimal>(&field.value)) out = number->ToString();
  if (const auto* text = std::get_if<std::string>(&field.value)) out = *text;
  if (!field.unit.empty()) out += " " + field.unit;
  if (field.approx != glean::Approx::kExact) out += fmt::format(" ({})", ApproxName(field.approx));
  return out;
}

std::string HeadingList(const std::vector<const glean::Heading*>& headings) {
  if (headings.empty()) return "(no heading encloses it)";
  std::string out;
  for (const glean::Heading* heading : headings) {
    if (!out.empty()) out += " › ";
    out += heading->text;
  }
  return out;
}

// What the trace's last step says, in words; empty for a kept match.
std::string Verdict(const glean::CandidateTrace& trace) {
  if (trace.kept) return {};
  switch (trace.reason) {
    case glean::DropReason::kNoMatch:
      return "the pattern does not match from its literal";
    case glean::DropReason::kField:
      return fmt::format("field '{}': {}", trace.fields[trace.failed_field].name, trace.detail);
    case glean::DropReason::kUnit:
      if (trace.figure != nullptr) {
        return fmt::format("the figure's unit is {}, and the rule's `unit` takes {}",
                           trace.detail.empty() ? "none" : fmt::format("'{}'", trace.detail),
                           trace.expected);
      }
      return fmt::format("field '{}' reads with {}, which the slot's units do not list",
                         trace.fields[trace.failed_field].name,
                         trace.detail.empty() ? "no unit" : fmt::format("unit '{}'", trace.detail));
    case glean::DropReason::kWhere:
      return fmt::format("`where`: {}", trace.detail);
    case glean::DropReason::kLabel:
      return fmt::format("the figure's label '{}' does not match `label`", trace.figure->label);
    case glean::DropReason::kStatus:
      return fmt::format("the figure's status is {}, and the rule's `status` takes {}",
                         trace.detail, trace.expected);
    case glean::DropReason::kClause:
      return fmt::format("the figure's clause '{}' does not match `clause`", trace.figure->clause);
    case glean::DropReason::kAction:
      return fmt::format("the figure's action '{}' does not match `action`", trace.figure->action);
    case glean::DropReason::kUnless:
      return "its sentence matches `unless`";
    case glean::DropReason::kWithin:
      return "no enclosing heading matches `within`";
    case glean::DropReason::kNotWithin:
      return fmt::format("the heading '{}' matches `not_within`", trace.heading->text);
    case glean::DropReason::kOverlap:
      return fmt::format("lost the overlap to {}", trace.winner);
  }
  return {};
}

struct Explained {
  const glean::CandidateTrace* trace;
  glean::SourceSpan source;
  std::optional<glean::PartialMatch> partial;   // kNoMatch only
  std::optional<glean::FigureRuleTerms> terms;  // a figure rule's
  std::optional<glean::LabelMiss> label_miss;   // kLabel only
  // A figure the rule was asked about whose label and clause hold nothing of its label: one
  // line of a list on a terminal, not a place of its own.
  bool unrelated = false;
};

// A pattern shown on one line: a long one cut, on a character, with … after it.
std::string Shortened(std::string_view pattern) {
  constexpr size_t kLongest = 72;
  if (pattern.size() <= kLongest) return std::string(pattern);
  return std::string(CutAtCharacter(pattern, kLongest)) + "…";
}

std::string Joined(const std::vector<std::string>& items) {
  return items.empty() ? std::string() : fmt::format("{}", fmt::join(items, ", "));
}

std::string StatusNames(const std::vector<glean::FigureStatus>& statuses) {
  std::vector<std::string> names;
  for (glean::FigureStatus status : statuses) names.push_back(glean::FigureStatusName(status));
  return Joined(names);
}

// The normalized range a figure trace shows: its clause and the figure.
std::pair<size_t, size_t> FigureRange(const glean::Document& document,
                                      const glean::Figure& figure) {
  // The clause ends at the figure, or a word such as 约 before it.
  const std::string_view normalized = document.normalized();
  constexpr size_t kBetween = 12;
  const size_t from = figure.begin > figure.clause.size() + kBetween
                          ? figure.begin - figure.clause.size() - kBetween
                          : 0;
  const size_t at = figure.clause.empty()
                        ? std::string_view::npos
                        : normalized.substr(from, figure.begin - from).rfind(figure.clause);
  return {at == std::string_view::npos ? figure.begin : from + at, figure.end};
}

// The closest part of a figure rule's label to a figure's, in words.
std::string LabelMissText(const glean::LabelMiss& miss, const glean::Figure& figure) {
  if (miss.in_clause) {
    return fmt::format("`{}` matches '{}' in the clause '{}', outside the label '{}'",
                       Shortened(miss.alternative),
                       figure.clause.substr(miss.clause_at, miss.clause_end - miss.clause_at),
                       figure.clause, figure.label);
  }
  if (miss.matched.empty()) {
    return "no alternative matches in the clause, nor its first piece in the label";
  }
  const std::string_view text = miss.partial_in_clause ? figure.clause : figure.label;
  const char* where = miss.partial_in_clause ? "clause" : "label";
  const std::string_view matched = text.substr(miss.match_at, miss.match_end - miss.match_at);
  if (miss.stopped_at.empty()) {  // all of it but its leading `^`
    return fmt::format("`{}` matches '{}' in the {}, but not at its start (`^`)",
                       Shortened(miss.alternative), matched, where);
  }
  return fmt::format(
      "`{}` gets as far as `{}` over '{}'{}{}, and stops at `{}` before '{}'",
      Shortened(miss.alternative), Shortened(Abridged(miss.matched)), matched,
      miss.partial_in_clause ? " in the clause" : "",
      miss.not_at_start ? fmt::format(", but not at the {}'s start (`^`)", where) : "",
      Shortened(Abridged(miss.stopped_at)), text.substr(miss.match_end));
}

// The steps of a figure rule on its figure, in the engine's order, as far as it got: each term
// the rule sets, with the figure's side, ✓ or ✗.
std::string FigureSteps(const Explained& item) {
  const glean::CandidateTrace& trace = *item.trace;
  const glean::Figure& figure = *trace.figure;
  const glean::FigureRuleTerms& terms = *item.terms;
  const bool dropped = !trace.kept && trace.reason != glean::DropReason::kOverlap;
  std::string out;
  std::string value = FieldValueText(figure.value);
  if (!figure.changes.empty()) value += ", change " + figure.changes.front().ToString();
  out += fmt::format("  figure:     '{}' → {}; status {}{}\n", trace.fields[1].text, value,
                     glean::FigureStatusName(figure.status),
                     figure.period.known() ? "; period " + figure.period.ToString() : "");
  // Each step: the reason it fails for, its line once it passed or failed.
  const auto step = [&](glean::DropReason reason, bool asked, std::string_view name,
                        const std::string& figure_side, const std::string& rule_side) {
    if (!asked) return true;
    const bool failed = dropped && trace.reason == reason;
    out += fmt::format("  {:<11} {} {} against {}\n", std::string(name) + ":", figure_side,
                       failed ? "✗" : "✓", rule_side);
    return !failed;
  };
  const auto quoted = [](std::string_view text) { return fmt::format("'{}'", text); };
  const auto pattern = [](std::string_view text) { return fmt::format("`{}`", Shortened(text)); };
  if (!step(glean::DropReason::kLabel, !terms.label.empty(), "label", quoted(figure.label),
            pattern(terms.label))) {
    if (item.label_miss) {
      out += fmt::format("  closest:    {}\n", LabelMissText(*item.label_miss, figure));
    }
    out += fmt::format("  clause:     '{}'\n", figure.clause);
    return out;
  }
  if (!step(glean::DropReason::kUnit, !terms.units.empty(), "unit",
            figure.value.unit.empty() ? "no unit" : quoted(figure.value.unit),
            Joined(terms.units)) ||
      !step(glean::DropReason::kStatus, !terms.statuses.empty(), "status",
            glean::FigureStatusName(figure.status), StatusNames(terms.statuses)) ||
      !step(glean::DropReason::kClause, !terms.clause.empty(), "clause", quoted(figure.clause),
            pattern(terms.clause))) {
    return out;
  }
  step(glean::DropReason::kAction, !terms.action.empty(), "action", quoted(figure.action),
       pattern(terms.action));
  return out;
}

std::string TerminalText(const std::string& file, const glean::Document& document,
                         const Explained& item) {
  const glean::CandidateTrace& trace = *item.trace;
  const std::string_view normalized = document.normalized();
  std::string out =
      fmt::format("{}:{}:{}: {}: {}\n", file, item.source.line, item.source.column, trace.rule,
                  trace.kept ? "kept" : fmt::format("dropped ({})", DropReasonName(trace.reason)));
  size_t shown_begin = trace.begin, shown_end = trace.end;
  if (trace.figure != nullptr)
    std::tie(shown_begin, shown_end) = FigureRange(document, *trace.figure);
  if (item.partial) shown_end = std::max(shown_end, item.partial->end);
  // For a place with no match, the text from the literal on: as far as the pattern got, and more.
  if (trace.reason == glean::DropReason::kNoMatch && !trace.kept) {
    shown_end = trace.begin +
                CutAtCharacter(normalized.substr(trace.begin), shown_end - trace.begin + 30).size();
  }
  out += fmt::format("  original:   {}\n", OneLine(document.OriginalText(shown_begin, shown_end)));
  out += fmt::format("  normalized: {}\n",
                     OneLine(normalized.substr(shown_begin, shown_end - shown_begin)));
  if (trace.figure != nullptr) {
    out += FigureSteps(item);
  } else if (trace.reason == glean::DropReason::kNoMatch && !trace.kept) {
    out += fmt::format("  literal:    found at {}:{}\n", item.source.line, item.source.column);
    if (item.partial && !item.partial->matched.empty()) {
      out += fmt::format("  pattern:    matches `{}` over '{}'\n", Abridged(item.partial->matched),
                         OneLine(normalized.substr(trace.begin, item.partial->end - trace.begin)));
    } else {
      out += "  pattern:    does not match even its first piece here\n";
    }
    if (item.partial) {
      out += fmt::format("              stops at `{}` before '{}'\n",
                         Abridged(item.partial->stopped_at),
                         OneLine(CutAtCharacter(normalized.substr(item.partial->end), 30)));
    }
  } else {
    out += fmt::format("  pattern:    matched '{}'\n",
                       normalized.substr(trace.begin, trace.end - trace.begin));
  }
  for (size_t i = 0; i < trace.fields.size() && trace.figure == nullptr; ++i) {
    const glean::FieldTrace& field = trace.fields[i];
    std::string reading;
    if (!field.taken) {
      reading = "(the group took no part)";
    } else if (field.value) {
      reading = fmt::format("'{}' → {}", field.text, FieldValueText(*field.value));
    } else if (!trace.kept && trace.failed_field == i &&
               trace.reason == glean::DropReason::kField) {
      reading = fmt::format("'{}' ✗ no value of its type", field.text);
    } else {
      reading = fmt::format("'{}' (not read)", field.text);
    }
    out += fmt::format("  field {}: {}\n", field.name, reading);
  }
  if (trace.reason == glean::DropReason::kUnless && !trace.kept) {
    out += fmt::format("  sentence:   {}\n",
                       OneLine(document.OriginalText(trace.sentence_begin, trace.sentence_end)));
  }
  if ((trace.reason == glean::DropReason::kWithin ||
       trace.reason == glean::DropReason::kNotWithin) &&
      !trace.kept) {
    out += fmt::format("  headings:   {}\n", HeadingList(trace.headings));
  }
  if (trace.reason == glean::DropReason::kOverlap && !trace.kept) {
    out += fmt::format("  winner:     {} over '{}'\n", trace.winner,
                       document.OriginalText(trace.winner_begin, trace.winner_end));
  }
  out += trace.kept ? "  → kept: a fact\n" : fmt::format("  → dropped: {}\n", Verdict(trace));
  return out;
}

nlohmann::ordered_json JsonOf(const std::string& file, const glean::Document& document,
                              const Explained& item) {
  const glean::CandidateTrace& trace = *item.trace;
  const std::string_view normalized = document.normalized();
  nlohmann::ordered_json out;
  out["doc"] = file;
  out["rule"] = std::string(trace.rule);
  out["line"] = item.source.line;
  out["column"] = item.source.column;
  out["start"] = item.source.start;
  out["end"] = item.source.end;
  out["form"] = trace.figure != nullptr ? "figure" : "pattern";
  out["outcome"] = trace.kept ? "kept" : DropReasonName(trace.reason);
  out["text"] = std::string(document.OriginalText(trace.begin, trace.end));
  out["normalized"] = std::string(normalized.substr(trace.begin, trace.end - trace.begin));
  if (trace.figure != nullptr) {
    const glean::Figure& figure = *trace.figure;
    nlohmann::ordered_json about;
    about["label"] = figure.label;
    about["clause"] = figure.clause;
    about["action"] = figure.action;
    about["value"] = FieldValueText(figure.value);
    about["unit"] = figure.value.unit;
    about["status"] = glean::FigureStatusName(figure.status);
    about["period"] = figure.period.ToString();
    if (!figure.changes.empty()) about["change"] = figure.changes.front().ToString();
    out["figure"] = std::move(about);
    const glean::FigureRuleTerms& terms = *item.terms;
    nlohmann::ordered_json asks;
    if (!terms.label.empty()) asks["label"] = terms.label;
    if (!terms.clause.empty()) asks["clause"] = terms.clause;
    if (!terms.action.empty()) asks["action"] = terms.action;
    if (!terms.units.empty()) asks["unit"] = terms.units;
    if (!terms.statuses.empty()) {
      nlohmann::ordered_json statuses = nlohmann::ordered_json::array();
      for (glean::FigureStatus status : terms.statuses) {
        statuses.push_back(glean::FigureStatusName(status));
      }
      asks["status"] = std::move(statuses);
    }
    out["rule_asks"] = std::move(asks);
    if (item.label_miss) {
      const glean::LabelMiss& miss = *item.label_miss;
      nlohmann::ordered_json closest;
      closest["alternative"] = miss.alternative;
      closest["in_clause"] = miss.in_clause;
      if (miss.in_clause) {
        closest["clause_text"] =
            figure.clause.substr(miss.clause_at, miss.clause_end - miss.clause_at);
      } else {
        closest["matched_pattern"] = miss.matched;
        closest["stopped_at"] = miss.stopped_at;
        closest["partial_in_clause"] = miss.partial_in_clause;
        closest["matched_text"] = (miss.partial_in_clause ? figure.clause : figure.label)
                                      .substr(miss.match_at, miss.match_end - miss.match_at);
      }
      closest["says"] = LabelMissText(miss, figure);
      out["closest"] = std::move(closest);
    }
  }
  if (item.partial) {
    out["matched_pattern"] = item.partial->matched;
    out["stopped_at"] = item.partial->stopped_at;
    out["pattern_rest"] = item.partial->rest;
    out["matched_text"] =
        std::string(normalized.substr(trace.begin, item.partial->end - trace.begin));
  }
  nlohmann::ordered_json fields = nlohmann::ordered_json::array();
  for (const glean::FieldTrace& field : trace.fields) {
    nlohmann::ordered_json entry;
    entry["name"] = std::string(field.name);
    entry["taken"] = field.taken;
    entry["text"] = std::string(field.text);
    if (field.value) entry["value"] = FieldValueText(*field.value);
    fields.push_back(std::move(entry));
  }
  out["fields"] = std::move(fields);
  if (!trace.kept) out["why"] = Verdict(trace);
  if (trace.reason == glean::DropReason::kUnless && !trace.kept) {
    out["sentence"] = std::string(document.OriginalText(trace.sentence_begin, trace.sentence_end));
  }
  if ((trace.reason == glean::DropReason::kWithin ||
       trace.reason == glean::DropReason::kNotWithin) &&
      !trace.kept) {
    nlohmann::ordered_json headings = nlohmann::ordered_json::array();
    for (const glean::Heading* heading : trace.headings) headings.push_back(heading->text);
    out["headings"] = std::move(headings);
  }
  if (trace.reason == glean::DropReason::kOverlap && !trace.kept) {
    out["winner"] = std::string(trace.winner);
    out["winner_text"] = std::string(document.OriginalText(trace.winner_begin, trace.winner_end));
  }
  return out;
}

int RunExplain(const ExplainSettings& settings) {
  if (settings.document.rule_paths.empty()) {
    std::fprintf(stderr, "extract: error: explain needs --rules\n");
    return kExitUsage;
  }
  std::optional<glean::RuleSet> rules = LoadRules(settings.document.rule_paths, false);
  if (!rules) return kExitUsage;
  const std::vector<std::string_view> figure_rules = glean::FigureRuleIds(*rules);
  const bool figure_rule =
      std::find(figure_rules.begin(), figure_rules.end(), settings.rule) != figure_rules.end();
  if (!settings.rule.empty() && !figure_rule) {
    const std::vector<std::string_view> ids = glean::PatternRuleIds(*rules);
    if (std::find(ids.begin(), ids.end(), settings.rule) == ids.end()) {
      std::fprintf(stderr, "extract: error: no rule has the id '%s'\n", settings.rule.c_str());
      return kExitUsage;
    }
  }
  const std::optional<glean::Encoding> encoding = EncodingOption(settings.document.encoding_name);
  if (!encoding) return kExitUsage;
  TraceLog log;
  glean::ExtractOptions options;
  options.encoding = *encoding;
  options.document_fact = false;
  options.observer = &log;
  glean::Result<glean::Engine> engine = glean::Engine::Create(*rules, options);
  if (!engine.ok()) {
    PrintDiagnostics(engine.diagnostics());
    return kExitUsage;
  }
  std::string bytes;
  glean::Diagnostics errors;
  if (!ReadInput(settings.file, &bytes, &errors)) {
    PrintDiagnostics(errors);
    return kExitInputError;
  }
  glean::Result<glean::Document> loaded = engine.value().Load(settings.file, std::move(bytes));
  PrintDiagnostics(loaded.diagnostics());
  if (!loaded.ok()) return kExitInputError;
  const glean::Document& document = loaded.value();
  engine.value().ForEachFact(document, [](const glean::Fact&) {});

  // --near: the sentences that hold the text, as normalized (the text is given as one would read
  // it in the report, so it is looked for in both forms).
  std::vector<std::pair<size_t, size_t>> near_sentences;
  if (!settings.near.empty()) {
    const std::string_view normalized = document.normalized();
    for (size_t at = normalized.find(settings.near); at != std::string_view::npos;
         at = normalized.find(settings.near, at + 1)) {
      near_sentences.push_back(document.SentenceAt(at, at + settings.near.size()));
    }
    if (near_sentences.empty()) {
      std::fprintf(stderr, "extract: error: '%s' does not occur in %s (as normalized)\n",
                   settings.near.c_str(), settings.file.c_str());
      return kExitInputError;
    }
  }
  const auto in_range = [&](size_t begin, size_t end, const glean::SourceSpan& source) {
    if (settings.line > 0 && source.line != settings.line) return false;
    return near_sentences.empty() ||
           std::any_of(near_sentences.begin(), near_sentences.end(), [&](const auto& sentence) {
             return begin < sentence.second && sentence.first < end;
           });
  };
  // A figure rule asked about by name is explained on every figure of the range given, also
  // those the engine did not trace it on (their clause holds no literal of its label).
  std::deque<glean::CandidateTrace> untraced;
  if (figure_rule && (settings.line > 0 || !near_sentences.empty())) {
    for (const glean::Figure& figure : glean::FiguresOf(document)) {
      if (!in_range(figure.begin, figure.end, figure.source) ||
          std::any_of(log.traces.begin(), log.traces.end(), [&](const glean::CandidateTrace& t) {
            return t.figure == &figure && t.rule == settings.rule;
          })) {
        continue;
      }
      untraced.push_back(*glean::TraceFigureRule(*rules, settings.rule, document, figure));
    }
  }
  std::vector<Explained> items;
  const auto add = [&](const glean::CandidateTrace& trace) {
    if (!settings.rule.empty() && trace.rule != settings.rule) return;
    const glean::SourceSpan source = document.ToSource(trace.begin, trace.end);
    if (!in_range(trace.begin, trace.end, source)) return;
    Explained item{&trace, source, std::nullopt, std::nullopt, std::nullopt};
    if (!trace.kept && trace.reason == glean::DropReason::kNoMatch) {
      item.partial = glean::LongestPartialMatch(*rules, trace.rule, document, trace.begin);
    }
    if (trace.figure != nullptr) {
      item.terms = glean::FigureRuleTermsOf(*rules, trace.rule);
      if (!trace.kept && trace.reason == glean::DropReason::kLabel) {
        item.label_miss = glean::ClosestLabelPart(*rules, trace.rule, *trace.figure);
      }
    }
    items.push_back(std::move(item));
  };
  for (const glean::CandidateTrace& trace : log.traces) add(trace);
  for (const glean::CandidateTrace& trace : untraced) {
    add(trace);
    Explained& item = items.back();
    item.unrelated =
        item.label_miss && !item.label_miss->in_clause && item.label_miss->matched.empty();
  }
  // In document order; at one place, in the order the engine decides (a match before a place
  // where only the literal was found).
  std::stable_sort(items.begin(), items.end(), [](const Explained& a, const Explained& b) {
    return std::tuple(a.trace->begin, a.trace->rule) < std::tuple(b.trace->begin, b.trace->rule);
  });
  std::string out;
  std::vector<std::string> unrelated;  // label line:column of each
  for (const Explained& item : items) {
    if (settings.json) {
      out += JsonOf(settings.file, document, item).dump();
      out += '\n';
    } else if (item.unrelated) {
      unrelated.push_back(fmt::format("'{}' {}:{}", item.trace->figure->label, item.source.line,
                                      item.source.column));
    } else {
      out += TerminalText(settings.file, document, item);
    }
  }
  if (!unrelated.empty()) {
    out += fmt::format(
        "{} other figure{}, whose label and clause hold nothing of the rule's `label` (dropped: "
        "label): {}\n",
        unrelated.size(), unrelated.size() == 1 ? "" : "s", Joined(unrelated));
  }
  if (!settings.json && items.empty() && unrelated.empty()) {
    out = figure_rule ? fmt::format(
                            "no figure that {} names or nearly names: no figure's clause holds "
                            "a literal of its label (--line or --near shows it on the "
                            "figures there)\n",
                            settings.rule)
                      : "no place where a rule could have matched\n";
  }
  WriteOutput(out);
  FlushOutput();
  return kExitOk;
}

}  // namespace

Command AddExplainCommand(CLI::App* app) {
  auto settings = std::make_shared<ExplainSettings>();
  CLI::App* explain = app->add_subcommand(
      "explain", "Show why each rule did or did not give a fact at each place it could have");
  explain->add_option("file", settings->file, "Input file, or - for stdin")->required();
  settings->document.AddTo(explain);
  explain->get_option("--rules")->description("Rule file, or directory of rule files (repeatable)");
  explain->add_option("--rule", settings->rule, "Only this rule (its id)");
  auto* line = explain->add_option("--line", settings->line, "Only matches starting on this line")
                   ->check(CLI::PositiveNumber);
  explain->add_option("--near", settings->near, "Only the sentences holding this text")
      ->excludes(line);
  explain->add_flag("--json", settings->json, "JSON Lines, one place a line");
  return {explain, [settings] { return RunExplain(*settings); }};
}

}  // namespace extract
