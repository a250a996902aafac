// The PostgreSQL session settings Covet relies on are pinned when it
// connects (issue 10, item 9), whatever the server, database, role or URL
// says. The URL's libpq `options` sets the hostile values here, as
// `ALTER DATABASE ... SET` would for every session.
#include "models/conn.hpp"
#include "support/database_fixture.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace conn;

namespace {

// Server settings opposite to what Covet's SQL and conversions assume.
const std::vector<std::pair<std::string, std::string>> kHostileSettings = {
    {"standard_conforming_strings", "off"}, {"DateStyle", "German"},         {"TimeZone", "Asia/Tokyo"},
    {"IntervalStyle", "sql_standard"},      {"extra_float_digits", "0"},     {"bytea_output", "escape"},
    {"transform_null_equals", "on"},        {"client_encoding", "LATIN1"},
};

class SessionSettingsTest : public covet::test::DatabaseTest {
 protected:
  // The fixture's URL with `options` extended by the hostile settings.
  std::string hostile_url() const {
    std::string extra;
    for (const auto& [name, value] : kHostileSettings) extra += " -c" + name + "=" + value;
    if (url.ends_with("'")) return url.substr(0, url.size() - 1) + extra + "'";  // keyword form
    std::string encoded;
    for (char c : extra) encoded += c == ' ' ? std::string("%20") : c == '=' ? std::string("%3D") : std::string(1, c);
    return url + encoded;  // backend_url ends with the options parameter
  }
  covet::Database hostile() {
    if (is_sqlite()) return covet::connect(url);  // SQLite has no session settings: the same database
    return covet::connect(hostile_url());
  }
};

TEST_P(SessionSettingsTest, PatternLookupWithABackslashAndAPercentWorksWhateverTheServerSays) {
  covet::Database db = is_sqlite() ? *database : hostile();
  db.create(ConnNote{.text = "a\\b%c"});
  db.create(ConnNote{.text = "a\\bxc"});
  db.create(ConnNote{.text = "abc"});
  auto found = db.objects<ConnNote>().filter("text__contains", "\\b%").fetch();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "a\\b%c");
  EXPECT_EQ(db.objects<ConnNote>().filter("text__startswith", "a\\").count(), 2);
}

TEST_P(SessionSettingsTest, ValuesRoundTripWhateverTheServerSays) {
  if (is_sqlite()) GTEST_SKIP() << "SQLite has no session settings";
  covet::Database db = hostile();
  const auto rows = db.query("SELECT CAST($1 AS double precision), CAST($2 AS bytea), CAST($3 AS timestamp), "
                             "CAST($4 AS text) = NULL, $5 || ''",
                             {covet::Value(0.1), covet::Value(covet::Blob{std::byte{0}, std::byte{0x5c}}),
                              covet::Value(covet::Timestamp{1709214330123456}), covet::Value(),
                              covet::Value("Zoë")});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], covet::Value(0.1)) << "extra_float_digits";
  EXPECT_EQ(rows[0][1], covet::Value(covet::Blob{std::byte{0}, std::byte{0x5c}})) << "bytea_output";
  EXPECT_EQ(rows[0][2], covet::Value("2024-02-29 13:45:30.123456")) << "DateStyle, TimeZone";
  EXPECT_TRUE(rows[0][3].is_null()) << "transform_null_equals: NULL = NULL is NULL";
  EXPECT_EQ(rows[0][4], covet::Value("Zoë")) << "client_encoding";
}

TEST_P(SessionSettingsTest, PinnedSettingsAreTheSessionsSettings) {
  if (is_sqlite()) GTEST_SKIP() << "SQLite has no session settings";
  covet::Database db = hostile();
  auto show = [&](const std::string& name) { return db.query("SHOW " + name).at(0).at(0).as_text(); };
  EXPECT_EQ(show("standard_conforming_strings"), "on");
  EXPECT_EQ(show("client_encoding"), "UTF8");
  EXPECT_EQ(show("DateStyle"), "ISO, YMD");
  EXPECT_EQ(show("TimeZone"), "UTC");
  EXPECT_EQ(show("IntervalStyle"), "postgres");
  EXPECT_EQ(show("extra_float_digits"), "3");
  EXPECT_EQ(show("bytea_output"), "hex");
  EXPECT_EQ(show("transform_null_equals"), "off");
  EXPECT_NE(show("search_path").find("covet_t"), std::string::npos)
      << "what Covet does not pin stays the URL's: " << show("search_path");
}

COVET_INSTANTIATE_BACKENDS(SessionSettingsTest);

}  // namespace
