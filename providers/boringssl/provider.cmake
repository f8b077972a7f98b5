# BoringSSL provider: the shared OpenSSL-API code (providers/ossl_common) plus
# BoringSSL's own differences (ossl_compat.h).
#
# Debian ships BoringSSL as built for the Android SDK (package
# android-libboringssl-dev): headers in /usr/include/android/openssl, libssl
# and libcrypto in /usr/lib/<multiarch>/android, no pkg-config file. Another
# BoringSSL build can be used with -DUNITLS_BORINGSSL_ROOT=<prefix> (holding
# include/openssl and lib/).
#
# OpenSSL and BoringSSL export the same symbol names, so they can never be
# linked into one binary: a build tree has exactly one provider
# (UNITLS_PROVIDER), and this file must not pull in OpenSSL.
set(UNITLS_BORINGSSL_ROOT "" CACHE PATH
    "Prefix of a BoringSSL installation; empty: Debian's android-libboringssl-dev")

set(_boringssl_include_hints /usr/include/android)
set(_boringssl_lib_hints /usr/lib/android)
if(CMAKE_LIBRARY_ARCHITECTURE)
  list(PREPEND _boringssl_lib_hints
       /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/android)
endif()
if(UNITLS_BORINGSSL_ROOT)
  set(_boringssl_include_hints ${UNITLS_BORINGSSL_ROOT}/include)
  set(_boringssl_lib_hints ${UNITLS_BORINGSSL_ROOT}/lib
                           ${UNITLS_BORINGSSL_ROOT}/lib64)
endif()

# NO_DEFAULT_PATH: the default paths hold OpenSSL's headers and libraries
# under the very same names.
find_path(BORINGSSL_INCLUDE_DIR NAMES openssl/is_boringssl.h
          PATHS ${_boringssl_include_hints} NO_DEFAULT_PATH)
find_library(BORINGSSL_SSL_LIBRARY NAMES ssl
             PATHS ${_boringssl_lib_hints} NO_DEFAULT_PATH)
find_library(BORINGSSL_CRYPTO_LIBRARY NAMES crypto
             PATHS ${_boringssl_lib_hints} NO_DEFAULT_PATH)

if(NOT BORINGSSL_INCLUDE_DIR OR NOT BORINGSSL_SSL_LIBRARY
   OR NOT BORINGSSL_CRYPTO_LIBRARY)
  message(FATAL_ERROR
    "BoringSSL was not found (headers: ${BORINGSSL_INCLUDE_DIR}; "
    "libssl: ${BORINGSSL_SSL_LIBRARY}; libcrypto: ${BORINGSSL_CRYPTO_LIBRARY}).\n"
    "On Debian or Ubuntu install it with: apt-get install android-libboringssl-dev\n"
    "or point -DUNITLS_BORINGSSL_ROOT at a BoringSSL installation.")
endif()
get_filename_component(BORINGSSL_LIBRARY_DIR ${BORINGSSL_SSL_LIBRARY} DIRECTORY)
message(STATUS "BoringSSL: ${BORINGSSL_INCLUDE_DIR}, ${BORINGSSL_LIBRARY_DIR}")

add_library(unitls_backend INTERFACE)
# SYSTEM: -isystem puts BoringSSL's openssl/ ahead of the default
# /usr/include/openssl, and keeps its headers out of our warnings.
target_include_directories(unitls_backend SYSTEM INTERFACE
  ${BORINGSSL_INCLUDE_DIR})
target_include_directories(unitls_backend INTERFACE
  ${CMAKE_CURRENT_SOURCE_DIR}/providers/ossl_common)
target_link_libraries(unitls_backend INTERFACE
  ${BORINGSSL_SSL_LIBRARY} ${BORINGSSL_CRYPTO_LIBRARY})
# ossl_compat.h refuses to build if the headers found are not BoringSSL's.
target_compile_definitions(unitls_backend INTERFACE UT_EXPECT_BORINGSSL=1)

# The libraries live outside the loader's search path: every binary of this
# tree (the library, the tools, the suite) gets their directory as run path,
# in the build tree and once installed.
list(APPEND CMAKE_BUILD_RPATH ${BORINGSSL_LIBRARY_DIR})
list(APPEND CMAKE_INSTALL_RPATH ${BORINGSSL_LIBRARY_DIR})

file(GLOB UNITLS_PROVIDER_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/providers/ossl_common/*.c
  ${CMAKE_CURRENT_SOURCE_DIR}/providers/boringssl/*.c)
