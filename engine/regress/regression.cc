#include "glean/regression.h"

#include <fnmatch.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "engine/source/directory_walk.h"
#include "engine/source/read_file.h"
#include "glean/output.h"

namespace glean {

namespace {

namespace fs = std::filesystem;

constexpr char kGoldenSuffix[] = ".facts.jsonl";

struct Style {
  bool color = false;
  std::string Red(std::string_view s) const { return Wrap("31", s); }
  std::string Green(std::string_view s) const { return Wrap("32", s); }
  std::string Yellow(std::string_view s) const { return Wrap("33", s); }
  std::string Bold(std::string_view s) const { return Wrap("1", s); }
  std::string Wrap(const char* code, std::string_view s) const {
    return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
  }
};

bool RuleSelected(const std::string& rule, const std::string& glob) {
  return glob.empty() || fnmatch(glob.c_str(), rule.c_str(), 0) == 0;
}

std::string DescribeField(const Field& field) {
  std::string out;
  if (const Decimal* number = std::get_if<Decimal>(&field.value)) {
    out = number->ToString();
  } else if (const std::string* text = std::get_if<std::string>(&field.value)) {
    out = *text;
  }
  if (!field.unit.empty()) out += " " + field.unit;
  if (field.approx != Approx::kExact) out += fmt::format(" ({})", ApproxName(field.approx));
  if (field.min || field.max) {
    out += fmt::format(" [{}..{}]", field.min ? field.min->ToString() : "",
                       field.max ? field.max->ToString() : "");
  }
  if (field.canonical) {
    out += fmt::format(" = {} {}", field.canonical->value.ToString(), field.canonical->unit);
  }
  out += fmt::format(" raw '{}'", field.raw);
  return out;
}

std::string DescribeSection(const std::vector<std::string>& section) {
  std::string out;
  for (const std::string& heading : section) out += (out.empty() ? "" : " › ") + heading;
  return out.empty() ? "(none)" : out;
}

std::string DescribeFields(const std::vector<Field>& fields) {
  std::string out;
  for (const Field& field : fields) {
    out += fmt::format("{}{}: {}", out.empty() ? "" : "; ", field.name, DescribeField(field));
  }
  return out.empty() ? "(no fields)" : out;
}

std::string DescribePeriod(const Period& period) {
  return period.known() ? period.ToString() : "(none)";
}

using FactKey = std::tuple<std::string, uint64_t, uint64_t>;
FactKey KeyOf(const Fact& fact) { return {fact.rule, fact.start, fact.end}; }

// Lines for what differs between two facts with the same key; empty when they agree.
std::vector<std::string> Changes(const Fact& golden, const Fact& actual) {
  std::vector<std::string> details;
  std::map<std::string, const Field*> old_fields, new_fields;
  for (const Field& field : golden.fields) old_fields[field.name] = &field;
  for (const Field& field : actual.fields) new_fields[field.name] = &field;
  std::vector<std::string> names;
  for (const auto& [name, field] : old_fields) names.push_back(name);
  for (const auto& [name, field] : new_fields) {
    if (!old_fields.count(name)) names.push_back(name);
  }
  for (const std::string& name : names) {
    const Field* before = old_fields.count(name) ? old_fields[name] : nullptr;
    const Field* after = new_fields.count(name) ? new_fields[name] : nullptr;
    const std::string old_text = before ? DescribeField(*before) : "(none)";
    const std::string new_text = after ? DescribeField(*after) : "(none)";
    if (old_text != new_text)
      details.push_back(fmt::format("{}: {} → {}", name, old_text, new_text));
  }
  if (golden.period != actual.period) {
    details.push_back(fmt::format("period: {} → {}", DescribePeriod(golden.period),
                                  DescribePeriod(actual.period)));
  }
  if (golden.status != actual.status) {
    details.push_back(fmt::format("status: {} → {}", FigureStatusName(golden.status),
                                  FigureStatusName(actual.status)));
  }
  if (golden.section != actual.section) {
    details.push_back(fmt::format("section: {} → {}", DescribeSection(golden.section),
                                  DescribeSection(actual.section)));
  }
  return details;
}

bool IsSentenceEnd(std::string_view bytes, size_t i, size_t* width) {
  static constexpr std::string_view kEnds[] = {"。", "！", "？", "；", "\n"};
  for (std::string_view end : kEnds) {
    if (bytes.substr(i, end.size()) == end) {
      *width = end.size();
      return true;
    }
  }
  return false;
}

// The original sentence around [start, end) with the match marked, for UTF-8 inputs; just the
// match's text when the bytes around it are not UTF-8 (GB18030 and UTF-16 files).
std::string MarkedSentence(std::string_view bytes, const Fact& fact, const Style& style) {
  const std::string marked = style.color ? style.Bold(style.Red(fact.text)) : "[" + fact.text + "]";
  if (fact.end > bytes.size() || bytes.substr(fact.start, fact.end - fact.start) != fact.text) {
    return marked;
  }
  constexpr size_t kReach = 240;
  size_t begin = fact.start;
  const size_t floor = fact.start > kReach ? fact.start - kReach : 0;
  const auto continuation = [&](size_t i) {
    return (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0x80;
  };
  while (begin > floor) {
    size_t width = 0;
    size_t probe = begin - 1;
    while (probe > floor && continuation(probe)) --probe;
    // The reach ended inside a character: start at the character after it.
    if (continuation(probe)) break;
    if (IsSentenceEnd(bytes, probe, &width)) break;
    begin = probe;
  }
  size_t end = fact.end;
  const size_t ceiling = std::min(bytes.size(), static_cast<size_t>(fact.end) + kReach);
  while (end < ceiling) {
    size_t width = 0;
    if (IsSentenceEnd(bytes, end, &width)) {
      if (bytes[end] != '\n') end += width;
      break;
    }
    // A whole character or none: the reach may end inside one.
    size_t next = end + 1;
    while (next < bytes.size() && continuation(next)) ++next;
    if (next > ceiling) break;
    end = next;
  }
  return std::string(bytes.substr(begin, fact.start - begin)) + marked +
         std::string(bytes.substr(fact.end, end - fact.end));
}

std::string FactsToJsonLines(const std::vector<Fact>& facts) {
  std::string out;
  for (const Fact& fact : facts) out += FactToJsonLine(fact) + "\n";
  return out;
}

// The temporary file being written, removed by the SIGINT handler if the run is interrupted
// then. A fixed buffer: the handler may only call async-signal-safe functions.
char interrupted_temporary[4096];

extern "C" void RemoveTemporaryAndStop(int signal_number) {
  if (interrupted_temporary[0] != '\0') ::unlink(interrupted_temporary);
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

// Replaces `path` with `content` so that a reader sees the old file or the new one, never a
// part: a temporary file of a unique name in the same folder (mkstemp opens it with O_EXCL, so
// it never follows a link planted at its name), written, synced and renamed over the golden. The
// golden's mode is kept; a golden that is a link keeps being one, and its target is replaced.
bool WriteAtomically(const std::string& path, const std::string& content, std::string* error) {
  std::error_code ec;
  fs::path target = path;
  if (fs::is_symlink(target, ec)) {
    const fs::path resolved = fs::weakly_canonical(target, ec);
    if (ec) {
      *error = fmt::format("cannot follow the link {}: {}", path, ec.message());
      return false;
    }
    target = resolved;
  }
  std::string temporary =
      (target.parent_path() / ("." + target.filename().string() + ".XXXXXX")).string();
  if (temporary.size() >= sizeof interrupted_temporary) {
    *error = "the golden file's path is too long";
    return false;
  }
  struct sigaction interrupt {
  }, previous{};
  interrupt.sa_handler = RemoveTemporaryAndStop;
  sigemptyset(&interrupt.sa_mask);
  // The handler is in place before the file exists, so an interrupt cannot leave it behind.
  sigset_t block, unblocked;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  ::sigprocmask(SIG_BLOCK, &block, &unblocked);
  ::sigaction(SIGINT, &interrupt, &previous);
  const int fd = ::mkstemp(temporary.data());
  if (fd >= 0) std::memcpy(interrupted_temporary, temporary.c_str(), temporary.size() + 1);
  ::sigprocmask(SIG_SETMASK, &unblocked, nullptr);
  const auto finish = [&](bool ok, std::string why) {
    if (fd >= 0 && !ok) ::unlink(temporary.c_str());
    interrupted_temporary[0] = '\0';
    ::sigaction(SIGINT, &previous, nullptr);
    if (!ok) *error = std::move(why);
    return ok;
  };
  if (fd < 0) {
    return finish(false, fmt::format("cannot create a temporary file beside {}: {}", path,
                                     std::strerror(errno)));
  }
  struct stat golden {};
  mode_t mode = 0;
  if (::stat(target.c_str(), &golden) == 0) {
    mode = golden.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  bool ok = ::fchmod(fd, mode) == 0;
  std::string_view rest = content;
  while (ok && !rest.empty()) {
    const ssize_t wrote = ::write(fd, rest.data(), rest.size());
    if (wrote < 0 && errno == EINTR) continue;
    ok = wrote > 0;
    if (ok) rest.remove_prefix(static_cast<size_t>(wrote));
  }
  ok = ok && ::fsync(fd) == 0;
  const std::string why = ok ? "" : std::strerror(errno != 0 ? errno : EIO);
  ok = (::close(fd) == 0) && ok;
  if (!ok) {
    return finish(
        false, fmt::format("cannot write {}: {}", temporary, why.empty() ? "close failed" : why));
  }
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    return finish(false, fmt::format("cannot rename {} to {}: {}", temporary, target.string(),
                                     std::strerror(errno)));
  }
  return finish(true, "");
}

bool NumbersEqual(const std::string& expected, const Decimal& actual) {
  std::optional<Decimal> number = Decimal::Parse(expected);
  return number && *number == actual;
}

// Why `field` does not meet `expected`; empty when it does.
std::string FieldMismatch(const std::string& name, const ExpectedField& expected,
                          const Field* field) {
  if (expected.absent) {
    return field == nullptr
               ? ""
               : fmt::format("{}: got {}; no such field expected", name, DescribeField(*field));
  }
  if (field == nullptr) return fmt::format("field '{}' is missing", name);
  std::vector<std::string> problems;
  if (expected.value) {
    bool same = false;
    if (const Decimal* number = std::get_if<Decimal>(&field->value)) {
      same = NumbersEqual(*expected.value, *number);
    } else if (const std::string* text = std::get_if<std::string>(&field->value)) {
      same = *text == *expected.value;
    }
    if (!same) problems.push_back(fmt::format("value {} expected", *expected.value));
  }
  if (expected.unit && *expected.unit != field->unit) {
    problems.push_back(fmt::format("unit '{}' expected", *expected.unit));
  }
  if (expected.approx && *expected.approx != ApproxName(field->approx)) {
    problems.push_back(fmt::format("approx '{}' expected", *expected.approx));
  }
  if (expected.min && !(field->min && NumbersEqual(*expected.min, *field->min))) {
    problems.push_back(fmt::format("min {} expected", *expected.min));
  }
  if (expected.max && !(field->max && NumbersEqual(*expected.max, *field->max))) {
    problems.push_back(fmt::format("max {} expected", *expected.max));
  }
  if (problems.empty()) return "";
  std::string joined;
  for (const std::string& problem : problems) joined += (joined.empty() ? "" : ", ") + problem;
  return fmt::format("{}: got {}; {}", name, DescribeField(*field), joined);
}

std::string DescribeExpectation(const std::map<std::string, ExpectedField>& expect) {
  std::string out;
  for (const auto& [name, field] : expect) {
    std::string parts;
    if (field.value) parts += *field.value;
    if (field.unit) parts += " " + *field.unit;
    if (field.approx) parts += " (" + *field.approx + ")";
    if (field.absent) parts += "(absent)";
    out += fmt::format("{}{}: {}", out.empty() ? "" : "; ", name, parts);
  }
  return "{" + out + "}";
}

void RunExamples(const Engine& set_engine, const RegressionOptions& options, const Style& style,
                 RegressionReport* report) {
  // An example shows what its rule gives by itself: another rule of the same fact type that
  // claims the same figure keeps the rule set to one fact, but does not hide this rule's.
  ExtractOptions alone = set_engine.options();
  alone.overlaps_across_rules = false;
  Result<Engine> created = Engine::Create(set_engine.rules(), alone);
  const Engine& engine = created.ok() ? created.value() : set_engine;
  for (const RuleInfo& rule : engine.rules().rules()) {
    if (!RuleSelected(rule.id, options.only)) continue;
    for (const RuleExample& example : rule.examples) {
      Result<std::vector<Fact>> result = engine.Extract(rule.location.file, example.text);
      std::vector<Fact> facts;
      if (result.ok()) {
        for (Fact& fact : result.value()) {
          if (fact.rule == rule.id) facts.push_back(std::move(fact));
        }
      }
      std::vector<std::string> problems;
      if (facts.size() != example.expect.size()) {
        problems.push_back(fmt::format("expected {} fact{}, got {}", example.expect.size(),
                                       example.expect.size() == 1 ? "" : "s", facts.size()));
      } else {
        for (size_t i = 0; i < facts.size(); ++i) {
          for (const auto& [name, expected] : example.expect[i]) {
            auto it = std::find_if(facts[i].fields.begin(), facts[i].fields.end(),
                                   [&name = name](const Field& f) { return f.name == name; });
            std::string mismatch =
                FieldMismatch(name, expected, it == facts[i].fields.end() ? nullptr : &*it);
            if (!mismatch.empty()) problems.push_back(fmt::format("fact {}: {}", i + 1, mismatch));
          }
        }
      }
      const SourceLocation& at = example.location;
      if (example.todo && problems.empty()) {
        // A known miss that now passes: the marker must go, or a later regression would hide.
        ++report->failed;
        report->text += fmt::format(
            "{}:{}:{}: {} example of rule {} is marked todo but passes now: remove 'todo: true'\n",
            at.file, at.line, at.column, style.Red("FIXED"), style.Bold(rule.id));
        continue;
      }
      if (problems.empty()) {
        ++report->passed;
        continue;
      }
      if (example.todo) {
        ++report->todo;
      } else {
        ++report->failed;
      }
      report->text +=
          fmt::format("{}:{}:{}: {} example of rule {}\n", at.file, at.line, at.column,
                      example.todo ? style.Yellow("TODO") : style.Red("FAIL"), style.Bold(rule.id));
      report->text += fmt::format("  text:     {}\n", example.text);
      std::string expected;
      for (const auto& expect : example.expect) {
        expected += (expected.empty() ? "" : ", ") + DescribeExpectation(expect);
      }
      report->text += fmt::format("  expected: [{}]\n", expected);
      std::string got;
      for (const Fact& fact : facts) {
        if (!got.empty()) got += ", ";
        got += '{';
        got += DescribeFields(fact.fields);
        got += '}';
      }
      report->text += fmt::format("  got:      [{}]\n", got);
      for (const std::string& problem : problems) report->text += "  " + problem + "\n";
    }
  }
}

// The inputs to check: explicit files, and *.txt files under directories that have golden files.
// What the walks cannot read goes into `problems`.
std::vector<std::pair<std::string, bool>> CollectInputs(const std::vector<std::string>& paths,
                                                        Diagnostics* problems,
                                                        std::vector<std::string>* without_golden) {
  std::vector<std::pair<std::string, bool>> inputs;  // path, named explicitly
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      inputs.emplace_back(path, true);
      continue;
    }
    source::DirectoryWalk walk = source::WalkDirectory(path, {".txt"});
    problems->insert(problems->end(), walk.diagnostics.begin(), walk.diagnostics.end());
    for (std::string& file : walk.files) {
      if (fs::exists(GoldenPathFor(file), ec)) {
        inputs.emplace_back(std::move(file), false);
      } else {
        without_golden->push_back(std::move(file));
      }
    }
  }
  return inputs;
}

void CheckGolden(const Engine& engine, const std::string& input, bool explicit_input,
                 const RegressionOptions& options, const Style& style, RegressionReport* report) {
  const std::string golden_path = GoldenPathFor(input);
  std::string bytes;
  if (!source::ReadWholeFile(input, &bytes)) {
    report->errors.push_back(Diagnostic::Error("io", {input, 0, 0}, "cannot read input"));
    ++report->failed;
    return;
  }
  Result<std::vector<Fact>> extracted = engine.Extract(input, bytes);
  if (!extracted.ok()) {
    report->errors.insert(report->errors.end(), extracted.diagnostics().begin(),
                          extracted.diagnostics().end());
    ++report->failed;
    return;
  }
  std::vector<Fact> actual;
  for (Fact& fact : extracted.value()) {
    if (RuleSelected(fact.rule, options.only)) actual.push_back(std::move(fact));
  }

  std::string golden_text;
  std::error_code ec;
  if (fs::is_directory(golden_path, ec)) {
    report->errors.push_back(
        Diagnostic::Error("golden", {golden_path, 0, 0}, "is a folder, not a golden file"));
    ++report->failed;
    return;
  }
  const bool has_golden = source::ReadWholeFile(golden_path, &golden_text);
  if (!has_golden && !(options.update && explicit_input)) {
    report->errors.push_back(Diagnostic::Error(
        "golden", {golden_path, 0, 0},
        fmt::format("no golden file for {} (run with --update to create it)", input)));
    ++report->failed;
    return;
  }
  std::vector<Fact> golden;
  std::vector<Fact> kept;  // golden facts of rules outside `only`, preserved on update
  if (has_golden) {
    Result<std::vector<Fact>> parsed = ParseFactsJsonLines(golden_text, golden_path);
    if (!parsed.ok()) {
      report->errors.insert(report->errors.end(), parsed.diagnostics().begin(),
                            parsed.diagnostics().end());
      ++report->failed;
      return;
    }
    for (Fact& fact : parsed.value()) {
      (RuleSelected(fact.rule, options.only) ? golden : kept).push_back(std::move(fact));
    }
  }

  std::vector<FactDifference> differences = CompareFacts(golden, actual);
  if (options.update) {
    if (differences.empty() && has_golden) {
      ++report->passed;
      return;
    }
    std::vector<Fact> merged = std::move(actual);
    merged.insert(merged.end(), kept.begin(), kept.end());
    std::stable_sort(merged.begin(), merged.end(), [](const Fact& a, const Fact& b) {
      return std::tie(a.start, a.end) < std::tie(b.start, b.end);
    });
    std::string error;
    if (!WriteAtomically(golden_path, FactsToJsonLines(merged), &error)) {
      report->errors.push_back(Diagnostic::Error("io", {golden_path, 0, 0}, error));
      ++report->failed;
      return;
    }
    int added = 0, removed = 0, changed = 0;
    for (const FactDifference& d : differences) {
      added += d.kind == FactDifference::Kind::kUnexpected;
      removed += d.kind == FactDifference::Kind::kMissing;
      changed += d.kind == FactDifference::Kind::kChanged;
    }
    report->text += fmt::format("updated {}: {} added, {} removed, {} changed\n", golden_path,
                                added, removed, changed);
    report->updated.push_back(golden_path);
    ++report->passed;
    return;
  }
  if (differences.empty()) {
    ++report->passed;
    return;
  }
  ++report->failed;
  report->text +=
      fmt::format("{} {}: {} difference{} from {}\n", style.Red("FAIL"), style.Bold(input),
                  differences.size(), differences.size() == 1 ? "" : "s", golden_path);
  for (const FactDifference& d : differences) {
    // A changed fact is shown where it is now; a missing one where it was.
    const Fact& fact = d.kind == FactDifference::Kind::kMissing ? d.golden : d.actual;
    const char* kind = d.kind == FactDifference::Kind::kMissing      ? "missing"
                       : d.kind == FactDifference::Kind::kUnexpected ? "unexpected"
                                                                     : "changed";
    report->text += fmt::format(
        "{}:{}:{}: {} {} ({})\n", input, fact.line, fact.column,
        d.kind == FactDifference::Kind::kUnexpected ? style.Green(kind) : style.Red(kind),
        fact.rule, fact.fact);
    report->text += fmt::format("  {}\n", MarkedSentence(bytes, fact, style));
    if (d.kind == FactDifference::Kind::kChanged) {
      for (const std::string& detail : d.details) report->text += "  " + detail + "\n";
    } else {
      report->text +=
          fmt::format("  {}{}\n", d.kind == FactDifference::Kind::kMissing ? "was: " : "now: ",
                      DescribeFields(fact.fields));
    }
  }
}

// A missing fact and an unexpected one of the same rule over overlapping spans are one fact whose
// span changed (完成改厕650余户 → 完成改厕650): one kChanged, its text first among the details.
void PairMovedFacts(std::vector<FactDifference>* differences) {
  using Kind = FactDifference::Kind;
  std::vector<bool> paired(differences->size(), false);
  for (size_t i = 0; i < differences->size(); ++i) {
    FactDifference& missing = (*differences)[i];
    if (missing.kind != Kind::kMissing) continue;
    for (size_t j = 0; j < differences->size(); ++j) {
      const FactDifference& added = (*differences)[j];
      if (paired[j] || added.kind != Kind::kUnexpected ||
          added.actual.rule != missing.golden.rule || added.actual.start >= missing.golden.end ||
          missing.golden.start >= added.actual.end) {
        continue;
      }
      missing.kind = Kind::kChanged;
      missing.actual = added.actual;
      missing.details = Changes(missing.golden, missing.actual);
      missing.details.insert(missing.details.begin(),
                             fmt::format("text: {} → {}", missing.golden.text, added.actual.text));
      paired[j] = true;
      break;
    }
  }
  std::vector<FactDifference> kept;
  for (size_t i = 0; i < differences->size(); ++i) {
    if (!paired[i]) kept.push_back(std::move((*differences)[i]));
  }
  *differences = std::move(kept);
}

}  // namespace

std::vector<FactDifference> CompareFacts(const std::vector<Fact>& golden,
                                         const std::vector<Fact>& actual) {
  std::map<FactKey, const Fact*> old_facts, new_facts;
  for (const Fact& fact : golden) old_facts.emplace(KeyOf(fact), &fact);
  for (const Fact& fact : actual) new_facts.emplace(KeyOf(fact), &fact);
  std::vector<FactDifference> differences;
  for (const auto& [key, fact] : old_facts) {
    auto it = new_facts.find(key);
    if (it == new_facts.end()) {
      differences.push_back({FactDifference::Kind::kMissing, *fact, {}, {}});
      continue;
    }
    std::vector<std::string> details = Changes(*fact, *it->second);
    if (!details.empty()) {
      differences.push_back({FactDifference::Kind::kChanged, *fact, *it->second, details});
    }
  }
  for (const auto& [key, fact] : new_facts) {
    if (!old_facts.count(key))
      differences.push_back({FactDifference::Kind::kUnexpected, {}, *fact, {}});
  }
  PairMovedFacts(&differences);
  std::stable_sort(
      differences.begin(), differences.end(), [](const FactDifference& a, const FactDifference& b) {
        const Fact& x = a.kind == FactDifference::Kind::kUnexpected ? a.actual : a.golden;
        const Fact& y = b.kind == FactDifference::Kind::kUnexpected ? b.actual : b.golden;
        return std::tie(x.start, x.end) < std::tie(y.start, y.end);
      });
  return differences;
}

std::string GoldenPathFor(const std::string& input) {
  const fs::path path(input);
  return (path.parent_path() / (path.stem().string() + kGoldenSuffix)).generic_string();
}

RegressionReport RunRegression(const Engine& engine, const std::vector<std::string>& paths,
                               const RegressionOptions& options) {
  RegressionReport report;
  const Style style{options.color};
  RunExamples(engine, options, style, &report);
  RegressionOptions golden_options = options;
  if (options.update && !options.force && report.failed > 0) {
    // Goldens written now would record what broken rules give.
    golden_options.update = false;
    report.text += fmt::format(
        "not updating golden files: {} example{} fail{}; fix the rules or run with --force\n",
        report.failed, report.failed == 1 ? "" : "s", report.failed == 1 ? "s" : "");
  }
  Diagnostics walk_problems;
  std::vector<std::string> without_golden;
  const auto inputs = CollectInputs(paths, &walk_problems, &without_golden);
  for (const std::string& input : without_golden) {
    report.text += fmt::format("no golden file for {} (name it with --update to create {})\n",
                               input, GoldenPathFor(input));
  }
  for (const Diagnostic& problem : walk_problems) {
    if (problem.severity == Severity::kError) ++report.failed;
  }
  report.errors.insert(report.errors.end(), walk_problems.begin(), walk_problems.end());
  for (const auto& [input, explicit_input] : inputs) {
    CheckGolden(engine, input, explicit_input, golden_options, style, &report);
  }
  return report;
}

}  // namespace glean
