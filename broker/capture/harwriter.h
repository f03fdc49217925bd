#pragma once

#include "brokerevent.h"

#include <QUrl>

class QIODevice;

// Writes a HAR with Chrome's `_webSocketMessages` (one entry per connection, readable by
// DevTools) a piece at a time, so that a log of millions of frames never has to be one JSON
// document in memory. The caller groups the frames by connection: beginEntry(), message() for
// each of its frames, endEntry().
class HarWriter {
public:
    // brokerUrl is used for connections whose events name no broker run (files from before
    // sessions).
    HarWriter(QIODevice *device, const QUrl &brokerUrl);

    bool begin();
    // first: the connection's first event (its time, room and broker run); clientId: the last
    // id it registered with.
    bool beginEntry(const BrokerEvent &first, const QByteArray &clientId);
    bool message(const BrokerEvent &frame); // a FrameIn or FrameOut
    bool endEntry();
    bool finish();

private:
    bool write(const QByteArray &bytes);

    QIODevice *m_device;
    QUrl m_brokerUrl;
    bool m_firstEntry = true;
    bool m_firstMessage = true;
    bool m_ok = true;
};
