# A ctest step: the installed shared libquotelink has the SONAME of its
# minor version, and exports quotelink's own symbols only (no ICU, no std::
# template code), so programs cannot bind to its internals by accident.
# Usage: cmake -DLIBRARY=libquotelink.so -DSONAME= -DREADELF= -DNM= -P check_shared_library.cmake
execute_process(COMMAND "${READELF}" -d "${LIBRARY}" OUTPUT_VARIABLE dynamic RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT dynamic MATCHES "Library soname: \\[${SONAME}\\]")
  message(FATAL_ERROR "${LIBRARY} does not have the SONAME ${SONAME}:\n${dynamic}")
endif()
execute_process(COMMAND "${NM}" -D -C --defined-only "${LIBRARY}" OUTPUT_VARIABLE symbols
  RESULT_VARIABLE status)
string(REGEX REPLACE "\n$" "" symbols "${symbols}")
string(REPLACE "\n" ";" symbols "${symbols}")
set(foreign "")
set(own 0)
foreach(line IN LISTS symbols)
  # "<address> <type> <name>"; the version-script node has no address.
  string(REGEX REPLACE "^[0-9a-f]* *[A-Za-z] " "" name "${line}")
  if(name MATCHES "^(typeinfo for |typeinfo name for |vtable for |VTT for |guard variable for )?quotelink::")
    math(EXPR own "${own} + 1")
  elseif(NOT name STREQUAL "")
    list(APPEND foreign "${name}")
  endif()
endforeach()
if(foreign OR own EQUAL 0)
  list(LENGTH foreign count)
  list(SUBLIST foreign 0 10 shown)
  message(FATAL_ERROR "${LIBRARY} exports ${own} quotelink symbols and ${count} others, e.g.: ${shown}")
endif()
message(STATUS "${LIBRARY}: SONAME ${SONAME}, ${own} exported symbols, all quotelink::")
