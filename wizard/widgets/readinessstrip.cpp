#include "readinessstrip.h"

#include <QHBoxLayout>
#include <QLabel>

namespace {

QString colorFor(ReadinessStrip::Light light)
{
    switch (light) {
    case ReadinessStrip::Light::Unknown:
        return QStringLiteral("#9aa4b1");
    case ReadinessStrip::Light::Checking:
        return QStringLiteral("#2f81f7");
    case ReadinessStrip::Light::Ready:
        return QStringLiteral("#1a7f37");
    case ReadinessStrip::Light::Warning:
        return QStringLiteral("#bf8700");
    case ReadinessStrip::Light::Blocked:
        return QStringLiteral("#cf222e");
    }
    return QStringLiteral("#9aa4b1");
}

} // namespace

ReadinessStrip::ReadinessStrip(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("readinessStrip"));
    setAttribute(Qt::WA_StyledBackground, true);
    setStyleSheet(
        QStringLiteral("#readinessStrip { background: #f3f5f8; border-bottom: 1px solid #d8dee4; }"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 8, 16, 8);
    layout->setSpacing(24);
    auto *caption = new QLabel(tr("Readiness"), this);
    QFont captionFont = caption->font();
    captionFont.setBold(true);
    caption->setFont(captionFont);
    layout->addWidget(caption);

    m_old = makeItem(QStringLiteral("readinessOld"));
    m_new = makeItem(QStringLiteral("readinessNew"));
    layout->addWidget(m_old.container);
    layout->addWidget(m_new.container);
    m_drift = makeItem(QStringLiteral("readinessDrift"));
    layout->addWidget(m_drift.container);
    layout->addStretch(1);

    setState(ServerRole::Old, Light::Unknown, tr("Old server: not checked"));
    setState(ServerRole::New, Light::Unknown, tr("New server: not checked"));
    setDrift(std::nullopt);
}

ReadinessStrip::Item ReadinessStrip::makeItem(const QString &name)
{
    Item result;
    result.container = new QWidget(this);
    result.container->setObjectName(name);
    auto *layout = new QHBoxLayout(result.container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    result.light = new QLabel(result.container);
    result.light->setObjectName(name + QStringLiteral("Light"));
    result.light->setFixedSize(12, 12);
    result.text = new QLabel(result.container);
    result.text->setObjectName(name + QStringLiteral("Text"));
    result.text->setTextFormat(Qt::PlainText);
    layout->addWidget(result.light, 0, Qt::AlignVCenter);
    layout->addWidget(result.text, 0, Qt::AlignVCenter);
    return result;
}

void ReadinessStrip::show(Item &target, Light light, const QString &text, const QString &toolTip,
                          const QString &lightProperty)
{
    target.state = light;
    target.light->setStyleSheet(
        QStringLiteral("QLabel { background: %1; border-radius: 6px; }").arg(colorFor(light)));
    target.light->setProperty("light", lightProperty);
    target.text->setText(text);
    target.container->setToolTip(toolTip);
    target.container->setAccessibleName(text);
}

void ReadinessStrip::setState(ServerRole server, Light light, const QString &text, const QString &toolTip)
{
    show(item(server), light, text, toolTip, lightName(light));
}

void ReadinessStrip::setDrift(const std::optional<DriftSection::LastCheck> &check)
{
    if (!check || check->state.isEmpty()) {
        show(m_drift, Light::Unknown, tr("Drift: not measured"),
             tr("The Test plan & drift step measures how far the servers drifted apart since the clone."),
             QStringLiteral("unknown"));
        return;
    }
    const Light light = check->state == QLatin1String("green")   ? Light::Ready
                        : check->state == QLatin1String("amber") ? Light::Warning
                                                                 : Light::Blocked;
    const QString state = check->state == QLatin1String("green")   ? tr("green")
                          : check->state == QLatin1String("amber") ? tr("amber")
                                                                   : tr("red");
    const QString text =
        tr("Drift: %1, %n change(s) since the clone", nullptr, check->changesSinceClone).arg(state);
    const QString tip =
        tr("Checked %1 UTC. Clone time %2 UTC (%3). %4 structural change(s) on the old server, %5 change(s) "
           "made on the clone.")
            .arg(check->at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                 check->cloneTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                 check->cloneTimeGiven ? tr("given") : tr("detected"))
            .arg(check->structuralChanges)
            .arg(check->changesOnClone);
    show(m_drift, light, text, tip, check->state);
}

QString ReadinessStrip::driftText() const
{
    return m_drift.text->text();
}

ReadinessStrip::Light ReadinessStrip::light(ServerRole server) const
{
    return item(server).state;
}

QString ReadinessStrip::text(ServerRole server) const
{
    return item(server).text->text();
}

QString ReadinessStrip::lightName(Light light)
{
    switch (light) {
    case Light::Unknown:
        return QStringLiteral("unknown");
    case Light::Checking:
        return QStringLiteral("checking");
    case Light::Ready:
        return QStringLiteral("ready");
    case Light::Warning:
        return QStringLiteral("warning");
    case Light::Blocked:
        return QStringLiteral("blocked");
    }
    return QStringLiteral("unknown");
}
