#include "checks/AutoNowCheck.h"

#include "Names.h"

#include "clang/AST/DeclTemplate.h"

namespace covet {

namespace {

using namespace clang;

const ClassTemplateSpecializationDecl *specialization(QualType T) {
  return dyn_cast_or_null<ClassTemplateSpecializationDecl>(T.getCanonicalType()->getAsCXXRecordDecl());
}

// std::chrono::Name (through inline namespaces such as libstdc++'s _V2).
bool isChrono(const NamedDecl *D, llvm::StringRef Name) {
  if (!D || !D->getIdentifier() || D->getName() != Name)
    return false;
  const DeclContext *DC = D->getDeclContext();
  while (DC && DC->isInlineNamespace())
    DC = DC->getParent();
  const auto *Chrono = dyn_cast_or_null<NamespaceDecl>(DC);
  return Chrono && Chrono->getIdentifier() && Chrono->getName() == "chrono" &&
         isStdEntity(Chrono, "chrono");
}

QualType typeArg(const ClassTemplateSpecializationDecl *S, unsigned I) {
  const TemplateArgumentList &Args = S->getTemplateArgs();
  return I < Args.size() && Args[I].getKind() == TemplateArgument::Type ? Args[I].getAsType() : QualType();
}

// A duration of whole days (std::chrono::days): a date column, not a time.
bool isDays(QualType Duration) {
  const ClassTemplateSpecializationDecl *D = specialization(Duration);
  if (!D || !isChrono(D->getSpecializedTemplate(), "duration"))
    return false;
  const ClassTemplateSpecializationDecl *Ratio = specialization(typeArg(D, 1));
  if (!Ratio || Ratio->getTemplateArgs().size() < 2)
    return false;
  const TemplateArgument &Num = Ratio->getTemplateArgs()[0], &Den = Ratio->getTemplateArgs()[1];
  return Num.getKind() == TemplateArgument::Integral && Den.getKind() == TemplateArgument::Integral &&
         Num.getAsIntegral() == 86400 && Den.getAsIntegral() == 1;
}

// std::chrono::sys_time<D> (D not days), or std::optional of one.
bool isTimestamp(QualType T) {
  const ClassTemplateSpecializationDecl *S = specialization(T);
  if (S && isStdEntity(S->getSpecializedTemplate(), "optional"))
    S = specialization(typeArg(S, 0));
  if (!S || !isChrono(S->getSpecializedTemplate(), "time_point"))
    return false;
  const QualType Clock = typeArg(S, 0);
  return !Clock.isNull() && isChrono(Clock->getAsCXXRecordDecl(), "system_clock") && !isDays(typeArg(S, 1));
}

}  // namespace

void AutoNowCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &[M, Mem] : Graph.distinctMembers()) {
    if (!Mem->AutoNow && !Mem->AutoNowAdd)
      continue;
    const FieldDecl *F = Mem->Field;
    if (!isTimestamp(F->getType())) {
      for (const AnnotateAttr *A : {Mem->AutoNow, Mem->AutoNowAdd})
        if (A)
          Ctx.report(A->getLocation(), Diag::AutoNowNotTimestamp)
              << A->getAnnotation() << F->getName() << F->getType();
      continue;
    }
    if (Mem->AutoNow && Mem->AutoNowAdd) {
      Ctx.report(Mem->AutoNowAdd->getLocation(), Diag::AutoNowAndAutoNowAdd) << F->getName();
      Ctx.report(Mem->AutoNow->getLocation(), Diag::PreviousAttribute) << "covet::auto_now";
    }
  }
}

}  // namespace covet
