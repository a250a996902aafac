// The PostgreSQL type OIDs Covet binds its parameters as and reads its
// results by (postgres_connection.cpp, postgres_row.cpp), from pg_type.dat:
// stable across PostgreSQL versions.
#pragma once

#include <libpq-fe.h>

namespace covet::detail::pg {

inline constexpr Oid kUnknownOid = 0;
inline constexpr Oid kBoolOid = 16;
inline constexpr Oid kByteaOid = 17;
inline constexpr Oid kInt8Oid = 20;
inline constexpr Oid kInt2Oid = 21;
inline constexpr Oid kInt4Oid = 23;
inline constexpr Oid kOidOid = 26;
inline constexpr Oid kFloat4Oid = 700;
inline constexpr Oid kFloat8Oid = 701;
inline constexpr Oid kDateOid = 1082;
inline constexpr Oid kTimestampOid = 1114;
inline constexpr Oid kNumericOid = 1700;
inline constexpr Oid kUuidOid = 2950;

}  // namespace covet::detail::pg
