#include "lastvaluesmodel.h"

#include "displaytext.h"
#include "framecodec.h"
#include "jsonmembers.h"
#include "jsontext.h"

#include <QLocale>

#include <algorithm>

LastValuesModel::LastValuesModel(QObject *parent)
    : QAbstractItemModel(parent) {
    m_root.visible = true;
}

LastValuesModel::~LastValuesModel() = default;

void LastValuesModel::addEvents(const BrokerEventList &events, quint64 firstSerial,
                                qsizetype firstLogged, quint64 firstHeldBack) {
    // The rows of the batch's last frame per action are found first; their text is made once
    // per row, not per frame.
    std::vector<Node *> touched;
    QHash<Node *, qsizetype> lastOf;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const BrokerEvent &e = events.at(i);
        if (e.kind != BrokerEvent::Kind::FrameIn)
            continue;
        const quint64 serial = firstSerial == NoSerial || i < firstLogged
                                   ? NoSerial
                                   : firstSerial + quint64(i - firstLogged);
        const quint64 heldBack = firstHeldBack == NoSerial ? NoSerial : firstHeldBack + quint64(i);
        Node *action = actionNode(e);
        for (Node *node = action; node != &m_root; node = node->parent)
            touch(node, e, serial, heldBack, &touched);
        lastOf.insert(action, i);
    }
    if (touched.empty())
        return;
    for (auto it = lastOf.cbegin(); it != lastOf.cend(); ++it)
        summarize(it.key(), events.at(it.value()));

    // New rows: one insertion per parent, top down (a new room comes with its clients and
    // actions, which the views learn of with it).
    announceNewChildren(&m_root);
    for (Level level : {Level::Room, Level::Client}) {
        for (Node *node : touched) {
            if (node->level == level && node->wasVisible)
                announceNewChildren(node);
        }
    }
    // Changed rows the views knew: one dataChanged per parent, over the rows that changed.
    QHash<Node *, std::pair<int, int>> changed;
    for (Node *node : touched) {
        node->touched = false;
        if (!node->wasVisible)
            continue;
        auto it = changed.find(node->parent);
        if (it == changed.end())
            changed.insert(node->parent, {node->row, node->row});
        else
            *it = {std::min(it->first, node->row), std::max(it->second, node->row)};
    }
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        const QModelIndex parent = indexOfNode(it.key());
        Q_EMIT dataChanged(index(it->first, LastMessageColumn, parent),
                           index(it->second, CountColumn, parent));
    }
}

LastValuesModel::Node *LastValuesModel::actionNode(const BrokerEvent &e) {
    Node *room = m_rooms.value(e.room);
    if (!room) {
        room = addChild(&m_root, Level::Room, DisplayText::roomLabel(e.room),
                        DisplayText::roomName(e.room));
        m_rooms.insert(e.room, room);
    }
    QByteArray id = e.clientId;
    if (id.isEmpty() && e.action == FrameAction::Register &&
        e.outcome == BrokerEvent::Outcome::Done) {
        // The frame that gave the connection its id: it belongs with what that id sends next.
        id = FrameCodec::parse(e.data).id;
    }
    const std::pair<QByteArray, quint64> key{id, id.isEmpty() ? e.connectionId : 0};
    Node *&client = room->clients[key];
    if (!client)
        client = addChild(room, Level::Client, DisplayText::clientLabel(id, e.connectionId),
                          DisplayText::clientName(id, e.connectionId));
    const int slot = e.binary ? BinarySlot : int(e.action);
    const auto found = std::find_if(client->children.cbegin(), client->children.cend(),
                                    [slot](const auto &a) { return a->slot == slot; });
    if (found != client->children.cend())
        return found->get();
    const QString name = DisplayText::actionName(e);
    Node *action = addChild(client, Level::Action, name, name);
    action->slot = slot;
    return action;
}

LastValuesModel::Node *LastValuesModel::addChild(Node *parent, Level level, const QString &name,
                                                 const QString &fullName) {
    auto node = std::make_unique<Node>();
    node->level = level;
    node->parent = parent;
    node->row = int(parent->children.size());
    node->name = name;
    node->fullName = fullName;
    parent->children.push_back(std::move(node));
    return parent->children.back().get();
}

void LastValuesModel::touch(Node *node, const BrokerEvent &e, quint64 serial, quint64 heldBack,
                            std::vector<Node *> *touched) {
    if (!node->touched) {
        node->touched = true;
        node->wasVisible = node->visible;
        touched->push_back(node);
    }
    ++node->count;
    node->timeMs = std::max(node->timeMs, e.timeMs);
    node->serial = serial;
    node->heldBack = heldBack;
}

void LastValuesModel::resolveHeldBack(quint64 lastSerial, quint64 heldBack, quint64 shown) {
    resolveHeldBack(&m_root, lastSerial, heldBack, shown);
}

void LastValuesModel::resolveHeldBack(Node *parent, quint64 lastSerial, quint64 heldBack,
                                      quint64 shown) {
    int first = parent->shown;
    int last = -1;
    for (int row = 0; row < parent->shown; ++row) {
        Node *node = parent->children.at(size_t(row)).get();
        resolveHeldBack(node, lastSerial, heldBack, shown);
        if (node->heldBack == NoSerial)
            continue;
        // Frames held back went into the log in order, the newest last.
        const quint64 age = heldBack - 1 - node->heldBack;
        if (node->heldBack < heldBack && age < shown)
            node->serial = lastSerial - age;
        node->heldBack = NoSerial;
        first = std::min(first, row);
        last = row;
    }
    if (first <= last)
        Q_EMIT dataChanged(index(first, NameColumn, indexOfNode(parent)),
                           index(last, ColumnCount - 1, indexOfNode(parent)), {SerialRole});
}

void LastValuesModel::summarize(Node *action, const BrokerEvent &e) {
    action->binary = e.binary;
    action->size = e.size;
    if (e.binary) {
        action->json.clear();
        action->summary = tr("binary, %n byte(s)", nullptr,
                             int(std::min<qint64>(e.size, std::numeric_limits<int>::max())));
        return;
    }
    // The message as the wire had it (members in order), or the whole frame when it has none
    // or is not JSON; laid out without parsing.
    QByteArray json = JsonMembers::compact(e.data, "message").value_or(QByteArray());
    if (json.isEmpty())
        json = JsonText::compact(e.data);
    if (json.size() > MaxKeptBytes)
        json.truncate(MaxKeptBytes);
    action->json = json;
    // Enough bytes for the characters shown, whatever their UTF-8 length.
    const QString text = QString::fromUtf8(json.left(LastMessageLength * 4 + 4));
    action->summary = DisplayText::visible(DisplayText::elided(text, LastMessageLength));
}

void LastValuesModel::markShown(Node *node) {
    node->visible = true;
    node->shown = int(node->children.size());
    for (const auto &child : node->children)
        markShown(child.get());
}

void LastValuesModel::announceNewChildren(Node *parent) {
    const int first = parent->shown;
    const int last = int(parent->children.size()) - 1;
    if (first > last)
        return;
    beginInsertRows(indexOfNode(parent), first, last);
    for (int row = first; row <= last; ++row)
        markShown(parent->children.at(size_t(row)).get());
    parent->shown = last + 1;
    endInsertRows();
}

void LastValuesModel::clear() {
    beginResetModel();
    m_root.children.clear();
    m_root.shown = 0;
    m_rooms.clear();
    endResetModel();
}

QModelIndex LastValuesModel::indexOf(const QString &room, const QString &client,
                                     const QString &action) const {
    const Node *node = m_rooms.value(room);
    if (!node || !node->visible)
        return {};
    for (const QString &name : {client, action}) {
        if (name.isEmpty())
            break;
        const auto found =
            std::find_if(node->children.cbegin(), node->children.cbegin() + node->shown,
                         [&name](const auto &child) { return child->fullName == name; });
        if (found == node->children.cbegin() + node->shown)
            return {};
        node = found->get();
    }
    return indexOfNode(node);
}

LastValuesModel::Node *LastValuesModel::nodeOf(const QModelIndex &index) const {
    return index.isValid() ? static_cast<Node *>(index.internalPointer())
                           : const_cast<Node *>(&m_root);
}

QModelIndex LastValuesModel::indexOfNode(const Node *node, int column) const {
    if (node == &m_root)
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

QModelIndex LastValuesModel::index(int row, int column, const QModelIndex &parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount || parent.column() > 0)
        return {};
    const Node *node = nodeOf(parent);
    if (row >= node->shown)
        return {};
    return createIndex(row, column, node->children.at(size_t(row)).get());
}

QModelIndex LastValuesModel::parent(const QModelIndex &child) const {
    if (!child.isValid())
        return {};
    return indexOfNode(nodeOf(child)->parent);
}

int LastValuesModel::rowCount(const QModelIndex &parent) const {
    if (parent.column() > 0)
        return 0;
    return nodeOf(parent)->shown;
}

int LastValuesModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QVariant LastValuesModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->name;
        case LastMessageColumn:
            return node->level == Level::Action ? node->summary : QString();
        case TimeColumn:
            return DisplayText::time(node->timeMs);
        case CountColumn:
            return QLocale().toString(node->count);
        }
        return {};
    case Qt::ToolTipRole:
        return toolTip(node, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SerialRole:
        return node->serial == NoSerial ? QVariant() : QVariant(qulonglong(node->serial));
    case TimeMsRole:
        return node->timeMs;
    case CountRole:
        return qulonglong(node->count);
    case LevelRole:
        return int(node->level);
    }
    return {};
}

QString LastValuesModel::toolTip(const Node *node, int column) const {
    if (column == NameColumn)
        return node->fullName;
    if (column != LastMessageColumn || node->level != Level::Action || node->binary)
        return {};
    // Laid out on demand: only the row under the mouse pays for it.
    QString text = QString::fromUtf8(JsonText::pretty(node->json));
    if (node->json.size() >= MaxKeptBytes)
        text.append(QChar(0x2026));
    return DisplayText::visibleLines(DisplayText::elided(text, ToolTipLength));
}

QVariant LastValuesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case LastMessageColumn:
        return tr("Last message");
    case TimeColumn:
        return tr("Time");
    case CountColumn:
        return tr("Count");
    }
    return {};
}
