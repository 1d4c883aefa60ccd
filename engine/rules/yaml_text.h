// The mistakes in a rule file's YAML that yaml-cpp reports late, in its own terms, or not at all,
// found in the raw text and said in plain words at the place of the mistake.
//
// By design this is no second YAML parser: it reads just enough of the text (where a value starts,
// where a quoted value ends, block scalars, comments) to place an unclosed quote or a tab, and
// rewords yaml-cpp's own errors once it has thrown them.
#ifndef GLEAN_ENGINE_RULES_YAML_TEXT_H_
#define GLEAN_ENGINE_RULES_YAML_TEXT_H_

#include <string>
#include <string_view>

#include "glean/diagnostic.h"

namespace glean::rules {

// Errors ("yaml") for an unclosed quote, at its opening quote, and for a tab in a line's
// indentation. A quoted value may run over several lines, as YAML allows, as long as every line
// it runs on is indented more than the line it opens on: a line indented less is the next key,
// which an unclosed quote would swallow.
Diagnostics CheckYamlText(const std::string& file, std::string_view text);

// yaml-cpp's message for an error on 0-based `line`, in plain words where it has a usual cause
// (bad indentation, an unquoted value starting with '{'); else the message as it is. Sets
// `*column` (1-based) when the mistake is elsewhere on the line than yaml-cpp says.
std::string PlainYamlError(std::string_view text, int line, const std::string& message,
                           int* column);

// The 1-based code-point column of byte `offset` in `line`.
int CodePointColumn(std::string_view line, size_t offset);

}  // namespace glean::rules

#endif  // GLEAN_ENGINE_RULES_YAML_TEXT_H_
