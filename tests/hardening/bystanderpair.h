#pragma once

#include "protocolclient.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

// Two registered clients that keep sending numbered messages to each other while a test
// abuses the broker next to them. Every message must arrive, once, in order.
class BystanderPair : public QObject {
    Q_OBJECT
public:
    explicit BystanderPair(QObject *parent = nullptr);

    // Connects both (ids bystander-a and bystander-b in the url's room) and starts the traffic.
    bool start(const QUrl &url, int intervalMs = 5);
    // Stops sending and waits until everything sent has arrived.
    bool stopAndDrain(int timeoutMs = 10000);

    int sent() const { return m_sentByA + m_sentByB; }
    int received() const { return m_receivedByA + m_receivedByB; }
    bool bothOpen() const { return m_a.isOpen() && m_b.isOpen(); }
    // Empty while all is well, else what went wrong first.
    QString problem() const { return m_problem; }

private:
    void tick();
    void check(const QJsonObject &frame, const QString &expectedFrom, int *received);

    ProtocolClient m_a;
    ProtocolClient m_b;
    QTimer m_timer;
    int m_sentByA = 0;
    int m_sentByB = 0;
    int m_receivedByA = 0;
    int m_receivedByB = 0;
    QString m_problem;
    bool m_stopping = false; // no more sending; the timer runs on so that arrivals count
};
