#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;

// File → Attach to Broker…: the monitor URL of a headless broker and its token, with the URLs
// attached to before (newest first) to pick from. A token is remembered only when the user
// asks for it, since the settings file is plain text.
class AttachDialog : public QDialog {
    Q_OBJECT
public:
    AttachDialog(QSettings *settings, QWidget *parent = nullptr);

    QUrl url() const;
    QString token() const;
    // Puts the chosen URL first in the recent list (and its token, when to be remembered).
    void remember() const;

    // The recent list as kept in settings (group "attach"), newest first.
    static QStringList recentUrls(QSettings *settings);
    static constexpr int RecentLimit = 10;

private:
    void updateOk();
    void fillToken();

    QSettings *m_settings;
    QComboBox *m_url;
    QLineEdit *m_token;
    QCheckBox *m_rememberToken;
    QLabel *m_problem;
    QPushButton *m_ok = nullptr;
    bool m_tokenFilled = false; // the token field holds a remembered token
};
