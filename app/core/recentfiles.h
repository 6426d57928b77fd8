#pragma once

#include <QObject>
#include <QStringList>

class QSettings;

// Recently used plan files, newest first, kept in QSettings as paths only (key "recentFiles").
class RecentFiles : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxEntries = 8;

    explicit RecentFiles(QSettings *settings, QObject *parent = nullptr);

    QStringList files() const;
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void store(const QStringList &files);

    QSettings *m_settings;
};
