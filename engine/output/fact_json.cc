#include <charconv>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/source/byte_search.h"
#include "engine/source/utf8_validate.h"
#include "glean/output.h"

namespace glean {

namespace {

// Facts are written directly rather than through a JSON object model: this is the hot path of
// a run that prints thousands of facts per megabyte, and building and destroying a tree per fact
// cost more than the matching. Reading them back (golden files) goes through nlohmann::json.

// Writes one line into space sized beforehand for its worst case (every byte of every string
// escaped as \u00XX), so each piece is a copy, not a call that checks and grows the string.
class LineWriter {
 public:
  explicit LineWriter(char* at) : at_(at) {}

  char* at() const { return at_; }

  void Raw(std::string_view text) {
    std::memcpy(at_, text.data(), text.size());
    at_ += text.size();
  }

  void Number(const Decimal& value) { at_ = value.Write(at_); }

  template <typename Integer>
  void Number(Integer value) {
    at_ = std::to_chars(at_, at_ + kMaxInteger, value).ptr;
  }

  // A JSON string: quotes, backslashes and control characters escaped; UTF-8 kept as it is (the
  // text is valid UTF-8: it comes from the decoder). Almost every string needs no escape: that
  // case is one scan and one copy, and the rest is out of line.
  void String(std::string_view text) {
    *at_++ = '"';
    const size_t clean = source::FindByte<0x20, '"', '\\'>(text, 0);
    Raw(text.substr(0, clean));
    if (clean < text.size()) Escaped(text, clean);
    *at_++ = '"';
  }

  // A file name, which need not be UTF-8: each byte that is not part of a UTF-8 character is
  // written as the four characters \xNN (as Python's backslashreplace does), so the line stays
  // valid JSON and the name stays readable. Fits the room of String: 5 bytes for 1.
  void Path(std::string_view path) {
    // Every fact names its document, and most names are ASCII: one pass of ORs says so for less
    // than the validator's set-up costs.
    unsigned char high = 0;
    for (const char c : path) high |= static_cast<unsigned char>(c);
    if (high < 0x80 || source::IsValidUtf8(path)) {
      String(path);
      return;
    }
    std::string readable;
    for (size_t at = 0; at < path.size();) {
      const size_t length = source::ValidSequenceLength(path, at);
      if (length == 0) {
        readable += fmt::format("\\x{:02X}", static_cast<unsigned char>(path[at]));
        ++at;
      } else {
        readable.append(path, at, length);
        at += length;
      }
    }
    String(readable);
  }

  // The rest of a string from `from`, a byte that needs an escape.
  [[gnu::noinline]] void Escaped(std::string_view text, size_t from) {
    size_t run = from;
    for (size_t i = from; i < text.size(); i = source::FindByte<0x20, '"', '\\'>(text, i + 1)) {
      Raw(text.substr(run, i - run));
      run = i + 1;
      const auto c = static_cast<unsigned char>(text[i]);
      switch (c) {
        case '"':
          Raw("\\\"");
          break;
        case '\\':
          Raw("\\\\");
          break;
        case '\n':
          Raw("\\n");
          break;
        case '\r':
          Raw("\\r");
          break;
        case '\t':
          Raw("\\t");
          break;
        default: {
          constexpr char kHex[] = "0123456789abcdef";
          const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
          Raw(std::string_view(escaped, sizeof escaped));
        }
      }
    }
    Raw(text.substr(run));
  }

  void Field(const glean::Field& field) {
    Raw("{\"value\":");
    if (const Decimal* number = std::get_if<Decimal>(&field.value)) {
      Number(*number);  // exact: 7250, 97.5, never 7249.9999
    } else if (const std::string* text = std::get_if<std::string>(&field.value)) {
      String(*text);
    } else {
      Raw("null");
    }
    if (!field.unit.empty()) {
      Raw(",\"unit\":");
      String(field.unit);
    }
    if (field.approx != Approx::kExact) {
      Raw(",\"approx\":");
      String(ApproxName(field.approx));
    }
    if (field.min) {
      Raw(",\"min\":");
      Number(*field.min);
    }
    if (field.max) {
      Raw(",\"max\":");
      Number(*field.max);
    }
    if (field.canonical) {
      Raw(",\"canonical\":{\"value\":");
      Number(field.canonical->value);
      Raw(",\"unit\":");
      String(field.canonical->unit);
      *at_++ = '}';
    }
    Raw(",\"raw\":");
    String(field.raw);
    *at_++ = '}';
  }

  static constexpr size_t kMaxInteger = 24;
  // Room for a string written by String, and for a field written by Field.
  static size_t StringRoom(std::string_view text) { return 2 + 6 * text.size(); }
  static size_t FieldRoom(const glean::Field& field) {
    constexpr size_t kKeysAndNumbers = 128 + 4 * (kMaxDecimal + 8);
    size_t room =
        kKeysAndNumbers + StringRoom(field.name) + StringRoom(field.unit) + StringRoom(field.raw);
    if (const std::string* text = std::get_if<std::string>(&field.value)) room += StringRoom(*text);
    if (field.canonical) room += StringRoom(field.canonical->unit);
    return room;
  }

 private:
  static constexpr size_t kMaxDecimal = glean::Decimal::kMaxChars;
  char* at_;
};

// The line itself, into space that holds its worst case; sets `*end` past its last byte.
void WriteLine(const Fact& fact, LineWriter line, char** end) {
  line.Raw("{\"doc\":");
  line.Path(fact.doc);
  line.Raw(",\"rule\":");
  line.String(fact.rule);
  line.Raw(",\"fact\":");
  line.String(fact.fact);
  line.Raw(",\"text\":");
  line.String(fact.text);
  line.Raw(",\"start\":");
  line.Number(fact.start);
  line.Raw(",\"end\":");
  line.Number(fact.end);
  line.Raw(",\"line\":");
  line.Number(fact.line);
  line.Raw(",\"column\":");
  line.Number(fact.column);
  line.Raw(",\"fields\":{");
  for (size_t i = 0; i < fact.fields.size(); ++i) {
    if (i > 0) line.Raw(",");
    line.String(fact.fields[i].name);
    line.Raw(":");
    line.Field(fact.fields[i]);
  }
  line.Raw("},\"section\":[");
  for (size_t i = 0; i < fact.section.size(); ++i) {
    if (i > 0) line.Raw(",");
    line.String(fact.section[i]);
  }
  line.Raw("]");
  if (fact.period.known()) {
    line.Raw(",\"period\":\"");
    line.Number(fact.period.first);
    if (fact.period.last != fact.period.first) {
      line.Raw("-");
      line.Number(fact.period.last);
    }
    line.Raw("\"");
  }
  line.Raw(",\"status\":\"");
  line.Raw(FigureStatusName(fact.status));
  line.Raw("\"");
  if (fact.excepted != FigureExcept::kNone) {
    line.Raw(",\"excepted\":\"");
    line.Raw(FigureExceptName(fact.excepted));
    line.Raw("\"");
  }
  if (!fact.sentence.empty()) {
    line.Raw(",\"sentence\":");
    line.String(fact.sentence);
  }
  line.Raw("}");
  *end = line.at();
}

}  // namespace

std::string FactToJsonLine(const Fact& fact) {
  std::string out;
  AppendFactJsonLine(fact, &out);
  return out;
}

void AppendFactJsonLine(const Fact& fact, std::string* out) {
  constexpr size_t kKeysAndNumbers = 256 + 6 * LineWriter::kMaxInteger;  // period: two integers
  size_t room = kKeysAndNumbers + LineWriter::StringRoom(fact.doc) +
                LineWriter::StringRoom(fact.rule) + LineWriter::StringRoom(fact.fact) +
                LineWriter::StringRoom(fact.text) + LineWriter::StringRoom(fact.sentence);
  for (const Field& field : fact.fields) room += 2 + LineWriter::FieldRoom(field);
  for (const std::string& heading : fact.section) room += 1 + LineWriter::StringRoom(heading);
  // Most lines fit a buffer on the stack, copied out once; a longer worst case is written in
  // place (resizing first fills the room with zeros, which costs more than the copy).
  char stack[4096];
  const bool in_place = room > sizeof stack;
  const size_t start = out->size();
  if (in_place) out->resize(start + room);
  char* const begin = in_place ? out->data() + start : stack;
  char* end_of_line = nullptr;
  WriteLine(fact, LineWriter(begin), &end_of_line);
  if (in_place) {
    out->resize(start + static_cast<size_t>(end_of_line - begin));
  } else {
    out->append(stack, end_of_line);
  }
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

// The text of every non-integer number of a line as written: nlohmann keeps such a number as a
// double, which holds some 17 digits, and a golden value must compare digit for digit.
using RawNumbers = std::map<const Json*, std::string>;

// Collects numbers' texts in the order they occur, beside the tree nlohmann builds.
class NumberTexts : public nlohmann::detail::json_sax_dom_parser<Json> {
 public:
  NumberTexts(Json& json, std::vector<std::string>* texts)
      : json_sax_dom_parser(json, true), texts_(texts) {}
  bool number_float(Json::number_float_t value, const std::string& text) {
    texts_->push_back(text);
    return json_sax_dom_parser::number_float(value, text);
  }

 private:
  std::vector<std::string>* texts_;
};

void MapNumbers(const Json& json, const std::vector<std::string>& texts, size_t* next,
                RawNumbers* raw) {
  if (json.is_number_float()) {
    if (*next < texts.size()) (*raw)[&json] = texts[(*next)++];
  } else if (json.is_structured()) {
    for (const Json& item : json) MapNumbers(item, texts, next, raw);
  }
}

std::optional<Decimal> JsonDecimal(const Json& json, const RawNumbers& raw) {
  if (!json.is_number()) return std::nullopt;
  if (auto it = raw.find(&json); it != raw.end()) return Decimal::Parse(it->second);
  return Decimal::Parse(json.dump());
}

// Throws nlohmann's exceptions on a wrong shape; the caller turns them into a diagnostic.
Field FieldFromJson(const std::string& name, const Json& json, const RawNumbers& raw) {
  Field field;
  field.name = name;
  const Json& value = json.at("value");
  if (value.is_number()) {
    std::optional<Decimal> number = JsonDecimal(value, raw);
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
  if (json.contains("min")) field.min = JsonDecimal(json.at("min"), raw);
  if (json.contains("max")) field.max = JsonDecimal(json.at("max"), raw);
  if (json.contains("canonical")) {
    const Json& canonical = json.at("canonical");
    std::optional<Decimal> number = JsonDecimal(canonical.at("value"), raw);
    if (!number) throw std::invalid_argument("canonical value is not a number");
    field.canonical = Canonical{*number, canonical.at("unit").get<std::string>()};
  }
  if (json.contains("raw")) field.raw = json.at("raw").get<std::string>();
  return field;
}

// "2025" or "2021-2025".
bool ParsePeriod(std::string_view text, Period* period) {
  const auto year = [](std::string_view digits, int* value) {
    if (digits.size() != 4) return false;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), *value);
    return error == std::errc() && end == digits.data() + digits.size();
  };
  const size_t dash = text.find('-');
  if (dash == std::string_view::npos) {
    if (!year(text, &period->first)) return false;
    period->last = period->first;
    return true;
  }
  return year(text.substr(0, dash), &period->first) && year(text.substr(dash + 1), &period->last) &&
         period->first <= period->last;
}

// A whole number from 0 to `max`, or throws: a cast from anything else (-1, 1e81) would be
// undefined or silently wrong.
uint64_t WholeNumber(const Json& json, const char* key, uint64_t max) {
  const Json& value = json.at(key);
  if (!value.is_number_unsigned() || value.get<uint64_t>() > max) {
    throw std::invalid_argument(
        fmt::format("'{}' must be a whole number from 0 to {}, not {}", key, max, value.dump()));
  }
  return value.get<uint64_t>();
}

Fact FactFromJson(const Json& json, const RawNumbers& raw) {
  Fact fact;
  fact.doc = json.at("doc").get<std::string>();
  fact.rule = json.at("rule").get<std::string>();
  fact.fact = json.at("fact").get<std::string>();
  fact.text = json.value("text", "");
  fact.start = WholeNumber(json, "start", UINT64_MAX);
  fact.end = WholeNumber(json, "end", UINT64_MAX);
  if (fact.start > fact.end) {
    throw std::invalid_argument(
        fmt::format("'start' ({}) is after 'end' ({})", fact.start, fact.end));
  }
  constexpr auto kMaxInt = static_cast<uint64_t>(std::numeric_limits<int>::max());
  if (json.contains("line")) fact.line = static_cast<int>(WholeNumber(json, "line", kMaxInt));
  if (json.contains("column")) {
    fact.column = static_cast<int>(WholeNumber(json, "column", kMaxInt));
  }
  if (json.contains("fields")) {
    for (const auto& [name, field] : json.at("fields").items()) {
      fact.fields.push_back(FieldFromJson(name, field, raw));
    }
  }
  if (json.contains("section")) fact.section = json.at("section").get<std::vector<std::string>>();
  if (json.contains("period")) {
    const std::string period = json.at("period").get<std::string>();
    if (!ParsePeriod(period, &fact.period)) {
      throw std::invalid_argument("period is not a year or a range of years: '" + period + "'");
    }
  }
  if (json.contains("status")) {
    const std::string status = json.at("status").get<std::string>();
    if (!ParseFigureStatus(status, &fact.status)) {
      throw std::invalid_argument("unknown status '" + status + "'");
    }
  }
  if (json.contains("excepted")) {
    const std::string excepted = json.at("excepted").get<std::string>();
    if (!ParseFigureExcept(excepted, &fact.excepted)) {
      throw std::invalid_argument("unknown exception '" + excepted + "'");
    }
  }
  fact.sentence = json.value("sentence", "");
  return fact;
}

Fact ParseFactLine(std::string_view line) {
  Json json;
  std::vector<std::string> texts;
  NumberTexts handler(json, &texts);
  Json::sax_parse(line.begin(), line.end(), &handler);
  RawNumbers raw;
  size_t next = 0;
  MapNumbers(json, texts, &next, &raw);
  // A key given twice keeps one value in the tree but both numbers in the list: then the texts
  // cannot be matched to the tree, and the doubles are used.
  if (next != texts.size()) raw.clear();
  return FactFromJson(json, raw);
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
      facts.push_back(ParseFactLine(line));
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
