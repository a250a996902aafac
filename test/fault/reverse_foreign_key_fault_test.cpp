// A reverse foreign-key set() that fails at any statement changes no key:
// publisher.magazines (SET_NULL, a nullable key) set to other rows, over
// several batches (a parameter limit of 3: one key per UPDATE).
#include "support/fault_fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace fault;

namespace {

class ReverseForeignKeyFaultTest : public covet::test::FaultTest {
 protected:
  // House has m1..m3; m4..m6 belong to no publisher.
  void seed() {
    house = database->create(Publisher{.name = "House"});
    magazines.clear();
    for (int i = 1; i <= 6; ++i)
      magazines.push_back(database->create(Magazine{
          .title = "m" + std::to_string(i), .publisher = i <= 3 ? std::optional<covet::Ref<Publisher>>(house) : std::nullopt}));
  }

  Publisher house;
  std::vector<Magazine> magazines;
};

TEST_P(ReverseForeignKeyFaultTest, SetWritesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run =
          [&] {
            database->related(house, &Magazine::publisher)
                .set(std::vector<Magazine>{magazines[2], magazines[3], magazines[4], magazines[5]});
          },
      .max_params = 3,
  });
}

COVET_INSTANTIATE_BACKENDS(ReverseForeignKeyFaultTest);

}  // namespace
