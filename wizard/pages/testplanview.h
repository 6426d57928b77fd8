#pragma once

#include <QWidget>

class DialogService;
class MigrationPlan;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class TestPlanController;

// The Test plan tab of the Test plan & drift step: a view of TestPlanController. The rows in the lead's order
// (title, why, evidence, owner, status, notes, changed), generated from the old server's usage and edited
// here; the counts of both servers with differences highlighted and explained; the version gap and the
// training items. Exports CSV and Markdown through the controller. The first time it is shown with no rows
// and both servers connectable, it generates the plan. While reading, its "busy" property is true.
class TestPlanView : public QWidget
{
    Q_OBJECT
public:
    TestPlanView(MigrationPlan *plan, TestPlanController *controller, DialogService *dialogs,
                 QWidget *parent = nullptr);

    enum Column
    {
        NumberColumn,
        TitleColumn,
        WhyColumn,
        OwnerColumn,
        StatusColumn,
        NotesColumn,
        ColumnCount
    };

protected:
    void showEvent(QShowEvent *event) override;

private:
    void reloadRows();
    void showDetails();
    void generateFirstTime();
    void reloadUsage();
    void reloadTraining();
    void refreshStatus();
    void updateButtons();
    QString currentId() const;
    void selectId(const QString &id);
    void onCellChanged(int row, int column);
    void exportAs(bool markdown);

    MigrationPlan *m_plan;
    TestPlanController *m_controller;
    DialogService *m_dialogs;
    QSpinBox *m_windowDays;
    QPushButton *m_generate;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTableWidget *m_rows;
    QLabel *m_details;
    QLineEdit *m_newTitle;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_openEvidence;
    QPushButton *m_exportCsv;
    QPushButton *m_exportMd;
    QTableWidget *m_counts;
    QLabel *m_versionGap;
    QListWidget *m_training;
    QLineEdit *m_newTraining;
    QPushButton *m_addTraining;
    bool m_loading = false;
    bool m_reloadPending = false;
    bool m_generatedOnce = false;
};
