// Several writers at once, each with its own connection, on one nested-set
// table: add_root, add_child, move_to and erase racing one another must
// leave a valid forest (mptt and treebeard give duplicate tree_ids from
// concurrent add_root and overlapping bounds from concurrent add_child).
// PostgreSQL: advisory locks per tree; SQLite (a file): BEGIN IMMEDIATE.
#include "models/tree_ns.hpp"
#include "models/tree_ns_alone.hpp"
#include "support/backends.hpp"

#include <covet/covet.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <exception>
#include <filesystem>
#include <functional>
#include <latch>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace tree_ns;

namespace {

class NsConcurrencyTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (std::string why = covet::test::skip_reason(GetParam()); !why.empty()) GTEST_SKIP() << why;
    if (GetParam() == "sqlite") {
      static std::atomic<int> counter{0};
      path_ = std::filesystem::temp_directory_path() /
              ("covet_tree_ns_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + ".db");
      std::filesystem::remove(path_);
      url_ = "sqlite:///" + path_.string();
    } else {
      url_ = covet::test::backend_url(GetParam());
    }
    covet::connect(url_).create_all();
  }
  void TearDown() override {
    if (path_.empty()) return;
    std::filesystem::remove(path_);
    std::filesystem::remove(path_.string() + "-journal");
  }

  std::filesystem::path path_;
  std::string url_;
};

// One writer: `rounds` random writes on random nodes. Races it loses
// legitimately (the node or target was erased meanwhile, or the target is
// now below the node) are InvalidMove / DoesNotExist; anything else fails.
// Category's erase goes through the collector (Item refers to it);
// Section's deletes the range by itself.
template <class Node>
void write_randomly(const std::string& url, int seed, int rounds, std::latch& start, std::exception_ptr& error) {
  try {
    covet::Database db = covet::connect(url, {.busy_timeout = std::chrono::seconds(30)});
    std::mt19937 random(static_cast<unsigned>(seed));
    start.arrive_and_wait();
    for (int round = 0; round < rounds; ++round) {
      std::vector<Node> all = db.objects<Node>().order_by("id").fetch();
      auto pick = [&]() -> Node& { return all[random() % all.size()]; };
      const std::string name = "w" + std::to_string(seed) + "." + std::to_string(round);
      try {
        const unsigned op = all.empty() ? 0 : random() % 10;
        if (op == 0) {
          Node::add_root(db, Node{.name = name});
        } else if (op <= 3) {
          pick().add_child(Node{.name = name}, random() % 2 ? covet::TreePosition::LastChild
                                                            : covet::TreePosition::FirstChild);
        } else if (op <= 5) {
          pick().add_sibling(Node{.name = name}, random() % 2 ? covet::TreePosition::Right
                                                              : covet::TreePosition::FirstSibling);
        } else if (op <= 8) {
          Node& node = pick();
          const Node& target = pick();
          node.move_to(target, random() % 2 ? covet::TreePosition::LastChild : covet::TreePosition::Left);
        } else if (all.size() > 10) {
          Node node = pick();
          db.erase(node);
        }
      } catch (const covet::InvalidMove&) {
      } catch (const covet::DoesNotExist&) {
      }
    }
  } catch (...) {
    error = std::current_exception();
  }
}

template <class Node>
void expect_a_valid_forest_after_concurrent_writers(const std::string& url_) {
  {
    covet::Database db = covet::connect(url_);
    Node top = Node::add_root(db, Node{.name = "top"});
    for (int i = 0; i < 5; ++i) top.add_child(Node{.name = "c" + std::to_string(i)});
  }
  constexpr int kWriters = 4;
  constexpr int kRounds = 40;
  std::latch start(kWriters);
  std::vector<std::exception_ptr> errors(kWriters);
  std::vector<std::thread> threads;
  for (int i = 0; i < kWriters; ++i)
    threads.emplace_back(write_randomly<Node>, url_, i + 1, kRounds, std::ref(start), std::ref(errors[i]));
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < kWriters; ++i) {
    if (!errors[i]) continue;
    try {
      std::rethrow_exception(errors[i]);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "writer " << i + 1 << ": " << e.what();
    }
  }
  covet::Database db = covet::connect(url_);
  const covet::NestedSetReport report = Node::check(db);
  EXPECT_TRUE(report.ok()) << report.to_string();
  EXPECT_GT(report.nodes, 6u);
  // One tree_id per root: concurrent add_root never shares one.
  std::set<int> tree_ids;
  const std::vector<Node> roots = Node::get_root_nodes(db).fetch();
  for (const Node& r : roots) tree_ids.insert(r.tree_id);
  EXPECT_EQ(tree_ids.size(), roots.size());
}

TEST_P(NsConcurrencyTest, ConcurrentWritersLeaveAValidForest) {
  expect_a_valid_forest_after_concurrent_writers<Category>(url_);
}

TEST_P(NsConcurrencyTest, ConcurrentWritersOnATreeNothingElseRefersToLeaveAValidForest) {
  expect_a_valid_forest_after_concurrent_writers<Section>(url_);
}

TEST_P(NsConcurrencyTest, ConcurrentAddRootsGetDistinctTrees) {
  constexpr int kWriters = 4;
  std::latch start(kWriters);
  std::vector<std::exception_ptr> errors(kWriters);
  std::vector<std::thread> threads;
  for (int i = 0; i < kWriters; ++i)
    threads.emplace_back([&, i] {
      try {
        covet::Database db = covet::connect(url_, {.busy_timeout = std::chrono::seconds(30)});
        start.arrive_and_wait();
        for (int k = 0; k < 10; ++k)
          Category::add_root(db, Category{.name = "r" + std::to_string(i) + "." + std::to_string(k)});
      } catch (...) {
        errors[i] = std::current_exception();
      }
    });
  for (std::thread& t : threads) t.join();
  for (const auto& e : errors) EXPECT_FALSE(e) << "a writer failed";
  covet::Database db = covet::connect(url_);
  std::set<int> tree_ids;
  for (const Category& r : Category::get_root_nodes(db).all()) tree_ids.insert(r.tree_id);
  EXPECT_EQ(tree_ids.size(), 40u);
  EXPECT_TRUE(Category::check(db).ok()) << Category::check(db).to_string();
}

// A race lost on purpose: `first` writes in a transaction of its own
// connection and commits only once `second`, on another connection, waits
// for the tree lock (PostgreSQL: seen in pg_locks, so the statement
// `second` waits in took its snapshot before the commit; SQLite: after a
// pause, `second` waiting at BEGIN IMMEDIATE). Returns the statements
// `second` ran.
std::size_t lose_a_race(const std::string& url, bool pg, const std::function<void(covet::Database&)>& first,
                        const std::function<void(covet::Database&)>& second) {
  std::latch written(1);
  std::size_t statements = 0;
  std::exception_ptr error;
  std::thread other([&] {
    try {
      covet::Database db = covet::connect(url, {.busy_timeout = std::chrono::seconds(30)});
      written.wait();
      covet::QueryCounter counter(db);
      second(db);
      statements = counter.count();
    } catch (...) {
      error = std::current_exception();
    }
  });
  {
    covet::Database db = covet::connect(url, {.busy_timeout = std::chrono::seconds(30)});
    db.atomic([&] {
      first(db);
      written.count_down();
      if (!pg) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        return;
      }
      for (int i = 0; i < 1000; ++i) {
        const auto rows = db.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
        if (rows.at(0).at(0) != covet::Value(std::int64_t{0})) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      ADD_FAILURE() << "the second writer never waited for the tree lock";
    });
  }
  other.join();
  if (error) std::rethrow_exception(error);
  return statements;
}

Category named(covet::Database& db, const std::string& name) { return db.objects<Category>().get("name", name); }

// top (c0, c1, c2) and other (o0).
void two_trees(const std::string& url) {
  covet::Database db = covet::connect(url);
  Category top = Category::add_root(db, Category{.name = "top"});
  for (int i = 0; i < 3; ++i) top.add_child(Category{.name = "c" + std::to_string(i)});
  Category::add_root(db, Category{.name = "other"}).add_child(Category{.name = "o0"});
}

TEST_P(NsConcurrencyTest, AMoveWhoseRowsChangedWhileItWaitedIsRedoneFromCurrentRows) {
  two_trees(url_);
  const std::size_t n = lose_a_race(
      url_, GetParam() == "postgresql", [](covet::Database& db) { named(db, "c0").add_child(Category{.name = "new"}); },
      [](covet::Database& db) { named(db, "c2").move_to(named(db, "c1")); });
  covet::Database db = covet::connect(url_);
  EXPECT_TRUE(Category::check(db).ok()) << Category::check(db).to_string();
  EXPECT_EQ(named(db, "c2").parent->key(), covet::Value(named(db, "c1").id.value()));
  EXPECT_EQ(named(db, "new").parent->key(), covet::Value(named(db, "c0").id.value()));
  // The two loads, BEGIN, lock + read (stale), UPDATE (guarded: no row),
  // lock, read, UPDATE, COMMIT. SQLite reads nothing first: the two loads,
  // BEGIN, UPDATE (guarded by the loaded objects, stale: no row), read,
  // UPDATE, COMMIT.
  EXPECT_EQ(n, GetParam() == "sqlite" ? 7u : 9u);
}

TEST_P(NsConcurrencyTest, AnAddChildWhoseParentMovedToAnotherTreeWhileItWaitedFollowsIt) {
  two_trees(url_);
  const std::size_t n = lose_a_race(
      url_, GetParam() == "postgresql", [](covet::Database& db) { named(db, "c1").move_to(named(db, "o0")); },
      [](covet::Database& db) { named(db, "c1").add_child(Category{.name = "late"}); });
  covet::Database db = covet::connect(url_);
  EXPECT_TRUE(Category::check(db).ok()) << Category::check(db).to_string();
  EXPECT_EQ(named(db, "late").tree_id, named(db, "other").tree_id);
  EXPECT_EQ(named(db, "late").parent->key(), covet::Value(named(db, "c1").id.value()));
  // The load, BEGIN, lock, WITH ... INSERT (the parent is not in the tree
  // locked: no row), lock, read, UPDATE, INSERT, COMMIT.
  EXPECT_EQ(n, GetParam() == "sqlite" ? 5u : 9u);
}

TEST_P(NsConcurrencyTest, AnEraseWhoseNodeMovedToAnotherTreeWhileItWaitedFollowsIt) {
  two_trees(url_);
  {
    covet::Database db = covet::connect(url_);
    named(db, "c1").add_child(Category{.name = "c1.0"});
  }
  lose_a_race(
      url_, GetParam() == "postgresql", [](covet::Database& db) { named(db, "c1").move_to(named(db, "o0")); },
      [](covet::Database& db) {
        Category c1 = named(db, "c1");
        EXPECT_EQ(db.erase(c1).count("Category"), 2);
      });
  covet::Database db = covet::connect(url_);
  EXPECT_TRUE(Category::check(db).ok()) << Category::check(db).to_string();
  EXPECT_EQ(db.objects<Category>().count(), 5);
  EXPECT_EQ(named(db, "other").rgt, 4);
}

TEST_P(NsConcurrencyTest, AnEraseOfATreeNothingElseRefersToWhoseNodeMovedWhileItWaitedFollowsIt) {
  {
    covet::Database db = covet::connect(url_);
    Section top = Section::add_root(db, Section{.name = "top"});
    top.add_child(Section{.name = "c0"}).add_child(Section{.name = "c0.0"});
    Section::add_root(db, Section{.name = "other"}).add_child(Section{.name = "o0"});
  }
  auto get = [](covet::Database& db, const std::string& name) { return db.objects<Section>().get("name", name); };
  lose_a_race(
      url_, GetParam() == "postgresql", [&](covet::Database& db) { get(db, "c0").move_to(get(db, "o0")); },
      [&](covet::Database& db) {
        Section c0 = get(db, "c0");
        EXPECT_EQ(db.erase(c0).count("Section"), 2);
      });
  covet::Database db = covet::connect(url_);
  EXPECT_TRUE(Section::check(db).ok()) << Section::check(db).to_string();
  EXPECT_EQ(db.objects<Section>().count(), 3);
  EXPECT_EQ(get(db, "other").rgt, 4);
  EXPECT_EQ(get(db, "top").rgt, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, NsConcurrencyTest, ::testing::ValuesIn(covet::test::backend_names()),
                         covet::test::backend_test_name);

}  // namespace
