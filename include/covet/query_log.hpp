// The statements a Database runs, for tests and debugging, after Django's
// connection.queries and assertNumQueries.
//
//   covet::QueryLog& log = db.query_log();
//   log.start();                            // clears, then records every statement
//   db.objects<Book>().count();
//   log.stop();
//   for (const covet::QueryLogEntry& e : log.entries())
//     std::cout << e.sql << " (" << e.duration.count() << " ns)\n";
//
//   {
//     covet::QueryCounter counter(db);      // counts from here, whatever else records
//     db.erase(author);
//     EXPECT_EQ(counter.count(), 4u);
//   }
//
// Every statement is seen, from every layer (queries, writes, schema, BEGIN,
// SAVEPOINT, COMMIT...), failed ones included: the log sits on the
// connection itself. What the server warned about while a statement ran
// (PostgreSQL's NOTICE and WARNING messages) is in that entry's notices.
// Setting the environment variable COVET_LOG_SQL=1 when the Database is
// opened also prints each statement, its parameters, its duration and its
// notices to stderr. When nothing records and COVET_LOG_SQL is unset, a
// statement costs one branch more. For GoogleTest, covet/testing.hpp has
// assert_num_queries. Not thread-safe, like the Database.
#pragma once

#include <covet/value.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace covet {

class Database;

// A message the server sent while it ran a statement (PostgreSQL's NOTICE,
// WARNING, INFO...), e.g. {"WARNING", "25P01", "there is no transaction in
// progress"}. SQLite sends none.
struct ServerNotice {
  std::string severity;  // "WARNING", "NOTICE", "INFO", "LOG" or "DEBUG"
  std::string code;      // the SQLSTATE, e.g. "01000"
  std::string message;   // the primary message, then its detail and hint if any
};

struct QueryLogEntry {
  std::string sql;                      // as sent, with placeholders
  std::vector<Value> params;            // the bound values, in order
  std::chrono::nanoseconds duration{};  // the statement's run time, rows read included
  bool failed = false;                  // the statement threw
  std::vector<ServerNotice> notices;    // what the server warned about meanwhile, oldest first
  // The connection ran a statement it had prepared for an earlier one (its
  // statement cache) instead of preparing it (covet/statement_cache.hpp).
  bool reused = false;
};

class QueryLog {
 public:
  // Forgets the entries and records from now on.
  void start() {
    entries_.clear();
    started_ = true;
  }
  // Stops recording (counters still record); the entries stay readable.
  void stop() noexcept { started_ = false; }
  // Forgets the entries.
  void clear() noexcept { entries_.clear(); }
  // Whether statements are being recorded (started, or a QueryCounter lives).
  bool recording() const noexcept { return started_ || counters_ > 0; }
  // The statements recorded since start() (or the last clear()), oldest
  // first; those recorded while a QueryCounter lived appear too.
  const std::vector<QueryLogEntry>& entries() const noexcept { return entries_; }
  std::size_t count() const noexcept { return entries_.size(); }

  // For the runtime's logging connection: appends a statement (when recording).
  void record(std::string_view sql, std::span<const Value> params, std::chrono::nanoseconds duration,
              bool failed, std::vector<ServerNotice> notices = {}, bool reused = false) {
    entries_.push_back(QueryLogEntry{std::string(sql), std::vector<Value>(params.begin(), params.end()),
                                     duration, failed, std::move(notices), reused});
    ++recorded_;
  }

 private:
  friend class QueryCounter;
  std::vector<QueryLogEntry> entries_;
  std::uint64_t recorded_ = 0;  // every statement ever recorded
  bool started_ = false;
  int counters_ = 0;
};

// Counts the statements a Database runs during its lifetime; nests, and
// works whether or not the log was started. Keep the Database open meanwhile.
class QueryCounter {
 public:
  explicit QueryCounter(Database& db);
  explicit QueryCounter(QueryLog& log) : log_(log), first_(log.recorded_) { ++log_.counters_; }
  QueryCounter(const QueryCounter&) = delete;
  QueryCounter& operator=(const QueryCounter&) = delete;
  ~QueryCounter() { --log_.counters_; }

  // The statements run since construction.
  std::size_t count() const noexcept { return static_cast<std::size_t>(log_.recorded_ - first_); }
  // Those statements, oldest first (fewer if the log was cleared meanwhile).
  std::vector<QueryLogEntry> entries() const {
    const std::size_t n = std::min(count(), log_.entries_.size());
    return std::vector<QueryLogEntry>(log_.entries_.end() - static_cast<std::ptrdiff_t>(n), log_.entries_.end());
  }

 private:
  QueryLog& log_;
  std::uint64_t first_;
};

}  // namespace covet
