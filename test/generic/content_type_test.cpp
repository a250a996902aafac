// covet::ContentType and the covet_content_type table create_all fills: the
// name rule (covet/detail/naming.hpp) on namespaced, nested, global and
// overridden models; proxies (their concrete model's content type by
// default, their own on request); the cache of each Database handle (the
// first lookup reads the table in one statement, later ones run none, a
// second handle has its own, create_all and drop_all empty it); ids that
// never change; and the errors of a missing row, table, id or model.
//
// PostgreSQL's fixture empties every table between tests (its shared
// schema, test/support/backends.hpp), the content types included; SetUp's
// create_all adds the rows again and each test has a new handle, so no
// cache holds the ids of deleted rows. CacheFollowsRowsCreateAllAddsBack
// pins the same for one handle.
#include "models/ctype.hpp"
#include "support/database_fixture.hpp"
#include "support/error_message.hpp"
#include "support/statement_log.hpp"

#include <covet/content_type.hpp>
#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace {

using covet::ConcreteModel;
using covet::ContentType;

class ContentTypeTest : public covet::test::DatabaseTest {
 protected:
  covet::Database& db() { return *database; }

  // The id of the row named (app_label, model), read from the table itself.
  std::int64_t stored_id(const std::string& app_label, const std::string& model) {
    auto rows = db().query("SELECT id FROM covet_content_type WHERE app_label = '" + app_label + "' AND model = '" +
                           model + "'");
    if (rows.size() != 1) {
      ADD_FAILURE() << "expected one row for " << app_label << "." << model << ", found " << rows.size();
      return -1;
    }
    return rows[0][0].as_integer();
  }

  std::int64_t row_count() { return db().query("SELECT count(*) FROM covet_content_type")[0][0].as_integer(); }

  // Every content type's (name, id), as the handle reports them.
  std::vector<std::pair<std::string, std::int64_t>> names_and_ids() {
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (const ContentType& ct : ContentType::all(db())) out.emplace_back(ct.name(), ct.id());
    return out;
  }
};

TEST_P(ContentTypeTest, NamespacedModelIsAppLabelDotModelName) {
  const ContentType ct = ContentType::for_model<ctype::Article>(db());
  EXPECT_EQ(ct.app_label(), "ctype");
  EXPECT_EQ(ct.model(), "article");
  EXPECT_EQ(ct.name(), "ctype.article");
  EXPECT_EQ(ct.id(), stored_id("ctype", "article"));
}

TEST_P(ContentTypeTest, NestedNamespacesJoinWithUnderscore) {
  EXPECT_EQ(ContentType::for_model<ctype::Media::Photo>(db()).name(), "ctype_media.photo");
}

TEST_P(ContentTypeTest, GlobalModelIsInTheDefaultApp) {
  const ContentType ct = ContentType::for_model<CtypeNote>(db());
  EXPECT_EQ(ct.app_label(), "default");
  EXPECT_EQ(ct.model(), "ctypenote");
}

TEST_P(ContentTypeTest, OverrideAttributeNamesTheRow) {
  const ContentType ct = ContentType::for_model<ctype::Label>(db());
  EXPECT_EQ(ct.name(), "tagging.label");
  EXPECT_EQ(ct.id(), stored_id("tagging", "label"));
  EXPECT_EQ(covet::model_info<ctype::Label>().content_type, "tagging.label");
}

TEST_P(ContentTypeTest, ModelDerivingFromAnAbstractBaseHasItsOwnRow) {
  EXPECT_EQ(ContentType::for_model<ctype::Video>(db()).name(), "ctype.video");
}

TEST_P(ContentTypeTest, AbstractModelHasNoContentType) {
  EXPECT_TRUE(covet::model_info<ctype::Base>().content_type.empty());
  const std::string what = covet::test::error_message<covet::UsageError>([&] { ContentType::for_model<ctype::Base>(db()); });
  EXPECT_NE(what.find("abstract"), std::string::npos) << what;
}

TEST_P(ContentTypeTest, ProxyMapsToItsConcreteModelByDefault) {
  const ContentType ct = ContentType::for_model<ctype::Featured>(db());
  EXPECT_EQ(ct, ContentType::for_model<ctype::Article>(db()));
  EXPECT_TRUE(ct.is<ctype::Article>());
  EXPECT_FALSE(ct.is<ctype::Featured>());
}

TEST_P(ContentTypeTest, ProxyHasItsOwnContentTypeOnRequest) {
  const ContentType own = ContentType::for_model<ctype::Featured>(db(), ConcreteModel::No);
  EXPECT_EQ(own.name(), "ctype.featured");
  EXPECT_EQ(own.id(), stored_id("ctype", "featured"));
  EXPECT_NE(own.id(), ContentType::for_model<ctype::Article>(db()).id());
  EXPECT_TRUE(own.is<ctype::Featured>());
  EXPECT_EQ(&own.model_info(), &covet::model_info<ctype::Featured>());
}

TEST_P(ContentTypeTest, ConcreteModelNoOnAConcreteModelIsItsOwn) {
  EXPECT_EQ(ContentType::for_model<ctype::Article>(db(), ConcreteModel::No),
            ContentType::for_model<ctype::Article>(db()));
}

TEST_P(ContentTypeTest, ModelInfoIsTheNamedModel) {
  EXPECT_EQ(&ContentType::for_model<ctype::Label>(db()).model_info(), &covet::model_info<ctype::Label>());
}

TEST_P(ContentTypeTest, ForIdGivesTheSameContentType) {
  const ContentType ct = ContentType::for_model<ctype::Media::Photo>(db());
  const ContentType again = ContentType::for_id(db(), ct.id());
  EXPECT_EQ(again, ct);
  EXPECT_TRUE(again.is<ctype::Media::Photo>());
}

TEST_P(ContentTypeTest, UnknownIdIsDoesNotExistNamingTheId) {
  const std::string what = covet::test::error_message<covet::DoesNotExist>([&] { ContentType::for_id(db(), 987654); });
  EXPECT_NE(what.find("987654"), std::string::npos) << what;
}

TEST_P(ContentTypeTest, EveryRegisteredModelHasOneRow) {
  // On PostgreSQL this also shows the rows the fixture deleted after the
  // previous test are back (SetUp's create_all added them).
  std::set<std::string> expected;
  for (const covet::ModelInfo* m : covet::all_models()) expected.insert(m->content_type);
  std::set<std::string> got;
  for (const ContentType& ct : ContentType::all(db())) got.insert(ct.name());
  EXPECT_EQ(got, expected);
  EXPECT_EQ(row_count(), static_cast<std::int64_t>(expected.size())) << "one row per model, no duplicates";
}

TEST_P(ContentTypeTest, AllIsOrderedById) {
  const std::vector<ContentType> all = ContentType::all(db());
  ASSERT_FALSE(all.empty());
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end(),
                             [](const ContentType& a, const ContentType& b) { return a.id() < b.id(); }));
}

TEST_P(ContentTypeTest, FirstLookupReadsTheTableInOneStatement) {
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { ContentType::for_model<ctype::Article>(db()); });
}

TEST_P(ContentTypeTest, LaterLookupsRunNoStatement) {
  const ContentType ct = ContentType::for_model<ctype::Article>(db());
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    ContentType::for_model<ctype::Label>(db());
    ContentType::for_model<ctype::Featured>(db(), ConcreteModel::No);
    ContentType::for_id(db(), ct.id());
    ContentType::all(db());
  });
}

TEST_P(ContentTypeTest, CopiesOfAHandleShareItsCache) {
  ContentType::for_model<ctype::Article>(db());
  covet::Database copy = db();
  COVET_EXPECT_NUM_QUERIES(copy, 0, [&] { ContentType::for_model<ctype::Label>(copy); });
}

TEST_P(ContentTypeTest, SecondHandleHasItsOwnCache) {
  ContentType::for_model<ctype::Article>(db());
  covet::Database other = covet::connect(url);
  other.create_all();  // SQLite: a new in-memory database; PostgreSQL: finds everything there
  COVET_EXPECT_NUM_QUERIES(other, 1, [&] { ContentType::for_model<ctype::Article>(other); });
  COVET_EXPECT_NUM_QUERIES(other, 0, [&] { ContentType::for_model<ctype::Article>(other); });
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] { ContentType::for_model<ctype::Article>(db()); });
}

TEST_P(ContentTypeTest, CreateAllEmptiesTheCache) {
  ContentType::for_model<ctype::Article>(db());
  db().create_all();
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { ContentType::for_model<ctype::Article>(db()); });
}

TEST_P(ContentTypeTest, DropAllAndCreateAllEmptyTheCache) {
  ContentType::for_model<ctype::Article>(db());
  db().drop_all();
  db().create_all();
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { ContentType::for_model<ctype::Article>(db()); });
}

TEST_P(ContentTypeTest, IdsStayAcrossCreateAll) {
  const auto before = names_and_ids();
  db().create_all();
  EXPECT_EQ(names_and_ids(), before);
}

TEST_P(ContentTypeTest, CreateAllWithEveryRowPresentInsertsNothing) {
  const std::vector<std::string> sql = covet::test::statements_of(db(), [&] { db().create_all(); });
  EXPECT_FALSE(covet::test::any_contains(sql, "INSERT")) << "every model has its row already";
}

TEST_P(ContentTypeTest, CreateAllAddsOnlyTheMissingRows) {
  const std::int64_t article = stored_id("ctype", "article");
  db().execute("DELETE FROM covet_content_type WHERE app_label = 'tagging' AND model = 'label'");
  db().create_all();
  EXPECT_EQ(stored_id("ctype", "article"), article) << "existing rows keep their ids";
  EXPECT_EQ(ContentType::for_model<ctype::Label>(db()).id(), stored_id("tagging", "label"));
  EXPECT_EQ(row_count(), static_cast<std::int64_t>(covet::all_models().size()));
}

TEST_P(ContentTypeTest, CacheFollowsRowsCreateAllAddsBack) {
  // What the PostgreSQL fixture does between tests, on one handle: every row
  // deleted, create_all adding them again under new ids.
  const std::int64_t before = ContentType::for_model<ctype::Article>(db()).id();
  db().execute("DELETE FROM covet_content_type");
  db().create_all();
  const std::int64_t now = ContentType::for_model<ctype::Article>(db()).id();
  EXPECT_EQ(now, stored_id("ctype", "article")) << "the id of the row there now, not of the deleted one";
  EXPECT_NE(now, before) << "the ids of deleted rows are not given again";
}

TEST_P(ContentTypeTest, ModelWithoutARowSaysRunCreateAllAndWritesNothing) {
  db().execute("DELETE FROM covet_content_type WHERE app_label = 'ctype' AND model = 'article'");
  std::string what;
  const std::vector<std::string> sql = covet::test::statements_of(db(), [&] {
    what = covet::test::error_message<covet::UsageError>([&] { ContentType::for_model<ctype::Article>(db()); });
  });
  EXPECT_NE(what.find("Article"), std::string::npos) << what;
  EXPECT_NE(what.find("db.create_all()"), std::string::npos) << what;
  EXPECT_EQ(sql.size(), 1u) << "one read";
  EXPECT_FALSE(covet::test::any_contains(sql, "INSERT")) << "a read path never writes";
  EXPECT_EQ(row_count(), static_cast<std::int64_t>(covet::all_models().size()) - 1);
}

TEST_P(ContentTypeTest, LookupWithoutTheTableSaysRunCreateAll) {
  db().execute("DROP TABLE covet_content_type");
  const std::string what =
      covet::test::error_message<covet::UsageError>([&] { ContentType::for_model<ctype::Article>(db()); });
  EXPECT_NE(what.find("db.create_all()"), std::string::npos) << what;
}

TEST_P(ContentTypeTest, DropAllDropsTheTable) {
  db().drop_all();
  const std::string what = covet::test::error_message<covet::UsageError>([&] { ContentType::all(db()); });
  EXPECT_NE(what.find("covet_content_type"), std::string::npos) << what;
}

TEST_P(ContentTypeTest, ObjectsQueriesTheNamedModel) {
  db().create(ctype::Article{.title = "Content types"});
  const ContentType ct = ContentType::for_model<ctype::Article>(db());
  const std::vector<ctype::Article> got = ct.objects<ctype::Article>(db()).fetch();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].title, "Content types");
}

TEST_P(ContentTypeTest, ObjectsOfAnotherModelIsAMismatchNamingBoth) {
  const ContentType ct = ContentType::for_model<ctype::Article>(db());
  try {
    ct.objects<ctype::Media::Photo>(db());
    ADD_FAILURE() << "expected covet::ContentTypeMismatch";
  } catch (const covet::ContentTypeMismatch& e) {
    EXPECT_EQ(e.model(), "Photo");
    EXPECT_EQ(e.actual(), "Article");
    const std::string what = e.what();
    EXPECT_NE(what.find("Photo"), std::string::npos) << what;
    EXPECT_NE(what.find("Article"), std::string::npos) << what;
  }
}

TEST_P(ContentTypeTest, ObjectsOfTheConcreteModelThroughAProxysOwnIsAMismatch) {
  const ContentType own = ContentType::for_model<ctype::Featured>(db(), ConcreteModel::No);
  EXPECT_THROW(own.objects<ctype::Article>(db()), covet::ContentTypeMismatch);
  EXPECT_NO_THROW(own.objects<ctype::Featured>(db()));
}

TEST_P(ContentTypeTest, RowOfNoModelOfThisProgramIsListedButHasNoModel) {
  db().execute("INSERT INTO covet_content_type (app_label, model) VALUES ('gone', 'removed')");
  db().create_all();  // empties the cache; the row stays
  const std::vector<ContentType> all = ContentType::all(db());
  auto it = std::find_if(all.begin(), all.end(), [](const ContentType& ct) { return ct.name() == "gone.removed"; });
  ASSERT_NE(it, all.end());
  EXPECT_FALSE(it->is<ctype::Article>());
  const std::string what = covet::test::error_message<covet::UsageError>([&] { it->model_info(); });
  EXPECT_NE(what.find("gone.removed"), std::string::npos) << what;
}

COVET_INSTANTIATE_BACKENDS(ContentTypeTest);

}  // namespace
