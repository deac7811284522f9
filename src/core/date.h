// A calendar date (the story's date, a term's start or end). Plain value type; comparison is
// chronological. Parsing accepts YYYY-MM-DD only and checks the day exists.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace wirelint {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  static std::optional<Date> parse(std::string_view iso);
  static Date today();
  std::string to_string() const;

  friend bool operator<(const Date& a, const Date& b) {
    return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
  }
  friend bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
  friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
  friend bool operator>(const Date& a, const Date& b) { return b < a; }
  friend bool operator>=(const Date& a, const Date& b) { return !(a < b); }
};

}  // namespace wirelint
