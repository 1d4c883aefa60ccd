// FactStream: an input extracted part by part gives the facts of the input extracted whole.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/normalize/normalizer.h"
#include "glean/engine.h"
#include "glean/output.h"
#include "glean/rule_set.h"
#include "support/encode.h"
#include "support/run_command.h"

namespace glean {
namespace {

using testing::Encode;

const char* const kReports[] = {"anon-town-2022.txt", "junping-2021.txt", "junping-2023.txt",
                                "lijiang-2021-traditional.txt", "maotian-2021-pdf.txt"};

const Engine& StockEngine() {
  static const Engine engine = [] {
    Result<RuleSet> rules = RuleSet::Load({testing::SourceDir() + "/rules"});
    REQUIRE(rules.ok());
    Result<Engine> created = Engine::Create(std::move(rules).value());
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return engine;
}

std::string Whole(const Engine& engine, const std::string& bytes, Diagnostics* diagnostics) {
  Result<std::vector<Fact>> facts = engine.Extract("report.txt", bytes);
  *diagnostics = facts.diagnostics();
  std::string out;
  if (!facts.ok()) return out;
  for (const Fact& fact : facts.value()) out += FactToJsonLine(fact) + "\n";
  return out;
}

// Feeds `bytes` in pieces of `piece` bytes to a stream cutting parts of `part` bytes.
std::string Streamed(const Engine& engine, const std::string& bytes, size_t part, size_t piece,
                     Diagnostics* diagnostics) {
  std::string out;
  FactStream stream(
      engine, "report.txt", [&](const Fact& fact) { out += FactToJsonLine(fact) + "\n"; }, part);
  diagnostics->clear();
  for (size_t at = 0; at < bytes.size(); at += piece) {
    Diagnostics fed = stream.Feed(std::string_view(bytes).substr(at, piece));
    diagnostics->insert(diagnostics->end(), fed.begin(), fed.end());
  }
  Diagnostics finished = stream.Finish();
  diagnostics->insert(diagnostics->end(), finished.begin(), finished.end());
  return out;
}

std::string Messages(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += d.ToString() + "\n";
  return out;
}

TEST_CASE(
    "stream: a hard-wrapped report in parts is joined as the whole is, by the layout of its "
    "start") {
  // Issue 16. The sample reports cut every 18 characters, as a narrow PDF column: a part alone
  // could not tell its layout, and its short last lines would read as paragraph ends. Sections
  // are left out: the first line of a part, a wrapped fragment after a sentence end, can still
  // be read as a heading.
  std::string wrapped;
  for (const char* name : kReports) {
    const std::string text = testing::ReadFile(testing::SourceDir() + "/tests/data/corpus/" + name);
    int characters = 0;
    for (size_t at = 0; at < text.size(); ++at) {
      const auto byte = static_cast<unsigned char>(text[at]);
      if (text[at] == '\n') characters = 0;
      if ((byte & 0xC0) != 0x80 && characters == 18) {
        wrapped += '\n';
        characters = 0;
      }
      if ((byte & 0xC0) != 0x80 && text[at] != '\n') ++characters;
      wrapped += text[at];
    }
    wrapped += '\n';
  }
  REQUIRE(normalize::DetectLayout(wrapped).wrapped());
  REQUIRE(normalize::HoldsLayoutSample(wrapped));
  const auto without_sections = [](Fact fact) {
    fact.section.clear();
    return FactToJsonLine(fact) + "\n";
  };
  Result<std::vector<Fact>> facts = StockEngine().Extract("report.txt", wrapped);
  REQUIRE(facts.ok());
  std::string whole;
  for (const Fact& fact : facts.value()) whole += without_sections(fact);
  REQUIRE(facts.value().size() > 100);
  // A part must hold a sentence end to be cut where lines never join: these lines end one every
  // few hundred bytes.
  for (size_t part : {size_t{2000}, size_t{9000}, size_t{40000}}) {
    INFO("parts of " << part);
    std::string streamed;
    FactStream stream(
        StockEngine(), "report.txt", [&](const Fact& fact) { streamed += without_sections(fact); },
        part);
    for (size_t at = 0; at < wrapped.size(); at += 4096) {
      CHECK(stream.Feed(std::string_view(wrapped).substr(at, 4096)).empty());
    }
    CHECK(stream.Finish().empty());
    CHECK(streamed == whole);
  }
}

TEST_CASE("stream: the sample reports in parts of every size give the facts of the whole") {
  for (const char* name : kReports) {
    const std::string bytes =
        testing::ReadFile(testing::SourceDir() + "/tests/data/corpus/" + name);
    Diagnostics whole_diagnostics, streamed_diagnostics;
    const std::string whole = Whole(StockEngine(), bytes, &whole_diagnostics);
    REQUIRE(!whole.empty());
    for (size_t part : {size_t{700}, size_t{2000}, size_t{9000}, bytes.size() * 2}) {
      for (size_t piece : {size_t{333}, size_t{4096}}) {
        INFO(name << " in parts of " << part << " fed " << piece << " bytes at a time");
        CHECK(Streamed(StockEngine(), bytes, part, piece, &streamed_diagnostics) == whole);
        CHECK(Messages(streamed_diagnostics) == Messages(whole_diagnostics));
      }
    }
  }
}

// The document fact (its years among them) and the sections come from the text's head, which the
// first part always holds: wherever the parts are cut, a provincial report with web-page
// furniture on top, one with a delivery line wrapped over two lines and a Taiwanese excerpt give
// the facts of the whole.
TEST_CASE("stream: the document year and sections do not depend on where parts are cut") {
  for (const char* name :
       {"provincial/gansu-2026.txt", "provincial/neimenggu-2026.txt",
        "provincial/guangdong-2026.txt", "dev/049_dongyin_township_matsu_2012_trad.txt"}) {
    const std::string bytes = testing::ReadFile(testing::SourceDir() + "/tests/data/" + name);
    Diagnostics whole_diagnostics, streamed_diagnostics;
    const std::string whole = Whole(StockEngine(), bytes, &whole_diagnostics);
    REQUIRE_FALSE(whole.empty());
    for (size_t part : {size_t{300}, size_t{5000}, size_t{20000}, size_t{40000}}) {
      INFO(name << " in parts of " << part);
      CHECK(Streamed(StockEngine(), bytes, part, 4096, &streamed_diagnostics) == whole);
      CHECK(Messages(streamed_diagnostics) == Messages(whole_diagnostics));
    }
  }
}

// Issue 15: the figures of a later part were dated against that part's own header (none), so
// the figures of a provincial report past its first 64 KB lost their period.
TEST_CASE("stream: figures of a report read in parts are dated against the report's own years") {
  static const Engine engine = [] {
    Result<RuleSet> rules = RuleSet::Load({testing::SourceDir() + "/rules"});
    REQUIRE(rules.ok());
    ExtractOptions options;
    options.figures = true;
    Result<Engine> created = Engine::Create(std::move(rules).value(), options);
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  const std::string bytes =
      testing::ReadFile(testing::SourceDir() + "/tests/data/provincial/guangdong-2026.txt");
  REQUIRE(bytes.size() > 80000);
  Diagnostics whole_diagnostics, streamed_diagnostics;
  const std::string whole = Whole(engine, bytes, &whole_diagnostics);
  REQUIRE(whole.find("\"rule\":\"builtin.figure\"") != std::string::npos);
  for (size_t part : {size_t{700}, size_t{20000}}) {
    INFO("parts of " << part);
    CHECK(Streamed(engine, bytes, part, 4096, &streamed_diagnostics) == whole);
  }
}

TEST_CASE(
    "stream: texts with no line that ends a sentence, or no line break at all, give the "
    "facts of the whole") {
  // The first is cut at any line break, the second gathered until a break or the end.
  // Short lines with no sentence end: normalization joins none of them (too short, no clause
  // punctuation), so a cut at any line break normalizes as the whole.
  std::string lines;
  for (int i = 0; lines.size() < 6000; ++i) lines += "全镇完成改厕" + std::to_string(i) + "户\n";
  std::string one_line;
  for (int i = 0; one_line.size() < 6000; ++i) one_line += "完成改厕" + std::to_string(i) + "户，";
  for (const std::string& text : {lines, one_line}) {
    Diagnostics whole_diagnostics, streamed_diagnostics;
    const std::string whole = Whole(StockEngine(), text, &whole_diagnostics);
    REQUIRE(whole.find("toilets") != std::string::npos);
    CHECK(Streamed(StockEngine(), text, 500, 300, &streamed_diagnostics) == whole);
    CHECK(Messages(streamed_diagnostics) == Messages(whole_diagnostics));
  }
}

TEST_CASE("stream: a BOM, invalid UTF-8 and a NUL byte are reported as for the whole input") {
  const std::string report =
      testing::ReadFile(testing::SourceDir() + "/tests/data/corpus/junping-2021.txt");
  Diagnostics whole_diagnostics, streamed_diagnostics;

  const std::string with_bom = "\xEF\xBB\xBF" + report;
  CHECK(Streamed(StockEngine(), with_bom, 3000, 1000, &streamed_diagnostics) ==
        Whole(StockEngine(), with_bom, &whole_diagnostics));

  // Two bad bytes in different parts: one warning, at the first one's offset in the whole file.
  std::string corrupt = report;
  corrupt[5000] = '\xFF';
  corrupt[corrupt.size() - 4000] = '\xFE';
  const std::string whole = Whole(StockEngine(), corrupt, &whole_diagnostics);
  CHECK(Streamed(StockEngine(), corrupt, 3000, 1000, &streamed_diagnostics) == whole);
  REQUIRE(streamed_diagnostics.size() == 1);
  CHECK(Messages(streamed_diagnostics) == Messages(whole_diagnostics));
  CHECK(Messages(streamed_diagnostics).find("invalid UTF-8 at byte 5000:") != std::string::npos);

  // A NUL byte in a later part: an error at its offset in the whole file, and nothing after it.
  std::string binary = report;
  binary[report.size() - 100] = '\0';
  Streamed(StockEngine(), binary, 3000, 1000, &streamed_diagnostics);
  REQUIRE(HasErrors(streamed_diagnostics));
  CHECK(Messages(streamed_diagnostics)
            .find("NUL byte at offset " + std::to_string(report.size() - 100)) !=
        std::string::npos);
}

TEST_CASE("stream: input that is not UTF-8 is gathered and extracted whole") {
  const std::string report =
      testing::ReadFile(testing::SourceDir() + "/tests/data/corpus/junping-2023.txt");
  for (const std::string& bytes :
       {Encode(report, "GB18030"), "\xFF\xFE" + Encode(report, "UTF-16LE")}) {
    Diagnostics whole_diagnostics, streamed_diagnostics;
    const std::string whole = Whole(StockEngine(), bytes, &whole_diagnostics);
    REQUIRE(!whole.empty());
    CHECK(Streamed(StockEngine(), bytes, 3000, 1000, &streamed_diagnostics) == whole);
    CHECK(Messages(streamed_diagnostics) == Messages(whole_diagnostics));
  }
}

}  // namespace
}  // namespace glean
