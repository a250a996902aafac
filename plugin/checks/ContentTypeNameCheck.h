// Rule: a model's content-type name (detail::naming.hpp: "<app label>.<model
// name>", or covet::content_type("app.model")) is one the content-type
// table can hold and users can type:
//   * an override is exactly one dot between two non-empty parts of
//     lower-case letters, digits and '_', neither starting with a digit;
//   * each part, written or derived from the namespaces and class name, is
//     at most 100 bytes (the table's VARCHAR(100) columns, Django's);
//   * covet::content_type is not written on an abstract model, which has no
//     rows and so no content type (its children each get their own).
//
// Why: the name is the key of the model's row in covet_content_type, the
// stable identity generic references store; a malformed one would be
// refused by PostgreSQL at create_all (too long) or differ by case or
// spelling from what a lookup names, and one on an abstract base would be
// silently ignored.
//
// Fix: write the name as 'app_label.model' in lower case, shorten it, or
// move the attribute to the concrete models.
#pragma once

#include "checks/Check.h"

namespace covet {

class ContentTypeNameCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet
