#include "checks/ContentTypeNameCheck.h"

#include "covet/detail/naming.hpp"

namespace covet {

namespace {

std::string modelName(const Model &M) { return llvm::StringRef(M.TypeName).ltrim(':').str(); }

}  // namespace

void ContentTypeNameCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  namespace naming = detail::naming;
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    if (M.Abstract) {
      if (M.ContentTypeAttr)
        Ctx.report(M.ContentTypeAttr->getLocation(), Diag::ContentTypeOnAbstract) << modelName(M);
      continue;
    }
    if (M.ContentTypeAttr) {
      // Length is part of validity for an override: one message says all.
      if (!naming::is_valid_content_type(M.ContentType))
        Ctx.report(M.ContentTypeAttr->getLocation(), Diag::ContentTypeMalformed)
            << M.ContentType << modelName(M) << unsigned(naming::max_content_type_part_bytes);
      continue;
    }
    const naming::ContentTypeParts Parts = naming::split_content_type(M.ContentType);
    if (Parts.app_label.size() > naming::max_content_type_part_bytes ||
        Parts.model.size() > naming::max_content_type_part_bytes)
      Ctx.report(M.Decl->getLocation(), Diag::ContentTypeTooLong)
          << M.ContentType << modelName(M) << unsigned(naming::max_content_type_part_bytes);
  }
}

}  // namespace covet
