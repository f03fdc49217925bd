#pragma once

#include <QWidget>

class PeerScriptListModel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

// The peer scripts of the console: the list (PeerScriptListModel), the output of the selected
// one, and Run Script…, Stop, Run Again and Remove. Running one asks for the file
// (runScriptRequested); the console knows the broker it runs against.
class PeerScriptsPanel : public QWidget {
    Q_OBJECT
public:
    explicit PeerScriptsPanel(PeerScriptListModel *model, QWidget *parent = nullptr);

    // Selects the row and shows its output.
    void showScript(int row);

signals:
    void runScriptRequested();

private:
    int currentRow() const;
    void updateButtons();
    void showOutput();

    PeerScriptListModel *m_model;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_output = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_againButton = nullptr;
    QPushButton *m_removeButton = nullptr;
};
