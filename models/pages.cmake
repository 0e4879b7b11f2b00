# The technician's and quality staff's models (device view, records, yield, analytics): helper "gui-pages".
target_sources(station_models PRIVATE
    pagetext.h pagetext.cpp
    steplistmodel.h steplistmodel.cpp
    commandlistmodel.h commandlistmodel.cpp
    measurementmodel.h measurementmodel.cpp
    recordsmodel.h recordsmodel.cpp
    paretomodel.h paretomodel.cpp
    capabilitymodel.h capabilitymodel.cpp
    fixtureconfigmodel.h fixtureconfigmodel.cpp
)
