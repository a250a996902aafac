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
// relation members. A multi-table child gets one INSERT per table, root
// first, in one transaction scope. Throws IntegrityError subclasses on
// constraint violations.
void insert_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object);

// UPDATE every column of the row with the object's key. Returns false when no
// row has that key (for a multi-table child: when any of its tables has
// none; then nothing is written). Throws UsageError for an unsaved object.
// The auto_now members are set to the current time first: in the object
// itself, or, for a const object, only in the row.
bool update_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object);
bool update_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                   const void* object);

// Database::save: INSERT an unsaved object (no key), else UPDATE its row, or
// INSERT it again with its key when the row is gone (Django's save). A
// multi-table child does so table by table, root first, in one transaction
// scope: the tables that have its row are updated, the others get it.
// Binds the object's relation members. Throws as insert_object does.
void save_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object);

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
// or its primary key. Throws UsageError when the owner is unsaved.
Value reverse_owner_key(const ReverseRelation& reverse, const void* owner);
// The same for an `owner` of model `owner_model`: the relation's target or
// a single-table subclass or a proxy of it (whose own members read the
// object).
Value reverse_owner_key(const ReverseRelation& reverse, const ModelInfo& owner_model, const void* owner);
// Runs prefetch `lookups` over `objects` (instances of `model`): one query
// per lookup level (runtime/prefetch/). Throws FieldError / UsageError.
void prefetch_objects(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                      const std::vector<void*>& objects, const std::vector<Prefetch>& lookups);
// Throws the UsageError for a reverse manager used before it was bound.
[[noreturn]] void throw_unbound_reverse(const std::type_info& target, const ReverseRelation* reverse,
                                        const char* kind);

}  // namespace covet::detail
