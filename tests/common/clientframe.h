#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtEndian>

#include <optional>

// The tests' one client-side frame encoder (RFC 6455 section 5.2): masked frames as clients
// must send them, and on request the broken ones a hostile client sends (unmasked, RSV bits,
// not final, a non-minimal or lying length field).
class ClientFrame {
public:
    enum Opcode {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA
    };
    enum class LengthForm { Minimal, Sixteen, SixtyFour };

    struct Options {
        bool fin = true;
        bool masked = true;
        int rsv = 0; // the three RSV bits as a number 0..7
        quint32 maskKey = 0x37fa213d;
        // Sixteen or SixtyFour for a payload that would fit a shorter form: a non-minimal
        // encoding.
        LengthForm length = LengthForm::Minimal;
        // The length field when it should not be the payload's size (a lie about what
        // follows, or a header sent without its payload).
        std::optional<quint64> declaredLength;
    };

    // A final, masked frame.
    static QByteArray encode(int opcode, QByteArrayView payload);
    static QByteArray encode(int opcode, QByteArrayView payload, const Options &options) {
        QByteArray frame;
        frame += char((options.fin ? 0x80 : 0) | ((options.rsv & 7) << 4) | (opcode & 0x0F));
        const quint64 length = options.declaredLength.value_or(quint64(payload.size()));
        const int maskBit = options.masked ? 0x80 : 0;
        LengthForm form = options.length;
        if (form == LengthForm::Minimal && length > 0xFFFF)
            form = LengthForm::SixtyFour;
        else if (form == LengthForm::Minimal && length > 125)
            form = LengthForm::Sixteen;
        switch (form) {
        case LengthForm::Minimal:
            frame += char(maskBit | int(length));
            break;
        case LengthForm::Sixteen: {
            frame += char(maskBit | 126);
            char field[2];
            qToBigEndian(quint16(length), field);
            frame.append(field, 2);
            break;
        }
        case LengthForm::SixtyFour: {
            frame += char(maskBit | 127);
            char field[8];
            qToBigEndian(length, field);
            frame.append(field, 8);
            break;
        }
        }
        if (!options.masked)
            return frame + payload.toByteArray();
        char key[4];
        qToBigEndian(options.maskKey, key);
        frame.append(key, 4);
        const qsizetype payloadStart = frame.size();
        frame += payload;
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame[payloadStart + i] = char(frame[payloadStart + i] ^ key[i % 4]);
        return frame;
    }
};

// Out of the class: Options is complete only here (its member initialisers are needed).
inline QByteArray ClientFrame::encode(int opcode, QByteArrayView payload) {
    return encode(opcode, payload, Options{});
}
