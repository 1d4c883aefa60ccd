#include <charconv>
#include <cstdlib>
#include <iterator>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/source/byte_search.h"
#include "glean/output.h"

namespace glean {

namespace {

// Facts are written directly rather than through a JSON object model: this is the hot path of
// a run that prints thousands of facts per megabyte, and building and destroying a tree per fact
// cost more than the matching. Reading them back (golden files) goes through nlohmann::json.

// A JSON string: quotes, backslashes and control characters escaped; UTF-8 kept as it is (the
// text is valid UTF-8: it comes from the decoder).
void AppendString(std::string_view text, std::string* out) {
  out->push_back('"');
  size_t run = 0;
  for (size_t i = source::FindByte(text, 0, {'"', '\\'}, 0x20); i < text.size();
       i = source::FindByte(text, i + 1, {'"', '\\'}, 0x20)) {
    const auto c = static_cast<unsigned char>(text[i]);
    out->append(text.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        out->append(fmt::format("\\u{:04x}", c));
    }
  }
  out->append(text.substr(run));
  out->push_back('"');
}

template <typename Integer>
void AppendInteger(Integer value, std::string* out) {
  char digits[24];
  const auto result = std::to_chars(std::begin(digits), std::end(digits), value);
  out->append(digits, result.ptr);
}

void AppendKey(std::string_view key, std::string* out) {
  AppendString(key, out);
  out->push_back(':');
}

void AppendField(const Field& field, std::string* out) {
  out->append("{\"value\":");
  if (const Decimal* number = std::get_if<Decimal>(&field.value)) {
    out->append(number->ToString());  // exact: 7250, 97.5, never 7249.9999
  } else if (const std::string* text = std::get_if<std::string>(&field.value)) {
    AppendString(*text, out);
  } else {
    out->append("null");
  }
  if (!field.unit.empty()) {
    out->append(",\"unit\":");
    AppendString(field.unit, out);
  }
  if (field.approx != Approx::kExact) {
    out->append(",\"approx\":");
    AppendString(ApproxName(field.approx), out);
  }
  if (field.min) out->append(",\"min\":").append(field.min->ToString());
  if (field.max) out->append(",\"max\":").append(field.max->ToString());
  if (field.canonical) {
    out->append(",\"canonical\":{\"value\":").append(field.canonical->value.ToString());
    out->append(",\"unit\":");
    AppendString(field.canonical->unit, out);
    out->push_back('}');
  }
  out->append(",\"raw\":");
  AppendString(field.raw, out);
  out->push_back('}');
}

}  // namespace

std::string FactToJsonLine(const Fact& fact) {
  std::string out;
  out.reserve(256 + fact.text.size() * 2);
  AppendFactJsonLine(fact, &out);
  return out;
}

void AppendFactJsonLine(const Fact& fact, std::string* out) {
  out->append("{\"doc\":");
  AppendString(fact.doc, out);
  out->append(",\"rule\":");
  AppendString(fact.rule, out);
  out->append(",\"fact\":");
  AppendString(fact.fact, out);
  out->append(",\"text\":");
  AppendString(fact.text, out);
  out->append(",\"start\":");
  AppendInteger(fact.start, out);
  out->append(",\"end\":");
  AppendInteger(fact.end, out);
  out->append(",\"line\":");
  AppendInteger(fact.line, out);
  out->append(",\"column\":");
  AppendInteger(fact.column, out);
  out->append(",\"fields\":{");
  for (size_t i = 0; i < fact.fields.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendKey(fact.fields[i].name, out);
    AppendField(fact.fields[i], out);
  }
  out->append("},\"section\":[");
  for (size_t i = 0; i < fact.section.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendString(fact.section[i], out);
  }
  out->push_back(']');
  if (!fact.sentence.empty()) {
    out->append(",\"sentence\":");
    AppendString(fact.sentence, out);
  }
  out->push_back('}');
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

using Json = nlohmann::ordered_json;

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
