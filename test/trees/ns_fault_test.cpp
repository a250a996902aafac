// A nested-set write is all or nothing: when any one of its statements fails
// (before it reaches the database, or after it ran), the tree is left as it
// was and stays valid.
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
    covet::test::FaultInjector& faults = covet::test::inject_faults(db());
    db().objects<Category>().erase();
    shop();
    faults.count();
    write();
    const std::size_t n = faults.statements();
    const std::vector<std::string> counted = faults.sql();
    faults.disarm();
    ASSERT_GE(n, 4u);
    for (FaultTiming timing : {FaultTiming::BeforeStatement, FaultTiming::AfterStatement}) {
      for (std::size_t k = 1; k <= n; ++k) {
        // A transaction-control statement that ran and then "failed" (a
        // COMMIT that committed, a BEGIN nobody ends) is no write's fault.
        if (timing == FaultTiming::AfterStatement && covet::test::is_transaction_control(counted[k - 1])) continue;
        db().objects<Category>().erase();
        shop();
        const auto before = layout();
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
        EXPECT_EQ(layout(), before) << context << ": " << sql;
        expect_valid(context);
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

COVET_INSTANTIATE_BACKENDS(NsFaultTest);

}  // namespace
