# The station window (gui-main): main window, label scan, record banner, status bar, recipe
# badge and confirmation.
target_sources(station_ui PRIVATE
    mainwindow.h mainwindow.cpp
    keyboardhelp.h keyboardhelp.cpp
    elidedlabel.h elidedlabel.cpp
    messagearea.h messagearea.cpp
    permanentrecipedialog.h permanentrecipedialog.cpp
    signindialog.h signindialog.cpp
    usersdialog.h usersdialog.cpp
    recipebadge.h recipebadge.cpp
    recipeloadbar.h recipeloadbar.cpp
    recorderrorbanner.h recorderrorbanner.cpp
    serialscanfilter.h serialscanfilter.cpp
    stationstatusbar.h stationstatusbar.cpp
)
