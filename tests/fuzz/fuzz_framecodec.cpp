// libFuzzer target for FrameCodec::parse(), the broker's parser of client frames, with small
// limits so that the depth, destination and id bounds are reached often. Beyond "no crash, no
// sanitizer report" it checks what the broker relies on:
// - an error always comes with its code and a reason; a valid request has a client action;
// - the limits hold: ids non-empty and short enough, no more destinations than allowed;
// - for valid UTF-8 input, every raw span the broker forwards (message, ack) is JSON that
//   QJsonDocument reads (wrapped in an array, so that any value qualifies), and the frames the
//   broker builds from them (message, answer, error, registered) are JSON objects again;
// - ids and acks survive FrameCodec::quote() and a second parse unchanged.

#include "framecodec.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QUtf8StringView>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

const FrameCodec::Limits SmallLimits{8, 4, 16}; // depth, destinations, id bytes

[[noreturn]] void fail(const char *what, QByteArrayView input) {
    std::fprintf(stderr, "invariant broken: %s\ninput (%lld bytes): %.*s\n", what,
                 static_cast<long long>(input.size()), static_cast<int>(input.size()),
                 input.data());
    std::abort();
}

void check(bool ok, const char *what, QByteArrayView input) {
    if (!ok)
        fail(what, input);
}

// QJsonDocument reads numbers into doubles and refuses those out of range (1e999), which
// RFC 8259 allows and the broker forwards untouched; such inputs prove nothing either way.
bool qtRefusesNumber(const QJsonParseError &error) {
    return error.error == QJsonParseError::IllegalNumber;
}

QJsonValue readValue(QByteArrayView json, QByteArrayView input, bool *comparable) {
    QJsonParseError error{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray("[") + json.toByteArray() + "]", &error);
    if (qtRefusesNumber(error)) {
        *comparable = false;
        return {};
    }
    check(error.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1,
          "a forwarded raw span is not one JSON value", input);
    return doc.array().at(0);
}

QJsonObject readObject(const QByteArray &frame, QByteArrayView input, bool *comparable) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &error);
    if (qtRefusesNumber(error)) {
        *comparable = false;
        return {};
    }
    check(error.error == QJsonParseError::NoError && doc.isObject(),
          "a frame the broker builds is not a JSON object", input);
    return doc.object();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParsedRequest r = FrameCodec::parse(input, SmallLimits);

    if (!r.isValid()) {
        check(!r.errorReason.isEmpty(), "an error without a reason", input);
        check(!FrameCodec::errorCodeName(r.error).isEmpty(), "an error without a code", input);
    } else {
        check(r.action == FrameAction::Register || r.action == FrameAction::Unregister ||
                  r.action == FrameAction::Send || r.action == FrameAction::Answer,
              "a valid request with a non-client action", input);
    }
    if (r.isValid() && r.action == FrameAction::Register)
        check(!r.id.isEmpty() && r.id.size() <= SmallLimits.maxIdLength, "id limits", input);
    if (r.isValid() && r.action == FrameAction::Send) {
        check(r.dest.size() <= SmallLimits.maxDestinations, "too many destinations", input);
        check(!r.message.isNull(), "a send without a message", input);
    }
    if (r.isValid() && r.action == FrameAction::Answer)
        check(r.hasAck(), "an answer without an ack", input);
    if (r.hasAck())
        check(r.ackJson.size() >= 2 && r.ackJson.front() == '"' && r.ackJson.back() == '"',
              "an ack that is not a string literal", input);

    // The broker only ever parses text that Qt decoded from UTF-8.
    if (!QUtf8StringView(input).isValidUtf8())
        return 0;

    bool comparable = true;
    if (!r.message.isNull())
        readValue(r.message, input, &comparable);
    if (r.hasAck()) {
        const QJsonValue ack = readValue(r.ackJson, input, &comparable);
        // Lone surrogates have no UTF-8 form: the codec writes U+FFFD, Qt its own way.
        if (comparable && !r.ackJson.contains("\\u"))
            check(ack.toString().toUtf8() == r.ack, "the decoded ack differs from Qt's", input);
    }
    if (!r.isValid()) {
        const QJsonObject error =
            readObject(FrameCodec::error(r.error, r.errorReason, r.ackJson), input, &comparable);
        if (comparable)
            check(error.value(QLatin1String("code")).toString().toUtf8() ==
                      FrameCodec::errorCodeName(r.error),
                  "the error frame lost its code", input);
        return 0;
    }

    switch (r.action) {
    case FrameAction::Register: {
        // The id, quoted as the broker quotes it for "from", reads back the same.
        const QByteArray quoted = FrameCodec::quote(r.id);
        const ParsedRequest again = FrameCodec::parse(
            QByteArray(R"({"action":"register","id":)") + quoted + '}', SmallLimits);
        check(again.isValid() && again.id == r.id, "an id does not survive quote()", input);
        readObject(FrameCodec::registered(quoted), input, &comparable);
        break;
    }
    case FrameAction::Send: {
        const QByteArray frame =
            FrameCodec::message(r.message, FrameCodec::quote("sender"), r.ackJson);
        const QJsonObject built = readObject(frame, input, &comparable);
        if (comparable) {
            const QJsonValue original = readValue(r.message, input, &comparable);
            if (comparable)
                check(built.value(QLatin1String("message")) == original,
                      "the message changed on its way through", input);
        }
        // One level deeper than the request (the message sits in the frame object either way),
        // so the broker's own parser takes what it built.
        FrameCodec::Limits deeper = SmallLimits;
        deeper.maxDepth += 1;
        check(FrameCodec::parse(frame, deeper).error != FrameError::InvalidJson,
              "the codec cannot read a message frame it built", input);
        break;
    }
    case FrameAction::Answer:
        readObject(FrameCodec::answer(r.ackJson, FrameCodec::quote("answerer"), r.message), input,
                   &comparable);
        break;
    default:
        break;
    }
    return 0;
}
