#pragma once

#include <QObject>

class FrameFilterProxyModel;
class FrameLogModel;
class FrameLogView;

// Keeps the frame log's selected frame across a filter change: the filter model resets (and
// then re-filters in slices), which would clear the selection. The selected row is named by its
// serial before the reset and selected again, centred in view, as soon as the new filter shows
// it. A frame the new filter hides stays unselected but remembered (clearing the filter selects
// it again); a row the user selects meanwhile wins.
class SelectionKeeper : public QObject {
    Q_OBJECT
public:
    SelectionKeeper(FrameLogView *view, FrameFilterProxyModel *proxy, FrameLogModel *log);

private:
    void remember();
    void restore();
    void forget() { m_waiting = false; }

    FrameLogView *m_view;
    FrameFilterProxyModel *m_proxy;
    FrameLogModel *m_log;
    quint64 m_serial = 0;
    bool m_waiting = false;   // a frame to select again once the filter shows it
    bool m_restoring = false; // our own selection change, not the user's
};
