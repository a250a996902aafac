// The drawings in docs/diagrams/ are what the plugin draws today: each is
// drawn again from its header (as `make diagrams` does, from the repository
// root, so the header is named the same) and compared; run `make diagrams`
// when this fails after a model or renderer change. Then the guide's blog and
// shop are checked for their arrows (docs/diagrams.md).
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S/.. && %clangxx -x c++ -Wno-pragma-once-outside-header -fplugin=%covet_plugin -fplugin-arg-covet-emit-diagram=%t/blog.dot -fplugin-arg-covet-emit-diagram=%t/blog.mmd examples/blog/models.hpp
// RUN: cd %S/.. && %clangxx -x c++ -Wno-pragma-once-outside-header -fplugin=%covet_plugin -fplugin-arg-covet-emit-diagram=%t/shop.dot -fplugin-arg-covet-emit-diagram=%t/shop.mmd docs/diagrams/shop.hpp
// RUN: cd %S/.. && %clangxx -x c++ -Wno-pragma-once-outside-header -fplugin=%covet_plugin -fplugin-arg-covet-emit-diagram=%t/library.dot -fplugin-arg-covet-emit-diagram=%t/library.mmd examples/library/models.hpp
// RUN: cd %S/.. && %clangxx -x c++ -Wno-pragma-once-outside-header -fplugin=%covet_plugin -fplugin-arg-covet-emit-diagram=%t/inheritance.dot -fplugin-arg-covet-emit-diagram=%t/inheritance.mmd examples/inheritance/models.hpp
// RUN: cd %S/.. && %clangxx -x c++ -Wno-pragma-once-outside-header -fplugin=%covet_plugin -fplugin-arg-covet-emit-diagram=%t/trees.dot -fplugin-arg-covet-emit-diagram=%t/trees.mmd examples/trees/models.hpp
// RUN: cd %S/.. && %clangxx -x c++ -Wno-pragma-once-outside-header -fplugin=%covet_plugin -fplugin-arg-covet-emit-diagram=%t/generic.dot -fplugin-arg-covet-emit-diagram=%t/generic.mmd examples/generic/models.hpp
// RUN: diff -u %S/../docs/diagrams/blog.dot %t/blog.dot
// RUN: diff -u %S/../docs/diagrams/blog.mmd %t/blog.mmd
// RUN: diff -u %S/../docs/diagrams/shop.dot %t/shop.dot
// RUN: diff -u %S/../docs/diagrams/shop.mmd %t/shop.mmd
// RUN: diff -u %S/../docs/diagrams/library.dot %t/library.dot
// RUN: diff -u %S/../docs/diagrams/library.mmd %t/library.mmd
// RUN: diff -u %S/../docs/diagrams/inheritance.dot %t/inheritance.dot
// RUN: diff -u %S/../docs/diagrams/inheritance.mmd %t/inheritance.mmd
// RUN: diff -u %S/../docs/diagrams/trees.dot %t/trees.dot
// RUN: diff -u %S/../docs/diagrams/trees.mmd %t/trees.mmd
// RUN: diff -u %S/../docs/diagrams/generic.dot %t/generic.dot
// RUN: diff -u %S/../docs/diagrams/generic.mmd %t/generic.mmd
// RUN: FileCheck %s --check-prefix=BLOG --input-file %t/blog.dot
// RUN: FileCheck %s --check-prefix=SHOP --input-file %t/shop.dot

// The blog: posts go with their author, comments with their post and their
// author (the cascade paths of User); tags and friends are many-to-many.
// BLOG-DAG: "::blog_example::User":"m_friends" -> "::blog_example::User" [label="friends: many-to-many\nsymmetrical", dir=both
// BLOG-DAG: "::blog_example::Post":"m_author" -> "::blog_example::User" [label="author: foreign key, CASCADE\nreverse: posts", penwidth=2.4, color="#c0392b"
// BLOG-DAG: "::blog_example::Post":"m_tags" -> "::blog_example::Tag" [label="tags: many-to-many\nreverse: posts", dir=both
// BLOG-DAG: "::blog_example::Comment":"m_post" -> "::blog_example::Post" [label="post: foreign key, CASCADE\nreverse: comments", penwidth=2.4, color="#c0392b"
// BLOG-DAG: "::blog_example::Comment":"m_author" -> "::blog_example::User" [label="author: foreign key, CASCADE\nreverse: comments", penwidth=2.4, color="#c0392b"
// BLOG-NOT: -> "::blog_example::Comment"

// The shop: an order's items go with it (the one cascade), everything else
// protects or clears.
// SHOP-DAG: "::shop::Category":"m_parent" -> "::shop::Category" [label="parent: foreign key, SET_NULL\nreverse: category_set", color="#d35400"
// SHOP-DAG: "::shop::Product":"m_category" -> "::shop::Category" [label="category: foreign key, PROTECT\nreverse: product_set", color="#000000"
// SHOP-DAG: "::shop::Order":"m_user" -> "::shop::User" [label="user: foreign key, PROTECT\nreverse: order_set", color="#000000"
// SHOP-DAG: "::shop::OrderItem":"m_order" -> "::shop::Order" [label="order: foreign key, CASCADE\nreverse: items", penwidth=2.4, color="#c0392b"
// SHOP-DAG: "::shop::OrderItem":"m_product" -> "::shop::Product" [label="product: foreign key, PROTECT\nreverse: orderitem_set", color="#000000"
// SHOP-NOT: -> "::shop::OrderItem"
