#include "drifttimelinechart.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

DriftTimelineChart::DriftTimelineChart(QWidget *parent)
    : QChartView(parent)
    , m_old(new QLineSeries)
    , m_clone(new QLineSeries)
    , m_time(new QDateTimeAxis)
    , m_count(new QValueAxis)
{
    setObjectName(QStringLiteral("driftTimelineChart"));
    m_old->setObjectName(QStringLiteral("driftOldSeries"));
    m_clone->setObjectName(QStringLiteral("driftCloneSeries"));
    m_old->setName(tr("Old server (the clone lacks these)"));
    m_clone->setName(tr("Clone (a fresh clone would lose these)"));
    m_old->setColor(QColor(0xcf, 0x22, 0x2e));
    m_clone->setColor(QColor(0x2f, 0x81, 0xf7));

    auto *chart = new QChart;
    chart->addSeries(m_old);
    chart->addSeries(m_clone);
    m_time->setFormat(QStringLiteral("dd MMM HH:mm"));
    m_time->setTitleText(tr("Hour (UTC)"));
    m_count->setLabelFormat(QStringLiteral("%d"));
    m_count->setTitleText(tr("Changes per hour"));
    m_count->setMin(0);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_count, Qt::AlignLeft);
    for (QLineSeries *series : {m_old, m_clone}) {
        series->attachAxis(m_time);
        series->attachAxis(m_count);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    setChart(chart); // the view owns the chart, the chart its series and axes
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
    setTimeline({});
}

void DriftTimelineChart::setTimeline(const QList<Drift::HourBucket> &buckets)
{
    QList<QPointF> oldPoints;
    QList<QPointF> clonePoints;
    oldPoints.reserve(buckets.size());
    clonePoints.reserve(buckets.size());
    m_peakOld = 0;
    m_peakClone = 0;
    for (const Drift::HourBucket &bucket : buckets) {
        const qreal x = qreal(bucket.hour.toMSecsSinceEpoch());
        oldPoints.append({x, qreal(bucket.oldChanges)});
        clonePoints.append({x, qreal(bucket.newChanges)});
        m_peakOld = qMax(m_peakOld, bucket.oldChanges);
        m_peakClone = qMax(m_peakClone, bucket.newChanges);
    }
    m_old->replace(oldPoints);
    m_clone->replace(clonePoints);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime from = buckets.isEmpty() ? now.addSecs(-3600) : buckets.first().hour;
    QDateTime to = buckets.isEmpty() ? now : buckets.last().hour.addSecs(3600);
    if (to <= from)
        to = from.addSecs(3600);
    m_time->setRange(from, to);
    m_time->setTickCount(qBound(2, int(buckets.size()) + 1, 7));
    const int peak = qMax(m_peakOld, m_peakClone);
    m_count->setRange(0, qMax(4, peak + peak / 5 + 1));
    setAccessibleDescription(
        tr("%n hour(s) since the clone; at most %1 change(s) in an hour on the old server "
           "and %2 on the clone.",
           nullptr, int(buckets.size()))
            .arg(m_peakOld)
            .arg(m_peakClone));
}

int DriftTimelineChart::pointCount() const
{
    return int(m_old->count());
}
