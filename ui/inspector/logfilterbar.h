#pragma once

#include <QWidget>

class FrameFilterProxyModel;
class QComboBox;
class QLineEdit;
class QToolButton;

// The controls above the frame log: free text or regular expression (marked while invalid),
// direction, action, room and client. It only drives the proxy; the proxy does the filtering.
class LogFilterBar : public QWidget {
    Q_OBJECT
public:
    explicit LogFilterBar(FrameFilterProxyModel *proxy, QWidget *parent = nullptr);

    QLineEdit *textEdit() const { return m_text; }
    // Narrows the log to a room or a client (from the rooms and clients tree).
    void setRoom(const QString &room);
    void setClient(const QString &clientId);
    void clearAll();

private:
    void applyText();
    void showValidity(bool valid, const QString &error);

    FrameFilterProxyModel *m_proxy;
    QLineEdit *m_text;
    QToolButton *m_regex;
    QToolButton *m_caseSensitive;
    QComboBox *m_direction;
    QComboBox *m_action;
    QLineEdit *m_room;
    QLineEdit *m_client;
    QToolButton *m_clear;
};
