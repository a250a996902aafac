// Where the pairs of a many-to-many relation live.
//
// Without covet::through, the pairs live in an automatic join table, named and
// laid out as Django does (covet/detail/naming.hpp, shared with the plugin):
//   table          <source table>_<member>            e.g. post_tags
//   source column  <source model, lower case>_id       post_id
//   target column  <target model, lower case>_id       tag_id
//   (both model names equal, as in a self relation: from_<model>_id / to_<model>_id)
// (its name fits PostgreSQL's 63 bytes: the plugin rejects a longer one)
// with a UNIQUE (source, target) pair and both keys cascading (the join rows
// of a deleted object go with it). With covet::through("Model"), they live in
// that model's table, in the columns of its two foreign keys (chosen by
// covet::through_fields when it has more than one key to a side).
#pragma once

#include <covet/model_info.hpp>

#include <string>
#include <utility>
#include <vector>

namespace covet::detail {

struct JoinTable {
  std::string table;
  std::string source_column;  // refers to the model declaring the RefSet
  std::string target_column;  // refers to the RefSet's T
  const ModelInfo* through = nullptr;        // the through model; nullptr for an automatic table
  const MemberInfo* source_member = nullptr;  // through model: its key to the source
  const MemberInfo* target_member = nullptr;  // through model: its key to the target
  // The columns of the source and target tables the two keys refer to (the
  // primary keys, or a through key's to_field).
  const MemberInfo* source_key = nullptr;
  const MemberInfo* target_key = nullptr;
  const ModelInfo* source = nullptr;
  const ModelInfo* target = nullptr;
  // A self relation storing every pair in both directions.
  bool symmetrical = false;
  // The table has a UNIQUE constraint on exactly (source column, target
  // column): always for an automatic table; for a through model, when it
  // declares covet::unique_together over its two keys (in either order).
  bool unique_pair = false;
  // A through model with a unique column or constraint besides the pair
  // (a seat number, say): two connections inserting one pair at once may then
  // collide on that constraint before PostgreSQL's ON CONFLICT sees the pair,
  // so adds serialize on a row lock there too.
  bool other_unique = false;
};

// The join table of `member`, a many-to-many relation of `model`: the
// table of the model declaring it (an ancestor's, for an inherited member;
// JoinTable::source is then that ancestor). Throws UsageError when a through
// model's keys cannot be determined.
JoinTable join_table_of(const ModelInfo& model, const MemberInfo& member);

// The model that declares the relation member `relation` (a pointer into its
// ModelInfo). Throws UsageError when no registered model does.
const ModelInfo& declaring_model(const MemberInfo& relation);

// Whether a many-to-many of `source` is symmetrical: covet::symmetrical(b)
// when written, else Django's default, true for a self relation. Only a self
// relation can be.
bool is_symmetrical(const ModelInfo& source, const MemberInfo& member);

// The query name that walks a many-to-many backwards from its target even
// when the relation hides its reverse side (related_name "+"), for the
// managers' own filters: "_<Model>_<member>+". Never listed among a model's
// field choices.
std::string hidden_query_name(const ModelInfo& source, const MemberInfo& member);

// Every many-to-many relation with an automatic join table, as (declaring
// model, member), in a stable order; an inherited one once, by its declarer.
std::vector<std::pair<const ModelInfo*, const MemberInfo*>> automatic_join_tables();

}  // namespace covet::detail
