#include <string>

#include "glean/rule_set.h"

namespace glean {

std::string RuleFileJsonSchema() {
  return R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://glean.invalid/schema/rule-file.json",
  "title": "glean rule file",
  "description": "Extraction rules for glean. See docs/rule-language.md.",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "normalize": {
      "description": "Normalization settings for the whole rule set.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "nfkc": {"type": "boolean", "description": "Unicode NFKC: full-width to ASCII (default true)."},
        "traditional_to_simplified": {"type": "boolean", "description": "Traditional to Simplified Chinese (default true)."},
        "drop_spaces": {"type": "boolean", "description": "Drop spaces between CJK characters and digits (default true)."},
        "join_lines": {"type": "boolean", "description": "Join lines broken inside a sentence (default true)."},
        "strip": {"type": "array", "items": {"type": "string"}, "description": "RE2 patterns removed before matching, added to the defaults."}
      }
    },
    "defs": {
      "description": "Named pattern fragments, used as {name} in patterns; visible to every file of the rule set.",
      "type": "object",
      "additionalProperties": {"type": "string"}
    },
    "units": {
      "description": "Units beyond the built-in table, read by quantity slots; visible to every file of the rule set. {} for a unit of its own, or a unit of the table it converts to.",
      "type": "object",
      "additionalProperties": {
        "anyOf": [
          {"type": "null"},
          {"type": "object", "additionalProperties": false, "required": ["base", "factor"],
           "properties": {"base": {"type": "string"}, "factor": {"type": ["number", "string"]}}}
        ]
      }
    },
    "rules": {
      "type": "array",
      "items": {"$ref": "#/$defs/rule"}
    }
  },
  "$defs": {
    "patterns": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
    "status": {"enum": ["result", "plan", "expected", "target"]},
    "rule": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "fact"],
      "oneOf": [{"required": ["pattern"]}, {"required": ["figure"]}],
      "properties": {
        "id": {"type": "string", "description": "Unique across the rule set, e.g. sanitation.toilets_renovated."},
        "fact": {"type": "string", "description": "Fact type; several rules may share one."},
        "pattern": {"type": "string", "description": "RE2 syntax plus {def} and typed slots {name:type}."},
        "figure": {
          "description": "Names figures of the figures stage instead of matching text; each key set must hold.",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "label": {"$ref": "#/$defs/patterns", "description": "Pattern(s) the figure's label must contain a match of."},
            "clause": {"$ref": "#/$defs/patterns", "description": "Pattern(s) for the clause before the figure."},
            "action": {"$ref": "#/$defs/patterns", "description": "Pattern(s) for the verb before the label (完成, 新增)."},
            "unit": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}], "description": "Unit (户, %) or unit with its magnitude (亿元)."},
            "status": {"oneOf": [{"$ref": "#/$defs/status"}, {"type": "array", "items": {"$ref": "#/$defs/status"}}]}
          }
        },
        "description": {"type": "string"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "enabled": {"type": "boolean", "description": "false keeps the rule checked but unused."},
        "fields": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "type": {"enum": ["int", "number", "quantity", "money", "percent", "date", "year", "text"]},
              "unit": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
            }
          }
        },
        "where": {
          "type": "object",
          "description": "Conditions on fields' numbers, such as {growth: '< 100'}; a list for several.",
          "additionalProperties": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
        },
        "unless": {"type": "string", "description": "Drop a match whose sentence matches this pattern."},
        "within": {"type": "string", "description": "Keep only matches with an enclosing heading matching this."},
        "not_within": {"type": "string", "description": "Drop matches with an enclosing heading matching this."},
        "priority": {"type": "integer", "description": "Higher wins an overlap of the same fact type."},
        "fallback": {"type": "boolean", "description": "Figure rules only: give a fact only for a figure no other rule's fact covers."},
        "examples": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["text", "expect"],
            "properties": {
              "text": {"type": "string"},
              "todo": {"type": "boolean", "description": "A known miss: reported, not failed, until it passes."},
              "expect": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": {
                    "oneOf": [
                      {"type": ["string", "number"]},
                      {"type": "null", "description": "The fact must not have this field."},
                      {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "value": {"type": ["string", "number"]},
                          "unit": {"type": "string"},
                          "approx": {"enum": ["more", "less", "about", ""]},
                          "min": {"type": ["string", "number"]},
                          "max": {"type": ["string", "number"]}
                        }
                      }
                    ]
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
)json";
}

}  // namespace glean
