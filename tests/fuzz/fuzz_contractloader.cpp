// libFuzzer target over the contract loaders a user points at a folder or file they may not
// have written: the AsyncAPI reader (JSON and YAML, local $refs), the schema compiler
// (valijson) and a check of a message against what loaded. The first byte picks the form:
// even - an AsyncAPI .json, odd - an AsyncAPI .yaml, both with the rest as the document; the
// rest is also checked as a send's message in rooms /orders and /events. It aborts when:
// - an error is not one line starting with the file's name and ": ";
// - a load that added no contract and said no error (a file with channels that all lack a
//   payload is the one exception: it has nothing to check and nothing wrong);
// - a valid message gets a violation without a keyword.

#include "contractset.h"
#include "contractworker.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *what, const QString &detail) {
    std::fprintf(stderr, "invariant broken: %s\n%s\n", what, qPrintable(detail));
    std::abort();
}

BrokerEvent sendOf(const QString &room, const QByteArray &message) {
    BrokerEvent e;
    e.kind = BrokerEvent::Kind::FrameIn;
    e.action = FrameAction::Send;
    e.room = room;
    e.clientId = "fuzz";
    e.data = "{\"action\":\"send\",\"dest\":\"x\",\"message\":" + message + "}";
    e.size = e.data.size();
    return e;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1)
        return 0;
    static QTemporaryDir dir;
    const QString path =
        QDir(dir.path())
            .filePath(data[0] % 2 ? QStringLiteral("a.yaml") : QStringLiteral("a.json"));
    const QByteArray text(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            fail("cannot write the input", path);
        file.write(text);
    }
    const std::shared_ptr<const ContractSet> set = ContractSet::load(path);
    for (const QString &error : set->errors()) {
        if (!error.startsWith(path + QStringLiteral(": ")) || error.contains(QLatin1Char('\n')))
            fail("an error that is not one line naming the file", error);
    }
    if (set->isEmpty() && set->errors().isEmpty() && !text.contains(QByteArrayLiteral("channels")))
        fail("nothing loaded and nothing said", QString::fromUtf8(text));
    // The input as a message, when it is one value of JSON.
    QJsonParseError parseError;
    QJsonDocument::fromJson("[" + text + "]", &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        QHash<QString, quint64> counts;
        quint64 checked = 0;
        const ContractViolationList violations = ContractWorker::checkEvents(
            *set,
            {sendOf(QStringLiteral("/orders"), text), sendOf(QStringLiteral("/events"), text)},
            &counts, &checked);
        for (const ContractViolation &v : violations) {
            if (v.keyword.isEmpty())
                fail("a violation without a keyword", v.description);
        }
    }
    return 0;
}
