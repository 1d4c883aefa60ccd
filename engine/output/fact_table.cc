#include "glean/fact_table.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "engine/output/sinks.h"

namespace glean {

namespace {

struct FormatName {
  OutputFormat format;
  const char* name;
};
constexpr std::array<FormatName, 6> kFormatNames = {{{OutputFormat::kJsonLines, "jsonl"},
                                                     {OutputFormat::kCsv, "csv"},
                                                     {OutputFormat::kTsv, "tsv"},
                                                     {OutputFormat::kXlsx, "xlsx"},
                                                     {OutputFormat::kSqlite, "sqlite"},
                                                     {OutputFormat::kHtml, "html"}}};

constexpr const char* kFixedColumns[FactTable::kFirstFieldColumn] = {
    "doc",  "title", "year", "rule", "fact",   "period", "status",
    "text", "start", "end",  "line", "column", "section"};

Cell OptionalText(const std::optional<std::string>& text) {
  if (text) return *text;
  return {};
}

Cell Number(uint64_t value) { return Decimal::FromInt(static_cast<int64_t>(value)); }

}  // namespace

std::string JoinSection(const std::vector<std::string>& section) {
  std::string joined;
  for (const std::string& heading : section) {
    if (!joined.empty()) joined += " > ";
    joined += heading;
  }
  return joined;
}

bool ParseOutputFormat(std::string_view name, OutputFormat* format) {
  for (const FormatName& entry : kFormatNames) {
    if (name == entry.name) {
      *format = entry.format;
      return true;
    }
  }
  return false;
}

const char* OutputFormatName(OutputFormat format) {
  for (const FormatName& entry : kFormatNames) {
    if (entry.format == format) return entry.name;
  }
  return "";
}

std::optional<OutputFormat> OutputFormatOfPath(std::string_view path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) {
    return std::nullopt;
  }
  std::string extension(path.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == "json") return OutputFormat::kJsonLines;
  if (extension == "db") return OutputFormat::kSqlite;
  if (extension == "htm") return OutputFormat::kHtml;
  OutputFormat format;
  if (ParseOutputFormat(extension, &format)) return format;
  return std::nullopt;
}

void FillDocumentRecord(const DocumentInfo& info, DocumentRecord* record) {
  record->title = info.title;
  record->issuer = info.issuer;
  record->date = info.date;
  record->year = info.year;
  record->report_year = info.report_year;
}

void FillDocumentRecord(const Fact& document_fact, DocumentRecord* record) {
  for (const Field& field : document_fact.fields) {
    const std::string* text = std::get_if<std::string>(&field.value);
    const Decimal* number = std::get_if<Decimal>(&field.value);
    if (text != nullptr && field.name == "title") record->title = *text;
    if (text != nullptr && field.name == "issuer") record->issuer = *text;
    if (text != nullptr && field.name == "date") record->date = *text;
    if (number != nullptr && field.name == "year") {
      record->year = static_cast<int>(number->mantissa());
    }
    if (number != nullptr && field.name == "report_year") {
      record->report_year = static_cast<int>(number->mantissa());
    }
  }
}

struct ContentHash::State {
  XXH3_state_t* state = XXH3_createState();
  ~State() { XXH3_freeState(state); }
};

ContentHash::ContentHash() : state_(std::make_unique<State>()) {
  XXH3_128bits_reset(state_->state);
}
ContentHash::ContentHash(ContentHash&&) noexcept = default;
ContentHash& ContentHash::operator=(ContentHash&&) noexcept = default;
ContentHash::~ContentHash() = default;

void ContentHash::Update(std::string_view bytes) {
  XXH3_128bits_update(state_->state, bytes.data(), bytes.size());
}

std::string ContentHash::HexDigest() const {
  const XXH128_hash_t digest = XXH3_128bits_digest(state_->state);
  return fmt::format("{:016x}{:016x}", digest.high64, digest.low64);
}

FactTable::FactTable(const RuleSet& rules, bool figures) {
  columns_.assign(std::begin(kFixedColumns), std::end(kFixedColumns));
  std::vector<std::vector<std::string>> field_lists;
  for (const RuleInfo& rule : rules.rules()) field_lists.push_back(rule.fields);
  if (figures) field_lists.push_back({"label", "value", "change"});
  for (const std::vector<std::string>& fields : field_lists) {
    for (const std::string& name : fields) {
      if (std::find(field_names_.begin(), field_names_.end(), name) != field_names_.end()) continue;
      field_names_.push_back(name);
      columns_.push_back(name);
      columns_.push_back(name + "_unit");
      columns_.push_back(name + "_approx");
    }
  }
}

int FactTable::FieldColumn(std::string_view name) const {
  const auto it = std::find(field_names_.begin(), field_names_.end(), name);
  if (it == field_names_.end()) return -1;
  return kFirstFieldColumn + 3 * static_cast<int>(it - field_names_.begin());
}

void FactTable::Row(const Fact& fact, const DocumentRecord& document,
                    std::vector<Cell>* cells) const {
  cells->assign(columns_.size(), Cell{});
  (*cells)[0] = fact.doc;
  (*cells)[1] = OptionalText(document.title);
  if (document.year) (*cells)[2] = Decimal::FromInt(*document.year);
  (*cells)[3] = fact.rule;
  (*cells)[4] = fact.fact;
  if (fact.period.known()) (*cells)[5] = fact.period.ToString();
  (*cells)[6] = std::string(FigureStatusName(fact.status));
  (*cells)[7] = fact.text;
  (*cells)[8] = Number(fact.start);
  (*cells)[9] = Number(fact.end);
  (*cells)[10] = Number(static_cast<uint64_t>(fact.line));
  (*cells)[11] = Number(static_cast<uint64_t>(fact.column));
  (*cells)[12] = JoinSection(fact.section);
  for (const Field& field : fact.fields) {
    const int column = FieldColumn(field.name);
    if (column < 0) continue;
    if (const Decimal* number = std::get_if<Decimal>(&field.value)) {
      (*cells)[column] = *number;
    } else if (const std::string* text = std::get_if<std::string>(&field.value)) {
      (*cells)[column] = *text;
    }
    if (!field.unit.empty()) (*cells)[column + 1] = field.unit;
    if (field.approx != Approx::kExact)
      (*cells)[column + 2] = std::string(ApproxName(field.approx));
  }
}

namespace {

void AppendDelimitedText(std::string_view text, char separator, std::string* out) {
  if (separator == '\t') {
    for (const char c : text) out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
    return;
  }
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(text);
    return;
  }
  out->push_back('"');
  for (const char c : text) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// RFC 4180 ends records with CRLF; TSV files end lines with LF.
void AppendRecordEnd(char separator, std::string* out) {
  if (separator == ',') {
    out->append("\r\n");
  } else {
    out->push_back('\n');
  }
}

}  // namespace

void AppendDelimitedHeader(const FactTable& table, char separator, std::string* out) {
  for (size_t i = 0; i < table.columns().size(); ++i) {
    if (i > 0) out->push_back(separator);
    AppendDelimitedText(table.columns()[i], separator, out);
  }
  AppendRecordEnd(separator, out);
}

void AppendDelimitedRow(const std::vector<Cell>& cells, char separator, std::string* out) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out->push_back(separator);
    if (const std::string* text = std::get_if<std::string>(&cells[i])) {
      AppendDelimitedText(*text, separator, out);
    } else if (const Decimal* number = std::get_if<Decimal>(&cells[i])) {
      char buffer[Decimal::kMaxChars];
      out->append(buffer, number->Write(buffer));
    }
  }
  AppendRecordEnd(separator, out);
}

Result<std::unique_ptr<FactSink>> OpenFactSink(OutputFormat format, const std::string& path,
                                               const RuleSet& rules, bool figures) {
  using Sink = Result<std::unique_ptr<FactSink>>;
  if (format == OutputFormat::kSqlite) return output::MakeSqliteSink(path, rules, figures);
  if (format != OutputFormat::kXlsx) {
    return Sink::Failure({Diagnostic::Error(
        "output", {path, 0, 0},
        fmt::format("{} is written as text, not through a sink", OutputFormatName(format)))});
  }
  // The workbook is written only when it is finished: find out now that the file can be made.
  std::FILE* probe = std::fopen(path.c_str(), "wb");
  if (probe == nullptr) {
    return Sink::Failure({Diagnostic::Error(
        "io", {path, 0, 0}, fmt::format("cannot create: {}", std::strerror(errno)))});
  }
  std::fclose(probe);
  return Sink(output::MakeXlsxSink(path, rules, figures));
}

}  // namespace glean
