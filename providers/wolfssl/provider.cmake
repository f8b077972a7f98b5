# wolfSSL provider: wolfSSL's native API, found through pkg-config.
#
# Written against Debian's wolfSSL 5.5.4 (package libwolfssl-dev), whose build
# has the options unitls relies on (OPENSSL_ALL, WOLFSSL_ALWAYS_VERIFY_CB,
# WOLFSSL_VERIFY_CB_ALL_CERTS, SESSION_CERTS, HAVE_EX_DATA, ...); wolf.h
# refuses to compile against a wolfSSL built without them.
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(WOLFSSL QUIET IMPORTED_TARGET wolfssl>=5.5)
endif()
if(NOT WOLFSSL_FOUND)
  message(FATAL_ERROR
    "UNITLS_PROVIDER=wolfssl needs wolfSSL 5.5 or newer with its pkg-config "
    "file (wolfssl.pc), and pkg-config itself. On Debian or Ubuntu: "
    "apt install libwolfssl-dev pkg-config")
endif()
message(STATUS "unitls: wolfSSL ${WOLFSSL_VERSION}")

add_library(unitls_backend INTERFACE)
target_link_libraries(unitls_backend INTERFACE PkgConfig::WOLFSSL)
file(GLOB UNITLS_PROVIDER_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/providers/wolfssl/*.c)
