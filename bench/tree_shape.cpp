#include "tree_shape.hpp"

#include <algorithm>
#include <sstream>

namespace covet_bench::trees {

namespace {

constexpr int kRowsPerInsert = 1000;

std::vector<std::string> split(const std::string& columns) {
  std::vector<std::string> out;
  std::stringstream in(columns);
  std::string c;
  while (std::getline(in, c, ',')) {
    c.erase(0, c.find_first_not_of(' '));
    out.push_back(c);
  }
  return out;
}

}  // namespace

const Shape& shape() {
  static const Shape s = [] {
    Shape out;
    out.parent.assign(kNodes, -1);
    out.depth.assign(kNodes, 0);
    for (int i = 1; i < kNodes; ++i) {
      out.parent[static_cast<std::size_t>(i)] = (i - 1) / kFanOut;
      out.depth[static_cast<std::size_t>(i)] = out.depth[static_cast<std::size_t>((i - 1) / kFanOut)] + 1;
    }
    std::vector<int> size(kNodes, 1);
    for (int i = kNodes - 1; i > 0; --i) size[static_cast<std::size_t>((i - 1) / kFanOut)] += size[static_cast<std::size_t>(i)];
    out.lft.assign(kNodes, 0);
    out.rgt.assign(kNodes, 0);
    out.lft[0] = 1;
    for (int i = 0; i < kNodes; ++i) {
      const auto at = static_cast<std::size_t>(i);
      out.rgt[at] = out.lft[at] + 2 * size[at] - 1;
      int next = out.lft[at] + 1;
      for (int c = kFanOut * i + 1; c <= std::min(kFanOut * i + kFanOut, kNodes - 1); ++c) {
        out.lft[static_cast<std::size_t>(c)] = next;
        next += 2 * size[static_cast<std::size_t>(c)];
      }
    }
    return out;
  }();
  return s;
}

std::vector<std::string> tree_population() {
  const Shape& s = shape();
  std::vector<std::string> out;
  out.push_back("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                std::to_string(kNodes - 1) + ") INSERT INTO " + kAlTable + " (" + kAlColumns +
                ") SELECT i + 1, 'node ' || i, CASE WHEN i = 0 THEN CAST(NULL AS BIGINT) ELSE (i - 1) / " +
                std::to_string(kFanOut) + " + 1 END FROM n ORDER BY i");
  for (int begin = 0; begin < kNodes; begin += kRowsPerInsert) {
    std::string sql = std::string("INSERT INTO ") + kNsTable + " (" + kNsColumns + ") VALUES ";
    for (int i = begin; i < std::min(begin + kRowsPerInsert, kNodes); ++i) {
      const auto at = static_cast<std::size_t>(i);
      if (i != begin) sql += ", ";
      sql += "(" + std::to_string(id_of(i)) + ", 'node " + std::to_string(i) + "', " +
             (i == 0 ? std::string("NULL") : std::to_string(id_of(s.parent[at]))) + ", " + std::to_string(s.lft[at]) +
             ", " + std::to_string(s.rgt[at]) + ", 1, " + std::to_string(s.depth[at]) + ")";
    }
    out.push_back(std::move(sql));
  }
  return out;
}

std::vector<std::string> backup_statements(const std::string& table) {
  return {"DROP TABLE IF EXISTS " + table + "_backup",
          "CREATE TABLE " + table + "_backup AS SELECT * FROM " + table,
          "CREATE UNIQUE INDEX " + table + "_backup_id ON " + table + "_backup (id)"};
}

std::vector<std::string> restore_statements(const std::string& table, const std::string& columns, bool postgres) {
  const std::string backup = table + "_backup";
  std::string set;
  std::string differs;
  for (const std::string& c : split(columns)) {
    if (c == "id") continue;
    if (!set.empty()) {
      set += ", ";
      differs += " OR ";
    }
    set += c + " = " + backup + "." + c;
    differs += table + "." + c + (postgres ? " IS DISTINCT FROM " : " IS NOT ") + backup + "." + c;
  }
  return {
      // NOT EXISTS, not NOT IN: PostgreSQL plans NOT IN (subquery) as a
      // nested loop once the keys outgrow work_mem.
      "DELETE FROM " + table + " WHERE NOT EXISTS (SELECT 1 FROM " + backup + " b WHERE b.id = " + table + ".id)",
      "INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM " + backup +
          " WHERE NOT EXISTS (SELECT 1 FROM " + table + " t WHERE t.id = " + backup + ".id)",
      "UPDATE " + table + " SET " + set + " FROM " + backup + " WHERE " + backup + ".id = " + table + ".id AND (" +
          differs + ")",
  };
}

std::string check_query(const std::string& table, bool nested_set, int nodes) {
  const std::string n = std::to_string(nodes);
  const std::string rows = "(SELECT COUNT(*) FROM " + table + ")";
  const std::string orphans = "(SELECT COUNT(*) FROM " + table + " c LEFT JOIN " + table +
                              " p ON p.id = c.parent_id WHERE c.parent_id IS NOT NULL AND p.id IS NULL)";
  const std::string roots = "(SELECT COUNT(*) FROM " + table + " WHERE parent_id IS NULL)";
  if (!nested_set)
    return "SELECT CASE WHEN " + rows + " <> " + n + " THEN 1 WHEN " + orphans + " <> 0 THEN 2 WHEN " + roots +
           " <> 1 THEN 3 ELSE 0 END";
  const std::string bounds = "(SELECT COUNT(*) FROM (SELECT lft AS v FROM " + table + " UNION SELECT rgt FROM " +
                             table + ") b WHERE v BETWEEN 1 AND 2 * " + n + ")";
  const std::string misplaced = "(SELECT COUNT(*) FROM " + table + " c JOIN " + table +
                                " p ON p.id = c.parent_id WHERE NOT (c.lft > p.lft AND c.rgt < p.rgt AND c.level = "
                                "p.level + 1 AND c.tree_id = p.tree_id))";
  const std::string empty = "(SELECT COUNT(*) FROM " + table + " WHERE rgt <= lft OR (rgt - lft) % 2 = 0)";
  return "SELECT CASE WHEN " + rows + " <> " + n + " THEN 1 WHEN " + orphans + " <> 0 THEN 2 WHEN " + roots +
         " <> 1 THEN 3 WHEN " + bounds + " <> 2 * " + n + " THEN 4 WHEN " + misplaced + " <> 0 THEN 5 WHEN " + empty +
         " <> 0 THEN 6 ELSE 0 END";
}

}  // namespace covet_bench::trees
