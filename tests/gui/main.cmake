# The station window (gui-main): main window over the real station on a simulated bench.
set(GUI_MAIN_TEST_DEPENDS sphere-sim azsphere RfSettingsTool RfToolCli)
if(TARGET sim-assets)
    list(APPEND GUI_MAIN_TEST_DEPENDS sim-assets)
endif()

station_add_test(tst_mainwindow
    SOURCES tst_mainwindow.cpp simulatedline.h
    LIBS station_ui Qt6::Sql
    LABELS gui
    TIMEOUT 300)
foreach(dep IN LISTS GUI_MAIN_TEST_DEPENDS)
    if(TARGET ${dep})
        add_dependencies(tst_mainwindow ${dep})
    endif()
endforeach()

# Every page and dialog fits its text in German and Chinese at 1280x800 (on the real window).
station_add_test(tst_textfit
    SOURCES tst_textfit.cpp simulatedline.h
    LIBS station_ui
    LABELS gui
    TIMEOUT 300)
foreach(dep IN LISTS GUI_MAIN_TEST_DEPENDS)
    if(TARGET ${dep})
        add_dependencies(tst_textfit ${dep})
    endif()
endforeach()

# stationgallery: the README's screenshots from the real station on a simulated bench (not a
# test; see README "Screenshots" for the command).
qt_add_executable(stationgallery stationgallery.cpp simulatedline.h)
set_target_properties(stationgallery PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
target_link_libraries(stationgallery PRIVATE station_ui station_options)
target_compile_definitions(stationgallery PRIVATE
    STATION_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    STATION_BIN_DIR="${PROJECT_BINARY_DIR}/bin")
foreach(dep IN LISTS GUI_MAIN_TEST_DEPENDS)
    if(TARGET ${dep})
        add_dependencies(stationgallery ${dep})
    endif()
endforeach()

# A German window writes English (with the source sentences) into the record; the models
# translate; the CSV is English; a schema-2 record stays readable read-only.
station_add_test(tst_recordlanguage
    SOURCES tst_recordlanguage.cpp simulatedline.h
    LIBS station_ui Qt6::Sql
    LABELS gui
    TIMEOUT 300)
foreach(dep IN LISTS GUI_MAIN_TEST_DEPENDS)
    if(TARGET ${dep})
        add_dependencies(tst_recordlanguage ${dep})
    endif()
endforeach()

# How a run in the window ends (operator stop, window closed, signal) and what the record says;
# the operator's name refused with control characters.
station_add_test(tst_windowendings
    SOURCES tst_windowendings.cpp simulatedline.h
    LIBS station_ui Qt6::Sql
    LABELS gui
    TIMEOUT 300)
foreach(dep IN LISTS GUI_MAIN_TEST_DEPENDS)
    if(TARGET ${dep})
        add_dependencies(tst_windowendings ${dep})
    endif()
endforeach()

# Sign-in and roles in the window (docs/roles.md): the first admin, a badge scanned with Shift,
# what each role may do, recipe approval, the idle sign-out, and the audit trail of it all.
station_add_test(tst_signin
    SOURCES tst_signin.cpp simulatedline.h
    LIBS station_ui Qt6::Sql
    LABELS gui
    TIMEOUT 300)
foreach(dep IN LISTS GUI_MAIN_TEST_DEPENDS)
    if(TARGET ${dep})
        add_dependencies(tst_signin ${dep})
    endif()
endforeach()
