// Unit tests of the delivery pipeline without sockets: stages that hold, delay, edit and drop
// deliveries, the order kept per receiver behind a held frame, and what the output is told
// (written or discarded, with the intervention noted).

#include "deliverypipeline.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <memory>

namespace {

Delivery delivery(quint64 receiverId, const QByteArray &frame) {
    Delivery d;
    d.receiverId = receiverId;
    d.senderId = 99;
    d.action = FrameAction::Message;
    d.frame = frame;
    return d;
}

class RecordingOutput : public DeliveryPipeline::Output {
public:
    void write(Delivery &&d) override { written.append(std::move(d)); }
    void discard(Delivery &&d) override { discarded.append(std::move(d)); }

    QList<QByteArray> writtenTo(quint64 receiverId) const {
        QList<QByteArray> frames;
        for (const Delivery &d : written) {
            if (d.receiverId == receiverId)
                frames.append(d.frame);
        }
        return frames;
    }

    QList<Delivery> written;
    QList<Delivery> discarded;
};

// Holds every delivery whose frame contains a marker, until the test lets it go.
class HoldStage : public DeliveryStage {
public:
    explicit HoldStage(QByteArray marker)
        : m_marker(std::move(marker)) {}
    QString name() const override { return QStringLiteral("hold"); }
    Verdict process(Delivery &d, quint64 ticket) override {
        if (!d.frame.contains(m_marker))
            return Verdict::Pass;
        tickets.append(ticket);
        return Verdict::Hold;
    }
    QList<quint64> tickets;

private:
    QByteArray m_marker;
};

// Drops deliveries whose frame contains a marker.
class DropStage : public DeliveryStage {
public:
    explicit DropStage(QByteArray marker)
        : m_marker(std::move(marker)) {}
    QString name() const override { return QStringLiteral("drop"); }
    Verdict process(Delivery &d, quint64) override {
        if (!d.frame.contains(m_marker))
            return Verdict::Pass;
        d.note(QStringLiteral("dropped by %1").arg(name()));
        return Verdict::Drop;
    }

private:
    QByteArray m_marker;
};

// Appends a suffix to every frame and says so.
class EditStage : public DeliveryStage {
public:
    QString name() const override { return QStringLiteral("edit"); }
    Verdict process(Delivery &d, quint64) override {
        d.frame += '!';
        d.note(QStringLiteral("edited by %1").arg(name()));
        return Verdict::Pass;
    }
};

// Delays every delivery by a fixed time: a hold that a timer releases.
class DelayStage : public DeliveryStage {
public:
    explicit DelayStage(int ms)
        : m_ms(ms) {}
    QString name() const override { return QStringLiteral("delay"); }
    Verdict process(Delivery &, quint64 ticket) override {
        QTimer::singleShot(m_ms, [this, ticket] { pipeline()->release(ticket); });
        return Verdict::Hold;
    }

private:
    int m_ms;
};

} // namespace

class TestDeliveryPipeline : public QObject {
    Q_OBJECT

private slots:
    void noStageWritesAtOnce();
    void passingStageChangesNothing();
    void dropStage();
    void heldFrameKeepsOrderPerReceiver();
    void heldAgainWhileTheQueueDrains();
    void dropHeldFrame();
    void editHeldFrame();
    void releaseRunsTheLaterStages();
    void stagesRunInOrder();
    void receiverLeavesWhileHeld();
    void dropAll();
    void uninstallReleasesWhatTheStageHeld();
    void delayKeepsOrder();
    void pendingCountsAndBounds();
};

void TestDeliveryPipeline::noStageWritesAtOnce() {
    RecordingOutput out;
    DeliveryPipeline pipeline(out);
    pipeline.deliver(delivery(1, "a"));
    pipeline.deliver(delivery(2, "b"));
    QCOMPARE(out.written.size(), 2);
    QCOMPARE(out.written.at(0).frame, QByteArray("a"));
    QVERIFY(out.written.at(0).intervention.isEmpty());
    QCOMPARE(pipeline.heldCount(), 0);
}

void TestDeliveryPipeline::passingStageChangesNothing() {
    RecordingOutput out;
    DeliveryPipeline pipeline(out);
    pipeline.install(std::make_unique<DropStage>("never"));
    pipeline.deliver(delivery(1, "a"));
    QCOMPARE(out.written.size(), 1);
    QCOMPARE(out.written.at(0).frame, QByteArray("a"));
    QVERIFY(out.written.at(0).intervention.isEmpty());
}

void TestDeliveryPipeline::dropStage() {
    RecordingOutput out;
    DeliveryPipeline pipeline(out);
    pipeline.install(std::make_unique<DropStage>("x"));
    pipeline.deliver(delivery(1, "a"));
    pipeline.deliver(delivery(1, "x1"));
    pipeline.deliver(delivery(1, "b"));
    QCOMPARE(out.writtenTo(1), (QList<QByteArray>{"a", "b"}));
    QCOMPARE(out.discarded.size(), 1);
    QCOMPARE(out.discarded.at(0).frame, QByteArray("x1"));
    QCOMPARE(out.discarded.at(0).intervention, QStringLiteral("dropped by drop"));
}

void TestDeliveryPipeline::heldFrameKeepsOrderPerReceiver() {
    RecordingOutput out;
    DeliveryPipeline pipeline(out);
    auto *hold = static_cast<HoldStage *>(pipeline.install(std::make_unique<HoldStage>("h")));
    pipeline.deliver(delivery(1, "h1"));
    pipeline.deliver(delivery(1, "2"));
    pipeline.deliver(delivery(2, "to-2"));
    pipeline.deliver(delivery(1, "3"));
    // The other receiver is not held up; this one's later frames wait behind the held one.
    QCOMPARE(out.writtenTo(2), (QList<QByteArray>{"to-2"}));
    QVERIFY(out.writtenTo(1).isEmpty());
    QCOMPARE(pipeline.heldCount(), 1);
    QCOMPARE(pipeline.waitingCount(), 2);
    QCOMPARE(hold->tickets.size(), 1);
    QVERIFY(pipeline.held(hold->tickets.at(0)));
    QVERIFY(pipeline.release(hold->tickets.at(0)));
    QCOMPARE(out.writtenTo(1), (QList<QByteArray>{"h1", "2", "3"}));
    QVERIFY(out.written.at(1).intervention.startsWith(QStringLiteral("held ")));
    QVERIFY(out.written.at(1).intervention.endsWith(QStringLiteral(" ms by hold")));
    QCOMPARE(pipeline.heldCount(), 0);
    QCOMPARE(pipeline.waitingCount(), 0);
    // A ticket is used once.
    QVERIFY(!pipeline.release(hold->tickets.at(0)));
    // Nothing held: straight through again.
    pipeline.deliver(delivery(1, "4"));
    QCOMPARE(out.writtenTo(1).constLast(), QByteArray("4"));
}

void TestDeliveryPipeline::heldAgainWhileTheQueueDrains() {
    RecordingOutput out;
    DeliveryPipeline pipeline(out);
    auto *hold = static_cast<HoldStage *>(pipeline.install(std::make_unique<HoldStage>("h")));
    for (const char *frame : {"h1", "x", "h2", "y"})
        pipeline.deliver(delivery(1, frame));
    QVERIFY(out.written.isEmpty());
    pipeline.release(hold->tickets.at(0));
    // h2 is held in its turn; y waits behind it.
    QCOMPARE(out.writtenTo(1), (QList<QByteArray>{"h1", "x"}));
    QCOMPARE(hold->tickets.size(), 2);
    QCOMPARE(pipeline.waitingCount(), 1);
    pipeline.release(hold->tickets.at(1));
    QCOMPARE(out.writtenTo(1), (QList<QByteArray>{"h1", "x", "h2", "y"}));
}

void TestDeliveryPipeline::dropHeldFrame() {
    RecordingOutput out;
    DeliveryPipeline pipeline(out);
    auto *hold = static_cast<HoldStage *>(pipeline.install(std::make_unique<HoldStage>("h")));
    pipeline.deliver(delivery(1, "h1"));
    pipeline.deliver(delivery(1, "2"));
    QVERIFY(pipeline.drop(hold->tickets.at(0), QStringLiteral("dropped by the user")));
    QCOMPARE(out.discarded.size(), 1);
    QCOMPARE(out.discarded.at(0).frame, QByteArray("h1"));
    QCOMPARE(out.discarded.at(0).intervention, QStringLiteral("dropped by the user"));
    QCOMPARE(out.writtenTo(1), (QList<QByteArray>{"2"}));
}

void TestDeliveryPipeline::editHeldFrame() {
    RecordingOutput out;
    DeliveryPipeline pipeline(out);
    auto *hold = static_cast<HoldStage *>(pipeline.install(std::make_unique<HoldStage>("h")));
    pipeline.deliver(delivery(1, "h1"));
    Delivery *held = pipeline.held(hold->tickets.at(0));
    QVERIFY(held);
    QCOMPARE(held->frame, QByteArray("h1"));
    held->frame = "changed";
    held->note(QStringLiteral("edited"));
    pipeline.release(hold->tickets.at(0));
    QCOMPARE(out.writtenTo(1), (QList<QByteArray>{"changed"}));
    QVERIFY(out.written.at(0).intervention.startsWith(QStringLiteral("edited; held ")));
}

void TestDeliveryPipeline::releaseRunsTheLaterStages() {
    RecordingOutput out;
    DeliveryPipeline pipeline(out);
    auto *hold = static_cast<HoldStage *>(pipeline.install(std::make_unique<HoldStage>("h")));
    pipeline.install(std::make_unique<EditStage>());
    pipeline.deliver(delivery(1, "h1"));
    QVERIFY(out.written.isEmpty());
    pipeline.release(hold->tickets.at(0));
    QCOMPARE(out.writtenTo(1), (QList<QByteArray>{"h1!"}));
    // The holding stage does not see it again: one ticket only.
    QCOMPARE(hold->tickets.size(), 1);
    QVERIFY(out.written.at(0).intervention.endsWith(QStringLiteral("; edited by edit")));
}

void TestDeliveryPipeline::stagesRunInOrder() {
    {
        RecordingOutput out;
        DeliveryPipeline pipeline(out);
        pipeline.install(std::make_unique<EditStage>());
        pipeline.install(std::make_unique<DropStage>("!"));
        pipeline.deliver(delivery(1, "a"));
        QCOMPARE(out.discarded.size(), 1); // edited first, so the drop matches
        QCOMPARE(out.discarded.at(0).intervention,
                 QStringLiteral("edited by edit; dropped by drop"));
    }
    {
        RecordingOutput out;
        DeliveryPipeline pipeline(out);
        pipeline.install(std::make_unique<DropStage>("!"));
        pipeline.install(std::make_unique<EditStage>(), 0); // in front of the drop
        pipeline.deliver(delivery(1, "a"));
        QCOMPARE(out.discarded.size(), 1);
    }
    {
        RecordingOutput out;
        DeliveryPipeline pipeline(out);
        pipeline.install(std::make_unique<DropStage>("!"));
        pipeline.install(std::make_unique<EditStage>());
        pipeline.deliver(delivery(1, "a"));
        QCOMPARE(out.writtenTo(1), (QList<QByteArray>{"a!"}));
    }
}

void TestDeliveryPipeline::receiverLeavesWhileHeld() {
    RecordingOutput out;
    DeliveryPipeline pipeline(out);
    auto *hold = static_cast<HoldStage *>(pipeline.install(std::make_unique<HoldStage>("h")));
    pipeline.deliver(delivery(1, "h1"));
    pipeline.deliver(delivery(1, "2"));
    pipeline.deliver(delivery(2, "h-other"));
    pipeline.forgetReceiver(1);
    QCOMPARE(out.discarded.size(), 2);
    QCOMPARE(out.discarded.at(0).frame, QByteArray("h1"));
    QCOMPARE(out.discarded.at(1).frame, QByteArray("2"));
    QCOMPARE(out.discarded.at(1).intervention, QStringLiteral("dropped: the receiver left"));
    QVERIFY(out.written.isEmpty());
    QCOMPARE(pipeline.heldCount(), 1); // the other receiver's
    QVERIFY(!pipeline.release(hold->tickets.at(0)));
    QVERIFY(pipeline.release(hold->tickets.at(1)));
    QCOMPARE(out.writtenTo(2), (QList<QByteArray>{"h-other"}));
}

void TestDeliveryPipeline::dropAll() {
    RecordingOutput out;
    DeliveryPipeline pipeline(out);
    pipeline.install(std::make_unique<HoldStage>("h"));
    pipeline.deliver(delivery(1, "h1"));
    pipeline.deliver(delivery(2, "h2"));
    pipeline.deliver(delivery(2, "3"));
    pipeline.dropAll(QStringLiteral("stopped"));
    QCOMPARE(out.discarded.size(), 3);
    QCOMPARE(pipeline.heldCount(), 0);
    QCOMPARE(pipeline.waitingCount(), 0);
    pipeline.deliver(delivery(2, "4"));
    QCOMPARE(pipeline.heldCount(), 0);
    QCOMPARE(out.writtenTo(2), (QList<QByteArray>{"4"}));
}

void TestDeliveryPipeline::uninstallReleasesWhatTheStageHeld() {
    RecordingOutput out;
    DeliveryPipeline pipeline(out);
    DeliveryStage *hold = pipeline.install(std::make_unique<HoldStage>("h"));
    pipeline.install(std::make_unique<EditStage>());
    pipeline.deliver(delivery(1, "h1"));
    pipeline.deliver(delivery(1, "2"));
    std::unique_ptr<DeliveryStage> removed = pipeline.uninstall(hold);
    QCOMPARE(removed.get(), hold);
    QCOMPARE(pipeline.stageCount(), 1);
    QCOMPARE(out.writtenTo(1), (QList<QByteArray>{"h1!", "2!"}));
}

void TestDeliveryPipeline::delayKeepsOrder() {
    RecordingOutput out;
    DeliveryPipeline pipeline(out);
    pipeline.install(std::make_unique<DelayStage>(30));
    QElapsedTimer clock;
    clock.start();
    pipeline.deliver(delivery(1, "1"));
    pipeline.deliver(delivery(1, "2"));
    pipeline.deliver(delivery(2, "other"));
    QVERIFY(out.written.isEmpty());
    QTRY_COMPARE(out.writtenTo(1), (QList<QByteArray>{"1", "2"}));
    QTRY_COMPARE(out.writtenTo(2), (QList<QByteArray>{"other"}));
    QVERIFY(clock.elapsed() >= 30);
    QVERIFY(out.written.at(0).intervention.endsWith(QStringLiteral(" ms by delay")));
}

// What is held and waiting is counted, in frames and per receiver in bytes, and a delivery
// that would wait past a bound is dropped with the reason.
void TestDeliveryPipeline::pendingCountsAndBounds() {
    RecordingOutput out;
    DeliveryPipeline pipeline(out);
    pipeline.setLimits(3, 25);
    auto *hold = static_cast<HoldStage *>(pipeline.install(std::make_unique<HoldStage>("h")));
    pipeline.deliver(delivery(1, "h-1234567")); // held, 9 bytes
    pipeline.deliver(delivery(1, "w-1234567")); // waiting behind it
    QCOMPARE(pipeline.pendingCount(), 2);
    QCOMPARE(pipeline.pendingBytes(1), 18);
    QCOMPARE(pipeline.pendingBytes(2), 0);
    pipeline.deliver(delivery(1, "x-1234567")); // 27 bytes for receiver 1: over 25
    QCOMPARE(out.discarded.size(), 1);
    QCOMPARE(out.discarded.at(0).intervention,
             QStringLiteral("dropped: 27 bytes held or waiting for the receiver (limit 25)"));
    pipeline.deliver(delivery(2, "h-2")); // held for receiver 2
    QCOMPARE(pipeline.pendingCount(), 3);
    pipeline.deliver(delivery(2, "w-2")); // three pending: the frame bound
    QCOMPARE(out.discarded.size(), 2);
    QCOMPARE(out.discarded.at(1).intervention,
             QStringLiteral("dropped: 3 frames held or waiting (limit 3)"));
    QCOMPARE(pipeline.holdRefusal(delivery(3, "h")),
             QStringLiteral("dropped: 3 frames held or waiting (limit 3)"));
    // An edit of the held frame does not skew the bytes once it is let go.
    pipeline.held(hold->tickets.at(0))->frame = "h-much-longer-than-before";
    QVERIFY(pipeline.release(hold->tickets.at(0)));
    QCOMPARE(out.writtenTo(1), (QList<QByteArray>{"h-much-longer-than-before", "w-1234567"}));
    QCOMPARE(pipeline.pendingCount(), 1);
    QCOMPARE(pipeline.pendingBytes(1), 0);
    pipeline.forgetReceiver(2);
    QCOMPARE(pipeline.pendingCount(), 0);
    QVERIFY(pipeline.holdRefusal(delivery(3, "h")).isEmpty());
}

QTEST_GUILESS_MAIN(TestDeliveryPipeline)

#include "tst_deliverypipeline.moc"
