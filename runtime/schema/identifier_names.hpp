// Names that create_all makes up (index and constraint names; the plugin
// rejects declared and automatic join-table names over the limit instead),
// kept within PostgreSQL's identifier limit, by Django's rule
// (django.db.backends.utils.truncate_name / names_digest): a name longer
// than the limit keeps its first `limit - 4` bytes and ends with the first 4
// hex digits of the MD5 of the whole name, so it stays stable from one run
// to the next and distinct from its neighbours. PostgreSQL would silently
// cut a longer name instead, so the second create_all would not find what
// the first one made, and two names with a common 63-byte prefix would clash.
//
//   truncate_name("post_tags_tag_id_idx")          -> unchanged (<= 63 bytes)
//   truncate_name(<70 bytes>)                      -> <first 59 bytes> + "3f2a"
//
// Unlike Django, which counts characters, the limit is in bytes (as
// PostgreSQL's is), and the cut never splits a UTF-8 sequence. The same
// names are used on SQLite, which has no limit, so a schema is named alike
// on both backends.
#pragma once

#include <covet/detail/naming.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace covet::detail {

// PostgreSQL's NAMEDATALEN - 1 (the one definition is naming.hpp's).
inline constexpr std::size_t kMaxIdentifierBytes = naming::max_identifier_bytes;

// The lower-case hex MD5 digest of `data` (32 digits).
std::string md5_hex(std::string_view data);

// `name` when it fits in `limit` bytes; else its truncated, hashed form.
std::string truncate_name(std::string_view name, std::size_t limit = kMaxIdentifierBytes);

}  // namespace covet::detail
