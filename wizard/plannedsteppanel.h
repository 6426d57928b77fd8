#pragma once

#include <QStringList>
#include <QWidget>

// The body of a step that is not built yet: a short introduction, what the step will do (a list), and an
// honest note that it is coming in a later version. Object name: plannedStepPanel.
class PlannedStepPanel : public QWidget
{
    Q_OBJECT
public:
    PlannedStepPanel(const QString &introduction, const QStringList &willDo, QWidget *parent = nullptr);
};
