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

INSTANTIATE_TEST_SUITE_P(Backends, NsConcurrencyTest, ::testing::ValuesIn(covet::test::backend_names()),
                         covet::test::backend_test_name);

}  // namespace
