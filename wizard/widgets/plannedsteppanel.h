#pragma once

#include <QStringList>
#include <QWidget>

// The body of a step that is not built yet: a short introduction, what the step will do (a list), and an
// honest note that it is coming in a later version. Object name: plannedStepPanel.
class PlannedStepPanel : public QWidget
{
    Q_OBJECT
public:
    // `laterNote` replaces the default "Coming in a later version …" sentence (for pages that already do
    // part).
    PlannedStepPanel(const QString &introduction, const QStringList &willDo, QWidget *parent = nullptr,
                     const QString &laterNote = {});
};
