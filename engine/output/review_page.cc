// The review page (glean/review_page.h). The C++ side places each fact in the original text and
// writes the data; rendering is the page script's (review_page_script.cc), so the page's size
// grows with the text and the facts, not with the markup of every highlight.
#include "glean/review_page.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/output/review_page_script.h"
#include "engine/source/decoder.h"

namespace glean {

namespace {

using Json = nlohmann::ordered_json;

constexpr char kFigureRule[] = "builtin.figure";
constexpr char kDocumentRule[] = "builtin.document";

// The smallest offset of the decoded text whose input offset (MapStart for a start, MapEnd for an
// end) reaches `input_offset`: the map runs from decoded text to input, and both sides only grow.
size_t DecodedOffset(const source::OffsetMap& map, uint64_t input_offset, bool end) {
  size_t low = 0, high = map.to_size();
  while (low < high) {
    const size_t middle = low + (high - low) / 2;
    const size_t mapped = end ? map.MapEnd(middle) : map.MapStart(middle);
    if (mapped < input_offset) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

// Turns byte offsets of valid UTF-8 into offsets in UTF-16 code units, the unit of a JavaScript
// string, in one pass over the text for all of them.
void ToUtf16Offsets(std::string_view text, std::vector<size_t*> offsets) {
  std::sort(offsets.begin(), offsets.end(), [](size_t* a, size_t* b) { return *a < *b; });
  size_t byte = 0, units = 0;
  for (size_t* offset : offsets) {
    for (; byte < *offset && byte < text.size(); ++byte) {
      const auto c = static_cast<unsigned char>(text[byte]);
      if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;  // four bytes: a surrogate pair
    }
    *offset = units;
  }
}

std::string FieldValueText(const Field& field) {
  if (const Decimal* number = std::get_if<Decimal>(&field.value)) {
    if (field.min && field.max) return field.min->ToString() + "–" + field.max->ToString();
    return number->ToString();
  }
  if (const std::string* text = std::get_if<std::string>(&field.value)) return *text;
  return "";
}

Json FieldsJson(const std::vector<Field>& fields) {
  Json out = Json::array();
  for (const Field& field : fields) {
    out.push_back({{"name", field.name},
                   {"value", FieldValueText(field)},
                   {"unit", field.unit},
                   {"approx", ApproxName(field.approx)}});
  }
  return out;
}

// JSON inside a <script> element ends at the first "</": every '<' is written as its escape,
// which JSON allows inside strings, the only place one can be.
std::string ScriptSafe(const Json& json) {
  const std::string text = json.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (const char c : text) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

std::string HtmlEscaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

ReviewPage::ReviewPage(std::function<void(std::string_view)> write, std::string_view title)
    : write_(std::move(write)) {
  std::string head = output::kReviewPageHead;
  const std::string escaped = HtmlEscaped(title);
  for (size_t at = head.find("@TITLE@"); at != std::string::npos; at = head.find("@TITLE@", at)) {
    head.replace(at, 7, escaped);
    at += escaped.size();
  }
  write_(head);
}

Diagnostics ReviewPage::Add(const DocumentRecord& document, std::string_view input,
                            Encoding encoding, const std::vector<Fact>& facts) {
  Result<source::DecodedText> decoded = source::Decode(input, encoding, document.doc);
  Diagnostics diagnostics;
  if (!decoded.ok()) {
    for (const Diagnostic& diagnostic : decoded.diagnostics()) {
      if (diagnostic.severity == Severity::kError) diagnostics.push_back(diagnostic);
    }
    return diagnostics;
  }
  const source::DecodedText& text = decoded.value();

  struct Placed {
    const Fact* fact;
    size_t start, end;
    bool placed;
  };
  std::vector<Placed> placed;
  placed.reserve(facts.size());
  for (const Fact& fact : facts) {
    if (fact.rule == kDocumentRule) continue;
    Placed place{&fact, 0, 0, fact.start <= fact.end && fact.end <= input.size()};
    if (place.placed) {
      place.start = DecodedOffset(text.map, fact.start, false);
      place.end = std::max(place.start, DecodedOffset(text.map, fact.end, true));
      place.placed = text.map.MapStart(place.start) == fact.start;
    }
    if (!place.placed) {
      diagnostics.push_back(Diagnostic::Warning(
          "output", {document.doc, fact.line, fact.column},
          fmt::format("fact of rule '{}' at bytes {}-{} does not fit the input ({} bytes); listed "
                      "without a highlight",
                      fact.rule, fact.start, fact.end, input.size())));
    }
    placed.push_back(place);
  }
  std::vector<size_t*> offsets;
  offsets.reserve(placed.size() * 2);
  for (Placed& place : placed) {
    offsets.push_back(&place.start);
    offsets.push_back(&place.end);
  }
  ToUtf16Offsets(text.text, std::move(offsets));

  Json json = {{"doc", document.doc}, {"title", document.title ? *document.title : ""}};
  json["year"] = document.year ? Json(*document.year) : Json(nullptr);
  json["text"] = text.text;
  Json& list = json["facts"] = Json::array();
  for (const Placed& place : placed) {
    const Fact& fact = *place.fact;
    Json item = {{"rule", fact.rule},
                 {"fact", fact.fact},
                 {"text", fact.text},
                 {"line", fact.line},
                 {"column", fact.column},
                 {"period", fact.period.ToString()},
                 {"status", FigureStatusName(fact.status)},
                 {"section", JoinSection(fact.section)},
                 {"figure", fact.rule == kFigureRule},
                 {"fields", FieldsJson(fact.fields)}};
    if (place.placed) {
      item["s"] = place.start;
      item["e"] = place.end;
    }
    list.push_back(std::move(item));
  }
  write_(fmt::format(
      "<script type=\"application/json\" class=\"glean-doc\" id=\"doc{}\" data-name=\"{}\">",
      documents_, HtmlEscaped(document.doc)));
  write_(ScriptSafe(json));
  write_("</script>\n");
  ++documents_;
  return diagnostics;
}

void ReviewPage::Finish() { write_(output::kReviewPageTail); }

}  // namespace glean
