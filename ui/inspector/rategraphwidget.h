#pragma once

#include <QWidget>

class RateHistory;

// A small line graph of frames per second in and out, drawn with QPainter.
class RateGraphWidget : public QWidget {
    Q_OBJECT
public:
    explicit RateGraphWidget(const RateHistory *history, QWidget *parent = nullptr);

    QSize sizeHint() const override { return {320, 120}; }
    QSize minimumSizeHint() const override { return {160, 80}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    const RateHistory *m_history;
};
