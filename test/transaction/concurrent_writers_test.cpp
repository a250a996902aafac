// Two connections writing at once (issue 10, item 2): on a SQLite file a
// transaction scope takes the write lock when it begins (BEGIN IMMEDIATE), so
// a second writer waits for the first within ConnectOptions::busy_timeout
// instead of failing at once with "database is locked"; a timeout of 0 fails
// at once, with a message that says what to do.
#include "models/conn.hpp"
#include "support/backends.hpp"
#include "support/error_message.hpp"

#include <covet/covet.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <latch>
#include <optional>
#include <string>
#include <thread>

using namespace conn;
using namespace std::chrono_literals;

namespace {

// A fresh database file (SQLite) or schema (PostgreSQL) that several
// connections open by URL.
class SharedDatabase {
 public:
  explicit SharedDatabase(const std::string& backend) {
    if (backend == "sqlite") {
      static std::atomic<int> counter{0};
      path_ = std::filesystem::temp_directory_path() /
              ("covet_conn_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + ".db");
      std::filesystem::remove(path_);
      url_ = "sqlite:///" + path_.string();
    } else {
      url_ = covet::test::backend_url(backend);
    }
    covet::connect(url_).create_all();
  }
  ~SharedDatabase() {
    if (path_.empty()) return;
    std::filesystem::remove(path_);
    std::filesystem::remove(path_.string() + "-journal");
  }
  const std::string& url() const { return url_; }

 private:
  std::filesystem::path path_;
  std::string url_;
};

class ConcurrentWritersTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (std::string why = covet::test::skip_reason(GetParam()); !why.empty()) GTEST_SKIP() << why;
    shared_.emplace(GetParam());
  }
  std::optional<SharedDatabase> shared_;
};

TEST_P(ConcurrentWritersTest, TwoWritersInAtomicBlocksBothSucceed) {
  std::latch start(2);
  std::exception_ptr errors[2];
  auto writer = [&](int i) {
    try {
      covet::Database db = covet::connect(shared_->url());
      start.arrive_and_wait();
      db.atomic([&] {
        (void)db.objects<ConnNote>().count();  // read, then write, as a many-to-many set() does
        std::this_thread::sleep_for(100ms);    // the other writer begins meanwhile
        db.create(ConnNote{.text = "writer " + std::to_string(i)});
      });
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  std::thread first(writer, 0), second(writer, 1);
  first.join();
  second.join();
  for (const std::exception_ptr& e : errors) {
    if (!e) continue;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& x) {
      ADD_FAILURE() << "a writer failed instead of waiting for the other: " << x.what();
    }
  }
  EXPECT_EQ(covet::connect(shared_->url()).objects<ConnNote>().count(), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConcurrentWritersTest, ::testing::ValuesIn(covet::test::backend_names()),
                         covet::test::backend_test_name);

// ---- The busy timeout (SQLite only: PostgreSQL waits for locks as its server is configured)

TEST(SqliteBusyTimeout, ZeroFailsAtOnceWithDatabaseIsLockedSayingWhatToDo) {
  SharedDatabase shared("sqlite");
  covet::Database holder = covet::connect(shared.url());
  auto held = holder.atomic();
  holder.create(ConnNote{.text = "holds the write lock"});

  covet::Database other = covet::connect(shared.url(), {.busy_timeout = 0ms});
  const auto start = std::chrono::steady_clock::now();
  try {
    other.atomic([&] { other.create(ConnNote{.text = "second"}); });
    FAIL() << "the write lock is held by another connection";
  } catch (const covet::OperationalError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("database is locked"), std::string::npos) << what;
    EXPECT_NE(what.find("busy timeout (0 ms, ConnectOptions::busy_timeout)"), std::string::npos) << what;
    EXPECT_NE(what.find("raise busy_timeout"), std::string::npos) << what;
    EXPECT_EQ(e.code().rfind("SQLITE_BUSY", 0), 0u) << e.code();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s) << "a timeout of 0 must not wait";
  held.commit();
  EXPECT_EQ(other.objects<ConnNote>().count(), 1) << "the failed scope wrote nothing";
}

TEST(SqliteBusyTimeout, SecondWriterWaitsAsLongAsTheTimeoutSays) {
  SharedDatabase shared("sqlite");
  covet::Database holder = covet::connect(shared.url());
  auto held = holder.atomic();
  holder.create(ConnNote{.text = "holds the write lock"});

  covet::Database other = covet::connect(shared.url(), {.busy_timeout = 300ms});
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(other.atomic([&] { other.create(ConnNote{.text = "second"}); }), covet::OperationalError);
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, 250ms);
  EXPECT_LT(waited, 3s) << "300 ms, not the default 5 s";
}

TEST(SqliteBusyTimeout, SecondWriterGetsTheLockWhenTheFirstCommitsWithinTheTimeout) {
  SharedDatabase shared("sqlite");
  covet::Database holder = covet::connect(shared.url());
  std::latch locked(1);
  std::thread first([&] {
    holder.atomic([&] {
      holder.create(ConnNote{.text = "first"});
      locked.count_down();
      std::this_thread::sleep_for(200ms);
    });
  });
  locked.wait();
  covet::Database other = covet::connect(shared.url(), {.busy_timeout = 3000ms});
  EXPECT_NO_THROW(other.atomic([&] { other.create(ConnNote{.text = "second"}); }));
  first.join();
  EXPECT_EQ(other.objects<ConnNote>().count(), 2);
}

TEST(PostgresLockTimeout, LockWaitBeyondLockTimeoutIsOperationalError) {
  if (std::string why = covet::test::skip_reason("postgresql"); !why.empty()) GTEST_SKIP() << why;
  SharedDatabase shared("postgresql");
  covet::Database holder = covet::connect(shared.url());
  ConnNote note = holder.create(ConnNote{.text = "contended"});
  auto held = holder.atomic();
  holder.execute("UPDATE conn_note SET text = 'held' WHERE id = $1", {covet::Value(static_cast<std::int64_t>(note.id))});

  covet::Database other = covet::connect(shared.url());
  other.execute("SET lock_timeout TO 100");
  try {
    other.execute("UPDATE conn_note SET text = 'waits' WHERE id = $1", {covet::Value(static_cast<std::int64_t>(note.id))});
    FAIL() << "the row is locked by the holder's transaction";
  } catch (const covet::OperationalError& e) {
    EXPECT_EQ(e.code(), "55P03");
    EXPECT_NE(std::string(e.what()).find("lock_timeout"), std::string::npos) << e.what();
  }
  held.rollback();
}

}  // namespace
