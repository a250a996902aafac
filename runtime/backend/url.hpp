// Small helpers shared by the backends for connection URLs and error text.
// Nothing here ever returns a password: every URL that reaches a message, a
// log line or a query log entry goes through mask_password() first.
#pragma once

#include <string>
#include <string_view>

namespace covet::detail {

// What a connection URL names, from its start alone.
enum class UrlKind {
  SQLite,         // "sqlite:..."
  PostgreSQL,     // "postgresql://", "postgres://", or libpq's keyword form "host=db dbname=app"
  UnknownScheme,  // "mysql://...": a scheme Covet does not know
  Unrecognized,   // no scheme and no "key=value": "", "app.db"
};
UrlKind classify_url(std::string_view url);

// The URL's scheme ("mysql" of "mysql://..."), when it starts with one.
std::string_view url_scheme(std::string_view url);

// The URL made safe for a message, without any password, cut to an excerpt:
//   "postgresql://bob:secret@db/x"      -> "postgresql://bob:***@db/x"
//   "postgresql:///x?password=secret"   -> "postgresql:///x?password=***"
//   "host=db password='s e' dbname=x"   -> "host=db password=*** dbname=x"
//   "mysql://bob:pw@h/db"               -> "mysql://***@h/db"
// PostgreSQL strings are parsed by libpq itself (postgres_conninfo.hpp) and
// rebuilt from what it read, so no quoting or encoding trick leaves a
// password in the text; what libpq cannot parse is not echoed at all.
std::string mask_password(std::string_view url);

// `text` for an error message: control bytes shown as \xNN, and when longer
// than `max` characters, its start and end around "...", followed by how
// long it was: "/tmp/aaaa...aaaa.db (1048576 bytes)". A 1 MB file name must
// not make a 1 MB message.
std::string bounded_excerpt(std::string_view text, std::size_t max = 160);

// The start of `sql` (whitespace runs collapsed, cut at about 200 characters)
// for appending to error messages; the full text is in Error::sql().
std::string sql_excerpt(std::string_view sql);

}  // namespace covet::detail
