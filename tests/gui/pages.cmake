# Tests and screenshots of the device view, the records and yield pages and the settings dialog
# (helper "gui-pages").

# Records for the page tests and the gallery, written through RecordStore.
add_library(station_pages_testdata STATIC pagesrecord.h pagesrecord.cpp)
target_link_libraries(station_pages_testdata PUBLIC station_models PRIVATE station_options)

# pagesgallery: writes screenshots of the pages with a realistic shift record, for checking the
# design by eye and for the README:
#   QT_QPA_PLATFORM=offscreen build/tests/pagesgallery /tmp/pagesgallery [--lang de]
# writes records.png, yield.png, analytics.png, device-failed.png, device-running.png, settings.png.
qt_add_executable(pagesgallery pagesgallery.cpp)
set_target_properties(pagesgallery PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
target_link_libraries(pagesgallery PRIVATE station_ui station_pages_testdata station_options)
add_test(NAME pagesgallery COMMAND pagesgallery ${CMAKE_CURRENT_BINARY_DIR}/pagesgallery)
set_tests_properties(pagesgallery PROPERTIES
    LABELS gui TIMEOUT 180 ENVIRONMENT "QT_QPA_PLATFORM=offscreen")

station_add_test(tst_pagemodels
    SOURCES tst_pagemodels.cpp
    LIBS station_models station_pages_testdata Qt6::Sql
    LABELS gui)
station_add_test(tst_recordspage
    SOURCES tst_recordspage.cpp
    LIBS station_ui station_pages_testdata
    LABELS gui)
station_add_test(tst_yieldpage
    SOURCES tst_yieldpage.cpp
    LIBS station_ui station_pages_testdata
    LABELS gui)
station_add_test(tst_deviceview
    SOURCES tst_deviceview.cpp
    LIBS station_ui station_pages_testdata
    LABELS gui)
# Checks azsphere and detects attached devices with the simulator's stand-ins.
station_add_test(tst_settingsdialog
    SOURCES tst_settingsdialog.cpp
    LIBS station_ui
    LABELS gui
    TIMEOUT 180)
foreach(tool azsphere sphere-sim)
    if(TARGET ${tool})
        add_dependencies(tst_settingsdialog ${tool})
    endif()
endforeach()
# The analytics page: the station's record, and a throwaway PostgreSQL for the Plant source
# (skipped when PostgreSQL 15 is not installed).
station_add_test(tst_analyticspage
    SOURCES tst_analyticspage.cpp
    LIBS station_ui
    LABELS gui
    TIMEOUT 300)
# The plant views: the records and yield pages on the plant, the device view's runs at every
# station, against a throwaway PostgreSQL 15 (tests/helpers/pgserver.h; skipped without it).
station_add_test(tst_plantviews
    SOURCES tst_plantviews.cpp
    LIBS station_ui station_pages_testdata
    LABELS gui integration
    TIMEOUT 300)
