#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// One audit event of an Octopus Server (EventResource) as Handover keeps it: who acted and how, what
// happened (Category, Message) and to which documents (RelatedDocumentIds, MessageReferences). Read by the
// shared events job (app/octopus/inventory/eventsjob.h) for the CI inventory and for drift.
struct AuditEvent
{
    // A document named in the message: its id and the text that names it there.
    struct Reference
    {
        QString documentId;
        QString text;
        bool operator==(const Reference &) const = default;
    };

    QString id;
    QDateTime occurred; // UTC
    QString category;   // Created, Modified, DeploymentQueued, LoginSucceeded, ...
    QString spaceId;    // empty for a server-wide (system) event
    QString userId;
    QString username;
    bool isService = false;
    QString identityEstablishedWith;
    QString userAgent;
    QString ipAddress;
    QString message;
    QStringList relatedDocumentIds;
    QList<Reference> references;

    // The same record on two servers: a clone keeps the old server's events with their ids and times, while
    // both servers go on numbering from the clone's counters (so a new event can reuse an id, never with the
    // same time).
    bool sameRecord(const AuditEvent &other) const { return id == other.id && occurred == other.occurred; }
    QString recordKey() const
    {
        return id + QLatin1Char('@') + QString::number(occurred.toMSecsSinceEpoch());
    }
    // The text that names `documentId` in the message, or an empty string.
    QString referenceText(const QString &documentId) const
    {
        for (const Reference &r : references) {
            if (r.documentId.compare(documentId, Qt::CaseInsensitive) == 0)
                return r.text;
        }
        return {};
    }
    bool operator==(const AuditEvent &) const = default;
};
Q_DECLARE_TYPEINFO(AuditEvent, Q_RELOCATABLE_TYPE);
