// Diagnostics: what glean says about a rule file or an input when something is wrong or notable.
//
// Every problem a user can cause (a malformed rule, an undecodable input) becomes a Diagnostic with
// a stable code and, where there is one, a position; the library never throws across its API and
// never prints. Callers decide where diagnostics go.
#ifndef GLEAN_DIAGNOSTIC_H_
#define GLEAN_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace glean {

enum class Severity { kError, kWarning };

// A position in a file. `line` and `column` are 1-based, `column` counts code points; 0 means
// unknown (then the position prints as just the file, or file:line).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;  // stable, kebab-case: "unknown-key", "regex", "decode", ...
  SourceLocation location;
  std::string message;
  std::string rule_id;  // empty when the diagnostic is not about one rule

  static Diagnostic Error(std::string code, SourceLocation location, std::string message);
  static Diagnostic Warning(std::string code, SourceLocation location, std::string message);

  // One stable line: "rules/roads.yaml:12:5: error[unknown-key]: unknown key 'patern'".
  std::string ToString() const;
};

using Diagnostics = std::vector<Diagnostic>;

// True when any diagnostic in `diagnostics` is an error.
bool HasErrors(const Diagnostics& diagnostics);

}  // namespace glean

#endif  // GLEAN_DIAGNOSTIC_H_
