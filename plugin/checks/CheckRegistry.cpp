// Runs the rules of Checks.inc, one object per rule, in their order.
#include "checks/Check.h"

#include "GraphJson.h"
#include "LookupGraph.h"

// One header per rule of Checks.inc.
#include "checks/AbstractModelUseCheck.h"
#include "checks/AbstractTargetCheck.h"
#include "checks/AutoNowCheck.h"
#include "checks/CascadeCycleCheck.h"
#include "checks/ContentTypeNameCheck.h"
#include "checks/DiscriminatorClashCheck.h"
#include "checks/DiscriminatorPlacementCheck.h"
#include "checks/DuplicateColumnCheck.h"
#include "checks/DuplicateContentTypeCheck.h"
#include "checks/DuplicateIdentityCheck.h"
#include "checks/DuplicateTableCheck.h"
#include "checks/EnumTextCheck.h"
#include "checks/GenericObjectIdTypeCheck.h"
#include "checks/GenericQueryNameClashCheck.h"
#include "checks/GenericRefFieldsCheck.h"
#include "checks/GenericRefTargetCheck.h"
#include "checks/GenericRelationMatchCheck.h"
#include "checks/GenericRelationOnDeleteCheck.h"
#include "checks/HiddenMemberCheck.h"
#include "checks/IdentifierCharactersCheck.h"
#include "checks/IdentifierLengthCheck.h"
#include "checks/IdentityPlacementCheck.h"
#include "checks/JoinTableNameClashCheck.h"
#include "checks/LookupStringCheck.h"
#include "checks/MisplacedOptionCheck.h"
#include "checks/MissingRelationAttributeCheck.h"
#include "checks/MixedInheritanceCheck.h"
#include "checks/ModelOptionCheck.h"
#include "checks/MultipleParentsCheck.h"
#include "checks/NestedSetColumnCheck.h"
#include "checks/NonModelBaseCheck.h"
#include "checks/OrderingFieldCheck.h"
#include "checks/PolymorphicListCheck.h"
#include "checks/PrimaryKeyCheck.h"
#include "checks/ProxyShapeCheck.h"
#include "checks/RelatedNameCheck.h"
#include "checks/RelationStorageCheck.h"
#include "checks/RelationTargetCheck.h"
#include "checks/ReservedNameCheck.h"
#include "checks/ReverseNameClashCheck.h"
#include "checks/SetDefaultCheck.h"
#include "checks/SetFunctionCheck.h"
#include "checks/SetNullCheck.h"
#include "checks/SiblingColumnCheck.h"
#include "checks/SymmetricalCheck.h"
#include "checks/ThroughModelCheck.h"
#include "checks/ToFieldCheck.h"
#include "checks/TreeMixinArgumentCheck.h"
#include "checks/TreeMixinConflictCheck.h"
#include "checks/TreeParentCheck.h"
#include "checks/UnboundReverseMemberCheck.h"
#include "checks/UniqueTogetherCheck.h"

namespace covet {

void runChecks(const ModelGraph &Graph, CheckContext &Ctx, CheckSet Which) {
#define COVET_RUN(Name, Set)                       \
  if (Which == CheckSet::All || Which == (Set)) { \
    Name C;                                        \
    C.run(Graph, Ctx);                             \
  }
#define COVET_CHECK(Name) COVET_RUN(Name, CheckSet::Model)
#define COVET_CODE_CHECK(Name) COVET_RUN(Name, CheckSet::All)
#include "checks/Checks.inc"
#undef COVET_CODE_CHECK
#undef COVET_CHECK
#undef COVET_RUN
}

void runCodeChecks(const ModelGraph &Graph, llvm::ArrayRef<std::string> GraphPaths, CheckContext &Ctx) {
  LookupGraph Lookups = LookupGraph::fromGraph(Ctx.context(), Graph);
  for (const std::string &Path : GraphPaths) {
    LookupGraph FromJson;
    std::string Error;
    if (!readGraphJson(Path, FromJson, Error)) {
      Ctx.report(clang::SourceLocation(), Diag::CannotReadGraph) << Path << Error;
      return;
    }
    Lookups.fill(FromJson);
  }
  checkLookupStrings(Lookups, Ctx);
  checkAbstractModelUses(Lookups, Ctx);
  checkPolymorphicLists(Lookups, Ctx);
}

}  // namespace covet
