// What every nested-set statement needs: the model's table and its six
// columns (key, parent, lft, rgt, tree_id, level), quoted for the dialect;
// the stored position of a node; and the locks a write takes.
//
// Locks. A write locks every tree it touches before it reads a bound:
//  * PostgreSQL: pg_advisory_xact_lock(key) per tree, key = a 32-bit hash
//    of the table name shifted left by 31 bits plus the tree_id; tree_id 0
//    is the lock for allocating a new tree_id. The locks of one statement
//    are taken in ascending order (allocation first), so two writers
//    touching the same trees cannot wait for each other; they are released
//    at the transaction's end. The first statement locks the trees the
//    nodes' rows name, as its snapshot (taken before it waited) has them;
//    every statement after it sees those trees current. read() then reads
//    the nodes; lock_and_read() returns the rows of the locking statement
//    itself, and the write guards itself instead (guard_unchanged); writes
//    after lock_rows() re-read the node in their own statement and write
//    nothing when it is not in a tree held(). When a node is found in a
//    tree not locked (a concurrent move committed meanwhile), that tree is
//    locked too and the nodes are read again.
//  * SQLite: the transaction itself (Atomic starts it with BEGIN IMMEDIATE,
//    the database's write lock), so no statement is needed.
#pragma once

#include "database_state.hpp"

#include <covet/errors.hpp>
#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace covet::detail {

struct NestedSetTable {
  const ModelInfo* model = nullptr;
  Dialect dialect = Dialect::SQLite;
  const MemberInfo* key = nullptr;
  const MemberInfo* parent = nullptr;
  const MemberInfo* lft = nullptr;
  const MemberInfo* rgt = nullptr;
  const MemberInfo* tree_id = nullptr;
  const MemberInfo* level = nullptr;
  // Quoted identifiers.
  std::string table, K, P, L, R, T, V;

  // Throws UsageError when the model lacks one of the columns (the parent
  // key is the model's to declare).
  static NestedSetTable of(const ModelInfo& model, Dialect dialect);
  std::string ph(int index) const;
};

// A node as stored, with its parent's bounds (when it has a parent), or as
// a caller's object claims it is stored (`claimed`: the parent's bounds are
// unknown, and nothing may be decided from it before a guard confirmed it).
struct StoredNode {
  Value key;
  Value parent;
  int lft = 0, rgt = 0, tree_id = 0, level = 0;
  int parent_lft = 0, parent_rgt = 0;
  bool claimed = false;
  int width() const { return rgt - lft + 1; }

  // The node as `object` (of t's model) holds it.
  static StoredNode claimed_by(const NestedSetTable& t, const void* object);
};

// Runs one statement, naming the model in any error; returns the rows it
// changed (INSERT, UPDATE, DELETE).
std::int64_t run_tree_sql(DatabaseState& db, const NestedSetTable& t, const std::string& sql,
                          const std::vector<Value>& params, const std::function<void(const Row&)>& on_row = {});

// Parameters pushed as they are written into the text, numbered (see
// NestedSetTable::ph).
struct TreeParams {
  const NestedSetTable& t;
  std::vector<Value> values;
  std::string operator()(Value v) {
    values.push_back(std::move(v));
    return t.ph(static_cast<int>(values.size()));
  }
  // Built in place: moving a temporary Value in here makes GCC 12 at -O1
  // see its variant's blob alternative "maybe uninitialized".
  std::string operator()(int v) {
    values.emplace_back(static_cast<std::int64_t>(v));
    return t.ph(static_cast<int>(values.size()));
  }
};

// `EXISTS (...)`: the row of `n.key` still holds what `n` says (its bounds,
// tree, level, parent and the parent's bounds): the guard of a write
// computed from TreeLocks::lock_and_read().
std::string guard_unchanged(const NestedSetTable& t, TreeParams& q, const StoredNode& n);

// Runs `write` (which opens its own transaction scope); when it is the
// outermost scope and PostgreSQL ends it as a deadlock victim (40P01: a
// writer that found its node moved to another tree had to lock that tree
// out of order), runs it again, up to 5 times. Inside a caller's
// transaction the error is the caller's to retry.
template <class F>
decltype(auto) retry_on_deadlock(const DatabaseState& db, F&& write) {
  for (int attempt = 1;; ++attempt) {
    const bool outermost = db.transaction_depth == 0;
    try {
      return write();
    } catch (const Error& e) {
      if (!outermost || e.code() != "40P01" || attempt == 5) throw;
    }
  }
}

class TreeLocks {
 public:
  TreeLocks(DatabaseState& db, const NestedSetTable& t) : db_(db), t_(t) {}
  // Reads the nodes with `keys` (in that order; absent ones are left out),
  // their trees locked first, and the allocation lock too when `allocate`.
  // Two statements on PostgreSQL (lock, then read: the rows are current).
  std::vector<StoredNode> read(const std::vector<Value>& keys, bool allocate);
  // The same in ONE statement, for writes that guard themselves: on
  // PostgreSQL the rows come from the snapshot the locking statement took
  // before it waited for the locks, so they may predate a writer that
  // committed meanwhile; a write computed from them must change nothing
  // unless the rows still hold what was read (guard_unchanged), and redo
  // itself from read() otherwise. On SQLite they are current.
  std::vector<StoredNode> lock_and_read(const std::vector<Value>& keys, bool allocate);
  // Only the lock statement of read() (none on SQLite): returns the trees
  // the rows named (empty: no such row). A write that follows it sees the
  // trees current, but must check that its rows are still in a tree held
  // (holds()): one may have moved away before the lock was granted.
  std::set<int> lock_rows(const std::vector<Value>& keys, bool allocate);
  // Locks these trees too (those not held yet; PostgreSQL only).
  void lock_trees(const std::set<int>& ids) { lock_ids(ids); }
  // The trees locked so far (0: allocation); always empty on SQLite.
  const std::set<int>& held() const { return locked_; }
  // Every tree and the allocation lock (rebuild).
  void lock_all();
  // Only the allocation lock (add_root).
  void lock_allocation() { lock_ids({0}); }
  // A new tree_id: one more than the largest, under the allocation lock.
  int next_tree_id();

 private:
  // Locks these trees (0: allocation) not locked yet, ascending, in one
  // statement. `source`: a subquery giving the tree ids as column x, or
  // empty for exactly `ids`.
  void lock_ids(const std::set<int>& ids);
  std::set<int> lock_query(const std::string& source, const std::vector<Value>& params);
  std::vector<StoredNode> read_unlocked(const std::vector<Value>& keys);
  DatabaseState& db_;
  const NestedSetTable& t_;
  std::set<int> locked_;
};

}  // namespace covet::detail
