// Test inputs in other encodings, written the way another tool would have written the file.
#ifndef GLEAN_TESTS_SUPPORT_ENCODE_H_
#define GLEAN_TESTS_SUPPORT_ENCODE_H_

#include <string>

namespace glean::testing {

// `utf8` converted to `encoding` (an ICU converter name: "GB18030", "UTF-16LE") with ICU; fails
// the running test when ICU cannot convert.
std::string Encode(const std::string& utf8, const char* encoding);

}  // namespace glean::testing

#endif  // GLEAN_TESTS_SUPPORT_ENCODE_H_
