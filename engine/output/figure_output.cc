// Figures as JSON Lines and as a terminal table (extract figures).
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/source/utf8.h"
#include "glean/output.h"

namespace glean {

namespace {

nlohmann::ordered_json FieldJson(const Field& field) {
  nlohmann::ordered_json out;
  if (const Decimal* number = std::get_if<Decimal>(&field.value)) {
    // Exact, as facts print it: parsed back from its shortest decimal text.
    out["value"] = nlohmann::ordered_json::parse(number->ToString());
  } else {
    out["value"] = nullptr;
  }
  if (!field.unit.empty()) out["unit"] = field.unit;
  if (field.approx != Approx::kExact) out["approx"] = ApproxName(field.approx);
  if (field.min) out["min"] = nlohmann::ordered_json::parse(field.min->ToString());
  if (field.max) out["max"] = nlohmann::ordered_json::parse(field.max->ToString());
  if (field.canonical) {
    out["canonical"] = {{"value", nlohmann::ordered_json::parse(field.canonical->value.ToString())},
                        {"unit", field.canonical->unit}};
  }
  out["raw"] = field.raw;
  return out;
}

// Columns a character takes on a terminal: two for East Asian wide and full-width characters.
int CharWidth(uint32_t cp) {
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD) ||
                    cp == 0x201C || cp == 0x201D;
  return wide ? 2 : 1;
}

// `text` cut to at most `columns` columns (ending in … when cut).
std::string Fit(std::string_view text, int columns, int* width) {
  int used = 0;
  size_t p = 0;
  while (p < text.size()) {
    size_t length = 1;
    const uint32_t cp = source::DecodeUtf8At(text, p, &length);
    const int w = CharWidth(cp);
    if (used + w > columns) {
      // Room for the ellipsis: drop characters until it fits.
      std::string cut(text.substr(0, p));
      while (used + 1 > columns && !cut.empty()) {
        size_t back = cut.size() - 1;
        while (back > 0 && (static_cast<unsigned char>(cut[back]) & 0xC0) == 0x80) --back;
        size_t l = 1;
        used -= CharWidth(source::DecodeUtf8At(cut, back, &l));
        cut.resize(back);
      }
      *width = used + 1;
      return cut + "…";
    }
    used += w;
    p += length;
  }
  *width = used;
  return std::string(text);
}

}  // namespace

int DisplayWidth(std::string_view text) {
  int width = 0;
  for (size_t p = 0; p < text.size();) {
    size_t length = 1;
    width += CharWidth(source::DecodeUtf8At(text, p, &length));
    p += length;
  }
  return width;
}

std::string FigureToJsonLine(const std::string& doc, const Figure& figure) {
  nlohmann::ordered_json out;
  out["doc"] = doc;
  out["text"] = figure.text;
  out["start"] = figure.source.start;
  out["end"] = figure.source.end;
  out["line"] = figure.source.line;
  out["column"] = figure.source.column;
  out["value"] = FieldJson(figure.value);
  out["label"] = figure.label;
  out["action"] = figure.action;
  out["clause"] = figure.clause;
  nlohmann::ordered_json changes = nlohmann::ordered_json::array();
  for (const FigureChange& change : figure.changes) {
    nlohmann::ordered_json item;
    item["change"] = change.ToString();
    item["verb"] = change.verb;
    item["value"] = FieldJson(change.value);
    item["start"] = change.source.start;
    item["end"] = change.source.end;
    changes.push_back(std::move(item));
  }
  out["changes"] = std::move(changes);
  out["period"] = figure.period.ToString();
  out["status"] = FigureStatusName(figure.status);
  if (figure.excepted != FigureExcept::kNone) out["excepted"] = FigureExceptName(figure.excepted);
  return out.dump();
}

std::string FormatFigureTable(const std::vector<Figure>& figures) {
  constexpr int kColumns = 10;
  struct Row {
    std::string cells[kColumns];
  };
  constexpr const char* kHeads[kColumns] = {"line",   "label",  "value",  "unit", "approx",
                                            "change", "period", "status", "text", "excepted"};
  constexpr int kLimits[kColumns] = {8, 24, 24, 10, 6, 16, 9, 8, 30, 10};
  // The last column only when a figure is excepted: a table of data figures reads as before.
  const bool any_excepted = std::any_of(figures.begin(), figures.end(), [](const Figure& figure) {
    return figure.excepted != FigureExcept::kNone;
  });
  const int columns = any_excepted ? kColumns : kColumns - 1;
  std::vector<Row> rows;
  rows.reserve(figures.size() + 1);
  Row head;
  for (int c = 0; c < kColumns; ++c) head.cells[c] = kHeads[c];
  rows.push_back(head);
  for (const Figure& figure : figures) {
    Row row;
    row.cells[0] = std::to_string(figure.source.line);
    row.cells[1] = figure.label;
    const Decimal* number = std::get_if<Decimal>(&figure.value.value);
    row.cells[2] = number ? number->ToString() : "";
    if (figure.value.max) row.cells[2] += "-" + figure.value.max->ToString();
    row.cells[3] = figure.value.unit;
    row.cells[4] = ApproxName(figure.value.approx);
    for (const FigureChange& change : figure.changes) {
      row.cells[5] += (row.cells[5].empty() ? "" : " ") + change.ToString();
    }
    row.cells[6] = figure.period.ToString();
    row.cells[7] = FigureStatusName(figure.status);
    row.cells[8] = figure.text;
    if (any_excepted) row.cells[9] = FigureExceptName(figure.excepted);
    rows.push_back(std::move(row));
  }
  int widths[kColumns] = {};
  for (Row& row : rows) {
    for (int c = 0; c < columns; ++c) {
      int width = 0;
      row.cells[c] = Fit(row.cells[c], kLimits[c], &width);
      widths[c] = std::max(widths[c], width);
    }
  }
  std::string out;
  for (const Row& row : rows) {
    std::string line;
    for (int c = 0; c < columns; ++c) {
      const int pad = widths[c] - DisplayWidth(row.cells[c]);
      // Numbers right-aligned, words left-aligned.
      const bool right = c == 0 || c == 2;
      if (right) line.append(static_cast<size_t>(pad), ' ');
      line += row.cells[c];
      if (c + 1 < columns) {
        if (!right) line.append(static_cast<size_t>(pad), ' ');
        line += "  ";
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace glean
