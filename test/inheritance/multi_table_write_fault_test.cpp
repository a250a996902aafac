// Multi-table writes that fail at any statement write nothing: create,
// save, update, bulk_create, bulk_update and erase of rows spanning the
// person / employee / manager tables, each statement failed in turn
// (support/fault_fixture.hpp), on both backends.
#include "models/inh_mtiw.hpp"
#include "support/fault_fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace inh_mtiw;

namespace {

Manager manager(const std::string& name, const std::string& badge) {
  Manager m;
  m.name = name;
  m.email = name + "@example.com";
  m.badge = badge;
  m.reports = 2;
  return m;
}

class MultiTableWriteFaultTest : public covet::test::FaultTest {
 protected:
  // Empties the inh_mtiw_ tables (the fixture's clear() knows only its own),
  // referencing tables first.
  void wipe() {
    for (const char* table : {"inh_mtiw_employee_skills", "inh_mtiw_payslip", "inh_mtiw_note", "inh_mtiw_project",
                              "inh_mtiw_review", "inh_mtiw_manager", "inh_mtiw_customer", "inh_mtiw_employee",
                              "inh_mtiw_person", "inh_mtiw_skill", "inh_mtiw_company", "inh_mtiw_city"})
      database->execute(std::string("DELETE FROM \"") + table + "\"");
  }

  // Meg, a manager with a payslip, a note, a project she leads and a skill;
  // Ann, a plain employee who must survive every delete of Meg.
  void seed() {
    wipe();
    auto& db = *database;
    meg = db.create(manager("Meg", "M1"));
    db.create(Payslip{.amount = 10, .employee = meg});
    db.create(Note{.text = "met Meg", .person = meg});
    db.create(Project{.name = "Apollo", .lead = meg});
    meg.skills.add(db.create(Skill{.name = "C++"}));
    ann = db.create(manager("Ann", "A1"));
  }

  Manager meg, ann;
};

TEST_P(MultiTableWriteFaultTest, CreateOfAGrandchildWritesNoTableWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run = [&] { database->create(manager("Max", "X1")); },
  });
}

TEST_P(MultiTableWriteFaultTest, SaveOfAGrandchildWritesNoTableWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run =
          [&] {
            Manager m = meg;
            m.name = "Margaret";
            m.badge = "M2";
            m.reports = 9;
            database->save(m);
          },
  });
}

TEST_P(MultiTableWriteFaultTest, UpdateOfAGrandchildWritesNoTableWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run =
          [&] {
            Manager m = meg;
            m.email = "meg@corp.example";
            m.salary = 1000;
            m.budget = "large";
            database->update(m);
          },
  });
}

TEST_P(MultiTableWriteFaultTest, BulkCreateOfGrandchildrenWritesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run =
          [&] {
            std::vector<Manager> staff;
            for (int i = 0; i < 5; ++i) staff.push_back(manager("N" + std::to_string(i), "N" + std::to_string(i)));
            database->bulk_create(staff, 2);
          },
  });
}

TEST_P(MultiTableWriteFaultTest, BulkUpdateAcrossTablesWritesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run =
          [&] {
            std::vector<Manager> staff{meg, ann};
            for (Manager& m : staff) {
              m.name += "!";
              m.salary = 5;
              m.reports = 7;
            }
            database->bulk_update(staff, {"name", "salary", "reports"});
          },
  });
}

TEST_P(MultiTableWriteFaultTest, EraseOfAGrandchildDeletesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run =
          [&] {
            Manager m = meg;
            database->erase(m);
          },
  });
}

TEST_P(MultiTableWriteFaultTest, EraseKeepingParentsDeletesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run =
          [&] {
            Employee e;
            e.id = meg.id;
            database->erase(e, covet::keep_parents);
          },
  });
}

TEST_P(MultiTableWriteFaultTest, EraseOfAParentDeletesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run = [&] { database->objects<Person>().filter("name", "Meg").erase(); },
  });
}

TEST_P(MultiTableWriteFaultTest, QuerySetUpdateAcrossTablesWritesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run = [&] { database->objects<Manager>().filter("reports", 2).update({{"name", "x"}, {"salary", 1}, {"reports", 3}}); },
      .max_params = 4,  // the keys in batches
  });
}

TEST_P(MultiTableWriteFaultTest, QuerySetEraseOfAChildDeletesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run = [&] { database->objects<Employee>().filter("badge", "M1").erase(); },
  });
}

COVET_INSTANTIATE_BACKENDS(MultiTableWriteFaultTest);

}  // namespace
