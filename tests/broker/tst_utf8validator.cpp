// Unit tests of Utf8Validator: RFC 3629 UTF-8 (no overlong forms, no surrogates, nothing above
// U+10FFFF, no truncated sequence), with the 8-byte ASCII fast path exercised at every offset,
// and a cross-check of random byte strings against two references: a plain code point decoder
// written here, and QStringDecoder (stateless, so a truncated end counts as an error), which is
// only used when it agrees with RFC 3629 on known cases (checked in initTestCase()).

#include "utf8validator.h"

#include <QStringDecoder>
#include <QTest>

#include <random>

namespace {

// The reference: decodes one code point at a time the obvious way and checks the result, so it
// shares no structure with the validator's table of allowed second bytes.
bool referenceIsValid(QByteArrayView bytes) {
    qsizetype i = 0;
    while (i < bytes.size()) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        int length;
        char32_t codePoint;
        if (lead < 0x80) {
            length = 1;
            codePoint = lead;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2;
            codePoint = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            codePoint = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            codePoint = lead & 0x07;
        } else {
            return false; // a continuation byte or F8..FF
        }
        if (bytes.size() - i < length)
            return false;
        for (int k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(bytes[i + k]);
            if ((next & 0xC0) != 0x80)
                return false;
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (codePoint < smallest[length] || codePoint > 0x10FFFF ||
            (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

bool qtIsValid(QByteArrayView bytes) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString ignored = decoder(bytes);
    return !decoder.hasError();
}

// The UTF-8 pattern applied to any value up to 0x1FFFFF, in at least minLength bytes, so that
// the random inputs also contain encoded surrogates, values above U+10FFFF and overlong forms.
QByteArray encodeLoosely(char32_t value, int minLength = 1) {
    QByteArray out;
    if (value < 0x80 && minLength <= 1) {
        out += char(value);
        return out;
    }
    const int length = qMax(minLength, value < 0x800 ? 2 : value < 0x10000 ? 3 : 4);
    static constexpr unsigned char leadBits[] = {0, 0, 0xC0, 0xE0, 0xF0};
    out.resize(length);
    for (int k = length - 1; k > 0; --k) {
        out[k] = char(0x80 | (value & 0x3F));
        value >>= 6;
    }
    out[0] = char(leadBits[length] | value);
    return out;
}

QByteArray bytesOf(std::initializer_list<int> values) {
    QByteArray out;
    for (int v : values)
        out += char(v);
    return out;
}

} // namespace

class tst_Utf8Validator : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void invalidByteAtEveryOffset_data();
    void invalidByteAtEveryOffset();
    void multiByteAtEveryOffset();
    void respectsViewSize();
    void randomAgainstReference();
    void incrementalFailsAtFirstImpossibleByte_data();
    void incrementalFailsAtFirstImpossibleByte();
    void incrementalSplitAnywhere();

private:
    bool m_qtIsStrict = false;
};

void tst_Utf8Validator::initTestCase() {
    // The reference decoder itself, on the cases that decide strictness.
    const QByteArray strictlyInvalid[] = {
        "\xC0\x80",     "\xE0\x80\x80",     "\xF0\x80\x80\x80", "\xED\xA0\x80",
        "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xE2\x82",
    };
    const QByteArray strictlyValid[] = {"\xED\x9F\xBF", "\xEE\x80\x80", "\xF4\x8F\xBF\xBF",
                                        "\xEF\xBF\xBF", "\xDF\xBF"};
    m_qtIsStrict = true;
    for (const QByteArray &bytes : strictlyInvalid) {
        QVERIFY2(!referenceIsValid(bytes), bytes.toHex(' ').constData());
        if (qtIsValid(bytes))
            m_qtIsStrict = false;
    }
    for (const QByteArray &bytes : strictlyValid) {
        QVERIFY2(referenceIsValid(bytes), bytes.toHex(' ').constData());
        if (!qtIsValid(bytes))
            m_qtIsStrict = false;
    }
    if (!m_qtIsStrict)
        qWarning("QStringDecoder is not RFC 3629 strict here; cross-checking the reference only");
}

void tst_Utf8Validator::valid_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("ascii") << QByteArray("hello");
    QTest::newRow("ascii 8") << QByteArray("abcdefgh");
    QTest::newRow("ascii 17") << QByteArray("abcdefghijklmnopq");
    QTest::newRow("nul") << QByteArray("a\0b", 3);
    QTest::newRow("2-byte") << QByteArray("caf\xC3\xA9");
    QTest::newRow("3-byte") << QByteArray("\xE2\x82\xAC 5");
    QTest::newRow("4-byte") << QByteArray("\xF0\x9F\x98\x80");
    QTest::newRow("mixed long") << QByteArray("{\"text\":\"gr\xC3\xBC\xC3\x9F "
                                              "\xE2\x82\xAC \xF0\x9F\x98\x80 \xE4\xB8\xAD\"}");
    QTest::newRow("U+007F") << bytesOf({0x7F});
    QTest::newRow("U+0080") << bytesOf({0xC2, 0x80});
    QTest::newRow("U+07FF") << bytesOf({0xDF, 0xBF});
    QTest::newRow("U+0800") << bytesOf({0xE0, 0xA0, 0x80});
    QTest::newRow("U+D7FF") << bytesOf({0xED, 0x9F, 0xBF});
    QTest::newRow("U+E000") << bytesOf({0xEE, 0x80, 0x80});
    QTest::newRow("U+FEFF bom") << bytesOf({0xEF, 0xBB, 0xBF});
    QTest::newRow("U+FFFF") << bytesOf({0xEF, 0xBF, 0xBF});
    QTest::newRow("U+10000") << bytesOf({0xF0, 0x90, 0x80, 0x80});
    QTest::newRow("U+10FFFF") << bytesOf({0xF4, 0x8F, 0xBF, 0xBF});
    QTest::newRow("4-byte after 8 ascii") << QByteArray("abcdefgh\xF0\x9F\x98\x80xyz");
    QTest::newRow("4-byte across 8-byte words") << QByteArray("abcdef\xF0\x9F\x98\x80ghijklmn");
}

void tst_Utf8Validator::valid() {
    QFETCH(QByteArray, bytes);
    QVERIFY(referenceIsValid(bytes)); // the row itself is right
    QVERIFY(Utf8Validator::isValid(bytes));
}

void tst_Utf8Validator::invalid_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("lone continuation 80") << bytesOf({0x80});
    QTest::newRow("lone continuation BF") << bytesOf({0xBF});
    QTest::newRow("continuation after ascii") << QByteArray("abc\x80");
    QTest::newRow("two-byte then extra continuation") << QByteArray("\xC3\xA9\xA9");
    QTest::newRow("overlong C0 80") << bytesOf({0xC0, 0x80});
    QTest::newRow("overlong C1 BF") << bytesOf({0xC1, 0xBF});
    QTest::newRow("overlong E0 80 80") << bytesOf({0xE0, 0x80, 0x80});
    QTest::newRow("overlong E0 9F BF") << bytesOf({0xE0, 0x9F, 0xBF});
    QTest::newRow("overlong F0 80 80 80") << bytesOf({0xF0, 0x80, 0x80, 0x80});
    QTest::newRow("overlong F0 8F BF BF") << bytesOf({0xF0, 0x8F, 0xBF, 0xBF});
    QTest::newRow("surrogate ED A0 80") << bytesOf({0xED, 0xA0, 0x80});
    QTest::newRow("surrogate ED BF BF") << bytesOf({0xED, 0xBF, 0xBF});
    QTest::newRow("surrogate pair as CESU-8") << bytesOf({0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80});
    QTest::newRow("above U+10FFFF F4 90 80 80") << bytesOf({0xF4, 0x90, 0x80, 0x80});
    QTest::newRow("F5 80 80 80") << bytesOf({0xF5, 0x80, 0x80, 0x80});
    QTest::newRow("F7 BF BF BF") << bytesOf({0xF7, 0xBF, 0xBF, 0xBF});
    QTest::newRow("5-byte F8") << bytesOf({0xF8, 0x88, 0x80, 0x80, 0x80});
    QTest::newRow("6-byte FC") << bytesOf({0xFC, 0x84, 0x80, 0x80, 0x80, 0x80});
    QTest::newRow("FE") << bytesOf({0xFE});
    QTest::newRow("FF") << bytesOf({0xFF});
    QTest::newRow("bad second byte of 2") << bytesOf({0xC3, 0x41});
    QTest::newRow("bad third byte of 3") << bytesOf({0xE2, 0x82, 0x41});
    QTest::newRow("bad fourth byte of 4") << bytesOf({0xF0, 0x9F, 0x98, 0xC3});
    QTest::newRow("lead after lead") << bytesOf({0xC3, 0xC3, 0xA9});
    QTest::newRow("truncated 2 at end") << QByteArray("abc\xC3");
    QTest::newRow("truncated 3 at end (1)") << QByteArray("\xE2");
    QTest::newRow("truncated 3 at end (2)") << QByteArray("\xE2\x82");
    QTest::newRow("truncated 4 at end (1)") << QByteArray("\xF0");
    QTest::newRow("truncated 4 at end (2)") << QByteArray("\xF0\x9F");
    QTest::newRow("truncated 4 at end (3)") << QByteArray("\xF0\x9F\x98");
    QTest::newRow("truncated 4 after 8 ascii") << QByteArray("abcdefgh\xF0\x9F\x98");
    // A sequence cut short and followed by ASCII, inside inputs long enough for the fast path.
    QTest::newRow("truncated 3 mid 9+") << QByteArray("abcdefgh\xE2\x82ijklmnop");
    QTest::newRow("truncated 4 mid 9+") << QByteArray("\xF0\x9F\x98"
                                                      "abcdefghijk");
    QTest::newRow("truncated 2 mid 9+") << QByteArray("abcdefg\xC3"
                                                      "hijklmnopq");
}

void tst_Utf8Validator::invalid() {
    QFETCH(QByteArray, bytes);
    QVERIFY(!referenceIsValid(bytes)); // the row itself is right
    QVERIFY(!Utf8Validator::isValid(bytes));
}

void tst_Utf8Validator::invalidByteAtEveryOffset_data() {
    QTest::addColumn<QByteArray>("bytes");
    // Each bad byte at each position of a 17-byte ASCII run: inside the first or second 8-byte
    // word, or in the byte-wise tail.
    const struct {
        const char *name;
        QByteArray bytes;
    } bad[] = {
        {"80", bytesOf({0x80})},
        {"FF", bytesOf({0xFF})},
        {"C0", bytesOf({0xC0})},
        {"C3 (truncated)", bytesOf({0xC3})},
        {"F0 9F (truncated)", bytesOf({0xF0, 0x9F})},
        {"ED A0 80 (surrogate)", bytesOf({0xED, 0xA0, 0x80})},
    };
    for (const auto &b : bad) {
        for (int offset = 0; offset <= 16; ++offset) {
            const QByteArray bytes =
                QByteArray(offset, 'a') + b.bytes + QByteArray(qMax(0, 16 - offset), 'a');
            QTest::addRow("%s at %d", b.name, offset) << bytes;
        }
    }
}

void tst_Utf8Validator::invalidByteAtEveryOffset() {
    QFETCH(QByteArray, bytes);
    QVERIFY(!referenceIsValid(bytes));
    QVERIFY2(!Utf8Validator::isValid(bytes), bytes.toHex(' ').constData());
}

// The converse: a valid multi-byte character anywhere in an ASCII run stays valid, so the fast
// path neither skips nor misreads bytes next to it.
void tst_Utf8Validator::multiByteAtEveryOffset() {
    const QByteArray characters[] = {bytesOf({0xC3, 0xA9}), bytesOf({0xE2, 0x82, 0xAC}),
                                     bytesOf({0xF0, 0x9F, 0x98, 0x80})};
    for (const QByteArray &character : characters) {
        for (int offset = 0; offset <= 24; ++offset) {
            const QByteArray bytes = QByteArray(offset, 'x') + character + QByteArray(20, 'y');
            QVERIFY2(Utf8Validator::isValid(bytes), bytes.toHex(' ').constData());
            // ...and cut one byte short at the end of the input it is invalid.
            const QByteArray cut = QByteArray(offset, 'x') + character.chopped(1);
            QVERIFY2(!Utf8Validator::isValid(cut), cut.toHex(' ').constData());
        }
    }
}

// The validator reads only the view's bytes, never what follows in memory.
void tst_Utf8Validator::respectsViewSize() {
    const QByteArray buffer("abcdefgh\xC3\xA9");
    QVERIFY(Utf8Validator::isValid(buffer));
    QVERIFY(!Utf8Validator::isValid(QByteArrayView(buffer).first(9)));
    QVERIFY(Utf8Validator::isValid(QByteArrayView(buffer).first(8)));
    const QByteArray run("abcdefghijklmnop\x80");
    QVERIFY(Utf8Validator::isValid(QByteArrayView(run).first(16)));
    QVERIFY(Utf8Validator::isValid(QByteArrayView(run).sliced(1, 15)));
}

void tst_Utf8Validator::randomAgainstReference() {
    std::mt19937 random(6455); // fixed: a failure is reproducible
    auto below = [&](int n) { return int(random() % unsigned(n)); };
    int validCount = 0;
    constexpr int Rounds = 20000;
    for (int round = 0; round < Rounds; ++round) {
        QByteArray bytes;
        switch (round % 3) {
        case 0: // uniformly random bytes, short
            for (int i = below(12); i > 0; --i)
                bytes += char(below(256));
            break;
        case 1: { // loosely encoded code points near the interesting boundaries, often valid
            static constexpr char32_t anchors[] = {0x0,     0x7F,     0x80,     0x7FF,   0x800,
                                                   0xD7FF,  0xD800,   0xDFFF,   0xE000,  0xFFFF,
                                                   0x10000, 0x10FFFF, 0x110000, 0x1FFFFF};
            for (int i = below(10); i > 0; --i) {
                const char32_t value =
                    below(4) == 0 ? char32_t(random() % 0x120000)
                                  : anchors[below(std::size(anchors))] + char32_t(below(3)) - 1;
                // Now and then overlong: in 2 to 4 bytes whatever the value needs.
                bytes += encodeLoosely(value & 0x1FFFFF, below(8) == 0 ? 2 + below(3) : 1);
            }
            break;
        }
        default: // valid text with one mutation: a byte changed, dropped or inserted
            for (int i = below(20); i > 0; --i)
                bytes += encodeLoosely(char32_t(random() % 0xD800));
            if (!bytes.isEmpty()) {
                const int at = below(bytes.size());
                switch (below(3)) {
                case 0:
                    bytes[at] = char(below(256));
                    break;
                case 1:
                    bytes.remove(at, 1);
                    break;
                default:
                    bytes.insert(at, char(0x80 + below(128)));
                }
            }
        }
        const bool expected = referenceIsValid(bytes);
        validCount += expected;
        QVERIFY2(Utf8Validator::isValid(bytes) == expected, bytes.toHex(' ').constData());
        if (m_qtIsStrict)
            QVERIFY2(qtIsValid(bytes) == expected, bytes.toHex(' ').constData());
    }
    // Both outcomes are well represented, or the cross-check would prove little.
    QVERIFY2(validCount > Rounds / 10 && validCount < Rounds * 9 / 10,
             QByteArray::number(validCount).constData());
}

// Fed a byte at a time, the incremental validator fails exactly at the first byte after which no
// continuation could make the text valid, and not before (issue 18: 1007 as early as possible).
void tst_Utf8Validator::incrementalFailsAtFirstImpossibleByte_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("failsAt"); // index of the first impossible byte; -1: never (cut end)
    QTest::newRow("C0") << QByteArray("ab\xC0\x80") << 2;
    QTest::newRow("C1") << bytesOf({0xC1, 0xBF}) << 0;
    QTest::newRow("F5") << QByteArray("xyz\xF5") << 3;
    QTest::newRow("FF") << bytesOf({0x41, 0xFF}) << 1;
    QTest::newRow("overlong E0 80") << bytesOf({0xE0, 0x80, 0x80}) << 1;
    QTest::newRow("overlong F0 8F") << bytesOf({0xF0, 0x8F, 0xBF, 0xBF}) << 1;
    QTest::newRow("surrogate ED A0") << bytesOf({0xED, 0xA0, 0x80}) << 1;
    QTest::newRow("above U+10FFFF F4 90") << bytesOf({0xF4, 0x90, 0x80, 0x80}) << 1;
    QTest::newRow("third byte not a continuation") << bytesOf({0xE2, 0x82, 0x41}) << 2;
    QTest::newRow("fourth byte not a continuation") << bytesOf({0xF0, 0x9F, 0x98, 0xC3}) << 3;
    QTest::newRow("stray continuation after a character") << QByteArray("\xC3\xA9\xA9") << 2;
    QTest::newRow("after a long ASCII run") << QByteArray("0123456789abcdef\xF8") << 16;
    QTest::newRow("cut 4-byte sequence") << bytesOf({0x61, 0xF0, 0x9F, 0x98}) << -1;
}

void tst_Utf8Validator::incrementalFailsAtFirstImpossibleByte() {
    QFETCH(QByteArray, bytes);
    QFETCH(int, failsAt);
    Utf8Validator validator;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const bool expected = failsAt < 0 || i < failsAt;
        QVERIFY2(validator.feed(bytes.sliced(i, 1)) == expected,
                 QByteArray("byte " + QByteArray::number(i)).constData());
    }
    QVERIFY(!validator.isComplete());
    QVERIFY(!validator.feed("ok")); // a failure stays
    validator.reset();
    QVERIFY(validator.feed("ok") && validator.isComplete());
    // In one piece the verdict is the same.
    Utf8Validator whole;
    QCOMPARE(whole.feed(bytes), failsAt < 0);
}

// Cut into two or three pieces anywhere, the verdict is that of the whole; a valid text never
// fails early, and an invalid one fails by its last piece at the latest.
void tst_Utf8Validator::incrementalSplitAnywhere() {
    std::mt19937 random(8107);
    auto below = [&](int n) { return int(random() % unsigned(n)); };
    for (int round = 0; round < 3000; ++round) {
        QByteArray bytes;
        for (int i = below(8); i > 0; --i) {
            const char32_t value =
                below(6) == 0 ? char32_t(random() % 0x120000) : char32_t(random() % 0xD800);
            bytes += encodeLoosely(value & 0x1FFFFF, below(10) == 0 ? 2 + below(3) : 1);
        }
        if (!bytes.isEmpty() && below(3) == 0)
            bytes[below(bytes.size())] = char(below(256));
        const bool expected = referenceIsValid(bytes);
        for (qsizetype a = 0; a <= bytes.size(); ++a) {
            for (qsizetype b = a; b <= bytes.size(); ++b) {
                Utf8Validator validator;
                const bool first = validator.feed(bytes.first(a));
                const bool second = validator.feed(bytes.sliced(a, b - a));
                const bool third = validator.feed(bytes.sliced(b));
                if (expected)
                    QVERIFY2(first && second && third, bytes.toHex(' ').constData());
                QVERIFY2((third && validator.isComplete()) == expected,
                         (bytes.toHex(' ') + " cut at " + QByteArray::number(a) + ", " +
                          QByteArray::number(b))
                             .constData());
            }
        }
    }
}

QTEST_GUILESS_MAIN(tst_Utf8Validator)
#include "tst_utf8validator.moc"
