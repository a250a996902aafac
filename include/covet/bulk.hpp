// Writes of many rows at once (Django's bulk_create, bulk_update and
// QuerySet.update), each in as few statements as the backend's parameter
// limit allows and, when more than one statement runs, in one transaction
// scope:
//
//   auto books = db.bulk_create(std::vector<Book>{...});   // multi-row INSERT; keys filled in
//   for (Book& b : books) b.price *= 1.1;
//   db.bulk_update(books, {"price"});                       // UPDATE ... SET price = CASE ...
//   db.objects<Book>().filter("author", alice).update({{"in_print", false}});
//
// covet::Assign is one "field = value" of an update: the field is a column
// member's name (a foreign key by its member name, with a Ref, an object, an
// Id or nullptr as value), the value is converted and checked as a filter
// value is (an object meeting a to_field relation is its to_field value).
#pragma once

#include <covet/model_info.hpp>
#include <covet/q.hpp>
#include <covet/value.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace covet {

struct Assign {
  template <class V>
  Assign(std::string_view field_name, V&& v)  // NOLINT(google-explicit-constructor)
      : field(field_name) {
    detail::FilterValue converted;
    detail::append_filter_scalar(converted, v);
    value = std::move(converted.values.front());
    if (!converted.objects.empty()) object = std::move(converted.objects.front().second);
  }

  std::string field;
  Value value;
  // Set when the value was a model object (or a Ref holding one): its keys,
  // so a to_field relation is set to its to_field value. `value` is then its
  // primary key (a Ref's key).
  std::shared_ptr<const detail::ObjectKeys> object;
};

namespace detail {
struct DatabaseState;

// INSERTs `objects` (instances of `model`) with multi-row INSERT ... RETURNING
// statements of at most `batch_size` rows (0: as many as the parameter limit
// allows), in one transaction scope when there is more than one; sets each
// object's primary key and binds its relation members. Throws
// IntegrityError subclasses; nothing is inserted then.
void bulk_insert(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                 const std::vector<void*>& objects, std::size_t batch_size);

// UPDATEs `fields` (member names) of every object's row from the object, in
// statements of at most `batch_size` rows (0: as the parameter limit allows,
// at most 500: a CASE costs each row a test per branch), in one transaction
// scope. Returns the number of rows matched. Throws
// FieldError for an unknown or non-column field (or the primary key),
// UsageError for an unsaved object or no fields.
std::int64_t bulk_update(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                         const std::vector<const void*>& objects, const std::vector<std::string>& fields,
                         std::size_t batch_size);
}  // namespace detail

}  // namespace covet
