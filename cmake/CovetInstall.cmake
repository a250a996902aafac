# Installation and package export.
#
#   cmake --install build --prefix /opt/covet
#
# lays out
#   include/covet/...                    the public headers
#   lib/libcovet.a                       covet::runtime
#   lib/covet/covet.so                   the Clang plugin, covet::plugin
#   lib/covet/covet-tidy.so              the clang-tidy module, covet::tidy_module
#   bin/covet-clangd                     clangd with Covet's checks, covet::clangd
#                                        (both when built with COVET_BUILD_IDE; docs/ide.md)
#   lib/cmake/Covet/CovetConfig.cmake    find_package(Covet): targets, COVET_PLUGIN,
#                                        COVET_TIDY_MODULE, COVET_CLANGD,
#                   CovetConfigVersion.cmake  covet_add_models()
#                   CovetTargets*.cmake
#                   CovetModels.cmake
#
# A project that uses Covet through add_subdirectory() does not install it
# unless it sets COVET_INSTALL=ON.
include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

option(COVET_INSTALL "Generate Covet's install rules" ${PROJECT_IS_TOP_LEVEL})

# Tell out-of-tree builds of this checkout (the Makefile's sanitizer and GCC
# builds) where the plugin built here is, so they can reuse it instead of
# building the plugin with flags clang cannot load.
if(TARGET covet_plugin)
  file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/covet-plugin-path.txt
       CONTENT "$<TARGET_FILE:covet_plugin>\n")
endif()

if(NOT COVET_INSTALL)
  return()
endif()

set(COVET_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/Covet)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/covet
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h" PATTERN "*.inc")

install(TARGETS covet_runtime EXPORT CovetTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# plugin/CMakeLists.txt installs covet_plugin into the CovetTargets export
# set (lib/covet/covet.so); here it only gets its exported name.
if(TARGET covet_plugin)
  set_target_properties(covet_plugin PROPERTIES EXPORT_NAME plugin)
  set(COVET_HAS_PLUGIN ON)
else()
  set(COVET_HAS_PLUGIN OFF)
endif()
# The IDE front ends likewise (plugin/CMakeLists.txt, plugin/tidy/clangd.cmake).
if(TARGET covet_tidy AND TARGET covet_clangd)
  set_target_properties(covet_tidy PROPERTIES EXPORT_NAME tidy_module)
  set_target_properties(covet_clangd PROPERTIES EXPORT_NAME clangd)
  set(COVET_HAS_IDE ON)
else()
  set(COVET_HAS_IDE OFF)
endif()

install(EXPORT CovetTargets NAMESPACE covet::
        FILE CovetTargets.cmake
        DESTINATION ${COVET_CMAKE_INSTALL_DIR})

configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/CovetConfig.cmake.in
  ${PROJECT_BINARY_DIR}/CovetConfig.cmake
  INSTALL_DESTINATION ${COVET_CMAKE_INSTALL_DIR}
  NO_CHECK_REQUIRED_COMPONENTS_MACRO)
# 0.x: minor versions may break the API, so only the same minor matches.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/CovetConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)

install(FILES
          ${PROJECT_BINARY_DIR}/CovetConfig.cmake
          ${PROJECT_BINARY_DIR}/CovetConfigVersion.cmake
          ${CMAKE_CURRENT_LIST_DIR}/CovetModels.cmake
        DESTINATION ${COVET_CMAKE_INSTALL_DIR})
