#include "incomingframe.h"

#include "byteappend.h"
#include "jsonscanner.h"

bool IncomingFrame::parse(QByteArrayView frame) {
    m_action = Action::Other;
    m_hasAck = false;
    m_actionName = m_id = m_from = m_ack = m_message = m_code = m_reason = QByteArrayView();
    bool stringsValid = true;
    bool haveAction = false;
    const auto decode = [&stringsValid](QByteArrayView raw, QByteArray &scratch,
                                        QByteArrayView &out) {
        if (!JsonScanner::decodeString(raw, scratch, out))
            stringsValid = false;
    };
    const bool wellFormed =
        JsonScanner::forEachMember(frame, [&](QByteArrayView key, QByteArrayView value) {
            if (equals(key, "action")) {
                haveAction = !value.isEmpty() && value.front() == '"';
                decode(value, m_actionScratch, m_actionName);
            } else if (equals(key, "message")) {
                m_message = value;
            } else if (equals(key, "from")) {
                decode(value, m_fromScratch, m_from);
            } else if (equals(key, "ack")) {
                // The original always serialises `ack`, but as undefined (omitted) for plain sends.
                if (!value.isEmpty() && value.front() == '"') {
                    m_hasAck = true;
                    decode(value, m_ackScratch, m_ack);
                }
            } else if (equals(key, "id")) {
                decode(value, m_idScratch, m_id);
            } else if (equals(key, "code")) {
                decode(value, m_codeScratch, m_code);
            } else if (equals(key, "reason")) {
                decode(value, m_reasonScratch, m_reason);
            }
        });
    if (!wellFormed || !stringsValid || !haveAction)
        return false;
    if (equals(m_actionName, "message"))
        m_action = Action::Message;
    else if (equals(m_actionName, "answer"))
        m_action = Action::Answer;
    else if (equals(m_actionName, "registered"))
        m_action = Action::Registered;
    else if (equals(m_actionName, "unregistered"))
        m_action = Action::Unregistered;
    else if (equals(m_actionName, "error"))
        m_action = Action::Error;
    return true;
}
