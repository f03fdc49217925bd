#include "windowundertest.h"

#include "brokercontroller.h"

#include <QFile>
#include <QTest>

bool WindowUnderTest::open(const QVariantMap &settings, const QSize &size) {
    close();
    if (!m_dir.isValid())
        return false;
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    for (auto it = settings.constBegin(); it != settings.constEnd(); ++it)
        m_settings->setValue(it.key(), it.value());
    BrokerSettings broker;
    broker.port = 0;
    m_window = std::make_unique<MainWindow>(broker, m_settings.get());
    if (size.isValid())
        m_window->resize(size);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return false;
    m_window->startBroker();
    const auto *controller = m_window->findChild<BrokerController *>();
    return controller && QTest::qWaitFor([controller] {
               return controller->state() == BrokerController::State::Running;
           });
}

void WindowUnderTest::close() {
    m_clients.clear();
    m_window.reset();
    m_settings.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
}

RecordingClient *WindowUnderTest::connectClient(const QString &room, const QByteArray &id) {
    if (!m_window)
        return nullptr;
    auto client = std::make_unique<RecordingClient>();
    QUrl url = m_window->findChild<BrokerController *>()->url();
    url.setPath(room);
    client->socket.open(url);
    if (!QTest::qWaitFor([&] { return client->socket.state() == QAbstractSocket::ConnectedState; }))
        return nullptr;
    client->send(R"({"action":"register","id":")" + id + R"("})");
    if (!QTest::qWaitFor([&] { return client->registered(); }))
        return nullptr;
    m_clients.push_back(std::move(client));
    return m_clients.back().get();
}
