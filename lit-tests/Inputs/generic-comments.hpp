// Generic references, for emit-generic.cpp and check-only-generic.cpp: a
// comment on a post or a photo, whose models this header does not define.
#pragma once

#include <covet/covet.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace site {

struct Post;
struct Photo;

struct [[covet::model]] Comment {
  covet::Id id;
  std::string text;
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;
  covet::GenericRef<Post, Photo> content_object;
};

struct [[covet::model]] Tag {
  covet::Id id;
  std::optional<covet::ContentTypeId> target_type;
  std::optional<std::int64_t> target_id;
  [[covet::generic_fields("target_type", "target_id")]] covet::GenericRef<> target;
};

}  // namespace site
