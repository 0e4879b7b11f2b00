#pragma once

#include "models/pagetext.h"
#include "services/records/recordquery.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QTimeZone>

namespace Station {

class PlantReader;

// The records page's table: the runs a RunFilter selects, newest first, fetched lazily in pages
// (keyset paging, so scrolling stays fast on a record of a million runs). Reads through a
// RecordQuery that the caller owns and that lives on the GUI thread, like this model; or, for
// the plant's record, through a PlantReader whose answers arrive later (never blocking).
class RecordsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsModel)

public:
    enum Column {
        RunColumn,
        StationColumn, // the plant's record only: the run's station ID
        StartedColumn,
        FixtureColumn,
        DeviceColumn,
        SerialColumn,
        RecipeColumn,
        OutcomeColumn,
        FailedStepColumn,
        DurationColumn,
        CauseColumn, // last: it takes the room that is left
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RunIdRole = Qt::UserRole + 1, // qint64
        RunRowRole,                   // Station::RunRow
        OutcomeRole,                  // Station::RunOutcome
        DeviceIdRole,                 // QString, full 128-hex ID
    };
    Q_ENUM(Role)

    static constexpr int DefaultPageSize = 250;

    explicit RecordsModel(QObject *parent = nullptr);
    ~RecordsModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Not owned; nullptr shows nothing. Reloads.
    void setQuery(const Station::RecordQuery *query);
    // Not owned: the plant's record instead of the RecordQuery's; nullptr goes back to the
    // RecordQuery. Reloads.
    void setPlantReader(Station::PlantReader *reader);
    bool isPlant() const;
    // A plant read is under way (the count and first page, or the next page).
    bool isLoading() const { return m_pending != 0; }
    // Reloads: counts the runs and fetches the first page.
    void setFilter(const Station::RunFilter &filter);
    Station::RunFilter filter() const { return m_filter; }
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    void setTimeZone(const QTimeZone &zone);
    void setOutcomeLook(const RunOutcomeLook &look);

    // Runs the filter selects (all of them, not just the rows fetched so far).
    qint64 totalCount() const { return m_total; }
    // The plant's count stops at PlantReader::CountLimit: totalCount() is then "more than".
    bool isTotalAtLeast() const { return m_totalAtLeast; }
    Station::RunRow run(int row) const { return m_rows.value(row); }
    // Empty after a successful read.
    QString errorString() const { return m_error; }

public Q_SLOTS:
    // Reads again with the same filter (after new runs were recorded).
    void refresh();

Q_SIGNALS:
    void totalCountChanged(qint64 total);
    void queryFailed(const QString &message);
    // A plant read started (true) or its answer arrived (false).
    void loadingChanged(bool loading);

private:
    void reload();
    void setError(const Station::Error &error);
    void requestPlantPage();
    void appendPage(const QList<Station::RunRow> &page);

    const Station::RecordQuery *m_query = nullptr;
    QPointer<Station::PlantReader> m_plant;
    quint64 m_pending = 0; // the plant request whose answer the model waits for
    Station::RunFilter m_filter;
    QList<Station::RunRow> m_rows;
    qint64 m_total = 0;
    bool m_totalAtLeast = false;
    bool m_atEnd = true;
    bool m_fetching = false;
    int m_pageSize = DefaultPageSize;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    RunOutcomeLook m_look;
    QString m_error;
};

// A device's runs for the device view's history list: all of them (a device has a handful),
// newest first, from RecordQuery::runsOfDevice. GUI thread.
class RunHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunHistoryModel)

public:
    enum Column {
        StartedColumn,
        StationColumn, // the plant's station ID (hidden without a plant)
        FixtureColumn,
        OutcomeColumn,
        FailedStepColumn,
        DurationColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RunIdRole = Qt::UserRole + 1, // qint64
        RunRowRole,                   // Station::RunRow
        CurrentRole,                  // bool: the run the view shows
        StationIdRole,                // QString: the run's plant station ID, empty locally
    };
    Q_ENUM(Role)

    explicit RunHistoryModel(QObject *parent = nullptr);
    ~RunHistoryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRuns(const QList<Station::RunRow> &runs);
    void setCurrentRunId(qint64 runId);
    qint64 currentRunId() const { return m_current; }
    // The station of the current run, when the list holds runs of several stations (run IDs
    // are per station); empty: any.
    void setCurrentStationId(const QString &stationId);
    void setTimeZone(const QTimeZone &zone);
    void setOutcomeLook(const RunOutcomeLook &look);
    Station::RunRow run(int row) const { return m_runs.value(row); }
    int rowOfRun(qint64 runId) const;

private:
    bool isCurrent(const Station::RunRow &run) const;

    QList<Station::RunRow> m_runs;
    qint64 m_current = 0;
    QString m_currentStation;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    RunOutcomeLook m_look;
};

} // namespace Station
