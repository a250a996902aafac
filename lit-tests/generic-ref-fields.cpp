// A GenericRef's two members exist on its model, the content type is a
// covet::ContentTypeId (or optional) and the object id a plain column
// (checks/GenericRefFieldsCheck.h; Django's contenttypes.E001-E004).
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s

#include <covet/covet.hpp>

#include <cstdint>
#include <optional>
#include <string>

struct [[covet::model]] Post {
  covet::Id id;
};

struct [[covet::model]] NoMembers {
  covet::Id id;
  // expected-error@+2 {{generic reference 'NoMembers::content_object' reads its content type from the member 'content_type', but 'NoMembers' has no member of that name; declare 'covet::ContentTypeId content_type;', or name the member with 'covet::generic_fields("content_type", "object_id")'}}
  // expected-error@+1 {{generic reference 'NoMembers::content_object' reads its object id from the member 'object_id', but 'NoMembers' has no member of that name; declare 'std::int64_t object_id = 0;', or name the member with 'covet::generic_fields("content_type", "object_id")'}}
  covet::GenericRef<Post> content_object;
};

struct [[covet::model]] OtherNames {
  covet::Id id;
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;
  // expected-error@+2 {{generic reference 'OtherNames::target' reads its content type from the member 'kind'}}
  // expected-error@+1 {{generic reference 'OtherNames::target' reads its object id from the member 'ref'}}
  [[covet::generic_fields("kind", "ref")]] covet::GenericRef<> target;
};

struct [[covet::model]] WrongTypes {
  covet::Id id;
  std::int64_t content_type = 0;  // expected-error {{content-type member 'WrongTypes::content_type' of generic reference 'WrongTypes::content_object' has type 'std::int64_t' (aka 'long'); declare it 'covet::ContentTypeId' (or 'std::optional<covet::ContentTypeId>')}}
  std::int64_t object_id = 0;
  covet::GenericRef<Post> content_object;  // expected-note {{'WrongTypes::content_object' reads it as its content type}}
};

struct [[covet::model]] OptionalWrong {
  covet::Id id;
  std::optional<int> kind;  // expected-error {{content-type member 'OptionalWrong::kind' of generic reference 'OptionalWrong::target' has type 'std::optional<int>'}}
  std::optional<std::int64_t> ref;
  [[covet::generic_fields("kind", "ref")]] covet::GenericRef<> target;  // expected-note {{reads it as its content type}}
};

struct [[covet::model]] RelationAsFields {
  covet::Id id;
  // expected-error@+1 {{content-type member 'RelationAsFields::content_type' of generic reference 'RelationAsFields::content_object' has type 'covet::Ref<Post>'}}
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Post> content_type;
  // expected-error@+1 {{object-id member 'RelationAsFields::object_id' of generic reference 'RelationAsFields::content_object' is a relation; it must be a column holding the key of the object}}
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<Post> object_id;
  // expected-note@+2 {{'RelationAsFields::content_object' reads it as its content type}}
  // expected-note@+1 {{'RelationAsFields::content_object' reads it as its object id}}
  covet::GenericRef<Post> content_object;
};

// Fix-its: the content type's written type, replaced (kept optional).
// CHECK: fix-it:"{{.*}}generic-ref-fields.cpp":{35:3-35:15}:"covet::ContentTypeId"
// CHECK: fix-it:"{{.*}}generic-ref-fields.cpp":{42:3-42:21}:"std::optional<covet::ContentTypeId>"
// CHECK-NOT: fix-it:
