#include <algorithm>
#include <cctype>
#include <string>

#include "glean/options.h"

namespace glean {

bool ParseEncoding(const std::string& name, Encoding* encoding) {
  std::string key;
  for (char c : name) {
    if (c != '-' && c != '_') key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (key == "auto")
    *encoding = Encoding::kAuto;
  else if (key == "utf8")
    *encoding = Encoding::kUtf8;
  else if (key == "utf16le")
    *encoding = Encoding::kUtf16Le;
  else if (key == "utf16be")
    *encoding = Encoding::kUtf16Be;
  else if (key == "gb18030" || key == "gbk" || key == "gb2312")
    *encoding = Encoding::kGb18030;
  else
    return false;
  return true;
}

const char* EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kAuto:
      return "auto";
    case Encoding::kUtf8:
      return "utf-8";
    case Encoding::kUtf16Le:
      return "utf-16le";
    case Encoding::kUtf16Be:
      return "utf-16be";
    case Encoding::kGb18030:
      return "gb18030";
  }
  return "?";
}

}  // namespace glean
