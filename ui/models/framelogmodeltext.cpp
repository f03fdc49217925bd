// FrameLogModel's text: the summary column, tooltips and headers (the model's data() in
// framelogmodel.cpp hands them to views).
#include "framelogmodel.h"

#include "displaytext.h"
#include "jsonmembers.h"
#include "jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

constexpr int SummaryLength = 120;

QString elide(QString text) {
    if (text.size() > SummaryLength) {
        text.truncate(SummaryLength);
        text.append(QChar(0x2026));
    }
    return text;
}

// The first bytes of a frame as one line of text.
QString rawPreview(const QByteArray &data) {
    QString text = QString::fromUtf8(data.left(SummaryLength * 4)).simplified();
    return elide(text);
}

QString hexPreview(const QByteArray &data) {
    constexpr int Bytes = 24;
    QString text = QString::fromLatin1(data.left(Bytes).toHex(' '));
    if (data.size() > Bytes)
        text.append(QChar(0x2026));
    return text;
}

QString joinIds(const QJsonValue &dest) {
    if (dest.isString())
        return dest.toString();
    QStringList ids;
    const QJsonArray array = dest.toArray();
    for (const QJsonValue &id : array)
        ids.append(id.toString());
    return ids.join(QStringLiteral(", "));
}

// The whole members of a frame cut short, as an object, and its message as far as it goes
// (an ellipsis where it was cut).
QJsonObject cutFrame(const QByteArray &data, QString *message) {
    QJsonObject frame;
    for (const JsonMembers::Member &m : JsonMembers::prefix(data)) {
        if (m.name == "message") {
            *message = QString::fromUtf8(JsonText::compact(m.value));
            if (!m.complete)
                message->append(QChar(0x2026));
        } else if (m.complete) {
            // One member alone through the document parser, for its decoded value.
            const QByteArray one = "{\"v\":" + m.value.toByteArray() + '}';
            frame.insert(QString::fromUtf8(m.name),
                         QJsonDocument::fromJson(one).object().value(u"v"));
        }
    }
    return frame;
}

} // namespace

QString FrameLogModel::summary(int row) const {
    const quint64 serial = serialAt(row);
    if (const QString *cached = m_summaryCache.object(serial))
        return *cached;
    // Visible here, once, so that the cached text and every view show client text as text.
    QString text = DisplayText::visible(makeSummary(eventAt(row)));
    m_summaryCache.insert(serial, new QString(text));
    return text;
}

QString FrameLogModel::makeSummary(const BrokerEvent &e) const {
    using Kind = BrokerEvent::Kind;
    using Outcome = BrokerEvent::Outcome;
    switch (e.kind) {
    case Kind::ConnectionOpened:
        return e.detail.isEmpty() ? tr("connection opened") : e.detail;
    case Kind::ConnectionClosed:
        if (e.detail.isEmpty())
            return DisplayText::closeReason(e.closeReason);
        return tr("%1: %2").arg(DisplayText::closeReason(e.closeReason), e.detail);
    case Kind::ClientRegistered:
        if (e.detail.isEmpty())
            return tr("registered as %1").arg(QString::fromUtf8(e.clientId));
        return tr("registered as %1 (%2)").arg(QString::fromUtf8(e.clientId), e.detail);
    case Kind::ClientUnregistered:
        if (e.detail.isEmpty())
            return tr("released %1").arg(QString::fromUtf8(e.clientId));
        return tr("released %1 (%2)").arg(QString::fromUtf8(e.clientId), e.detail);
    case Kind::RoomCreated:
        return tr("room %1 created").arg(DisplayText::roomName(e.room));
    case Kind::RoomRemoved:
        return tr("room %1 removed").arg(DisplayText::roomName(e.room));
    case Kind::FrameIn:
    case Kind::FrameOut:
        break;
    }

    if (e.binary)
        return tr("binary: %1").arg(hexPreview(e.data));

    // Frames recorded whole are parsed; cut ones are read as far as they go (the members
    // before the cut, and the start of the one it fell in).
    const bool cut = e.data.size() < e.size;
    QJsonObject frame;
    QString message;
    if (e.action == FrameAction::None) {
        // Not a protocol frame: shown as its text.
    } else if (!cut) {
        frame = QJsonDocument::fromJson(e.data).object();
        // The message as it was on the wire: members in their order, numbers as spelled.
        message = QString::fromUtf8(JsonMembers::compact(e.data, "message").value_or(QByteArray()));
    } else {
        frame = cutFrame(e.data, &message);
    }
    QString text;
    if (frame.isEmpty() || e.action == FrameAction::None) {
        text = rawPreview(e.data);
    } else {
        switch (e.action) {
        case FrameAction::Register:
        case FrameAction::Unregister:
        case FrameAction::Registered:
        case FrameAction::Unregistered:
            text = frame.value(u"id").toString();
            break;
        case FrameAction::Send:
            text = tr("to %1: %2").arg(joinIds(frame.value(u"dest")), message);
            break;
        case FrameAction::Message:
            text = tr("from %1: %2").arg(frame.value(u"from").toString(), message);
            break;
        case FrameAction::Answer:
            if (e.kind == Kind::FrameOut)
                text = tr("from %1: %2").arg(frame.value(u"from").toString(), message);
            else
                text = message;
            break;
        case FrameAction::Error:
            text = tr("%1: %2").arg(frame.value(u"code").toString(),
                                    frame.value(u"reason").toString());
            break;
        case FrameAction::None:
            break;
        }
        text = elide(text);
    }
    // Drops and partial deliveries say why; rejections are explained by the error frame that
    // follows, so the client's own text stays visible.
    if (!e.detail.isEmpty() &&
        (e.outcome == Outcome::DroppedAnswer || e.outcome == Outcome::SkippedUnknownId ||
         e.outcome == Outcome::PartlyDelivered || e.outcome == Outcome::Ignored))
        text = tr("%1 [%2: %3]").arg(text, DisplayText::outcome(e.outcome), e.detail);
    // What traffic control did to the frame (held, edited, delayed, dropped by a rule).
    if (e.dropped)
        text = tr("%1 [not delivered: %2]")
                   .arg(text, e.intervention.isEmpty() ? tr("dropped") : e.intervention);
    else if (!e.intervention.isEmpty())
        text = tr("%1 [%2]").arg(text, e.intervention);
    return text;
}

QString FrameLogModel::toolTip(const BrokerEvent &e, int column, AskState ask) const {
    switch (column) {
    case TimeColumn:
        return DisplayText::dateTime(e.timeMs);
    case RoomColumn:
        // The cell is elided: the whole name here.
        return e.connectionId == 0 ? QString() : DisplayText::roomName(e.room);
    case ClientColumn:
        if (e.clientId.isEmpty())
            return tr("Connection %1").arg(e.connectionId);
        return tr("%1\nConnection %2")
            .arg(DisplayText::clientName(e.clientId, e.connectionId))
            .arg(e.connectionId);
    case DirectionColumn:
        if (e.kind == BrokerEvent::Kind::FrameIn)
            return tr("From the client to the broker");
        if (e.kind == BrokerEvent::Kind::FrameOut)
            return tr("From the broker to the client");
        return tr("Broker event");
    case SizeColumn:
        if (e.data.size() < e.size)
            return tr("%1 bytes, first %2 recorded").arg(e.size).arg(e.data.size());
        return QString();
    case SummaryColumn: {
        QStringList lines;
        if (!e.ack.isEmpty())
            lines.append(tr("ack %1").arg(QString::fromUtf8(e.ack)));
        if (e.outcome != BrokerEvent::Outcome::None && e.outcome != BrokerEvent::Outcome::Done)
            lines.append(e.detail.isEmpty()
                             ? DisplayText::outcome(e.outcome)
                             : tr("%1: %2").arg(DisplayText::outcome(e.outcome), e.detail));
        else if (!e.detail.isEmpty())
            lines.append(e.detail);
        if (!e.intervention.isEmpty())
            lines.append(e.dropped ? tr("Not delivered: %1").arg(e.intervention)
                                   : tr("Traffic control: %1").arg(e.intervention));
        if (ask == AskState::Unanswered)
            lines.append(
                tr("No answer after %1").arg(DisplayText::duration(m_unansweredThresholdMs)));
        else if (ask == AskState::Waiting)
            lines.append(tr("Waiting for an answer"));
        // Acks and details carry client text; the line breaks between them are ours.
        for (QString &line : lines)
            line = DisplayText::visible(line);
        return lines.join(QLatin1Char('\n'));
    }
    default:
        return QString();
    }
}

QVariant FrameLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case RoomColumn:
        return tr("Room");
    case ClientColumn:
        return tr("Client");
    case DirectionColumn:
        return tr("Dir");
    case ActionColumn:
        return tr("Action");
    case SizeColumn:
        return tr("Size");
    case SummaryColumn:
        return tr("Summary");
    }
    return QVariant();
}
