// Covet's error hierarchy: every failure the library reports is a typed
// exception deriving from covet::Error, so callers can catch exactly the case
// they can handle and let the rest propagate.
//
//   try {
//     Author a = db.objects<Author>().get("name", "Alice");
//   } catch (const covet::DoesNotExist& e) {
//     std::cerr << e.what() << " (model " << e.model() << ")\n";
//   } catch (const covet::UniqueViolation& e) {
//     std::cerr << "duplicate: " << e.sql() << '\n';
//   }
//
//   Error
//   ├── DoesNotExist            get()/first-by-key found no row
//   ├── MultipleObjectsReturned get() matched more than one row
//   ├── FieldError              unknown field or lookup; the message lists valid names
//   ├── UsageError              the API was used wrongly (unbound relation, unsaved object…)
//   │   ├── InvalidMove         a tree move under the node itself or one of its descendants
//   │   └── ContentTypeMismatch a content type used for a model it does not name
//   └── DatabaseError           the database refused or failed
//       ├── IntegrityError      a constraint was violated
//       │   ├── UniqueViolation
//       │   ├── ForeignKeyViolation
//       │   ├── NotNullViolation
//       │   ├── ProtectedError   a PROTECT relation blocked a delete (carries the rows)
//       │   └── RestrictedError  a RESTRICT relation blocked a delete (carries the rows)
//       ├── DataError           a value the column cannot hold (too long, out of range)
//       │   ├── UnknownIdentity    a single-table row whose discriminator no model declares
//       │   ├── NullSubclassField  a single-table row with NULL for a member that cannot hold it
//       │   └── TreeCycle          a tree's stored parent links form a cycle
//       ├── OperationalError    connection lost, server down, bad URL, locked file
//       └── ProgrammingError    SQL the database rejected (missing table, syntax)
//
// Each error carries the model it concerns (empty when none), the SQL that
// failed (empty when no statement was involved) and the backend's native code
// (SQLSTATE on PostgreSQL, the extended result code on SQLite).
#pragma once

#include <covet/value.hpp>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace covet {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, std::string model = {},
                 std::string sql = {}, std::string code = {})
      : std::runtime_error(message),
        model_(std::move(model)),
        sql_(std::move(sql)),
        code_(std::move(code)) {}

  // The model the failing operation concerned, e.g. "Book"; empty if none.
  const std::string& model() const noexcept { return model_; }
  // The SQL statement that failed; empty if the error arose before any SQL.
  const std::string& sql() const noexcept { return sql_; }
  // SQLSTATE (PostgreSQL) or extended result code (SQLite); empty if none.
  const std::string& code() const noexcept { return code_; }

  // Used by the runtime to attach the model once it knows which one was
  // involved; the backend that raised the error does not.
  void set_model(std::string model) { model_ = std::move(model); }

 private:
  std::string model_;
  std::string sql_;
  std::string code_;
};

class DoesNotExist : public Error {
 public:
  using Error::Error;
};

class MultipleObjectsReturned : public Error {
 public:
  using Error::Error;
};

class FieldError : public Error {
 public:
  using Error::Error;
};

class UsageError : public Error {
 public:
  using Error::Error;
};

class DatabaseError : public Error {
 public:
  using Error::Error;
};

class IntegrityError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

class UniqueViolation : public IntegrityError {
 public:
  using IntegrityError::IntegrityError;
};

class ForeignKeyViolation : public IntegrityError {
 public:
  using IntegrityError::IntegrityError;
};

class NotNullViolation : public IntegrityError {
 public:
  using IntegrityError::IntegrityError;
};

// The rows that blocked a delete, grouped by the relation through which they
// reference a row being deleted. Objects of several models can block one
// delete, so each group names its model and carries the primary keys:
// {"Book", "publisher", "Publisher", {3, 5}} is Books 3 and 5, whose
// Book.publisher references a Publisher being deleted.
struct BlockingObjects {
  std::string model;       // the referencing model, "Book"
  std::string relation;    // its relation member, "publisher"
  std::string referenced;  // the model being deleted, "Publisher"
  std::vector<Value> keys; // primary keys of the blocking rows, ascending
};

// A PROTECT relation blocked a delete. Thrown before anything is written; it
// carries every protected row of the operation, not just the first found.
class ProtectedError : public IntegrityError {
 public:
  using IntegrityError::IntegrityError;
  ProtectedError(const std::string& message, std::string model, std::vector<BlockingObjects> objects)
      : IntegrityError(message, std::move(model)), objects_(std::move(objects)) {}
  // Django's ProtectedError.protected_objects: the rows that blocked it.
  const std::vector<BlockingObjects>& protected_objects() const noexcept { return objects_; }

 private:
  std::vector<BlockingObjects> objects_;
};

// A RESTRICT relation blocked a delete: some referencing rows are not deleted
// by a CASCADE of the same operation. Thrown before anything is written.
class RestrictedError : public IntegrityError {
 public:
  using IntegrityError::IntegrityError;
  RestrictedError(const std::string& message, std::string model, std::vector<BlockingObjects> objects)
      : IntegrityError(message, std::move(model)), objects_(std::move(objects)) {}
  // Django's RestrictedError.restricted_objects: the rows that blocked it.
  const std::vector<BlockingObjects>& restricted_objects() const noexcept { return objects_; }

 private:
  std::vector<BlockingObjects> objects_;
};

// A value the column cannot hold: text longer than its max_length, a number
// out of range, an invalid encoding (Django's DataError; SQLSTATE class 22).
class DataError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// A polymorphic load of a single-table hierarchy met a row whose
// discriminator value no model of the hierarchy declares (a row written by
// other code, or by a model since removed). Nothing is returned.
class UnknownIdentity : public DataError {
 public:
  UnknownIdentity(const std::string& message, std::string model, std::string identity,
                  std::vector<std::string> known)
      : DataError(message, std::move(model)), identity_(std::move(identity)), known_(std::move(known)) {}
  // The row's discriminator value, and the identities the hierarchy declares.
  const std::string& identity() const noexcept { return identity_; }
  const std::vector<std::string>& known_identities() const noexcept { return known_; }

 private:
  std::string identity_;
  std::vector<std::string> known_;
};

// A row of a single-table hierarchy holds NULL in the column of a member
// whose C++ type cannot hold it: subclass columns are nullable in the shared
// table, so a row written by other code (or under another identity) can
// leave them empty. Names the model, the row's key, the field and column,
// and the row's identity.
class NullSubclassField : public DataError {
 public:
  NullSubclassField(const std::string& message, std::string model, Value key, std::string field,
                    std::string identity)
      : DataError(message, std::move(model)),
        key_(std::move(key)),
        field_(std::move(field)),
        identity_(std::move(identity)) {}
  const Value& key() const noexcept { return key_; }
  const std::string& field() const noexcept { return field_; }
  const std::string& identity() const noexcept { return identity_; }

 private:
  Value key_;
  std::string field_;
  std::string identity_;
};

// A tree write that would make a node its own ancestor: moving it under
// itself or under one of its descendants (treebeard's
// InvalidMoveToDescendant, mptt's InvalidMove), or to a position that does
// not exist. Thrown before anything is written. Carries the node's key and
// the target's (NULL when the target is the forest's top level).
class InvalidMove : public UsageError {
 public:
  InvalidMove(const std::string& message, std::string model, Value node, Value target)
      : UsageError(message, std::move(model)), node_(std::move(node)), target_(std::move(target)) {}
  const Value& node() const noexcept { return node_; }
  const Value& target() const noexcept { return target_; }

 private:
  Value node_;
  Value target_;
};

// A content type was used for a model it is not the content type of:
// ContentType::objects<T>(db) on the content type of another model (and, in
// generic references, a typed read of an object of another model). Carries
// both models' names: model() is the one asked for, actual() the one the
// content type names.
class ContentTypeMismatch : public UsageError {
 public:
  ContentTypeMismatch(const std::string& message, std::string model, std::string actual)
      : UsageError(message, std::move(model)), actual_(std::move(actual)) {}
  const std::string& actual() const noexcept { return actual_; }

 private:
  std::string actual_;
};

// A tree query met a cycle in the stored parent links (rows written by hand
// or by other code: Covet's own writes refuse to create one). The recursive
// query stops at the repeated node rather than running forever; this names
// it. Fix the links, then (nested sets) rebuild().
class TreeCycle : public DataError {
 public:
  TreeCycle(const std::string& message, std::string model, Value node)
      : DataError(message, std::move(model)), node_(std::move(node)) {}
  // The key of the node reached a second time.
  const Value& node() const noexcept { return node_; }

 private:
  Value node_;
};

class OperationalError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

class ProgrammingError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

}  // namespace covet
