# A ctest step: compiles consumer.cc the way a Makefile user would, with only
# `pkg-config --cflags --libs quotelink` (plus --static for a static
# libquotelink, whose ICU must come from Requires.private), then runs it.
# Usage: cmake -DPREFIX= -DLIBDIR=lib -DPKG_CONFIG= -DCXX= -DSOURCE=consumer.cc
#   -DOUTPUT= [-DSTATIC=ON] -P pkg_config_consumer.cmake
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
set(query --cflags --libs)
if(STATIC)
  list(APPEND query --static)
endif()
execute_process(COMMAND "${PKG_CONFIG}" ${query} quotelink
  OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "pkg-config ${query} quotelink failed in ${PREFIX}/${LIBDIR}/pkgconfig")
endif()
message(STATUS "pkg-config ${query} quotelink: ${flags}")
separate_arguments(flags UNIX_COMMAND "${flags}")
# The rpath lets a shared libquotelink be found where it was installed.
execute_process(COMMAND "${CXX}" -std=c++17 "${SOURCE}" -o "${OUTPUT}" ${flags}
                        "-Wl,-rpath,${PREFIX}/${LIBDIR}"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "compiling ${SOURCE} with pkg-config's flags failed")
endif()
execute_process(COMMAND "${OUTPUT}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${OUTPUT} failed (${status})")
endif()
