// Deleting a node follows its `parent` relation's on_delete, as any foreign
// key does: SET_NULL (Category) makes its children roots; CASCADE (Folder)
// deletes the whole subtree, in batched statements whose number depends on
// the depth, not on the number of nodes.
#include "trees/al_fixture.hpp"

#include "support/statement_log.hpp"

using namespace tree_al;
using namespace tree_al::test;

namespace {

class AlDeleteTest : public AlTreeTest {
 protected:
  // A folder tree of `depth` levels below `root`, `fanout` children each.
  void grow(const Folder& root, int depth, int fanout) {
    std::vector<Folder> level{root};
    for (int d = 0; d < depth; ++d) {
      std::vector<Folder> next;
      for (const Folder& f : level)
        for (int i = 0; i < fanout; ++i)
          next.push_back(database->create(Folder{.name = f.name + "/" + std::to_string(i), .parent = f}));
      level = std::move(next);
    }
  }
  std::size_t statements_to_erase(int fanout) {
    Folder root = database->create(Folder{.name = "r" + std::to_string(fanout)});
    grow(root, 5, fanout);
    return covet::test::statements_of(*database, [&] { database->erase(root); }).size();
  }
};

TEST_P(AlDeleteTest, SetNullMakesTheChildrenRoots) {
  build_forest();
  Category node = reload(computers);
  database->erase(node);
  EXPECT_EQ(names(Category::get_root_nodes(*database)), (Names{"Electronics", "Laptops", "Desktops", "Books", "Garden"}));
  EXPECT_EQ(names(reload(laptops).get_descendants()), (Names{"Gaming", "Ultra", "Limited"}));
  EXPECT_EQ(names(electronics.get_descendants()), (Names{"Phones"}));
}

TEST_P(AlDeleteTest, CascadeDeletesTheWholeDeepSubtree) {
  Folder root = database->create(Folder{.name = "root"});
  Folder keep = database->create(Folder{.name = "keep"});
  grow(root, 6, 2);
  grow(keep, 1, 2);
  EXPECT_EQ(root.get_descendants().count(), 126);
  const covet::DeleteResult result = database->erase(root);
  EXPECT_EQ(result.total, 127);
  EXPECT_EQ(database->objects<Folder>().count(), 3) << "the other tree stays";
  EXPECT_EQ(keep.get_descendants().count(), 2);
}

TEST_P(AlDeleteTest, CascadeStatementsDoNotGrowWithTheWidth) {
  const std::size_t narrow = statements_to_erase(1);
  const std::size_t wide = statements_to_erase(3);
  EXPECT_EQ(narrow, wide);
  EXPECT_EQ(database->objects<Folder>().count(), 0);
}

TEST_P(AlDeleteTest, ErasingTheDescendantsQuerySetDeletesTheSubtreeBelowTheNode) {
  build_forest();
  database->create(Product{.name = "X1", .category = gaming});
  const covet::DeleteResult result = laptops.get_descendants().erase();
  EXPECT_EQ(result.total, 4) << "three categories and the product";
  EXPECT_TRUE(reload(laptops).is_leaf());
  EXPECT_EQ(database->objects<Product>().count(), 0);
}

COVET_INSTANTIATE_BACKENDS(AlDeleteTest);

}  // namespace
