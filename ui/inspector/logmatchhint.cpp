#include "logmatchhint.h"

#include "framefilterproxymodel.h"

#include <QAbstractItemView>
#include <QEvent>

LogMatchHint::LogMatchHint(FrameFilterProxyModel *proxy, QAbstractItemView *view)
    : QLabel(view->viewport())
    , m_proxy(proxy)
    , m_viewport(view->viewport()) {
    setObjectName(QStringLiteral("logMatchHint"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    QPalette p = palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    setPalette(p);
    m_viewport->installEventFilter(this);
    for (QAbstractItemModel *model :
         {static_cast<QAbstractItemModel *>(proxy), proxy->sourceModel()}) {
        if (!model)
            continue;
        connect(model, &QAbstractItemModel::rowsInserted, this, &LogMatchHint::refresh);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &LogMatchHint::refresh);
        connect(model, &QAbstractItemModel::modelReset, this, &LogMatchHint::refresh);
        connect(model, &QAbstractItemModel::layoutChanged, this, &LogMatchHint::refresh);
    }
    connect(proxy, &FrameFilterProxyModel::filterChanged, this, &LogMatchHint::refresh);
    hide();
    refresh();
}

bool LogMatchHint::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_viewport && event->type() == QEvent::Resize)
        place();
    return QLabel::eventFilter(watched, event);
}

void LogMatchHint::refresh() {
    const int total = m_proxy->sourceModel() ? m_proxy->sourceModel()->rowCount() : 0;
    const bool hidden = m_proxy->rowCount() > 0 || total == 0 || !m_proxy->isFiltering();
    if (!hidden) {
        setText(tr("0 of %n frame(s) match the filters", nullptr, total));
        place();
    }
    setVisible(!hidden);
}

void LogMatchHint::place() {
    setGeometry(m_viewport->rect().adjusted(12, 12, -12, -12));
}
