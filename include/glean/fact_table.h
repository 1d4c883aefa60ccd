// Facts as rows of a table, one row a fact, for the formats analysts open in a spreadsheet or a
// database: CSV, TSV, XLSX and SQLite. JSON Lines stay the lossless form (output.h).
#ifndef GLEAN_FACT_TABLE_H_
#define GLEAN_FACT_TABLE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "glean/diagnostic.h"
#include "glean/document.h"
#include "glean/fact.h"
#include "glean/result.h"
#include "glean/rule_set.h"

namespace glean {

// The formats a run's facts can be written in.
// kHtml is the review page (glean/review_page.h), not a table.
enum class OutputFormat { kJsonLines, kCsv, kTsv, kXlsx, kSqlite, kHtml };

// "jsonl", "csv", "tsv", "xlsx", "sqlite", "html" → the format; false for any other name.
bool ParseOutputFormat(std::string_view name, OutputFormat* format);
const char* OutputFormatName(OutputFormat format);
// The format a file name's extension names (.jsonl .json .csv .tsv .xlsx .sqlite .db .html
// .htm), if any.
std::optional<OutputFormat> OutputFormatOfPath(std::string_view path);

// One input of a run, as the tabular formats list it and join it into each of its facts' rows.
struct DocumentRecord {
  std::string doc;  // the input's name as given
  std::optional<std::string> title;
  std::optional<std::string> issuer;
  std::optional<std::string> date;
  std::optional<int> year;         // the period the report covers
  std::optional<int> report_year;  // the year it was issued
  std::string content_hash;        // 32 hex digits of a 128-bit hash of the input's bytes
  uint64_t size = 0;               // bytes
};

// What the report says about itself (title, issuer, date, years), from a loaded document.
void FillDocumentRecord(const DocumentInfo& info, DocumentRecord* record);
// The same from a `document` fact, for inputs extracted in parts (no Document is kept whole).
void FillDocumentRecord(const Fact& document_fact, DocumentRecord* record);

// Hashes an input's bytes as it is read, in pieces; the digest names its content.
class ContentHash {
 public:
  ContentHash();
  ContentHash(ContentHash&&) noexcept;
  ContentHash& operator=(ContentHash&&) noexcept;
  ContentHash(const ContentHash&) = delete;  // holds the hash state
  ContentHash& operator=(const ContentHash&) = delete;
  ~ContentHash();

  void Update(std::string_view bytes);
  std::string HexDigest() const;  // 32 lowercase hex digits

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The `section` column: the enclosing headings joined with " > ", outermost first.
std::string JoinSection(const std::vector<std::string>& section);

// A cell of a fact's row: empty, text, or an exact number.
using Cell = std::variant<std::monostate, std::string, Decimal>;

// The columns of a rule set's facts. Fixed columns first:
//   doc, title, year, rule, fact, period, status, text, start, end, line, column, section
// then, for every field name any rule gives (in rule order, each name once), NAME, NAME_unit and
// NAME_approx; with `figures` (extract --figures), also the fields of the `figure` facts: label,
// value, change. A fact fills the field columns of its own fields and leaves the others empty.
// Immutable after construction; safe to share across threads.
class FactTable {
 public:
  explicit FactTable(const RuleSet& rules, bool figures = false);

  const std::vector<std::string>& columns() const { return columns_; }
  // The field names, in column order.
  const std::vector<std::string>& field_names() const { return field_names_; }
  // The column of a field name's value (NAME_unit and NAME_approx follow it), or -1.
  int FieldColumn(std::string_view name) const;

  // The cells of `fact`'s row, one per column. A field whose name has no column is left out:
  // every rule's fields have one, so only facts from another rule set, or a figure's second
  // change (change2), can have such a field.
  void Row(const Fact& fact, const DocumentRecord& document, std::vector<Cell>* cells) const;

  // The index of the first field column (every column before it is fixed).
  static constexpr int kFirstFieldColumn = 13;

 private:
  std::vector<std::string> columns_;
  std::vector<std::string> field_names_;
};

// Delimited text (RFC 4180). With `separator` ',' a field holding a comma, a quote or a line
// break is quoted and its quotes doubled; with '\t' (TSV) a tab or line break inside a field is
// written as a space, since TSV has no quoting.
void AppendDelimitedHeader(const FactTable& table, char separator, std::string* out);
void AppendDelimitedRow(const std::vector<Cell>& cells, char separator, std::string* out);

// Where a structured format (XLSX, SQLite) collects a run's facts. Documents are added in input
// order from one thread at a time; Finish ends the output. A sink is not thread-safe.
class FactSink {
 public:
  virtual ~FactSink() = default;
  // One input and its facts (not its document fact: the record holds what that says).
  [[nodiscard]] virtual Diagnostics Add(const DocumentRecord& document,
                                        const std::vector<Fact>& facts) = 0;
  // Writes what is still held and closes the file; call once, after the last Add.
  [[nodiscard]] virtual Diagnostics Finish() = 0;
};

// The sink of `format` (kXlsx or kSqlite) writing to `path`. Fails (error "io") when the file
// cannot be created or opened.
// XLSX: a `facts` sheet (numbers as numbers, frozen header, filters), a `documents` sheet and a
// `rules` sheet with each rule's hit count; the workbook is written by Finish.
// SQLite: tables `documents`, `facts`, `fields`, `rules`, a view per fact type (docs/outputs.md);
// each document is replaced whole in one transaction (a document is known by its name), so a
// second run over the same inputs adds no duplicates and a run killed midway leaves every
// document either as it was or as it is now.
Result<std::unique_ptr<FactSink>> OpenFactSink(OutputFormat format, const std::string& path,
                                               const RuleSet& rules, bool figures = false);

}  // namespace glean

#endif  // GLEAN_FACT_TABLE_H_
