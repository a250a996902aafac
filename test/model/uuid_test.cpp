// covet::Uuid as a value: canonical text in and out, order by bytes (the
// order of the canonical text), random version 4 keys.
#include <covet/errors.hpp>
#include <covet/field_traits.hpp>
#include <covet/uuid.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace {

using covet::Uuid;

TEST(UuidValue, CanonicalTextRoundTrips) {
  const std::string text = "a1b2c3d4-e5f6-4789-8abc-def012345678";
  EXPECT_EQ(Uuid(text).to_string(), text);
  EXPECT_EQ(Uuid(text).bytes()[0], 0xa1);
  EXPECT_EQ(Uuid(text).bytes()[15], 0x78);
}

TEST(UuidValue, UpperCaseIsReadAndWrittenInLowerCase) {
  EXPECT_EQ(Uuid("A1B2C3D4-E5F6-4789-8ABC-DEF012345678").to_string(), "a1b2c3d4-e5f6-4789-8abc-def012345678");
}

TEST(UuidValue, DefaultIsNil) {
  EXPECT_TRUE(Uuid().is_nil());
  EXPECT_EQ(Uuid().to_string(), "00000000-0000-0000-0000-000000000000");
  EXPECT_FALSE(Uuid("00000000-0000-0000-0000-000000000001").is_nil());
}

TEST(UuidValue, MalformedTextIsAUsageError) {
  for (const char* bad : {"", "a1b2c3d4e5f647898abcdef012345678", "a1b2c3d4-e5f6-4789-8abc-def01234567",
                          "a1b2c3d4-e5f6-4789-8abc-def0123456789", "g1b2c3d4-e5f6-4789-8abc-def012345678",
                          "a1b2c3d4-e5f6-47898-abc-def012345678", "{a1b2c3d4-e5f6-4789-8abc-def0123456}"}) {
    EXPECT_THROW(Uuid{bad}, covet::UsageError) << bad;
    EXPECT_FALSE(Uuid::parse(bad).has_value()) << bad;
  }
}

TEST(UuidValue, RandomIsVersionFourVariantOne) {
  for (int i = 0; i < 100; ++i) {
    Uuid u = Uuid::random();
    EXPECT_EQ(u.version(), 4);
    EXPECT_EQ(u.bytes()[8] & 0xC0, 0x80);
    EXPECT_EQ(u.to_string()[14], '4');
  }
}

TEST(UuidValue, RandomKeysDoNotRepeat) {
  std::set<Uuid> seen;
  for (int i = 0; i < 10000; ++i) EXPECT_TRUE(seen.insert(Uuid::random()).second);
}

TEST(UuidValue, OrderOfBytesIsOrderOfCanonicalText) {
  std::set<Uuid> by_value;
  std::set<std::string> by_text;
  for (int i = 0; i < 200; ++i) {
    Uuid u = Uuid::random();
    by_value.insert(u);
    by_text.insert(u.to_string());
  }
  auto t = by_text.begin();
  for (const Uuid& u : by_value) EXPECT_EQ(u.to_string(), *t++);
}

TEST(UuidValue, ReadsFromTextBytesOrAUuidValue) {
  using Traits = covet::FieldTraits<Uuid>;
  const Uuid u("a1b2c3d4-e5f6-4789-8abc-def012345678");
  EXPECT_EQ(Traits::from_value(covet::Value(u)), u);
  EXPECT_EQ(Traits::from_value(covet::Value(u.to_string())), u);
  covet::Blob bytes;
  for (std::uint8_t b : u.bytes()) bytes.push_back(static_cast<std::byte>(b));
  EXPECT_EQ(Traits::from_value(covet::Value(bytes)), u);
  EXPECT_THROW(Traits::from_value(covet::Value("not a uuid")), covet::UsageError);
  EXPECT_THROW(Traits::from_value(covet::Value()), covet::UsageError);
}

TEST(UuidValue, DebugStringNamesTheType) {
  EXPECT_EQ(covet::Value(Uuid("a1b2c3d4-e5f6-4789-8abc-def012345678")).debug_string(),
            "UUID 'a1b2c3d4-e5f6-4789-8abc-def012345678'");
}

}  // namespace
