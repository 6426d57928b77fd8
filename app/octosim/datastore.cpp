#include "datastore.h"

#include <QCryptographicHash>

namespace octosim {

QByteArray DataStore::key(QByteArrayView spaceId, QByteArrayView name)
{
    QByteArray k;
    k.reserve(spaceId.size() + name.size() + 1);
    k.append(spaceId).append('/').append(name);
    return k;
}

const Collection *DataStore::find(QByteArrayView spaceId, QByteArrayView name) const
{
    auto it = m_collections.find(key(spaceId, name));
    return it == m_collections.end() ? nullptr : &it->second;
}

Collection &DataStore::collection(QByteArrayView spaceId, QByteArrayView name)
{
    return m_collections[key(spaceId, name)];
}

qsizetype DataStore::count(QByteArrayView spaceId, QByteArrayView name) const
{
    const Collection *c = find(spaceId, name);
    return c ? c->items.size() : 0;
}

qsizetype DataStore::countAllSpaces(QByteArrayView name) const
{
    qsizetype total = 0;
    for (const QByteArray &space : spaceIds)
        total += count(space, name);
    return total;
}

const Item *DataStore::item(QByteArrayView spaceId, QByteArrayView name, QByteArrayView id) const
{
    const Collection *c = find(spaceId, name);
    if (!c)
        return nullptr;
    for (const Item &i : c->items) {
        if (QByteArrayView(i.id).compare(id, Qt::CaseInsensitive) == 0)
            return &i;
    }
    return nullptr;
}

Item *DataStore::mutableItem(QByteArrayView spaceId, QByteArrayView name, QByteArrayView id)
{
    auto it = m_collections.find(key(spaceId, name));
    if (it == m_collections.end())
        return nullptr;
    QList<Item> &items = it->second.items;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (QByteArrayView(items.at(i).id).compare(id, Qt::CaseInsensitive) == 0)
            return &items[i];
    }
    return nullptr;
}

qint64 DataStore::nextId(const QByteArray &prefix)
{
    return ++m_lastIds[prefix];
}

void DataStore::addKey(const QByteArray &plainKey, const KeyOwner &owner)
{
    m_keysByHash.insert(QCryptographicHash::hash(plainKey, QCryptographicHash::Sha256), owner);
}

const KeyOwner *DataStore::keyOwner(QByteArrayView plainKey) const
{
    auto it = m_keysByHash.constFind(QCryptographicHash::hash(plainKey, QCryptographicHash::Sha256));
    return it == m_keysByHash.cend() ? nullptr : &it.value();
}

bool DataStore::revokeKey(QByteArrayView apiKeyId)
{
    for (auto it = m_keysByHash.begin(); it != m_keysByHash.end(); ++it) {
        if (it.value().apiKeyId == apiKeyId) {
            m_keysByHash.erase(it);
            return true;
        }
    }
    return false;
}

} // namespace octosim
