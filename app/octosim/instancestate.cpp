#include "instancestate.h"

#include "jsonwriter.h"

namespace octosim {

QString ApiRequest::parameter(const QString &name) const
{
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool ApiRequest::hasParameter(const QString &name) const
{
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

ApiReply ApiReply::error(int status, const QByteArray &message)
{
    ApiReply reply;
    reply.status = status;
    JsonWriter w;
    w.beginObject().str("ErrorMessage", message).beginArray("Errors").str(nullptr, message).end().end();
    reply.body = w.take();
    return reply;
}

} // namespace octosim
