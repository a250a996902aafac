#include "checks/CascadeCycleCheck.h"

#include "ReverseRelations.h"

#include "llvm/ADT/DenseMap.h"

#include <algorithm>
#include <deque>

namespace covet {

namespace {

constexpr unsigned Cascade = 0;  // covet::OnDelete::Cascade

struct Edge {
  const Model *From = nullptr;  // the model holding the key
  const Member *Key = nullptr;
  const Model *To = nullptr;    // its target
};

// Tarjan's strongly connected components over the models, edges in order.
class Components {
 public:
  Components(const std::vector<const Model *> &Nodes,
             const llvm::DenseMap<const Model *, std::vector<Edge>> &Out)
      : Out(Out) {
    for (const Model *N : Nodes)
      if (!Index.count(N))
        visit(N);
  }
  std::vector<std::vector<const Model *>> Result;

 private:
  void visit(const Model *N) {
    Index[N] = Low[N] = Next++;
    Stack.push_back(N);
    OnStack[N] = true;
    auto It = Out.find(N);
    if (It != Out.end())
      for (const Edge &E : It->second) {
        if (!Index.count(E.To)) {
          visit(E.To);
          Low[N] = std::min(Low[N], Low[E.To]);
        } else if (OnStack[E.To]) {
          Low[N] = std::min(Low[N], Index[E.To]);
        }
      }
    if (Low[N] != Index[N])
      return;
    std::vector<const Model *> C;
    const Model *W = nullptr;
    do {
      W = Stack.back();
      Stack.pop_back();
      OnStack[W] = false;
      C.push_back(W);
    } while (W != N);
    Result.push_back(std::move(C));
  }

  const llvm::DenseMap<const Model *, std::vector<Edge>> &Out;
  llvm::DenseMap<const Model *, unsigned> Index, Low;
  llvm::DenseMap<const Model *, bool> OnStack;
  std::vector<const Model *> Stack;
  unsigned Next = 0;
};

const char *kindName(const Member &M) {
  return M.Relation == RelationAttr::OneToOne ? "one-to-one" : "foreign key";
}

}  // namespace

void CascadeCycleCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  std::vector<const Model *> Nodes;
  llvm::DenseMap<const Model *, unsigned> Order;
  llvm::DenseMap<const Model *, std::vector<Edge>> Out;
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    Order[&M] = Nodes.size();
    Nodes.push_back(&M);
    if (M.Abstract)
      continue;
    for (const Member *Mem : ownRelations(Graph, M))
      if (isKeyRelation(*Mem) && Mem->OnDelete.Value == Cascade && !Mem->OnDelete.SetFn &&
          Mem->TargetModel != &M)
        Out[&M].push_back(Edge{&M, Mem, Mem->TargetModel});
  }

  Components SCC(Nodes, Out);
  std::vector<std::vector<const Model *>> Cycles;
  for (auto &C : SCC.Result)
    if (C.size() >= 2)
      Cycles.push_back(std::move(C));
  for (auto &C : Cycles)
    std::sort(C.begin(), C.end(),
              [&](const Model *A, const Model *B) { return Order[A] < Order[B]; });
  std::sort(Cycles.begin(), Cycles.end(),
            [&](const auto &A, const auto &B) { return Order[A.front()] < Order[B.front()]; });

  for (const auto &C : Cycles) {
    const Model *Start = C.front();
    llvm::DenseMap<const Model *, bool> In;
    for (const Model *N : C)
      In[N] = true;
    // Breadth-first from Start, edges in declaration order: the shortest
    // cycle back to Start, deterministic.
    llvm::DenseMap<const Model *, const Edge *> Via;
    std::deque<const Model *> Queue{Start};
    const Edge *Closing = nullptr;
    while (!Queue.empty() && !Closing) {
      const Model *N = Queue.front();
      Queue.pop_front();
      auto It = Out.find(N);
      if (It == Out.end())
        continue;
      for (const Edge &E : It->second) {
        if (!In.lookup(E.To))
          continue;
        if (E.To == Start) {
          Closing = &E;
          break;
        }
        if (!Via.count(E.To)) {
          Via[E.To] = &E;
          Queue.push_back(E.To);
        }
      }
    }
    if (!Closing)
      continue;  // cannot happen in a component of two or more
    std::vector<const Edge *> Path{Closing};
    for (const Model *N = Closing->From; N != Start; N = Via[N]->From)
      Path.push_back(Via[N]);
    std::reverse(Path.begin(), Path.end());

    std::string Route = "'" + Start->Name + "'";
    for (const Edge *E : Path)
      Route += " -> '" + E->To->Name + "'";
    const Edge &First = *Path.front();
    // A key declared on an abstract base closes the cycle of one of the
    // models deriving from it: reported at that model, the notes at the key.
    const clang::SourceLocation At = declaredOnAbstractBase(*First.From, *First.Key)
                                         ? First.From->Decl->getLocation()
                                         : First.Key->Field->getLocation();
    Ctx.report(At, Diag::CascadeCycle)
        << qualifiedMember(*First.From, *First.Key) << static_cast<unsigned>(Path.size())
        << Route;
    for (const Edge *E : Path)
      Ctx.report(E->Key->Field->getLocation(), Diag::CascadeCycleEdge)
          << qualifiedMember(*E->From, *E->Key) << kindName(*E->Key) << E->To->Name;

    // Suggest SET_NULL on the first edge whose key is already optional.
    const Edge *Nullable = nullptr;
    for (const Edge *E : Path)
      if (!Nullable && E->Key->Kind == Storage::OptionalRef)
        Nullable = E;
    if (Nullable) {
      auto Note = Ctx.report(Nullable->Key->Field->getLocation(), Diag::CascadeCycleUseSetNull)
                  << qualifiedMember(*Nullable->From, *Nullable->Key);
      const clang::AnnotateAttr *A = Nullable->Key->RelationAnnotation;
      if (A && A->args_size() == 1) {
        clang::SourceRange R = A->args_begin()[0]->getSourceRange();
        if (R.isValid() && !R.getBegin().isMacroID() && !R.getEnd().isMacroID())
          Note << clang::FixItHint::CreateReplacement(R, "covet::SET_NULL");
      }
    } else {
      Ctx.report(First.Key->Field->getLocation(), Diag::CascadeCycleMakeNullable)
          << qualifiedMember(*First.From, *First.Key) << First.Key->Field->getType();
    }
  }
}

}  // namespace covet
