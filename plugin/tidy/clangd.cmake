# covet-clangd (tidy/ClangdMain.cpp): clangd 19 built from Debian's
# libclangdMain.a, with covet_tidy_objects and covet_plugin_objects linked in.
# Included from plugin/CMakeLists.txt when COVET_BUILD_IDE is on.
#
# Debian builds clangd against libclang-cpp.so and libLLVM.so, so this links
# in seconds: only clangd's own archives (clangdMain, clangDaemon, clangTidy
# and its modules) are static.
find_package(Clang 19.1 CONFIG QUIET PATHS ${COVET_LLVM_DIR}/lib/cmake/clang NO_DEFAULT_PATH)
if(NOT TARGET clangdMain)
  message(FATAL_ERROR "covet-clangd: Clang 19's CMake package (with target clangdMain) not found under "
                      "${COVET_LLVM_DIR}/lib/cmake/clang (install libclang-19-dev, or configure with -DCOVET_BUILD_IDE=OFF)")
endif()

# Debian's clangd has the gRPC remote index, so clangdMain's link interface
# names protobuf, grpc, grpc++, gpr and absl_synchronization as plain library
# names; their unversioned .so links come only with the -dev packages, which
# nothing else here needs. Without them, link the runtime libraries that
# clangd-19 itself loads.
foreach(lib protobuf gpr grpc grpc++ absl_synchronization)
  if(TARGET ${lib})
    continue()
  endif()
  find_library(COVET_CLANGD_LIB_${lib} NAMES ${lib})
  if(COVET_CLANGD_LIB_${lib})
    continue()
  endif()
  file(GLOB candidates /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/lib${lib}.so.* /usr/lib/lib${lib}.so.*)
  if(NOT candidates)
    message(FATAL_ERROR "covet-clangd: lib${lib}.so not found; clangd-19's dependencies provide it "
                        "(install clangd-19, or configure with -DCOVET_BUILD_IDE=OFF)")
  endif()
  # The shortest name is the soname (libgrpc.so.29, not libgrpc.so.29.0.0).
  list(SORT candidates)
  list(GET candidates 0 soname)
  add_library(${lib} SHARED IMPORTED)
  set_target_properties(${lib} PROPERTIES IMPORTED_LOCATION ${soname})
endforeach()

add_executable(covet_clangd
  tidy/ClangdMain.cpp $<TARGET_OBJECTS:covet_tidy_objects> $<TARGET_OBJECTS:covet_plugin_objects>)
# Installed, it keeps finding the libclang-cpp.so and libLLVM.so it was
# built against, as it does in the build tree.
set_target_properties(covet_clangd PROPERTIES
  OUTPUT_NAME covet-clangd
  INSTALL_RPATH ${COVET_LLVM_DIR}/lib)
covet_clang_flags(covet_clangd)
# Clang's builtin headers, which clangd would otherwise look for beside
# covet-clangd (ClangdMain.cpp).
execute_process(COMMAND ${COVET_LLVM_DIR}/bin/clang -print-resource-dir
                OUTPUT_VARIABLE COVET_CLANG_RESOURCE_DIR OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE resource_dir_status)
if(NOT resource_dir_status EQUAL 0 OR NOT EXISTS ${COVET_CLANG_RESOURCE_DIR}/include)
  message(FATAL_ERROR "covet-clangd: '${COVET_LLVM_DIR}/bin/clang -print-resource-dir' gave no resource "
                      "directory ('${COVET_CLANG_RESOURCE_DIR}'); install clang-19, or configure with -DCOVET_BUILD_IDE=OFF")
endif()
set_source_files_properties(tidy/ClangdMain.cpp PROPERTIES
  COMPILE_DEFINITIONS "COVET_CLANG_RESOURCE_DIR=\"${COVET_CLANG_RESOURCE_DIR}\"")
# clangd's code actions ("tweaks": extract variable, expand auto, ...)
# register themselves from static initializers, so their archive is linked
# whole, and by path: its CMake target would also pull in static copies of
# the Clang libraries that libclang-cpp.so already provides.
target_link_libraries(covet_clangd PRIVATE
  clangdMain
  -Wl,--whole-archive ${COVET_LLVM_DIR}/lib/libclangDaemonTweaks.a -Wl,--no-whole-archive)
install(TARGETS covet_clangd EXPORT CovetTargets RUNTIME DESTINATION bin)
