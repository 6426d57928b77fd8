#pragma once

#include "steppage.h"

#include <QBasicTimer>

class CutoverController;
class DialogService;
class MigrationPlan;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

// Cutover: the night's runbook as a live checklist, a view of CutoverController. The steps by phase (before,
// cutover, after, rollback) with their gate, owner, planned and elapsed minutes and who ticked them when; the
// current step highlighted and the point of no return marked; the selected step's why, commands, gate
// evidence and notes. Keyboard first: Space ticks the selected step, N goes to the note field (Enter adds
// the note), O to the override reason. Actions ask for a confirmation that names the server (DialogService).
// A run is live or a rehearsal (cutoverRunCombo); a rehearsal's timings can become the planned durations.
class CutoverPage : public StepPage
{
    Q_OBJECT
public:
    CutoverPage(MigrationPlan *plan, CutoverController *controller, DialogService *dialogs,
                QWidget *parent = nullptr);

    enum Column
    {
        StepColumn,
        GateColumn,
        OwnerColumn,
        PlannedColumn,
        ElapsedColumn,
        DoneColumn,
        ColumnCount
    };

Q_SIGNALS:
    // The lead asked for the printable runbook (the window exports or prints it).
    void exportRunbookRequested();
    void printRunbookRequested();

protected:
    void build() override;
    void initializeStep() override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void timerEvent(QTimerEvent *event) override;

private:
    void reloadSteps();
    void refreshState();
    void refreshDetails();
    void refreshRuns();
    void refreshClock();
    QString selectedStepId() const;
    void selectStep(const QString &id);
    void tickSelected();
    void untickSelected();
    void addNote();
    void overrideSelected();
    void runAction();
    void showProblem(const QString &message);

    MigrationPlan *m_plan;
    CutoverController *m_controller;
    DialogService *m_dialogs;
    QLabel *m_journal = nullptr;
    QComboBox *m_runs = nullptr;
    QPushButton *m_startRehearsal = nullptr;
    QPushButton *m_adoptTimings = nullptr;
    QLineEdit *m_operator = nullptr;
    QLabel *m_clock = nullptr;
    QPushButton *m_checkGates = nullptr;
    QTreeWidget *m_steps = nullptr;
    QLabel *m_details = nullptr;
    QPlainTextEdit *m_commands = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_tick = nullptr;
    QPushButton *m_untick = nullptr;
    QPushButton *m_action = nullptr;
    QLineEdit *m_note = nullptr;
    QPushButton *m_addNote = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_override = nullptr;
    QBasicTimer m_clockTimer;
};
