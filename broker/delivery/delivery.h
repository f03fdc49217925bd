#pragma once

#include "framecodec.h"

#include <QByteArray>
#include <QString>

class ClientConnection;

// One frame on its way from the routing decision to its receiver's socket. Stages of the
// delivery pipeline may change it and say so in intervention, which observation records with
// the frame. The receiver stays valid while the delivery is in the pipeline: a receiver that
// leaves has its held and queued deliveries dropped first (DeliveryPipeline::forgetReceiver).
struct Delivery {
    ClientConnection *receiver = nullptr;
    quint64 receiverId = 0;
    quint64 senderId = 0; // connection whose request caused the frame
    QByteArray senderClientId;
    FrameAction action = FrameAction::None;
    QByteArray frame;     // the text frame's payload, JSON
    QByteArray ack;       // the ack a message or answer carries, decoded
    QString intervention; // what stages did, e.g. "held 1200 ms by hold-b; edited"
    // When it started waiting behind a held delivery for the same receiver (0: it did not), so
    // that a delay counts from its arrival, not from when the one before it was let go.
    qint64 waitingSinceMs = 0;

    // Adds what a stage did to the intervention text.
    void note(const QString &what) {
        if (!intervention.isEmpty())
            intervention += QStringLiteral("; ");
        intervention += what;
    }
};
