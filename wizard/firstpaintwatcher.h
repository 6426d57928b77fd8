#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

// Emits painted() once, after `widget` has handled its first paint event. Used by --screenshot (grab once
// the page has really been drawn) and by bench-startup (time to the first painted page).
class FirstPaintWatcher : public QObject
{
    Q_OBJECT
public:
    explicit FirstPaintWatcher(QWidget *widget, QObject *parent = nullptr);

Q_SIGNALS:
    void painted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QWidget> m_widget;
    bool m_done = false;
};
