#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

#include <vector>

class QTcpSocket;

// A TCP forwarder between a client and a real server, for what the network does to a monitor:
// cut every connection at once (a network path that goes), or stop passing the server's bytes
// on (a slow or stalled path) and resume.
class TcpProxy : public QObject {
    Q_OBJECT
public:
    TcpProxy(const QHostAddress &serverHost, quint16 serverPort, QObject *parent = nullptr);
    // Cuts what it carries first: the listener's sockets, deleted with it after m_pairs,
    // would otherwise report their disconnect into a destroyed list.
    ~TcpProxy() override { cutAll(); }

    // Listens on a loopback port of the system's choice; 0 when that failed.
    quint16 listen();
    // Resets every connection it carries; new ones are taken as before.
    void cutAll();
    // Stops reading what the server sends (the kernel's buffers fill up), or reads it again.
    void setServerPaused(bool paused);
    int connectionCount() const { return int(m_pairs.size()); }
    int acceptedCount() const { return m_accepted; }

private:
    struct Pair {
        QTcpSocket *client;
        QTcpSocket *server;
    };
    void accept();
    void forward(QTcpSocket *from, QTcpSocket *to);

    QHostAddress m_serverHost;
    quint16 m_serverPort;
    QTcpServer m_listener;
    std::vector<Pair> m_pairs;
    bool m_paused = false;
    int m_accepted = 0;
};
