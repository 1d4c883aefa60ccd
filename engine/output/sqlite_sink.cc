// The SQLite output: documents, facts and their fields in tables, a view per fact type. Each
// document is written in a transaction of its own that first removes what an earlier run wrote for
// it (by its name; its content hash says which version of the file the facts came from), so the
// file always holds whole documents, once each.
#include <sqlite3.h>

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "engine/output/sinks.h"

namespace glean::output {

namespace {

constexpr char kSchema[] = R"sql(
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS documents (
  doc_id INTEGER PRIMARY KEY,
  doc TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  title TEXT, issuer TEXT, date TEXT, year INTEGER, report_year INTEGER,
  facts INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_content_hash ON documents(content_hash);
CREATE TABLE IF NOT EXISTS facts (
  fact_id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
  rule TEXT NOT NULL, fact TEXT NOT NULL,
  period TEXT, period_first INTEGER, period_last INTEGER, status TEXT NOT NULL,
  text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  line INTEGER NOT NULL, "column" INTEGER NOT NULL, section TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_fact ON facts(fact);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc_id);
CREATE INDEX IF NOT EXISTS facts_period ON facts(period_first, period_last);
CREATE TABLE IF NOT EXISTS fields (
  fact_id INTEGER NOT NULL REFERENCES facts(fact_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  value NUMERIC, value_text TEXT,
  unit TEXT, approx TEXT, min NUMERIC, max NUMERIC,
  canonical_value NUMERIC, canonical_unit TEXT, raw TEXT,
  PRIMARY KEY (fact_id, position)
);
CREATE INDEX IF NOT EXISTS fields_name ON fields(name);
CREATE TABLE IF NOT EXISTS rules (rule TEXT PRIMARY KEY, fact TEXT NOT NULL);
)sql";

// A value as SQLite should hold it: integers as INTEGER, other decimals as their exact text,
// which NUMERIC affinity turns into a REAL that prints back the same (value_text keeps it exact).
void BindDecimal(sqlite3_stmt* statement, int index, const Decimal& number) {
  if (number.IsInteger() && number.scale() == 0) {
    sqlite3_bind_int64(statement, index, number.mantissa());
  } else {
    const std::string text = number.ToString();
    sqlite3_bind_text(statement, index, text.c_str(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
  }
}

void BindText(sqlite3_stmt* statement, int index, std::string_view text) {
  sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void BindOptionalText(sqlite3_stmt* statement, int index, const std::optional<std::string>& text) {
  if (text) {
    BindText(statement, index, *text);
  } else {
    sqlite3_bind_null(statement, index);
  }
}

void BindOptionalInt(sqlite3_stmt* statement, int index, std::optional<int64_t> value) {
  if (value) {
    sqlite3_bind_int64(statement, index, *value);
  } else {
    sqlite3_bind_null(statement, index);
  }
}

std::string QuoteIdentifier(std::string_view name) {
  std::string quoted = "\"";
  for (const char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string QuoteLiteral(std::string_view text) {
  std::string quoted = "'";
  for (const char c : text) {
    if (c == '\'') quoted += '\'';
    quoted += c;
  }
  return quoted + "'";
}

class SqliteSink : public FactSink {
 public:
  SqliteSink(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}
  SqliteSink(const SqliteSink&) = delete;  // owns the connection
  SqliteSink& operator=(const SqliteSink&) = delete;
  ~SqliteSink() override {
    for (sqlite3_stmt* statement : {remove_, insert_document_, insert_fact_, insert_field_}) {
      sqlite3_finalize(statement);
    }
    sqlite3_close(db_);
  }

  // Creates the schema, the rules and the views, and prepares the statements.
  Diagnostics Prepare(const RuleSet& rules, bool figures) {
    Diagnostics diagnostics;
    if (!Exec(kSchema, &diagnostics)) return diagnostics;
    std::string script = "BEGIN;";
    std::map<std::string, std::vector<std::string>> fields_of_fact;
    for (const RuleInfo& rule : rules.rules()) {
      script += fmt::format("INSERT OR REPLACE INTO rules VALUES ({}, {});", QuoteLiteral(rule.id),
                            QuoteLiteral(rule.fact));
      std::vector<std::string>& names = fields_of_fact[rule.fact];
      for (const std::string& name : rule.fields) {
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      }
    }
    if (figures) fields_of_fact["figure"] = {"label", "value", "change"};
    // A wide view per fact type: one row a fact, its fields as columns, its document joined in.
    for (const auto& [fact, names] : fields_of_fact) {
      std::string columns;
      for (const std::string& name : names) {
        for (const auto& [suffix, column] : {std::pair<std::string, std::string>{"", "value"},
                                             {"_unit", "unit"},
                                             {"_approx", "approx"}}) {
          columns += fmt::format(
              ", (SELECT {} FROM fields x WHERE x.fact_id = f.fact_id AND x.name = {}) AS {}",
              column, QuoteLiteral(name), QuoteIdentifier(name + suffix));
        }
      }
      const std::string view = QuoteIdentifier("fact_" + fact);
      script += fmt::format(
          "DROP VIEW IF EXISTS {0}; CREATE VIEW {0} AS SELECT d.doc, d.title, d.year, f.fact_id, "
          "f.rule, f.period, f.status, f.text, f.start, f.\"end\", f.line, f.\"column\", "
          "f.section{1} FROM facts f JOIN documents d USING (doc_id) WHERE f.fact = {2};",
          view, columns, QuoteLiteral(fact));
    }
    script += "COMMIT;";
    if (!Exec(script, &diagnostics)) return diagnostics;
    Prepare("DELETE FROM documents WHERE doc = ?1", &remove_, &diagnostics);
    Prepare(
        "INSERT INTO documents (doc, content_hash, bytes, title, issuer, date, year, "
        "report_year, facts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        &insert_document_, &diagnostics);
    Prepare(
        "INSERT INTO facts (doc_id, rule, fact, period, period_first, period_last, status, text, "
        "start, \"end\", line, \"column\", section) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "?10, ?11, ?12, ?13)",
        &insert_fact_, &diagnostics);
    Prepare(
        "INSERT INTO fields (fact_id, position, name, value, value_text, unit, approx, min, max, "
        "canonical_value, canonical_unit, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
        "?11, ?12)",
        &insert_field_, &diagnostics);
    return diagnostics;
  }

  Diagnostics Add(const DocumentRecord& document, const std::vector<Fact>& facts) override {
    Diagnostics diagnostics;
    if (!Exec("BEGIN IMMEDIATE", &diagnostics)) return diagnostics;
    BindText(remove_, 1, document.doc);
    bool ok = Step(remove_, &diagnostics);

    BindText(insert_document_, 1, document.doc);
    BindText(insert_document_, 2, document.content_hash);
    sqlite3_bind_int64(insert_document_, 3, static_cast<int64_t>(document.size));
    BindOptionalText(insert_document_, 4, document.title);
    BindOptionalText(insert_document_, 5, document.issuer);
    BindOptionalText(insert_document_, 6, document.date);
    BindOptionalInt(insert_document_, 7, document.year);
    BindOptionalInt(insert_document_, 8, document.report_year);
    sqlite3_bind_int64(insert_document_, 9, static_cast<int64_t>(facts.size()));
    ok = ok && Step(insert_document_, &diagnostics);
    const sqlite3_int64 doc_id = sqlite3_last_insert_rowid(db_);

    for (const Fact& fact : facts) {
      if (!ok) break;
      sqlite3_bind_int64(insert_fact_, 1, doc_id);
      BindText(insert_fact_, 2, fact.rule);
      BindText(insert_fact_, 3, fact.fact);
      if (fact.period.known()) {
        BindText(insert_fact_, 4, fact.period.ToString());
        sqlite3_bind_int64(insert_fact_, 5, fact.period.first);
        sqlite3_bind_int64(insert_fact_, 6, fact.period.last);
      } else {
        for (int index : {4, 5, 6}) sqlite3_bind_null(insert_fact_, index);
      }
      BindText(insert_fact_, 7, FigureStatusName(fact.status));
      BindText(insert_fact_, 8, fact.text);
      sqlite3_bind_int64(insert_fact_, 9, static_cast<int64_t>(fact.start));
      sqlite3_bind_int64(insert_fact_, 10, static_cast<int64_t>(fact.end));
      sqlite3_bind_int64(insert_fact_, 11, fact.line);
      sqlite3_bind_int64(insert_fact_, 12, fact.column);
      BindText(insert_fact_, 13, JoinSection(fact.section));
      ok = Step(insert_fact_, &diagnostics);
      const sqlite3_int64 fact_id = sqlite3_last_insert_rowid(db_);
      for (size_t position = 0; ok && position < fact.fields.size(); ++position) {
        ok = AddField(fact_id, static_cast<int>(position), fact.fields[position], &diagnostics);
      }
    }
    if (!Exec(ok ? "COMMIT" : "ROLLBACK", &diagnostics)) return diagnostics;
    return diagnostics;
  }

  Diagnostics Finish() override {
    Diagnostics diagnostics;
    Exec("PRAGMA wal_checkpoint(TRUNCATE)", &diagnostics);
    return diagnostics;
  }

 private:
  bool AddField(sqlite3_int64 fact_id, int position, const Field& field, Diagnostics* diagnostics) {
    sqlite3_stmt* s = insert_field_;
    sqlite3_bind_int64(s, 1, fact_id);
    sqlite3_bind_int(s, 2, position);
    BindText(s, 3, field.name);
    if (const Decimal* number = std::get_if<Decimal>(&field.value)) {
      BindDecimal(s, 4, *number);
      BindText(s, 5, number->ToString());
    } else if (const std::string* text = std::get_if<std::string>(&field.value)) {
      BindText(s, 4, *text);
      BindText(s, 5, *text);
    } else {
      sqlite3_bind_null(s, 4);
      sqlite3_bind_null(s, 5);
    }
    BindOptionalText(s, 6, field.unit.empty() ? std::nullopt : std::optional(field.unit));
    BindOptionalText(s, 7,
                     field.approx == Approx::kExact
                         ? std::nullopt
                         : std::optional<std::string>(ApproxName(field.approx)));
    for (const auto& [index, bound] : {std::pair{8, &field.min}, std::pair{9, &field.max}}) {
      if (*bound) {
        BindDecimal(s, index, **bound);
      } else {
        sqlite3_bind_null(s, index);
      }
    }
    if (field.canonical) {
      BindDecimal(s, 10, field.canonical->value);
      BindText(s, 11, field.canonical->unit);
    } else {
      sqlite3_bind_null(s, 10);
      sqlite3_bind_null(s, 11);
    }
    BindText(s, 12, field.raw);
    return Step(s, diagnostics);
  }

  bool Exec(const std::string& sql, Diagnostics* diagnostics) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return true;
    Fail(message != nullptr ? message : sqlite3_errmsg(db_), diagnostics);
    sqlite3_free(message);
    return false;
  }

  void Prepare(const char* sql, sqlite3_stmt** statement, Diagnostics* diagnostics) {
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, statement, nullptr) !=
        SQLITE_OK) {
      Fail(sqlite3_errmsg(db_), diagnostics);
    }
  }

  // Runs a prepared statement to its end and readies it for the next use.
  bool Step(sqlite3_stmt* statement, Diagnostics* diagnostics) {
    const int status = sqlite3_step(statement);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (status == SQLITE_DONE) return true;
    Fail(sqlite3_errmsg(db_), diagnostics);
    return false;
  }

  void Fail(const std::string& what, Diagnostics* diagnostics) {
    diagnostics->push_back(
        Diagnostic::Error("io", {path_, 0, 0}, fmt::format("cannot write the database: {}", what)));
  }

  std::string path_;
  sqlite3* db_;
  sqlite3_stmt* remove_ = nullptr;
  sqlite3_stmt* insert_document_ = nullptr;
  sqlite3_stmt* insert_fact_ = nullptr;
  sqlite3_stmt* insert_field_ = nullptr;
};

}  // namespace

Result<std::unique_ptr<FactSink>> MakeSqliteSink(const std::string& path, const RuleSet& rules,
                                                 bool figures) {
  using Sink = Result<std::unique_ptr<FactSink>>;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    const std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Sink::Failure({Diagnostic::Error("io", {path, 0, 0},
                                            fmt::format("cannot open the database: {}", message))});
  }
  sqlite3_busy_timeout(db, 10000);
  auto sink = std::make_unique<SqliteSink>(path, db);
  // WAL: a transaction is committed by one append to the log, and a reader (or a crash) sees the
  // database as of the last whole commit.
  char* message = nullptr;
  if (sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", nullptr, nullptr,
                   &message) != SQLITE_OK) {
    const std::string what = message != nullptr ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    return Sink::Failure(
        {Diagnostic::Error("io", {path, 0, 0}, fmt::format("cannot open the database: {}", what))});
  }
  Diagnostics diagnostics = sink->Prepare(rules, figures);
  if (HasErrors(diagnostics)) return Sink::Failure(std::move(diagnostics));
  return Sink(std::unique_ptr<FactSink>(std::move(sink)));
}

}  // namespace glean::output
