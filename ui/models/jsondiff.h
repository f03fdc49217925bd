#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>

// A JSON-aware comparison of two messages: what changed, was added or was removed, member by
// member and element by element, each named by its path ("message.items[2].price"), not a
// text diff. Arrays keep the elements they share at their start and their end, so one element
// put in front of or taken out of an array is one change, not a change of every element after
// it.
class JsonDiff {
    Q_DECLARE_TR_FUNCTIONS(JsonDiff)
public:
    struct Change {
        enum class Kind : quint8 { Added, Removed, Changed };
        Kind kind = Kind::Changed;
        QString path;      // empty: the whole document
        QJsonValue before; // Undefined when added
        QJsonValue after;  // Undefined when removed
    };
    using ChangeList = QList<Change>;

    // At most this many changes are listed (two arrays of a million numbers that differ
    // everywhere would otherwise make a million rows); *cut says whether more were left out.
    static constexpr qsizetype MaxChanges = 10000;

    static ChangeList compare(const QJsonValue &before, const QJsonValue &after,
                              bool *cut = nullptr);
    // Both frames parsed as JSON (before the older, after the newer); an empty list and *error
    // naming the frame that is not JSON.
    static ChangeList compareFrames(QByteArrayView before, QByteArrayView after, QString *error,
                                    bool *cut = nullptr);

    // The path of a member of parent: "a.b", or a["b c"] when the key is not a plain name.
    static QString memberPath(const QString &parent, const QString &key);
    static QString elementPath(const QString &parent, qsizetype index);

private:
    // The changes found so far, and whether MaxChanges was reached.
    struct Found {
        ChangeList changes;
        bool cut = false;
        // Whether one more change may be listed (and notes the cut when not).
        bool room() {
            if (changes.size() < MaxChanges)
                return true;
            cut = true;
            return false;
        }
    };
    static void compareInto(const QString &path, const QJsonValue &before, const QJsonValue &after,
                            Found &found);
    static void compareArrays(const QString &path, const QJsonArray &before,
                              const QJsonArray &after, Found &found);
};
