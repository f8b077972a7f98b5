# OpenSSL provider: the shared OpenSSL-API code (providers/ossl_common) plus
# OpenSSL's own differences (ossl_compat.h).
find_package(OpenSSL 3.0 REQUIRED)
add_library(unitls_backend INTERFACE)
target_link_libraries(unitls_backend INTERFACE OpenSSL::SSL OpenSSL::Crypto)
target_include_directories(unitls_backend INTERFACE
  ${CMAKE_CURRENT_SOURCE_DIR}/providers/ossl_common)
# Nothing deprecated in OpenSSL 3 (a deprecated call fails the -Werror build);
# ossl_compat.h refuses to build if the headers found are BoringSSL's.
target_compile_definitions(unitls_backend INTERFACE
  OPENSSL_API_COMPAT=30000 UT_EXPECT_OPENSSL=1)
file(GLOB UNITLS_PROVIDER_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/providers/ossl_common/*.c
  ${CMAKE_CURRENT_SOURCE_DIR}/providers/openssl/*.c)
