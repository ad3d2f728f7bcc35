# What a shared libquotelink exports: the quotelink namespace only (see
# quotelink.map), without annotating the headers. The internal quotelink::detail
# functions are exported too, since the C++ tests call them.
get_target_property(_quotelink_type quotelink TYPE)
if(_quotelink_type STREQUAL "SHARED_LIBRARY")
  if(WIN32)
    # Untested: MSVC exports nothing unless asked.
    set_target_properties(quotelink PROPERTIES WINDOWS_EXPORT_ALL_SYMBOLS ON)
  elseif(APPLE)
    # Untested: ld64 takes a list of mangled-name patterns.
    target_link_options(quotelink PRIVATE
      "LINKER:-exported_symbols_list,${CMAKE_CURRENT_LIST_DIR}/quotelink_exported.txt")
    set_property(TARGET quotelink APPEND PROPERTY
      LINK_DEPENDS "${CMAKE_CURRENT_LIST_DIR}/quotelink_exported.txt")
  else()
    target_link_options(quotelink PRIVATE
      "LINKER:--version-script=${CMAKE_CURRENT_LIST_DIR}/quotelink.map")
    set_property(TARGET quotelink APPEND PROPERTY
      LINK_DEPENDS "${CMAKE_CURRENT_LIST_DIR}/quotelink.map")
  endif()
endif()
