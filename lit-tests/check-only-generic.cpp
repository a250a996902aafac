// Lookups through generic relations in check-only mode, against the model
// graph: this file sees Comment but not Post, whose GenericRelation gives
// Comment the query name "post" (the graph's reverse marked "generic").
//
// RUN: %clangxx -x c++ -fplugin=%covet_plugin -fplugin-arg-covet-emit-graph=%t.json %S/Inputs/generic-posts.hpp
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-graph=%t.json -Xclang -verify %s

#include "Inputs/generic-comments.hpp"

void comments(covet::Database &db) {
  db.objects<site::Comment>().filter("post__title__icontains", "x");
  db.objects<site::Comment>().filter("content_type", 3).filter("object_id", 4);
  db.objects<site::Comment>().prefetch_related("content_object");
  // expected-error@+1 {{no field named 'titel' in model 'Post'}}
  db.objects<site::Comment>().filter("post__titel", "x");
  // expected-note@-1 {{did you mean 'title'?}}
  // expected-error@+1 {{cannot query through the generic reference 'Comment::content_object'}}
  db.objects<site::Comment>().filter("content_object__title", "x");
  // expected-note@Inputs/generic-comments.hpp:* {{'Comment::content_object' declared here}}
  // expected-error@+1 {{no field named 'photo' in model 'Comment'}}
  db.objects<site::Comment>().filter("photo__id", 1);
  // expected-note@-1 {{fields of 'Comment' are: id, text, content_type, object_id, post}}
}
