# What a downstream user relies on, checked in every build tree:
#   public-headers  the installed headers compile on their own, with no
#                   backend include path, and pull in no backend header
#   abi             the library's ABI against the committed baseline
#                   (api/abi/unitls.abi); needs abidw and abidiff
#   docs            Doxygen over the public headers with warnings as errors,
#                   and the man page against every option of `unitls --help`
#                   (needs doxygen; mandoc lints the man page)
# and the targets
#   cmake --build <build> --target docs         HTML in <build>/docs/api/html
#   cmake --build <build> --target abi-update   refresh api/abi/unitls.abi
# tools/test-all.sh installs nothing: tools/install-deps.sh provides the
# tools, and test-all.sh refuses to run without them, so CI never skips these.
find_program(UNITLS_ABIDW abidw)
find_program(UNITLS_ABIDIFF abidiff)
find_program(UNITLS_DOXYGEN doxygen)
find_program(UNITLS_MANDOC mandoc)

set(UNITLS_PUBLIC_HEADER_DIRS
    ${PROJECT_SOURCE_DIR}/api/include/unitls
    ${PROJECT_BINARY_DIR}/include/unitls)

configure_file(${PROJECT_SOURCE_DIR}/docs/Doxyfile.in
               ${PROJECT_BINARY_DIR}/docs/Doxyfile @ONLY)
if(UNITLS_DOXYGEN)
  add_custom_target(docs
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/docs/api
    COMMAND ${UNITLS_DOXYGEN} ${PROJECT_BINARY_DIR}/docs/Doxyfile
    WORKING_DIRECTORY ${PROJECT_BINARY_DIR}/docs
    COMMENT "Doxygen: ${PROJECT_BINARY_DIR}/docs/api/html/index.html"
    VERBATIM)
endif()

if(UNITLS_ABIDW AND UNITLS_ABIDIFF)
  add_custom_target(abi-update
    COMMAND ${PROJECT_SOURCE_DIR}/tools/abi.sh update $<TARGET_FILE:unitls>
            ${UNITLS_PUBLIC_HEADER_DIRS}
    DEPENDS unitls
    COMMENT "Refreshing the ABI baseline api/abi/unitls.abi"
    VERBATIM)
endif()

if(NOT UNITLS_BUILD_TESTS)
  return()
endif()

add_test(NAME public-headers
         COMMAND ${PROJECT_SOURCE_DIR}/tools/check-headers.sh
                 ${CMAKE_C_COMPILER}
                 ${PROJECT_SOURCE_DIR}/api/include
                 ${PROJECT_BINARY_DIR}/include)

if(UNITLS_ABIDW AND UNITLS_ABIDIFF)
  add_test(NAME abi
           COMMAND ${PROJECT_SOURCE_DIR}/tools/abi.sh check
                   $<TARGET_FILE:unitls> ${UNITLS_PUBLIC_HEADER_DIRS})
else()
  message(STATUS "unitls: abidw/abidiff not found, the abi test is not "
                 "registered (apt install abigail-tools)")
endif()

if(UNITLS_DOXYGEN)
  add_test(NAME docs
           COMMAND ${PROJECT_SOURCE_DIR}/tools/check-docs.sh
                   ${PROJECT_BINARY_DIR}/docs/Doxyfile
                   ${PROJECT_BINARY_DIR}/docs/api
                   ${PROJECT_SOURCE_DIR}/docs/unitls.1
                   $<TARGET_FILE:unitls_cli>)
else()
  message(STATUS "unitls: doxygen not found, the docs test is not registered "
                 "(apt install doxygen)")
endif()
