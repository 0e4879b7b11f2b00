# One INTERFACE target carries the language standard, warnings and Qt strictness defines.
# Every target of the project links it PRIVATE.
add_library(station_options INTERFACE)
target_compile_features(station_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(station_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual)
if(STATION_WERROR)
    target_compile_options(station_options INTERFACE -Werror)
endif()
target_compile_definitions(station_options INTERFACE
    QT_NO_KEYWORDS
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

# station_add_test(tst_x SOURCES a.cpp ... LIBS lib ... LABELS unit|integration|gui|lint|bench
#                  [TIMEOUT seconds] [ENVIRONMENT VAR=value ...])
# Creates one executable per test, links Qt6::Test and the libraries under test, registers it
# with CTest, and runs it on the offscreen platform. Tests find the simulator through compile
# definitions (never through PATH): STATION_SIM_BIN_DIR, STATION_SPHERE_SIM, STATION_AZSPHERE.
function(station_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    qt_add_executable(${name} ${ARG_SOURCES})
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS} station_options)
    target_compile_definitions(${name} PRIVATE
        STATION_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        STATION_SIM_BIN_DIR="${PROJECT_BINARY_DIR}/sim-bin"
        STATION_BIN_DIR="${PROJECT_BINARY_DIR}/bin")
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${ARG_ENVIRONMENT}")
endfunction()
