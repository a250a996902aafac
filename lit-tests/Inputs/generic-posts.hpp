// The targets of generic-comments.hpp's references, with their
// GenericRelations.
#pragma once

#include "generic-comments.hpp"

namespace site {

struct [[covet::model]] Post {
  covet::Id id;
  std::string title;
  [[covet::related_query_name("post")]] covet::GenericRelation<Comment> comments;
  [[covet::generic_relation(covet::SET_NULL), covet::generic_fields("target_type", "target_id")]]
  covet::GenericRelation<Tag> tags;
};

struct [[covet::model]] Photo {
  covet::Id id;
  [[covet::generic_relation(covet::DO_NOTHING)]] covet::GenericRelation<Comment> comments;
};

}  // namespace site
