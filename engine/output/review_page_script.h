// The fixed parts of the review page (glean/review_page.h): its head with the styles, and the
// script that renders the documents' data blocks.
#ifndef GLEAN_ENGINE_OUTPUT_REVIEW_PAGE_SCRIPT_H_
#define GLEAN_ENGINE_OUTPUT_REVIEW_PAGE_SCRIPT_H_

namespace glean::output {

// Everything before the first document's data block; "@TITLE@" stands for the page's title,
// HTML-escaped, in both places it appears.
extern const char kReviewPageHead[];
// The script and the page's end, after the last document's data block.
extern const char kReviewPageTail[];

}  // namespace glean::output

#endif  // GLEAN_ENGINE_OUTPUT_REVIEW_PAGE_SCRIPT_H_
