// Content types, after django.contrib.contenttypes: every model that has
// rows has a stable name, "app_label.model", and a row in Covet's own table
// covet_content_type, whose id is what a generic reference stores to say
// which model its object belongs to. ContentType is that row as a value: its
// id and name, the model it names, and a way to query that model's objects.
//
//   covet::ContentType ct = covet::ContentType::for_model<blog::Post>(db);
//   ct.name();                                  // "blog.post"
//   ct.id();                                    // its key in covet_content_type
//   covet::ContentType same = covet::ContentType::for_id(db, ct.id());
//   if (same.is<blog::Post>())
//     for (const blog::Post& p : same.objects<blog::Post>(db).filter("title__startswith", "C")) ...
//
// The name: the model's enclosing namespaces, lower-cased and joined with
// '_' ("default" outside any namespace), a dot, the lower-case class name
// (`namespace blog { struct Post; }` is "blog.post");
// [[covet::content_type("app.model")]] on the model overrides it. The plugin
// rejects two models of one program with the same name.
//
// The table: db.create_all() creates it and adds a row for every registered
// model that has none (abstract models excluded; proxies included), so ids
// never change once given. Lookups never write: a model without a row is a
// UsageError saying to run db.create_all().
//
// Costs: the first lookup on a Database handle reads the whole table in one
// statement; later lookups on it (and on its copies) run none. Another
// Database connected separately has its own cache; create_all() and
// drop_all() on a handle empty its cache. docs/generic.md has the details.
#pragma once

#include <covet/database.hpp>
#include <covet/errors.hpp>
#include <covet/field_traits.hpp>
#include <covet/model_info.hpp>
#include <covet/query_set.hpp>

#include <cstdint>
#include <string>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <vector>

namespace covet {

namespace detail {
struct ContentTypeAccess;  // builds ContentType values from the cache (runtime/generic/)
}

// Which content type ContentType::for_model gives a proxy model: its
// concrete model's (Yes, the default, as Django's for_concrete_model=True:
// a proxy's objects are its concrete model's rows), or its own (No).
enum class ConcreteModel { Yes, No };

class ContentType {
 public:
  // The key of its row in covet_content_type.
  std::int64_t id() const noexcept { return id_; }
  // The two parts of its name: "blog" and "post" for "blog.post".
  const std::string& app_label() const noexcept { return app_label_; }
  const std::string& model() const noexcept { return model_; }
  // "app_label.model".
  std::string name() const { return app_label_ + "." + model_; }

  // The registered model it names. Throws UsageError for a row of a model
  // this program does not have (removed or renamed since its row was added).
  const ModelInfo& model_info() const;

  // Whether it is the content type of model T (exactly T: a proxy's own
  // content type is not its concrete model's).
  template <class T>
  bool is() const noexcept {
    return info_ != nullptr && info_->type == std::type_index(typeid(T));
  }

  // db.objects<T>(), once it is sure this is T's content type. Throws
  // ContentTypeMismatch naming both models when it is another model's.
  template <class T>
  QuerySet<T> objects(const Database& db) const {
    if (!is<T>()) throw_mismatch(typeid(T));
    return db.objects<T>();
  }

  // The content type of model T: for a proxy, its concrete model's unless
  // `concrete` is ConcreteModel::No. Throws UsageError when T is abstract,
  // when T has no row (tables made by an older create_all(): run
  // db.create_all()) or when the table does not exist; never writes.
  template <class T>
  static ContentType for_model(const Database& db, ConcreteModel concrete = ConcreteModel::Yes) {
    return for_model(db, covet::model_info<T>(), concrete);
  }
  // The same for a model known by its metadata.
  static ContentType for_model(const Database& db, const ModelInfo& model, ConcreteModel concrete = ConcreteModel::Yes);

  // The content type with key `id`. Throws DoesNotExist naming the id when
  // the table has no such row.
  static ContentType for_id(const Database& db, std::int64_t id);

  // Every row of the table, by id (rows of models this program does not have
  // included: their model_info() throws).
  static std::vector<ContentType> all(const Database& db);

  // Its id as a filter value: filter("content_type", ct) matches the rows
  // whose ContentTypeId member holds it (covet/generic_ref.hpp).
  Value key() const { return Value(id_); }

  friend bool operator==(const ContentType& a, const ContentType& b) noexcept {
    return a.id_ == b.id_ && a.app_label_ == b.app_label_ && a.model_ == b.model_;
  }

 private:
  friend struct detail::ContentTypeAccess;
  ContentType(std::int64_t id, std::string app_label, std::string model, const ModelInfo* info)
      : id_(id), app_label_(std::move(app_label)), model_(std::move(model)), info_(info) {}

  [[noreturn]] void throw_mismatch(const std::type_info& wanted) const;

  std::int64_t id_ = 0;
  std::string app_label_;
  std::string model_;
  const ModelInfo* info_ = nullptr;  // null: a row of no model of this program
};

// The member type of a generic reference's content-type column
// (covet/generic_ref.hpp): a content type's id, BIGINT NOT NULL
// (std::optional<ContentTypeId> for a nullable one). 0 is no content type:
// a generic reference that was never pointed at an object.
class ContentTypeId {
 public:
  constexpr ContentTypeId() = default;
  constexpr explicit ContentTypeId(std::int64_t id) noexcept : id_(id) {}
  ContentTypeId(const ContentType& type) noexcept : id_(type.id()) {}  // NOLINT(google-explicit-constructor)

  constexpr std::int64_t value() const noexcept { return id_; }
  constexpr bool has_value() const noexcept { return id_ != 0; }

  friend constexpr bool operator==(ContentTypeId a, ContentTypeId b) noexcept = default;

 private:
  std::int64_t id_ = 0;
};

template <>
struct FieldTraits<ContentTypeId> {
  static constexpr ColumnType column_type = ColumnType::BigInt;
  static Value to_value(ContentTypeId v) { return Value(v.value()); }
  static ContentTypeId from_value(const Value& value) { return ContentTypeId(detail::value_to_integer(value)); }
};

}  // namespace covet
