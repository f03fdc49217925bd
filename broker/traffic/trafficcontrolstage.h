#pragma once

#include "clientconnection.h"
#include "deliverystage.h"
#include "heldframe.h"
#include "trafficmatcher.h"
#include "trafficrule.h"

#include <QObject>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

// Traffic control as a delivery stage: the first enabled rule that matches a delivery decides
// what happens to it (see TrafficRule). Holds, delays and throttled writes are pipeline holds,
// so later frames for the same receiver wait behind them and its order is kept; frames held by
// a hold rule are reported (frameHeld) until the user releases, edits or drops them, or they
// end otherwise (heldFrameEnded). What needs the broker (writing copies, closing, pings) goes
// through Host. The broker installs the stage only while there are rules.
class TrafficControlStage : public QObject, public DeliveryStage {
    Q_OBJECT
public:
    class Host {
    public:
        virtual ~Host() = default;
        // Writes a copy of a delivery now, past the stages.
        virtual void writeCopy(const Delivery &delivery) = 0;
        // Closes the receiver with code as soon as the delivery being processed is written.
        virtual void closeAfterWrite(quint64 receiverId, int code, const QString &detail) = 0;
        virtual void setAnswersPings(quint64 receiverId, bool answer) = 0;
    };

    explicit TrafficControlStage(Host &host, QObject *parent = nullptr);
    ~TrafficControlStage() override;

    // Takes new rules. Frames held or delayed by a rule that is gone, disabled or no longer of
    // the same kind are released; receivers whose pings a gone rule ignored are answered again.
    void setRules(const TrafficRuleList &rules);

    // Whether any rule may act on frames of this action to this receiver; false lets the
    // broker write them without a trip through the pipeline. A few instructions when known.
    bool mayAct(ClientConnection *receiver, FrameAction action, const QByteArray &senderId) {
        if (receiver->trafficGeneration != m_generation) [[unlikely]]
            learnReceiver(receiver);
        const quint32 bit = 1U << unsigned(action);
        if (receiver->trafficActions & bit)
            return true;
        if (!(receiver->trafficActionsFromNamedSenders & bit)) [[likely]]
            return false;
        return std::find(m_senderIds.begin(), m_senderIds.end(), senderId) != m_senderIds.end();
    }

    QString name() const override;
    Verdict process(Delivery &delivery, quint64 ticket) override;
    QString releaseNote(quint64 ticket, qint64 heldMs) const override;

    // The user's answers for frames a hold rule holds. releaseHeld() returns why it refused
    // (an edit that is not a JSON object, an unknown ticket), the frame then stays held.
    QString releaseHeld(quint64 ticket, const QByteArray &edited);
    bool dropHeld(quint64 ticket);
    void releaseAllHeld();
    // The pipeline has dropped what was held for a receiver that left, or everything (the
    // broker stops): forgets it and reports the held frames as dropped with why.
    void forgetReceiver(quint64 receiverId, const QString &why);
    void forgetAll(const QString &why);
    // Frames held by hold rules now.
    int heldCount() const;

signals:
    void frameHeld(const HeldFrame &frame);
    void heldFrameEnded(quint64 ticket, HeldFrame::End end, const QString &intervention);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    // Why a delivery is held: by a hold rule (the user lets it go), or until a timer does.
    enum class Kind : quint8 { Hold, Delay, Throttle };
    struct Ticket {
        Kind kind = Kind::Hold;
        QString rule;
        quint64 receiverId = 0;
        qint64 sinceMs = 0; // when it arrived (a delay counts from then)
        int timerId = 0;
        bool edited = false;
        bool announced = false;
        HeldFrame frame; // Hold only
    };
    struct Receiver {
        bool candidatesKnown = false;
        QByteArray clientId;                   // the id the candidates were worked out for
        TrafficMatcher::Candidates candidates; // rules that may apply to it, by action
        std::map<QString, int> matches;        // close rules: matching frames so far
        double throttleFreeAtMs = 0;           // when the throttle lets the next frame go
    };
    static Kind kindOf(TrafficEffect effect);
    void learnReceiver(ClientConnection *receiver);

    Verdict hold(Delivery &delivery, quint64 ticket, const TrafficRule &rule, Kind kind,
                 qint64 sinceMs, qint64 waitMs);
    void announce(quint64 ticket);
    // Lets a held delivery go on, noting how long and why it was held.
    void releaseTicket(quint64 ticket, HeldFrame::End end);
    // Takes a ticket out of the books (its timer stopped); reports a hold as ended.
    void endTicket(quint64 ticket, HeldFrame::End end, const QString &intervention);
    QString noteFor(const Ticket &ticket) const;
    static QString duration(qint64 ms);

    Host &m_host;
    TrafficMatcher m_matcher;
    quint32 m_generation = 0;            // of the rules in force, unique across stages and brokers
    std::vector<QByteArray> m_senderIds; // the "from" ids the rules name
    std::map<quint64, Ticket> m_tickets; // by pipeline ticket, oldest first
    std::unordered_map<int, quint64> m_timers;
    std::unordered_map<quint64, Receiver> m_receivers;
    std::map<QString, std::set<quint64>> m_mutedPings; // ignorePings rule -> receivers
    quint64 m_releasing = 0;                           // the ticket releaseNote() is asked for
    QString m_releaseNote;
};
