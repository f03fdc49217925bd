#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QWebSocket>

#include <algorithm>

// A real WebSocket client for the model and window tests that keeps every frame it receives
// and counts its disconnects. Header-only: only the tests that include it link Qt WebSockets.
struct RecordingClient {
    QWebSocket socket;
    QList<QJsonObject> received;
    int disconnects = 0;

    RecordingClient() {
        QObject::connect(&socket, &QWebSocket::disconnected, &socket, [this] { ++disconnects; });
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &text) {
                             received.append(QJsonDocument::fromJson(text.toUtf8()).object());
                         });
    }
    bool hasAction(const QString &action) const {
        return std::any_of(received.begin(), received.end(), [&](const QJsonObject &o) {
            return o.value(QStringLiteral("action")).toString() == action;
        });
    }
    bool registered() const { return hasAction(QStringLiteral("registered")); }
    void send(const QByteArray &frame) { socket.sendTextMessage(QString::fromUtf8(frame)); }
};
