// The figures stage against the hand-checked figure lists of tests/data/figures (issue 15): how
// many listed figures it finds, with the right label, period and status, and how many things it
// finds that are not listed. Prints one line per document and the totals.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "glean/document.h"
#include "glean/figure.h"

namespace glean {
namespace {

namespace fs = std::filesystem;

struct Listed {
  int line = 0;
  std::string text, value, unit, approx, label, action, change, period, status;
};

struct Counts {
  int listed = 0, found = 0, matched = 0, label = 0, period = 0, status = 0;
  Counts& operator+=(const Counts& o) {
    listed += o.listed;
    found += o.found;
    matched += o.matched;
    label += o.label;
    period += o.period;
    status += o.status;
    return *this;
  }
  int extra() const { return found - matched; }
};

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cells;
  size_t from = 0;
  for (size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1) {
    cells.push_back(line.substr(from, tab - from));
  }
  cells.push_back(line.substr(from));
  return cells;
}

// What the stage reaches now, a little below: a change that loses ground fails.
constexpr double kFoundFloor = 0.98, kLabelFloor = 0.90, kPeriodFloor = 0.98, kStatusFloor = 0.97,
                 kExtraCeiling = 0.01;

double Share(int part, int whole) { return whole == 0 ? 1.0 : static_cast<double>(part) / whole; }

Counts Measure(const fs::path& list, std::string* report) {
  std::istringstream in(ReadAll(list));
  std::string line, source;
  std::vector<Listed> listed;
  while (std::getline(in, line)) {
    if (line.starts_with("# source: ")) source = line.substr(10);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> c = SplitTabs(line);
    c.resize(10);
    listed.push_back({std::stoi(c[0]), c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]});
  }
  const fs::path path = fs::path(GLEAN_SOURCE_DIR) / "tests/data" / source;
  Result<Document> document =
      Document::Load(path.filename().string(), ReadAll(path), NormalizeOptions{});
  REQUIRE(document.ok());
  const std::vector<Figure>& figures = FiguresOf(document.value());

  Counts counts;
  counts.listed = static_cast<int>(listed.size());
  std::vector<bool> used(figures.size(), false);
  std::string misses;
  for (const Listed& want : listed) {
    auto it = std::find_if(figures.begin(), figures.end(), [&](const Figure& f) {
      return !used[&f - figures.data()] && f.source.line == want.line && f.text == want.text;
    });
    if (it == figures.end()) {
      misses += fmt::format("  missed {}:{} {} ({})\n", source, want.line, want.text, want.label);
      continue;
    }
    used[it - figures.begin()] = true;
    ++counts.matched;
    if (it->label == want.label) {
      ++counts.label;
    } else {
      misses += fmt::format("  label  {}:{} {}: {} (listed {})\n", source, want.line, want.text,
                            it->label, want.label);
    }
    if (it->period.ToString() == want.period) {
      ++counts.period;
    } else {
      misses += fmt::format("  period {}:{} {}: {} (listed {})\n", source, want.line, want.text,
                            it->period.ToString(), want.period);
    }
    if (FigureStatusName(it->status) == want.status) {
      ++counts.status;
    } else {
      misses += fmt::format("  status {}:{} {}: {} (listed {})\n", source, want.line, want.text,
                            FigureStatusName(it->status), want.status);
    }
  }
  // An excepted figure (no analyst's data: figure.h) a list leaves out is not one found too many:
  // the lists hold the data figures.
  counts.found = counts.matched;
  for (size_t i = 0; i < figures.size(); ++i) {
    if (!used[i] && figures[i].excepted == FigureExcept::kNone) {
      ++counts.found;
      misses += fmt::format("  extra  {}:{} {} ({})\n", source, figures[i].source.line,
                            figures[i].text, figures[i].label);
    }
  }
  *report += fmt::format(
      "{:<50} listed {:>4}  found {:>5.1f}%  label {:>5.1f}%  period {:>5.1f}%  status {:>5.1f}%  "
      "not listed {:>3} ({:.1f}% of found)\n",
      list.filename().string(), counts.listed, 100 * Share(counts.matched, counts.listed),
      100 * Share(counts.label, counts.matched), 100 * Share(counts.period, counts.matched),
      100 * Share(counts.status, counts.matched), counts.extra(),
      100 * Share(counts.extra(), counts.found));
  if (std::getenv("GLEAN_FIGURES_DETAIL") != nullptr) *report += misses;
  return counts;
}

TEST_CASE("figures: the hand-checked figure lists are found, labelled, dated and marked") {
  std::vector<fs::path> lists;
  for (const auto& entry :
       fs::directory_iterator(fs::path(GLEAN_SOURCE_DIR) / "tests/data/figures")) {
    if (entry.path().string().ends_with(".figures.tsv")) lists.push_back(entry.path());
  }
  std::sort(lists.begin(), lists.end());
  REQUIRE(lists.size() >= 12);
  Counts total;
  std::string report;
  for (const fs::path& list : lists) total += Measure(list, &report);
  const double found = Share(total.matched, total.listed);
  const double label = Share(total.label, total.matched);
  const double period = Share(total.period, total.matched);
  const double status = Share(total.status, total.matched);
  const double extra = Share(total.extra(), total.found);
  report += fmt::format(
      "all: listed {}  found {:.1f}%  label {:.1f}%  period {:.1f}%  status {:.1f}%  not listed "
      "{} ({:.1f}% of found)\n",
      total.listed, 100 * found, 100 * label, 100 * period, 100 * status, total.extra(),
      100 * extra);
  MESSAGE(report);
  // The acceptance thresholds of issue 15. Those not yet met are reported, not failed (see
  // docs/figures.md); the floors below them guard what is reached.
  WARN_MESSAGE(found >= 0.98, "THRESHOLD NOT MET: found < 98%");
  WARN_MESSAGE(label >= 0.90, "THRESHOLD NOT MET: right label < 90%");
  WARN_MESSAGE(period >= 0.95, "THRESHOLD NOT MET: right period < 95%");
  WARN_MESSAGE(status >= 0.95, "THRESHOLD NOT MET: right status < 95%");
  WARN_MESSAGE(extra <= 0.01, "THRESHOLD NOT MET: not listed > 1% of found");
  CHECK(found >= kFoundFloor);
  CHECK(label >= kLabelFloor);
  CHECK(period >= kPeriodFloor);
  CHECK(status >= kStatusFloor);
  CHECK(extra <= kExtraCeiling);
}

}  // namespace
}  // namespace glean
