// Row::load_typed's default, over a backend's per-column typed reads: the
// SQLite row has its own, which reads each column's value once.
#include "backend/connection.hpp"

namespace covet::detail {

void Row::load_typed(std::span<const TypedColumn> plan, int first, void* object, std::size_t& at) const {
  for (; at < plan.size(); ++at) {
    const TypedColumn& c = plan[at];
    const int column = first + static_cast<int>(at);
    switch (c.kind) {
      case TypedColumn::Kind::Int64: {
        std::int64_t i = 0;
        if (!read_int64(column, i)) return;
        c.member->set_int64(object, i);
        break;
      }
      case TypedColumn::Kind::Real: {
        double d = 0;
        if (!read_real(column, d)) return;
        c.member->set_real(object, d);
        break;
      }
      case TypedColumn::Kind::Text: {
        std::string_view text;
        if (!read_text(column, text)) return;
        c.member->set_text(object, text);
        break;
      }
      case TypedColumn::Kind::Value: return;
    }
  }
}

}  // namespace covet::detail
