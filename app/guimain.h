#pragma once

#include "app/stationsetup.h"

#include <QCoreApplication>

#include <memory>

// The station window's entry points, called by main.cpp when neither --headless nor export is
// asked for. Main thread.

// The QApplication (widgets need it; main.cpp creates a QCoreApplication otherwise).
std::unique_ptr<QCoreApplication> createGuiApplication(int &argc, char **argv);

// Builds the station as headless does (simulator by default, or the configured tools), shows
// the window, runs the event loop and shuts the station down in order. Returns the exit code.
int runGui(const Station::AppOptions &options);
