#include "steplist.h"

#include <QFontMetrics>
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
    // Wide enough for the longest title in bold with its tick, in any language.
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    int widest = 0;
    for (int i = 0; i < steps.size(); ++i)
        widest =
            qMax(widest, metrics.horizontalAdvance(QStringLiteral("%1.  %2  ✓").arg(i + 1).arg(steps.at(i))));
    setMinimumWidth(qMax(190, widest + 12 + 18 + 16 + 4));
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
