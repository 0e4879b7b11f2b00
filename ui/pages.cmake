# The technician's device view, the quality pages (records, yield, analytics) and the settings
# dialog: helper "gui-pages".
target_sources(station_ui PRIVATE
    pagelook.h pagelook.cpp
    outputview.h outputview.cpp
    deviceviewwidget.h deviceviewwidget.cpp
    rangeselector.h rangeselector.cpp
    recordspage.h recordspage.cpp
    paretochart.h paretochart.cpp
    yieldpage.h yieldpage.cpp
    histogramchart.h histogramchart.cpp
    yieldbarchart.h yieldbarchart.cpp
    analyticspage.h analyticspage.cpp
    settingsdialog.h settingsdialog.cpp
)
target_link_libraries(station_ui PRIVATE Qt6::Charts Qt6::Concurrent)
