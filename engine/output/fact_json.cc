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

namespace glean {

namespace {

std::optional<Decimal> JsonDecimal(const Json& json) {
  if (!json.is_number()) return std::nullopt;
  return Decimal::Parse(json.dump());
}

// Throws nlohmann's exceptions on a wrong shape; the caller turns them into a diagnostic.
Field FieldFromJson(const std::string& name, const Json& json) {
  Field field;
  field.name = name;
  const Json& value = json.at("value");
  if (value.is_number()) {
    std::optional<Decimal> number = JsonDecimal(value);
    if (!number) throw std::invalid_argument("value is not an exact decimal: " + value.dump());
    field.value = *number;
  } else if (value.is_string()) {
    field.value = value.get<std::string>();
  }
  if (json.contains("unit")) field.unit = json.at("unit").get<std::string>();
  if (json.contains("approx")) {
    const std::string approx = json.at("approx").get<std::string>();
    if (approx == "more")
      field.approx = Approx::kMore;
    else if (approx == "less")
      field.approx = Approx::kLess;
    else if (approx == "about")
      field.approx = Approx::kAbout;
    else
      throw std::invalid_argument("unknown approx '" + approx + "'");
  }
  if (json.contains("min")) field.min = JsonDecimal(json.at("min"));
  if (json.contains("max")) field.max = JsonDecimal(json.at("max"));
  if (json.contains("canonical")) {
    const Json& canonical = json.at("canonical");
    std::optional<Decimal> number = JsonDecimal(canonical.at("value"));
    if (!number) throw std::invalid_argument("canonical value is not a number");
    field.canonical = Canonical{*number, canonical.at("unit").get<std::string>()};
  }
  if (json.contains("raw")) field.raw = json.at("raw").get<std::string>();
  return field;
}

Fact FactFromJson(const Json& json) {
  Fact fact;
  fact.doc = json.at("doc").get<std::string>();
  fact.rule = json.at("rule").get<std::string>();
  fact.fact = json.at("fact").get<std::string>();
  fact.text = json.value("text", "");
  fact.start = json.at("start").get<uint64_t>();
  fact.end = json.at("end").get<uint64_t>();
  fact.line = json.value("line", 0);
  fact.column = json.value("column", 0);
  if (json.contains("fields")) {
    for (const auto& [name, field] : json.at("fields").items()) {
      fact.fields.push_back(FieldFromJson(name, field));
    }
  }
  if (json.contains("section")) fact.section = json.at("section").get<std::vector<std::string>>();
  fact.sentence = json.value("sentence", "");
  return fact;
}

}  // namespace

Result<std::vector<Fact>> ParseFactsJsonLines(std::string_view text, const std::string& file_name) {
  std::vector<Fact> facts;
  Diagnostics errors;
  int line_number = 0;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    ++line_number;
    std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    try {
      facts.push_back(FactFromJson(Json::parse(line)));
    } catch (const Json::parse_error& error) {
      errors.push_back(Diagnostic::Error("golden",
                                         {file_name, line_number, static_cast<int>(error.byte)},
                                         fmt::format("not a JSON fact: {}", error.what())));
    } catch (const std::exception& error) {
      errors.push_back(Diagnostic::Error("golden", {file_name, line_number, 1},
                                         fmt::format("not a fact: {}", error.what())));
    }
  }
  if (!errors.empty()) return Result<std::vector<Fact>>::Failure(std::move(errors));
  return facts;
}

}  // namespace glean
