// Broker's plain HTTP requests: GET /metrics and GET /healthz (HttpEndpoint), answered on the
// broker's thread with its counters and rooms as they are at that moment.
#include "broker.h"

#include "metricstext.h"
#include "room.h"
#include "websocketconnection.h"

void Broker::answerPlainRequest(WebSocketConnection *socket, const PlainHttpRequest &request) {
    const QByteArray response =
        m_http.answer(request, QByteArrayLiteral("wsmsgbroker/" WSMSGBROKER_VERSION));
    if (!response.isEmpty())
        socket->answerPlainRequest(response);
}

QByteArray Broker::metricsText() const {
    MetricsText::State state;
    state.counters = m_counters;
    state.rooms.reserve(size_t(m_rooms.size()));
    m_rooms.forEach([&state](const Room &room) {
        state.rooms.push_back({room.name, room.connectionCount, int(room.clients.size())});
    });
    state.pendingAcks = m_router.acks().size();
    state.unrecordedFrames = m_recorder.droppedEvents();
    state.brokerStartedAtMs = m_startedAtMs;
    state.processStartSeconds = MetricsText::processStartTime();
    state.version = QByteArrayLiteral(WSMSGBROKER_VERSION);
    return MetricsText::render(state);
}
