// Where the benchmark runs: three targets (SQLite in memory, SQLite in a WAL
// file, PostgreSQL over TCP) and, on each, a "world" per data set: the same
// tables and rows twice, once behind a covet::Database and once behind the
// hand-written side's own connection, so that neither side's writes or
// caches disturb the other.
//
//   World& w = world(Target::SqliteWal, Dataset::Library);   // built on first use
//   auto books = w.db->objects<Book>().fetch();              // Covet's side
//   w.with_raw([](auto& raw) { raw.prepare("SELECT ..."); }); // raw::Sqlite or raw::Postgres
//
// Covet creates its side's schema (create_all); the hand-written side runs
// the same CREATE statements, read from Covet's query log, so both have the
// same columns, constraints and indexes. Both are filled by the same
// INSERT ... SELECT statements (population()). On PostgreSQL each side has
// its own schema (bench_covet, bench_raw); on the WAL target its own file.
#pragma once

#include "raw_postgres.hpp"
#include "raw_sqlite.hpp"

#include <covet/covet.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <cstdint>
#include <vector>

namespace covet_bench {

enum class Target { SqliteMemory, SqliteWal, Postgres };
enum class Dataset { Users1, Users100, Users10000, Blog, Library, Vehicles, MultiTable, Generic, Empty };

// "sqlite-memory", "sqlite-wal", "postgresql": the names in benchmark names,
// the table and the JSON output.
std::string_view target_name(Target target);

// COVET_BENCH_POSTGRES_URL; empty when unset (the target is skipped).
const std::string& postgres_url();

struct World {
  Target target{};
  Dataset dataset{};
  std::optional<covet::Database> db;        // Covet's side
  std::unique_ptr<raw::Sqlite> sqlite;      // the hand-written side, SQLite targets
  std::unique_ptr<raw::Postgres> postgres;  // the hand-written side, PostgreSQL

  // Calls fn with the hand-written side's connection.
  template <class F>
  auto with_raw(F&& fn) {
    if (sqlite) return fn(*sqlite);
    return fn(*postgres);
  }
  // Generic: the content-type ids of Article, Photo, Video, Event and
  // Product (the same on both sides), which the hand-written side knows as
  // Covet's side has them cached.
  std::vector<std::int64_t> content_types;
  // Runs population-style SQL text on Covet's side.
  void exec_covet(const std::string& sql) { db->execute(sql); }
};

// The world of `dataset` on `target`, built on first request; asking for
// another drops the previous one (one world lives at a time).
World& world(Target target, Dataset dataset);
// Drops the current world and removes what the run created (files, schemas).
void drop_worlds();

// The statements that fill `dataset`'s tables (the same text on both sides),
// in dependency order.
std::vector<std::string> population(Dataset dataset);

// The rows of each data set, for the cases.
inline constexpr int kBlogUsers = 100;
inline constexpr int kPostsPerUser = 10;
inline constexpr int kCommentsPerPost = 10;
inline constexpr int kAnonymousPosts = 100;
inline constexpr int kPublishers = 100;
inline constexpr int kAuthors = 1000;
inline constexpr int kBooksPerAuthor = 10;
inline constexpr int kTags = 50;
inline constexpr int kTagsPerBook = 3;
inline constexpr int kVehicles = 10000;  // a third each: cars, trucks, motorcycles
// MultiTable: members, each 4th a plain Member, the others Staff, Client,
// Supplier in turn.
inline constexpr int kMembers = 10000;
// Generic: each of the five target models has kGenericTargets rows; the
// remarks point at them in turn (remark i at model i % 5), two per object.
inline constexpr int kGenericTargets = 1000;
inline constexpr int kRemarks = 10000;

}  // namespace covet_bench
