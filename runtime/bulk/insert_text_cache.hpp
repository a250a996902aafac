// The INSERT texts of one Database's bulk_create, by shape: a bulk insert
// whose statement has the table, columns and row count of an earlier one
// reuses that text instead of writing it again (for 10,000 rows, 40,000
// placeholders), and the connection below finds its prepared statement by
// that text.
//
//   INSERT INTO "books" ("title", "author_id") VALUES (?, ?), (?, ?) RETURNING "id"
//
// Only text is kept, never a value: every statement binds its own objects'
// values. The text depends on nothing but the metadata (whose strings live
// for the whole process, so the shape names them by address) and the
// dialect, so no schema change makes an entry stale. Bounded: least
// recently used first out.
#pragma once

#include "backend/connection.hpp"

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace covet::detail {

// What an INSERT's text is made of, but the row count. Every pointer is to
// a string of the metadata (ModelInfo, MemberInfo).
struct InsertShape {
  const std::string* table = nullptr;
  std::vector<const std::string*> columns;      // in VALUES order; none: DEFAULT VALUES
  const std::string* identity = nullptr;        // a single-table model's discriminator column, last
  const std::string* returning = nullptr;       // the key column RETURNING gives; null: none
  friend bool operator==(const InsertShape&, const InsertShape&) = default;
};

// Counts, for tests and tuning.
struct InsertTextStats {
  std::size_t size = 0;       // texts held now
  std::uint64_t written = 0;  // texts written (and cached)
  std::uint64_t reused = 0;   // statements that took a cached text
};

class InsertTextCache {
 public:
  static constexpr std::size_t kCapacity = 64;

  // The INSERT of `rows` rows of `shape` in `dialect`: the cached text, or
  // one written now and cached. The text stays valid while the pointer is
  // held, evicted or not.
  std::shared_ptr<const std::string> text(const InsertShape& shape, std::size_t rows, Dialect dialect);
  InsertTextStats stats() const;

 private:
  struct Key {
    InsertShape shape;
    std::size_t rows = 0;
    Dialect dialect = Dialect::SQLite;
    friend bool operator==(const Key&, const Key&) = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const noexcept;
  };
  struct Entry {
    Key key;
    std::shared_ptr<const std::string> sql;
  };
  using Entries = std::list<Entry>;  // most recently used first

  Entries lru_;
  std::unordered_map<Key, Entries::iterator, KeyHash> index_;
  std::uint64_t written_ = 0;
  std::uint64_t reused_ = 0;
};

// The text itself (what the cache holds).
std::string insert_text(const InsertShape& shape, std::size_t rows, Dialect dialect);

}  // namespace covet::detail
