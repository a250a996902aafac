// Multi-table inheritance: the reverse manager of a foreign key a child
// declares (Employee.employer, its column in the employee table, keyed by
// person_ptr_id): add, remove, set and clear write the child's own table,
// choosing its rows by the child table's key.
#include "models/inh_mtiw.hpp"
#include "support/database_fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace inh_mtiw;

namespace {

class MultiTableReverseForeignKeyTest : public covet::test::DatabaseTest {
 protected:
  Employee employee(const std::string& name, const std::string& badge) {
    Employee e;
    e.name = name;
    e.email = name + "@example.com";
    e.badge = badge;
    e.desk = ++desks_;  // (employer, desk) is unique
    return database->create(e);
  }
  Company company(const std::string& name) { return database->create(Company{.name = name}); }
  int desks_ = 0;
  std::vector<std::string> staff_of(const Company& c) {
    std::vector<std::string> names;
    for (const Employee& e : database->related(c, &Employee::employer).all().order_by("name").fetch())
      names.push_back(e.name);
    return names;
  }
};

TEST_P(MultiTableReverseForeignKeyTest, AddSetsTheKeyInTheChildsTable) {
  Company acme = company("Acme");
  Employee ann = employee("Ann", "B-1"), bob = employee("Bob", "B-2");
  database->related(acme, &Employee::employer).add(ann, bob);
  EXPECT_EQ(staff_of(acme), (std::vector<std::string>{"Ann", "Bob"}));
}

TEST_P(MultiTableReverseForeignKeyTest, RemoveClearsTheKeyOfThoseChildrenOnly) {
  Company acme = company("Acme");
  Employee ann = employee("Ann", "B-1"), bob = employee("Bob", "B-2");
  database->related(acme, &Employee::employer).add(ann, bob);
  database->related(acme, &Employee::employer).remove(ann);
  EXPECT_EQ(staff_of(acme), (std::vector<std::string>{"Bob"}));
  EXPECT_FALSE(database->objects<Employee>().get("name", "Ann").employer.has_value());
}

TEST_P(MultiTableReverseForeignKeyTest, SetReplacesTheChildrenOfTheOwner) {
  Company acme = company("Acme");
  Employee ann = employee("Ann", "B-1"), bob = employee("Bob", "B-2"), cid = employee("Cid", "B-3");
  database->related(acme, &Employee::employer).add(ann, bob);
  std::vector<Employee> wanted{bob, cid};
  database->related(acme, &Employee::employer).set(wanted);
  EXPECT_EQ(staff_of(acme), (std::vector<std::string>{"Bob", "Cid"}));
}

TEST_P(MultiTableReverseForeignKeyTest, ClearLeavesTheOwnerWithoutChildrenAndThePeopleInPlace) {
  Company acme = company("Acme");
  Employee ann = employee("Ann", "B-1");
  database->related(acme, &Employee::employer).add(ann);
  database->related(acme, &Employee::employer).clear();
  EXPECT_TRUE(staff_of(acme).empty());
  EXPECT_EQ(database->objects<Person>().count(), 1);
}

}  // namespace

COVET_INSTANTIATE_BACKENDS(MultiTableReverseForeignKeyTest);
