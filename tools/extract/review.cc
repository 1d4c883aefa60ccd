// extract review --rules RULES... INPUT... -o PAGE.html: one self-contained HTML page showing each
// report's text with its facts highlighted, to read before trusting a rule set. The page is the
// output stage's (glean/review_page.h); this file only takes the command line.
#include <algorithm>
#include <memory>
#include <thread>

#include "tools/extract/command.h"

namespace extract {
namespace {

struct ReviewCommandSettings {
  ReviewPageSettings page;
  bool no_figures = false;
};

}  // namespace

Command AddReviewCommand(CLI::App* app) {
  auto settings = std::make_shared<ReviewCommandSettings>();
  ReviewPageSettings& page = settings->page;
  page.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  CLI::App* review = app->add_subcommand(
      "review", "Write an HTML page showing each report's text with its facts highlighted");
  review
      ->add_option("--rules,-r", page.rule_paths,
                   "Rule file, or directory of *.yaml/*.yml rule files (repeatable)")
      ->required()
      ->allow_extra_args(false);
  review
      ->add_option("inputs", page.inputs,
                   "Input files, directories (their *.txt files, recursively) or - for stdin")
      ->required();
  review->add_option("--output,-o", page.output_path, "The page's file (default: standard output)");
  review->add_option("--encoding", page.encoding_name,
                     "Input encoding: auto (default), utf-8, utf-16le, utf-16be, gb18030 (gbk)");
  review->add_flag("--no-figures", settings->no_figures,
                   "Leave out the figures no rule claimed (shown by default, dotted underline)");
  review->add_option("--jobs,-j", page.jobs, "Documents processed in parallel (default: all cores)")
      ->check(CLI::Range(1, 1024));
  review
      ->add_option("--max-input-size", page.max_input_bytes,
                   "Inputs larger than this are refused with an error (default 512MB)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber);
  return {review, [settings] {
            settings->page.figures = !settings->no_figures;
            return RunReviewPage(settings->page);
          }};
}

}  // namespace extract
