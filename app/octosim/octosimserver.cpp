#include "octosimserver.h"

#include "datagenerator.h"
#include "jsonwriter.h"
#include "resourcewriter.h"
#include "siminstance.h"
#include "tlscertificatemaker.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace octosim {

class OctoSimServer::Private
{
public:
    Options options;
    SimInstance *oldInstance = nullptr;
    SimInstance *newInstance = nullptr;
    InstanceEndpoint oldEndpoint;
    InstanceEndpoint newEndpoint;
    qint64 generationMsecs = 0;
};

OctoSimServer::OctoSimServer(const Options &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->options = options;
}

OctoSimServer::~OctoSimServer() = default;

bool OctoSimServer::start(QString *error)
{
    if (d->oldInstance) {
        *error = QStringLiteral("already started");
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    // History is anchored at the start of the current UTC day, so a seed gives the same data all day.
    const qint64 anchor = QDateTime(QDate::currentDate(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    DataGenerator generator(d->options.seed, d->options.scale);
    DataStore oldStore = generator.generate(anchor);
    DataStore newStore = DataGenerator::makeClone(oldStore, d->options.seed, d->options.unresetClone);
    d->generationMsecs = timer.elapsed();

    d->oldInstance = new SimInstance("old", std::move(oldStore), d->options, false, this);
    d->newInstance = new SimInstance("new", std::move(newStore), d->options, true, this);

    QSslCertificate oldCertificate;
    QSslCertificate newCertificate;
    QSslKey oldKey;
    QSslKey newKey;
    if (d->options.tls) {
        if (!d->options.certFile.isEmpty()) {
            if (!TlsCertificateMaker::load(d->options.certFile, d->options.keyFile, &oldCertificate, &oldKey,
                                           error))
                return false;
            newCertificate = oldCertificate;
            newKey = oldKey;
        } else if (!TlsCertificateMaker::makeSelfSigned(QStringLiteral("octosim old"), &oldCertificate,
                                                        &oldKey, error) ||
                   !TlsCertificateMaker::makeSelfSigned(QStringLiteral("octosim new"), &newCertificate,
                                                        &newKey, error)) {
            return false;
        }
    }
    if (!d->oldInstance->listen(d->options.oldPort, oldCertificate, oldKey, error) ||
        !d->newInstance->listen(d->options.newPort, newCertificate, newKey, error))
        return false;

    for (auto [endpoint, certificate, url] :
         {std::tuple{&d->oldEndpoint, &oldCertificate, d->oldInstance->url()},
          std::tuple{&d->newEndpoint, &newCertificate, d->newInstance->url()}}) {
        endpoint->url = url;
        endpoint->apiKey = QString::fromLatin1(generator.adminApiKey());
        endpoint->readOnlyApiKey = QString::fromLatin1(generator.readOnlyApiKey());
        endpoint->operatorApiKey = QString::fromLatin1(generator.operatorApiKey());
        endpoint->thumbprint =
            certificate->isNull() ? QString() : TlsCertificateMaker::thumbprint(*certificate);
    }
    // A CI integration moved with ci-move acts only on the instance it was moved to.
    for (auto [here, other] :
         {std::pair{d->oldInstance, d->newInstance}, std::pair{d->newInstance, d->oldInstance}}) {
        here->state().ciMovedHere = [other](const QByteArray &username) {
            other->state().ciMovedAway.insert(username);
        };
        here->state().ciActsElsewhere = [other](const QByteArray &username) {
            ResourceWriter::pushBuildAs(other->state().store, username, QDateTime::currentMSecsSinceEpoch());
        };
    }
    d->oldInstance->drift().start(d->options.driftPerMinute);
    return true;
}

InstanceEndpoint OctoSimServer::oldInstance() const
{
    return d->oldEndpoint;
}

InstanceEndpoint OctoSimServer::newInstance() const
{
    return d->newEndpoint;
}

qint64 OctoSimServer::generationMsecs() const
{
    return d->generationMsecs;
}

int OctoSimServer::driftOldInstance(int count)
{
    return d->oldInstance ? d->oldInstance->drift().apply(count) : 0;
}

QByteArray OctoSimServer::readyLine() const
{
    // Written by hand to keep the documented key order: old first; url, apiKey, readOnlyApiKey,
    // operatorApiKey, thumbprint.
    auto describe = [](JsonWriter &w, const char *name, const InstanceEndpoint &e) {
        w.beginObject(name);
        w.qstr("url", e.url.toString());
        w.qstr("apiKey", e.apiKey);
        w.qstr("readOnlyApiKey", e.readOnlyApiKey);
        w.qstr("operatorApiKey", e.operatorApiKey);
        if (e.thumbprint.isEmpty())
            w.null("thumbprint");
        else
            w.qstr("thumbprint", e.thumbprint);
        w.end();
    };
    JsonWriter w;
    w.beginObject();
    describe(w, "old", d->oldEndpoint);
    describe(w, "new", d->newEndpoint);
    w.end();
    return w.take();
}

} // namespace octosim
