#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// What a frame asks for (client to broker) or says (broker to client). The direction of a frame
// tells "answer" from the client apart from "answer" from the broker.
enum class FrameAction : quint8 {
    None, // not parsed or not a protocol frame (malformed input, binary data)
    Register,
    Unregister,
    Send,
    Answer,
    Registered,
    Unregistered,
    Message,
    Error,
};

// The error codes of the protocol's `error` reply (see shared/protocol.md).
enum class FrameError : quint8 {
    None,
    InvalidJson,
    NotAnObject,
    UnknownAction,
    InvalidField,
    NotRegistered,
    IdTaken,
    TooManyDestinations,
    BinaryNotSupported,
    RateLimited,
};

// A client request, parsed once. The views point into the frame that was parsed, so the
// frame must outlive the request; values are kept as their original JSON text so that the
// broker forwards them byte for byte instead of re-serialising them.
struct ParsedRequest {
    FrameAction action = FrameAction::None;
    FrameError error = FrameError::None;
    QString errorReason;    // human-readable, names the offending member or offset
    QByteArray id;          // register: the decoded id (UTF-8)
    QList<QByteArray> dest; // send: decoded destination ids, in order, duplicates kept
    QByteArrayView message; // send/answer: raw JSON text of "message" (null when absent)
    QByteArray ack;         // send/answer: decoded ack (UTF-8)
    QByteArrayView ackJson; // send/answer: raw JSON text of "ack" (null when absent)

    bool isValid() const { return error == FrameError::None; }
    bool hasAck() const { return !ackJson.isNull(); }
};

// Parses client frames and builds broker frames. Parsing validates the whole frame as JSON
// (RFC 8259) in one pass without building a document; building appends bytes.
class FrameCodec {
public:
    struct Limits {
        int maxDepth = 128;         // nesting of arrays/objects, the frame object included
        int maxDestinations = 1000; // entries in a send's dest array
        int maxIdLength = 256;      // bytes of UTF-8 in an id
    };

    static ParsedRequest parse(QByteArrayView utf8, const Limits &limits);
    static ParsedRequest parse(QByteArrayView utf8) { return parse(utf8, Limits{}); }

    // Broker frames. Arguments ending in Json are JSON text (a string literal for ids and
    // acks, any value for messages); an empty ackJson leaves "ack" out, a null message
    // leaves "message" out (the original does the same for an answer without message).
    static QByteArray registered(QByteArrayView idJson);
    static QByteArray unregistered(QByteArrayView idJson);
    static QByteArray message(QByteArrayView messageJson, QByteArrayView fromJson,
                              QByteArrayView ackJson);
    static QByteArray answer(QByteArrayView ackJson, QByteArrayView fromJson,
                             QByteArrayView messageJson);
    static QByteArray error(FrameError code, const QString &reason, QByteArrayView ackJson = {});

    // A JSON string literal (with quotes) for UTF-8 text.
    static QByteArray quote(QByteArrayView utf8);
    // The protocol's name for an action or error code ("register", "invalid-json").
    static QByteArrayView actionName(FrameAction action);
    static QByteArrayView errorCodeName(FrameError code);
};
