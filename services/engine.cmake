# Engine: steps, fixture worker, station, presence, simulator back end, headless runner.
target_sources(station_services PRIVATE
    backgroundprocess.h backgroundprocess.cpp
    fixtureworker.h fixtureworker.cpp
    presencemonitor.h presencemonitor.cpp
    simulatorbackend.h simulatorbackend.cpp
    station.h station.cpp
    headlessrunner.h headlessrunner.cpp
    steps/step.h steps/step.cpp steps/stepcontext.cpp steps/stepfactory.cpp
    steps/stephelpers.h steps/stephelpers.cpp
    steps/connectstep.h steps/connectstep.cpp
    steps/detailsstep.h steps/detailsstep.cpp
    steps/osupdatestep.h steps/osupdatestep.cpp
    steps/keystorestep.h steps/keystorestep.cpp
    steps/sideloadstep.h steps/sideloadstep.cpp
    steps/deletetemporarystep.h steps/deletetemporarystep.cpp
    steps/uartteststep.h steps/uartteststep.cpp
    steps/rfcalibratestep.h steps/rfcalibratestep.cpp
    steps/rfverifystep.h steps/rfverifystep.cpp
    steps/wifiverifystep.h steps/wifiverifystep.cpp
    steps/ethernetstep.h steps/ethernetstep.cpp
    steps/readytoshipstep.h steps/readytoshipstep.cpp
    steps/finalizestep.h steps/finalizestep.cpp
)
