// The names a relation's reverse side and an automatic join table get when the
// declaration leaves them to the defaults, as Django gives them: the accessor
// "<model>_set" ("<model>" for a one-to-one) is what prefetch_related and
// declared reverse members use; the query name "<model>" (related_query_name
// overriding it) is what filter lookups use. The plugin takes the same names
// from the same definition (covet/detail/naming.hpp); its lit tests
// (lit-tests/reverse-names-default.cpp) pin the plugin's side, this suite the
// runtime's, so the two cannot drift apart unnoticed.
#include "models/naming.hpp"
#include "relations/join_table.hpp"
#include "support/database_fixture.hpp"
#include "support/error_message.hpp"

#include <covet/detail/naming.hpp>
#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using naming::Order;
using naming::Profile;
using naming::Account;
using naming::Review;
using naming::User;

// The reverse relation `source_member` of model Source gives model Target.
template <class Target, class Source>
const covet::ReverseRelation& reverse_of(std::string_view source_member) {
  for (const covet::ReverseRelation& r : covet::model_info<Target>().reverse)
    if (r.source == &covet::model_info<Source>() && r.member->name == source_member) return r;
  ADD_FAILURE() << "no reverse relation of " << source_member;
  static const covet::ReverseRelation none;
  return none;
}

TEST(ReverseNaming, ForeignKeyAccessorIsModelSet) {
  EXPECT_EQ((reverse_of<User, Order>("user").accessor), "order_set");
}

TEST(ReverseNaming, ForeignKeyQueryNameIsModel) {
  EXPECT_EQ((reverse_of<User, Order>("user").query_name), "order");
}

TEST(ReverseNaming, RelatedQueryNameOverridesOnlyTheQueryName) {
  const covet::ReverseRelation& r = reverse_of<User, Review>("author");
  EXPECT_EQ(r.accessor, "review_set");
  EXPECT_EQ(r.query_name, "reviewed");
}

TEST(ReverseNaming, OneToOneAccessorAndQueryNameAreModel) {
  const covet::ReverseRelation& r = reverse_of<User, Profile>("user");
  EXPECT_EQ(r.accessor, "profile");
  EXPECT_EQ(r.query_name, "profile");
  EXPECT_TRUE(r.single);
}

TEST(ReverseNaming, RegistryAgreesWithTheSharedDefinition) {
  namespace names = covet::detail::naming;
  for (const covet::ModelInfo* model : covet::all_models())
    for (const covet::ReverseRelation& r : model->reverse) {
      const covet::RelationInfo& rel = *r.member->relation;
      // "{model}" in a relation of an abstract base names the concrete model.
      const std::string related_name = names::expand_model_placeholder(rel.related_name, r.source->name);
      const std::string query_name = names::expand_model_placeholder(rel.related_query_name, r.source->name);
      EXPECT_EQ(r.accessor, names::reverse_accessor(r.source->name, related_name, r.single))
          << r.source->name << "." << r.member->name;
      EXPECT_EQ(r.query_name, names::reverse_query_name(r.source->name, related_name, query_name))
          << r.source->name << "." << r.member->name;
    }
}

TEST(ReverseNaming, ModelNameLowerCasesAsciiOnly) {
  EXPECT_EQ(covet::detail::naming::model_name("OrderItem"), "orderitem");
  EXPECT_EQ(covet::detail::naming::model_name("\xC3\x89t\xC3\xA9"), "\xC3\x89t\xC3\xA9")
      << "bytes outside ASCII are kept, whatever the locale";
}

TEST(JoinTableNaming, EqualModelNamesGetFromAndToColumns) {
  const covet::ModelInfo& archived = covet::model_info<naming::archive::Tag>();
  const auto jt = covet::detail::join_table_of(archived, *archived.member("current"));
  EXPECT_EQ(jt.table, "naming_archive_tag_current");
  EXPECT_EQ(jt.source_column, "from_tag_id") << "Django compares model names, not models";
  EXPECT_EQ(jt.target_column, "to_tag_id");
  EXPECT_FALSE(jt.symmetrical) << "two distinct models: not a self relation";
}

// Content-type names, "<app label>.<model name>" (Django's app_label.model):
// the plugin computes them with these functions and emits the result, so
// the emitted names of naming:: models pin the plugin's side.
TEST(ContentTypeNaming, AppLabelJoinsLowerCasedNamespacesWithUnderscore) {
  EXPECT_EQ(covet::detail::naming::app_label({"Shop", "Billing"}), "shop_billing");
}

TEST(ContentTypeNaming, AppLabelOutsideAnyNamespaceIsDefault) {
  EXPECT_EQ(covet::detail::naming::app_label({}), "default");
}

TEST(ContentTypeNaming, NameIsAppLabelDotModelName) {
  EXPECT_EQ(covet::detail::naming::content_type_name({"shop"}, "OrderItem"), "shop.orderitem");
  EXPECT_EQ(covet::detail::naming::content_type_name({}, "Note"), "default.note");
}

TEST(ContentTypeNaming, EmittedNameFollowsTheRule) {
  EXPECT_EQ(covet::model_info<naming::User>().content_type, "naming.user");
  EXPECT_EQ(covet::model_info<naming::archive::Tag>().content_type, "naming_archive.tag")
      << "nested namespaces join with '_'";
}

TEST(ContentTypeNaming, SplitTakesTheFirstDot) {
  const auto parts = covet::detail::naming::split_content_type("shop.orderitem");
  EXPECT_EQ(parts.app_label, "shop");
  EXPECT_EQ(parts.model, "orderitem");
}

TEST(ContentTypeNaming, OverridesAreOneDotBetweenLowerCaseIdentifiers) {
  using covet::detail::naming::is_valid_content_type;
  EXPECT_TRUE(is_valid_content_type("tagging.label"));
  EXPECT_TRUE(is_valid_content_type("app_2.model_x"));
  EXPECT_FALSE(is_valid_content_type("tagging")) << "no dot";
  EXPECT_FALSE(is_valid_content_type("a.b.c")) << "two dots";
  EXPECT_FALSE(is_valid_content_type(".label")) << "empty app label";
  EXPECT_FALSE(is_valid_content_type("tagging.")) << "empty model";
  EXPECT_FALSE(is_valid_content_type("Tagging.label")) << "upper case";
  EXPECT_FALSE(is_valid_content_type("tag-ging.label")) << "not an identifier character";
  EXPECT_FALSE(is_valid_content_type("2app.label")) << "starts with a digit";
  EXPECT_FALSE(is_valid_content_type("app." + std::string(101, 'm'))) << "over the 100-byte column";
  EXPECT_TRUE(is_valid_content_type("app." + std::string(100, 'm')));
}

class NamingTest : public covet::test::DatabaseTest {
 protected:
  User user(const std::string& name) { return database->create(User{.username = name}); }
  covet::QuerySet<User> users() const { return database->objects<User>(); }

  // Deliberately wrong lookups go through a variable, not a literal, so that
  // a compile-time lookup check over this file leaves them to the runtime.
  static std::string lookup(const char* text) { return text; }
};

TEST_P(NamingTest, PrefetchRelatedTakesTheDefaultAccessor) {
  User ann = user("ann");
  database->create(Order{.number = 1, .user = ann});
  database->create(Order{.number = 2, .user = ann});
  std::vector<User> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] { loaded = users().prefetch_related("order_set").fetch(); });
  ASSERT_EQ(loaded.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(loaded[0].order_set.all().fetch().size(), 2u); });
}

TEST_P(NamingTest, PrefetchRelatedRejectsTheQueryName) {
  user("ann");
  EXPECT_THROW(users().prefetch_related(lookup("order")).fetch(), covet::FieldError);
}

TEST_P(NamingTest, FilterTakesTheDefaultQueryName) {
  User ann = user("ann"), bob = user("bob");
  database->create(Order{.number = 7, .user = ann});
  database->create(Order{.number = 8, .user = bob});
  std::vector<User> found = users().filter("order__number", 7).fetch();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].username, "ann");
}

TEST_P(NamingTest, FilterRejectsTheAccessor) {
  user("ann");
  std::string what = covet::test::error_message<covet::FieldError>(
      [&] { users().filter(lookup("order_set__number"), 7).fetch(); });
  EXPECT_NE(what.find("order"), std::string::npos) << "the message lists the query name: " << what;
}

TEST_P(NamingTest, RelatedQueryNameServesFilterLookups) {
  user("ann");
  User bob = user("bob");
  database->create(Review{.text = "fine", .author = bob});
  std::vector<User> found = users().filter("reviewed__text", "fine").fetch();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].username, "bob");
  EXPECT_THROW(users().filter(lookup("review__text"), "fine").fetch(), covet::FieldError)
      << "related_query_name replaces the default query name";
  EXPECT_THROW(users().filter(lookup("review_set__text"), "fine").fetch(), covet::FieldError);
}

TEST_P(NamingTest, RelatedQueryNameLeavesTheAccessor) {
  User ann = user("ann");
  database->create(Review{.text = "fine", .author = ann});
  std::vector<User> loaded = users().prefetch_related("review_set").fetch();
  ASSERT_EQ(loaded.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(loaded[0].review_set.all().fetch().size(), 1u); });
  EXPECT_THROW(users().prefetch_related(lookup("reviewed")).fetch(), covet::FieldError);
}

TEST_P(NamingTest, OneToOneAccessorServesPrefetchAndFilter) {
  User ann = user("ann");
  user("bob");
  database->create(Profile{.bio = "hello", .user = ann});
  std::vector<User> loaded = users().order_by("username").prefetch_related("profile").fetch();
  ASSERT_EQ(loaded.size(), 2u);
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(loaded[0].profile.get().bio, "hello"); });
  EXPECT_EQ(users().filter("profile__bio", "hello").count(), 1);
  EXPECT_THROW(users().prefetch_related(lookup("profile_set")).fetch(), covet::FieldError);
  EXPECT_THROW(users().filter(lookup("profile_set__bio"), "hello").fetch(), covet::FieldError);
}

// Django's select_related follows a reverse one-to-one by its query name
// (select_related_descend compares related_query_name()), prefetch_related
// by its accessor.
TEST_P(NamingTest, SelectRelatedFollowsAReverseOneToOneByItsQueryName) {
  User ann = user("ann");
  database->create(Account{.iban = "FR76", .owner = ann});
  std::vector<User> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { loaded = users().select_related("acct").fetch(); });
  ASSERT_EQ(loaded.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(loaded[0].account.get().iban, "FR76"); });
}

TEST_P(NamingTest, SelectRelatedRejectsTheAccessorOfAReverseOneToOneAndNamesItsQueryName) {
  try {
    users().select_related(lookup("account")).fetch();
    FAIL() << "select_related(\"account\") should throw: the query name is \"acct\"";
  } catch (const covet::FieldError& e) {
    EXPECT_NE(std::string(e.what()).find("'acct'"), std::string::npos) << e.what();
  }
}

TEST_P(NamingTest, PrefetchRelatedFollowsAReverseOneToOneByItsAccessor) {
  User ann = user("ann");
  database->create(Account{.iban = "FR76", .owner = ann});
  std::vector<User> loaded = users().prefetch_related("account").fetch();
  ASSERT_EQ(loaded.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(loaded[0].account.get().iban, "FR76"); });
  EXPECT_THROW(users().prefetch_related(lookup("acct")).fetch(), covet::FieldError);
}

TEST_P(NamingTest, JoinTableOfEqualModelNamesHoldsPairs) {
  naming::Tag now = database->create(naming::Tag{.label = "now"});
  naming::archive::Tag old = database->create(naming::archive::Tag{.label = "old"});
  old.current.add(now);
  std::vector<naming::Tag> linked = old.current.all().fetch();
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0].label, "now");
}

COVET_INSTANTIATE_BACKENDS(NamingTest);

}  // namespace
