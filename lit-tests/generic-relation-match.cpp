// A GenericRelation<T> relates to a concrete model T with a GenericRef over
// the two members it names, which can point at the relation's model
// (checks/GenericRelationMatchCheck.h; Django's contenttypes.E004, found
// only at start-up there).
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s

#include <covet/covet.hpp>

#include <cstdint>
#include <optional>

struct Post;
struct Photo;

struct [[covet::model]] Comment {
  covet::Id id;
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;
  covet::GenericRef<Post> content_object;  // expected-note {{'Comment::content_object' can point at 'Post' only; add 'Photo' to its targets, or make it 'covet::GenericRef<>' to point at any model}}
};

struct [[covet::model]] Tag {  // expected-note {{'Tag' declared here}}
  covet::Id id;
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;
};

struct [[covet::model]] Note {
  covet::Id id;
  std::optional<covet::ContentTypeId> kind;
  std::optional<std::int64_t> ref;
  [[covet::generic_fields("kind", "ref")]] covet::GenericRef<> about;  // expected-note {{generic reference 'Note::about' reads the members 'kind' and 'ref'}}
};

struct [[covet::model, covet::abstract]] Base {  // expected-note {{'Base' declared here}}
  covet::Id id;
};
struct NotAModel {};  // expected-note {{'NotAModel' declared here}}

struct [[covet::model]] Post {
  covet::Id id;
  covet::GenericRelation<Comment> comments;  // fine
  covet::GenericRelation<Tag> tags;  // expected-error {{generic relation 'Post::tags' matches no generic reference of 'Tag': 'Tag' declares no 'covet::GenericRef'; declare one over its members 'content_type' and 'object_id'}}
  covet::GenericRelation<Note> notes;  // expected-error {{generic relation 'Post::notes' matches no generic reference of 'Note': no 'covet::GenericRef' of 'Note' reads the members 'content_type' and 'object_id'; name its members with 'covet::generic_fields'}}
  [[covet::generic_fields("kind", "ref")]] covet::GenericRelation<Note> fine_notes;
  covet::GenericRelation<Base> bases;  // expected-error {{generic relation 'Post::bases' relates to 'Base', which is an abstract model, which has no rows; relate to a concrete model deriving from it}}
  covet::GenericRelation<NotAModel> plain;  // expected-error {{generic relation 'Post::plain' relates to 'NotAModel', which is not a covet model}}
};

struct [[covet::model, covet::proxy]] FeaturedPost : Post {};  // a proxy of a listed target: fine

struct [[covet::model]] Photo {
  covet::Id id;
  covet::GenericRelation<Comment> comments;  // expected-error {{generic relation 'Photo::comments' can never find a row: the generic reference 'Comment::content_object' it matches cannot point at 'Photo'}}
};

// A multi-table child inherits Venue::reviews under its own content type:
// the reference must be able to point at the child too.
struct Venue;
struct [[covet::model]] Review {
  covet::Id id;
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;
  covet::GenericRef<Venue> subject;  // expected-note {{'Review::subject' can point at 'Venue' only; add 'Cinema' to its targets, or make it 'covet::GenericRef<>' to point at any model}}
};
struct [[covet::model, covet::multi_table]] Venue {
  covet::Id id;
  covet::GenericRelation<Review> reviews;  // expected-note {{'Venue::reviews' declared here}}
};
struct [[covet::model]] Cinema : Venue {};  // expected-error {{'Cinema' inherits generic relation 'Venue::reviews', which finds the rows of a 'Cinema' by the content type of 'Cinema'; the generic reference 'Review::subject' it matches cannot point at 'Cinema'}}
struct [[covet::model, covet::proxy]] BigVenue : Venue {};  // a proxy is stored as Venue: fine
