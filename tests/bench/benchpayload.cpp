#include "benchpayload.h"

#include "byteappend.h"
#include "jsonscanner.h"

#include <cstring>

namespace {
// `,"p":""` plus the closing brace.
constexpr int PaddingOverhead = 8;
} // namespace

void BenchPayload::appendJson(QByteArray &out, int targetSize) const {
    const qsizetype start = out.size();
    appendBytes(out, R"({"s":)");
    appendNumber(out, sender);
    appendBytes(out, R"(,"q":)");
    appendNumber(out, seq);
    appendBytes(out, R"(,"d":)");
    appendNumber(out, dest);
    appendBytes(out, R"(,"t":)");
    appendNumber(out, sentNs);
    const qsizetype written = out.size() - start;
    const qsizetype padding = targetSize - written - PaddingOverhead;
    if (padding >= 0) {
        appendBytes(out, R"(,"p":")");
        // resize + memset: QByteArray::append(count, char) goes through a slower insert().
        const qsizetype at = out.size();
        out.resize(at + padding);
        std::memset(out.data() + at, 'x', size_t(padding));
        appendBytes(out, R"("})");
    } else {
        appendChar(out, '}');
    }
}

int BenchPayload::minimumSize() const {
    QByteArray probe;
    appendJson(probe, 0);
    return int(probe.size());
}

bool BenchPayload::parse(QByteArrayView json) {
    sender = seq = dest = -1;
    sentNs = 0;
    int found = 0;
    bool numbersValid = true;
    const bool wellFormed =
        JsonScanner::forEachMember(json, [&](QByteArrayView key, QByteArrayView value) {
            qint64 *field = nullptr;
            if (equals(key, "s"))
                field = &sender;
            else if (equals(key, "q"))
                field = &seq;
            else if (equals(key, "d"))
                field = &dest;
            else if (equals(key, "t"))
                field = &sentNs;
            if (!field)
                return;
            ++found;
            if (!JsonScanner::toInteger(value, *field))
                numbersValid = false;
        });
    return wellFormed && numbersValid && found == 4;
}
