#include <cstdlib>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "glean/output.h"

namespace glean {

namespace {

using Json = nlohmann::ordered_json;

// Integers print as integers; other decimals go through double, whose shortest round-trip form
// is the decimal's own digits for every value a report states (at most 17 significant digits).
Json NumberJson(const Decimal& number) {
  if (number.IsInteger()) {
    if (number.scale() == 0) return Json(number.mantissa());
    return Json(static_cast<int64_t>(std::strtoll(number.ToString().c_str(), nullptr, 10)));
  }
  return Json(std::strtod(number.ToString().c_str(), nullptr));
}

Json FieldJson(const Field& field) {
  Json json = Json::object();
  if (const Decimal* number = std::get_if<Decimal>(&field.value)) {
    json["value"] = NumberJson(*number);
  } else if (const std::string* text = std::get_if<std::string>(&field.value)) {
    json["value"] = *text;
  } else {
    json["value"] = nullptr;
  }
  if (!field.unit.empty()) json["unit"] = field.unit;
  if (field.approx != Approx::kExact) json["approx"] = ApproxName(field.approx);
  if (field.min) json["min"] = NumberJson(*field.min);
  if (field.max) json["max"] = NumberJson(*field.max);
  if (field.canonical) {
    json["canonical"] = {{"value", NumberJson(field.canonical->value)},
                         {"unit", field.canonical->unit}};
  }
  json["raw"] = field.raw;
  return json;
}

}  // namespace

std::string FactToJsonLine(const Fact& fact) {
  Json json;
  json["doc"] = fact.doc;
  json["rule"] = fact.rule;
  json["fact"] = fact.fact;
  json["text"] = fact.text;
  json["start"] = fact.start;
  json["end"] = fact.end;
  json["line"] = fact.line;
  json["column"] = fact.column;
  Json fields = Json::object();
  for (const Field& field : fact.fields) fields[field.name] = FieldJson(field);
  json["fields"] = std::move(fields);
  json["section"] = fact.section;
  if (!fact.sentence.empty()) json["sentence"] = fact.sentence;
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string FormatOutline(const Document& document) {
  std::string out;
  for (const Heading& heading : document.headings()) {
    out += fmt::format("{:>5}  {:{}}{}\n", heading.line, "", 2 * (heading.level - 1), heading.text);
  }
  return out;
}

}  // namespace glean
