// What a delete reports, after Django's (total, {"app.Model": n}).
//
//   covet::DeleteResult r = db.erase(artist);        // or db.objects<Song>().filter(...).erase()
//   r.total;                                        // 4: every row deleted, cascades included
//   r.per_model;                                    // {"Album": 1, "Artist": 1, "Song": 2}
//   r.count("Song");                                // 2 (0 for a model not touched)
//
// Deletion follows Django's Collector: every row the delete reaches is
// collected first, each relation's on_delete is applied (CASCADE, PROTECT,
// RESTRICT, SET_NULL, SET_DEFAULT, SET(fn), DO_NOTHING; see on_delete.hpp and
// docs/cascades.md), then everything is written in one transaction (a
// savepoint inside an outer atomic scope): it all happens or none of it does.
// Rows whose key columns are only updated (SET_NULL…) are not counted. The
// join rows of automatic many-to-many tables are counted under
// "<Model>_<member>", as Django counts its auto-created through models.
#pragma once

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace covet {

struct DeleteResult {
  std::int64_t total = 0;                         // rows deleted, in every table
  std::map<std::string, std::int64_t> per_model;  // model name -> rows deleted (> 0 only)

  // The rows deleted of `model` ("Song"); 0 when none.
  std::int64_t count(std::string_view model) const {
    auto it = per_model.find(std::string(model));
    return it == per_model.end() ? 0 : it->second;
  }
  friend bool operator==(const DeleteResult&, const DeleteResult&) = default;
};

// The tag of Django's delete(keep_parents=True) for multi-table inheritance:
//
//   db.erase(employee);                      // the employee row, then its person row
//   db.erase(employee, covet::keep_parents); // the employee row only; the person stays
//
// Erasing a multi-table child deletes its own table's row and its
// ancestors' rows, and applies the on_delete of every relation to any of
// them. With keep_parents only the child's row (and what its own table's
// key reaches: rows referring to the child, its own child rows) is deleted;
// the ancestors' rows and what refers to them are left alone. For a model
// without a multi-table parent it changes nothing.
struct KeepParents {
  explicit constexpr KeepParents() = default;
};
inline constexpr KeepParents keep_parents{};

namespace detail {
struct DatabaseState;

// Deletes the rows of `model` with these primary keys and everything their
// relations' on_delete policies reach, in one transaction scope;
// `keep_parents` as covet::keep_parents. Throws ProtectedError /
// RestrictedError (nothing written), DatabaseError subclasses from the
// backend (everything rolled back), UsageError when the Database is closed.
// Implemented in runtime/deletion/.
DeleteResult erase_rows(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                        std::vector<Value> keys, bool keep_parents = false);
}  // namespace detail

}  // namespace covet
