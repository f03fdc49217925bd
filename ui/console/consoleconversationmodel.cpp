#include "consoleconversationmodel.h"

#include "displaytext.h"

#include <QDateTime>
#include <QFont>

namespace {

// Message cells show one line; the tool tip and MessageRole carry the whole text.
constexpr qsizetype CellTextLimit = 300;
constexpr qsizetype ToolTipLimit = 4000;

// Client text in a cell: one line, line breaks and other control characters shown (DisplayText).
QString oneLine(const QString &text, qsizetype limit) {
    return DisplayText::visible(DisplayText::elided(text, int(limit)));
}

} // namespace

ConsoleConversationModel::ConsoleConversationModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_inIcon(QStringLiteral(":/icons/arrow-in.svg"))
    , m_outIcon(QStringLiteral(":/icons/arrow-out.svg"))
    , m_errorIcon(QStringLiteral(":/icons/error.svg"))
    , m_clientIcon(QStringLiteral(":/icons/client.svg"))
    , m_disconnectIcon(QStringLiteral(":/icons/disconnect.svg")) {}

ConsoleConversationModel::~ConsoleConversationModel() = default;

void ConsoleConversationModel::setCapacity(int capacity) {
    m_capacity = std::max(1, capacity);
    const int excess = count() - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + excess);
        endRemoveRows();
    }
}

int ConsoleConversationModel::append(Entry entry) {
    if (entry.timeMs == 0)
        entry.timeMs = QDateTime::currentMSecsSinceEpoch();
    if (count() >= m_capacity) {
        const int excess = count() - m_capacity + 1;
        beginRemoveRows({}, 0, excess - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + excess);
        endRemoveRows();
    }
    const int row = count();
    beginInsertRows({}, row, row);
    m_entries.push_back(std::move(entry));
    endInsertRows();
    return row;
}

int ConsoleConversationModel::findLast(Kind kind, const QString &ack) const {
    for (int row = count() - 1; row >= 0; --row) {
        const Entry &e = m_entries[size_t(row)];
        if (e.kind == kind && e.ack == ack)
            return row;
    }
    return -1;
}

int ConsoleConversationModel::markAnswered(Kind kind, const QString &ack, qint64 roundTripUs) {
    const int row = findLast(kind, ack);
    if (row < 0)
        return -1;
    Entry &e = m_entries[size_t(row)];
    e.answered = true;
    if (roundTripUs >= 0)
        e.roundTripUs = roundTripUs;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return row;
}

int ConsoleConversationModel::markUnreachable(const QString &ack, const QString &why) {
    const int row = findLast(Kind::Sent, ack);
    if (row < 0)
        return -1;
    Entry &e = m_entries[size_t(row)];
    e.unreachable = true;
    e.unreachableWhy = why;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return row;
}

void ConsoleConversationModel::clear() {
    if (m_entries.empty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

QString ConsoleConversationModel::kindName(Kind kind) {
    switch (kind) {
    case Kind::Connected:
        return tr("connected");
    case Kind::Disconnected:
        return tr("disconnected");
    case Kind::Registered:
        return tr("registered");
    case Kind::Unregistered:
        return tr("unregistered");
    case Kind::Sent:
        return tr("sent");
    case Kind::Received:
        return tr("received");
    case Kind::AnswerSent:
        return tr("answered");
    case Kind::AnswerReceived:
        return tr("answer");
    case Kind::RawSent:
        return tr("raw frame");
    case Kind::Error:
        return tr("error");
    case Kind::Info:
        return tr("info");
    }
    return {};
}

QString ConsoleConversationModel::formatRoundTrip(qint64 roundTripUs) {
    if (roundTripUs < 0)
        return {};
    if (roundTripUs < 10000)
        return tr("%1 ms").arg(double(roundTripUs) / 1000.0, 0, 'f', 2);
    return tr("%1 ms").arg(double(roundTripUs) / 1000.0, 0, 'f', 0);
}

QString ConsoleConversationModel::answerText(const Entry &entry) const {
    switch (entry.kind) {
    case Kind::AnswerReceived:
        return formatRoundTrip(entry.roundTripUs);
    case Kind::Sent:
        if (entry.ack.isEmpty())
            return {};
        if (entry.unreachable)
            return tr("reached no one");
        return entry.answered ? tr("answered in %1").arg(formatRoundTrip(entry.roundTripUs))
                              : tr("waiting for an answer");
    case Kind::Received:
        if (entry.ack.isEmpty())
            return {};
        return entry.answered ? tr("answered") : tr("select to answer");
    case Kind::AnswerSent:
        return entry.autoAnswered ? tr("auto-answer") : QString();
    default:
        return {};
    }
}

QIcon ConsoleConversationModel::iconFor(Kind kind) const {
    switch (kind) {
    case Kind::Sent:
    case Kind::AnswerSent:
    case Kind::RawSent:
        return m_outIcon;
    case Kind::Received:
    case Kind::AnswerReceived:
        return m_inIcon;
    case Kind::Error:
        return m_errorIcon;
    case Kind::Connected:
    case Kind::Registered:
        return m_clientIcon;
    case Kind::Disconnected:
    case Kind::Unregistered:
        return m_disconnectIcon;
    case Kind::Info:
        break;
    }
    return {};
}

int ConsoleConversationModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : count();
}

int ConsoleConversationModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConsoleConversationModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(
                QStringLiteral("HH:mm:ss.zzz"));
        case EventColumn:
            return kindName(e.kind);
        case PeerColumn:
            return oneLine(e.peer, DisplayText::NameLength);
        case AckColumn:
            return oneLine(e.ack, DisplayText::NameLength);
        case MessageColumn:
            return oneLine(e.text, CellTextLimit);
        case AnswerColumn:
            return answerText(e);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn && !e.text.isEmpty())
            return DisplayText::visibleLines(DisplayText::elided(e.text, ToolTipLimit));
        if (index.column() == PeerColumn && !e.peer.isEmpty())
            return DisplayText::visible(e.peer);
        if (index.column() == AckColumn && !e.ack.isEmpty())
            return DisplayText::visible(e.ack);
        if (index.column() == AnswerColumn && e.unreachable)
            return tr("No answer will come: %1").arg(DisplayText::visible(e.unreachableWhy));
        return {};
    case Qt::DecorationRole:
        return index.column() == EventColumn ? QVariant(iconFor(e.kind)) : QVariant();
    case Qt::FontRole:
        if (e.kind == Kind::Error || (index.column() == AnswerColumn && e.kind == Kind::Received &&
                                      !e.ack.isEmpty() && !e.answered)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case KindRole:
        return int(e.kind);
    case TimeMsRole:
        return e.timeMs;
    case PeerRole:
        return e.peer;
    case AckRole:
        return e.ack;
    case MessageRole:
        return e.text;
    case RoundTripRole:
        return e.roundTripUs < 0 ? -1.0 : double(e.roundTripUs) / 1000.0;
    case AnsweredRole:
        return e.answered;
    case CanAnswerRole:
        return e.kind == Kind::Received && !e.ack.isEmpty() && !e.answered;
    }
    return {};
}

QVariant ConsoleConversationModel::headerData(int section, Qt::Orientation orientation,
                                              int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case EventColumn:
        return tr("Event");
    case PeerColumn:
        return tr("Peer");
    case AckColumn:
        return tr("Ack");
    case MessageColumn:
        return tr("Message");
    case AnswerColumn:
        return tr("Answer");
    }
    return {};
}
