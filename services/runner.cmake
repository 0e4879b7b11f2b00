# Tool runner, logging, station configuration and FTDI enumeration.
target_sources(station_services PRIVATE
    toolrunner.h toolrunner.cpp
    logging.h logging.cpp logformat.h
    stationconfig.h stationconfig.cpp
    ftdienumerator.h ftdienumerator.cpp
)
# Reading files by path (bounded, regular files only), strict JSON, and the checks on names.
target_sources(station_services PRIVATE
    boundedfile.h boundedfile.cpp
    strictjson.h strictjson.cpp
    textcheck.h textcheck.cpp
)
