// Passwords never reach an error message, a log line or a query log entry
// (issue 10, item 6): every form of connection string libpq accepts, and
// some it does not, with hostile passwords. Nothing here reaches a network:
// every string points at a unix socket directory that does not exist, or
// cannot be parsed at all.
#include "backend/connection.hpp"
#include "backend/url.hpp"
#include "models/conn.hpp"
#include "support/backends.hpp"

#include <covet/covet.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct HostileUrl {
  const char* what;                     // the case, for failure messages
  std::string url;                      // the connection string given to connect()
  std::vector<std::string> forbidden;   // text that must not appear in any message
};

// "/nonexistent-covet-sock" as a URI host: percent-encoded, so it is a socket path.
const std::string kSock = "host=/nonexistent-covet-sock&port=5";

std::vector<HostileUrl> hostile_urls() {
  return {
      {"keyword form, spaces around '='", "host=/nonexistent-covet-sock port=5 password = Zq9SecretA dbname=x",
       {"Zq9SecretA"}},
      {"keyword form, tab before '='", "host=/nonexistent-covet-sock port=5 password\t=Zq9SecretB", {"Zq9SecretB"}},
      {"keyword form, quoted with spaces, quote and backslash escapes",
       "password='Zq9 Se\\'cr\\\\etC' host=/nonexistent-covet-sock port=5",
       {"Zq9 Se", "Se'cr", "cr\\etC", "Se\\'cr"}},
      {"keyword form, '&' and '#' in the value", "host=/nonexistent-covet-sock port=5 password=Zq9a&b#SecretD",
       {"Zq9a", "b#SecretD", "SecretD"}},
      {"keyword form, '://' and '@' in the value", "host=/nonexistent-covet-sock password=Zq9a://b@SecretE port=5",
       {"Zq9a", "SecretE"}},
      {"keyword form, sslpassword", "host=/nonexistent-covet-sock port=5 sslpassword=Zq9SecretF", {"Zq9SecretF"}},
      {"URI, unencoded '/' in the password", "postgresql://bob:Zq9pa/SecretG@x/db?" + kSock,
       {"Zq9pa", "SecretG"}},
      {"URI, unencoded '@' in the password", "postgresql://bob:Zq9p@SecretH@x/db?" + kSock, {"Zq9p", "SecretH"}},
      {"URI, unencoded '?' in the password", "postgresql://bob:Zq9pa?SecretI@x/db?" + kSock, {"Zq9pa", "SecretI"}},
      {"URI, unencoded '#' in the password", "postgresql://bob:Zq9pa#SecretJ@x/db?" + kSock, {"Zq9pa", "SecretJ"}},
      {"URI, unencoded ':' in the password", "postgresql://bob:Zq9pa:SecretK@x/db?" + kSock, {"Zq9pa", "SecretK"}},
      {"URI, percent-encoded password", "postgresql://bob:Zq9pa%2FSe%40cretL@x/db?" + kSock,
       {"Zq9pa", "Se@cretL", "Se%40cretL", "cretL"}},
      {"URI, password as a query parameter", "postgresql:///db?" + kSock + "&password=Zq9SecretM", {"Zq9SecretM"}},
      {"URI, encoded '&' in a query password", "postgresql:///db?" + kSock + "&password=Zq9pa%26SecretN",
       {"Zq9pa", "SecretN"}},
      {"postgres:// scheme", "postgres://bob:Zq9SecretO@x/db?" + kSock, {"Zq9SecretO"}},
      {"unparseable keyword form: an unquoted space in the value",
       "host=/nonexistent-covet-sock password = Zq9sec retP", {"Zq9sec", "retP"}},
      {"unparseable URI: a bad percent-escape in the password", "postgresql://bob:Zq9pa%zzSecretQ@x/db",
       {"Zq9pa", "SecretQ"}},
      {"unparseable URI: an unencoded '&' in a query password", "postgresql:///db?password=Zq9pa&SecretR",
       {"Zq9pa", "SecretR"}},
      {"unparseable keyword form: an unterminated quote", "host=/nonexistent-covet-sock password='Zq9SecretS",
       {"Zq9SecretS"}},
      {"unknown scheme with a password", "mysql://bob:Zq9pa/SecretT@h/db", {"Zq9pa", "SecretT"}},
      {"NUL byte after the password", std::string("postgresql://bob:Zq9SecretU\0@x/db", 33), {"Zq9SecretU"}},
  };
}

void expect_hidden(const HostileUrl& c, const std::string& text, const char* where) {
  for (const std::string& f : c.forbidden)
    EXPECT_EQ(text.find(f), std::string::npos) << c.what << ": '" << f << "' shows in " << where << ": " << text;
}

TEST(PasswordMasking, ConnectErrorsNeverShowThePassword) {
  for (const HostileUrl& c : hostile_urls()) {
    try {
      covet::connect(c.url);
      ADD_FAILURE() << c.what << ": nothing listens there, connect() must fail";
    } catch (const covet::OperationalError& e) {
      expect_hidden(c, e.what(), "what()");
    }
  }
}

TEST(PasswordMasking, MaskedUrlsNeverShowThePassword) {
  for (const HostileUrl& c : hostile_urls()) expect_hidden(c, covet::detail::mask_password(c.url), "mask_password");
}

TEST(PasswordMasking, UnparseableStringIsRefusedSayingHowToQuote) {
  try {
    covet::connect("postgresql://bob:Zq9pa%zzSecret@x/db");
    FAIL() << "libpq cannot parse it";
  } catch (const covet::OperationalError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("libpq cannot parse"), std::string::npos) << what;
    EXPECT_NE(what.find("percent-encode"), std::string::npos) << what;
  }
}

TEST(PasswordMasking, MaskedUriKeepsWhatIsNotSecret) {
  EXPECT_EQ(covet::detail::mask_password("postgresql://bob:s3cret@127.0.0.1:1/nodb?connect_timeout=2"),
            "postgresql://bob:***@127.0.0.1:1/nodb?connect_timeout=2");
  EXPECT_EQ(covet::detail::mask_password("host=db port=5433 password='a b' dbname=app"),
            "host=db port=5433 password=*** dbname=app");
  EXPECT_EQ(covet::detail::mask_password("postgresql://bob:pa/ss@db/app"), "postgresql://bob:***@db/app")
      << "libpq reads host 'bob', port 'pa': the text up to the last '@' before the path is hidden";
  EXPECT_EQ(covet::detail::mask_password("postgresql://a:1,b,c:3/db?user=u"), "postgresql://a:1,b,c:3/db?user=u");
  EXPECT_EQ(covet::detail::mask_password("postgresql://[::1]:5/db"), "postgresql://[::1]:5/db");
}

TEST(PasswordMasking, SqliteUriKeyIsMasked) {
  const std::string masked = covet::detail::mask_password("sqlite:///file:app.db?mode=ro&key=Zq9SecretV");
  EXPECT_EQ(masked.find("Zq9SecretV"), std::string::npos) << masked;
  EXPECT_NE(masked.find("file:app.db?mode=ro"), std::string::npos) << masked;
}

// A working connection whose URL carries a password (the test server trusts
// local users, so libpq sends it and the server ignores it).
TEST(PasswordMasking, PasswordOfAWorkingConnectionReachesNoErrorAndNoQueryLogEntry) {
  const std::string base = covet::test::postgres_base_url();
  if (base.empty()) GTEST_SKIP() << covet::test::skip_reason("postgresql");
  if (!base.starts_with("postgresql://")) GTEST_SKIP() << "the test URL is not a URI: " << base;
  const std::string schema_url = covet::test::backend_url("postgresql");
  const std::string secret = "Zq9Pa/ss?wo#rd";
  // In the user information (percent-encoded) and as a query parameter.
  std::string url = schema_url;
  url.insert(std::string("postgresql://").size(), "postgres:Zq9Pa%2Fss%3Fwo%23rd@");
  url += "&sslpassword=Zq9SslSecret";
  covet::Database db = covet::connect(url);
  db.create_all();
  db.query_log().start();
  std::vector<std::string> messages;
  auto collect = [&](auto&& fn) {
    try {
      fn();
    } catch (const covet::Error& e) {
      messages.emplace_back(e.what());
    }
  };
  collect([&] { db.execute("SELECT * FROM no_such_table"); });
  db.execute("DO $$ BEGIN RAISE WARNING 'a warning for the log'; END $$");
  const covet::Value pid = db.query("SELECT pg_backend_pid()").at(0).at(0);
  auto killer = covet::detail::open_connection(base);
  {
    auto tx = db.atomic();
    killer->execute("SELECT pg_terminate_backend(CAST($1 AS integer), 10000)", std::vector<covet::Value>{pid});
    collect([&] { db.create(conn::ConnNote{.text = "lost"}); });
    collect([&] { db.create(conn::ConnNote{.text = "after"}); });
    collect([&] { tx.commit(); });
  }
  db.create(conn::ConnNote{.text = "reconnected"});
  killer->execute("SELECT pg_terminate_backend(CAST($1 AS integer), 10000)",
                  std::vector<covet::Value>{db.query("SELECT pg_backend_pid()").at(0).at(0)});
  collect([&] { db.objects<conn::ConnNote>().count(); });  // lost outside a scope
  db.query_log().stop();
  ASSERT_GE(messages.size(), 5u);
  for (const std::string& m : messages)
    for (const std::string& f : {secret, std::string("Zq9Pa"), std::string("Zq9SslSecret")})
      EXPECT_EQ(m.find(f), std::string::npos) << m;
  bool warned = false;
  for (const covet::QueryLogEntry& e : db.query_log().entries()) {
    std::string text = e.sql;
    for (const covet::Value& v : e.params) text += " " + v.debug_string();
    for (const covet::ServerNotice& n : e.notices) {
      text += " " + n.message;
      warned = true;
    }
    EXPECT_EQ(text.find("Zq9"), std::string::npos) << text;
  }
  EXPECT_TRUE(warned) << "the warning must be in the log, so the check above saw notices too";
}

}  // namespace
