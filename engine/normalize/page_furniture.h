// Web-page furniture: what a government site prints around a report and a copy of the page
// keeps (a breadcrumb, rows of buttons). Line joining must not take it for a piece of the
// report's first paragraph, and the report header passes over it.
#ifndef GLEAN_ENGINE_NORMALIZE_PAGE_FURNITURE_H_
#define GLEAN_ENGINE_NORMALIZE_PAGE_FURNITURE_H_

#include <string_view>

namespace glean::normalize {

// Whether `line` (one line, folded or not, blanks at either end allowed) holds a page's buttons
// and nothing else but their brackets and separators: `下载 打印 全屏 收藏`, `【字号：加大 还原
// 减小】`, `分享到：微信 微博 QQ空间`. Long as such a row may be, no sentence is made of these
// words alone.
bool IsButtonRow(std::string_view line);

// Whether an unpunctuated line is a web page's furniture rather than a piece of a paragraph: a
// row of buttons, a breadcrumb (首页 > 政务公开 > …) or a line of bracketed buttons
// (【打印本页】【关闭窗口】). NOTE: a paragraph's line may end in 】 too; ask only of a line that
// reads as no paragraph otherwise.
bool IsPageFurniture(std::string_view line);

}  // namespace glean::normalize

#endif  // GLEAN_ENGINE_NORMALIZE_PAGE_FURNITURE_H_
