# Tool runner, logging, station configuration and FTDI enumeration.
target_sources(station_services PRIVATE
    toolrunner.h toolrunner.cpp
    logging.h logging.cpp logformat.h
    stationconfig.h stationconfig.cpp
    ftdienumerator.h ftdienumerator.cpp
)
