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
