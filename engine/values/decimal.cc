#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "glean/value.h"

namespace glean {

namespace {

constexpr int kMaxScale = 18;

bool MulOverflow(int64_t a, int64_t b, int64_t* out) { return __builtin_mul_overflow(a, b, out); }
bool AddOverflow(int64_t a, int64_t b, int64_t* out) { return __builtin_add_overflow(a, b, out); }

std::optional<int64_t> Pow10(int exponent) {
  int64_t value = 1;
  for (int i = 0; i < exponent; ++i) {
    if (MulOverflow(value, 10, &value)) return std::nullopt;
  }
  return value;
}

// Brings both to the larger scale; false on overflow.
bool Align(const Decimal& a, const Decimal& b, int64_t* x, int64_t* y, int* scale) {
  *scale = std::max(a.scale(), b.scale());
  std::optional<int64_t> fa = Pow10(*scale - a.scale());
  std::optional<int64_t> fb = Pow10(*scale - b.scale());
  return fa && fb && !MulOverflow(a.mantissa(), *fa, x) && !MulOverflow(b.mantissa(), *fb, y);
}

// Drops trailing zeros of the fraction, so equal values have one representation.
Decimal Trim(int64_t mantissa, int scale) {
  while (scale > 0 && mantissa % 10 == 0) {
    mantissa /= 10;
    --scale;
  }
  return Decimal(mantissa, scale);
}

}  // namespace

Decimal::Decimal(int64_t mantissa, int scale) : mantissa_(mantissa), scale_(scale) {}

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  int64_t mantissa = 0;
  int scale = 0;
  bool digits = false, point = false, fraction_digits = false;
  bool last_was_comma = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      if (point && scale == kMaxScale) return std::nullopt;
      if (MulOverflow(mantissa, 10, &mantissa) || AddOverflow(mantissa, c - '0', &mantissa)) {
        return std::nullopt;
      }
      if (point) {
        ++scale;
        fraction_digits = true;
      }
      digits = true;
      last_was_comma = false;
    } else if (c == ',' && digits && !point && !last_was_comma) {
      last_was_comma = true;  // thousands separator
    } else if (c == '.' && !point) {
      point = true;
      last_was_comma = false;
    } else {
      return std::nullopt;
    }
  }
  if (!digits || last_was_comma || (point && !fraction_digits)) return std::nullopt;
  return Trim(negative ? -mantissa : mantissa, scale);
}

bool Decimal::IsInteger() const {
  if (scale_ == 0) return true;
  std::optional<int64_t> factor = Pow10(scale_);
  return factor && mantissa_ % *factor == 0;
}

double Decimal::ToDouble() const { return std::strtod(ToString().c_str(), nullptr); }

std::string Decimal::ToString() const {
  char text[kMaxChars];
  return std::string(text, Write(text));
}

char* Decimal::Write(char* out) const {
  const Decimal trimmed = Trim(mantissa_, scale_);
  const bool negative = trimmed.mantissa_ < 0;
  // Through unsigned, so the most negative mantissa has a magnitude too.
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(trimmed.mantissa_)
                                      : static_cast<uint64_t>(trimmed.mantissa_);
  char digits[20];
  const size_t digit_count =
      static_cast<size_t>(std::to_chars(digits, digits + sizeof digits, magnitude).ptr - digits);
  const size_t scale = static_cast<size_t>(trimmed.scale_);
  if (negative) *out++ = '-';
  if (scale == 0) return std::copy(digits, digits + digit_count, out);
  if (digit_count <= scale) {
    *out++ = '0';
    *out++ = '.';
    out = std::fill_n(out, scale - digit_count, '0');
    return std::copy(digits, digits + digit_count, out);
  }
  out = std::copy(digits, digits + digit_count - scale, out);
  *out++ = '.';
  return std::copy(digits + digit_count - scale, digits + digit_count, out);
}

std::optional<Decimal> Decimal::Add(const Decimal& other) const {
  int64_t x, y, sum;
  int scale;
  if (!Align(*this, other, &x, &y, &scale) || AddOverflow(x, y, &sum)) return std::nullopt;
  return Trim(sum, scale);
}

std::optional<Decimal> Decimal::Multiply(const Decimal& other) const {
  int64_t product;
  if (MulOverflow(mantissa_, other.mantissa_, &product)) return std::nullopt;
  int scale = scale_ + other.scale_;
  Decimal result = Trim(product, std::min(scale, 36));
  if (result.scale_ > kMaxScale) return std::nullopt;
  return result;
}

std::optional<Decimal> Decimal::MultiplyByPowerOf10(int exponent) const {
  if (exponent >= 0) {
    int scale = scale_;
    int64_t mantissa = mantissa_;
    while (exponent > 0 && scale > 0) {
      --scale;
      --exponent;
    }
    std::optional<int64_t> factor = Pow10(exponent);
    if (!factor || MulOverflow(mantissa, *factor, &mantissa)) return std::nullopt;
    return Trim(mantissa, scale);
  }
  if (scale_ - exponent > kMaxScale) return std::nullopt;
  return Trim(mantissa_, scale_ - exponent);
}

bool operator==(const Decimal& a, const Decimal& b) {
  int64_t x, y;
  int scale;
  if (!Align(a, b, &x, &y, &scale)) return a.ToString() == b.ToString();
  return x == y;
}

bool operator<(const Decimal& a, const Decimal& b) {
  int64_t x, y;
  int scale;
  if (!Align(a, b, &x, &y, &scale)) return a.ToDouble() < b.ToDouble();
  return x < y;
}

const char* ApproxName(Approx approx) {
  switch (approx) {
    case Approx::kExact:
      return "";
    case Approx::kMore:
      return "more";
    case Approx::kLess:
      return "less";
    case Approx::kAbout:
      return "about";
  }
  return "";
}

}  // namespace glean
