# target_sources(station_services PRIVATE ...) for this area
