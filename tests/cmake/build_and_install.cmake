# A ctest step: configures quotelink's SOURCE into BINARY with OPTIONS (a ';'
# list), builds it, installs it into PREFIX, and checks CACHE_EXPECT, a list of
# NAME=VALUE that the configured cache must hold. Reports the first failure.
# Usage: cmake -DSOURCE= -DBINARY= -DPREFIX= -DGENERATOR= [-DOPTIONS=] [-DCACHE_EXPECT=]
#   -P build_and_install.cmake
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "failed (${status}): ${command}")
  endif()
endfunction()

file(REMOVE_RECURSE "${BINARY}" "${PREFIX}")
run(${CMAKE_COMMAND} -S "${SOURCE}" -B "${BINARY}" -G "${GENERATOR}" ${OPTIONS})
foreach(expected IN LISTS CACHE_EXPECT)
  string(REGEX MATCH "^([^=]+)=(.*)$" _ "${expected}")
  load_cache("${BINARY}" READ_WITH_PREFIX cached_ ${CMAKE_MATCH_1})
  if(NOT "${cached_${CMAKE_MATCH_1}}" STREQUAL "${CMAKE_MATCH_2}")
    message(FATAL_ERROR "${CMAKE_MATCH_1} is '${cached_${CMAKE_MATCH_1}}', expected '${CMAKE_MATCH_2}'")
  endif()
endforeach()
run(${CMAKE_COMMAND} --build "${BINARY}" -j 2)
run(${CMAKE_COMMAND} --install "${BINARY}" --prefix "${PREFIX}")
