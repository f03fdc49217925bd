#pragma once

#include <QTcpServer>

// A QTcpServer that hands over each accepted connection as its bare descriptor: the broker's
// WebSocketConnection does its own reading and writing, so a QTcpSocket (and its two ring
// buffers) per client would only cost memory.
class DescriptorServer : public QTcpServer {
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

signals:
    // The receiver owns descriptor from here on and must close it.
    void descriptorAccepted(qintptr descriptor);

protected:
    void incomingConnection(qintptr descriptor) override;
};
