#include "support/fault_injection.hpp"

#include "database_access.hpp"

#include <covet/errors.hpp>

#include <cctype>

namespace covet::test {

bool is_transaction_control(std::string_view sql) {
  std::string word;
  for (char c : sql) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (word.empty()) continue;
      break;
    }
    word += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return word == "BEGIN" || word == "COMMIT" || word == "ROLLBACK" || word == "SAVEPOINT" || word == "RELEASE" ||
         word == "END";
}

covet::detail::ExecResult FaultInjector::execute(std::string_view sql, std::span<const Value> params,
                                                 const std::function<void(const covet::detail::Row&)>& on_row) {
  if (!counting_) return inner_->execute(sql, params, on_row);
  seen_.emplace_back(sql);
  const bool fire = !fired_ && seen_.size() == fault_.statement;
  if (!fire) return inner_->execute(sql, params, on_row);
  fired_ = true;
  if (fault_.timing == FaultTiming::AfterStatement) inner_->execute(sql, params, on_row);
  raise(sql);
}

void FaultInjector::raise(std::string_view sql) const {
  const std::string message = std::string(kInjectedFault) + " at statement " + std::to_string(seen_.size()) +
                              (fault_.timing == FaultTiming::AfterStatement ? " (after it ran)" : "") + ": " +
                              std::string(sql);
  switch (fault_.error) {
    case FaultError::Operational: throw OperationalError(message, {}, std::string(sql), "fault");
    case FaultError::UniqueViolation: throw UniqueViolation(message, {}, std::string(sql), "fault");
  }
  throw OperationalError(message, {}, std::string(sql), "fault");
}

void FaultInjector::arm(Fault fault) {
  fault_ = fault;
  counting_ = true;
  fired_ = false;
  seen_.clear();
}

void FaultInjector::disarm() {
  fault_ = Fault{};
  counting_ = false;
}

FaultInjector& inject_faults(covet::Database& db) {
  const std::shared_ptr<covet::detail::DatabaseState>& state = covet::detail::DatabaseAccess::state(db);
  if (!state || !state->connection) throw UsageError("inject_faults(): the Database has been closed");
  auto injector = std::make_unique<FaultInjector>(std::move(state->connection));
  FaultInjector& out = *injector;
  state->connection = std::move(injector);
  return out;
}

}  // namespace covet::test
