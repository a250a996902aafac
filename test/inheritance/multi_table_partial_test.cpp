// covet::Partial<T> of a multi-table child (only() / defer() on
// Employee / Manager): saving or updating it writes only the fields the
// query loaded or set() assigned, each in the table that holds its column;
// a deferred field is loaded from its own table.
#include "models/inh_mtiw.hpp"
#include "support/database_fixture.hpp"
#include "support/statement_log.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace inh_mtiw;

namespace {

using covet::test::any_contains;

class MultiTablePartialTest : public covet::test::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (!database) return;
    Manager m;
    m.name = "Meg";
    m.email = "meg@example.com";
    m.badge = "M1";
    m.salary = 100;
    m.reports = 3;
    meg = database->create(m);
    // Changed behind the objects' backs: a write of an unloaded field
    // would put the old value back.
    exec("UPDATE inh_mtiw_person SET email = 'meg@corp.example' WHERE id = " + ph(1));
    exec("UPDATE inh_mtiw_employee SET badge = 'M9' WHERE person_ptr_id = " + ph(1));
    exec("UPDATE inh_mtiw_manager SET reports = 8 WHERE employee_ptr_id = " + ph(1));
  }

  std::string ph(int i) const { return is_sqlite() ? "?" : "$" + std::to_string(i); }
  void exec(const std::string& sql) { database->query(sql, {covet::Value(meg.id)}); }
  covet::Value cell(const std::string& column, const std::string& table, const std::string& key) {
    return database->query("SELECT " + column + " FROM " + table + " WHERE " + key + " = " + ph(1),
                           {covet::Value(meg.id)})
        .at(0)
        .at(0);
  }
  covet::Value person(const std::string& column) { return cell(column, "inh_mtiw_person", "id"); }
  covet::Value employee(const std::string& column) { return cell(column, "inh_mtiw_employee", "person_ptr_id"); }
  covet::Value manager(const std::string& column) { return cell(column, "inh_mtiw_manager", "employee_ptr_id"); }

  // The SQL of the statements fn() runs.
  template <class F>
  std::vector<std::string> statements_of(F&& fn) {
    return covet::test::statements_of(*database, std::forward<F>(fn));
  }
  static bool any_contains(const std::vector<std::string>& sql, const std::string& part) {
    for (const std::string& s : sql)
      if (s.find(part) != std::string::npos) return true;
    return false;
  }

  Manager meg;
};

TEST_P(MultiTablePartialTest, SaveOfAPartialChildWritesOnlyItsLoadedFieldsEachInItsTable) {
  covet::Partial<Employee> p = database->objects<Employee>().only("name", "salary").get("id", meg.id);
  p.set(&Employee::name, std::string("Margaret"));
  p.set(&Employee::salary, 200);
  database->save(p);
  EXPECT_EQ(person("name"), covet::Value("Margaret"));
  EXPECT_EQ(employee("salary"), covet::Value(std::int64_t{200}));
  EXPECT_EQ(person("email"), covet::Value("meg@corp.example"));  // not loaded: left alone
  EXPECT_EQ(employee("badge"), covet::Value("M9"));
  EXPECT_EQ(manager("reports"), covet::Value(std::int64_t{8}));  // a Manager's table, not Employee's
}

TEST_P(MultiTablePartialTest, SaveOfAPartialChildUpdatesNoColumnItDidNotLoad) {
  covet::Partial<Employee> p = database->objects<Employee>().only("name", "salary").get("id", meg.id);
  p.set(&Employee::salary, 200);
  const std::vector<std::string> sql = statements_of([&] { database->save(p); });
  EXPECT_TRUE(any_contains(sql, R"(UPDATE "inh_mtiw_person" SET "name" = )")) << ::testing::PrintToString(sql);
  EXPECT_TRUE(any_contains(sql, R"(UPDATE "inh_mtiw_employee" SET "salary" = )")) << ::testing::PrintToString(sql);
  for (const char* column : {"\"email\"", "\"badge\"", "\"created_at\"", "\"updated_at\"", "inh_mtiw_manager"})
    EXPECT_FALSE(any_contains(sql, column)) << column << ": " << ::testing::PrintToString(sql);
}

TEST_P(MultiTablePartialTest, UpdateOfAPartialChildWithOnlyParentFieldsWritesOnlyTheParentTable) {
  covet::Partial<Employee> p = database->objects<Employee>().only("email").get("id", meg.id);
  p.set(&Employee::email, std::string("margaret@example.com"));
  const std::vector<std::string> sql = statements_of([&] { database->update(p); });
  EXPECT_FALSE(any_contains(sql, R"(UPDATE "inh_mtiw_employee")")) << ::testing::PrintToString(sql);
  EXPECT_EQ(person("email"), covet::Value("margaret@example.com"));
  EXPECT_EQ(person("name"), covet::Value("Meg"));
  EXPECT_EQ(employee("badge"), covet::Value("M9"));
}

TEST_P(MultiTablePartialTest, SaveOfADeferredGrandchildWritesTheTablesOfItsLoadedFields) {
  covet::Partial<Manager> p = database->objects<Manager>().defer("email", "badge").get("id", meg.id);
  p.set(&Manager::reports, 5);
  database->save(p);
  EXPECT_EQ(manager("reports"), covet::Value(std::int64_t{5}));
  EXPECT_EQ(person("email"), covet::Value("meg@corp.example"));
  EXPECT_EQ(employee("badge"), covet::Value("M9"));
  EXPECT_EQ(employee("salary"), covet::Value(std::int64_t{100}));
}

TEST_P(MultiTablePartialTest, ADeferredChildFieldLoadsFromTheChildsTable) {
  covet::Partial<Manager> p = database->objects<Manager>().only("name").get("id", meg.id);
  EXPECT_EQ(p.get(&Manager::badge), "M9");
  EXPECT_EQ(p.get(&Manager::reports), 8);
  EXPECT_EQ(p.get(&Manager::email), "meg@corp.example");
}

TEST_P(MultiTablePartialTest, UpdateOfAPartialChildWhoseOwnRowIsGoneIsDoesNotExist) {
  covet::Partial<Employee> p = database->objects<Employee>().only("name").get("id", meg.id);
  database->query("DELETE FROM inh_mtiw_manager");
  database->query("DELETE FROM inh_mtiw_employee");
  p.set(&Employee::name, std::string("Margaret"));
  EXPECT_THROW(database->update(p), covet::DoesNotExist);
  EXPECT_EQ(person("name"), covet::Value("Meg"));
}

COVET_INSTANTIATE_BACKENDS(MultiTablePartialTest);

}  // namespace
