#include "steplist.h"

#include <QLabel>
#include <QVBoxLayout>

StepList::StepList(const QStringList &steps, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("stepList"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 0, 18, 8);
    layout->setSpacing(2);
    for (int i = 0; i < steps.size(); ++i) {
        auto *item = new QLabel(this);
        item->setObjectName(QStringLiteral("stepListItem%1").arg(i));
        item->setTextFormat(Qt::PlainText);
        item->setContentsMargins(8, 5, 8, 5);
        item->setProperty("title", steps.at(i));
        layout->addWidget(item);
        m_items.append(item);
    }
    layout->addStretch(1);
    setMinimumWidth(190);
    setCurrent(0);
}

void StepList::setCurrent(int index)
{
    m_current = index;
    for (int i = 0; i < m_items.size(); ++i) {
        QLabel *item = m_items.at(i);
        const QString title = item->property("title").toString();
        const QString number = QString::number(i + 1);
        if (i < index) {
            item->setText(QStringLiteral("%1.  %2  ✓").arg(number, title));
            item->setProperty("state", QStringLiteral("done"));
            item->setStyleSheet(QStringLiteral("color: #57606a;"));
        } else if (i == index) {
            item->setText(QStringLiteral("%1.  %2").arg(number, title));
            item->setProperty("state", QStringLiteral("current"));
            item->setStyleSheet(QStringLiteral("color: #0b3d91; background: #ddf4ff; border-radius: 4px; "
                                               "font-weight: bold;"));
        } else {
            item->setText(QStringLiteral("%1.  %2").arg(number, title));
            item->setProperty("state", QStringLiteral("todo"));
            item->setStyleSheet(QStringLiteral("color: #24292f;"));
        }
        item->setAccessibleName(QStringLiteral("%1 (%2)").arg(title, item->property("state").toString()));
    }
}
