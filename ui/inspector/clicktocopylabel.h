#pragma once

#include <QApplication>
#include <QClipboard>
#include <QLabel>

// A label in the status bar that copies its text when clicked.
class ClickToCopyLabel : public QLabel {
public:
    using QLabel::QLabel;

protected:
    void mousePressEvent(QMouseEvent *) override {
        if (!m_copyText.isEmpty())
            QApplication::clipboard()->setText(m_copyText);
    }

public:
    QString m_copyText;
};
