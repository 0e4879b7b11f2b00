# SQLite record store, queries, CSV export
target_sources(station_services PRIVATE
    recordlock.h recordlock.cpp
    recordschema.h recordschema.cpp
    recordstore.h recordstore.cpp
    recordquery.h recordquery.cpp
    csvexport.h csvexport.cpp
)
