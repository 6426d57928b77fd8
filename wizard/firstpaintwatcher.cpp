#include "firstpaintwatcher.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

FirstPaintWatcher::FirstPaintWatcher(QWidget *widget, QObject *parent)
    : QObject(parent)
    , m_widget(widget)
{
    widget->installEventFilter(this);
}

bool FirstPaintWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_done && watched == m_widget && event->type() == QEvent::Paint) {
        m_done = true;
        m_widget->removeEventFilter(this);
        // Signal after this paint event has been delivered, not from inside it.
        QTimer::singleShot(0, this, &FirstPaintWatcher::painted);
    }
    return QObject::eventFilter(watched, event);
}
