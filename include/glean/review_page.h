// The review page: one self-contained HTML file that shows each report's original text with its
// facts highlighted in place, for a person deciding whether to trust a rule set (extract review,
// extract --format html). No network and no external files: the styles and the script are in the
// page, and each document's text and facts are a JSON block the script renders when the document
// is picked, so a page of thousands of facts builds the text of one document at a time.
#ifndef GLEAN_REVIEW_PAGE_H_
#define GLEAN_REVIEW_PAGE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "glean/diagnostic.h"
#include "glean/fact.h"
#include "glean/fact_table.h"
#include "glean/options.h"

namespace glean {

// Writes the page piece by piece through `write`, in order: the head when made, a block per
// document with Add, the script with Finish. Documents are added from one thread at a time, in the
// order the page lists them. Not thread-safe.
class ReviewPage {
 public:
  // `title` is the page's heading (a run's inputs, say).
  ReviewPage(std::function<void(std::string_view)> write, std::string_view title);
  ReviewPage(const ReviewPage&) = delete;  // writes to one stream in order
  ReviewPage& operator=(const ReviewPage&) = delete;

  // One input: its bytes as read (decoded here with `encoding`, as the engine decoded them, so
  // the page shows the original text and not the normalized one) and its facts, whose byte
  // offsets into `input` place the highlights. The `document` fact is left out of the list (the
  // record's title and year head the text). A fact whose span does not fit the input is listed
  // but not highlighted, with a warning "output".
  [[nodiscard]] Diagnostics Add(const DocumentRecord& document, std::string_view input,
                                Encoding encoding, const std::vector<Fact>& facts);

  // Writes the script and closes the page; call once, after the last Add.
  void Finish();

 private:
  std::function<void(std::string_view)> write_;
  int documents_ = 0;
};

}  // namespace glean

#endif  // GLEAN_REVIEW_PAGE_H_
