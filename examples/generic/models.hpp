// The guide's chapter "Generic Foreign Keys": comments on any model.
#pragma once

#include <covet/covet.hpp>

#include <cstdint>
#include <string>

namespace blog {

struct Comment;

struct [[covet::model]] Post {
  covet::Id id;
  [[covet::max_length(200)]] std::string title;
  // Post's comments; erasing a post erases them. related_query_name lets
  // comment queries filter on the post: filter("post__title", ...).
  [[covet::related_query_name("post")]] covet::GenericRelation<Comment> comments;
};

struct [[covet::model]] Photo {
  covet::Id id;
  [[covet::max_length(200)]] std::string caption;
  covet::GenericRelation<Comment> comments;
};

struct [[covet::model]] Comment {
  covet::Id id;
  std::string text;
  covet::ContentTypeId content_type;  // whose object: blog.post or blog.photo
  std::int64_t object_id = 0;         // which one
  covet::GenericRef<Post, Photo> content_object;
};

}  // namespace blog
