// Multi-table inheritance, the write side: the tables create_all makes for
// Person / Employee / Manager / Customer, and create, save, update,
// bulk_create, bulk_update and erase (with and without keep_parents) of
// rows spanning them, all or nothing. Rows are checked with plain SQL on
// each table (the joined read of a child is the read side's).
#include "models/inh_mtiw.hpp"
#include "support/database_fixture.hpp"
#include "support/statement_log.hpp"
#include "support/error_message.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace inh_mtiw;

namespace {

Person person(const std::string& name) {
  Person p;
  p.name = name;
  p.email = name + "@example.com";
  return p;
}

Employee employee(const std::string& name, const std::string& badge, int salary = 100) {
  Employee e;
  e.name = name;
  e.email = name + "@example.com";
  e.badge = badge;
  e.salary = salary;
  return e;
}

Manager manager(const std::string& name, const std::string& badge, int reports = 3) {
  Manager m;
  m.name = name;
  m.email = name + "@example.com";
  m.badge = badge;
  m.reports = reports;
  return m;
}

class MultiTableWriteTest : public covet::test::DatabaseTest {
 protected:
  std::string ph(int i) const { return is_sqlite() ? "?" : "$" + std::to_string(i); }

  // The rows of `sql` (one parameter: a key), the first column as text.
  std::int64_t rows_in(const std::string& table) {
    return database->query("SELECT COUNT(*) FROM \"" + table + "\"").at(0).at(0).as_integer();
  }
  // The row of `table` whose `key` column is `id`: its values, in the
  // order `columns` names them; empty when there is none.
  std::vector<covet::Value> row(const std::string& table, const std::string& key, std::int64_t id,
                                const std::string& columns) {
    auto rows = database->query("SELECT " + columns + " FROM \"" + table + "\" WHERE \"" + key + "\" = " + ph(1),
                                {covet::Value(id)});
    return rows.empty() ? std::vector<covet::Value>{} : rows.front();
  }
  bool has_row(const std::string& table, const std::string& key, std::int64_t id) {
    return !row(table, key, id, "1").empty();
  }

  // The columns of `table`, in table order.
  std::vector<std::string> columns_of(const std::string& table) {
    const auto rows = is_sqlite() ? database->query("SELECT name FROM pragma_table_info(?) ORDER BY cid",
                                                    {covet::Value(table)})
                                  : database->query(
                                        "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                        "current_schema() AND table_name = $1 ORDER BY ordinal_position",
                                        {covet::Value(table)});
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.at(0).as_text());
    return out;
  }
  std::vector<std::string> primary_key_of(const std::string& table) {
    const auto rows =
        is_sqlite() ? database->query("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk",
                                      {covet::Value(table)})
                    : database->query(
                          "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND "
                          "a.attnum = ANY(i.indkey) WHERE i.indrelid = $1::regclass AND i.indisprimary",
                          {covet::Value(table)});
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.at(0).as_text());
    return out;
  }
  // Each foreign key of `table` as "column -> table.column", sorted.
  std::vector<std::string> foreign_keys_of(const std::string& table) {
    const auto rows =
        is_sqlite()
            ? database->query("SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?)",
                              {covet::Value(table)})
            : database->query(
                  "SELECT a.attname, r.relname, ra.attname FROM pg_constraint c "
                  "JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid "
                  "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
                  "JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1] "
                  "WHERE c.contype = 'f' AND t.relname = $1 AND t.relnamespace = current_schema()::regnamespace",
                  {covet::Value(table)});
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.at(0).as_text() + " -> " + r.at(1).as_text() + "." + r.at(2).as_text());
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<std::string> indexes_of(const std::string& table) {
    const auto rows = is_sqlite() ? database->query("SELECT name FROM pragma_index_list(?)", {covet::Value(table)})
                                  : database->query(
                                        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND "
                                        "tablename = $1",
                                        {covet::Value(table)});
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.at(0).as_text());
    return out;
  }

  // The SQL of the statements fn() runs.
  template <class F>
  std::vector<std::string> statements_of(F&& fn) {
    return covet::test::statements_of(*database, std::forward<F>(fn));
  }
  std::string begin_sql() const { return is_sqlite() ? "BEGIN IMMEDIATE" : "BEGIN"; }
};

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// --- schema -----------------------------------------------------------------

TEST_P(MultiTableWriteTest, ParentTableHoldsOnlyTheParentsColumns) {
  EXPECT_EQ(columns_of("inh_mtiw_person"),
            (std::vector<std::string>{"id", "name", "email", "city_id", "created_at"}));
}

TEST_P(MultiTableWriteTest, ChildTableHoldsItsOwnColumnsKeyedByTheParentLink) {
  EXPECT_EQ(columns_of("inh_mtiw_employee"), (std::vector<std::string>{"person_ptr_id", "badge", "salary", "desk",
                                                                       "employer_id", "updated_at"}));
  EXPECT_EQ(columns_of("inh_mtiw_customer"), (std::vector<std::string>{"person_ptr_id", "tier"}));
}

TEST_P(MultiTableWriteTest, GrandchildTableIsKeyedByItsLinkToTheChild) {
  EXPECT_EQ(columns_of("inh_mtiw_manager"), (std::vector<std::string>{"employee_ptr_id", "reports", "budget"}));
}

TEST_P(MultiTableWriteTest, ParentLinkIsTheChildTablesPrimaryKey) {
  EXPECT_EQ(primary_key_of("inh_mtiw_employee"), std::vector<std::string>{"person_ptr_id"});
  EXPECT_EQ(primary_key_of("inh_mtiw_manager"), std::vector<std::string>{"employee_ptr_id"});
}

TEST_P(MultiTableWriteTest, ParentLinkIsAForeignKeyToTheParentTablesKey) {
  EXPECT_EQ(foreign_keys_of("inh_mtiw_employee"),
            (std::vector<std::string>{"employer_id -> inh_mtiw_company.id", "person_ptr_id -> inh_mtiw_person.id"}));
  EXPECT_EQ(foreign_keys_of("inh_mtiw_manager"),
            std::vector<std::string>{"employee_ptr_id -> inh_mtiw_employee.person_ptr_id"});
}

TEST_P(MultiTableWriteTest, DatabaseRefusesAChildRowWithoutItsParentRow) {
  auto& db = *database;
  EXPECT_THROW(db.execute("INSERT INTO inh_mtiw_employee (person_ptr_id, badge, salary, desk, updated_at) "
                          "VALUES (" + ph(1) + ", 'B1', 1, 1, '2024-01-01 00:00:00')",
                          {covet::Value(std::int64_t{4242})}),
               covet::ForeignKeyViolation);
}

TEST_P(MultiTableWriteTest, ForeignKeysToAChildReferToTheChildTable) {
  EXPECT_EQ(foreign_keys_of("inh_mtiw_payslip"),
            std::vector<std::string>{"employee_id -> inh_mtiw_employee.person_ptr_id"});
  EXPECT_EQ(foreign_keys_of("inh_mtiw_project"),
            std::vector<std::string>{"lead_id -> inh_mtiw_manager.employee_ptr_id"});
  EXPECT_EQ(foreign_keys_of("inh_mtiw_note"), std::vector<std::string>{"person_id -> inh_mtiw_person.id"});
}

TEST_P(MultiTableWriteTest, ChildForeignKeyIsIndexedOnTheChildTable) {
  const std::vector<std::string> employee = indexes_of("inh_mtiw_employee");
  EXPECT_NE(std::find(employee.begin(), employee.end(), "inh_mtiw_employee_employer_id_idx"), employee.end());
  const std::vector<std::string> person = indexes_of("inh_mtiw_person");
  EXPECT_NE(std::find(person.begin(), person.end(), "inh_mtiw_person_city_id_idx"), person.end());
  for (const std::string& index : person) EXPECT_EQ(index.find("employer"), std::string::npos) << index;
}

TEST_P(MultiTableWriteTest, ChildUniqueConstraintsAreOnTheChildTable) {
  auto& db = *database;
  const Company acme = db.create(Company{.name = "Acme"});
  Employee a = employee("Ann", "B1");
  a.employer = acme;
  a.desk = 7;
  db.create(a);
  Employee same_badge = employee("Bob", "B1");
  EXPECT_THROW(db.create(same_badge), covet::UniqueViolation);
  Employee same_desk = employee("Cid", "B2");
  same_desk.employer = acme;
  same_desk.desk = 7;  // unique_together(employer, desk)
  try {
    db.create(same_desk);
    ADD_FAILURE() << "the second employee at desk 7 of Acme was created";
  } catch (const covet::UniqueViolation& e) {
    EXPECT_EQ(e.model(), "Employee");
  }
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 1);
}

TEST_P(MultiTableWriteTest, ChildsManyToManyJoinTableRefersToTheChildTableOnce) {
  EXPECT_EQ(foreign_keys_of("inh_mtiw_employee_skills"),
            (std::vector<std::string>{"employee_id -> inh_mtiw_employee.person_ptr_id", "skill_id -> inh_mtiw_skill.id"}));
  // Manager inherits Employee.skills: no join table of its own.
  EXPECT_TRUE(columns_of("inh_mtiw_manager_skills").empty());
}

TEST_P(MultiTableWriteTest, DropAllDropsChildTablesBeforeTheirParents) {
  auto& db = *database;
  const std::vector<std::string> sql = statements_of([&] { db.drop_all(); });
  auto position = [&](const std::string& table) {
    const std::string wanted = "DROP TABLE IF EXISTS \"" + table + "\"";
    return std::find_if(sql.begin(), sql.end(), [&](const std::string& s) { return starts_with(s, wanted); }) -
           sql.begin();
  };
  EXPECT_LT(position("inh_mtiw_manager"), position("inh_mtiw_employee"));
  EXPECT_LT(position("inh_mtiw_employee"), position("inh_mtiw_person"));
  EXPECT_LT(position("inh_mtiw_customer"), position("inh_mtiw_person"));
  EXPECT_LT(position("inh_mtiw_person"), static_cast<std::ptrdiff_t>(sql.size()));
  EXPECT_TRUE(columns_of("inh_mtiw_employee").empty());
  db.create_all();
  EXPECT_FALSE(columns_of("inh_mtiw_employee").empty());
}

// --- create -------------------------------------------------------------------

TEST_P(MultiTableWriteTest, CreateOfAChildWritesAParentRowAndAChildRowWithOneKey) {
  auto& db = *database;
  const Employee e = db.create(employee("Ann", "B1", 120));
  ASSERT_TRUE(e.id.has_value());
  const auto p = row("inh_mtiw_person", "id", e.id, "name, email");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].as_text(), "Ann");
  EXPECT_EQ(p[1].as_text(), "Ann@example.com");
  const auto c = row("inh_mtiw_employee", "person_ptr_id", e.id, "badge, salary");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].as_text(), "B1");
  EXPECT_EQ(c[1].as_integer(), 120);
}

TEST_P(MultiTableWriteTest, CreateOfAChildIsTwoInsertsInOneTransaction) {
  auto& db = *database;
  COVET_EXPECT_NUM_QUERIES(db, 4, [&] { db.create(employee("Ann", "B1")); });
  const std::vector<std::string> sql = statements_of([&] { db.create(employee("Bob", "B2")); });
  ASSERT_EQ(sql.size(), 4u);
  EXPECT_EQ(sql[0], begin_sql());
  EXPECT_TRUE(starts_with(sql[1], "INSERT INTO \"inh_mtiw_person\"")) << sql[1];
  EXPECT_NE(sql[1].find("RETURNING \"id\""), std::string::npos) << sql[1];
  EXPECT_TRUE(starts_with(sql[2], "INSERT INTO \"inh_mtiw_employee\" (\"person_ptr_id\", ")) << sql[2];
  EXPECT_EQ(sql[3], "COMMIT");
}

TEST_P(MultiTableWriteTest, CreateOfAChildInsideAnAtomicScopeUsesASavepoint) {
  auto& db = *database;
  std::vector<std::string> sql;
  {
    auto tx = db.atomic();
    sql = statements_of([&] { db.create(employee("Ann", "B1")); });
  }
  ASSERT_EQ(sql.size(), 4u);
  EXPECT_TRUE(starts_with(sql[0], "SAVEPOINT ")) << sql[0];
  EXPECT_TRUE(starts_with(sql[3], "RELEASE SAVEPOINT ")) << sql[3];
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 1);
}

TEST_P(MultiTableWriteTest, CreateOfAGrandchildInsertsOneRowPerLevelRootFirst) {
  auto& db = *database;
  Manager m = manager("Meg", "M1", 5);
  m.budget = "large";
  std::vector<std::string> sql = statements_of([&] { m = db.create(m); });
  ASSERT_EQ(sql.size(), 5u);
  EXPECT_TRUE(starts_with(sql[1], "INSERT INTO \"inh_mtiw_person\"")) << sql[1];
  EXPECT_TRUE(starts_with(sql[2], "INSERT INTO \"inh_mtiw_employee\" (\"person_ptr_id\"")) << sql[2];
  EXPECT_TRUE(starts_with(sql[3], "INSERT INTO \"inh_mtiw_manager\" (\"employee_ptr_id\"")) << sql[3];
  EXPECT_EQ(row("inh_mtiw_person", "id", m.id, "name").at(0).as_text(), "Meg");
  EXPECT_EQ(row("inh_mtiw_employee", "person_ptr_id", m.id, "badge").at(0).as_text(), "M1");
  const auto level = row("inh_mtiw_manager", "employee_ptr_id", m.id, "reports, budget");
  ASSERT_EQ(level.size(), 2u);
  EXPECT_EQ(level[0].as_integer(), 5);
  EXPECT_EQ(level[1].as_text(), "large");
}

TEST_P(MultiTableWriteTest, ChildrenAndParentsShareOneSequenceOfKeys) {
  auto& db = *database;
  const Person p = db.create(person("Pat"));
  const Employee e = db.create(employee("Ann", "B1"));
  const Manager m = db.create(manager("Meg", "M1"));
  EXPECT_GT(e.id.value(), p.id.value());
  EXPECT_GT(m.id.value(), e.id.value());
  EXPECT_EQ(db.objects<Person>().count(), 3);  // the root's table has every row
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 2);
  EXPECT_EQ(rows_in("inh_mtiw_manager"), 1);
}

TEST_P(MultiTableWriteTest, CreateOfAChildWithAnExplicitKeyWritesItToEveryTable) {
  auto& db = *database;
  Manager m = manager("Meg", "M1");
  m.id = covet::Id(500);
  m = db.create(m);
  EXPECT_EQ(m.id.value(), 500);
  EXPECT_TRUE(has_row("inh_mtiw_person", "id", 500));
  EXPECT_TRUE(has_row("inh_mtiw_employee", "person_ptr_id", 500));
  EXPECT_TRUE(has_row("inh_mtiw_manager", "employee_ptr_id", 500));
}

TEST_P(MultiTableWriteTest, CreateWritesAnInheritedForeignKeyToTheParentTable) {
  auto& db = *database;
  const City paris = db.create(City{.name = "Paris"});
  Employee e = employee("Ann", "B1");
  e.city = paris;
  e = db.create(e);
  EXPECT_EQ(row("inh_mtiw_person", "id", e.id, "city_id").at(0).as_integer(), paris.id.value());
}

TEST_P(MultiTableWriteTest, CreateStampsAutoNowAddAndAutoNowWhicheverTableHoldsThem) {
  auto& db = *database;
  const Employee e = db.create(employee("Ann", "B1"));
  EXPECT_NE(e.created_at.time_since_epoch().count(), 0);
  EXPECT_EQ(e.created_at, e.updated_at);  // one instant for the whole row
  const covet::Value created = row("inh_mtiw_person", "id", e.id, "created_at").at(0);
  const covet::Value updated = row("inh_mtiw_employee", "person_ptr_id", e.id, "updated_at").at(0);
  EXPECT_FALSE(created.is_null());
  EXPECT_EQ(created, updated);
}

TEST_P(MultiTableWriteTest, CreateChecksEveryTablesValuesBeforeWritingAny) {
  auto& db = *database;
  Employee e = employee(std::string(41, 'x'), "B1");  // Person.name is max_length(40)
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] { EXPECT_THROW(db.create(e), covet::DataError); });
  EXPECT_EQ(rows_in("inh_mtiw_person"), 0);
}

// --- all or nothing -----------------------------------------------------------

TEST_P(MultiTableWriteTest, FailedChildInsertLeavesNoParentRow) {
  auto& db = *database;
  db.create(employee("Ann", "B1"));
  EXPECT_THROW(db.create(employee("Bob", "B1")), covet::UniqueViolation);  // the badge, in the child table
  EXPECT_EQ(rows_in("inh_mtiw_person"), 1);
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 1);
  EXPECT_EQ(db.objects<Person>().filter("name", "Bob").count(), 0);
}

TEST_P(MultiTableWriteTest, FailedChildInsertInsideAtomicLeavesNoParentRowAndTheScopeGoesOn) {
  auto& db = *database;
  {
    auto tx = db.atomic();
    db.create(employee("Ann", "B1"));
    EXPECT_THROW(db.create(employee("Bob", "B1")), covet::UniqueViolation);
    db.create(employee("Cid", "B2"));
  }
  EXPECT_EQ(rows_in("inh_mtiw_person"), 2);
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 2);
  EXPECT_EQ(db.objects<Person>().filter("name", "Bob").count(), 0);
}

TEST_P(MultiTableWriteTest, FailedChildInsertRolledBackWithTheUsersTransaction) {
  auto& db = *database;
  try {
    auto tx = db.atomic();
    db.create(employee("Ann", "B1"));
    db.create(employee("Bob", "B1"));
  } catch (const covet::UniqueViolation&) {
  }
  EXPECT_EQ(rows_in("inh_mtiw_person"), 0);
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 0);
}

TEST_P(MultiTableWriteTest, FailedGrandchildInsertLeavesNeitherAncestorRow) {
  auto& db = *database;
  db.create(manager("Meg", "M1"));
  EXPECT_THROW(db.create(manager("Max", "M1")), covet::UniqueViolation);  // fails at the middle table
  EXPECT_EQ(rows_in("inh_mtiw_person"), 1);
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 1);
  EXPECT_EQ(rows_in("inh_mtiw_manager"), 1);
}

// --- save and update ----------------------------------------------------------

TEST_P(MultiTableWriteTest, SaveOfAChildUpdatesEachOfItsTables) {
  auto& db = *database;
  Employee e = db.create(employee("Ann", "B1", 100));
  e.name = "Anna";
  e.salary = 150;
  const std::vector<std::string> sql = statements_of([&] { db.save(e); });
  ASSERT_EQ(sql.size(), 4u);
  EXPECT_TRUE(starts_with(sql[1], "UPDATE \"inh_mtiw_person\" SET ")) << sql[1];
  EXPECT_TRUE(starts_with(sql[2], "UPDATE \"inh_mtiw_employee\" SET ")) << sql[2];
  EXPECT_NE(sql[2].find("WHERE \"person_ptr_id\" = "), std::string::npos) << sql[2];
  EXPECT_EQ(row("inh_mtiw_person", "id", e.id, "name").at(0).as_text(), "Anna");
  EXPECT_EQ(row("inh_mtiw_employee", "person_ptr_id", e.id, "salary").at(0).as_integer(), 150);
  EXPECT_EQ(rows_in("inh_mtiw_person"), 1);
}

TEST_P(MultiTableWriteTest, SaveOfAnUnsavedChildInsertsEveryRow) {
  auto& db = *database;
  Manager m = manager("Meg", "M1");
  db.save(m);
  ASSERT_TRUE(m.id.has_value());
  EXPECT_TRUE(has_row("inh_mtiw_person", "id", m.id));
  EXPECT_TRUE(has_row("inh_mtiw_employee", "person_ptr_id", m.id));
  EXPECT_TRUE(has_row("inh_mtiw_manager", "employee_ptr_id", m.id));
}

TEST_P(MultiTableWriteTest, SaveOfAGrandchildWritesEveryLevel) {
  auto& db = *database;
  Manager m = db.create(manager("Meg", "M1", 2));
  m.email = "meg@corp.example";
  m.badge = "M9";
  m.reports = 8;
  db.save(m);
  EXPECT_EQ(row("inh_mtiw_person", "id", m.id, "email").at(0).as_text(), "meg@corp.example");
  EXPECT_EQ(row("inh_mtiw_employee", "person_ptr_id", m.id, "badge").at(0).as_text(), "M9");
  EXPECT_EQ(row("inh_mtiw_manager", "employee_ptr_id", m.id, "reports").at(0).as_integer(), 8);
}

TEST_P(MultiTableWriteTest, SaveStampsAutoNowInTheChildTableAndKeepsAutoNowAdd) {
  auto& db = *database;
  Employee e = db.create(employee("Ann", "B1"));
  const auto created = e.created_at;
  const covet::Value stored_created = row("inh_mtiw_person", "id", e.id, "created_at").at(0);
  e.updated_at = {};
  db.save(e);
  EXPECT_EQ(e.created_at, created);
  EXPECT_GE(e.updated_at, created);
  EXPECT_NE(e.updated_at.time_since_epoch().count(), 0);
  EXPECT_EQ(row("inh_mtiw_person", "id", e.id, "created_at").at(0), stored_created);
  EXPECT_FALSE(row("inh_mtiw_employee", "person_ptr_id", e.id, "updated_at").at(0).is_null());
}

TEST_P(MultiTableWriteTest, SaveOfAChildWhoseOwnRowIsGoneInsertsItUnderTheSameParentRow) {
  auto& db = *database;
  Employee e = db.create(employee("Ann", "B1"));
  db.execute("DELETE FROM inh_mtiw_employee");
  e.salary = 300;
  db.save(e);
  EXPECT_EQ(rows_in("inh_mtiw_person"), 1);
  EXPECT_EQ(row("inh_mtiw_employee", "person_ptr_id", e.id, "salary").at(0).as_integer(), 300);
}

TEST_P(MultiTableWriteTest, SaveOfAChildWhoseRowsAreAllGoneInsertsThemAgainWithItsKey) {
  auto& db = *database;
  Employee e = db.create(employee("Ann", "B1"));
  const std::int64_t key = e.id;
  db.execute("DELETE FROM inh_mtiw_employee");
  db.execute("DELETE FROM inh_mtiw_person");
  db.save(e);
  EXPECT_EQ(e.id.value(), key);
  EXPECT_TRUE(has_row("inh_mtiw_person", "id", key));
  EXPECT_TRUE(has_row("inh_mtiw_employee", "person_ptr_id", key));
}

TEST_P(MultiTableWriteTest, UpdateOfAChildWhoseOwnRowIsGoneIsDoesNotExistAndWritesNothing) {
  auto& db = *database;
  Employee e = db.create(employee("Ann", "B1"));
  db.execute("DELETE FROM inh_mtiw_employee");
  e.name = "Changed";
  const std::string message = covet::test::error_message<covet::DoesNotExist>([&] { db.update(e); });
  EXPECT_NE(message.find("Employee"), std::string::npos) << message;
  EXPECT_NE(message.find("save()"), std::string::npos) << message;
  EXPECT_EQ(row("inh_mtiw_person", "id", e.id, "name").at(0).as_text(), "Ann");
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 0);
}

TEST_P(MultiTableWriteTest, UpdateOfAChildIsOneUpdatePerTableInOneTransaction) {
  auto& db = *database;
  Manager m = db.create(manager("Meg", "M1"));
  m.reports = 9;
  COVET_EXPECT_NUM_QUERIES(db, 5, [&] { db.update(m); });  // BEGIN, 3 UPDATEs, COMMIT
  EXPECT_EQ(row("inh_mtiw_manager", "employee_ptr_id", m.id, "reports").at(0).as_integer(), 9);
}

TEST_P(MultiTableWriteTest, AChildsManyToManyWritesTheDeclaringTablesJoinRows) {
  auto& db = *database;
  const Skill cpp = db.create(Skill{.name = "C++"});
  Manager m = db.create(manager("Meg", "M1"));
  m.skills.add(cpp);
  const auto pairs = db.query("SELECT employee_id, skill_id FROM inh_mtiw_employee_skills");
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0][0].as_integer(), m.id.value());
  EXPECT_EQ(pairs[0][1].as_integer(), cpp.id.value());
}

// --- bulk writes ----------------------------------------------------------------

TEST_P(MultiTableWriteTest, BulkCreateOfChildrenIsOneInsertPerTableInOneTransaction) {
  auto& db = *database;
  std::vector<Employee> created;
  const std::vector<std::string> sql = statements_of([&] {
    created = db.bulk_create(std::vector<Employee>{employee("Ann", "B1", 1), employee("Bob", "B2", 2),
                                                   employee("Cid", "B3", 3)});
  });
  ASSERT_EQ(sql.size(), 4u);
  EXPECT_EQ(sql[0], begin_sql());
  EXPECT_TRUE(starts_with(sql[1], "INSERT INTO \"inh_mtiw_person\"")) << sql[1];
  EXPECT_NE(sql[1].find("RETURNING \"id\""), std::string::npos) << sql[1];
  EXPECT_TRUE(starts_with(sql[2], "INSERT INTO \"inh_mtiw_employee\" (\"person_ptr_id\"")) << sql[2];
  EXPECT_EQ(sql[3], "COMMIT");
  ASSERT_EQ(created.size(), 3u);
  for (const Employee& e : created) {
    ASSERT_TRUE(e.id.has_value());
    EXPECT_EQ(row("inh_mtiw_person", "id", e.id, "name").at(0).as_text(), e.name);
    const auto own = row("inh_mtiw_employee", "person_ptr_id", e.id, "badge, salary");
    ASSERT_EQ(own.size(), 2u) << e.name;
    EXPECT_EQ(own[0].as_text(), e.badge);
    EXPECT_EQ(own[1].as_integer(), e.salary);
  }
}

TEST_P(MultiTableWriteTest, BulkCreateOfGrandchildrenFillsEveryLevel) {
  auto& db = *database;
  std::vector<Manager> in;
  for (int i = 0; i < 4; ++i) in.push_back(manager("M" + std::to_string(i), "MB" + std::to_string(i), i));
  std::vector<Manager> out;
  COVET_EXPECT_NUM_QUERIES(db, 5, [&] { out = db.bulk_create(in); });
  for (const Manager& m : out) {
    EXPECT_EQ(row("inh_mtiw_employee", "person_ptr_id", m.id, "badge").at(0).as_text(), m.badge);
    EXPECT_EQ(row("inh_mtiw_manager", "employee_ptr_id", m.id, "reports").at(0).as_integer(), m.reports);
  }
}

TEST_P(MultiTableWriteTest, BulkCreateOfChildrenInBatchesMatchesEveryChildToItsParent) {
  auto& db = *database;
  std::vector<Employee> in;
  for (int i = 0; i < 5; ++i) in.push_back(employee("E" + std::to_string(i), "B" + std::to_string(i), i));
  std::vector<Employee> out;
  COVET_EXPECT_NUM_QUERIES(db, 8, [&] { out = db.bulk_create(in, 2); });  // 3 + 3 INSERTs
  for (const Employee& e : out) {
    EXPECT_EQ(row("inh_mtiw_person", "id", e.id, "name").at(0).as_text(), "E" + std::to_string(e.salary));
    EXPECT_EQ(row("inh_mtiw_employee", "person_ptr_id", e.id, "badge").at(0).as_text(), "B" + std::to_string(e.salary));
  }
}

TEST_P(MultiTableWriteTest, BulkCreateOfChildrenWithAndWithoutKeys) {
  auto& db = *database;
  Employee keyed = employee("Kay", "K1", 7);
  keyed.id = covet::Id(900);
  const std::vector<Employee> out = db.bulk_create(std::vector<Employee>{employee("Ann", "B1", 1), keyed});
  EXPECT_EQ(out[1].id.value(), 900);
  EXPECT_EQ(row("inh_mtiw_employee", "person_ptr_id", 900, "badge").at(0).as_text(), "K1");
  EXPECT_EQ(row("inh_mtiw_employee", "person_ptr_id", out[0].id, "badge").at(0).as_text(), "B1");
}

TEST_P(MultiTableWriteTest, FailedBulkCreateOfChildrenLeavesNoRow) {
  auto& db = *database;
  EXPECT_THROW(db.bulk_create(std::vector<Employee>{employee("Ann", "B1"), employee("Bob", "B1")}),
               covet::UniqueViolation);
  EXPECT_EQ(rows_in("inh_mtiw_person"), 0);
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 0);
}

TEST_P(MultiTableWriteTest, BulkUpdateOfChildrenWritesEachTableThatHoldsAField) {
  auto& db = *database;
  std::vector<Employee> staff = db.bulk_create(std::vector<Employee>{employee("Ann", "B1", 1), employee("Bob", "B2", 2)});
  for (Employee& e : staff) {
    e.name += "!";
    e.salary *= 10;
  }
  std::int64_t matched = 0;
  const std::vector<std::string> sql = statements_of([&] { matched = db.bulk_update(staff, {"name", "salary"}); });
  EXPECT_EQ(matched, 2);
  ASSERT_EQ(sql.size(), 4u);
  EXPECT_TRUE(starts_with(sql[1], "UPDATE \"inh_mtiw_person\" SET \"name\" = CASE \"id\"")) << sql[1];
  EXPECT_TRUE(starts_with(sql[2], "UPDATE \"inh_mtiw_employee\" SET \"salary\" = CASE \"person_ptr_id\"")) << sql[2];
  for (const Employee& e : staff) {
    EXPECT_EQ(row("inh_mtiw_person", "id", e.id, "name").at(0).as_text(), e.name);
    EXPECT_EQ(row("inh_mtiw_employee", "person_ptr_id", e.id, "salary").at(0).as_integer(), e.salary);
  }
}

TEST_P(MultiTableWriteTest, BulkUpdateOfOneTablesFieldsWritesOnlyThatTable) {
  auto& db = *database;
  std::vector<Manager> staff = db.bulk_create(std::vector<Manager>{manager("Meg", "M1", 1), manager("Max", "M2", 2)});
  for (Manager& m : staff) m.reports = 40;
  std::vector<std::string> sql;
  sql = statements_of([&] { EXPECT_EQ(db.bulk_update(staff, {"reports"}), 2); });
  ASSERT_EQ(sql.size(), 1u);
  EXPECT_TRUE(starts_with(sql[0], "UPDATE \"inh_mtiw_manager\" SET \"reports\" = CASE \"employee_ptr_id\"")) << sql[0];
  EXPECT_EQ(row("inh_mtiw_manager", "employee_ptr_id", staff[1].id, "reports").at(0).as_integer(), 40);
}

// --- erase ----------------------------------------------------------------------

TEST_P(MultiTableWriteTest, EraseOfAChildDeletesItsRowThenItsParentRow) {
  auto& db = *database;
  Employee e = db.create(employee("Ann", "B1"));
  const std::int64_t key = e.id;
  std::vector<std::string> sql;
  covet::DeleteResult result;
  sql = statements_of([&] { result = db.erase(e); });
  EXPECT_EQ(result.total, 2);
  EXPECT_EQ(result.count("Employee"), 1);
  EXPECT_EQ(result.count("Person"), 1);
  EXPECT_FALSE(has_row("inh_mtiw_employee", "person_ptr_id", key));
  EXPECT_FALSE(has_row("inh_mtiw_person", "id", key));
  EXPECT_FALSE(e.id.has_value());
  auto position = [&](const std::string& prefix) {
    return std::find_if(sql.begin(), sql.end(), [&](const std::string& s) { return starts_with(s, prefix); }) -
           sql.begin();
  };
  EXPECT_LT(position("DELETE FROM \"inh_mtiw_employee\" WHERE \"person_ptr_id\" IN"),
            position("DELETE FROM \"inh_mtiw_person\" WHERE \"id\" IN"));
  EXPECT_LT(position("DELETE FROM \"inh_mtiw_person\""), static_cast<std::ptrdiff_t>(sql.size()));
}

TEST_P(MultiTableWriteTest, EraseOfAChildRunsAKnownNumberOfStatements) {
  auto& db = *database;
  Employee e = db.create(employee("Ann", "B1"));
  // BEGIN; SELECT its Manager rows; SELECT its person's Customer rows;
  // DELETE its Payslips and its person's Notes (by reference); DELETE its
  // skills' join rows; DELETE the employee row, then the person row; COMMIT.
  COVET_EXPECT_NUM_QUERIES(db, 9, [&] { db.erase(e); });
}

TEST_P(MultiTableWriteTest, EraseOfAChildAppliesOnDeleteToRowsReferringToTheParent) {
  auto& db = *database;
  Employee e = db.create(employee("Ann", "B1"));
  db.create(Note{.text = "met Ann", .person = e});
  const Person other = db.create(person("Pat"));
  db.create(Note{.text = "met Pat", .person = other});
  const covet::DeleteResult result = db.erase(e);
  EXPECT_EQ(result.count("Note"), 1);
  EXPECT_EQ(rows_in("inh_mtiw_note"), 1);
}

TEST_P(MultiTableWriteTest, EraseOfAChildAppliesOnDeleteToRowsReferringToTheChild) {
  auto& db = *database;
  Employee e = db.create(employee("Ann", "B1"));
  db.create(Payslip{.amount = 10, .employee = e});
  db.create(Payslip{.amount = 20, .employee = e});
  const covet::DeleteResult result = db.erase(e);
  EXPECT_EQ(result.count("Payslip"), 2);
  EXPECT_EQ(rows_in("inh_mtiw_payslip"), 0);
}

TEST_P(MultiTableWriteTest, EraseOfAChildDeletesItsOwnChildRowsAndWhatRefersToThem) {
  auto& db = *database;
  const Manager m = db.create(manager("Meg", "M1"));
  const Project p = db.create(Project{.name = "Apollo", .lead = m});
  Employee as_employee;  // the same row, as its parent model
  as_employee.id = m.id;
  const covet::DeleteResult result = db.erase(as_employee);
  EXPECT_EQ(result.count("Manager"), 1);
  EXPECT_EQ(result.count("Employee"), 1);
  EXPECT_EQ(result.count("Person"), 1);
  EXPECT_EQ(rows_in("inh_mtiw_manager"), 0);
  EXPECT_TRUE(row("inh_mtiw_project", "id", p.id, "lead_id").at(0).is_null());  // SET_NULL
}

TEST_P(MultiTableWriteTest, EraseOfAChildDeletesTheOtherChildRowsOfItsParent) {
  auto& db = *database;
  Employee e = db.create(employee("Ann", "B1"));
  // Ann is a customer too: a second child row of the same person (Django's
  // Restaurant(place_ptr=place).save_base(raw=True)).
  db.execute("INSERT INTO inh_mtiw_customer (person_ptr_id, tier) VALUES (" + ph(1) + ", 'gold')",
             {covet::Value(e.id.value())});
  const covet::DeleteResult result = db.erase(e);
  EXPECT_EQ(result.count("Customer"), 1);
  EXPECT_EQ(rows_in("inh_mtiw_customer"), 0);
  EXPECT_EQ(rows_in("inh_mtiw_person"), 0);
}

TEST_P(MultiTableWriteTest, EraseOfAChildIsRefusedWhenItsParentsOtherChildIsProtected) {
  auto& db = *database;
  Employee e = db.create(employee("Ann", "B1"));
  db.execute("INSERT INTO inh_mtiw_customer (person_ptr_id, tier) VALUES (" + ph(1) + ", 'gold')",
             {covet::Value(e.id.value())});
  Customer as_customer;
  as_customer.id = e.id;
  db.create(Review{.text = "great", .customer = as_customer});
  const std::string message = covet::test::error_message<covet::ProtectedError>([&] { db.erase(e); });
  EXPECT_NE(message.find("Review.customer"), std::string::npos) << message;
  EXPECT_TRUE(e.id.has_value());
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 1);
  EXPECT_EQ(rows_in("inh_mtiw_person"), 1);
}

TEST_P(MultiTableWriteTest, EraseWithKeepParentsDeletesOnlyTheChildRow) {
  auto& db = *database;
  Employee e = db.create(employee("Ann", "B1"));
  const std::int64_t key = e.id;
  db.create(Note{.text = "met Ann", .person = e});
  db.create(Payslip{.amount = 10, .employee = e});
  const covet::DeleteResult result = db.erase(e, covet::keep_parents);
  EXPECT_EQ(result.per_model, (std::map<std::string, std::int64_t>{{"Employee", 1}, {"Payslip", 1}}));
  EXPECT_FALSE(has_row("inh_mtiw_employee", "person_ptr_id", key));
  EXPECT_EQ(row("inh_mtiw_person", "id", key, "name").at(0).as_text(), "Ann");
  EXPECT_EQ(rows_in("inh_mtiw_note"), 1);  // it refers to the person, who stays
  EXPECT_FALSE(e.id.has_value());
}

TEST_P(MultiTableWriteTest, EraseWithKeepParentsStillDeletesTheChildsOwnChildRows) {
  auto& db = *database;
  const Manager m = db.create(manager("Meg", "M1"));
  Employee as_employee;
  as_employee.id = m.id;
  const covet::DeleteResult result = db.erase(as_employee, covet::keep_parents);
  EXPECT_EQ(result.per_model, (std::map<std::string, std::int64_t>{{"Employee", 1}, {"Manager", 1}}));
  EXPECT_TRUE(has_row("inh_mtiw_person", "id", m.id));
}

TEST_P(MultiTableWriteTest, EraseWithKeepParentsOfAGrandchildKeepsEveryAncestorRow) {
  auto& db = *database;
  Manager m = db.create(manager("Meg", "M1"));
  const std::int64_t key = m.id;
  const covet::DeleteResult result = db.erase(m, covet::keep_parents);
  EXPECT_EQ(result.per_model, (std::map<std::string, std::int64_t>{{"Manager", 1}}));
  EXPECT_TRUE(has_row("inh_mtiw_employee", "person_ptr_id", key));
  EXPECT_TRUE(has_row("inh_mtiw_person", "id", key));
}

TEST_P(MultiTableWriteTest, EraseWithKeepParentsOfAModelWithoutParentsErasesAsUsual) {
  auto& db = *database;
  Person p = db.create(person("Pat"));
  EXPECT_EQ(db.erase(p, covet::keep_parents).total, 1);
  EXPECT_EQ(rows_in("inh_mtiw_person"), 0);
}

TEST_P(MultiTableWriteTest, EraseKeepingParentsDeletesTheChildBeforeAParentRowItsDeleteReaches) {
  auto& db = *database;
  Admin admin;
  admin.level = 1;
  admin = db.create(admin);
  admin.delegate = admin;  // the admin's own account row refers to the admin row (CASCADE)
  db.save(admin);
  Admin other = db.create(Admin{});
  const covet::DeleteResult result = db.erase(admin, covet::keep_parents);
  EXPECT_EQ(result.per_model, (std::map<std::string, std::int64_t>{{"Account", 1}, {"Admin", 1}}));
  EXPECT_EQ(rows_in("inh_mtiw_account"), 1);
  EXPECT_TRUE(has_row("inh_mtiw_admin", "account_ptr_id", other.id));
}

TEST_P(MultiTableWriteTest, EraseOfAParentCascadesToItsChildRowsAtEveryLevel) {
  auto& db = *database;
  const Manager m = db.create(manager("Meg", "M1"));
  db.create(Payslip{.amount = 10, .employee = m});
  const Project p = db.create(Project{.name = "Apollo", .lead = m});
  db.create(employee("Ann", "B1"));  // another person, untouched
  Person as_person;
  as_person.id = m.id;
  const covet::DeleteResult result = db.erase(as_person);
  EXPECT_EQ(result.per_model, (std::map<std::string, std::int64_t>{
                                  {"Employee", 1}, {"Manager", 1}, {"Payslip", 1}, {"Person", 1}}));
  EXPECT_EQ(rows_in("inh_mtiw_manager"), 0);
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 1);
  EXPECT_EQ(rows_in("inh_mtiw_person"), 1);
  EXPECT_TRUE(row("inh_mtiw_project", "id", p.id, "lead_id").at(0).is_null());
}

TEST_P(MultiTableWriteTest, EraseOfARowReferredToByTheParentCascadesIntoTheChildTables) {
  auto& db = *database;
  const City paris = db.create(City{.name = "Paris"});
  Manager m = manager("Meg", "M1");
  m.city = paris;
  db.create(m);
  Employee e = employee("Ann", "B1");
  e.city = paris;
  db.create(e);
  City doomed = paris;
  const covet::DeleteResult result = db.erase(doomed);
  EXPECT_EQ(result.per_model, (std::map<std::string, std::int64_t>{
                                  {"City", 1}, {"Employee", 2}, {"Manager", 1}, {"Person", 2}}));
  EXPECT_EQ(rows_in("inh_mtiw_person"), 0);
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 0);
  EXPECT_EQ(rows_in("inh_mtiw_manager"), 0);
}

TEST_P(MultiTableWriteTest, EraseOfARowReferredToByAChildAppliesItsOnDelete) {
  auto& db = *database;
  Company acme = db.create(Company{.name = "Acme"});
  Manager m = manager("Meg", "M1");
  m.employer = acme;
  m = db.create(m);
  EXPECT_EQ(db.erase(acme).total, 1);
  EXPECT_TRUE(row("inh_mtiw_employee", "person_ptr_id", m.id, "employer_id").at(0).is_null());  // SET_NULL
  EXPECT_TRUE(has_row("inh_mtiw_manager", "employee_ptr_id", m.id));
}

TEST_P(MultiTableWriteTest, EraseOfAChildDeletesItsManyToManyJoinRows) {
  auto& db = *database;
  const Skill cpp = db.create(Skill{.name = "C++"});
  Manager m = db.create(manager("Meg", "M1"));
  m.skills.add(cpp);
  const covet::DeleteResult result = db.erase(m);
  EXPECT_EQ(result.count("Employee_skills"), 1);
  EXPECT_EQ(rows_in("inh_mtiw_employee_skills"), 0);
  EXPECT_EQ(rows_in("inh_mtiw_skill"), 1);
}

TEST_P(MultiTableWriteTest, QuerySetEraseOfTheParentCascadesToChildRows) {
  auto& db = *database;
  db.create(manager("Meg", "M1"));
  db.create(employee("Ann", "B1"));
  db.create(person("Max"));
  const covet::DeleteResult result = db.objects<Person>().filter("name__startswith", "M").erase();
  EXPECT_EQ(result.per_model,
            (std::map<std::string, std::int64_t>{{"Employee", 1}, {"Manager", 1}, {"Person", 2}}));
  EXPECT_EQ(rows_in("inh_mtiw_person"), 1);
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 1);
}

TEST_P(MultiTableWriteTest, QuerySetEraseOfAChildDeletesItsRowsAndTheirParentRows) {
  auto& db = *database;
  db.create(employee("Ann", "B1", 100));
  const Employee bob = db.create(employee("Bob", "B2", 300));
  db.create(Note{.text = "met Bob", .person = bob});
  db.create(manager("Meg", "M1"));
  db.create(person("Pat"));
  const covet::DeleteResult result = db.objects<Employee>().filter("salary__gte", 200).erase();
  EXPECT_EQ(result.per_model, (std::map<std::string, std::int64_t>{{"Employee", 1}, {"Note", 1}, {"Person", 1}}));
  EXPECT_FALSE(has_row("inh_mtiw_person", "id", bob.id));
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 2);
  EXPECT_EQ(rows_in("inh_mtiw_person"), 3);
}

TEST_P(MultiTableWriteTest, QuerySetEraseOfAChildFilteredOnAParentFieldDeletesOnlyThatChildsRows) {
  auto& db = *database;
  const Employee ann = db.create(employee("Ann", "B1"));
  const Employee bob = db.create(employee("Bob", "B2"));
  Person other_bob = person("Bob");  // a plain person of the same name stays
  other_bob.email = "other.bob@example.com";
  const Person bob_too = db.create(other_bob);
  const covet::DeleteResult result = db.objects<Employee>().filter("name", "Bob").erase();
  EXPECT_EQ(result.per_model, (std::map<std::string, std::int64_t>{{"Employee", 1}, {"Person", 1}}));
  EXPECT_FALSE(has_row("inh_mtiw_employee", "person_ptr_id", bob.id));
  EXPECT_FALSE(has_row("inh_mtiw_person", "id", bob.id));
  EXPECT_TRUE(has_row("inh_mtiw_person", "id", bob_too.id));
  EXPECT_TRUE(has_row("inh_mtiw_employee", "person_ptr_id", ann.id));
}

TEST_P(MultiTableWriteTest, QuerySetEraseOfEveryChildLeavesThePlainParents) {
  auto& db = *database;
  db.create(employee("Ann", "B1"));
  db.create(manager("Meg", "M1"));
  db.create(person("Pat"));
  const covet::DeleteResult result = db.objects<Employee>().erase();
  EXPECT_EQ(result.per_model,
            (std::map<std::string, std::int64_t>{{"Employee", 2}, {"Manager", 1}, {"Person", 2}}));
  EXPECT_EQ(db.objects<Person>().count(), 1);
  EXPECT_EQ(db.objects<Person>().filter("name", "Pat").count(), 1);  // the plain person
}

TEST_P(MultiTableWriteTest, QuerySetUpdateOfChildrenWritesEachTableByTheMatchingKeys) {
  auto& db = *database;
  const Employee ann = db.create(employee("Ann", "B1", 100));
  const Employee bob = db.create(employee("Bob", "B2", 120));
  const Employee cid = db.create(employee("Cid", "B3", 300));
  std::int64_t matched = 0;
  const std::vector<std::string> sql = statements_of([&] {
    matched = db.objects<Employee>().filter("salary__lt", 150).update({{"name", "Junior"}, {"salary", 150}});
  });
  EXPECT_EQ(matched, 2);
  ASSERT_EQ(sql.size(), 5u);
  EXPECT_EQ(sql[0], begin_sql());
  EXPECT_TRUE(starts_with(sql[1], R"(SELECT "t0"."person_ptr_id" FROM "inh_mtiw_employee" AS "t0")")) << sql[1];
  EXPECT_TRUE(starts_with(sql[2], R"(UPDATE "inh_mtiw_person" SET "name" = )")) << sql[2];
  EXPECT_NE(sql[2].find(R"(WHERE "id" IN ()"), std::string::npos) << sql[2];
  EXPECT_TRUE(starts_with(sql[3], R"(UPDATE "inh_mtiw_employee" SET "salary" = )")) << sql[3];
  EXPECT_NE(sql[3].find(R"(WHERE "person_ptr_id" IN ()"), std::string::npos) << sql[3];
  EXPECT_EQ(sql[4], "COMMIT");
  for (const Employee& e : {ann, bob}) {
    EXPECT_EQ(row("inh_mtiw_person", "id", e.id, "name").at(0).as_text(), "Junior");
    EXPECT_EQ(row("inh_mtiw_employee", "person_ptr_id", e.id, "salary").at(0).as_integer(), 150);
  }
  EXPECT_EQ(row("inh_mtiw_person", "id", cid.id, "name").at(0).as_text(), "Cid");
  EXPECT_EQ(row("inh_mtiw_employee", "person_ptr_id", cid.id, "salary").at(0).as_integer(), 300);
}

TEST_P(MultiTableWriteTest, QuerySetUpdateOfAChildChangesOnlyTheParentRowsOfItsOwnRows) {
  auto& db = *database;
  db.create(employee("Ann", "B1"));
  db.create(manager("Meg", "M1"));
  const Person pat = db.create(person("Pat"));
  EXPECT_EQ(db.objects<Employee>().update({{"name", "Staff"}}), 2);
  EXPECT_EQ(db.objects<Person>().filter("name", "Staff").count(), 2);
  EXPECT_EQ(row("inh_mtiw_person", "id", pat.id, "name").at(0).as_text(), "Pat");
}

// Django's update of one table's fields is one statement (no related
// updates, so no keys are read first: SQLUpdateCompiler.pre_sql_setup).
TEST_P(MultiTableWriteTest, QuerySetUpdateOfAGrandchildsOwnFieldIsOneUpdateOfItsTable) {
  auto& db = *database;
  const Manager meg = db.create(manager("Meg", "M1", 2));
  const Manager max = db.create(manager("Max", "M2", 5));
  const std::vector<std::string> sql =
      statements_of([&] { EXPECT_EQ(db.objects<Manager>().filter("reports", 2).update({{"reports", 7}}), 1); });
  ASSERT_EQ(sql.size(), 1u);
  EXPECT_TRUE(starts_with(sql[0], R"(UPDATE "inh_mtiw_manager" SET "reports" = )")) << sql[0];
  EXPECT_EQ(row("inh_mtiw_manager", "employee_ptr_id", meg.id, "reports").at(0).as_integer(), 7);
  EXPECT_EQ(row("inh_mtiw_manager", "employee_ptr_id", max.id, "reports").at(0).as_integer(), 5);
}

TEST_P(MultiTableWriteTest, QuerySetUpdateOfChildrenMatchingNothingWritesNothing) {
  auto& db = *database;
  db.create(employee("Ann", "B1", 100));
  const std::vector<std::string> sql = statements_of([&] {
    EXPECT_EQ(db.objects<Employee>().filter("salary", 1).update({{"name", "x"}, {"salary", 2}}), 0);
  });
  EXPECT_EQ(sql.size(), 3u);  // BEGIN, SELECT the keys, COMMIT
  EXPECT_EQ(db.objects<Person>().filter("name", "Ann").count(), 1);
  EXPECT_EQ(db.objects<Employee>().filter("salary", 100).count(), 1);
}

TEST_P(MultiTableWriteTest, EraseOfAnUnsavedChildIsAUsageErrorThatWritesNothing) {
  auto& db = *database;
  db.create(employee("Ann", "B1"));
  Employee unsaved = employee("Bob", "B2");
  std::string message;
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    message = covet::test::error_message<covet::UsageError>([&] { db.erase(unsaved); });
  });
  EXPECT_NE(message.find("unsaved Employee"), std::string::npos) << message;
  EXPECT_NE(message.find("create or save it first"), std::string::npos) << message;
  EXPECT_THROW(db.erase(unsaved, covet::keep_parents), covet::UsageError);
  EXPECT_EQ(rows_in("inh_mtiw_employee"), 1);
}

TEST_P(MultiTableWriteTest, ForeignKeyViolationOfAChildTableNamesTheChildModel) {
  auto& db = *database;
  Payslip slip{.amount = 1};
  Employee ghost;
  ghost.id = covet::Id(777);
  slip.employee = ghost;
  try {
    db.create(slip);
    ADD_FAILURE() << "a payslip of no employee was created";
  } catch (const covet::ForeignKeyViolation& e) {
    EXPECT_EQ(e.model(), "Payslip");
  }
}

COVET_INSTANTIATE_BACKENDS(MultiTableWriteTest);

}  // namespace
