#include "plannedsteppanel.h"

#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

PlannedStepPanel::PlannedStepPanel(const QString &introduction, const QStringList &willDo, QWidget *parent,
                                   const QString &laterNote)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("plannedStepPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);

    auto *intro = new QLabel(introduction, this);
    intro->setObjectName(QStringLiteral("plannedStepIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);

    auto *box = new QFrame(this);
    box->setObjectName(QStringLiteral("plannedStepBox"));
    box->setStyleSheet(QStringLiteral(
        "#plannedStepBox { background: #f6f8fa; border: 1px solid #d8dee4; border-radius: 6px; }"));
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(16, 12, 16, 14);
    boxLayout->setSpacing(6);
    auto *heading = new QLabel(tr("What this step will do"), box);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);
    boxLayout->addWidget(heading);

    QString list = QStringLiteral("<ul style=\"margin-left: 0px; -qt-list-indent: 1;\">");
    for (const QString &item : willDo)
        list += QStringLiteral("<li style=\"margin-bottom: 4px;\">%1</li>").arg(item.toHtmlEscaped());
    list += QStringLiteral("</ul>");
    auto *items = new QLabel(list, box);
    items->setObjectName(QStringLiteral("plannedStepList"));
    items->setTextFormat(Qt::RichText);
    items->setWordWrap(true);
    boxLayout->addWidget(items);
    layout->addWidget(box);

    auto *later =
        new QLabel(laterNote.isEmpty() ? tr("Coming in a later version of Handover. Today this page only "
                                            "describes the step; it does not contact either server.")
                                       : laterNote,
                   this);
    later->setObjectName(QStringLiteral("plannedStepLater"));
    later->setWordWrap(true);
    later->setStyleSheet(QStringLiteral("color: #57606a;"));
    layout->addWidget(later);
    layout->addStretch(1);
}
