#pragma once

#include "delivery.h"

#include <QString>

class DeliveryPipeline;

// One step between routing and the write: a rule that may pass a delivery on (changed or not),
// hold it, or drop it. Traffic control (hold, edit, delay, drop, duplicate, close after N) is
// written as stages; see DeliveryPipeline for how they are installed and what holding means.
class DeliveryStage {
public:
    enum class Verdict : quint8 {
        Pass, // on to the next stage (a stage that changed the delivery notes it)
        Hold, // the pipeline keeps it under its ticket until release() or drop()
        Drop, // never sent; the stage notes why, observation records it
    };

    virtual ~DeliveryStage() = default;
    // Names the stage in interventions ("held 300 ms by <name>").
    virtual QString name() const = 0;
    // Looks at one delivery. ticket identifies it if the stage holds it; the stage then calls
    // pipeline()->release(ticket) (after editing pipeline()->held(ticket) if it likes) or
    // pipeline()->drop(ticket, why) later, from the event loop, never from within process().
    virtual Verdict process(Delivery &delivery, quint64 ticket) = 0;
    // What the intervention says when a delivery it held is released after heldMs; empty
    // for the pipeline's own "held N ms by <name>".
    virtual QString releaseNote(quint64 ticket, qint64 heldMs) const {
        Q_UNUSED(ticket);
        Q_UNUSED(heldMs);
        return {};
    }

    DeliveryPipeline *pipeline() const { return m_pipeline; }

private:
    friend class DeliveryPipeline;
    DeliveryPipeline *m_pipeline = nullptr;
};
