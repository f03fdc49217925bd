#include "framefilterproxymodel.h"

#include "framelogmodel.h"

#include <algorithm>

namespace {

constexpr quint32 actionBit(FrameAction action) {
    return quint32(1) << unsigned(action);
}

constexpr int ActionCount = int(FrameAction::Error) + 1;

constexpr quint32 kindBit(BrokerEvent::Kind kind) {
    return quint32(1) << unsigned(kind);
}

constexpr int KindCount = int(BrokerEvent::Kind::RoomRemoved) + 1;

QLatin1StringView latin1(QByteArrayView bytes) {
    return QLatin1StringView(bytes.data(), bytes.size());
}

bool isAscii(QStringView text) {
    for (QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

} // namespace

FrameFilterProxyModel::FrameFilterProxyModel(QObject *parent)
    : QAbstractProxyModel(parent) {
    m_slice.setSingleShot(true);
    m_slice.setInterval(0); // the next pass of the event loop, after what waits there
    connect(&m_slice, &QTimer::timeout, this, [this] { runSlice(); });
}

FrameFilterProxyModel::~FrameFilterProxyModel() = default;

QList<FrameAction> FrameFilterProxyModel::actions() const {
    QList<FrameAction> list;
    for (int a = 0; a < ActionCount; ++a) {
        if (m_actionMask & actionBit(FrameAction(a)))
            list.append(FrameAction(a));
    }
    return list;
}

QList<BrokerEvent::Kind> FrameFilterProxyModel::actionFilterEventKinds() const {
    QList<BrokerEvent::Kind> list;
    for (int k = 0; k < KindCount; ++k) {
        if (m_eventKindMask & kindBit(BrokerEvent::Kind(k)))
            list.append(BrokerEvent::Kind(k));
    }
    return list;
}

bool FrameFilterProxyModel::isFiltering() const {
    return (!m_text.isEmpty() && m_valid) || m_direction != Direction::Both ||
           !m_showSystemEvents || m_actionMask != 0 || m_actionBinary || m_eventKindMask != 0 ||
           m_hasRoom || !m_clientId.isEmpty() || m_connectionId != 0;
}

void FrameFilterProxyModel::filterCriteriaChanged() {
    restartFilter();
    Q_EMIT filterChanged();
}

QRegularExpression FrameFilterProxyModel::capturePattern() const {
    if (m_text.isEmpty() || !m_valid || m_conditionMode)
        return QRegularExpression();
    if (m_regexMode)
        return m_regex;
    QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption;
    if (m_caseSensitivity == Qt::CaseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    return QRegularExpression(QRegularExpression::escape(m_text), options);
}

void FrameFilterProxyModel::requestCaptureSearch() {
    m_captureMatches.clear();
    if (!m_log || !m_log->hasFrameReader()) {
        m_searchingCapture = false;
        return;
    }
    const QRegularExpression pattern = capturePattern();
    m_searchingCapture = pattern.isValid() && !pattern.pattern().isEmpty();
    Q_EMIT captureSearchRequested(pattern);
}

void FrameFilterProxyModel::addCaptureMatches(const QList<quint64> &ids) {
    if (!m_searchingCapture || ids.isEmpty())
        return;
    m_captureMatches.append(ids);
    // Batches come in id order; a search restarted over the same ids must not break the order.
    if (m_captureMatches.size() > ids.size() &&
        m_captureMatches.at(m_captureMatches.size() - ids.size() - 1) >= ids.first()) {
        std::sort(m_captureMatches.begin(), m_captureMatches.end());
        m_captureMatches.erase(std::unique(m_captureMatches.begin(), m_captureMatches.end()),
                               m_captureMatches.end());
    }
    if (m_identity || !m_log)
        return;
    // Matches of rows the re-filtering has not reached yet are found by it; rows already
    // judged from memory are in or out for good. The others come in now, in place.
    for (quint64 id : ids) {
        const int row = m_log->rowOfCaptureId(id);
        if (row < 0 || m_log->isInMemory(row))
            continue;
        const quint64 serial = m_log->serialAt(row);
        if ((m_scanning && serial >= m_cursor) || !acceptsFieldsAt(row))
            continue;
        insertAccepted(serial);
    }
}

void FrameFilterProxyModel::captureSearchFinished() {
    if (!m_searchingCapture)
        return;
    m_searchingCapture = false;
    Q_EMIT filterChanged();
}

void FrameFilterProxyModel::rebuildTextMatcher() {
    const bool wasValid = m_valid;
    const QString oldError = m_errorString;
    m_asciiNeedle.clear();
    m_textIsAscii = false;
    m_regex = QRegularExpression();
    m_valid = true;
    m_errorString.clear();
    m_condition = JsonPathCondition();
    if (m_conditionMode) {
        if (!m_text.isEmpty()) {
            m_condition = JsonPathCondition::parse(m_text);
            m_valid = m_condition.isValid();
            m_errorString = m_condition.errorString();
        }
    } else if (m_regexMode) {
        QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption;
        if (m_caseSensitivity == Qt::CaseInsensitive)
            options |= QRegularExpression::CaseInsensitiveOption;
        m_regex = QRegularExpression(m_text, options);
        m_valid = m_regex.isValid();
        if (m_valid)
            m_regex.optimize();
        else
            m_errorString = tr("%1 at position %2")
                                .arg(m_regex.errorString())
                                .arg(m_regex.patternErrorOffset());
    } else if (isAscii(m_text)) {
        m_asciiNeedle = m_text.toLatin1();
        m_textIsAscii = true;
    }
    if (wasValid != m_valid || oldError != m_errorString)
        Q_EMIT validityChanged(m_valid, m_errorString);
    requestCaptureSearch();
}

void FrameFilterProxyModel::setFilterText(const QString &text) {
    if (text == m_text)
        return;
    m_text = text;
    rebuildTextMatcher();
    filterCriteriaChanged();
}

void FrameFilterProxyModel::setRegularExpression(bool on) {
    if (on == m_regexMode)
        return;
    m_regexMode = on;
    rebuildTextMatcher();
    filterCriteriaChanged();
}

void FrameFilterProxyModel::setConditionMode(bool on) {
    if (on == m_conditionMode)
        return;
    m_conditionMode = on;
    rebuildTextMatcher();
    filterCriteriaChanged();
}

void FrameFilterProxyModel::setTextCaseSensitivity(Qt::CaseSensitivity sensitivity) {
    if (sensitivity == m_caseSensitivity)
        return;
    m_caseSensitivity = sensitivity;
    rebuildTextMatcher();
    filterCriteriaChanged();
}

void FrameFilterProxyModel::setDirection(Direction direction) {
    if (direction == m_direction)
        return;
    m_direction = direction;
    filterCriteriaChanged();
}

void FrameFilterProxyModel::setShowSystemEvents(bool show) {
    if (show == m_showSystemEvents)
        return;
    m_showSystemEvents = show;
    filterCriteriaChanged();
}

void FrameFilterProxyModel::setActions(const QList<FrameAction> &actions, bool binary,
                                       const QList<BrokerEvent::Kind> &eventKinds) {
    quint32 mask = 0;
    for (FrameAction a : actions)
        mask |= actionBit(a);
    quint32 kinds = 0;
    for (BrokerEvent::Kind k : eventKinds) {
        if (k != BrokerEvent::Kind::FrameIn && k != BrokerEvent::Kind::FrameOut)
            kinds |= kindBit(k);
    }
    if (mask == m_actionMask && binary == m_actionBinary && kinds == m_eventKindMask)
        return;
    m_actionMask = mask;
    m_actionBinary = binary;
    m_eventKindMask = kinds;
    filterCriteriaChanged();
}

void FrameFilterProxyModel::setRoomFilter(const QString &room, Match match) {
    if (m_hasRoom && room == m_room && match == m_roomMatch)
        return;
    m_hasRoom = true;
    m_room = room;
    m_roomMatch = match;
    filterCriteriaChanged();
}

void FrameFilterProxyModel::clearRoomFilter() {
    if (!m_hasRoom)
        return;
    m_hasRoom = false;
    m_room.clear();
    m_roomMatch = Match::Exact;
    filterCriteriaChanged();
}

void FrameFilterProxyModel::setClientFilter(const QByteArray &clientId, Match match) {
    if (clientId == m_clientId && (clientId.isEmpty() || match == m_clientMatch))
        return;
    m_clientId = clientId;
    m_clientMatch = match;
    filterCriteriaChanged();
}

void FrameFilterProxyModel::setConnectionFilter(quint64 connectionId) {
    if (connectionId == m_connectionId)
        return;
    m_connectionId = connectionId;
    filterCriteriaChanged();
}

void FrameFilterProxyModel::clearFilters() {
    m_text.clear();
    m_regexMode = false;
    m_conditionMode = false;
    rebuildTextMatcher();
    m_direction = Direction::Both;
    m_showSystemEvents = true;
    m_actionMask = 0;
    m_actionBinary = false;
    m_eventKindMask = 0;
    m_hasRoom = false;
    m_room.clear();
    m_roomMatch = Match::Exact;
    m_clientId.clear();
    m_clientMatch = Match::Exact;
    m_connectionId = 0;
    filterCriteriaChanged();
}

bool FrameFilterProxyModel::acceptsFieldsAt(int sourceRow) const {
    return acceptsFields(m_log->kindAt(sourceRow), m_log->actionAt(sourceRow),
                         m_log->binaryAt(sourceRow), m_log->roomAt(sourceRow),
                         m_log->clientIdAt(sourceRow), m_log->connectionIdAt(sourceRow));
}

bool FrameFilterProxyModel::acceptsSourceRow(int sourceRow) const {
    if (!acceptsFieldsAt(sourceRow))
        return false;
    if (m_text.isEmpty() || !m_valid)
        return true;
    if (m_conditionMode)
        return matchesConditionAt(sourceRow);
    if (m_log->hasFrameReader() && !m_log->isInMemory(sourceRow))
        return std::binary_search(m_captureMatches.cbegin(), m_captureMatches.cend(),
                                  m_log->captureIdAt(sourceRow));
    return matchesText(m_log->eventAt(sourceRow));
}

bool FrameFilterProxyModel::acceptsFields(BrokerEvent::Kind kind, FrameAction action, bool binary,
                                          const QString &room, const QByteArray &clientId,
                                          quint64 connectionId) const {
    const bool frameIn = kind == BrokerEvent::Kind::FrameIn;
    const bool frameOut = kind == BrokerEvent::Kind::FrameOut;
    if (!frameIn && !frameOut && (!m_showSystemEvents || m_direction != Direction::Both))
        return false;
    if ((m_direction == Direction::In && !frameIn) || (m_direction == Direction::Out && !frameOut))
        return false;
    if (m_actionMask != 0 || m_actionBinary || m_eventKindMask != 0) {
        const bool named = !(frameIn || frameOut) ? (m_eventKindMask & kindBit(kind)) != 0
                           : binary               ? m_actionBinary
                                                  : (m_actionMask & actionBit(action)) != 0;
        if (!named)
            return false;
    }
    if (m_hasRoom && !matchesRoom(room))
        return false;
    if (!m_clientId.isEmpty() && !matchesClient(clientId))
        return false;
    return m_connectionId == 0 || connectionId == m_connectionId;
}

bool FrameFilterProxyModel::accepts(const BrokerEvent &e) const {
    if (!acceptsFields(e.kind, e.action, e.binary, e.room, e.clientId, e.connectionId))
        return false;
    if (m_text.isEmpty() || !m_valid)
        return true;
    return matchesText(e);
}

bool FrameFilterProxyModel::matchesCondition(BrokerEvent::Kind kind, bool binary,
                                             QByteArrayView data) const {
    // A condition is about a frame's JSON: system events and binary frames have none.
    if ((kind != BrokerEvent::Kind::FrameIn && kind != BrokerEvent::Kind::FrameOut) || binary)
        return false;
    return m_condition.matches(data);
}

bool FrameFilterProxyModel::matchesConditionAt(int sourceRow) const {
    const BrokerEvent::Kind kind = m_log->kindAt(sourceRow);
    const bool binary = m_log->binaryAt(sourceRow);
    if ((kind != BrokerEvent::Kind::FrameIn && kind != BrokerEvent::Kind::FrameOut) || binary)
        return false; // no need to read it back
    if (!m_log->isInMemory(sourceRow))
        ++m_rowsReadBack;
    return matchesCondition(kind, binary, m_log->eventAt(sourceRow).data);
}

bool FrameFilterProxyModel::matchesText(const BrokerEvent &e) const {
    if (m_conditionMode)
        return matchesCondition(e.kind, e.binary, e.data);
    const QLatin1StringView actionName = latin1(FrameCodec::actionName(e.action));
    if (m_regexMode) {
        // A regular expression needs UTF-16 text: one conversion per row.
        return m_regex.match(QString::fromUtf8(e.data)).hasMatch() ||
               m_regex.match(e.room).hasMatch() ||
               m_regex.match(QString::fromUtf8(e.clientId)).hasMatch() ||
               m_regex.match(QString(actionName)).hasMatch() || m_regex.match(e.detail).hasMatch();
    }
    if (e.room.contains(m_text, m_caseSensitivity) || e.detail.contains(m_text, m_caseSensitivity))
        return true;
    if (m_textIsAscii) {
        // ASCII text matches UTF-8 bytes read as Latin-1 exactly (case folding included, since
        // no byte of a multi-byte sequence folds to ASCII), so the frame is searched in place.
        const QLatin1StringView needle(m_asciiNeedle);
        return latin1(e.data).contains(needle, m_caseSensitivity) ||
               latin1(e.clientId).contains(needle, m_caseSensitivity) ||
               actionName.contains(needle, m_caseSensitivity);
    }
    return QString::fromUtf8(e.data).contains(m_text, m_caseSensitivity) ||
           QString::fromUtf8(e.clientId).contains(m_text, m_caseSensitivity);
}

bool FrameFilterProxyModel::matchesRoom(const QString &room) const {
    if (m_roomMatch == Match::Exact)
        return room == m_room;
    // Rooms are named "/chat" (the root room ""), but people type "chat" or "/ch".
    const auto withoutSlash = [](QStringView name) {
        return name.startsWith(QLatin1Char('/')) ? name.mid(1) : name;
    };
    return withoutSlash(room).contains(withoutSlash(m_room));
}

bool FrameFilterProxyModel::matchesClient(const QByteArray &clientId) const {
    return m_clientMatch == Match::Exact ? clientId == m_clientId : clientId.contains(m_clientId);
}
