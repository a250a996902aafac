// What Covet may show of a PostgreSQL connection string, and what it must
// hide. libpq accepts a URI ("postgresql://user:pw@host/db?password=...") and
// a keyword form ("host=db password = 'a b\' c'"), with percent-encoding,
// quoting and escapes; a hand-written masker misses some of them. So the
// string is parsed by libpq itself (PQconninfoParse) and shown rebuilt from
// what libpq read, never echoed:
//
//   PostgresConninfo info("postgresql://bob:pa%2Fss@db:5433/app?sslmode=require");
//   info.display();   // "postgresql://bob:***@db:5433/app?sslmode=require"
//   info.scrub(PQerrorMessage(conn));   // libpq's text without the password
//
// Two cases need more care:
//  * A string libpq cannot parse is not shown at all; libpq's reason is
//    kept with its quoted parts elided (they may quote the password:
//    `invalid percent-encoded token: "pa%zzss"`).
//  * A URI whose password holds an unencoded '/' or '@' is parsed by libpq,
//    but wrongly: "postgresql://bob:pa/ss@db/app" reads as host "bob", port
//    "pa", database "ss@db/app". When an '@' appears before the query but after where
//    libpq ended the user information, everything up to it is hidden,
//    and so are the quoted parts and the pieces of that text in libpq's
//    messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace covet::detail {

class PostgresConninfo {
 public:
  explicit PostgresConninfo(std::string_view conninfo);

  // Whether libpq could parse the string.
  bool parsed() const { return parse_error_.empty(); }
  // libpq's reason when it could not, quoted parts elided; empty when parsed.
  const std::string& parse_error() const { return parse_error_; }
  // The string rebuilt from what libpq read, passwords as "***"; for a string
  // libpq cannot parse, a placeholder saying how long it was.
  const std::string& display() const { return display_; }
  // `text` (a libpq or server message) with every secret replaced by "***".
  std::string scrub(std::string_view text) const;

 private:
  std::string display_;
  std::string parse_error_;
  std::vector<std::string> secrets_;  // longest first, so a longer one is not cut by a shorter
  bool elide_quotes_ = false;         // the string may have been misread: hide libpq's quoted values
  std::size_t misread_at_ = 0;        // in a misread URI, the '@' that ends what is hidden
};

}  // namespace covet::detail
