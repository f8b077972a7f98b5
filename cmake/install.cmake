# Install layout. Providers install side by side in one prefix, the way
# Debian ships libcurl's OpenSSL and GnuTLS flavours: every file that names a
# provider carries its name, and one provider is the *default* that the
# unprefixed names point to.
#
#   component    files (openssl as the example)
#   runtime      lib/libunitls-openssl.so.0[.1.0]
#   development  lib/libunitls-openssl.so
#                include/unitls/*.h                  shared by all providers
#                include/unitls-openssl/unitls/version.h   names the provider
#                lib/pkgconfig/unitls-openssl.pc
#                lib/cmake/unitls/unitlsConfig.cmake, unitlsConfigVersion.cmake
#                lib/cmake/unitls/unitls-openssl-targets*.cmake (unitls::openssl)
#   default      lib/libunitls.so -> libunitls-openssl.so.0  (-lunitls)
#                include/unitls/version.h            (a plain -I<prefix>/include)
#                lib/pkgconfig/unitls.pc             (Requires: unitls-openssl)
#                lib/cmake/unitls/unitls-default.cmake      (unitls::unitls)
#                bin/unitls, share/man/man1/unitls.1
#
# `cmake --install <build>` installs all three; a second provider is added
# next to an existing default with
#   cmake --install <build> --component runtime
#   cmake --install <build> --component development
# The files shared by all providers are identical whichever installs them.
include(CMakePackageConfigHelpers)

set(UNITLS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/unitls)
set(UNITLS_PKGCONFIG_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
set(UNITLS_LIBRARY_SONAME
    ${CMAKE_SHARED_LIBRARY_PREFIX}unitls-${UNITLS_PROVIDER}${CMAKE_SHARED_LIBRARY_SUFFIX}.${UNITLS_SOVERSION})

# --- runtime and development: this provider ----------------------------------
install(TARGETS unitls EXPORT unitls-${UNITLS_PROVIDER}-targets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
                COMPONENT runtime
                NAMELINK_COMPONENT development)
install(DIRECTORY api/include/unitls DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        COMPONENT development
        FILES_MATCHING PATTERN "*.h")
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/include/unitls/version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/unitls-${UNITLS_PROVIDER}/unitls
        COMPONENT development)
install(EXPORT unitls-${UNITLS_PROVIDER}-targets NAMESPACE unitls::
        DESTINATION ${UNITLS_CMAKE_DIR}
        COMPONENT development)
configure_package_config_file(cmake/unitlsConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/cmake/unitlsConfig.cmake
  INSTALL_DESTINATION ${UNITLS_CMAKE_DIR})
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/cmake/unitlsConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/cmake/unitlsConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/cmake/unitlsConfigVersion.cmake
        DESTINATION ${UNITLS_CMAKE_DIR}
        COMPONENT development)

# The .pc files find their prefix from their own location, so the package can
# be installed with any --prefix (or DESTDIR) after configuring.
file(RELATIVE_PATH UNITLS_PC_TO_PREFIX "/${UNITLS_PKGCONFIG_DIR}" "/")
string(REGEX REPLACE "/$" "" UNITLS_PC_TO_PREFIX "${UNITLS_PC_TO_PREFIX}")
configure_file(cmake/unitls-provider.pc.in
  ${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/unitls-${UNITLS_PROVIDER}.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/unitls-${UNITLS_PROVIDER}.pc
        DESTINATION ${UNITLS_PKGCONFIG_DIR}
        COMPONENT development)

# --- default: the unprefixed names point to this provider --------------------
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/include/unitls/version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/unitls
        COMPONENT default)
configure_file(cmake/unitls.pc.in
  ${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/unitls.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/unitls.pc
        DESTINATION ${UNITLS_PKGCONFIG_DIR}
        COMPONENT default)
configure_file(cmake/unitls-default.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/cmake/unitls-default.cmake @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/cmake/unitls-default.cmake
        DESTINATION ${UNITLS_CMAKE_DIR}
        COMPONENT default)
# libunitls.so -> libunitls-<provider>.so.<SOVERSION>: `cc ... -lunitls`
# links the default provider (and records its soname).
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/default-link)
file(CREATE_LINK ${UNITLS_LIBRARY_SONAME}
     ${CMAKE_CURRENT_BINARY_DIR}/default-link/${CMAKE_SHARED_LIBRARY_PREFIX}unitls${CMAKE_SHARED_LIBRARY_SUFFIX}
     SYMBOLIC)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/default-link/${CMAKE_SHARED_LIBRARY_PREFIX}unitls${CMAKE_SHARED_LIBRARY_SUFFIX}
        DESTINATION ${CMAKE_INSTALL_LIBDIR}
        COMPONENT default)
install(FILES docs/unitls.1
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        COMPONENT default)
# bin/unitls is installed by tools/CMakeLists.txt, also as `default`.
