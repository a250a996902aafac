// Content-type names that are all distinct compile silently
// (checks/ContentTypeNameCheck.h, checks/DuplicateContentTypeCheck.h): one
// class name in two namespaces, a model nested in two namespaces, an
// override resolving what would clash, a proxy (its own name), abstract
// bases (none), anonymous and inline namespaces (left out of the app label,
// so their models are named as their enclosing namespace's).
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// expected-no-diagnostics

#include <covet/covet.hpp>

namespace blog {
struct [[covet::model("blog_post")]] Post {  // blog.post
  covet::Id id;
};
struct [[covet::model, covet::proxy]] Draft : Post {};  // blog.draft
}  // namespace blog

namespace forum {
struct [[covet::model("forum_post")]] Post {  // forum.post
  covet::Id id;
};
}  // namespace forum

namespace shop::billing {
struct [[covet::model("invoice")]] Invoice {  // shop_billing.invoice
  covet::Id id;
};
}  // namespace shop::billing

// Would be "default.post" and "default.post" under another spelling: the
// override keeps them apart.
struct [[covet::model("post_upper"), covet::content_type("legacy.post")]] POST {
  covet::Id id;
};
struct [[covet::model("post_lower")]] Post {  // default.post
  covet::Id id;
};

struct [[covet::model, covet::abstract]] Stamped {
  covet::Id id;
};
struct [[covet::model("stamped_a")]] StampedA : Stamped {};  // default.stampeda
struct [[covet::model("stamped_b")]] StampedB : Stamped {};  // default.stampedb

namespace api {
inline namespace v2 {
struct [[covet::model("api_key")]] Key {  // api.key
  covet::Id id;
};
}  // namespace v2
namespace {
struct [[covet::model("api_secret")]] Secret {  // api.secret
  covet::Id id;
};
}  // namespace
}  // namespace api

// Non-ASCII class names keep their bytes (naming::model_name).
struct [[covet::model("cafe")]] Café {  // default.café
  covet::Id id;
};
