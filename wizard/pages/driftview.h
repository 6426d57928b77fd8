#pragma once

#include <QWidget>

class DialogService;
class DriftController;
class DriftTimelineChart;
class MigrationPlan;
class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;

// The drift meter of the Test plan & drift step: a view of DriftController. The state against the budget
// with the guide's advice past it, the clone time (detected or given), the budget, the changes since the
// clone on both servers with the exact objects, and the hourly timeline. Reads live while shown. Exports the
// objects as CSV and Markdown through the controller.
class DriftView : public QWidget
{
    Q_OBJECT
public:
    DriftView(MigrationPlan *plan, DriftController *controller, DialogService *dialogs,
              QWidget *parent = nullptr);

    // The most objects listed per server; the command line (handover drift --json) lists them all.
    static constexpr int MaxListedObjects = 5000;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void reload();
    void refreshStatus();
    void applyBudget();
    void applyCloneTime();
    void exportAs(bool markdown);

    MigrationPlan *m_plan;
    DriftController *m_controller;
    DialogService *m_dialogs;
    QLabel *m_state;
    QLabel *m_stateText;
    QLabel *m_advice;
    QLabel *m_cloneTime;
    QCheckBox *m_giveCloneTime;
    QDateTimeEdit *m_cloneTimeEdit;
    QSpinBox *m_amberDays;
    QSpinBox *m_redDays;
    QSpinBox *m_structural;
    QLabel *m_summary;
    DriftTimelineChart *m_chart;
    QTreeWidget *m_objects;
    QPushButton *m_refresh;
    QPushButton *m_cancel;
    QPushButton *m_exportCsv;
    QPushButton *m_exportMd;
    QProgressBar *m_progress;
    QLabel *m_status;
    bool m_loading = false;
};
