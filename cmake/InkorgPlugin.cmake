# inkorg_add_plugin(<form-id> SOURCES a.cpp ...)
# Builds plugins/<form-id> as the MODULE library inkorg-<form-id>.so into the build's plugins/ folder.
# A plugin includes only daemon/include/inkorg/ and links only inkorg-sdk (and Poco Foundation for
# the ClassLoader manifest).
set(INKORG_PLUGIN_OUTPUT_DIR "${CMAKE_BINARY_DIR}/plugins")
function(inkorg_add_plugin form_id)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEFINITIONS" ${ARGN})
  set(target inkorg-${form_id})
  add_library(${target} MODULE ${ARG_SOURCES})
  set_target_properties(${target} PROPERTIES PREFIX "" OUTPUT_NAME "inkorg-${form_id}"
                        LIBRARY_OUTPUT_DIRECTORY "${INKORG_PLUGIN_OUTPUT_DIR}")
  target_link_libraries(${target} PRIVATE inkorg-sdk Poco::Foundation)
  if(ARG_DEFINITIONS)
    target_compile_definitions(${target} PRIVATE ${ARG_DEFINITIONS})
  endif()
  set_property(GLOBAL APPEND PROPERTY INKORG_PLUGINS ${target})
endfunction()
