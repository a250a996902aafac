// open_connection(): picks the backend from the URL's scheme.
#include "backend/connection.hpp"
#include "backend/postgres_connection.hpp"
#include "backend/sqlite_connection.hpp"
#include "backend/url.hpp"

#include <covet/errors.hpp>

namespace covet::detail {

namespace {

constexpr std::string_view kAcceptedForms =
    "accepted forms: \"sqlite::memory:\", \"sqlite:///relative/path.db\", \"sqlite:////absolute/path.db\", "
    "\"sqlite:///file:path.db?mode=ro\" (an SQLite URI), \"postgresql://user:password@host:port/database\" (or "
    "\"postgres://...\", or libpq's \"host=... dbname=...\")";

[[noreturn]] void bad_url(std::string_view url, std::string_view why) {
  throw OperationalError("cannot open a database from URL '" + mask_password(url) + "': " + std::string(why) +
                         "; " + std::string(kAcceptedForms));
}

}  // namespace

std::unique_ptr<Connection> open_connection(std::string_view url, const ConnectOptions& options) {
  // C APIs read file names and connection strings up to the first NUL:
  // "sqlite:///dir/a\0b.db" would open "dir/a".
  // Not echoed: the text a C parser would see is not the text given.
  if (const auto nul = url.find('\0'); nul != std::string_view::npos)
    throw OperationalError("cannot open a database from a URL of " + std::to_string(url.size()) +
                           " bytes that holds a NUL byte at offset " + std::to_string(nul) +
                           ": file names and connection strings cannot contain one; remove it");
  switch (classify_url(url)) {
    case UrlKind::SQLite: {
      if (url == "sqlite::memory:") return std::make_unique<SqliteConnection>(":memory:", url, options);
      static constexpr std::string_view kPrefix = "sqlite:///";
      if (!url.starts_with(kPrefix))
        bad_url(url, "a SQLite URL is \"sqlite::memory:\" or starts with \"sqlite:///\"");
      const std::string_view path = url.substr(kPrefix.size());
      if (path.empty() || path == "/" || path == "file:") bad_url(url, "the SQLite URL names no file");
      return std::make_unique<SqliteConnection>(std::string(path), url, options);
    }
    case UrlKind::PostgreSQL: return std::make_unique<PostgresConnection>(std::string(url), options);
    case UrlKind::UnknownScheme: bad_url(url, "unknown scheme '" + bounded_excerpt(url_scheme(url), 40) + "'");
    case UrlKind::Unrecognized: break;
  }
  bad_url(url, url.empty() ? "the URL is empty" : "the URL has no scheme");
}

}  // namespace covet::detail
