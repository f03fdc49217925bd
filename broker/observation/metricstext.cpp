#include "metricstext.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>
#include <unistd.h>

namespace {

// Label values of CloseReason for the connections that were open (the other reasons are
// handshake failures); empty for those that are not.
QByteArrayView closeReasonName(CloseReason reason) {
    switch (reason) {
    case CloseReason::ClientClosed:
        return "client_closed";
    case CloseReason::ServerStopping:
        return "server_stopping";
    case CloseReason::ClosedByUser:
        return "closed_by_user";
    case CloseReason::SlowConsumer:
        return "slow_consumer";
    case CloseReason::MessageTooBig:
        return "message_too_big";
    case CloseReason::InvalidUtf8:
        return "invalid_utf8";
    case CloseReason::PingTimeout:
        return "ping_timeout";
    case CloseReason::TokenRefused:
        return "token_refused";
    case CloseReason::TooManyConnections:
        return "too_many_connections";
    case CloseReason::ProtocolError:
        return "protocol_error";
    case CloseReason::ConnectionLost:
        return "connection_lost";
    case CloseReason::ClosedByRule:
        return "closed_by_rule";
    case CloseReason::None:
    case CloseReason::OriginRefused:
    case CloseReason::HandshakeRefused:
    case CloseReason::HandshakeTimeout:
        break;
    }
    return {};
}

QByteArrayView skippedName(SkippedDelivery why) {
    switch (why) {
    case SkippedDelivery::UnknownId:
        return "unknown_id";
    case SkippedDelivery::ReceiverClosing:
        return "receiver_closing";
    case SkippedDelivery::SenderClosing:
        return "sender_closing";
    case SkippedDelivery::Dropped:
        return "dropped";
    case SkippedDelivery::UnsentAtClose:
        return "unsent_at_close";
    case SkippedDelivery::AnswerUnknownAck:
        return "answer_unknown_ack";
    case SkippedDelivery::AnswerNotRecipient:
        return "answer_not_recipient";
    case SkippedDelivery::AnswerAskerLeft:
        return "answer_asker_left";
    }
    return {};
}

QByteArray closeCodeName(size_t slot) {
    if (slot < 16)
        return QByteArray::number(1000 + int(slot));
    return slot == 16 ? "3000-3999" : slot == 17 ? "4000-4999" : "other";
}

constexpr FrameAction ReceivedActions[] = {FrameAction::Register, FrameAction::Unregister,
                                           FrameAction::Send, FrameAction::Answer,
                                           FrameAction::None};
constexpr FrameAction SentActions[] = {FrameAction::Registered, FrameAction::Unregistered,
                                       FrameAction::Message, FrameAction::Answer,
                                       FrameAction::Error};

QByteArrayView actionName(FrameAction action) {
    return action == FrameAction::None ? QByteArrayView("other") : FrameCodec::actionName(action);
}

QByteArray seconds(double value) {
    return QByteArray::number(value, 'f', 3);
}

double readProcessStartTime() {
    // Field 22 of /proc/self/stat is the start in clock ticks after boot; /proc/stat's btime
    // is the boot in seconds since the epoch. The command (field 2) may hold spaces and
    // parentheses: the fields are counted after its last ')'.
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile system(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly) || !system.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray self = stat.readAll();
    const QList<QByteArray> fields =
        self.mid(self.lastIndexOf(')') + 1).simplified().split(' '); // from field 3 on
    bool ticksOk = false;
    const qint64 ticks = fields.size() > 19 ? fields.at(19).toLongLong(&ticksOk) : 0;
    qint64 boot = -1;
    for (const QByteArray &line : system.readAll().split('\n')) {
        if (line.startsWith("btime "))
            boot = line.mid(6).trimmed().toLongLong();
    }
    const long hz = sysconf(_SC_CLK_TCK);
    if (!ticksOk || boot <= 0 || hz <= 0)
        return 0;
    return double(boot) + double(ticks) / double(hz);
}

} // namespace

double MetricsText::processStartTime() {
    static const double start = [] {
        const double fromProc = readProcessStartTime();
        return fromProc > 0 ? fromProc : double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    }();
    return start;
}

QByteArray MetricsText::escapeLabelValue(QByteArrayView utf8) {
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

void MetricsText::family(QByteArrayView name, QByteArrayView type, QByteArrayView help) {
    m_out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    m_out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
}

void MetricsText::sample(QByteArrayView name, quint64 value) {
    m_out.append(name).append(' ').append(QByteArray::number(value)).append('\n');
}

void MetricsText::sample(QByteArrayView name, QByteArrayView label, QByteArrayView value,
                         quint64 count) {
    m_out.append(name).append('{').append(label).append("=\"").append(escapeLabelValue(value));
    m_out.append("\"} ").append(QByteArray::number(count)).append('\n');
}

void MetricsText::rawSample(QByteArrayView name, QByteArrayView labels, QByteArrayView value) {
    m_out.append(name).append(labels).append(' ').append(value).append('\n');
}

void MetricsText::writeRooms(const std::vector<RoomLoad> &rooms, int maxRooms) {
    // The largest rooms by connections (then by name, so that a scrape is stable) get labels;
    // the rest are summed. Only the first maxRooms are ordered: a scrape of 100,000 rooms
    // does not sort them all.
    std::vector<const RoomLoad *> order;
    order.reserve(rooms.size());
    for (const RoomLoad &room : rooms)
        order.push_back(&room);
    const auto larger = [](const RoomLoad *a, const RoomLoad *b) {
        return a->connections != b->connections ? a->connections > b->connections
                                                : a->name < b->name;
    };
    const size_t shown = std::min(order.size(), size_t(std::max(0, maxRooms)));
    std::partial_sort(order.begin(), order.begin() + qsizetype(shown), order.end(), larger);
    RoomLoad other;
    for (size_t i = shown; i < order.size(); ++i) {
        other.connections += order[i]->connections;
        other.clients += order[i]->clients;
    }
    const bool anyOther = shown < order.size();

    family("wsmsgbroker_connections", "gauge",
           "Open WebSocket connections by room (URL path), registered or not; rooms past the "
           "largest ones are summed in room=\"(other)\".");
    for (size_t i = 0; i < shown; ++i)
        sample("wsmsgbroker_connections", "room", order[i]->name.toUtf8(),
               quint64(order[i]->connections));
    if (anyOther)
        sample("wsmsgbroker_connections", "room", OtherRooms, quint64(other.connections));
    family("wsmsgbroker_clients_registered", "gauge",
           "Registered client ids by room, as wsmsgbroker_connections.");
    for (size_t i = 0; i < shown; ++i)
        sample("wsmsgbroker_clients_registered", "room", order[i]->name.toUtf8(),
               quint64(order[i]->clients));
    if (anyOther)
        sample("wsmsgbroker_clients_registered", "room", OtherRooms, quint64(other.clients));
}

QByteArray MetricsText::render(const State &state, int maxRooms) {
    MetricsText text;
    text.m_out.reserve(8192 + qsizetype(std::min<size_t>(state.rooms.size(), 1000)) * 120);
    const BrokerCounters &c = state.counters;

    text.family("wsmsgbroker_build_info", "gauge", "The broker's version; always 1.");
    text.rawSample("wsmsgbroker_build_info",
                   QByteArray("{version=\"" + escapeLabelValue(state.version) + "\"}"), "1");
    text.family("process_start_time_seconds", "gauge",
                "Start time of the process since unix epoch in seconds.");
    text.rawSample("process_start_time_seconds", {}, seconds(state.processStartSeconds));
    text.family("wsmsgbroker_start_time_seconds", "gauge",
                "When this broker run started listening, in seconds since the epoch (the "
                "counters start at zero then).");
    text.rawSample("wsmsgbroker_start_time_seconds", {},
                   seconds(double(state.brokerStartedAtMs) / 1000.0));

    text.family("wsmsgbroker_rooms", "gauge", "Rooms (URL paths) with at least one connection.");
    text.sample("wsmsgbroker_rooms", quint64(state.rooms.size()));
    text.writeRooms(state.rooms, maxRooms);
    text.family("wsmsgbroker_connections_opened_total", "counter",
                "WebSocket connections upgraded, including those then refused for their token "
                "or the connection limit.");
    text.sample("wsmsgbroker_connections_opened_total", c.connectionsOpened);
    text.family("wsmsgbroker_connections_closed_total", "counter", "Connections ended, by reason.");
    for (int r = 0; r < CloseReasonCount; ++r) {
        const QByteArrayView name = closeReasonName(CloseReason(r));
        if (!name.isEmpty())
            text.sample("wsmsgbroker_connections_closed_total", "reason", name,
                        c.closesByReason[size_t(r)]);
    }
    text.family("wsmsgbroker_close_codes_total", "counter",
                "Connections ended, by the WebSocket close code sent or received first (1006: "
                "the TCP connection ended without a close frame).");
    for (size_t slot = 0; slot < c.closesByCode.size(); ++slot) {
        // The usual codes always, so that the family is never empty; others once seen.
        if (c.closesByCode[slot] > 0 || slot == 0 || slot == 1 || slot == 6)
            text.sample("wsmsgbroker_close_codes_total", "code", closeCodeName(slot),
                        c.closesByCode[slot]);
    }
    text.family("wsmsgbroker_slow_consumer_cutoffs_total", "counter",
                "Connections cut off because their unsent data passed --max-queued-bytes.");
    text.sample("wsmsgbroker_slow_consumer_cutoffs_total",
                c.closesByReason[size_t(CloseReason::SlowConsumer)]);
    text.family("wsmsgbroker_handshake_failures_total", "counter",
                "Connections that never became WebSocket connections, by reason: a malformed "
                "request (answered with an HTTP error), an Origin not allowed, or no complete "
                "request within --handshake-timeout.");
    text.sample("wsmsgbroker_handshake_failures_total", "reason", "malformed",
                c.closesByReason[size_t(CloseReason::HandshakeRefused)]);
    text.sample("wsmsgbroker_handshake_failures_total", "reason", "origin_refused",
                c.closesByReason[size_t(CloseReason::OriginRefused)]);
    text.sample("wsmsgbroker_handshake_failures_total", "reason", "timeout",
                c.closesByReason[size_t(CloseReason::HandshakeTimeout)]);

    text.family("wsmsgbroker_frames_received_total", "counter",
                "Frames received from clients, by action (other: not parsed as a request: "
                "invalid, binary, or over the rate limit).");
    for (const FrameAction action : ReceivedActions)
        text.sample("wsmsgbroker_frames_received_total", "action", actionName(action),
                    c.framesInByAction[size_t(action)]);
    text.family("wsmsgbroker_received_bytes_total", "counter",
                "Payload bytes of the frames received, by action.");
    for (const FrameAction action : ReceivedActions)
        text.sample("wsmsgbroker_received_bytes_total", "action", actionName(action),
                    c.bytesInByAction[size_t(action)]);
    text.family("wsmsgbroker_frames_sent_total", "counter", "Frames sent to clients, by action.");
    for (const FrameAction action : SentActions)
        text.sample("wsmsgbroker_frames_sent_total", "action", actionName(action),
                    c.framesOutByAction[size_t(action)]);
    text.family("wsmsgbroker_sent_bytes_total", "counter",
                "Payload bytes of the frames sent, by action.");
    for (const FrameAction action : SentActions)
        text.sample("wsmsgbroker_sent_bytes_total", "action", actionName(action),
                    c.bytesOutByAction[size_t(action)]);
    text.family("wsmsgbroker_deliveries_total", "counter",
                "Messages of sends handed to a recipient (one per destination).");
    text.sample("wsmsgbroker_deliveries_total", c.delivered);
    text.family("wsmsgbroker_answers_forwarded_total", "counter",
                "Answers forwarded to their asker.");
    text.sample("wsmsgbroker_answers_forwarded_total", c.answersForwarded);
    text.family("wsmsgbroker_deliveries_skipped_total", "counter",
                "Messages and answers not sent, by reason.");
    for (int r = 0; r < SkippedDeliveryCount; ++r)
        text.sample("wsmsgbroker_deliveries_skipped_total", "reason",
                    skippedName(SkippedDelivery(r)), c.skippedByReason[size_t(r)]);

    text.family("wsmsgbroker_pending_acks", "gauge", "Asks waiting for their answer.");
    text.sample("wsmsgbroker_pending_acks", quint64(std::max(0, state.pendingAcks)));
    text.family("wsmsgbroker_acks_expired_total", "counter",
                "Pending acks whose time to live (--ack-ttl) ended.");
    text.sample("wsmsgbroker_acks_expired_total", c.acksExpired);
    text.family("wsmsgbroker_acks_evicted_total", "counter",
                "Pending acks pushed out by --max-pending-acks or --max-pending-acks-total.");
    text.sample("wsmsgbroker_acks_evicted_total", c.acksEvicted);
    text.family("wsmsgbroker_observation_events_dropped_total", "counter",
                "Frames the inspector and recording did not get, over the recording rate.");
    text.sample("wsmsgbroker_observation_events_dropped_total", state.unrecordedFrames);
    text.family("wsmsgbroker_metrics_unauthorized_total", "counter",
                "Requests for /metrics refused for a missing or wrong bearer token.");
    text.sample("wsmsgbroker_metrics_unauthorized_total", c.metricsUnauthorized);
    return std::move(text.m_out);
}
