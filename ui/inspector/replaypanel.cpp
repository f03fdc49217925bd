#include "replaypanel.h"

#include "jsondiffmodel.h"
#include "jsonhighlighter.h"
#include "replaydifferencemodel.h"
#include "replayer.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QPlainTextEdit *jsonPane(QWidget *parent, const QString &name, const QString &placeholder) {
    auto *pane = new QPlainTextEdit(parent);
    pane->setObjectName(name);
    pane->setReadOnly(true);
    pane->setLineWrapMode(QPlainTextEdit::NoWrap);
    pane->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    pane->setPlaceholderText(placeholder);
    new JsonHighlighter(pane->document());
    return pane;
}

QString pretty(const QJsonObject &frame) {
    return frame.isEmpty()
               ? QString()
               : QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Indented));
}

} // namespace

ReplayPanel::ReplayPanel(QWidget *parent)
    : QWidget(parent)
    , m_differences(new ReplayDifferenceModel(this))
    , m_changes(new JsonDiffModel(this)) {
    m_status = new QLabel(tr("No replay yet: Broker → Replay Recording…"), this);
    m_status->setObjectName(QStringLiteral("replayStatus"));
    m_status->setWordWrap(true);
    m_stopButton = new QPushButton(tr("Stop Replay"), this);
    m_stopButton->setObjectName(QStringLiteral("stopReplay"));
    m_stopButton->setEnabled(false);
    connect(m_stopButton, &QPushButton::clicked, this, &ReplayPanel::stopRequested);
    m_againButton = new QPushButton(tr("Replay Again"), this);
    m_againButton->setObjectName(QStringLiteral("replayAgain"));
    m_againButton->setEnabled(false);
    connect(m_againButton, &QPushButton::clicked, this, &ReplayPanel::replayAgainRequested);

    m_differenceView = new QTableView(this);
    m_differenceView->setObjectName(QStringLiteral("replayDifferences"));
    m_differenceView->setModel(m_differences);
    m_differenceView->verticalHeader()->hide();
    m_differenceView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_differenceView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_differenceView->horizontalHeader()->setStretchLastSection(true);
    m_differenceView->setWordWrap(false);
    connect(m_differenceView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showDifference(current.row()); });
    // The first difference is shown as soon as it is found.
    connect(m_differences, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_differenceView->selectionModel()->currentIndex().isValid()) {
            m_differenceView->selectRow(0);
            m_differenceView->resizeColumnsToContents();
        }
    });

    m_expected = jsonPane(this, QStringLiteral("replayExpected"), tr("What the recording has"));
    m_actual = jsonPane(this, QStringLiteral("replayActual"), tr("What the replay did"));
    m_changes->setValueHeaders(tr("Recorded"), tr("Replayed"));
    auto *changes = new QTableView(this);
    changes->setObjectName(QStringLiteral("replayChanges"));
    changes->setModel(m_changes);
    changes->verticalHeader()->hide();
    changes->horizontalHeader()->setStretchLastSection(true);
    changes->setWordWrap(false);

    auto *sideBySide = new QWidget(this);
    auto *grid = new QGridLayout(sideBySide);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(new QLabel(tr("Recorded"), sideBySide), 0, 0);
    grid->addWidget(new QLabel(tr("Replayed"), sideBySide), 0, 1);
    grid->addWidget(m_expected, 1, 0);
    grid->addWidget(m_actual, 1, 1);
    grid->addWidget(changes, 2, 0, 1, 2);
    grid->setRowStretch(1, 3);
    grid->setRowStretch(2, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_differenceView);
    splitter->addWidget(sideBySide);
    splitter->setStretchFactor(1, 2);

    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_stopButton);
    top->addWidget(m_againButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
}

void ReplayPanel::setReplayer(Replayer *replayer) {
    if (m_replayer)
        m_replayer->disconnect(this);
    m_replayer = replayer;
    m_differences->clear();
    showDifference(-1);
    if (replayer) {
        connect(replayer, &Replayer::stateChanged, this, &ReplayPanel::updateStatus);
        connect(replayer, &Replayer::progress, this, &ReplayPanel::updateStatus);
        connect(replayer, &Replayer::differenceFound, m_differences,
                &ReplayDifferenceModel::append);
        connect(replayer, &Replayer::finished, this, [this] {
            // Missing frames are known only at the end.
            for (const ReplayComparer::Difference &d : m_replayer->comparer().differences()) {
                if (d.kind == ReplayComparer::Difference::Kind::Missing)
                    m_differences->append(d);
            }
            updateStatus();
        });
    }
    updateStatus();
}

void ReplayPanel::updateStatus() {
    const Replayer::State state = m_replayer ? m_replayer->state() : Replayer::State::Idle;
    m_stopButton->setEnabled(state == Replayer::State::WaitingForLive ||
                             state == Replayer::State::Playing);
    m_againButton->setEnabled(state == Replayer::State::Finished);
    if (!m_replayer)
        return;
    const ReplayComparer::Summary s = m_replayer->comparer().summary();
    switch (state) {
    case Replayer::State::Idle:
        break;
    case Replayer::State::WaitingForLive:
        m_status->setText(tr("Waiting for the live client(s) %1 to connect and register")
                              .arg(m_replayer->missingLiveIds().join(QStringLiteral(", "))));
        break;
    case Replayer::State::Playing:
        m_status->setText(tr("Replaying: %1 of %2 frames sent; %3 matched, %4 differing")
                              .arg(m_replayer->framesSent())
                              .arg(m_replayer->framesToSend())
                              .arg(s.matched)
                              .arg(s.differing));
        break;
    case Replayer::State::Finished: {
        const QString summary = tr("%1 frames matched, %2 differing, %3 missing, %4 extra")
                                    .arg(s.matched)
                                    .arg(s.differing)
                                    .arg(s.missing)
                                    .arg(s.extra);
        m_status->setText(
            m_replayer->passed()
                ? tr("<b>Replay matched:</b> %1").arg(summary)
                : (m_replayer->failure().isEmpty()
                       ? tr("<b>Replay differs:</b> %1").arg(summary)
                       : tr("<b>Replay failed:</b> %1; %2").arg(m_replayer->failure(), summary)));
        break;
    }
    }
}

void ReplayPanel::showDifference(int row) {
    if (row < 0 || row >= m_differences->rowCount()) {
        m_expected->clear();
        m_actual->clear();
        m_changes->clear();
        return;
    }
    const ReplayComparer::Difference &d = m_differences->difference(row);
    m_expected->setPlainText(pretty(d.expected));
    m_actual->setPlainText(pretty(d.actual));
    m_changes->setChanges(d.changes);
}
