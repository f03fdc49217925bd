#pragma once

#include "brokerevent.h"

#include <QWidget>

class FrameDiffView;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QTabWidget;
class QToolButton;

// The selected frame in full: what, where and when, pretty-printed JSON with highlighting,
// the raw text, a hex view (the only one for binary frames) and a comparison with another
// frame. A broker event (connected,
// closed…) shows itself as JSON; it has no bytes for Raw and Hex.
class FrameDetailsView : public QWidget {
    Q_OBJECT
public:
    explicit FrameDetailsView(QWidget *parent = nullptr);

    // bytesRecorded false: the row is known but its frame's bytes were not kept (the capture's
    // writer was too far behind); the pane says so instead of showing an empty frame.
    void setEvent(const BrokerEvent &event, bool bytesRecorded = true);
    // Extra lines about the frame, e.g. its send/answer pairing and round-trip time.
    void setRelationText(const QString &text);
    // The frame's contract violations, one line each (empty: none or no contracts); shown
    // under the summary in the colour of problems.
    void setContractText(const QString &text);
    QString contractText() const;
    void clear();

    QString prettyText() const;
    QString rawText() const;
    QString summaryText() const;
    QString summaryToolTip() const;
    QString hexText() const;
    // The Compare tab (attach it to the log whose selection it compares).
    FrameDiffView *diffView() const { return m_diff; }
    // The "showing the first … bytes" line over the tabs; empty when the whole frame is shown.
    QString partialText() const;
    // Shows four times as many bytes of a frame too long to show whole (the "Show more" link).
    void showMore();
    // The JSON tab's context menu for a position of its text (the caller owns it): the text
    // view's own entries and Plot This Path (objectName plotThisPath) for the member there,
    // disabled with a tooltip saying why unless its value is a number.
    QMenu *jsonContextMenu(int textPosition);

    // Bytes of a frame the JSON and Raw tabs lay out at first: laying out a megabyte of text
    // would hold the window for seconds. The hex view shows the first HexBytes (a line per 16).
    static constexpr qsizetype ShownBytes = 64 * 1024;
    static constexpr qsizetype HexBytes = 16 * 1024;
    // Lines the JSON tab lays out at first (a number array has one per number): with the hex
    // view's, about what the window lays out within 100 ms.
    static constexpr qsizetype ShownLines = 2000;

Q_SIGNALS:
    // Plot This Path was chosen for this path (JsonPath spelling, from the frame's top level).
    void plotPathRequested(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // A broker event (no frame) as a JSON object, for its JSON tab.
    static QByteArray eventJson(const BrokerEvent &event);
    void copyCurrent();
    void updateHex(); // as many bytes a row as fit the hex view's width, both columns visible
    void showText();  // the JSON and Raw tabs and the partial line, for m_shownBytes

    QLabel *m_summary;
    QLabel *m_relation;
    QLabel *m_contract;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_pretty;
    QPlainTextEdit *m_raw;
    QPlainTextEdit *m_hex;
    FrameDiffView *m_diff;
    QToolButton *m_copy;
    QLabel *m_partial;
    QByteArray m_data;
    bool m_textFrame = false; // JSON and Raw show m_data (a text frame)
    qsizetype m_shownBytes = ShownBytes;
    int m_hexBytesPerRow = 16;
};
