// covet_tree_bench's Covet side:
// each row through the public tree API of issue 13, as an application
// writes it: get_descendants() / get_ancestors() fetched into objects,
// db.create(child with .parent) for an adjacency-list child and
// parent.add_child(child) for a nested-set one, move_to(target) (last
// child), db.erase(node) (AL: the parent key's CASCADE; NS: the subtree).
#include "transaction_control.hpp"
#include "tree_models.hpp"
#include "trees_side.hpp"

#include <covet/covet.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace covet_bench::trees {

namespace {

std::string covet_url(const Place& place) {
  if (place.target != Target::Postgres)
    return place.sqlite_path == ":memory:" ? "sqlite::memory:" : "sqlite:///" + place.sqlite_path;
  const std::string& url = place.postgres_url;
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + place.postgres_schema;
  return url + " options='-csearch_path=" + place.postgres_schema + "'";
}

template <class T>
std::int64_t ids(const std::vector<T>& nodes) {
  std::int64_t s = 0;
  for (const T& n : nodes) s += n.id;
  return s;
}

class CovetSide : public Side {
 public:
  explicit CovetSide(const Place& place) : db_(covet::connect(covet_url(place))), counter_(db_) {
    if (place.target == Target::SqliteWal) {
      db_.query("PRAGMA journal_mode = WAL");
      db_.execute("PRAGMA synchronous = NORMAL");
    }
  }

  std::string_view name() const override { return "covet"; }
  void create_tables() override { db_.create_all(); }
  void exec(const std::string& sql) override { db_.execute(sql); }
  void exec_all(const std::vector<std::string>& statements) override {
    auto tx = db_.atomic();
    for (const std::string& sql : statements) db_.execute(sql);
    tx.commit();
  }
  std::int64_t query_int(const std::string& sql) override {
    const auto rows = db_.query(sql);
    return rows.at(0).at(0).as_integer();
  }
  // What the counter saw, less BEGIN / COMMIT / SAVEPOINT / RELEASE
  // (transaction_control.hpp). The log is emptied on each load(), so this
  // reads one row's statements at most.
  std::size_t statements() override {
    const std::size_t seen = counter_.count();
    std::size_t control = control_before_;
    for (const covet::QueryLogEntry& e : counter_.entries())
      if (is_transaction_control(e.sql)) ++control;
    return seen - control;
  }

  void load(Kind kind, Row row) override {
    // Forget the entries so far, keeping their transaction statements counted.
    for (const covet::QueryLogEntry& e : counter_.entries())
      if (is_transaction_control(e.sql)) ++control_before_;
    db_.query_log().clear();
    al_.clear();
    ns_.clear();
    for (int index : row_nodes(row)) {
      if (kind == Kind::AdjacencyList)
        al_.push_back(db_.objects<TreeAl>().get("id", id_of(index)));
      else
        ns_.push_back(db_.objects<TreeNs>().get("id", id_of(index)));
    }
  }

  std::int64_t run(Kind kind, Row row) override {
    if (kind == Kind::AdjacencyList) {
      switch (row) {
        case Row::Descendants: return ids(al_[0].get_descendants().fetch());
        case Row::Ancestors: return ids(al_[0].get_ancestors().fetch());
        case Row::AddChild: {
          TreeAl child;
          child.name = "new child";
          child.parent = al_[0];
          return db_.create(std::move(child)).id > 0 ? 1 : 0;
        }
        case Row::Move: al_[0].move_to(al_[1]); return 1;
        case Row::Delete: db_.erase(al_[0]); return 1;
      }
      return 0;
    }
    switch (row) {
      case Row::Descendants: return ids(ns_[0].get_descendants().fetch());
      case Row::Ancestors: return ids(ns_[0].get_ancestors().fetch());
      case Row::AddChild: {
        TreeNs child;
        child.name = "new child";
        return ns_[0].add_child(std::move(child)).id > 0 ? 1 : 0;
      }
      case Row::Move: ns_[0].move_to(ns_[1]); return 1;
      case Row::Delete: db_.erase(ns_[0]); return 1;
    }
    return 0;
  }

 private:
  covet::Database db_;
  covet::QueryCounter counter_;
  std::size_t control_before_ = 0;  // transaction statements of cleared entries
  std::vector<TreeAl> al_;
  std::vector<TreeNs> ns_;
};

}  // namespace

std::unique_ptr<Side> make_covet_side(const Place& place) { return std::make_unique<CovetSide>(place); }

}  // namespace covet_bench::trees
