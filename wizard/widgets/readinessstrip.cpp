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
    layout->addStretch(1);

    setState(ServerRole::Old, Light::Unknown, tr("Old server: not checked"));
    setState(ServerRole::New, Light::Unknown, tr("New server: not checked"));
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

void ReadinessStrip::setState(ServerRole server, Light light, const QString &text, const QString &toolTip)
{
    Item &target = item(server);
    target.state = light;
    target.light->setStyleSheet(
        QStringLiteral("QLabel { background: %1; border-radius: 6px; }").arg(colorFor(light)));
    target.light->setProperty("light", lightName(light));
    target.text->setText(text);
    target.container->setToolTip(toolTip);
    target.container->setAccessibleName(text);
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
