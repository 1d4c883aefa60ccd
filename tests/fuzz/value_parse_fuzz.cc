// libFuzzer target: every value parser takes any text and any following text (issue 21).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "glean/value.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view all(reinterpret_cast<const char*>(data) + 1, size - 1);
  const size_t split = all.empty() ? 0 : data[0] % (all.size() + 1);
  const std::string_view text = all.substr(0, split), following = all.substr(split);
  for (int type = 0; type <= static_cast<int>(glean::SlotType::kText); ++type) {
    (void)glean::ParseValue(static_cast<glean::SlotType>(type), text, {2021}, following);
  }
  return 0;
}
