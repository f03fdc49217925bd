// libFuzzer target over TrafficRulesParser::parse(), the reader of the traffic rules files
// (--rules, and the rules the window keeps in its settings), which a user may take from a
// colleague. Beyond "no crash, no hang, no sanitizer report" it checks what the window and the
// headless watcher rely on:
// - a refused file gets one line of error and no rules (nothing is half applied);
// - accepted rules, written back (serialize()) and read again, are accepted and written back
//   the same (saving the rules loses nothing and changes nothing).

#include "trafficrulesparser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *what, const QByteArray &detail) {
    std::fprintf(stderr, "invariant broken: %s\n%s\n", what, detail.constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const TrafficRuleList rules = TrafficRulesParser::parse(input, &error);
    if (!error.isEmpty()) {
        if (!rules.isEmpty())
            fail("rules returned with an error", error.toUtf8());
        if (error.contains(u'\n'))
            fail("an error of more than one line", error.toUtf8());
        return 0;
    }
    const QByteArray written = TrafficRulesParser::serialize(rules);
    QString again;
    const TrafficRuleList reread = TrafficRulesParser::parse(written, &again);
    if (!again.isEmpty())
        fail("written rules refused", written + '\n' + again.toUtf8());
    if (reread.size() != rules.size())
        fail("written rules read back as another number of rules", written);
    if (TrafficRulesParser::serialize(reread) != written)
        fail("written rules read back differently", written);
    return 0;
}
