#include "glean/diagnostic.h"

#include <algorithm>
#include <utility>

namespace glean {

Diagnostic Diagnostic::Error(std::string code, SourceLocation location, std::string message) {
  return Diagnostic{Severity::kError, std::move(code), std::move(location), std::move(message), {}};
}

Diagnostic Diagnostic::Warning(std::string code, SourceLocation location, std::string message) {
  return Diagnostic{
      Severity::kWarning, std::move(code), std::move(location), std::move(message), {}};
}

std::string Diagnostic::ToString() const {
  std::string out = location.file;
  if (location.line > 0) {
    out += ':' + std::to_string(location.line);
    if (location.column > 0) out += ':' + std::to_string(location.column);
  }
  if (!out.empty()) out += ": ";
  out += severity == Severity::kError ? "error" : "warning";
  if (!code.empty()) out += '[' + code + ']';
  out += ": ";
  out += message;
  if (!rule_id.empty()) out += " (rule " + rule_id + ")";
  return out;
}

bool HasErrors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

}  // namespace glean
