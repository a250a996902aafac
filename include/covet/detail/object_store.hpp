// Type-erased row operations the typed API (Database, Ref, managers) is built
// on. Each takes the model's metadata and a pointer to an instance of it.
#pragma once

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <typeinfo>
#include <vector>

namespace covet {
class Prefetch;
}

namespace covet::detail {

// The database behind a weak handle; throws UsageError naming `what` (e.g.
// "Book.author") when the Database has been closed or was never bound.
std::shared_ptr<DatabaseState> lock_database(const std::weak_ptr<DatabaseState>& db,
                                             const std::string& what);

// INSERT the object; sets its primary key (a nil covet::Uuid key gets a
// random one first), its auto_now / auto_now_add members, and binds its
// relation members. Throws IntegrityError subclasses on constraint violations.
void insert_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object);

// UPDATE every column of the row with the object's key. Returns false when no
// row has that key. Throws UsageError for an unsaved object. The auto_now
// members are set to the current time first: in the object itself, or, for
// a const object, only in the row.
bool update_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object);
bool update_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                   const void* object);

// Reload every column from the row with the object's key and rebind; throws
// DoesNotExist when the row is gone.
void refresh_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object);

// Bind relation and reverse members of `object` to `db` (and, when
// auto-prefetching, to the peers it was loaded with).
void bind_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object,
                 const std::shared_ptr<PeerGroup>& peers = nullptr);

// The reverse relation of `member` (a relation of `source`) on `target`;
// throws UsageError when it has none.
const ReverseRelation& reverse_of(const ModelInfo& source, std::string_view member,
                                  const ModelInfo& target);
// The reverse relation named `accessor` on `target` whose source is `source`;
// throws FieldError listing the valid names when there is none.
const ReverseRelation& reverse_named(const ModelInfo& target, std::string_view accessor,
                                     const ModelInfo& source);
// The value the relation's key column holds for `owner`: its to_field member,
// or its primary key. `owner_model` is the model `owner` is an object of when
// it is not the relation's target (a proxy of it, whose reverse relations
// are the target's): the key is read through its own member. Throws
// UsageError when the owner is unsaved.
Value reverse_owner_key(const ReverseRelation& reverse, const void* owner,
                        const ModelInfo* owner_model = nullptr);
// Runs prefetch `lookups` over `objects` (instances of `model`): one query
// per lookup level (runtime/prefetch/). Throws FieldError / UsageError.
void prefetch_objects(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                      const std::vector<void*>& objects, const std::vector<Prefetch>& lookups);
// Throws the UsageError for a reverse manager used before it was bound.
[[noreturn]] void throw_unbound_reverse(const std::type_info& target, const ReverseRelation* reverse,
                                        const char* kind);

}  // namespace covet::detail
