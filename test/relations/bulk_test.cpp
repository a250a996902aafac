// Bulk first (the guide's "Bulk Operations"): the managers write any number
// of objects in one statement per batch of rows under the backend's
// parameter limit, not one per object.
#include "relations/blog_fixture.hpp"

#include "database_state.hpp"
#include "schema/schema_builder.hpp"
#include "support/backends.hpp"

#include <covet/detail/object_store.hpp>

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <span>

#include <string>
#include <vector>

using namespace blog;

namespace {

class BulkTest : public covet::test::BlogTest {
 protected:
  std::vector<Tag> tags(int n, const std::string& prefix = "t") {
    std::vector<Tag> out;
    auto tx = database->atomic();
    for (int i = 0; i < n; ++i) out.push_back(tag(prefix + std::to_string(i)));
    return out;
  }
};

TEST_P(BulkTest, AddingAThousandTagsIsOneStatement) {
  Post p = post("Tips");
  std::vector<Tag> many = tags(1000);
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { p.tags.add(many); });
  EXPECT_EQ(p.tags.count(), 1000);
}

TEST_P(BulkTest, AddingThemAgainIsStillOneStatementAndWritesNothing) {
  Post p = post("Tips");
  std::vector<Tag> many = tags(1000);
  p.tags.add(many);
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { p.tags.add(many); });
  EXPECT_EQ(rows("blog_post_tags"), 1000);
}

TEST_P(BulkTest, SettingAThousandTagsIsOneSelectOneDeleteOneInsert) {
  Post p = post("Tips");
  std::vector<Tag> first = tags(1000, "a"), second = tags(1000, "b");
  p.tags.add(first);
  // BEGIN, [PostgreSQL: lock the post's row,] SELECT, DELETE, INSERT, COMMIT
  COVET_EXPECT_NUM_QUERIES(*database, is_sqlite() ? 5 : 6, [&] { p.tags.set(second); });
  EXPECT_EQ(names(p.tags.filter("name__startswith", "a")), (Names{}));
  EXPECT_EQ(p.tags.count(), 1000);
}

TEST_P(BulkTest, RemovingAThousandTagsIsOneStatement) {
  Post p = post("Tips");
  std::vector<Tag> many = tags(1000);
  p.tags.add(many);
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { p.tags.remove(many); });
  EXPECT_EQ(p.tags.count(), 0);
}

// A connection that claims a small parameter limit and records what runs,
// so batching shows without inserting hundreds of thousands of rows.
class SmallLimitConnection : public covet::detail::Connection {
 public:
  SmallLimitConnection(std::unique_ptr<covet::detail::Connection> inner, int limit)
      : inner_(std::move(inner)), limit_(limit) {}
  covet::detail::Dialect dialect() const override { return inner_->dialect(); }
  int max_params() const override { return limit_; }
  covet::detail::ExecResult execute(std::string_view sql, std::span<const covet::Value> params,
                                    const std::function<void(const covet::detail::Row&)>& on_row) override {
    EXPECT_LE(static_cast<int>(params.size()), limit_) << sql;
    statements.emplace_back(sql);
    return inner_->execute(sql, params, on_row);
  }
  std::vector<std::string> statements;

 private:
  std::unique_ptr<covet::detail::Connection> inner_;
  int limit_;
};

TEST_P(BulkTest, RowsBeyondTheParameterLimitGoInBatchesInOneTransaction) {
  auto state = std::make_shared<covet::detail::DatabaseState>();
  auto limited = std::make_unique<SmallLimitConnection>(covet::test::open_backend(GetParam()), 100);
  SmallLimitConnection& conn = *limited;
  state->dialect = limited->dialect();
  state->connection = std::move(limited);
  covet::detail::create_all(state);
  auto make = [&](auto object) {
    covet::detail::insert_object(state, covet::model_info<decltype(object)>(), &object);
    return object;
  };
  Post p = make(Post{.title = "Tips", .author = make(User{.username = "ann"})});
  std::vector<covet::Id> ids;
  for (int i = 0; i < 120; ++i) ids.push_back(make(Tag{.name = "t" + std::to_string(i)}).id);

  conn.statements.clear();
  p.tags.add(ids);  // 240 parameters: three INSERTs of at most 50 pairs
  ASSERT_EQ(conn.statements.size(), 5u);
  EXPECT_EQ(conn.statements.front(), GetParam() == "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN");
  EXPECT_EQ(conn.statements.back(), "COMMIT");
  EXPECT_EQ(p.tags.count(), 120);

  conn.statements.clear();
  p.tags.remove(ids);  // 121 parameters: two DELETEs
  EXPECT_EQ(conn.statements.size(), 4u);
  EXPECT_EQ(p.tags.count(), 0);
}

TEST_P(BulkTest, ReverseForeignKeyAddOfAThousandIsOneStatement) {
  Topic cpp = topic("cpp");
  User ann = user("ann");
  std::vector<covet::Id> ids;
  {
    auto tx = database->atomic();
    for (int i = 0; i < 1000; ++i) ids.push_back(post("P" + std::to_string(i), ann).id);
  }
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { cpp.posts.add(ids); });
  EXPECT_EQ(cpp.posts.count(), 1000);
}

COVET_INSTANTIATE_BACKENDS(BulkTest);

}  // namespace
