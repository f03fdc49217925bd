#include "peerscriptlistmodel.h"

#include "peerscriptrunner.h"

#include <QDir>
#include <QFileInfo>

PeerScriptListModel::PeerScriptListModel(QObject *parent)
    : QAbstractTableModel(parent) {}

PeerScriptListModel::~PeerScriptListModel() = default;

int PeerScriptListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_scripts.size());
}

int PeerScriptListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PeerScriptListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Script &script = m_scripts[size_t(index.row())];
    const PeerScriptRunner *runner = script.runner.get();
    if (role == Qt::ToolTipRole) {
        if (index.column() == ScriptColumn)
            return QDir::toNativeSeparators(runner->fileName());
        if (index.column() == MessageColumn)
            return data(index, Qt::DisplayRole);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case ScriptColumn:
        return QFileInfo(runner->fileName()).fileName();
    case StateColumn:
        switch (runner->state()) {
        case PeerScriptRunner::State::Running:
            return tr("Running");
        case PeerScriptRunner::State::Stopped:
            return tr("Stopped");
        case PeerScriptRunner::State::Failed:
            return tr("Failed");
        }
        return {};
    case ClientsColumn:
        return runner->clientCount();
    case MessageColumn:
        if (!runner->error().isEmpty())
            return runner->error();
        return script.output.isEmpty() ? QString() : script.output.last();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant PeerScriptListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case ScriptColumn:
        return tr("Script");
    case StateColumn:
        return tr("State");
    case ClientsColumn:
        return tr("Clients");
    case MessageColumn:
        return tr("Last Output");
    case ColumnCount:
        break;
    }
    return {};
}

int PeerScriptListModel::run(const QString &fileName, const QUrl &url) {
    const QString path = QFileInfo(fileName).absoluteFilePath();
    for (size_t row = 0; row < m_scripts.size(); ++row) {
        if (m_scripts[row].runner->fileName() == path) {
            m_scripts[row].url = url;
            runAgain(int(row));
            return int(row);
        }
    }
    const int row = rowCount();
    auto runner = std::make_unique<PeerScriptRunner>(path, url);
    beginInsertRows({}, row, row);
    m_scripts.push_back({std::move(runner), url, {}});
    endInsertRows();
    start(row);
    return row;
}

void PeerScriptListModel::start(int row) {
    PeerScriptRunner *runner = m_scripts[size_t(row)].runner.get();
    connect(runner, &PeerScriptRunner::output, this,
            [this, runner](const QString &line) { append(runner, line); });
    connect(runner, &PeerScriptRunner::failed, this,
            [this, runner](const QString &error) { append(runner, error); });
    connect(runner, &PeerScriptRunner::stateChanged, this, [this, runner] { changed(runner); });
    connect(runner, &PeerScriptRunner::clientCountChanged, this,
            [this, runner] { changed(runner); });
    runner->start();
    changed(runner);
}

void PeerScriptListModel::stop(int row) {
    if (PeerScriptRunner *r = runner(row))
        r->stop();
}

void PeerScriptListModel::runAgain(int row) {
    if (!runner(row))
        return;
    Script &script = m_scripts[size_t(row)];
    // A runner runs once: a fresh one reads the file again.
    script.runner = std::make_unique<PeerScriptRunner>(script.runner->fileName(), script.url);
    script.output.append(tr("— started again —"));
    start(row);
}

void PeerScriptListModel::remove(int row) {
    if (!runner(row))
        return;
    beginRemoveRows({}, row, row);
    m_scripts.erase(m_scripts.begin() + row);
    endRemoveRows();
}

PeerScriptRunner *PeerScriptListModel::runner(int row) const {
    return row >= 0 && row < rowCount() ? m_scripts[size_t(row)].runner.get() : nullptr;
}

QStringList PeerScriptListModel::output(int row) const {
    return runner(row) ? m_scripts[size_t(row)].output : QStringList();
}

int PeerScriptListModel::rowOf(const PeerScriptRunner *runner) const {
    for (size_t row = 0; row < m_scripts.size(); ++row) {
        if (m_scripts[row].runner.get() == runner)
            return int(row);
    }
    return -1;
}

void PeerScriptListModel::append(PeerScriptRunner *runner, const QString &line) {
    const int row = rowOf(runner);
    if (row < 0)
        return;
    QStringList &output = m_scripts[size_t(row)].output;
    output.append(line);
    if (output.size() > MaxOutputLines)
        output.removeFirst();
    emit outputAdded(row, line);
    changed(runner);
}

void PeerScriptListModel::changed(const PeerScriptRunner *runner) {
    const int row = rowOf(runner);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}
