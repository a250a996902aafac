# The fuzz targets as replay programs (fuzz/replay_main.cpp instead of
# libFuzzer), built in the main project when COVET_BUILD_FUZZ_REPLAY is on:
# build-asan/ turns it on, so `make test` replays the committed corpus under
# that build's ASan + UBSan, with the runtime it has already compiled.
# Campaigns (`make fuzz`) still build the libFuzzer targets in build-fuzz/
# from fuzz/CMakeLists.txt.
foreach(name query url value)
  add_executable(${name}_replay ${CMAKE_CURRENT_LIST_DIR}/${name}_fuzzer.cpp ${CMAKE_CURRENT_LIST_DIR}/replay_main.cpp)
  target_link_libraries(${name}_replay PRIVATE covet::runtime)
  # White-box targets: the runtime's internal headers (url.hpp, iso8601.hpp).
  target_include_directories(${name}_replay PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../runtime)
  target_compile_options(${name}_replay PRIVATE -Wall -Wextra)
  set_target_properties(${name}_replay PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
endforeach()
covet_add_models(query_replay ${CMAKE_CURRENT_LIST_DIR}/models.hpp)
find_package(PkgConfig REQUIRED)
pkg_check_modules(COVET_REPLAY_LIBPQ REQUIRED IMPORTED_TARGET libpq)
target_link_libraries(url_replay PRIVATE PkgConfig::COVET_REPLAY_LIBPQ)
