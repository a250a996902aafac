// A nested-set write is all or nothing: when any one of its statements fails
// (before it reaches the database, or after it ran), the tree is left as it
// was and stays valid.
#include "models/tree_ns_alone.hpp"
#include "support/fault_injection.hpp"
#include "trees/ns_fixture.hpp"

#include <functional>

using namespace tree_ns;
using tree_ns::test::NsTest;
using covet::test::Fault;
using covet::test::FaultError;
using covet::test::FaultTiming;

namespace {

class NsFaultTest : public NsTest {
 protected:
  // Fails each statement of `write` in turn, on a fresh shop() each time.
  void expect_all_or_nothing(const std::function<void()>& write) {
    expect_all_or_nothing(
        write,
        [&] {
          db().objects<Category>().erase();
          shop();
        },
        [&] { return layout(); }, [&](const std::string& context) { expect_valid(context); });
  }
  // The same over any tree: `reset` builds it afresh, `snapshot` describes
  // it, `check` asserts its invariants.
  void expect_all_or_nothing(const std::function<void()>& write, const std::function<void()>& reset,
                             const std::function<std::vector<std::string>()>& snapshot,
                             const std::function<void(const std::string&)>& check) {
    covet::test::FaultInjector& faults = covet::test::inject_faults(db());
    reset();
    faults.count();
    write();
    const std::size_t n = faults.statements();
    const std::vector<std::string> counted = faults.sql();
    faults.disarm();
    ASSERT_GE(n, 3u);
    for (FaultTiming timing : {FaultTiming::BeforeStatement, FaultTiming::AfterStatement}) {
      for (std::size_t k = 1; k <= n; ++k) {
        // A transaction-control statement that ran and then "failed" (a
        // COMMIT that committed, a BEGIN nobody ends) is no write's fault.
        if (timing == FaultTiming::AfterStatement && covet::test::is_transaction_control(counted[k - 1])) continue;
        reset();
        const auto before = snapshot();
        faults.arm(Fault{.statement = k, .error = FaultError::Operational, .timing = timing});
        const std::string context = "statement " + std::to_string(k) + " of " + std::to_string(n) +
                                    (timing == FaultTiming::AfterStatement ? " (after)" : " (before)");
        bool threw = false;
        try {
          write();
        } catch (const covet::OperationalError&) {
          threw = true;
        }
        const bool fired = faults.fired();
        const std::string sql = k <= faults.sql().size() ? faults.sql()[k - 1] : "";
        faults.disarm();
        ASSERT_TRUE(fired) << context;
        EXPECT_TRUE(threw) << context;
        EXPECT_EQ(snapshot(), before) << context << ": " << sql;
        check(context);
      }
    }
  }
};

TEST_P(NsFaultTest, AFailedMoveWithinATreeLeavesItAsItWas) {
  expect_all_or_nothing([&] {
    Category laptops = node("Laptops");
    Category phones = node("Phones");
    laptops.move_to(phones);
  });
}

TEST_P(NsFaultTest, AFailedMoveAcrossTreesLeavesBothAsTheyWere) {
  expect_all_or_nothing([&] {
    Category gaming = node("Gaming");
    Category novels = node("Novels");
    gaming.move_to(novels, covet::TreePosition::Left);
  });
}

TEST_P(NsFaultTest, AFailedAddChildLeavesTheTreeAsItWas) {
  expect_all_or_nothing([&] {
    Category computers = node("Computers");
    computers.add_child(Category{.name = "Tablets"}, covet::TreePosition::FirstChild);
  });
}

TEST_P(NsFaultTest, AFailedEraseLeavesTheTreeAsItWas) {
  expect_all_or_nothing([&] {
    Category laptops = node("Laptops");
    db().erase(laptops);
  });
}

TEST_P(NsFaultTest, AFailedEraseOfATreeNothingElseRefersToLeavesItAsItWas) {
  auto reset = [&] {
    db().objects<Section>().erase();
    Section top = Section::add_root(db(), Section{.name = "top"});
    Section mid = top.add_child(Section{.name = "mid"});
    mid.add_child(Section{.name = "leaf"});
    top.add_child(Section{.name = "last"});
  };
  auto snapshot = [&] {
    std::vector<std::string> out;
    for (const Section& s : db().objects<Section>().order_by("tree_id", "lft").all())
      out.push_back(s.name + " " + std::to_string(s.lft) + " " + std::to_string(s.rgt));
    return out;
  };
  auto check = [&](const std::string& context) {
    EXPECT_TRUE(Section::check(db()).ok()) << context << "\n" << Section::check(db()).to_string();
  };
  expect_all_or_nothing(
      [&] {
        Section mid = db().objects<Section>().get("name", "mid");
        db().erase(mid);
      },
      reset, snapshot, check);
}

TEST_P(NsFaultTest, AFailedAddRootLeavesTheForestAsItWas) {
  expect_all_or_nothing([&] { root("Extra"); });
}

COVET_INSTANTIATE_BACKENDS(NsFaultTest);

}  // namespace
