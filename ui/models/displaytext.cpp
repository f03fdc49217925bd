#include "displaytext.h"

#include "framecodec.h"

#include <QDateTime>

#include <algorithm>
#include <utility>

namespace {

// Characters that would change how the text around them is read rather than show themselves.
bool isDisguising(char32_t c) {
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        return true;
    if (c == 0x200d) // zero-width joiner: holds emoji sequences together, changes no reading
        return false;
    switch (QChar::category(c)) {
    case QChar::Other_Format: // bidi embeddings, overrides and isolates, zero widths, tags
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Other_Surrogate:
        return true;
    default:
        return false;
    }
}

void appendVisible(QString &out, char32_t c) {
    if (c < 0x20) {
        out += QChar(char16_t(0x2400 + c)); // control pictures: ␀ … ␟
    } else if (c == 0x7f) {
        out += QChar(char16_t(0x2421)); // ␡
    } else {
        out += QChar(char16_t(0x27e8)); // ⟨U+XXXX⟩
        out += QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
        out += QChar(char16_t(0x27e9));
    }
}

// The code point at i and how many UTF-16 units it takes (a lone surrogate is one, shown).
std::pair<char32_t, qsizetype> codePointAt(QStringView text, qsizetype i) {
    const char16_t u = text[i].unicode();
    if (QChar::isHighSurrogate(u) && i + 1 < text.size() && text[i + 1].isLowSurrogate())
        return {QChar::surrogateToUcs4(u, text[i + 1].unicode()), 2};
    return {u, 1};
}

QString makeVisible(QStringView text, bool keepLines) {
    const auto shown = [keepLines](char32_t c) {
        if (c >= 0x20 && c < 0x7f)
            return false; // most text: printable ASCII
        return isDisguising(c) && !(keepLines && (c == u'\n' || c == u'\t'));
    };
    // Most text has nothing to show: find the first character that needs it before copying.
    const qsizetype n = text.size();
    qsizetype first = 0;
    while (first < n) {
        const auto [c, units] = codePointAt(text, first);
        if (shown(c))
            break;
        first += units;
    }
    if (first >= n)
        return text.toString();
    QString out;
    out.reserve(n + 16);
    out += text.left(first);
    for (qsizetype i = first; i < n;) {
        const auto [c, units] = codePointAt(text, i);
        if (shown(c))
            appendVisible(out, c);
        else
            out += text.mid(i, units);
        i += units;
    }
    return out;
}

} // namespace

QString DisplayText::visible(QStringView text) {
    return makeVisible(text, false);
}

QString DisplayText::visibleLines(QStringView text) {
    return makeVisible(text, true);
}

QString DisplayText::elided(const QString &text, int maxChars) {
    if (text.size() <= maxChars)
        return text;
    qsizetype cut = std::max(0, maxChars - 1);
    if (cut > 0 && text[cut - 1].isHighSurrogate())
        --cut;
    return text.left(cut) + QChar(0x2026);
}

QString DisplayText::roomName(const QString &room) {
    return room.isEmpty() ? QStringLiteral("/") : visible(room);
}

QString DisplayText::clientName(const QByteArray &clientId, quint64 connectionId) {
    if (clientId.isEmpty())
        return QLatin1Char('#') + QString::number(connectionId);
    return visible(QString::fromUtf8(clientId));
}

QString DisplayText::roomLabel(const QString &room) {
    if (room.isEmpty())
        return QStringLiteral("/");
    return visible(elided(room));
}

QString DisplayText::clientLabel(const QByteArray &clientId, quint64 connectionId) {
    if (clientId.isEmpty())
        return QLatin1Char('#') + QString::number(connectionId);
    return visible(elided(QString::fromUtf8(clientId)));
}

QString DisplayText::closeReason(CloseReason reason) {
    switch (reason) {
    case CloseReason::None:
        return tr("open");
    case CloseReason::ClientClosed:
        return tr("client closed");
    case CloseReason::ServerStopping:
        return tr("broker stopped");
    case CloseReason::ClosedByUser:
        return tr("disconnected by you");
    case CloseReason::SlowConsumer:
        return tr("slow consumer");
    case CloseReason::MessageTooBig:
        return tr("message too big");
    case CloseReason::InvalidUtf8:
        return tr("invalid UTF-8");
    case CloseReason::PingTimeout:
        return tr("ping timeout");
    case CloseReason::TokenRefused:
        return tr("token refused");
    case CloseReason::OriginRefused:
        return tr("origin refused");
    case CloseReason::TooManyConnections:
        return tr("too many connections");
    case CloseReason::ProtocolError:
        return tr("protocol error");
    case CloseReason::HandshakeRefused:
        return tr("handshake refused");
    case CloseReason::HandshakeTimeout:
        return tr("handshake timed out");
    case CloseReason::ConnectionLost:
        return tr("connection lost");
    case CloseReason::ClosedByRule:
        return tr("closed by a traffic rule");
    }
    return QString();
}

QString DisplayText::outcome(BrokerEvent::Outcome outcome) {
    using Outcome = BrokerEvent::Outcome;
    switch (outcome) {
    case Outcome::None:
        return QString();
    case Outcome::Done:
        return tr("done");
    case Outcome::PartlyDelivered:
        return tr("partly delivered");
    case Outcome::SkippedUnknownId:
        return tr("unknown destination");
    case Outcome::DroppedAnswer:
        return tr("answer dropped");
    case Outcome::Rejected:
        return tr("rejected");
    case Outcome::Ignored:
        return tr("ignored");
    }
    return QString();
}

QString DisplayText::systemEventName(BrokerEvent::Kind kind) {
    using Kind = BrokerEvent::Kind;
    switch (kind) {
    case Kind::FrameIn:
    case Kind::FrameOut:
        return QString();
    case Kind::ConnectionOpened:
        return tr("connected");
    case Kind::ConnectionClosed:
        return tr("closed");
    case Kind::ClientRegistered:
        return tr("id bound");
    case Kind::ClientUnregistered:
        return tr("id released");
    case Kind::RoomCreated:
        return tr("room created");
    case Kind::RoomRemoved:
        return tr("room removed");
    }
    return QString();
}

QString DisplayText::actionName(const BrokerEvent &event) {
    if (event.kind != BrokerEvent::Kind::FrameIn && event.kind != BrokerEvent::Kind::FrameOut)
        return systemEventName(event.kind);
    if (event.action == FrameAction::None)
        return event.binary ? tr("(binary)") : tr("(invalid)");
    return QString::fromLatin1(FrameCodec::actionName(event.action));
}

QString DisplayText::time(qint64 msSinceEpoch) {
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch)
        .time()
        .toString(QStringLiteral("hh:mm:ss.zzz"));
}

QString DisplayText::dateTime(qint64 msSinceEpoch) {
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch)
        .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"));
}

QString DisplayText::duration(qint64 ms) {
    if (ms < 0)
        ms = 0;
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    const qint64 s = ms / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    const auto twoDigits = [](qint64 v) {
        return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0'));
    };
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(twoDigits(s % 60));
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg(twoDigits((s / 60) % 60));
    return tr("%1 d %2 h").arg(s / 86400).arg(twoDigits((s / 3600) % 24));
}

QString DisplayText::remoteAddress(const QString &address, quint16 port) {
    if (address.isEmpty())
        return QString();
    if (address.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(address).arg(port);
    return QStringLiteral("%1:%2").arg(address).arg(port);
}
