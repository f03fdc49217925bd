#pragma once

#include <QWidget>

class FrameFilterProxyModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

// The controls above the frame log: free text, regular expression or JSON condition (marked
// while invalid),
// direction, action, room and client. It only drives the proxy; the proxy does the filtering.
// What the fields show is what filters: a room or client picked in the tree is written into
// its field (and matched exactly), typed text matches as a substring, and "Clear filters"
// appears while anything narrows the log.
class LogFilterBar : public QWidget {
    Q_OBJECT
public:
    explicit LogFilterBar(FrameFilterProxyModel *proxy, QWidget *parent = nullptr);

    QLineEdit *textEdit() const { return m_text; }
    // Narrows the log to exactly this room (the root room is ""), keeping the client field.
    void setRoom(const QString &room);
    // Narrows the log to exactly this client id, keeping the room field.
    void setClient(const QString &clientId);
    // The tree's "Show only this room": the room, and no client filter.
    void showOnlyRoom(const QString &room);
    // The tree's "Show only this client": its room and its id (an id is unique in its room).
    void showOnlyClient(const QString &room, const QString &clientId);
    void clearAll();

private:
    // The action combo's data: a FrameAction's number, or one of these.
    enum ActionKey {
        AllActions = -1,
        BinaryFrames = 100,
        AllSystemEvents = 199,
        FirstSystemEvent = 200
    };
    void applyAction();
    void applyText();
    // The regex and condition toggles exclude each other; the one just checked wins.
    void toggleRegex(bool on);
    void toggleCondition(bool on);
    void updatePlaceholder();
    void showValidity(bool valid, const QString &error);
    void applyRoomText(const QString &text);
    void applyClientText(const QString &text);
    void updateClearButton();

    FrameFilterProxyModel *m_proxy;
    QLineEdit *m_text;
    QToolButton *m_regex;
    QToolButton *m_caseSensitive;
    QToolButton *m_condition;
    QComboBox *m_direction;
    QComboBox *m_action;
    QLineEdit *m_room;
    QLineEdit *m_client;
    QToolButton *m_clear;
    QLabel *m_problem;
    bool m_settingExactly = false; // the fields are being filled from the tree, not typed
};
