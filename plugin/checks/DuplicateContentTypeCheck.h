// Rule: no two models of one program (one plugin run: every model header of
// a covet_add_models() target) have one content-type name. Names are
// "<app label>.<model name>" (detail/naming.hpp): `shop::Order` and
// `shop::order` both give "shop.order", so do a model and another's
// covet::content_type override. Abstract models have none and are not
// counted; proxies and single-table children are (each has its own row, for
// ContentType::for_model<T>(db, covet::ConcreteModel::No)).
//
// Why: the name is the key of a model's row in covet_content_type; two
// models with one row would read each other's generic references (a
// comment on one model's object loading the other's), which no run-time
// check could tell apart.
//
// Fix: give one of them another name with covet::content_type("app.model").
#pragma once

#include "checks/Check.h"

namespace covet {

class DuplicateContentTypeCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet
