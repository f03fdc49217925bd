// Runs a fuzz target's LLVMFuzzerTestOneInput() once over every file of the corpus directories
// given as arguments, without libFuzzer: the normal (gcc) build and the sanitizer build replay
// the seed corpora in CTest with this, so that a regression shows without a fuzz build. A
// broken invariant aborts, as in the fuzzer; an empty or missing corpus fails too, so that the
// test cannot pass by replaying nothing.

#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
    int replayed = 0;
    for (int i = 1; i < argc; ++i) {
        const QString corpus = QString::fromLocal8Bit(argv[i]);
        if (!QDir(corpus).exists()) {
            std::fprintf(stderr, "%s: no such corpus directory\n", argv[i]);
            return 1;
        }
        QDirIterator files(corpus, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(file.fileName()),
                             qPrintable(file.errorString()));
                return 1;
            }
            const QByteArray bytes = file.readAll();
            std::printf("%s (%lld bytes)\n", qPrintable(file.fileName()),
                        static_cast<long long>(bytes.size()));
            std::fflush(stdout); // the last name printed is the input that aborted
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()),
                                   size_t(bytes.size()));
            ++replayed;
        }
    }
    std::printf("%d inputs replayed\n", replayed);
    return replayed > 0 ? 0 : 1;
}
