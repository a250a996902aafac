// Models for the content-type suite (test/generic/content_type_test.cpp):
// one of each case of the name rule (covet/detail/naming.hpp) and of the
// rows create_all adds. Tables start with "ctype_".
//
//   ctype::Article              "ctype.article"           a namespaced model
//   ctype::Featured             "ctype.featured"          a proxy of Article (own row too)
//   ctype::Media::Photo         "ctype_media.photo"       nested namespaces, joined with '_'
//   ctype::Label                "tagging.label"           covet::content_type overrides the name
//   ctype::Base                 none                      abstract: no row
//   ctype::Video                "ctype.video"             derives from the abstract Base
//   CtypeNote                   "default.ctypenote"       outside any namespace
#pragma once

#include <covet/covet.hpp>

#include <string>

namespace ctype {

struct [[covet::model("ctype_article")]] Article {
  covet::Id id;
  [[covet::max_length(100)]] std::string title;
};

struct [[covet::model, covet::proxy]] Featured : Article {};

namespace Media {
struct [[covet::model("ctype_photo")]] Photo {
  covet::Id id;
  [[covet::max_length(100)]] std::string caption;
};
}  // namespace Media

struct [[covet::model("ctype_label"), covet::content_type("tagging.label")]] Label {
  covet::Id id;
  [[covet::max_length(50)]] std::string text;
};

struct [[covet::model, covet::abstract]] Base {
  covet::Id id;
  int length = 0;
};

struct [[covet::model("ctype_video")]] Video : Base {};

}  // namespace ctype

struct [[covet::model("ctype_note")]] CtypeNote {
  covet::Id id;
  std::string body;
};
