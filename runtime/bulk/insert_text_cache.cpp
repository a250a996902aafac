#include "bulk/insert_text_cache.hpp"

#include "sql/dialect.hpp"

#include <functional>
#include <utility>

namespace covet::detail {

std::string insert_text(const InsertShape& shape, std::size_t rows, Dialect dialect) {
  std::string sql = "INSERT INTO " + quote_identifier(dialect, *shape.table);
  const std::size_t width = shape.columns.size() + (shape.identity ? 1 : 0);
  if (width == 0) {
    sql += " DEFAULT VALUES";
  } else {
    std::string names;
    for (const std::string* column : shape.columns) names += (names.empty() ? "" : ", ") + quote_identifier(dialect, *column);
    if (shape.identity) names += (names.empty() ? "" : ", ") + quote_identifier(dialect, *shape.identity);
    sql += " (" + names + ") VALUES ";
    sql.reserve(sql.size() + rows * width * 8);
    int param = 0;
    for (std::size_t r = 0; r < rows; ++r) {
      sql += r == 0 ? "(" : ", (";
      for (std::size_t c = 0; c < width; ++c) {
        if (c) sql += ", ";
        sql += placeholder(dialect, ++param);
      }
      sql += ")";
    }
  }
  if (shape.returning) sql += " RETURNING " + quote_identifier(dialect, *shape.returning);
  return sql;
}

std::size_t InsertTextCache::KeyHash::operator()(const Key& key) const noexcept {
  std::size_t h = std::hash<std::size_t>{}(key.rows * 2 + (key.dialect == Dialect::PostgreSQL ? 1 : 0));
  auto mix = [&h](const void* p) { h ^= std::hash<const void*>{}(p) + 0x9e3779b97f4a7c15u + (h << 6) + (h >> 2); };
  mix(key.shape.table);
  for (const std::string* column : key.shape.columns) mix(column);
  mix(key.shape.identity);
  mix(key.shape.returning);
  return h;
}

std::shared_ptr<const std::string> InsertTextCache::text(const InsertShape& shape, std::size_t rows,
                                                         Dialect dialect) {
  Key key{shape, rows, dialect};
  if (auto it = index_.find(key); it != index_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second);
    ++reused_;
    return it->second->sql;
  }
  auto sql = std::make_shared<const std::string>(insert_text(shape, rows, dialect));
  lru_.push_front(Entry{std::move(key), sql});
  index_.emplace(lru_.front().key, lru_.begin());
  ++written_;
  if (lru_.size() > kCapacity) {
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
  return sql;
}

InsertTextStats InsertTextCache::stats() const { return {lru_.size(), written_, reused_}; }

}  // namespace covet::detail
