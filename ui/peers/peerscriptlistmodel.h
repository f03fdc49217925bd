#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <vector>

class PeerScriptRunner;

// The peer scripts the console runs, one row each: the file, its state, its clients and its
// last line of output or its error. It owns the runners; each keeps its last MaxOutputLines
// lines of output for the view.
class PeerScriptListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ScriptColumn, StateColumn, ClientsColumn, MessageColumn, ColumnCount };
    static constexpr int MaxOutputLines = 1000;

    explicit PeerScriptListModel(QObject *parent = nullptr);
    ~PeerScriptListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Starts fileName against the broker at url (PeerScriptRunner::localBrokerUrl's form); a
    // file already in the list starts again in its row. Returns the row.
    int run(const QString &fileName, const QUrl &url);
    void stop(int row);
    void runAgain(int row);
    void remove(int row);
    PeerScriptRunner *runner(int row) const;
    QStringList output(int row) const;

signals:
    // A line of output (or the error) of the script in row.
    void outputAdded(int row, const QString &line);

private:
    struct Script {
        std::unique_ptr<PeerScriptRunner> runner;
        QUrl url;
        QStringList output;
    };
    void start(int row);
    int rowOf(const PeerScriptRunner *runner) const;
    void append(PeerScriptRunner *runner, const QString &line);
    void changed(const PeerScriptRunner *runner);

    std::vector<Script> m_scripts;
};
