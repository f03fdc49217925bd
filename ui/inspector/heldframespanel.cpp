#include "heldframespanel.h"

#include "consolejson.h"
#include "heldframemodel.h"
#include "jsoneditor.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// The broker writes a held frame as a protocol frame: a JSON object, not any JSON value.
bool isObjectText(const QString &text) {
    for (const QChar c : text)
        if (!c.isSpace())
            return c == QLatin1Char('{');
    return false;
}

} // namespace

HeldFramesPanel::HeldFramesPanel(HeldFrameModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_editor(new JsonEditor(this))
    , m_message(new QLabel(this))
    , m_release(new QPushButton(tr("&Release"), this))
    , m_releaseEdited(new QPushButton(tr("Release &Edited"), this))
    , m_drop(new QPushButton(tr("&Drop"), this))
    , m_releaseAll(new QPushButton(tr("Release &All"), this)) {
    m_view->setObjectName(QStringLiteral("heldFrames"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // A handful of rows (the broker bounds how many frames it holds): every column but the
    // frame's summary as wide as its text, the summary the rest.
    for (int column = 0; column < HeldFrameModel::SummaryColumn; ++column)
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_editor->setObjectName(QStringLiteral("heldFrameEditor"));
    m_editor->setPlaceholderText(tr("Select a held frame to see and edit its JSON"));
    m_message->setObjectName(QStringLiteral("heldFrameMessage"));
    m_message->setWordWrap(true);
    m_release->setObjectName(QStringLiteral("releaseHeld"));
    m_releaseEdited->setObjectName(QStringLiteral("releaseEdited"));
    m_drop->setObjectName(QStringLiteral("dropHeld"));
    m_releaseAll->setObjectName(QStringLiteral("releaseAllHeld"));
    m_release->setToolTip(tr("Send the frame on as it was held"));
    m_releaseEdited->setToolTip(tr("Send the edited JSON instead of the held frame (Ctrl+Enter)"));
    m_drop->setToolTip(tr("Discard the frame: its receiver never gets it"));
    m_releaseAll->setToolTip(tr("Send every held frame on as it was held"));

    auto *editorPane = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_message);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(editorPane);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2); // the editor is where the work is
    // Two rows of two: in one row the four buttons held the dock wider than its default
    // width, and Release All was cut off behind a scroll bar.
    auto *buttons = new QGridLayout;
    buttons->addWidget(m_release, 0, 0);
    buttons->addWidget(m_releaseEdited, 0, 1);
    buttons->addWidget(m_drop, 1, 0);
    buttons->addWidget(m_releaseAll, 1, 1);
    buttons->setColumnStretch(2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HeldFramesPanel::showCurrent);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &HeldFramesPanel::showCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HeldFramesPanel::showCurrent);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        // The first held frame is shown at once: it is the one the user is waiting for.
        if (m_ticket == 0)
            m_view->selectRow(0);
        updateState();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &HeldFramesPanel::updateState);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &HeldFramesPanel::updateState);
    connect(m_release, &QPushButton::clicked, this, [this] {
        if (m_ticket != 0)
            emit releaseRequested(m_ticket);
    });
    const auto releaseEdited = [this] {
        if (m_ticket != 0 && m_releaseEdited->isEnabled())
            emit releaseEditedRequested(m_ticket,
                                        ConsoleJson::compacted(m_editor->toPlainText()).toUtf8());
    };
    connect(m_releaseEdited, &QPushButton::clicked, this, releaseEdited);
    connect(m_editor, &JsonEditor::submitRequested, this, releaseEdited);
    connect(m_drop, &QPushButton::clicked, this, [this] {
        if (m_ticket != 0)
            emit dropRequested(m_ticket);
    });
    connect(m_releaseAll, &QPushButton::clicked, this, &HeldFramesPanel::releaseAllRequested);
    showCurrent();
}

HeldFramesPanel::~HeldFramesPanel() = default;

void HeldFramesPanel::showCurrent() {
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const quint64 ticket = current.isValid() ? m_model->frameAt(current.row()).ticket : quint64(0);
    // The same frame (another row left above it) keeps what the user typed.
    if (ticket != m_ticket || ticket == 0) {
        m_ticket = ticket;
        m_shownText =
            ticket == 0
                ? QString()
                : ConsoleJson::beautified(QString::fromUtf8(m_model->frameAt(current.row()).frame));
        m_editor->setPlainText(m_shownText);
    }
    updateState();
}

void HeldFramesPanel::updateState() {
    const bool selected = m_ticket != 0;
    const QString text = m_editor->toPlainText();
    const bool object = m_editor->isValid() && isObjectText(text);
    m_editor->setReadOnly(!selected);
    m_release->setEnabled(selected);
    m_drop->setEnabled(selected);
    m_releaseEdited->setEnabled(selected && object && text != m_shownText);
    m_releaseAll->setEnabled(m_model->rowCount() > 0);

    QString message;
    if (selected) {
        const int row = m_model->rowOfTicket(m_ticket);
        const QString refusal = row >= 0 ? m_model->refusalAt(row) : QString();
        if (!m_editor->isValid())
            message = tr("Not valid JSON, cannot release the edit: %1").arg(m_editor->errorText());
        else if (!object)
            message = tr("A frame must stay a JSON object to be released edited.");
        else if (!refusal.isEmpty())
            message = tr("The broker refused the edit: %1").arg(refusal);
    }
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}
