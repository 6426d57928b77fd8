#include "planfilestore.h"

#include "corelogging.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

PlanLoadResult PlanFileStore::load(const QString &path)
{
    PlanLoadResult result;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = PlanError::make(PlanError::Kind::NotFound, path);
        return result;
    }
    if (info.isDir()) {
        result.error = PlanError::make(PlanError::Kind::Unreadable, path, QStringLiteral("is a directory"));
        return result;
    }
    if (info.size() > MaxFileSize) {
        result.error =
            PlanError::make(PlanError::Kind::Corrupt, path,
                            QStringLiteral("file is %1 bytes, larger than any plan").arg(info.size()));
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = PlanError::make(PlanError::Kind::Unreadable, path, file.errorString());
        return result;
    }
    const QByteArray bytes = file.read(MaxFileSize + 1);
    if (file.error() != QFileDevice::NoError) {
        result.error = PlanError::make(PlanError::Kind::Unreadable, path, file.errorString());
        return result;
    }
    result = parse(bytes, path);
    if (!result.ok())
        qCWarning(lcCore) << "could not load plan" << path << PlanError::kindName(result.error.kind)
                          << result.error.detail;
    return result;
}

PlanLoadResult PlanFileStore::parse(const QByteArray &bytes, const QString &path)
{
    PlanLoadResult result;
    const QByteArray trimmed = bytes.trimmed();
    if (trimmed.isEmpty()) {
        result.error = PlanError::make(PlanError::Kind::Truncated, path, QStringLiteral("the file is empty"));
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // A document that starts like JSON and runs out before it closes is a cut-off copy, not garbage.
        qsizetype contentEnd = bytes.size();
        while (contentEnd > 0 && QChar::isSpace(uchar(bytes.at(contentEnd - 1))))
            --contentEnd;
        // The parser ran out of input: a cut-off copy, not garbage. (Qt reports "unterminated object" for
        // some errors in the middle too, so the offset decides.)
        const bool endedEarly = parseError.offset >= contentEnd;
        const bool looksLikeJson = trimmed.startsWith('{');
        const auto kind = endedEarly && looksLikeJson ? PlanError::Kind::Truncated : PlanError::Kind::Corrupt;
        result.error = PlanError::make(
            kind, path, QStringLiteral("%1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
        return result;
    }
    if (!document.isObject()) {
        result.error = PlanError::make(PlanError::Kind::Corrupt, path, QStringLiteral("not a JSON object"));
        return result;
    }
    PlanError error;
    if (!PlanData::fromJson(document.object(), &result.plan, &error)) {
        error.path = path;
        result.error = error;
        result.plan = {};
    }
    return result;
}

QByteArray PlanFileStore::serialize(const PlanData &plan)
{
    return QJsonDocument(plan.toJson()).toJson(QJsonDocument::Indented);
}

PlanError PlanFileStore::save(const PlanData &plan, const QString &path)
{
    return writeAtomically(serialize(plan), path);
}

PlanError PlanFileStore::writeAtomically(const QByteArray &bytes, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return PlanError::make(PlanError::Kind::WriteFailed, path, file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return PlanError::make(PlanError::Kind::WriteFailed, path, reason);
    }
    if (!file.commit())
        return PlanError::make(PlanError::Kind::WriteFailed, path, file.errorString());
    return {};
}
