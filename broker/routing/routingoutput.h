#pragma once

#include "framecodec.h"

#include <QByteArray>
#include <QString>

class ClientConnection;

// What the Router decides, told in the order it happens: frames to deliver and ids that change
// hands. The broker hands deliveries to the delivery pipeline and id changes to observation; the
// router's unit test collects both. Deliveries are told one at a time, not returned as a list,
// because a delivery may cut its receiver off (slow consumer) and routing must see that at once:
// a send to oneself that cuts the sender off delivers nothing more.
class RoutingOutput {
public:
    virtual ~RoutingOutput() = default;
    // sender: the client whose request caused the frame (the receiver itself for its replies).
    virtual void deliver(ClientConnection *receiver, FrameAction action, const QByteArray &frame,
                         const QByteArray &ack, const ClientConnection *sender) = 0;
    // conn has just taken its id; detail names a rename or takeover.
    virtual void idRegistered(const ClientConnection *conn, const QString &detail) = 0;
    // conn is about to give its id up (it still holds it); why says why.
    virtual void idReleased(const ClientConnection *conn, const QString &why) = 0;
};
