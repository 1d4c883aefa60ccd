// Issue 21: the raw-text checks of a rule file accept every well-formed quoting and place an
// unclosed quote at its opening quote.
#include <doctest/doctest.h>

#include <string>

#include "engine/rules/yaml_text.h"

namespace glean::rules {
namespace {

std::string Messages(const std::string& text) {
  std::string out;
  for (const Diagnostic& d : CheckYamlText("r.yaml", text)) out += d.ToString() + "\n";
  return out;
}

TEST_CASE("yaml text: well-formed quoting is accepted") {
  const char* const texts[] = {
      "a: 'it''s'\nb: \"say \\\"hi\\\"\"\n",
      "a: 改'厕\"户\n",                                   // quotes inside a plain value
      "a: |\n  it's \"open\n  still\nb: x\n",             // a block scalar
      "expect: [{count: '60', unit: \"户\"}, {n: 1}]\n",  // flow collections
      "a: x  # it's a comment\n",
      "a: 'runs\n  on' \nb: \"and\n   on\"\n",  // multi-line values, indented
      "- 'x'\n- - \"y\"\n",
      "'key': 'value'\n",
  };
  for (const char* text : texts) {
    INFO(text);
    CHECK(Messages(text) == "");
  }
}

TEST_CASE("yaml text: an unclosed quote is an error at its opening quote") {
  CHECK(Messages("rules:\n  - id: a\n    pattern: '改厕\n  - id: b\n    pattern: 'x'\n") ==
        "r.yaml:3:14: error[yaml]: unclosed quote ': the text runs on into the next keys; close "
        "it, or write a ' inside the text as ''\n");
  CHECK(Messages("a: 'x''\n") ==
        "r.yaml:1:4: error[yaml]: unclosed quote ': the text runs on into the next keys; close "
        "it, or write a ' inside the text as ''\n");
  CHECK(Messages("a: x\nb: [\"改厕, 1]\n") ==
        "r.yaml:2:5: error[yaml]: unclosed quote \": the text runs on into the next keys; close "
        "it, or write a \" inside the text as \\\"\n");
}

TEST_CASE("yaml text: a tab in the indentation is an error where it is") {
  CHECK(Messages("a:\n  b: 1\n\tc: 2\n") ==
        "r.yaml:3:1: error[yaml]: a tab in the indentation; YAML indents with spaces only\n");
}

}  // namespace
}  // namespace glean::rules
