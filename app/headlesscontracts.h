#pragma once

#include "contractchecker.h"

#include <QObject>
#include <QTextStream>

class Broker;
class HeadlessRecording;

// The headless --schemas: loads the contracts, says each file's problem on stderr, and prints
// one line per violation on stdout ("violation ROOM SENDER message/PATH KEYWORD"). Checking
// runs on the checker's thread from the broker's event batches; the last batch is checked
// before the broker's stop lets the application exit. With --record, the checker takes the
// batches as the capture records them, and the capture keeps each violation with its frame.
class HeadlessContracts : public QObject {
    Q_OBJECT
public:
    explicit HeadlessContracts(Broker *broker, QObject *parent = nullptr);

    // False when nothing usable was loaded (the errors are said either way). recording: the
    // --record capture, or null.
    bool load(const QString &path, HeadlessRecording *recording = nullptr);

    static QString formatViolation(const ContractViolation &violation);

private:
    void print(const ContractViolationList &violations);
    void drain();

    Broker *m_broker;
    ContractChecker m_checker;
    QTextStream m_out;
};
