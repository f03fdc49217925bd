#pragma once

#include <QByteArray>
#include <QByteArrayView>

// One frame received from the broker, parsed just enough to route it inside the bench: the action
// and the string members as views (into the frame, or into scratch storage when they had
// escapes), and the raw JSON of `message`. An instance is reused for every frame of a thread.
class IncomingFrame {
public:
    enum class Action { Other, Registered, Unregistered, Message, Answer, Error };

    // False when the frame is not a JSON object with a string member "action".
    bool parse(QByteArrayView frame);

    Action action() const { return m_action; }
    QByteArrayView actionName() const { return m_actionName; }
    QByteArrayView id() const { return m_id; }
    QByteArrayView from() const { return m_from; }
    QByteArrayView ack() const { return m_ack; }
    bool hasAck() const { return m_hasAck; }
    QByteArrayView message() const { return m_message; }
    QByteArrayView code() const { return m_code; }
    QByteArrayView reason() const { return m_reason; }

private:
    Action m_action = Action::Other;
    bool m_hasAck = false;
    QByteArrayView m_actionName;
    QByteArrayView m_id;
    QByteArrayView m_from;
    QByteArrayView m_ack;
    QByteArrayView m_message;
    QByteArrayView m_code;
    QByteArrayView m_reason;
    QByteArray m_actionScratch;
    QByteArray m_idScratch;
    QByteArray m_fromScratch;
    QByteArray m_ackScratch;
    QByteArray m_codeScratch;
    QByteArray m_reasonScratch;
};
