#include "raw_postgres.hpp"
#include "transaction_control.hpp"

#include <stdexcept>

namespace covet_bench::raw {

namespace {
std::string trimmed(const char* message) {
  std::string s = message != nullptr ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}
}  // namespace

void PostgresStatement::execute() {
  for (std::size_t i = 0; i < values_.size(); ++i)
    if (pointers_[i] != nullptr) pointers_[i] = values_[i].c_str();
  ++*executed_;
  result_ = PQexecPrepared(conn_, name_.c_str(), static_cast<int>(values_.size()), pointers_.data(), nullptr,
                           nullptr, 0);
  const ExecStatusType status = PQresultStatus(result_);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    throw std::runtime_error("libpq: " + trimmed(PQresultErrorMessage(result_)) + " running " + name_);
  row_ = -1;
  rows_ = PQntuples(result_);
}

Postgres::Postgres(const std::string& url, const std::string& schema) : conn_(PQconnectdb(url.c_str())) {
  if (PQstatus(conn_) != CONNECTION_OK) {
    const std::string why = trimmed(PQerrorMessage(conn_));
    PQfinish(conn_);
    throw std::runtime_error("libpq: cannot connect to " + url + ": " + why);
  }
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);  // DROP ... CASCADE notices
  if (!schema.empty()) exec("SET search_path TO " + schema);
}

Postgres::~Postgres() {
  statements_.clear();
  PQfinish(conn_);
}

void Postgres::exec(const std::string& sql) {
  if (is_transaction_control(sql)) ++transaction_control_;
  ++executed_;
  PGresult* r = PQexec(conn_, sql.c_str());
  const ExecStatusType status = PQresultStatus(r);
  const std::string why = trimmed(PQresultErrorMessage(r));
  PQclear(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw std::runtime_error("libpq: " + why + " in " + sql.substr(0, 200));
}

PostgresStatement& Postgres::prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return *it->second;
  std::string text;
  text.reserve(sql.size() + sql.size() / 4);
  int params = 0;
  for (char c : sql) {
    if (c == '?')
      text += "$" + std::to_string(++params);
    else
      text += c;
  }
  std::string name = "raw_s" + std::to_string(statements_.size() + 1);
  PGresult* r = PQprepare(conn_, name.c_str(), text.c_str(), params, nullptr);
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  const std::string why = trimmed(PQresultErrorMessage(r));
  PQclear(r);
  if (!ok) throw std::runtime_error("libpq: " + why + " preparing " + text.substr(0, 200));
  return *statements_.emplace(sql, std::make_unique<Statement>(conn_, std::move(name), params, &executed_))
              .first->second;
}

}  // namespace covet_bench::raw
