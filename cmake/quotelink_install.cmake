# Install and export rules: headers, the library, a CMake package
# (find_package(quotelink), from the install prefix or straight from the build
# tree), a pkg-config file, and the licences.
include(CMakePackageConfigHelpers)

install(TARGETS quotelink EXPORT quotelinkTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY cpp/include/quotelink DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES LICENSE THIRD_PARTY_NOTICES DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/quotelink)

# The CMake package. A static libquotelink leaves ICU to the program that
# links it, so the package finds ICU for it.
get_target_property(QUOTELINK_LIBRARY_TYPE quotelink TYPE)
set(QUOTELINK_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/quotelink)
install(EXPORT quotelinkTargets NAMESPACE quotelink:: DESTINATION ${QUOTELINK_CMAKE_DIR})
configure_package_config_file(cmake/quotelinkConfig.cmake.in
  ${PROJECT_BINARY_DIR}/quotelinkConfig.cmake
  INSTALL_DESTINATION ${QUOTELINK_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/quotelinkConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/quotelinkConfig.cmake
              ${PROJECT_BINARY_DIR}/quotelinkConfigVersion.cmake
        DESTINATION ${QUOTELINK_CMAKE_DIR})
# The build tree is a package too: -Dquotelink_DIR=<this build directory>.
export(EXPORT quotelinkTargets NAMESPACE quotelink::
  FILE ${PROJECT_BINARY_DIR}/quotelinkTargets.cmake)

# pkg-config: prefix is found from the .pc file's own place, so that
# `cmake --install --prefix` anywhere gives a working file.
foreach(_dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${_dir}}")
    set(QUOTELINK_PC_${_dir} "${CMAKE_INSTALL_${_dir}}")
  else()
    set(QUOTELINK_PC_${_dir} "\${prefix}/${CMAKE_INSTALL_${_dir}}")
  endif()
endforeach()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(QUOTELINK_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  set(QUOTELINK_PC_PREFIX "\${pcfiledir}/..")
  string(REGEX REPLACE "[^/]+" ".." _up "${CMAKE_INSTALL_LIBDIR}")
  string(APPEND QUOTELINK_PC_PREFIX "/${_up}")
endif()
# Threads (PUBLIC): nothing to add where the C library has them (glibc 2.34+).
set(QUOTELINK_PC_LIBS_PRIVATE "")
if(CMAKE_THREAD_LIBS_INIT)
  set(QUOTELINK_PC_LIBS_PRIVATE "Libs.private: ${CMAKE_THREAD_LIBS_INIT}\n")
endif()
configure_file(cmake/quotelink.pc.in ${PROJECT_BINARY_DIR}/quotelink.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/quotelink.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
