#include "backend/logging_connection.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

namespace covet::detail {

namespace {

void print(std::string_view sql, std::span<const Value> params, std::chrono::nanoseconds duration, bool failed,
           const std::vector<ServerNotice>& notices) {
  std::string line = "[covet] " + std::to_string(static_cast<double>(duration.count()) / 1e6) + " ms  " +
                     std::string(sql);
  if (!params.empty()) {
    line += "  -- [";
    for (std::size_t i = 0; i < params.size(); ++i) line += (i ? ", " : "") + params[i].debug_string();
    line += "]";
  }
  if (failed) line += "  (failed)";
  line += '\n';
  for (const ServerNotice& n : notices) line += "[covet]   " + n.severity + " " + n.code + ": " + n.message + '\n';
  std::fputs(line.c_str(), stderr);
}

}  // namespace

bool sql_logging_requested() {
  const char* v = std::getenv("COVET_LOG_SQL");
  if (!v) return false;
  const std::string s(v);
  return s == "1" || s == "true" || s == "yes" || s == "on";
}

LoggingConnection::LoggingConnection(std::unique_ptr<Connection> inner, QueryLog& log, bool to_stderr)
    : inner_(std::move(inner)), log_(log), to_stderr_(to_stderr) {
  inner_->set_notice_sink([this](ServerNotice notice) {
    if (listening()) pending_.push_back(std::move(notice));
  });
}

LoggingConnection::~LoggingConnection() { inner_->set_notice_sink({}); }

ExecResult LoggingConnection::execute(std::string_view sql, std::span<const Value> params,
                                      const std::function<void(const Row&)>& on_row) {
  if (!listening()) return inner_->execute(sql, params, on_row);
  return execute_logged(sql, params, on_row);
}

ExecResult LoggingConnection::execute_refs(std::string_view sql, std::span<const ParamRef> params,
                                           const std::function<void(const Row&)>& on_row) {
  if (!listening()) return inner_->execute_refs(sql, params, on_row);
  return execute_logged(sql, to_values(params), on_row);
}

ExecResult LoggingConnection::execute_logged(std::string_view sql, std::span<const Value> params,
                                             const std::function<void(const Row&)>& on_row) {
  // A statement run from inside on_row of this one reports its own notices.
  std::vector<ServerNotice> outer = std::exchange(pending_, {});
  const auto start = std::chrono::steady_clock::now();
  auto report = [&](bool failed) {
    const auto duration = std::chrono::steady_clock::now() - start;
    std::vector<ServerNotice> notices = std::exchange(pending_, std::move(outer));
    if (to_stderr_) print(sql, params, duration, failed, notices);
    if (log_.recording())
      log_.record(sql, params, duration, failed, std::move(notices), !failed && inner_->reused_statement());
  };
  ExecResult result;
  try {
    result = inner_->execute(sql, params, on_row);
  } catch (...) {
    report(true);
    throw;
  }
  report(false);
  return result;
}

class LoggingConnection::LoggedCursor final : public Cursor {
 public:
  LoggedCursor(LoggingConnection& log, std::string_view sql, std::vector<Value> params)
      : log_(log), sql_(sql), params_(params), start_(std::chrono::steady_clock::now()) {
    outer_ = std::exchange(log_.pending_, {});
    try {
      inner_ = log_.inner_->open_cursor(sql, std::move(params));
    } catch (...) {
      report(true);
      throw;
    }
    reused_ = log_.inner_->reused_statement();
  }
  LoggedCursor(const LoggedCursor&) = delete;
  LoggedCursor& operator=(const LoggedCursor&) = delete;
  ~LoggedCursor() override {
    inner_.reset();
    report(false);
  }
  const Row* next() override {
    if (reported_) return nullptr;
    const Row* row = nullptr;
    try {
      row = inner_->next();
    } catch (...) {
      report(true);
      throw;
    }
    if (!row) report(false);
    return row;
  }

 private:
  void report(bool failed) {
    if (reported_) return;
    reported_ = true;
    const auto duration = std::chrono::steady_clock::now() - start_;
    std::vector<ServerNotice> notices = std::exchange(log_.pending_, std::move(outer_));
    if (log_.to_stderr_) print(sql_, params_, duration, failed, notices);
    if (log_.log_.recording())
      log_.log_.record(sql_, params_, duration, failed, std::move(notices), !failed && reused_);
  }

  LoggingConnection& log_;
  std::string sql_;
  std::vector<Value> params_;
  std::chrono::steady_clock::time_point start_;
  std::vector<ServerNotice> outer_;
  std::unique_ptr<Cursor> inner_;
  bool reused_ = false;
  bool reported_ = false;
};

std::unique_ptr<Cursor> LoggingConnection::open_cursor(std::string_view sql, std::vector<Value> params) {
  if (!listening()) return inner_->open_cursor(sql, std::move(params));
  return std::make_unique<LoggedCursor>(*this, sql, std::move(params));
}

}  // namespace covet::detail
