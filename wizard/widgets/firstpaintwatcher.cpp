#include "firstpaintwatcher.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

FirstPaintWatcher::FirstPaintWatcher(QWidget *widget, QObject *parent)
    : QObject(parent)
{
    m_watched.append(widget);
    const QList<QWidget *> descendants = widget->findChildren<QWidget *>();
    for (QWidget *child : descendants)
        m_watched.append(child);
    for (const QPointer<QWidget> &watched : std::as_const(m_watched))
        watched->installEventFilter(this);
}

bool FirstPaintWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_done && event->type() == QEvent::Paint) {
        m_done = true;
        for (const QPointer<QWidget> &widget : std::as_const(m_watched)) {
            if (widget)
                widget->removeEventFilter(this);
        }
        // Signal after this paint event has been delivered, not from inside it.
        QTimer::singleShot(0, this, &FirstPaintWatcher::painted);
    }
    return QObject::eventFilter(watched, event);
}
