// Values Covet writes into an object itself, before the statement that
// stores it (so the caller's object shows what the row holds):
//
//   member                            create / bulk_create   save / update   update() / bulk_update()
//   [[covet::primary_key]] Uuid, nil  a random v4 UUID       -               -
//   [[covet::auto_now_add]]           now                    -               -
//   [[covet::auto_now]]               now                    now             -
//
// as Django's Field.pre_save does (called by Model.save() and by
// bulk_create, which passes add=True; QuerySet.update() and bulk_update()
// write the values they are given). One operation uses one instant, so a
// row's auto_now and auto_now_add members are equal after its create.
#pragma once

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <vector>

namespace covet::detail {

enum class AutoWrite { Create, Save };

// The current UTC time, at the microsecond precision columns store.
Timestamp current_time();

// A nil covet::Uuid primary key becomes a random one; other keys are left to
// the database (covet::Id) or as they are.
void assign_generated_key(const ModelInfo& model, void* object);

// Sets the auto_now (and, on Create, auto_now_add) members to `now`, in the
// precision of each member's type. `only`, when given, limits Save to the
// columns it marks (a Partial's loaded fields, like Django's update_fields).
void stamp_auto_now(const ModelInfo& model, void* object, AutoWrite write, Timestamp now,
                    const std::vector<bool>* only = nullptr);

// Whether the model has any auto_now member.
bool has_auto_now(const ModelInfo& model);

}  // namespace covet::detail
