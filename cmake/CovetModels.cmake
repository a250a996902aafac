# covet_add_models(<target> [NO_SOURCE_CHECKS] [GRAPH] <header>...)
#
# Runs the Covet Clang plugin over the model headers, which checks the model
# graph (errors stop the build) and emits <target>.covet.cpp with the typed
# metadata and <target>.covet.json with the model graph; adds that source to
# <target> and links covet::runtime. Then, unless NO_SOURCE_CHECKS is given
# or COVET_SOURCE_CHECKS is OFF, checks the lookup strings of every C++ source
# of <target> (covet_check_sources() below). The target itself may be built by
# any C++20 compiler; only these steps need clang-19.
#
#   add_executable(app main.cpp orders.cpp)
#   covet_add_models(app models.hpp)
#
# GRAPH also draws the model graph (docs/diagrams.md): <target>.covet.dot
# (Graphviz) and <target>.covet.mmd (Mermaid) beside the metadata, and, when
# Graphviz's `dot` is installed (COVET_DOT), <target>.covet.svg, rendered
# whenever the models change. The target property COVET_MODEL_DIAGRAMS lists
# the files.
#
# covet_check_sources(<target> [MODELS <models-target>...])
#
# Checks the lookup strings (filter, exclude, get, order_by, select_related,
# prefetch_related, only, defer, and filter values of a known type) of every
# C++ source of <target> against the model graphs of the MODELS targets
# (default: <target> itself), whatever compiler builds <target>: one step per
# source runs the plugin in check-only mode (clang++-19 -fsyntax-only, with
# the target's include directories, definitions and C++ standard, no other
# flag) and touches a stamp. A lookup typo fails the build with the plugin's
# diagnostic (file:line:col). A source is checked again only when it, a
# header it includes, a model graph or the plugin changes. The sources are
# the target's SOURCES at the end of the directory that calls this function
# (so target_sources() calls after it count); generated sources and headers
# are left out. A target that uses the models of another one:
#
#   covet_add_models(shop_models models.hpp)         # a library with the models
#   add_executable(app main.cpp)
#   target_link_libraries(app PRIVATE shop_models)
#   covet_check_sources(app MODELS shop_models)
#
# COVET_CLANG (clang++-19) and COVET_PLUGIN (path of covet.so, or the in-tree
# target) are set by this project or by CovetConfig.cmake.
include_guard(GLOBAL)

if(NOT COVET_CLANG)
  find_program(COVET_CLANG NAMES clang++-19 PATHS /usr/lib/llvm-19/bin REQUIRED)
endif()

# Graphviz, for covet_add_models(... GRAPH): optional, the DOT and Mermaid
# files are written without it.
find_program(COVET_DOT NAMES dot DOC "Graphviz dot, renders covet_add_models(... GRAPH) diagrams as SVG")

option(COVET_SOURCE_CHECKS
       "covet_add_models() also checks the lookup strings of the target's sources" ON)

# The plugin to load (<var>) and what a step that runs it depends on (<var>_dep).
function(_covet_plugin var)
  if(TARGET covet_plugin)
    set(${var} $<TARGET_FILE:covet_plugin> PARENT_SCOPE)
    set(${var}_dep covet_plugin PARENT_SCOPE)
  elseif(COVET_PLUGIN)
    set(${var} ${COVET_PLUGIN} PARENT_SCOPE)
    set(${var}_dep ${COVET_PLUGIN} PARENT_SCOPE)
  else()
    message(FATAL_ERROR "Covet: the Covet plugin is not available "
                        "(configure Covet with COVET_BUILD_PLUGIN=ON or find_package(Covet))")
  endif()
endfunction()

function(covet_add_models target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "NO_SOURCE_CHECKS;GRAPH" "" "")
  if(NOT arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "covet_add_models(${target}): name at least one model header")
  endif()
  _covet_plugin(plugin)

  set(headers)
  set(includes)
  foreach(h IN LISTS arg_UNPARSED_ARGUMENTS)
    get_filename_component(abs ${h} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    list(APPEND headers ${abs})
    string(APPEND includes "#include \"${abs}\"\n")
  endforeach()

  set(dir ${CMAKE_CURRENT_BINARY_DIR}/covet_models)
  set(wrapper ${dir}/${target}.models.hpp)
  set(out ${dir}/${target}.covet.cpp)
  set(graph ${dir}/${target}.covet.json)
  set(diagrams)
  set(diagram_args)
  if(arg_GRAPH)
    set(diagrams ${dir}/${target}.covet.dot ${dir}/${target}.covet.mmd)
    foreach(d IN LISTS diagrams)
      list(APPEND diagram_args "-fplugin-arg-covet-emit-diagram=${d}")
    endforeach()
  endif()
  file(MAKE_DIRECTORY ${dir})
  file(CONFIGURE OUTPUT ${wrapper}
       CONTENT "// The model headers of target ${target}, read by the Covet plugin.\n${includes}")

  get_target_property(covet_includes covet::runtime INTERFACE_INCLUDE_DIRECTORIES)
  # FILTER: a generator expression that is false for this configuration
  # leaves an empty entry, which would become a lone -I / -D.
  set(tgt_includes "$<FILTER:$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>,EXCLUDE,^$>")
  set(tgt_defs "$<FILTER:$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>,EXCLUDE,^$>")
  # The plugin rewrites the metadata and the graph only when they change, so
  # that what depends on them is not rebuilt for nothing; the stamp records
  # that the step ran (else Make would run it again on every build once a
  # header changed without changing them).
  set(stamp ${dir}/${target}.models.stamp)
  add_custom_command(
    OUTPUT ${stamp} ${out} ${graph} ${diagrams}
    COMMAND ${COVET_CLANG} -std=c++20 -fsyntax-only -x c++
            "-fplugin=${plugin}" "-fplugin-arg-covet-emit=${out}"
            "-fplugin-arg-covet-emit-graph=${graph}" ${diagram_args}
            "$<$<BOOL:${tgt_includes}>:-I$<JOIN:${tgt_includes},;-I>>"
            "-I$<JOIN:${covet_includes},;-I>"
            "$<$<BOOL:${tgt_defs}>:-D$<JOIN:${tgt_defs},;-D>>"
            -MD -MF ${stamp}.d -MT ${stamp}
            ${wrapper}
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    DEPENDS ${headers} ${wrapper} ${plugin_dep}
    DEPFILE ${stamp}.d
    COMMAND_EXPAND_LISTS
    COMMENT "Covet: checking models and emitting metadata for ${target}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
  # The emitted metadata fills structs with designated initializers that leave
  # defaulted members out; under -Wextra (GCC, Clang) each one would warn, in
  # the user's build, about code the user did not write.
  set_source_files_properties(${out} PROPERTIES COMPILE_OPTIONS -Wno-missing-field-initializers)
  target_link_libraries(${target} PRIVATE covet::runtime)
  set_property(TARGET ${target} PROPERTY COVET_MODEL_GRAPH ${graph})

  if(arg_GRAPH)
    if(COVET_DOT)
      set(svg ${dir}/${target}.covet.svg)
      add_custom_command(
        OUTPUT ${svg}
        COMMAND ${COVET_DOT} -Tsvg ${dir}/${target}.covet.dot -o ${svg}
        DEPENDS ${dir}/${target}.covet.dot
        COMMENT "Covet: drawing the models of ${target} (${target}.covet.svg)"
        VERBATIM)
      list(APPEND diagrams ${svg})
    else()
      message(STATUS "Covet: Graphviz 'dot' not found: the models of ${target} are drawn as "
                     "DOT and Mermaid only (apt-get install graphviz for an SVG)")
    endif()
    # Listed as sources, the diagrams are made with the target (they compile
    # to nothing; the source checks leave generated files out).
    target_sources(${target} PRIVATE ${diagrams})
    set_property(TARGET ${target} PROPERTY COVET_MODEL_DIAGRAMS ${diagrams})
  endif()

  if(COVET_SOURCE_CHECKS AND NOT arg_NO_SOURCE_CHECKS)
    covet_check_sources(${target})
  endif()
endfunction()

function(covet_check_sources target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "MODELS")
  if(NOT TARGET ${target})
    message(FATAL_ERROR "covet_check_sources(${target}): no such target")
  endif()
  set(models ${arg_MODELS})
  if(NOT models)
    set(models ${target})
  endif()
  set(graphs)
  foreach(m IN LISTS models)
    get_target_property(g ${m} COVET_MODEL_GRAPH)
    if(NOT g)
      message(FATAL_ERROR "covet_check_sources(${target}): ${m} has no models; "
                          "call covet_add_models(${m} <header>...) first")
    endif()
    list(APPEND graphs ${g})
  endforeach()
  set_property(TARGET ${target} APPEND PROPERTY COVET_CHECK_GRAPHS ${graphs})
  set_property(TARGET ${target} APPEND PROPERTY COVET_CHECK_MODELS ${models})
  get_target_property(deferred ${target} COVET_CHECKS_DEFERRED)
  if(NOT deferred)
    set_property(TARGET ${target} PROPERTY COVET_CHECKS_DEFERRED ON)
    # Deferred to the end of this directory, when the target has all its
    # sources; EVAL freezes the target's name now.
    cmake_language(EVAL CODE "cmake_language(DEFER CALL _covet_add_source_checks [[${target}]])")
  endif()
endfunction()

# The -std= for the check of target: its C++ standard (C++20 at least, which
# Covet needs), GNU dialect unless the target turns extensions off.
function(_covet_std var target)
  get_target_property(std ${target} CXX_STANDARD)
  if(NOT std OR std LESS 20 OR std GREATER_EQUAL 98)
    set(std 20)
  endif()
  if(std EQUAL 26)
    set(std 2c)
  endif()
  get_target_property(ext ${target} CXX_EXTENSIONS)
  if(ext STREQUAL "ext-NOTFOUND" OR ext)
    set(${var} -std=gnu++${std} PARENT_SCOPE)
  else()
    set(${var} -std=c++${std} PARENT_SCOPE)
  endif()
endfunction()

function(_covet_add_source_checks target)
  _covet_plugin(plugin)
  _covet_std(std ${target})
  get_target_property(graphs ${target} COVET_CHECK_GRAPHS)
  list(REMOVE_DUPLICATES graphs)
  set(graph_args)
  foreach(g IN LISTS graphs)
    list(APPEND graph_args "-fplugin-arg-covet-graph=${g}")
  endforeach()
  get_target_property(src_dir ${target} SOURCE_DIR)
  get_target_property(sources ${target} SOURCES)
  get_target_property(covet_includes covet::runtime INTERFACE_INCLUDE_DIRECTORIES)
  get_directory_property(dir_defs DIRECTORY ${src_dir} COMPILE_DEFINITIONS)
  # Only -I, -D and -std: the target's other flags may be GCC's.
  # FILTER: a generator expression that is false for this configuration
  # leaves an empty entry, which would become a lone -I / -D.
  set(tgt_includes "$<FILTER:$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>,EXCLUDE,^$>")
  set(tgt_defs "$<FILTER:$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>,EXCLUDE,^$>")
  set(stamp_dir ${CMAKE_CURRENT_BINARY_DIR}/covet_checks/${target})

  set(stamps)
  foreach(src IN LISTS sources)
    if(src MATCHES "\\$<")
      continue()  # a generator expression: not known before generation
    endif()
    get_filename_component(abs ${src} ABSOLUTE BASE_DIR ${src_dir})
    if(NOT abs MATCHES "\\.(cpp|cc|cxx|c\\+\\+|cp|CPP|C)$")
      continue()
    endif()
    get_source_file_property(generated ${abs} TARGET_DIRECTORY ${target} GENERATED)
    get_source_file_property(header_only ${abs} TARGET_DIRECTORY ${target} HEADER_FILE_ONLY)
    get_source_file_property(language ${abs} TARGET_DIRECTORY ${target} LANGUAGE)
    if(generated OR header_only OR (language AND NOT language STREQUAL "CXX"))
      continue()  # the generated .covet.cpp among them
    endif()
    get_source_file_property(src_defs ${abs} TARGET_DIRECTORY ${target} COMPILE_DEFINITIONS)
    get_source_file_property(src_includes ${abs} TARGET_DIRECTORY ${target} INCLUDE_DIRECTORIES)
    # The directory's and the source's own -D / -I (their entries may be
    # generator expressions too).
    set(defs ${dir_defs})
    if(src_defs)
      list(APPEND defs ${src_defs})
    endif()
    set(incs)
    if(src_includes)
      set(incs ${src_includes})
    endif()
    set(defs "$<FILTER:${defs},EXCLUDE,^$>")
    set(incs "$<FILTER:${incs},EXCLUDE,^$>")
    set(src_defs "$<$<BOOL:${defs}>:-D$<JOIN:${defs},;-D>>")
    set(src_includes "$<$<BOOL:${incs}>:-I$<JOIN:${incs},;-I>>")

    file(RELATIVE_PATH rel ${src_dir} ${abs})
    if(rel MATCHES "^\\.\\./")
      string(MAKE_C_IDENTIFIER "${abs}" rel)
    endif()
    set(stamp ${stamp_dir}/${rel}.stamp)
    get_filename_component(parent ${stamp} DIRECTORY)
    file(MAKE_DIRECTORY ${parent})  # clang writes the depfile there
    add_custom_command(
      OUTPUT ${stamp}
      COMMAND ${COVET_CLANG} ${std} -fsyntax-only -w
              "-fplugin=${plugin}" ${graph_args}
              "${src_defs}" "${src_includes}"
              "$<$<BOOL:${tgt_includes}>:-I$<JOIN:${tgt_includes},;-I>>"
              "-I$<JOIN:${covet_includes},;-I>"
              "$<$<BOOL:${tgt_defs}>:-D$<JOIN:${tgt_defs},;-D>>"
              -MD -MF ${stamp}.d -MT ${stamp}
              ${abs}
      COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
      DEPENDS ${abs} ${graphs} ${plugin_dep}
      DEPFILE ${stamp}.d
      COMMAND_EXPAND_LISTS
      COMMENT "Covet: checking lookups in ${rel}"
      VERBATIM)
    list(APPEND stamps ${stamp})
  endforeach()
  if(NOT stamps)
    return()
  endif()
  # The target waits for its checks, so a lookup typo fails its build.
  add_custom_target(${target}_covet_checks DEPENDS ${stamps})
  add_dependencies(${target} ${target}_covet_checks)
  # Another target's graph is made by that target's build.
  get_target_property(models ${target} COVET_CHECK_MODELS)
  list(REMOVE_ITEM models ${target})
  list(REMOVE_DUPLICATES models)
  if(models)
    add_dependencies(${target}_covet_checks ${models})
  endif()
endfunction()
