#pragma once

#include "drift.h"

#include <QChartView>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

// The drift timeline (Qt Charts): changes per hour since the clone on the old server (the clone lacks them)
// and on the clone (a fresh clone would lose them), one line each. Shows what it is given; object name
// driftTimelineChart, series driftOldSeries / driftCloneSeries.
class DriftTimelineChart : public QChartView
{
    Q_OBJECT
public:
    explicit DriftTimelineChart(QWidget *parent = nullptr);

    void setTimeline(const QList<Drift::HourBucket> &buckets);
    int pointCount() const;
    // The largest hourly count shown for each side, for tests and the accessible description.
    int peakOld() const { return m_peakOld; }
    int peakClone() const { return m_peakClone; }

private:
    QLineSeries *m_old;
    QLineSeries *m_clone;
    QDateTimeAxis *m_time;
    QValueAxis *m_count;
    int m_peakOld = 0;
    int m_peakClone = 0;
};
