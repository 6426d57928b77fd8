#pragma once

#include <QList>
#include <QWidget>

class QLabel;

// The journey at a glance, beside every page: one line per step, the current one highlighted and the ones
// already visited marked. Object name: stepList; the lines are stepListItem0..6 (property "state":
// "done", "current" or "todo").
class StepList : public QWidget
{
    Q_OBJECT
public:
    explicit StepList(const QStringList &steps, QWidget *parent = nullptr);

    void setCurrent(int index);
    int current() const { return m_current; }

private:
    QList<QLabel *> m_items;
    int m_current = -1;
};
