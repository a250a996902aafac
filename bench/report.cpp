#include "report.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace covet_bench {

namespace {

constexpr double kLoadGoal = 1.15;
constexpr double kGetGoal = 1.30;
constexpr double kInsertGoal = 0.90;  // Covet's rows/s over the hand-written code's

// One line of the table.
struct Row {
  const Case* c = nullptr;
  Target target{};
  const Measurement* m = nullptr;
  const SideResult* covet = nullptr;
  const SideResult* raw = nullptr;
  std::size_t promised = 0;
  bool timed = false;  // both sides ran without error
  double ratio = 0;    // Covet's time over the hand-written code's
  bool goal_met = false;
  bool statements_ok = false;
  bool checksums_ok = true;
};

std::string format(const char* pattern, double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, pattern, v);
  return buffer;
}

std::string format_time(double seconds) {
  if (seconds < 1e-3) return format("%.1f µs", seconds * 1e6);
  if (seconds < 1) return format("%.2f ms", seconds * 1e3);
  return format("%.2f s", seconds);
}

std::string format_rate(double rows_per_second) {
  if (rows_per_second >= 1e6) return format("%.2fM rows/s", rows_per_second / 1e6);
  if (rows_per_second >= 1e3) return format("%.0fk rows/s", rows_per_second / 1e3);
  return format("%.0f rows/s", rows_per_second);
}

std::string goal_text(Goal goal) {
  switch (goal) {
    case Goal::Load: return format("≤ %.2fx", kLoadGoal);
    case Goal::GetByKey: return format("≤ %.2fx", kGetGoal);
    case Goal::Insert: return format("≥ %.0f%% rows/s", kInsertGoal * 100);
    case Goal::None: return "—";
  }
  return "?";
}

std::vector<Row> rows(const std::vector<Target>& targets) {
  std::vector<Row> out;
  auto& all = measurements();
  for (const Case& c : all_cases()) {
    for (Target t : targets) {
      auto found = all.find(benchmark_name(c, t));
      if (found == all.end() || !found->second.ran) continue;
      Row r;
      r.c = &c;
      r.target = t;
      r.m = &found->second;
      r.covet = &r.m->covet;
      r.raw = &r.m->raw;
      r.timed = r.m->error.empty() && r.covet->error.empty() && r.raw->error.empty() && seconds(*r.raw) > 0 &&
                seconds(*r.covet) > 0;
      if (r.timed) {
        r.ratio = seconds(*r.covet) / seconds(*r.raw);
        r.statements_ok = r.covet->statements == r.m->promised;
        r.checksums_ok = !c.same_checksum || r.covet->checksum == r.raw->checksum;
        switch (c.goal) {
          case Goal::Load: r.goal_met = r.ratio <= kLoadGoal; break;
          case Goal::GetByKey: r.goal_met = r.ratio <= kGetGoal; break;
          case Goal::Insert: r.goal_met = 1 / r.ratio >= kInsertGoal; break;
          case Goal::None: r.goal_met = true; break;
        }
      }
      r.promised = r.m->promised;
      out.push_back(r);
    }
  }
  return out;
}

std::string result_text(const Row& r) {
  if (!r.timed) return "ERROR";
  if (!r.checksums_ok) return "WRONG";
  std::string s = r.c->goal == Goal::None ? "—" : (r.goal_met ? "PASS" : "MISS");
  if (!r.statements_ok) s += r.c->goal == Goal::None ? " (statements)" : " (+statements)";
  return s;
}

std::string time_cell(const Row& r, const SideResult& m) {
  if (!r.m->error.empty() || !m.error.empty()) return "error";
  std::string s = format_time(seconds(m));
  if (r.c->rows_written > 0) s += ", " + format_rate(static_cast<double>(r.c->rows_written) / seconds(m));
  return s;
}

std::string ratio_cell(const Row& r) {
  if (!r.timed) return "—";
  std::string s = format("%.2fx", r.ratio);
  if (r.c->goal == Goal::Insert) s += format(" (%.0f%% rows/s)", 100 / r.ratio);
  return s;
}

std::string statements_cell(const Row& r) {
  if (!r.m->error.empty() || !r.covet->error.empty()) return "—";
  return std::to_string(r.covet->statements) + (r.statements_ok ? " = " : " ≠ ") + std::to_string(r.promised) +
         " (raw " + std::to_string(r.raw->statements) + ")";
}

// Display width: the table holds a few multi-byte characters (µ, ≤, ≥, ≠, —).
std::size_t width(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  }));
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (static_cast<unsigned char>(ch) < 0x20) {
      out += format("\\u%04x", static_cast<unsigned char>(ch));
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

}  // namespace

std::map<std::string, Measurement>& measurements() {
  static std::map<std::string, Measurement> all;
  return all;
}

std::string benchmark_name(const Case& c, Target target) { return c.id + "/" + std::string(target_name(target)); }

double seconds(const SideResult& r) {
  if (r.samples.empty()) return 0;
  std::vector<double> v = r.samples;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

void CollectingReporter::ReportRuns(const std::vector<Run>& runs) {
  for (const Run& run : runs) {
    auto it = measurements().find(run.run_name.function_name);
    if (it == measurements().end()) continue;
    it->second.ran = true;
    if (run.error_occurred && it->second.error.empty()) it->second.error = run.error_message;
  }
  ConsoleReporter::ReportRuns(runs);
}

void print_table(std::ostream& out, const std::vector<Target>& targets) {
  const std::vector<std::string> header = {"case", "target", "Covet", "hand-written", "Covet/raw",
                                           "goal", "result", "statements: Covet = promised (raw)"};
  std::vector<std::vector<std::string>> lines;
  for (const Row& r : rows(targets))
    lines.push_back({r.c->title, std::string(target_name(r.target)), time_cell(r, *r.covet), time_cell(r, *r.raw),
                     ratio_cell(r), goal_text(r.c->goal), result_text(r), statements_cell(r)});
  if (lines.empty()) {
    out << "\nNo case ran on both sides; nothing to compare.\n";
    return;
  }
  std::vector<std::size_t> widths(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) widths[i] = width(header[i]);
  for (const auto& line : lines)
    for (std::size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], width(line[i]));
  const auto print = [&](const std::vector<std::string>& cells) {
    out << "|";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      // Numbers right-aligned, words left.
      const bool right = i >= 2 && i <= 4;
      const std::string pad(widths[i] - width(cells[i]), ' ');
      out << ' ' << (right ? pad + cells[i] : cells[i] + pad) << " |";
    }
    out << '\n';
  };
  out << '\n';
  print(header);
  out << "|";
  for (std::size_t i = 0; i < widths.size(); ++i)
    out << (i >= 2 && i <= 4 ? " " + std::string(widths[i] - 1, '-') + ": |" : " " + std::string(widths[i], '-') + " |");
  out << '\n';
  for (const auto& line : lines) print(line);

  // What the cells cannot hold.
  for (const Row& r : rows(targets)) {
    if (!r.m->error.empty()) out << "\n" << r.c->title << " on " << target_name(r.target) << ": " << r.m->error;
    if (!r.covet->error.empty())
      out << "\n" << r.c->title << " on " << target_name(r.target) << ", Covet: " << r.covet->error;
    if (!r.raw->error.empty())
      out << "\n" << r.c->title << " on " << target_name(r.target) << ", hand-written: " << r.raw->error;
    if (!r.checksums_ok)
      out << "\n" << r.c->title << " on " << target_name(r.target) << ": the two sides read different data (checksum "
          << r.covet->checksum << " vs " << r.raw->checksum << ")";
  }
  out << '\n';
}

void write_json(const std::string& path, const std::vector<Target>& targets) {
  std::ofstream out(path);
  if (!out) throw std::runtime_error("cannot write " + path);
  out << "[\n";
  bool first = true;
  for (const Row& r : rows(targets)) {
    out << (first ? "  {" : ",\n  {");
    first = false;
    out << "\"case\": " << json_string(r.c->id) << ", \"title\": " << json_string(r.c->title)
        << ", \"target\": " << json_string(std::string(target_name(r.target)))
        << ", \"covet_seconds\": " << (seconds(*r.covet) > 0 ? format("%.9g", seconds(*r.covet)) : "null")
        << ", \"raw_seconds\": " << (seconds(*r.raw) > 0 ? format("%.9g", seconds(*r.raw)) : "null")
        << ", \"ratio\": " << (r.timed ? format("%.4f", r.ratio) : "null") << ", \"goal\": " << json_string(goal_text(r.c->goal))
        << ", \"result\": " << json_string(result_text(r)) << ", \"rows_written\": " << r.c->rows_written
        << ", \"covet_statements\": " << r.covet->statements << ", \"promised_statements\": " << r.promised
        << ", \"raw_statements\": " << r.raw->statements << ", \"covet_checksum\": " << r.covet->checksum
        << ", \"raw_checksum\": " << r.raw->checksum << ", \"same_checksum\": " << (r.c->same_checksum ? "true" : "false")
        << ", \"error\": " << json_string(r.m->error) << ", \"covet_error\": " << json_string(r.covet->error)
        << ", \"raw_error\": " << json_string(r.raw->error) << "}";
  }
  out << "\n]\n";
}

}  // namespace covet_bench
