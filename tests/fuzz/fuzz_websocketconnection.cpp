// libFuzzer target over WebSocketConnection, the broker's RFC 6455 server side: arbitrary bytes
// arrive as a client would send them, through a Unix socket pair, and the event loop runs
// between chunks. The first input byte picks the mode: odd values put a valid opening handshake
// in front, so the frame parser is reached directly; the rest of that byte sets the chunk size.
// Text messages are echoed back, as the broker answers them. Aborts when a delivered text
// message is not valid UTF-8, when a message over the limit gets through, or when a connection
// ends with a close code RFC 6455 does not allow.

#include "utf8validator.h"
#include "websocketconnection.h"

#include <QCoreApplication>

#include <cstdint>
#include <cstdlib>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr qint64 MaxMessage = 4096;

QCoreApplication &application() {
    static int argc = 1;
    static char name[] = "fuzz_websocketconnection";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    return app;
}

void drain(int fd) {
    char buffer[65536];
    while (read(fd, buffer, sizeof buffer) > 0) {
    }
}

// Answers every handshake, echoes text, and aborts on anything the connection promised
// never to hand over.
class CheckingReceiver final : public WebSocketConnectionReceiver {
public:
    void handshakeRequested(WebSocketConnection *connection) override {
        connection->acceptHandshake();
    }
    void textMessageReceived(WebSocketConnection *connection, const QByteArray &text) override {
        if (!Utf8Validator::isValid(text) || text.size() > MaxMessage)
            std::abort();
        connection->sendText(text);
    }
    void binaryMessageReceived(WebSocketConnection *, const QByteArray &bytes) override {
        if (bytes.size() > MaxMessage)
            std::abort();
    }
    void disconnected(WebSocketConnection *connection) override {
        const int code = connection->closeCode();
        if (code < 1000 || code > 4999)
            std::abort();
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    application();
    const uint8_t mode = data[0];
    ++data;
    --size;
    const size_t chunk = 1 + (mode >> 1) * 4;

    int ends[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, ends) != 0)
        return 0;
    const int client = ends[1];
    {
        WebSocketConnection connection(ends[0]); // owns ends[0] from here on
        connection.setMaxMessageBytes(MaxMessage);
        connection.setMaxHandshakeBytes(1024);
        CheckingReceiver receiver;
        connection.setReceiver(&receiver);

        if (mode & 1) {
            static const char handshake[] =
                "GET /fuzz HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
            if (write(client, handshake, sizeof handshake - 1) < 0)
                std::abort();
        }
        for (size_t offset = 0; offset < size; offset += chunk) {
            const size_t length = std::min(chunk, size - offset);
            if (write(client, data + offset, length) < 0)
                break;
            QCoreApplication::processEvents();
            drain(client);
        }
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        drain(client);
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    close(client);
    return 0;
}
