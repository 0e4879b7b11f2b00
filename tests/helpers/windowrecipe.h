#pragma once

#include "ui/mainwindow.h"

#include <QEventLoop>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <optional>

// Opens a recipe in the window and waits, with the event loop running (the tiles go on
// updating), until its load off the GUI thread has ended. Returns whether the recipe was set:
// false when openRecipe refused at once, when the load or a check refused it, or when nothing
// was heard within `timeout`. For the tests, the screenshot tool and the benchmarks.
inline bool openRecipeAndWait(Station::MainWindow &window,
    const QString &path,
    std::chrono::milliseconds timeout = std::chrono::seconds(120),
    Station::MainWindow::LoadBy by = Station::MainWindow::LoadBy::User)
{
    std::optional<bool> outcome;
    QEventLoop loop;
    const QMetaObject::Connection connection = QObject::connect(
        &window, &Station::MainWindow::recipeLoadFinished, &loop, [&outcome, &loop](bool loaded) {
            outcome = loaded;
            loop.quit();
        });
    if (window.openRecipe(path, by) && !outcome) {
        QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QObject::disconnect(connection);
    return outcome.value_or(false);
}
