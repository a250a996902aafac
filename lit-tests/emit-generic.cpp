// Generic references and relations in the emitted metadata
// (meta::generic_ref / meta::generic_relation: no column, both member
// names always written, on_delete and related_query_name when given) and
// in the model graph (their kind, members, targets and on_delete; the
// related_query_name's step back from the GenericRef's model, marked
// "generic"). A ContentTypeId member is an ordinary BIGINT column.
// RUN: rm -f %t.cpp %t.json
// RUN: %clangxx -x c++ -fplugin=%covet_plugin -fplugin-arg-covet-emit=%t.cpp -fplugin-arg-covet-emit-graph=%t.json %S/Inputs/generic-posts.hpp
// RUN: FileCheck %s --input-file %t.cpp
// RUN: FileCheck %s --input-file %t.json --check-prefix=JSON
// RUN: %clangxx_noplugin -fsyntax-only -Wall -Wextra -Werror %t.cpp

// CHECK:      covet::meta::model<::site::Comment>(
// CHECK:      covet::meta::field<::site::Comment, &::site::Comment::content_type>({.name = "content_type", .column = "content_type"}),
// CHECK-NEXT: covet::meta::field<::site::Comment, &::site::Comment::object_id>({.name = "object_id", .column = "object_id", .has_default = true}),
// CHECK-NEXT: covet::meta::generic_ref<::site::Comment, &::site::Comment::content_object>({.name = "content_object", .content_type_field = "content_type", .object_id_field = "object_id"}),
// CHECK-NEXT: });
// CHECK:      covet::meta::model<::site::Tag>(
// CHECK:      covet::meta::generic_ref<::site::Tag, &::site::Tag::target>({.name = "target", .content_type_field = "target_type", .object_id_field = "target_id"}),
// CHECK:      covet::meta::model<::site::Post>(
// CHECK:      covet::meta::generic_relation<::site::Post, &::site::Post::comments>({.name = "comments", .content_type_field = "content_type", .object_id_field = "object_id", .related_query_name = "post"}),
// CHECK-NEXT: covet::meta::generic_relation<::site::Post, &::site::Post::tags>({.name = "tags", .content_type_field = "target_type", .object_id_field = "target_id", .on_delete = covet::OnDelete::SetNull}),
// CHECK-NEXT: });
// CHECK:      covet::meta::model<::site::Photo>(
// CHECK:      covet::meta::generic_relation<::site::Photo, &::site::Photo::comments>({.name = "comments", .content_type_field = "content_type", .object_id_field = "object_id", .on_delete = covet::OnDelete::DoNothing}),

// JSON:      "name": "Comment",
// JSON:      "name": "content_type",
// JSON-NEXT: "kind": "column",
// JSON-NEXT: "column": "content_type",
// JSON-NEXT: "type": "covet::ContentTypeId",
// JSON-NEXT: "value": "content_type",
// JSON:      "name": "content_object",
// JSON-NEXT: "kind": "generic_ref",
// JSON-NOT:  "column"
// JSON:      "content_type_field": "content_type",
// JSON-NEXT: "object_id_field": "object_id",
// JSON-NEXT: "targets": [
// JSON-NEXT:   "::site::Post",
// JSON-NEXT:   "::site::Photo"
// JSON-NEXT: ]
// JSON:      "reverse": [
// JSON-NEXT:  {
// JSON-NEXT:   "accessor": "",
// JSON-NEXT:   "query_name": "post",
// JSON-NEXT:   "source": "::site::Post",
// JSON-NEXT:   "member": "comments",
// JSON-NEXT:   "single": false,
// JSON-NEXT:   "many_to_many": false,
// JSON-NEXT:   "generic": true
// JSON:      "name": "Tag",
// JSON:      "kind": "generic_ref",
// JSON:      "targets": []
// JSON:      "name": "Post",
// JSON:      "name": "comments",
// JSON-NEXT: "kind": "generic_relation",
// JSON-NOT:  "column"
// JSON:      "target": "::site::Comment",
// JSON:      "content_type_field": "content_type",
// JSON-NEXT: "object_id_field": "object_id",
// JSON-NEXT: "on_delete": "CASCADE"
// JSON:      "name": "tags",
// JSON:      "on_delete": "SET_NULL"
