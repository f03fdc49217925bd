#include "descriptorserver.h"

#include <QMetaMethod>

#include <unistd.h>

void DescriptorServer::incomingConnection(qintptr descriptor) {
    if (isSignalConnected(QMetaMethod::fromSignal(&DescriptorServer::descriptorAccepted)))
        emit descriptorAccepted(descriptor);
    else
        ::close(int(descriptor)); // nobody to take it: refuse rather than leak
}
