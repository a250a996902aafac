// A model's key may be a covet::Uuid marked covet::primary_key instead of a
// covet::Id; the attribute on any other type, or two keys, is an error.
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

#include <optional>
#include <string>

struct [[covet::model]] UuidKeyed {
  [[covet::primary_key]] covet::Uuid id;
  std::string name;
};

struct [[covet::model]] WrongType {
  covet::Id id;
  // expected-error@+1 {{'covet::primary_key' applies to members of type 'covet::Uuid', but 'code' has type 'std::string' (aka 'basic_string<char>'); a 'covet::Id' member is the primary key without it}}
  [[covet::primary_key]] std::string code;
};

struct [[covet::model]] OptionalKey {
  covet::Id id;
  // expected-error@+1 {{'covet::primary_key' applies to members of type 'covet::Uuid', but 'alt' has type 'std::optional<covet::Uuid>'}}
  [[covet::primary_key]] std::optional<covet::Uuid> alt;
};

struct [[covet::model]] IdAndUuid {
  covet::Id id;  // expected-note {{'id' is the primary key already}}
  [[covet::primary_key]] covet::Uuid uid;  // expected-error {{model 'IdAndUuid' has more than one primary key; keep one, a 'covet::Id' or a 'covet::Uuid' marked 'covet::primary_key'}}
};

struct [[covet::model]] TwoUuids {
  [[covet::primary_key]] covet::Uuid a;  // expected-note {{'a' is the primary key already}}
  [[covet::primary_key]] covet::Uuid b;  // expected-error {{model 'TwoUuids' has more than one primary key}}
};

// A covet::Uuid without the attribute is an ordinary column, not a key.
// expected-error@+1 {{model 'UuidColumnOnly' has no primary key; declare a 'covet::Id' member, or a 'covet::Uuid' member marked 'covet::primary_key'}}
struct [[covet::model]] UuidColumnOnly {
  covet::Uuid token;
};

// An abstract base may carry the UUID key for its children.
struct [[covet::model, covet::abstract]] UuidBase {
  [[covet::primary_key]] covet::Uuid id;
};
struct [[covet::model]] Child : UuidBase {
  std::string name;
};

// The attribute takes no arguments and goes on data members.
struct [[covet::model]] Misused {
  // expected-error@+1 {{'covet::primary_key' takes no arguments}}
  [[covet::primary_key(true)]] covet::Uuid id;
};
// expected-error@+1 {{'covet::primary_key' attribute only applies to non-static data members}}
struct [[covet::primary_key]] NotAMember {};
