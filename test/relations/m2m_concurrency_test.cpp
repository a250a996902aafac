// Two connections writing the pairs of one many-to-many at the same moment
// (two covet::Database handles on one database: PostgreSQL's READ COMMITTED
// in one private schema, or an SQLite file), each in its own thread, a few
// hundred rounds that start together:
//  * add() of one pair from both is idempotent: no error, one row; from
//    either side of the relation, symmetrical or not, with an automatic join
//    table, a through model with a unique pair, or one without;
//  * set() from both leaves exactly one of the two sets;
//  * a create with one unique value from both: one succeeds, the other gets
//    UniqueViolation.
#include "models/m2m_pairs.hpp"
#include "support/backends.hpp"

#include <covet/covet.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <barrier>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

using m2m::Club;
using m2m::Course;
using m2m::Enrolment;
using m2m::Event;
using m2m::Person;
using m2m::Seat;

constexpr int kRounds = 300;

// What went wrong in the rounds of one run, for the assertion messages.
struct Failures {
  std::mutex mutex;
  std::vector<std::string> messages;
  void add(int round, const std::string& what) {
    std::lock_guard lock(mutex);
    messages.push_back("round " + std::to_string(round) + ": " + what);
  }
  std::size_t size() {
    std::lock_guard lock(mutex);
    return messages.size();
  }
  std::string first() {
    std::lock_guard lock(mutex);
    return messages.empty() ? "" : messages.front() + (messages.size() > 1 ? " (and more)" : "");
  }
};

class M2mConcurrencyTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (std::string why = covet::test::skip_reason(GetParam()); !why.empty()) GTEST_SKIP() << why;
    std::string url;
    if (GetParam() == "sqlite") {
      static std::atomic<int> counter{0};
      path_ = std::filesystem::temp_directory_path() /
              ("covet_m2m_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + ".db");
      std::filesystem::remove(path_);
      url = "sqlite:///" + path_.string();  // an absolute path: sqlite:////tmp/...
    } else {
      url = covet::test::backend_url(GetParam());
    }
    a.emplace(covet::connect(url));
    b.emplace(covet::connect(url));
    a->create_all();
    if (GetParam() == "sqlite")
      for (covet::Database* db : {&*a, &*b}) db->execute("PRAGMA synchronous = OFF");  // speed, not semantics
  }

  void TearDown() override {
    a.reset();
    b.reset();
    if (!path_.empty()) {
      std::filesystem::remove(path_);
      std::filesystem::remove(path_.string() + "-journal");
    }
  }

  // Runs first(i) on one thread and second(i) on another for every round i,
  // both starting each round together; an exception is a failure of that
  // round. `check(i)`, when given, runs once both are done with round i.
  void race(Failures& failures, const std::function<void(int)>& first, const std::function<void(int)>& second,
            const std::function<void(int)>& check = {}) {
    std::barrier sync(2);
    auto loop = [&](const std::function<void(int)>& op, bool checker) {
      for (int i = 0; i < kRounds; ++i) {
        sync.arrive_and_wait();
        try {
          op(i);
        } catch (const std::exception& e) {
          failures.add(i, e.what());
        }
        sync.arrive_and_wait();
        if (checker && check) check(i);
      }
    };
    std::thread other(loop, std::cref(second), false);
    loop(first, true);
    other.join();
  }

  template <class T>
  std::vector<T> make(int n, const std::string& prefix) {
    std::vector<T> objects;
    for (int i = 0; i < n; ++i) objects.push_back(T{.name = prefix + std::to_string(i)});
    a->bulk_create(objects);
    return a->objects<T>().order_by("id").fetch();
  }
  // The same rows, loaded through the second connection (bound to it).
  template <class T>
  std::vector<T> through_b() {
    return b->objects<T>().order_by("id").fetch();
  }

  std::int64_t scalar(const std::string& sql) { return a->query(sql).front().front().as_integer(); }

  std::filesystem::path path_;
  std::optional<covet::Database> a, b;
};

TEST_P(M2mConcurrencyTest, AddingOnePairFromBothConnectionsWritesItOnceWithoutError) {
  std::vector<Person> people = make<Person>(kRounds, "p");
  std::vector<Club> clubs = make<Club>(kRounds, "c");
  std::vector<Person> people_b = through_b<Person>();
  Failures failures;
  race(failures, [&](int i) { people[i].clubs.add(clubs[i]); }, [&](int i) { people_b[i].clubs.add(clubs[i]); });
  EXPECT_EQ(failures.size(), 0u) << failures.first();
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM m2m_person_clubs"), kRounds);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM (SELECT DISTINCT person_id, club_id FROM m2m_person_clubs) AS d"), kRounds);
}

TEST_P(M2mConcurrencyTest, AddingOnePairFromEitherSideWritesItOnceWithoutError) {
  std::vector<Person> people = make<Person>(kRounds, "p");
  std::vector<Club> clubs = make<Club>(kRounds, "c");
  Failures failures;
  race(
      failures, [&](int i) { people[i].clubs.add(clubs[i]); },
      [&](int i) { b->related(clubs[i], &Person::clubs).add(people[i]); });
  EXPECT_EQ(failures.size(), 0u) << failures.first();
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM m2m_person_clubs"), kRounds);
}

TEST_P(M2mConcurrencyTest, AddingASymmetricalPairFromBothEndsWritesBothRowsOnce) {
  std::vector<Person> people = make<Person>(2 * kRounds, "p");
  std::vector<Person> people_b = through_b<Person>();
  Failures failures;
  race(
      failures, [&](int i) { people[2 * i].friends.add(people[2 * i + 1]); },
      [&](int i) { people_b[2 * i + 1].friends.add(people_b[2 * i]); });
  EXPECT_EQ(failures.size(), 0u) << failures.first();
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM m2m_person_friends"), 2 * kRounds);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM (SELECT DISTINCT from_person_id, to_person_id FROM m2m_person_friends) AS d"),
            2 * kRounds);
}

TEST_P(M2mConcurrencyTest, AddingOnePairThroughAModelWithAUniquePairWritesItOnce) {
  std::vector<Person> people = make<Person>(kRounds, "p");
  std::vector<Event> events = make<Event>(kRounds, "e");
  std::vector<Person> people_b = through_b<Person>();
  Failures failures;
  race(failures, [&](int i) { people[i].events.add(events[i]); }, [&](int i) { people_b[i].events.add(events[i]); });
  EXPECT_EQ(failures.size(), 0u) << failures.first();
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM m2m_seat"), kRounds);
}

TEST_P(M2mConcurrencyTest, AddingOnePairThroughAModelWithoutAUniquePairNeverDuplicatesIt) {
  std::vector<Person> people = make<Person>(kRounds, "p");
  std::vector<Course> courses = make<Course>(kRounds, "c");
  std::vector<Person> people_b = through_b<Person>();
  Failures failures;
  // One connection adds from the person's side, the other from the course's.
  race(
      failures, [&](int i) { people[i].courses.add(courses[i]); },
      [&](int i) { b->related(courses[i], &Person::courses).add(people_b[i]); });
  EXPECT_EQ(failures.size(), 0u) << failures.first();
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM m2m_enrolment"), kRounds);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM (SELECT DISTINCT person_id, course_id FROM m2m_enrolment) AS d"), kRounds);
}

TEST_P(M2mConcurrencyTest, SettingFromBothConnectionsLeavesOneOfTheTwoSets) {
  std::vector<Person> people = make<Person>(1, "owner");
  std::vector<Club> clubs = make<Club>(4, "c");
  std::vector<Person> people_b = through_b<Person>();
  // Overlapping sets that change every round, so each set() both removes
  // and adds pairs.
  auto first_set = [&](int i) { return i % 2 ? std::vector<Club>{clubs[2], clubs[3]} : std::vector<Club>{clubs[0], clubs[1]}; };
  auto second_set = [&](int i) { return i % 2 ? std::vector<Club>{clubs[3], clubs[0]} : std::vector<Club>{clubs[1], clubs[2]}; };
  auto ids = [](const std::vector<Club>& cs) {
    std::set<std::int64_t> out;
    for (const Club& c : cs) out.insert(c.id.value());
    return out;
  };
  Failures failures, mixed;
  race(
      failures, [&](int i) { people[0].clubs.set(first_set(i)); }, [&](int i) { people_b[0].clubs.set(second_set(i)); },
      [&](int i) {
        std::set<std::int64_t> now;
        for (const auto& row : a->query("SELECT club_id FROM m2m_person_clubs")) now.insert(row.front().as_integer());
        if (now != ids(first_set(i)) && now != ids(second_set(i)))
          mixed.add(i, std::to_string(now.size()) + " clubs, a mix of both sets");
      });
  EXPECT_EQ(failures.size(), 0u) << failures.first();
  EXPECT_EQ(mixed.size(), 0u) << mixed.first();
}

TEST_P(M2mConcurrencyTest, CreatingOneUniqueValueFromBothConnectionsLetsExactlyOneSucceed) {
  std::atomic<int> created{0}, refused{0};
  Failures failures;
  auto create = [&](covet::Database& db) {
    return [&](int i) {
      try {
        db.create(Club{.name = "club " + std::to_string(i)});
        ++created;
      } catch (const covet::UniqueViolation&) {
        ++refused;
      }
    };
  };
  race(failures, create(*a), create(*b));
  EXPECT_EQ(failures.size(), 0u) << failures.first();
  EXPECT_EQ(created.load(), kRounds);
  EXPECT_EQ(refused.load(), kRounds);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM m2m_club"), kRounds);
}

INSTANTIATE_TEST_SUITE_P(Backends, M2mConcurrencyTest, ::testing::ValuesIn(covet::test::backend_names()),
                         covet::test::backend_test_name);

}  // namespace
