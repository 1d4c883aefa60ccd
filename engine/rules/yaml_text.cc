#include "engine/rules/yaml_text.h"

#include <vector>

#include <fmt/format.h>

namespace glean::rules {

namespace {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    begin = end + 1;
  }
  return lines;
}

size_t Indentation(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

bool Blank(std::string_view line) {
  const size_t first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#';
}

// Where the quoted value opening at `lines[*line][*at]` closes: moves `*line`, `*at` just past the
// closing quote and returns true, or returns false when it is never closed (see CheckYamlText).
bool SkipQuoted(const std::vector<std::string_view>& lines, size_t* line, size_t* at) {
  const char quote = lines[*line][*at];
  const size_t opening_indent = Indentation(lines[*line]);
  size_t i = *at + 1;
  for (size_t l = *line; l < lines.size(); ++l, i = 0) {
    const std::string_view text = lines[l];
    if (l != *line && !Blank(text) && Indentation(text) <= opening_indent) return false;
    for (; i < text.size(); ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;
          continue;
        }
        *line = l;
        *at = i + 1;
        return true;
      }
    }
  }
  return false;
}

}  // namespace

int CodePointColumn(std::string_view line, size_t offset) {
  int column = 1;
  for (size_t i = 0; i < offset && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

Diagnostics CheckYamlText(const std::string& file, std::string_view text) {
  Diagnostics errors;
  const std::vector<std::string_view> lines = SplitLines(text);
  size_t block_indent = std::string_view::npos;  // inside a block scalar (| or >) of a key
  for (size_t l = 0; l < lines.size(); ++l) {
    std::string_view line = lines[l];
    const size_t indent = Indentation(line);
    if (block_indent != std::string_view::npos) {
      if (Blank(line) || indent > block_indent) continue;
      block_indent = std::string_view::npos;
    }
    if (indent < line.size() && line[indent] == '\t') {
      errors.push_back(
          Diagnostic::Error("yaml", {file, static_cast<int>(l) + 1, CodePointColumn(line, indent)},
                            "a tab in the indentation; YAML indents with spaces only"));
      continue;
    }
    // Walk the line from value start to value start: after indentation and '- ', after 'key: ',
    // and in a flow collection after '[', '{' and ','.
    int flow = 0;
    bool value_start = true;
    for (size_t i = indent; i < lines[l].size();) {
      line = lines[l];
      const char c = line[i];
      if (c == ' ') {
        ++i;
        continue;
      }
      if (c == '#' && (i == 0 || line[i - 1] == ' ')) break;
      if (value_start && c == '-' && (i + 1 == line.size() || line[i + 1] == ' ')) {
        ++i;
        continue;
      }
      if (value_start && (c == '\'' || c == '"')) {
        const size_t open_line = l, open_at = i;
        if (!SkipQuoted(lines, &l, &i)) {
          errors.push_back(Diagnostic::Error(
              "yaml",
              {file, static_cast<int>(open_line) + 1, CodePointColumn(lines[open_line], open_at)},
              c == '\''
                  ? "unclosed quote ': the text runs on into the next keys; close it, or write a "
                    "' inside the text as ''"
                  : "unclosed quote \": the text runs on into the next keys; close it, or write "
                    "a \" inside the text as \\\""));
          return errors;  // what follows is misread from here on
        }
        value_start = false;
        continue;
      }
      if (value_start && (c == '|' || c == '>') && flow == 0) {
        block_indent = indent;
        break;
      }
      if (c == '[' || c == '{') {
        if (value_start) ++flow;
        ++i;
        continue;
      }
      if (flow > 0 && (c == ']' || c == '}')) {
        --flow;
        value_start = false;
        ++i;
        continue;
      }
      if (flow > 0 && c == ',') {
        value_start = true;
        ++i;
        continue;
      }
      if (c == ':' &&
          (i + 1 == line.size() || line[i + 1] == ' ' || (flow > 0 && line[i + 1] != ':'))) {
        value_start = true;
        ++i;
        continue;
      }
      value_start = false;
      ++i;
    }
  }
  return errors;
}

std::string PlainYamlError(std::string_view text, int line, const std::string& message,
                           int* column) {
  const std::vector<std::string_view> lines = SplitLines(text);
  if (line >= 0 && static_cast<size_t>(line) < lines.size()) {
    const std::string_view at = lines[line];
    // `pattern: {count:int}户` reads as a YAML map, which then ends too early.
    const size_t colon = at.find(": {");
    if (colon != std::string_view::npos && at.find('}', colon) != std::string_view::npos &&
        at.find_last_not_of(" ") != at.find('}', colon)) {
      const std::string_view key = at.substr(0, colon).substr(Indentation(at));
      const std::string_view value = at.substr(colon + 2);
      *column = CodePointColumn(at, colon + 2);
      return fmt::format("a value starting with '{{' reads as a YAML map; quote it: {}: '{}'",
                         key.substr(key.find_first_not_of("- ") == std::string_view::npos
                                        ? 0
                                        : key.find_first_not_of("- ")),
                         value);
    }
  }
  if (message == "illegal map value") {
    return "a 'key:' where no key can be: is this line indented more than the keys beside it?";
  }
  if ((message == "end of map not found" || message == "end of sequence not found") && line >= 0 &&
      static_cast<size_t>(line) < lines.size()) {
    return fmt::format(
        "bad indentation: this line is indented {} spaces, like no key or list item above it; "
        "indent it as the keys of its map",
        Indentation(lines[line]));
  }
  if (message == "illegal tab when looking for indentation") {
    return "a tab in the indentation; YAML indents with spaces only";
  }
  return message;
}

}  // namespace glean::rules
