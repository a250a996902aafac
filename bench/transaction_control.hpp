// Whether a statement only opens or ends a transaction (BEGIN, COMMIT,
// ROLLBACK, SAVEPOINT, RELEASE). covet_tree_bench leaves those out of its
// statement counts on every side, as Django's CaptureQueriesContext leaves
// out the driver's BEGIN and COMMIT, so the peers' counts and ours mean the
// same: the statements that read, write or lock.
#pragma once

#include <cctype>
#include <string_view>

namespace covet_bench {

inline bool is_transaction_control(std::string_view sql) {
  while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.front()))) sql.remove_prefix(1);
  const auto starts = [&](std::string_view word) {
    if (sql.size() < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
      if (std::toupper(static_cast<unsigned char>(sql[i])) != word[i]) return false;
    return sql.size() == word.size() || !std::isalnum(static_cast<unsigned char>(sql[word.size()]));
  };
  return starts("BEGIN") || starts("COMMIT") || starts("ROLLBACK") || starts("SAVEPOINT") || starts("RELEASE") ||
         starts("END");
}

}  // namespace covet_bench
