// An automatic join table named like another table (checks/JoinTableNameClashCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

#include <string>

struct [[covet::model]] Tag {
  covet::Id id;
  std::string name;
};

// A model whose table is the automatic join table "post_tags" of Post::tags,
// most likely meant as its through model.
struct [[covet::model("post")]] Post {
  covet::Id id;
  // expected-error@+1 {{automatic join table 'post_tags' of 'Post::tags' is the table of model 'PostTag'; declare 'covet::through("PostTag")' if that model is the join table, else rename its table or the member}}
  [[covet::many_to_many, covet::related_name("posts")]] covet::RefSet<Tag> tags;
};
struct [[covet::model("Post_Tags")]] PostTag {  // expected-note {{'PostTag' declared here}}
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<Post> post;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<Tag> tag;
};

// Two automatic join tables of one name: "shelf_book" + "_tags" and "shelf" + "_book_tags".
struct [[covet::model("shelf_book")]] ShelfBook {
  covet::Id id;
  [[covet::many_to_many, covet::related_name("shelf_books")]] covet::RefSet<Tag> tags;  // expected-note {{'ShelfBook::tags' has the automatic join table 'shelf_book_tags'}}
};
struct [[covet::model("shelf")]] Shelf {
  covet::Id id;
  // expected-error@+1 {{automatic join table 'shelf_book_tags' of 'Shelf::book_tags' is also the automatic join table of 'ShelfBook::tags'; rename a member or a table, or give one of them a 'covet::through' model}}
  [[covet::many_to_many, covet::related_name("shelves")]] covet::RefSet<Tag> book_tags;
};

// A many-to-many of an abstract base gets one join table per concrete model,
// named after that model's table; these two clash with models' tables.
struct [[covet::model, covet::abstract]] Labelled {
  covet::Id id;
  // expected-error@+2 {{automatic join table 'photo_labels' of 'Photo::labels' is the table of model 'PhotoLabels'}}
  // expected-error@+1 {{automatic join table 'video_labels' of 'Video::labels' is the table of model 'VideoLabels'}}
  [[covet::many_to_many, covet::related_name("+")]] covet::RefSet<Tag> labels;
};
struct [[covet::model]] Photo : Labelled {};
struct [[covet::model]] Video : Labelled {};
struct [[covet::model("photo_labels")]] PhotoLabels {  // expected-note {{'PhotoLabels' declared here}}
  covet::Id id;
};
struct [[covet::model("video_labels")]] VideoLabels {  // expected-note {{'VideoLabels' declared here}}
  covet::Id id;
};
