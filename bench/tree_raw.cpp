// The hand-written side of covet_tree_bench: the templates of tree_raw.hpp
// behind the harness's Side interface.
#include "tree_raw.hpp"
#include "trees_side.hpp"

#include <memory>
#include <string>
#include <vector>

namespace covet_bench::trees {

namespace {

template <class Db>
class RawSide : public Side {
 public:
  explicit RawSide(std::unique_ptr<Db> db) : db_(std::move(db)) {}

  std::string_view name() const override { return "raw"; }
  void create_tables() override {
    for (const std::string& sql : raw::schema<Db>()) db_->exec(sql);
  }
  void exec(const std::string& sql) override { db_->exec(sql); }
  void exec_all(const std::vector<std::string>& statements) override {
    db_->exec("BEGIN");
    try {
      for (const std::string& sql : statements) db_->exec(sql);
    } catch (...) {
      db_->exec("ROLLBACK");
      throw;
    }
    db_->exec("COMMIT");
  }
  std::int64_t query_int(const std::string& sql) override {
    auto& s = db_->prepare(sql);
    s.reset();
    std::int64_t v = 0;
    if (s.step()) v = s.get_int64(0);
    while (s.step()) {
    }
    return v;
  }
  // BEGIN / COMMIT / ROLLBACK left out (transaction_control.hpp).
  std::size_t statements() override { return db_->statements() - db_->transaction_statements(); }

  void load(Kind kind, Row row) override {
    loaded_.clear();
    for (int index : row_nodes(row))
      loaded_.push_back(kind == Kind::AdjacencyList ? raw::load_al(*db_, id_of(index)) : raw::load_ns(*db_, id_of(index)));
  }

  std::int64_t run(Kind kind, Row row) override {
    const bool al = kind == Kind::AdjacencyList;
    const auto ids = [](const std::vector<raw::Node>& nodes) {
      std::int64_t s = 0;
      for (const raw::Node& n : nodes) s += n.id;
      return s;
    };
    switch (row) {
      case Row::Descendants:
        return ids(al ? raw::al_descendants(*db_, loaded_[0]) : raw::ns_descendants(*db_, loaded_[0]));
      case Row::Ancestors: return ids(al ? raw::al_ancestors(*db_, loaded_[0]) : raw::ns_ancestors(*db_, loaded_[0]));
      case Row::AddChild:
        return (al ? raw::al_add_child(*db_, loaded_[0], "new child") : raw::ns_add_child(*db_, loaded_[0], "new child")) > 0
                   ? 1
                   : 0;
      case Row::Move:
        if (al)
          raw::al_move(*db_, loaded_[0], loaded_[1]);
        else
          raw::ns_move(*db_, loaded_[0], loaded_[1]);
        return 1;
      case Row::Delete:
        if (al)
          raw::al_delete(*db_, loaded_[0]);
        else
          raw::ns_delete(*db_, loaded_[0]);
        return 1;
    }
    return 0;
  }

 private:
  std::unique_ptr<Db> db_;
  std::vector<raw::Node> loaded_;
};

}  // namespace

std::unique_ptr<Side> make_raw_side(const Place& place) {
  if (place.target == Target::Postgres)
    return std::make_unique<RawSide<raw::Postgres>>(std::make_unique<raw::Postgres>(place.postgres_url, place.postgres_schema));
  auto db = std::make_unique<raw::Sqlite>(place.sqlite_path);
  if (place.target == Target::SqliteWal) {
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA synchronous = NORMAL");
  }
  return std::make_unique<RawSide<raw::Sqlite>>(std::move(db));
}

}  // namespace covet_bench::trees
