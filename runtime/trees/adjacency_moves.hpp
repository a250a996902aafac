// Moves of an adjacency-list node (covet::TreeNode): the check that refuses
// a parent under the node itself or one of its descendants, shared by
// move_to() and Database::save of a node whose `parent` was assigned.
#pragma once

#include "database_state.hpp"

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <functional>
#include <memory>

namespace covet::detail {

// Throws InvalidMove when `target` is `node` or one of its descendants (one
// query: the walk up from target, counting `node` on it; none when they are
// equal), TreeCycle when target's ancestors loop. `what` names the call.
void require_valid_move(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const Value& node,
                        const Value& target, const char* what);

// Database::save's hook for a saved node of an adjacency-list model
// (save_object, object_store.cpp): `write` saves the row. A root is written
// as any object is; a node with a parent gets the check above and then the
// write, in one transaction scope.
void save_tree_node(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const void* object,
                    const std::function<void()>& write);

}  // namespace covet::detail
