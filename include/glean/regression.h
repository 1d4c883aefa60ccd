// Regression testing of rules: inline examples and golden files, as `extract test` runs them.
#ifndef GLEAN_REGRESSION_H_
#define GLEAN_REGRESSION_H_

#include <string>
#include <vector>

#include "glean/diagnostic.h"
#include "glean/engine.h"
#include "glean/fact.h"

namespace glean {

struct RegressionOptions {
  std::string only;     // a glob over rule ids ("sanitation.*"); empty: every rule
  bool update = false;  // rewrite golden files with the new facts (write, then rename)
  bool force = false;   // update even while rule examples fail (else `update` refuses then)
  bool color = false;   // ANSI colour in the report (for a terminal)
};

// What a run found. A unit is one golden file or one rule example; each passes or fails.
struct RegressionReport {
  int passed = 0;
  int failed = 0;
  int todo = 0;  // examples marked `todo: true` that fail, as they are known to; not in `failed`
  std::string text;                  // readable report: one block per failure or update
  std::vector<std::string> updated;  // golden files written (with `update`)
  Diagnostics errors;  // inputs, folders or golden files that could not be read (each failed),
                       // and a warning naming what a folder walk skipped
};

// How facts differ. Facts are identified by (rule, start, end) and compared on fields (value,
// unit, approx, min, max, canonical, raw) and section; other keys, such as `sentence` or keys added
// to the output later, are not compared. A golden fact with no fact at its span and a new fact of
// the same rule over an overlapping span are one fact whose span changed (kChanged, with a
// "text:" detail), not a missing and an unexpected one.
struct FactDifference {
  enum class Kind { kMissing, kUnexpected, kChanged };
  Kind kind = Kind::kChanged;
  Fact golden;                       // set for kMissing and kChanged
  Fact actual;                       // set for kUnexpected and kChanged
  std::vector<std::string> details;  // for kChanged: "count: 60 户 → 61 户"
};

std::vector<FactDifference> CompareFacts(const std::vector<Fact>& golden,
                                         const std::vector<Fact>& actual);

// Where the golden facts of an input live: "reports/x.txt" → "reports/x.facts.jsonl".
std::string GoldenPathFor(const std::string& input);

// Runs every example of every rule (narrowed by `only`), then every input under `paths` (files, or
// directories searched for *.txt) that has a golden file; an input named explicitly must have one,
// unless `update` creates it, and an input in a directory without one is named in the report
// (not failed). With `update`, golden files are written only when no example fails (or `force`).
// The engine's rules are the rules under test.
RegressionReport RunRegression(const Engine& engine, const std::vector<std::string>& paths,
                               const RegressionOptions& options);

}  // namespace glean

#endif  // GLEAN_REGRESSION_H_
