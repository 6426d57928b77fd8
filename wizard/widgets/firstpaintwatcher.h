#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

// Emits painted() once, after `widget` or one of its descendants has handled its first paint event. Used by
// --screenshot (grab once the page has really been drawn) and by bench-startup (time to the first painted
// page). Descendants count because a page whose opaque children cover it entirely (a scroll area, say) never
// receives a paint event itself.
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
    QList<QPointer<QWidget>> m_watched;
    bool m_done = false;
};
