# Typed tool clients, error catalogue, image packages, OS identification, ready-to-ship checks
# and the UART session.
target_sources(station_services PRIVATE
    devicedata.h devicedata.cpp
    toolreply.h
    errorcatalog.h errorcatalog.cpp
    imagepackage.h imagepackage.cpp
    azsphereoutput.h azsphereoutput.cpp
    azsphereclient.h azsphereclient.cpp
    rftooloutput.h rftooloutput.cpp
    rftoolclient.h rftoolclient.cpp
    osversions.h osversions.cpp
    readycheck.h readycheck.cpp
    uartsession.h uartsession.cpp
)
