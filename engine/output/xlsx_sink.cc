// The XLSX output: a workbook of three sheets, written through libxlsxwriter in its constant-memory
// mode, where each sheet's rows go to a temporary file as they are written: a run of millions of
// facts holds one row at a time, not the workbook.
#include "engine/output/sinks.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <map>

#include <fmt/format.h>

namespace glean::output {

namespace {

// Excel's own limits: rows of a sheet, characters of a cell.
constexpr lxw_row_t kMaxRows = 1048576;
constexpr size_t kMaxCellBytes = 32767;

// The longest prefix of `text` of at most `limit` bytes that ends on a character boundary.
std::string_view CutAtCharacter(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

class XlsxSink : public FactSink {
 public:
  XlsxSink(std::string path, const RuleSet& rules, bool figures)
      : path_(std::move(path)), table_(rules, figures) {
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;
    options.use_zip64 = LXW_TRUE;
    workbook_ = workbook_new_opt(path_.c_str(), &options);
    header_format_ = workbook_add_format(workbook_);
    format_set_bold(header_format_);
    facts_ = workbook_add_worksheet(workbook_, "facts");
    documents_ = workbook_add_worksheet(workbook_, "documents");
    rules_sheet_ = workbook_add_worksheet(workbook_, "rules");
    for (const RuleInfo& rule : rules.rules()) {
      rule_order_.push_back(rule.id);
      rule_facts_[rule.id] = rule.fact;
      hits_[rule.id] = 0;
    }
    Header(facts_, table_.columns());
    Header(documents_, {"doc", "title", "issuer", "date", "year", "report_year", "facts",
                        "content_hash", "bytes"});
    worksheet_freeze_panes(facts_, 1, 0);
    worksheet_freeze_panes(documents_, 1, 0);
    worksheet_set_column(facts_, 0, 0, 28, nullptr);
    worksheet_set_column(facts_, 7, 7, 36, nullptr);
  }
  XlsxSink(const XlsxSink&) = delete;  // owns the workbook
  XlsxSink& operator=(const XlsxSink&) = delete;
  ~XlsxSink() override {
    if (workbook_ != nullptr) workbook_close(workbook_);
  }

  Diagnostics Add(const DocumentRecord& document, const std::vector<Fact>& facts) override {
    Diagnostics diagnostics;
    if (fact_rows_ + facts.size() >= kMaxRows) {
      diagnostics.push_back(Diagnostic::Error(
          "output", {path_, 0, 0},
          fmt::format("an XLSX sheet holds at most {} facts; '{}' would pass that (write csv or "
                      "sqlite instead)",
                      kMaxRows - 1, document.doc)));
      return diagnostics;
    }
    for (const Fact& fact : facts) {
      table_.Row(fact, document, &cells_);
      ++fact_rows_;
      for (size_t column = 0; column < cells_.size(); ++column) {
        Write(facts_, fact_rows_, column, cells_[column], &diagnostics);
      }
      const auto hit = hits_.find(fact.rule);
      if (hit != hits_.end()) {
        ++hit->second;
      } else {
        rule_order_.push_back(fact.rule);  // a built-in rule: listed with its hits
        rule_facts_[fact.rule] = fact.fact;
        hits_[fact.rule] = 1;
      }
    }
    ++document_rows_;
    const std::vector<Cell> row = {
        document.doc,
        document.title ? Cell(*document.title) : Cell(),
        document.issuer ? Cell(*document.issuer) : Cell(),
        document.date ? Cell(*document.date) : Cell(),
        document.year ? Cell(Decimal::FromInt(*document.year)) : Cell(),
        document.report_year ? Cell(Decimal::FromInt(*document.report_year)) : Cell(),
        Cell(Decimal::FromInt(static_cast<int64_t>(facts.size()))),
        document.content_hash,
        Cell(Decimal::FromInt(static_cast<int64_t>(document.size)))};
    for (size_t column = 0; column < row.size(); ++column) {
      Write(documents_, document_rows_, column, row[column], &diagnostics);
    }
    return diagnostics;
  }

  Diagnostics Finish() override {
    Diagnostics diagnostics;
    Header(rules_sheet_, {"rule", "fact", "hits"});
    lxw_row_t row = 0;
    for (const std::string& rule : rule_order_) {
      ++row;
      Write(rules_sheet_, row, 0, rule, &diagnostics);
      Write(rules_sheet_, row, 1, rule_facts_[rule], &diagnostics);
      Write(rules_sheet_, row, 2, Decimal::FromInt(static_cast<int64_t>(hits_[rule])),
            &diagnostics);
    }
    worksheet_autofilter(facts_, 0, 0, fact_rows_, static_cast<lxw_col_t>(cells_count() - 1));
    const lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR) {
      diagnostics.push_back(Diagnostic::Error(
          "io", {path_, 0, 0}, fmt::format("cannot write the workbook: {}", lxw_strerror(error))));
    }
    return diagnostics;
  }

 private:
  size_t cells_count() const { return table_.columns().size(); }

  void Header(lxw_worksheet* sheet, const std::vector<std::string>& names) {
    for (size_t column = 0; column < names.size(); ++column) {
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(column), names[column].c_str(),
                             header_format_);
    }
  }

  void Write(lxw_worksheet* sheet, lxw_row_t row, size_t column, const Cell& cell,
             Diagnostics* diagnostics) {
    const auto col = static_cast<lxw_col_t>(column);
    if (const Decimal* number = std::get_if<Decimal>(&cell)) {
      worksheet_write_number(sheet, row, col, number->ToDouble(), nullptr);
    } else if (const std::string* text = std::get_if<std::string>(&cell)) {
      const std::string_view kept = CutAtCharacter(*text, kMaxCellBytes);
      if (kept.size() < text->size() && !warned_long_cell_) {
        warned_long_cell_ = true;
        diagnostics->push_back(Diagnostic::Warning(
            "output", {path_, 0, 0},
            fmt::format("a cell of row {} is longer than Excel's {} characters and was cut there "
                        "(the JSON Lines output keeps it whole)",
                        row + 1, kMaxCellBytes)));
      }
      worksheet_write_string(sheet, row, col, std::string(kept).c_str(), nullptr);
    }
  }

  std::string path_;
  FactTable table_;
  lxw_workbook* workbook_ = nullptr;
  lxw_format* header_format_ = nullptr;
  lxw_worksheet* facts_ = nullptr;
  lxw_worksheet* documents_ = nullptr;
  lxw_worksheet* rules_sheet_ = nullptr;
  lxw_row_t fact_rows_ = 0;
  lxw_row_t document_rows_ = 0;
  std::vector<std::string> rule_order_;
  std::map<std::string, std::string> rule_facts_;
  std::map<std::string, size_t> hits_;
  std::vector<Cell> cells_;
  bool warned_long_cell_ = false;
};

}  // namespace

std::unique_ptr<FactSink> MakeXlsxSink(const std::string& path, const RuleSet& rules,
                                       bool figures) {
  return std::make_unique<XlsxSink>(path, rules, figures);
}

}  // namespace glean::output
