#include "checks/DuplicateContentTypeCheck.h"

#include "covet/detail/naming.hpp"

#include "llvm/ADT/StringMap.h"

namespace covet {

void DuplicateContentTypeCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  llvm::StringMap<const Model *> Owners;
  auto Name = [](const Model &X) { return llvm::StringRef(X.TypeName).ltrim(':').str(); };
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    if (M.ContentType.empty())
      continue;  // abstract: no rows, no content type
    if (M.ContentTypeAttr && !detail::naming::is_valid_content_type(M.ContentType))
      continue;  // ContentTypeNameCheck reported it
    auto [It, New] = Owners.try_emplace(M.ContentType, &M);
    if (New)
      continue;
    const Model &First = *It->second;
    Ctx.report(M.Decl->getLocation(), Diag::DuplicateContentType) << M.ContentType << Name(M) << Name(First);
    Ctx.report(First.Decl->getLocation(), Diag::ContentTypeDeclaredHere)
        << Name(First) << First.ContentType << (First.ContentTypeAttr ? 0 : 1);
  }
}

}  // namespace covet
