<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ActionCountModel</name>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
</context>
<context>
    <name>Admission</name>
    <message>
        <source>Origin &quot;%1&quot; is not on the allow-list</source>
        <translation>Origin „%1“ steht nicht auf der Positivliste</translation>
    </message>
    <message>
        <source>too many connections (limit %1)</source>
        <translation>zu viele Verbindungen (Limit %1)</translation>
    </message>
    <message>
        <source>missing or wrong access token</source>
        <translation>Zugriffstoken fehlt oder ist falsch</translation>
    </message>
    <message>
        <source>more than %1 frames per second</source>
        <translation>mehr als %1 Frames pro Sekunde</translation>
    </message>
    <message>
        <source>monitor: missing or wrong monitor token</source>
        <translation>Monitor: Monitor-Token fehlt oder ist falsch</translation>
    </message>
</context>
<context>
    <name>AskRelationText</name>
    <message numerus="yes">
        <source>Ask &lt;b&gt;%1&lt;/b&gt;: delivered to %n recipient(s)</source>
        <translation>
            <numerusform>Anfrage &lt;b&gt;%1&lt;/b&gt;: an %n Empfänger zugestellt</numerusform>
            <numerusform>Anfrage &lt;b&gt;%1&lt;/b&gt;: an %n Empfänger zugestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>; answered by &lt;b&gt;%1&lt;/b&gt; after &lt;b&gt;%2 ms&lt;/b&gt;</source>
        <translation>; beantwortet von &lt;b&gt;%1&lt;/b&gt; nach &lt;b&gt;%2 ms&lt;/b&gt;</translation>
    </message>
    <message>
        <source>; &lt;b&gt;no answer yet&lt;/b&gt;</source>
        <translation>; &lt;b&gt;noch keine Antwort&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>; %n later answer(s) dropped</source>
        <translation>
            <numerusform>; %n spätere Antwort verworfen</numerusform>
            <numerusform>; %n spätere Antworten verworfen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AsyncApiReader</name>
    <message>
        <source>%1: not an AsyncAPI 2.x or 3.0 document (no &quot;asyncapi&quot;: &quot;2.6.0&quot; or &quot;3.0.0&quot;)</source>
        <translation>%1: kein AsyncAPI-2.x- oder -3.0-Dokument (kein &quot;asyncapi&quot;: &quot;2.6.0&quot; oder &quot;3.0.0&quot;)</translation>
    </message>
    <message>
        <source>%1: no channels</source>
        <translation>%1: keine Kanäle (channels)</translation>
    </message>
    <message>
        <source>%1: %2: $ref nested deeper than %3 (a cycle?)</source>
        <translation>%1: %2: $ref tiefer als %3 Ebenen verschachtelt (ein Zyklus?)</translation>
    </message>
    <message>
        <source>%1: %2: $ref %3 points to nothing</source>
        <translation>%1: %2: $ref %3 verweist ins Leere</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>&amp;Remember the token on this computer</source>
        <translation>Token auf diesem Computer &amp;merken</translation>
    </message>
    <message>
        <source>Attach to Broker</source>
        <translation>Mit Broker verbinden</translation>
    </message>
    <message>
        <source>--monitor-token or --monitor-control-token</source>
        <translation>--monitor-token oder --monitor-control-token</translation>
    </message>
    <message>
        <source>Shows a broker running elsewhere (wsmsgbroker --headless --monitor-token …) in this window, through its monitor endpoint. This window&apos;s own broker stops meanwhile.</source>
        <translation>Zeigt einen anderswo laufenden Broker (wsmsgbroker --headless --monitor-token …) über seinen Monitor-Endpunkt in diesem Fenster. Der eigene Broker dieses Fensters hält solange an.</translation>
    </message>
    <message>
        <source>Broker &amp;URL:</source>
        <translation>Broker-&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>The URL must start with ws:// or wss://.</source>
        <translation>Die URL muss mit ws:// oder wss:// beginnen.</translation>
    </message>
</context>
<context>
    <name>Broker</name>
    <message>
        <source>broker shutting down</source>
        <translation>Broker wird beendet</translation>
    </message>
    <message>
        <source>disconnected from the inspector</source>
        <translation>vom Inspektor getrennt</translation>
    </message>
    <message>
        <source>binary frames are not supported</source>
        <translation>Binär-Frames werden nicht unterstützt</translation>
    </message>
    <message>
        <source>binary frames are not supported; send JSON as text</source>
        <translation>Binär-Frames werden nicht unterstützt; JSON als Text senden</translation>
    </message>
    <message>
        <source>slow consumer: %1 bytes waiting to be sent (limit %2)</source>
        <translation>langsamer Empfänger: %1 Bytes warten auf den Versand (Limit %2)</translation>
    </message>
    <message>
        <source>dropped: the broker stopped</source>
        <translation>verworfen: der Broker wurde beendet</translation>
    </message>
    <message>
        <source>no frame is held under ticket %1</source>
        <translation>unter Ticket %1 wird kein Frame zurückgehalten</translation>
    </message>
    <message>
        <source>dropped: the receiver left</source>
        <translation>verworfen: der Empfänger ist gegangen</translation>
    </message>
    <message>
        <source>%1 is reserved for the broker, not a room</source>
        <translation>%1 ist dem Broker vorbehalten, kein Raum</translation>
    </message>
</context>
<context>
    <name>CaptureConnection</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>%1: Qt&apos;s SQLite driver is missing (Debian: libqt6sql6-sqlite)</source>
        <translation>%1: der SQLite-Treiber von Qt fehlt (Debian: libqt6sql6-sqlite)</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>CaptureConverter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot make a temporary directory: %1</source>
        <translation>temporäres Verzeichnis kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>%1: unknown output format; name it .wscap (capture), .jsonl (JSON Lines) or .har (HAR)</source>
        <translation>%1: unbekanntes Ausgabeformat; benennen Sie die Datei .wscap (Mitschnitt), .jsonl (JSON Lines) oder .har (HAR)</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>%1: input and output are the same file</source>
        <translation>%1: Eingabe und Ausgabe sind dieselbe Datei</translation>
    </message>
    <message numerus="yes">
        <source>%1: damaged; %n frame(s) could not be read and were skipped (%2)</source>
        <translation>
            <numerusform>%1: beschädigt; %n Frame war unlesbar und wurde übersprungen (%2)</numerusform>
            <numerusform>%1: beschädigt; %n Frames waren unlesbar und wurden übersprungen (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>damaged; %n frame(s) could not be read and were skipped (%1)</source>
        <translation>
            <numerusform>beschädigt; %n Frame war unlesbar und wurde übersprungen (%1)</numerusform>
            <numerusform>beschädigt; %n Frames waren unlesbar und wurden übersprungen (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaptureLoader</name>
    <message>
        <source>%1: cannot read the file</source>
        <translation>%1: die Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>CaptureReader</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a capture: it is empty or cut short</source>
        <translation>%1 ist kein Mitschnitt: die Datei ist leer oder abgeschnitten</translation>
    </message>
    <message>
        <source>%1 is not a capture (not an SQLite database)</source>
        <translation>%1 ist kein Mitschnitt (keine SQLite-Datenbank)</translation>
    </message>
    <message>
        <source>%1 is damaged: %2; what could be read is shown</source>
        <translation>%1 ist beschädigt: %2; was gelesen werden konnte, wird angezeigt</translation>
    </message>
    <message>
        <source>a name table cannot be read</source>
        <translation>eine Namenstabelle kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>its frames are out of order</source>
        <translation>seine Frames sind nicht in der richtigen Reihenfolge</translation>
    </message>
</context>
<context>
    <name>CaptureRecorder</name>
    <message>
        <source>%1: no capture is open to save</source>
        <translation>%1: kein Mitschnitt zum Speichern geöffnet</translation>
    </message>
</context>
<context>
    <name>CaptureSchema</name>
    <message>
        <source>%1 is an SQLite database but not a WSMsgBroker capture</source>
        <translation>%1 ist eine SQLite-Datenbank, aber kein WSMsgBroker-Mitschnitt</translation>
    </message>
    <message>
        <source>%1 was written by a newer WSMsgBroker (capture format %2; this version reads up to %3)</source>
        <translation>%1 wurde von einem neueren WSMsgBroker geschrieben (Mitschnittformat %2; diese Version liest bis Format %3)</translation>
    </message>
    <message>
        <source>the table %1 is missing</source>
        <translation>die Tabelle %1 fehlt</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 ist beschädigt: %2</translation>
    </message>
</context>
<context>
    <name>CaptureWriter</name>
    <message>
        <source>%1: cannot %2: %3</source>
        <translation>%1: %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1: cannot remove the previous capture</source>
        <translation>%1: der vorherige Mitschnitt kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>%1: cannot find the capture just opened</source>
        <translation>%1: der soeben geöffnete Mitschnitt wird nicht gefunden</translation>
    </message>
    <message>
        <source>set it up</source>
        <translation>Einrichten</translation>
    </message>
    <message>
        <source>%1: cannot create the capture: %2</source>
        <translation>%1: der Mitschnitt kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>read its page size</source>
        <translation>Lesen der Seitengröße</translation>
    </message>
    <message>
        <source>%1: cannot prepare the capture&apos;s statements: %2</source>
        <translation>%1: die Anweisungen des Mitschnitts können nicht vorbereitet werden: %2</translation>
    </message>
    <message>
        <source>read its counters</source>
        <translation>Lesen der Zähler</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>%1: the capture stopped after an earlier error</source>
        <translation>%1: der Mitschnitt wurde nach einem früheren Fehler beendet</translation>
    </message>
    <message>
        <source>measure it</source>
        <translation>Messen der Größe</translation>
    </message>
    <message>
        <source>apply its budget</source>
        <translation>Anwenden des Budgets</translation>
    </message>
    <message>
        <source>%1 was removed or replaced while recording</source>
        <translation>%1 wurde während der Aufzeichnung entfernt oder ersetzt</translation>
    </message>
    <message>
        <source>%1: cannot set up its violations table: %2</source>
        <translation>%1: Die Tabelle der Verstöße kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1: cannot apply its budget: %2</source>
        <translation>%1: Das Budget kann nicht angewendet werden: %2</translation>
    </message>
</context>
<context>
    <name>ClosingHandshake</name>
    <message>
        <source>close code %1</source>
        <translation>Schließcode %1</translation>
    </message>
    <message>
        <source>close code %1: %2</source>
        <translation>Schließcode %1: %2</translation>
    </message>
    <message>
        <source>the connection ended without a close frame (close code %1)</source>
        <translation>die Verbindung endete ohne Close-Frame (Schließcode %1)</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>--%1: &quot;%2&quot; is not a number from %3 to %4</source>
        <translation>--%1: „%2“ ist keine Zahl von %3 bis %4</translation>
    </message>
    <message>
        <source>A WebSocket message broker for the wsmsgbroker protocol that shows its traffic live.
Without --headless it opens the inspector window with the broker listening.</source>
        <translation>Ein WebSocket-Message-Broker für das wsmsgbroker-Protokoll, der seinen Datenverkehr live anzeigt.
Ohne --headless öffnet er das Inspektor-Fenster mit lauschendem Broker.</translation>
    </message>
    <message>
        <source>Run the broker alone, without a window.</source>
        <translation>Nur den Broker ausführen, ohne Fenster.</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1).</source>
        <translation>Adresse, auf der gelauscht wird (Standard: 127.0.0.1).</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Port to listen on (default 9042; 0 picks a free port).</source>
        <translation>Port, auf dem gelauscht wird (Standard: 9042; 0 wählt einen freien Port).</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Print one line per frame on standard output (headless).</source>
        <translation>Eine Zeile pro Frame auf der Standardausgabe ausgeben (mit --headless).</translation>
    </message>
    <message>
        <source>What a register with an id held by another connection does: takeover (default; the previous holder is unregistered) or reject (the newcomer gets an error).</source>
        <translation>Was ein register mit einer ID bewirkt, die eine andere Verbindung belegt: takeover (Standard; der bisherige Inhaber wird abgemeldet) oder reject (der Neuankömmling erhält einen Fehler).</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Read settings from this INI file.</source>
        <translation>Einstellungen aus dieser INI-Datei lesen.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Language of the window, e.g. fr or de (default: the system&apos;s).</source>
        <translation>Sprache des Fensters, z. B. fr oder de (Standard: die des Systems).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Seconds an unanswered ack is remembered (default 3600).</source>
        <translation>Wie viele Sekunden ein unbeantworteter Ack gemerkt wird (Standard: 3600).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Largest frame or message in bytes (default 1048576).</source>
        <translation>Größter Frame bzw. größte Nachricht in Bytes (Standard: 1048576).</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Unsent bytes one client may have waiting before it is cut off as a slow consumer (default 16777216).</source>
        <translation>Ungesendete Bytes, die für einen Client warten dürfen, bevor er als langsamer Empfänger getrennt wird (Standard: 16777216).</translation>
    </message>
    <message>
        <source>Most connections at once (default 10000).</source>
        <translation>Höchstzahl gleichzeitiger Verbindungen (Standard: 10000).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Longest client id in bytes (default 256).</source>
        <translation>Maximale Länge einer Client-ID in Bytes (Standard: 256).</translation>
    </message>
    <message>
        <source>Most ids in one send (default 1000).</source>
        <translation>Höchstzahl an IDs in einem send (Standard: 1000).</translation>
    </message>
    <message>
        <source>Most unanswered acks per connection (default 10000).</source>
        <translation>Höchstzahl unbeantworteter Acks pro Verbindung (Standard: 10000).</translation>
    </message>
    <message>
        <source>Seconds between pings; a client silent for two intervals is closed (default 30, 0 is off).</source>
        <translation>Sekunden zwischen Pings; ein Client, der zwei Intervalle lang schweigt, wird getrennt (Standard: 30, 0 schaltet ab).</translation>
    </message>
    <message>
        <source>Frames per second one client may send (default 0, no limit).</source>
        <translation>Frames pro Sekunde, die ein Client senden darf (Standard: 0, unbegrenzt).</translation>
    </message>
    <message>
        <source>Access token clients must pass as ?token= in the URL.</source>
        <translation>Zugriffstoken, den Clients als ?token= in der URL übergeben müssen.</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Read the access token from this file.</source>
        <translation>Zugriffstoken aus dieser Datei lesen.</translation>
    </message>
    <message>
        <source>Accept only browsers from this Origin (repeatable).</source>
        <translation>Nur Browser von diesem Origin akzeptieren (wiederholbar).</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>--settings: cannot read &quot;%1&quot;</source>
        <translation>--settings: „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>--settings: &quot;%1&quot; is not a valid INI file</source>
        <translation>--settings: „%1“ ist keine gültige INI-Datei</translation>
    </message>
    <message>
        <source>--host: &quot;%1&quot; is not an IP address</source>
        <translation>--host: „%1“ ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>--duplicate-ids: &quot;%1&quot; must be takeover or reject</source>
        <translation>--duplicate-ids: „%1“ muss takeover oder reject sein</translation>
    </message>
    <message>
        <source>--token-file: cannot read &quot;%1&quot;</source>
        <translation>--token-file: „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>--token-file: &quot;%1&quot; is empty</source>
        <translation>--token-file: „%1“ ist leer</translation>
    </message>
    <message>
        <source>Seconds a new connection has to finish its WebSocket handshake (default 10).</source>
        <translation>Sekunden, die eine neue Verbindung für ihren WebSocket-Handshake hat (Standard: 10).</translation>
    </message>
    <message>
        <source>Deepest nesting of arrays and objects in a frame (default 128).</source>
        <translation>Maximale Verschachtelungstiefe von Arrays und Objekten in einem Frame (Standard: 128).</translation>
    </message>
    <message>
        <source>levels</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <source>Most unanswered acks in the whole broker (default 1000000); the oldest go first.</source>
        <translation>Höchstzahl unbeantworteter Acks im gesamten Broker (Standard: 1000000); die ältesten werden zuerst verworfen.</translation>
    </message>
    <message>
        <source>Serve wss:// with this PEM certificate (chain); needs --tls-key.</source>
        <translation>wss:// mit diesem PEM-Zertifikat (bzw. dieser Kette) anbieten; erfordert --tls-key.</translation>
    </message>
    <message>
        <source>The unencrypted PEM private key of --tls-cert.</source>
        <translation>Der unverschlüsselte private PEM-Schlüssel zu --tls-cert.</translation>
    </message>
    <message>
        <source>--%1: cannot read &quot;%2&quot;</source>
        <translation>--%1: „%2“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Captures, JSON Lines logs or HARs to open, each in a window of its own.</source>
        <translation>Zu öffnende Mitschnitte, JSON-Lines-Logs oder HARs, jeweils in einem eigenen Fenster.</translation>
    </message>
    <message>
        <source>[file...]</source>
        <translation>[Datei...]</translation>
    </message>
    <message>
        <source>cannot open &quot;%1&quot;: no such file</source>
        <translation>„%1“ kann nicht geöffnet werden: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>a file to open (&quot;%1&quot;) needs the window; without --headless it opens beside the live log</source>
        <translation>eine zu öffnende Datei („%1“) braucht das Fenster; ohne --headless öffnet sie sich neben dem Live-Log</translation>
    </message>
    <message>
        <source>Record every frame whole into this capture (headless); a capture already there is started anew.</source>
        <translation>Jeden Frame vollständig in diesen Mitschnitt aufzeichnen (mit --headless); ein vorhandener Mitschnitt wird neu begonnen.</translation>
    </message>
    <message>
        <source>Disk budget of --record in MiB; past it the oldest frames go (default 2048).</source>
        <translation>Speicherbudget von --record in MiB; darüber hinaus werden die ältesten Frames entfernt (Standard 2048).</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Frame budget of --record; past it the oldest frames go (default 10000000).</source>
        <translation>Frame-Budget von --record; darüber hinaus werden die ältesten Frames entfernt (Standard 10000000).</translation>
    </message>
    <message>
        <source>Convert the capture, JSON Lines log or HAR &lt;in&gt; into the file named after it (--convert IN OUT; the output&apos;s format by its extension: .wscap, .jsonl or .har) and exit.</source>
        <translation>Den Mitschnitt, das JSON-Lines-Protokoll oder die HAR-Datei &lt;in&gt; in die danach genannte Datei umwandeln (--convert IN OUT; das Ausgabeformat folgt der Endung: .wscap, .jsonl oder .har) und beenden.</translation>
    </message>
    <message>
        <source>in</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>--convert: name the input and the output: --convert IN OUT</source>
        <translation>--convert: Eingabe und Ausgabe angeben: --convert IN OUT</translation>
    </message>
    <message>
        <source>--record needs --headless (the window records its sessions itself)</source>
        <translation>--record benötigt --headless (das Fenster zeichnet seine Sitzungen selbst auf)</translation>
    </message>
    <message>
        <source>--record: name the capture file to write</source>
        <translation>--record: die zu schreibende Mitschnittdatei angeben</translation>
    </message>
    <message>
        <source>--%1 bounds --record, which is not given</source>
        <translation>--%1 begrenzt --record, das nicht angegeben ist</translation>
    </message>
    <message>
        <source>Most frames traffic rules may hold or keep waiting behind held ones (default 1000); past it such frames are dropped, and the log says why.</source>
        <translation>Höchstzahl der Frames, die Verkehrsregeln zurückhalten oder hinter zurückgehaltenen warten lassen dürfen (Standard 1000); darüber hinaus werden solche Frames verworfen, und das Protokoll sagt warum.</translation>
    </message>
    <message>
        <source>Apply the traffic rules of this JSON file (hold, delay, drop, duplicate, close, throttle, ignorePings; see the README), and reload it when it changes.</source>
        <translation>Die Verkehrsregeln dieser JSON-Datei anwenden (hold, delay, drop, duplicate, close, throttle, ignorePings; siehe README) und sie neu lesen, wenn sie sich ändert.</translation>
    </message>
    <message>
        <source>--rules needs --headless (in the window, the rules are set in the window)</source>
        <translation>--rules braucht --headless (im Fenster werden die Regeln im Fenster festgelegt)</translation>
    </message>
    <message>
        <source>--rules: cannot read &quot;%1&quot;</source>
        <translation>--rules: „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Run this peer script (JavaScript clients; see the README) against the broker (repeatable).</source>
        <translation>Dieses Peer-Skript (JavaScript-Clients; siehe README) gegen den Broker ausführen (wiederholbar).</translation>
    </message>
    <message>
        <source>--script: cannot read &quot;%1&quot;</source>
        <translation>--script: „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>--%1 is an option of --replay, which is not given</source>
        <translation>--%1 ist eine Option von --replay, das nicht angegeben ist</translation>
    </message>
    <message>
        <source>--replay: cannot read &quot;%1&quot;</source>
        <translation>--replay: „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>--speed: &quot;%1&quot; is not a number from 0.01 to 1000</source>
        <translation>--speed: „%1“ ist keine Zahl von 0.01 bis 1000</translation>
    </message>
    <message>
        <source>--timing: &quot;%1&quot; must be recorded, fast or input</source>
        <translation>--timing: „%1“ muss recorded, fast oder input sein</translation>
    </message>
    <message>
        <source>Play this capture, JSON Lines log or HAR into the broker, simulating every recorded client not named by --live, and compare what happens with the recording; headless, exit 0 when it matched, 1 when not; in the window, the Replay dialog opens with it.</source>
        <translation>Diese Aufzeichnung, dieses JSON-Lines-Protokoll oder dieses HAR in den Broker abspielen, jeden aufgezeichneten Client simulieren, der nicht mit --live genannt ist, und das Geschehen mit der Aufzeichnung vergleichen; mit --headless Exit-Code 0 bei Übereinstimmung, sonst 1; im Fenster öffnet sich damit der Dialog „Wiedergabe“.</translation>
    </message>
    <message>
        <source>A recorded client id that a real client under test takes (repeatable).</source>
        <translation>Eine aufgezeichnete Client-ID, die ein echter Client unter Test übernimmt (wiederholbar).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Replay timing as recorded, this many times faster (default 1).</source>
        <translation>Im aufgezeichneten Takt abspielen, so viel Mal schneller (Standard 1).</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>Faktor</translation>
    </message>
    <message>
        <source>recorded (default: the recording&apos;s pauses, divided by --speed), fast (as fast as possible) or input (a simulated client waits for what it had received before).</source>
        <translation>recorded (Standard: die Pausen der Aufzeichnung, geteilt durch --speed), fast (so schnell wie möglich) oder input (ein simulierter Client wartet auf das, was er zuvor empfangen hatte).</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>A JSON path not compared by --replay, e.g. message.timestamp (repeatable).</source>
        <translation>Ein JSON-Pfad, den --replay nicht vergleicht, z. B. message.timestamp (wiederholbar).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Seconds --replay waits for the live clients, and for the end (default 30).</source>
        <translation>Sekunden, die --replay auf die echten Clients und auf das Ende wartet (Standard 30).</translation>
    </message>
    <message>
        <source>Write the --replay result as JUnit XML to this file.</source>
        <translation>Das Ergebnis von --replay als JUnit-XML in diese Datei schreiben.</translation>
    </message>
    <message>
        <source>Check the message of every send and answer against the JSON Schemas of this folder or AsyncAPI file (see the README) and print each violation.</source>
        <translation>Die Nachricht jedes send und answer gegen die JSON-Schemas dieses Ordners oder dieser AsyncAPI-Datei prüfen (siehe README) und jede Verletzung ausgeben.</translation>
    </message>
    <message>
        <source>--schemas needs --headless</source>
        <translation>--schemas erfordert --headless</translation>
    </message>
    <message>
        <source>--schemas: no such file or folder &quot;%1&quot;</source>
        <translation>--schemas: Datei oder Ordner &quot;%1&quot; existiert nicht</translation>
    </message>
    <message>
        <source>--metrics-token and --metrics-token-file: give one of them</source>
        <translation>--metrics-token und --metrics-token-file: nur eine der beiden Optionen angeben</translation>
    </message>
    <message>
        <source>--metrics-token: the token is empty</source>
        <translation>--metrics-token: das Token ist leer</translation>
    </message>
    <message>
        <source>--metrics-token-file: cannot read &quot;%1&quot;</source>
        <translation>--metrics-token-file: „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>--metrics-token-file: &quot;%1&quot; is empty</source>
        <translation>--metrics-token-file: „%1“ ist leer</translation>
    </message>
    <message>
        <source>Bearer token GET /metrics requires (default: the --token, if any).</source>
        <translation>Bearer-Token, das GET /metrics verlangt (Vorgabe: das von --token, falls angegeben).</translation>
    </message>
    <message>
        <source>Read the bearer token of GET /metrics from the first line of this file.</source>
        <translation>Das Bearer-Token von GET /metrics aus der ersten Zeile dieser Datei lesen.</translation>
    </message>
    <message>
        <source>Headless: enable the read-only monitor endpoint ws://host:port/.wsmsgbroker/monitor for this token (see docs/monitor-protocol.md). With --attach: the token to present.</source>
        <translation>Ohne Fenster: den lesenden Monitor-Endpunkt ws://host:port/.wsmsgbroker/monitor für dieses Token einschalten (siehe docs/monitor-protocol.md). Mit --attach: das vorzuzeigende Token.</translation>
    </message>
    <message>
        <source>Read the --monitor-token from this file.</source>
        <translation>Das --monitor-token aus dieser Datei lesen.</translation>
    </message>
    <message>
        <source>Headless: a monitor token that may also disconnect clients and set traffic rules.</source>
        <translation>Ohne Fenster: ein Monitor-Token, das auch Clients trennen und Verkehrsregeln setzen darf.</translation>
    </message>
    <message>
        <source>Events a monitor gets first when it connects (default 1000).</source>
        <translation>Ereignisse, die ein Monitor beim Verbinden zuerst erhält (Standard 1000).</translation>
    </message>
    <message>
        <source>Show the headless broker at this URL (e.g. ws://host:9042) through its monitor endpoint instead of running a broker in the window.</source>
        <translation>Den Broker ohne Fenster unter dieser URL (z. B. ws://host:9042) über seinen Monitor-Endpunkt zeigen, statt im Fenster einen Broker zu betreiben.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>--monitor-token: the token is empty</source>
        <translation>--monitor-token: das Token ist leer</translation>
    </message>
    <message>
        <source>--monitor-token and --monitor-token-file: give one of them</source>
        <translation>--monitor-token und --monitor-token-file: nur eines von beiden angeben</translation>
    </message>
    <message>
        <source>--monitor-token-file: cannot read &quot;%1&quot;</source>
        <translation>--monitor-token-file: „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>--monitor-token-file: &quot;%1&quot; is empty</source>
        <translation>--monitor-token-file: „%1“ ist leer</translation>
    </message>
    <message>
        <source>--monitor-control-token: the token is empty</source>
        <translation>--monitor-control-token: das Token ist leer</translation>
    </message>
    <message>
        <source>--monitor-control-token must differ from --monitor-token</source>
        <translation>--monitor-control-token muss sich von --monitor-token unterscheiden</translation>
    </message>
    <message>
        <source>--monitor-backlog: &quot;%1&quot; is not a number from 0 to 1000000</source>
        <translation>--monitor-backlog: „%1“ ist keine Zahl von 0 bis 1000000</translation>
    </message>
    <message>
        <source>--attach opens a window; it does not go with --headless</source>
        <translation>--attach öffnet ein Fenster; es passt nicht zu --headless</translation>
    </message>
    <message>
        <source>--attach: &quot;%1&quot; is not a ws:// or wss:// URL</source>
        <translation>--attach: „%1“ ist keine ws://- oder wss://-URL</translation>
    </message>
    <message>
        <source>--monitor-control-token: with --attach, give the token to present as --monitor-token</source>
        <translation>--monitor-control-token: mit --attach das vorzuzeigende Token als --monitor-token angeben</translation>
    </message>
    <message>
        <source>the monitor endpoint (--monitor-token) needs --headless; to watch a broker from the window, use --attach</source>
        <translation>der Monitor-Endpunkt (--monitor-token) braucht --headless; um einen Broker aus dem Fenster zu beobachten, --attach verwenden</translation>
    </message>
    <message>
        <source>--monitor-backlog bounds the monitor endpoint, which needs --monitor-token or --monitor-control-token</source>
        <translation>--monitor-backlog begrenzt den Monitor-Endpunkt, der --monitor-token oder --monitor-control-token braucht</translation>
    </message>
</context>
<context>
    <name>ConnectionTreeModel</name>
    <message>
        <source>%1 (%2)</source>
        <comment>room name and its number of connections</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Room %1: %n connection(s)</source>
        <translation>
            <numerusform>Raum %1: %n Verbindung</numerusform>
            <numerusform>Raum %1: %n Verbindungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registered</source>
        <translation>
            <numerusform>%n registriert</numerusform>
            <numerusform>%n registriert</numerusform>
        </translation>
    </message>
    <message>
        <source>(unregistered)</source>
        <translation>(nicht registriert)</translation>
    </message>
    <message>
        <source>Connection %1 in room %2, connected at %3</source>
        <translation>Verbindung %1 in Raum %2, verbunden seit %3</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Entfernte Adresse</translation>
    </message>
    <message>
        <source>Connected for</source>
        <translation>Verbunden seit</translation>
    </message>
    <message>
        <source>Frames in</source>
        <translation>Empfangene Frames</translation>
    </message>
    <message>
        <source>Frames out</source>
        <translation>Gesendete Frames</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Empfangene Bytes</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Gesendete Bytes</translation>
    </message>
    <message>
        <source>Pending acks</source>
        <translation>Offene Acks</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>%1
Connection %2 in room %3, connected at %4</source>
        <translation>%1
Verbindung %2 in Raum %3, verbunden seit %4</translation>
    </message>
    <message>
        <source>%1  ⚠ %2</source>
        <comment>client and its number of contract violations</comment>
        <translation>%1  ⚠ %2</translation>
    </message>
    <message numerus="yes">
        <source>%n contract violation(s)</source>
        <translation>
            <numerusform>%n Vertragsverletzung</numerusform>
            <numerusform>%n Vertragsverletzungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleClient</name>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbindung wird aufgebaut</translation>
    </message>
    <message>
        <source>Connected, not registered</source>
        <translation>Verbunden, nicht registriert</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Wird geschlossen</translation>
    </message>
    <message>
        <source>Not a ws:// or wss:// URL: %1</source>
        <translation>Keine ws://- oder wss://-URL: %1</translation>
    </message>
    <message numerus="yes">
        <source>binary, %n byte(s): %1</source>
        <translation>
            <numerusform>binär, %n Byte: %1</numerusform>
            <numerusform>binär, %n Bytes: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>close code %1</source>
        <translation>Schließcode %1</translation>
    </message>
    <message numerus="yes">
        <source>%n ask(s) left unanswered</source>
        <translation>
            <numerusform>%n Anfrage blieb unbeantwortet</numerusform>
            <numerusform>%n Anfragen blieben unbeantwortet</numerusform>
        </translation>
    </message>
    <message>
        <source>Unreadable frame: %1</source>
        <translation>Unlesbarer Frame: %1</translation>
    </message>
    <message>
        <source>registered as %1</source>
        <translation>registriert als %1</translation>
    </message>
    <message>
        <source>unregistered %1</source>
        <translation>%1 abgemeldet</translation>
    </message>
    <message>
        <source>%1 was taken over by another connection</source>
        <translation>%1 wurde von einer anderen Verbindung übernommen</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;: %2</source>
        <translation>Unbekannte Aktion „%1“: %2</translation>
    </message>
    <message numerus="yes">
        <source>Binary frame, %n byte(s): %1</source>
        <translation>
            <numerusform>Binär-Frame, %n Byte: %1</numerusform>
            <numerusform>Binär-Frame, %n Bytes: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleClientWidget</name>
    <message>
        <source>ws://host:port/room</source>
        <translation>ws://host:port/raum</translation>
    </message>
    <message>
        <source>Broker URL; its path names the room</source>
        <translation>Broker-URL; ihr Pfad benennt den Raum</translation>
    </message>
    <message>
        <source>client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>The id this client registers with</source>
        <translation>Die ID, mit der sich dieser Client registriert</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Open the connection and register the id</source>
        <translation>Verbindung öffnen und die ID registrieren</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Unregister</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Echo the message</source>
        <translation>Nachricht zurücksenden</translation>
    </message>
    <message>
        <source>Fixed value</source>
        <translation>Fester Wert</translation>
    </message>
    <message>
        <source>Answer every incoming message that carries an ack</source>
        <translation>Jede eingehende Nachricht mit Ack beantworten</translation>
    </message>
    <message>
        <source>JSON value to answer with</source>
        <translation>JSON-Wert für die Antwort</translation>
    </message>
    <message>
        <source>Auto-answer:</source>
        <translation>Automatische Antwort:</translation>
    </message>
    <message>
        <source>unregistered</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>waiting for an answer</source>
        <translation>wartet auf Antwort</translation>
    </message>
    <message>
        <source>destination ids, comma separated</source>
        <translation>Ziel-IDs, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>JSON message</source>
        <translation>JSON-Nachricht</translation>
    </message>
    <message>
        <source>Raw text frame</source>
        <translation>Roher Text-Frame</translation>
    </message>
    <message>
        <source>Raw binary frame (hex)</source>
        <translation>Roher Binär-Frame (hex)</translation>
    </message>
    <message>
        <source>Raw binary frame (text bytes)</source>
        <translation>Roher Binär-Frame (Bytes des Textes)</translation>
    </message>
    <message>
        <source>Raw modes send the editor&apos;s text exactly as typed, without the protocol around it</source>
        <translation>Die Roh-Modi senden den Text des Editors genau wie eingegeben, ohne Protokollrahmen</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>E&amp;xpect an answer</source>
        <translation>Antwort &amp;erwarten</translation>
    </message>
    <message>
        <source>Send a fresh ack and show the answer with its round-trip time</source>
        <translation>Einen neuen Ack senden und die Antwort mit ihrer Umlaufzeit anzeigen</translation>
    </message>
    <message>
        <source>&amp;Beautify</source>
        <translation>&amp;Formatieren</translation>
    </message>
    <message>
        <source>Co&amp;mpact</source>
        <translation>&amp;Kompakt</translation>
    </message>
    <message>
        <source>&amp;Saved</source>
        <translation>&amp;Gespeichert</translation>
    </message>
    <message>
        <source>Named saved messages, shared by all console clients</source>
        <translation>Benannte gespeicherte Nachrichten, gemeinsam für alle Konsolen-Clients</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>Ant&amp;worten</translation>
    </message>
    <message>
        <source>Send the editor&apos;s JSON as the answer to the selected message</source>
        <translation>Das JSON des Editors als Antwort auf die ausgewählte Nachricht senden</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Close this connection and open a new one</source>
        <translation>Diese Verbindung schließen und eine neue öffnen</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <source>Not hex: type pairs of hex digits, e.g. 7b 22 61 22 7d</source>
        <translation>Kein Hex: Paare von Hex-Ziffern eingeben, z. B. 7b 22 61 22 7d</translation>
    </message>
    <message>
        <source>Answering %1 (ack %2)</source>
        <translation>Antwort an %1 (Ack %2)</translation>
    </message>
    <message>
        <source>Connect first</source>
        <translation>Zuerst verbinden</translation>
    </message>
    <message>
        <source>Name at least one destination</source>
        <translation>Mindestens ein Ziel angeben</translation>
    </message>
    <message>
        <source>Save Current Message As…</source>
        <translation>Aktuelle Nachricht speichern unter…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Clear History of Sent Messages</source>
        <translation>Verlauf gesendeter Nachrichten löschen</translation>
    </message>
    <message>
        <source>Save Message</source>
        <translation>Nachricht speichern</translation>
    </message>
    <message>
        <source>Name of the saved message:</source>
        <translation>Name der gespeicherten Nachricht:</translation>
    </message>
    <message>
        <source>Copy Message</source>
        <translation>Nachricht kopieren</translation>
    </message>
    <message>
        <source>Copy into Editor</source>
        <translation>In den Editor kopieren</translation>
    </message>
    <message>
        <source>Reply to %1</source>
        <translation>%1 antworten</translation>
    </message>
    <message>
        <source>Clear Conversation</source>
        <translation>Unterhaltung leeren</translation>
    </message>
    <message>
        <source>Not JSON, nothing is answered</source>
        <translation>Kein JSON, es wird nichts geantwortet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Sent to %1</source>
        <translation>Gesendet an %1</translation>
    </message>
    <message>
        <source>Answered %1</source>
        <translation>Antwort an %1</translation>
    </message>
    <message>
        <source>Sent as a raw frame</source>
        <translation>Als Roh-Frame gesendet</translation>
    </message>
    <message>
        <source>%1, in room %2</source>
        <translation>%1, in Raum %2</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Verlauf: %1</translation>
    </message>
    <message>
        <source>Recalled from the history of sent messages; Down returns to your draft</source>
        <translation>Aus dem Verlauf gesendeter Nachrichten abgerufen; Pfeil nach unten führt zu Ihrem Entwurf zurück</translation>
    </message>
</context>
<context>
    <name>ConsoleConversationModel</name>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>registriert</translation>
    </message>
    <message>
        <source>unregistered</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>beantwortet</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>raw frame</source>
        <translation>Roh-Frame</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>answered in %1</source>
        <translation>beantwortet in %1</translation>
    </message>
    <message>
        <source>waiting for an answer</source>
        <translation>wartet auf Antwort</translation>
    </message>
    <message>
        <source>select to answer</source>
        <translation>zum Antworten auswählen</translation>
    </message>
    <message>
        <source>auto-answer</source>
        <translation>automatische Antwort</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Ack</source>
        <translation>Ack</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>reached no one</source>
        <translation>hat niemanden erreicht</translation>
    </message>
    <message>
        <source>No answer will come: %1</source>
        <translation>Es wird keine Antwort kommen: %1</translation>
    </message>
</context>
<context>
    <name>ConsoleJson</name>
    <message>
        <source>empty document</source>
        <translation>leeres Dokument</translation>
    </message>
    <message>
        <source>more than one value</source>
        <translation>mehr als ein Wert</translation>
    </message>
</context>
<context>
    <name>ConsolePanel</name>
    <message>
        <source>New Client</source>
        <translation>Neuer Client</translation>
    </message>
    <message>
        <source>Add N Clients…</source>
        <translation>N Clients hinzufügen…</translation>
    </message>
    <message>
        <source>Open several connected clients at once in one room</source>
        <translation>Mehrere verbundene Clients auf einmal in einem Raum öffnen</translation>
    </message>
    <message>
        <source>Add Clients</source>
        <translation>Clients hinzufügen</translation>
    </message>
    <message>
        <source>Id: %1-1</source>
        <translation>ID: %1-1</translation>
    </message>
    <message>
        <source>Ids: %1-1 … %1-%2</source>
        <translation>IDs: %1-1 … %1-%2</translation>
    </message>
    <message>
        <source>Base &amp;name:</source>
        <translation>&amp;Basisname:</translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation>&amp;Anzahl:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Raum:</translation>
    </message>
    <message>
        <source>(no id)</source>
        <translation>(keine ID)</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Test console</source>
        <translation>Testkonsole</translation>
    </message>
    <message>
        <source>Pretend to be a client of the broker: register an id, talk to your own clients, answer them, or send malformed frames.</source>
        <translation>Geben Sie sich als Client des Brokers aus: registrieren Sie eine ID, sprechen Sie mit Ihren eigenen Clients, beantworten Sie sie oder senden Sie fehlerhafte Frames.</translation>
    </message>
    <message>
        <source>The room New Client and Add N Clients open clients in: one of the broker&apos;s rooms, or a new name</source>
        <translation>Der Raum, in dem „Neuer Client“ und „N Clients hinzufügen“ Clients öffnen: einer der Räume des Brokers oder ein neuer Name</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>Raum:</translation>
    </message>
    <message>
        <source>Open a new console client in this room</source>
        <translation>Einen neuen Konsolen-Client in diesem Raum öffnen</translation>
    </message>
    <message>
        <source>All Tabs</source>
        <translation>Alle Tabs</translation>
    </message>
    <message>
        <source>Reconnect the disconnected clients or close every tab</source>
        <translation>Die getrennten Clients neu verbinden oder alle Tabs schließen</translation>
    </message>
    <message>
        <source>Reconnect Disconnected Clients</source>
        <translation>Getrennte Clients neu verbinden</translation>
    </message>
    <message>
        <source>Close All Tabs</source>
        <translation>Alle Tabs schließen</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Close Tab</source>
        <translation>Tab schließen</translation>
    </message>
    <message>
        <source>Close Other Tabs</source>
        <translation>Andere Tabs schließen</translation>
    </message>
    <message numerus="yes">
        <source>Reconnect %n Disconnected Client(s)</source>
        <translation>
            <numerusform>%n getrennten Client neu verbinden</numerusform>
            <numerusform>%n getrennte Clients neu verbinden</numerusform>
        </translation>
    </message>
    <message>
        <source>Run Script…</source>
        <translation>Skript ausführen…</translation>
    </message>
    <message>
        <source>Run a JavaScript file of simulated clients (scripted peers)</source>
        <translation>Eine JavaScript-Datei mit simulierten Clients ausführen (geskriptete Peers)</translation>
    </message>
    <message>
        <source>Run Peer Script</source>
        <translation>Peer-Skript ausführen</translation>
    </message>
    <message>
        <source>JavaScript (*.js);;All files (*)</source>
        <translation>JavaScript (*.js);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ContractFailureText</name>
    <message>
        <source>Violates its contract at %1: %2</source>
        <translation>Verstößt gegen seinen Vertrag bei %1: %2</translation>
    </message>
</context>
<context>
    <name>ContractSchema</name>
    <message>
        <source>a schema must be a JSON object or a boolean</source>
        <translation>ein Schema muss ein JSON-Objekt oder ein Boolescher Wert sein</translation>
    </message>
    <message>
        <source>the schema false admits no value</source>
        <translation>das Schema false lässt keinen Wert zu</translation>
    </message>
    <message>
        <source>$ref %1 is not in this document (other documents are not fetched)</source>
        <translation>$ref %1 liegt nicht in diesem Dokument (andere Dokumente werden nicht geladen)</translation>
    </message>
</context>
<context>
    <name>ContractSet</name>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1: Datei oder Ordner existiert nicht</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: larger than %2 MiB</source>
        <translation>%1: größer als %2 MiB</translation>
    </message>
    <message>
        <source>%1: not YAML: %2</source>
        <translation>%1: kein YAML: %2</translation>
    </message>
    <message>
        <source>%1: not JSON at byte %2: %3</source>
        <translation>%1: kein JSON bei Byte %2: %3</translation>
    </message>
    <message>
        <source>%1: no *.schema.json, *.schema.yaml or *.schema.yml files</source>
        <translation>%1: keine Dateien *.schema.json, *.schema.yaml oder *.schema.yml</translation>
    </message>
    <message>
        <source>%1: the name should be ACTION.MEMBER=VALUE.schema.json</source>
        <translation>%1: der Name sollte AKTION.MITGLIED=WERT.schema.json lauten</translation>
    </message>
    <message>
        <source>%1: the name should start with send or answer</source>
        <translation>%1: der Name sollte mit send oder answer beginnen</translation>
    </message>
    <message>
        <source>%1: not a usable schema: %2</source>
        <translation>%1: kein verwendbares Schema: %2</translation>
    </message>
    <message>
        <source>%1: room %2 already selects %3 schemas by %4, not by %5</source>
        <translation>%1: Raum %2 wählt seine %3-Schemas bereits nach %4, nicht nach %5</translation>
    </message>
</context>
<context>
    <name>ContractViolationModel</name>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Schlüsselwort</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
</context>
<context>
    <name>DeliveryPipeline</name>
    <message>
        <source>held %1 ms by %2</source>
        <translation>%1 ms von %2 zurückgehalten</translation>
    </message>
    <message>
        <source>dropped: the receiver left</source>
        <translation>verworfen: der Empfänger ist gegangen</translation>
    </message>
    <message>
        <source>dropped: %1 frames held or waiting (limit %2)</source>
        <translation>verworfen: %1 Frames zurückgehalten oder wartend (Grenze %2)</translation>
    </message>
    <message>
        <source>dropped: %1 bytes held or waiting for the receiver (limit %2)</source>
        <translation>verworfen: %1 Bytes für den Empfänger zurückgehalten oder wartend (Grenze %2)</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>client closed</source>
        <translation>vom Client geschlossen</translation>
    </message>
    <message>
        <source>broker stopped</source>
        <translation>Broker gestoppt</translation>
    </message>
    <message>
        <source>disconnected by you</source>
        <translation>von Ihnen getrennt</translation>
    </message>
    <message>
        <source>slow consumer</source>
        <translation>langsamer Empfänger</translation>
    </message>
    <message>
        <source>message too big</source>
        <translation>Nachricht zu groß</translation>
    </message>
    <message>
        <source>invalid UTF-8</source>
        <translation>ungültiges UTF-8</translation>
    </message>
    <message>
        <source>ping timeout</source>
        <translation>Ping-Zeitüberschreitung</translation>
    </message>
    <message>
        <source>token refused</source>
        <translation>Token abgelehnt</translation>
    </message>
    <message>
        <source>origin refused</source>
        <translation>Origin abgelehnt</translation>
    </message>
    <message>
        <source>too many connections</source>
        <translation>zu viele Verbindungen</translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation>Protokollfehler</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>partly delivered</source>
        <translation>teilweise zugestellt</translation>
    </message>
    <message>
        <source>unknown destination</source>
        <translation>unbekanntes Ziel</translation>
    </message>
    <message>
        <source>answer dropped</source>
        <translation>Antwort verworfen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignoriert</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>id bound</source>
        <translation>ID gebunden</translation>
    </message>
    <message>
        <source>id released</source>
        <translation>ID freigegeben</translation>
    </message>
    <message>
        <source>room created</source>
        <translation>Raum erstellt</translation>
    </message>
    <message>
        <source>room removed</source>
        <translation>Raum entfernt</translation>
    </message>
    <message>
        <source>(binary)</source>
        <translation>(binär)</translation>
    </message>
    <message>
        <source>(invalid)</source>
        <translation>(ungültig)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>handshake refused</source>
        <translation>Handshake abgelehnt</translation>
    </message>
    <message>
        <source>handshake timed out</source>
        <translation>Handshake-Zeitüberschreitung</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>closed by a traffic rule</source>
        <translation>von einer Verkehrsregel geschlossen</translation>
    </message>
</context>
<context>
    <name>FrameComparison</name>
    <message>
        <source>Those frames are no longer in the log.</source>
        <translation>Diese Frames sind nicht mehr im Protokoll.</translation>
    </message>
    <message>
        <source>Only frames can be compared, not broker events.</source>
        <translation>Nur Frames lassen sich vergleichen, keine Broker-Ereignisse.</translation>
    </message>
    <message>
        <source>A binary frame cannot be compared as JSON.</source>
        <translation>Ein binärer Frame lässt sich nicht als JSON vergleichen.</translation>
    </message>
    <message>
        <source>The bytes of one of the frames were not recorded whole.</source>
        <translation>Die Bytes eines der Frames wurden nicht vollständig aufgezeichnet.</translation>
    </message>
</context>
<context>
    <name>FrameDetailsView</name>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Copy the text of the current tab</source>
        <translation>Text des aktuellen Tabs kopieren</translation>
    </message>
    <message>
        <source>connection #%1</source>
        <translation>Verbindung #%1</translation>
    </message>
    <message>
        <source>%1 (connection #%2)</source>
        <translation>%1 (Verbindung #%2)</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 empfangen</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 gesendet</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; %2 · room &lt;b&gt;%3&lt;/b&gt; · %4 · %n byte(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; %2 · Raum &lt;b&gt;%3&lt;/b&gt; · %4 · %n Byte</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; %2 · Raum &lt;b&gt;%3&lt;/b&gt; · %4 · %n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Only the first %n byte(s) were recorded.</source>
        <translation>
            <numerusform>Nur %n Byte wurde aufgezeichnet.</numerusform>
            <numerusform>Nur die ersten %n Bytes wurden aufgezeichnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>(binary frame: see the hex view)</source>
        <translation>(Binär-Frame: siehe Hex-Ansicht)</translation>
    </message>
    <message>
        <source>Select a frame in the log to see it here.</source>
        <translation>Wählen Sie einen Frame im Log aus, um ihn hier zu sehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 · room &lt;b&gt;%3&lt;/b&gt; · %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 · Raum &lt;b&gt;%3&lt;/b&gt; · %4</translation>
    </message>
    <message>
        <source>A broker event is not a frame: it has no bytes</source>
        <translation>Ein Broker-Ereignis ist kein Frame: es hat keine Bytes</translation>
    </message>
    <message>
        <source>Room: %1
Client: %2</source>
        <translation>Raum: %1
Client: %2</translation>
    </message>
    <message>
        <source>&lt;i&gt;Showing the first %1 of %2 bytes.&lt;/i&gt; &lt;a href=&quot;more&quot;&gt;Show more&lt;/a&gt;</source>
        <translation>&lt;i&gt;Die ersten %1 von %2 Bytes werden angezeigt.&lt;/i&gt; &lt;a href=&quot;more&quot;&gt;Mehr anzeigen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;The JSON tab shows the first %1 lines.&lt;/i&gt; &lt;a href=&quot;more&quot;&gt;Show more&lt;/a&gt;</source>
        <translation>&lt;i&gt;Der JSON-Tab zeigt die ersten %1 Zeilen.&lt;/i&gt; &lt;a href=&quot;more&quot;&gt;Mehr anzeigen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>The capture&apos;s writer was too far behind when this frame came: its bytes were not recorded.</source>
        <translation>Das Schreiben der Aufzeichnung lag zu weit zurück, als dieser Frame kam: Seine Bytes wurden nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>What changed since the previous frame like this one, or between two frames selected with Ctrl+click</source>
        <translation>Was sich seit dem vorigen gleichartigen Frame geändert hat, oder zwischen zwei mit Strg+Klick ausgewählten Frames</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>Nicht zugestellt: %1</translation>
    </message>
    <message>
        <source>Traffic control: %1</source>
        <translation>Verkehrssteuerung: %1</translation>
    </message>
    <message>
        <source>Plot This Path</source>
        <translation>Diesen Pfad plotten</translation>
    </message>
    <message>
        <source>Only the members of a text frame&apos;s JSON can be plotted</source>
        <translation>Nur die Mitglieder des JSON eines Text-Frames lassen sich plotten</translation>
    </message>
    <message>
        <source>Right-click a member of the frame to plot its values</source>
        <translation>Rechtsklick auf ein Mitglied des Frames, um seine Werte zu plotten</translation>
    </message>
    <message>
        <source>%1 is not a number here: only numbers can be plotted</source>
        <translation>%1 ist hier keine Zahl: Nur Zahlen lassen sich plotten</translation>
    </message>
    <message>
        <source>Plot the numbers clients send at %1 over time, a line per client</source>
        <translation>Die Zahlen, die Clients unter %1 senden, über die Zeit plotten, eine Linie pro Client</translation>
    </message>
</context>
<context>
    <name>FrameDiffView</name>
    <message>
        <source>Select one frame to compare it with the previous one like it, or two frames (Ctrl+click) to compare them.</source>
        <translation>Wählen Sie einen Frame, um ihn mit dem vorigen gleichartigen zu vergleichen, oder zwei Frames (Strg+Klick), um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>The two selected frames</source>
        <translation>Die zwei ausgewählten Frames</translation>
    </message>
    <message>
        <source>No earlier %1 of %2 in this room in the log to compare with.</source>
        <translation>Kein früheres %1 von %2 in diesem Raum im Protokoll zum Vergleichen.</translation>
    </message>
    <message>
        <source>A broker event is not a frame: there is nothing to compare.</source>
        <translation>Ein Broker-Ereignis ist kein Frame: Es gibt nichts zu vergleichen.</translation>
    </message>
    <message>
        <source>Compared with the previous %1 of %2, at %3 (&lt;a href=&quot;other&quot;&gt;show it&lt;/a&gt;)</source>
        <translation>Verglichen mit dem vorigen %1 von %2 um %3 (&lt;a href=&quot;other&quot;&gt;anzeigen&lt;/a&gt;)</translation>
    </message>
    <message>
        <source>Select a frame to compare it with the previous one like it, or two frames (Ctrl+click) to compare them.</source>
        <translation>Wählen Sie einen Frame, um ihn mit dem vorigen gleichartigen zu vergleichen, oder zwei Frames (Strg+Klick), um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>The filters hide that frame.</source>
        <translation>Die Filter blenden diesen Frame aus.</translation>
    </message>
</context>
<context>
    <name>FrameFilterProxyModel</name>
    <message>
        <source>%1 at position %2</source>
        <translation>%1 an Position %2</translation>
    </message>
</context>
<context>
    <name>FrameLogFile</name>
    <message>
        <source>cannot write: %1</source>
        <translation>Schreiben nicht möglich: %1</translation>
    </message>
    <message>
        <source>line %1 is not a frame log entry%2</source>
        <translation>Zeile %1 ist kein Eintrag eines Frame-Logs%2</translation>
    </message>
    <message>
        <source> (%1 at offset %2)</source>
        <translation> (%1 an Offset %2)</translation>
    </message>
</context>
<context>
    <name>FrameLogModel</name>
    <message>
        <source>connection opened</source>
        <translation>Verbindung geöffnet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>registered as %1</source>
        <translation>registriert als %1</translation>
    </message>
    <message>
        <source>registered as %1 (%2)</source>
        <translation>registriert als %1 (%2)</translation>
    </message>
    <message>
        <source>released %1</source>
        <translation>%1 freigegeben</translation>
    </message>
    <message>
        <source>released %1 (%2)</source>
        <translation>%1 freigegeben (%2)</translation>
    </message>
    <message>
        <source>room %1 created</source>
        <translation>Raum %1 erstellt</translation>
    </message>
    <message>
        <source>room %1 removed</source>
        <translation>Raum %1 entfernt</translation>
    </message>
    <message>
        <source>binary: %1</source>
        <translation>binär: %1</translation>
    </message>
    <message>
        <source>to %1: %2</source>
        <translation>an %1: %2</translation>
    </message>
    <message>
        <source>from %1: %2</source>
        <translation>von %1: %2</translation>
    </message>
    <message>
        <source>%1 [%2: %3]</source>
        <translation>%1 [%2: %3]</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>From the client to the broker</source>
        <translation>Vom Client zum Broker</translation>
    </message>
    <message>
        <source>From the broker to the client</source>
        <translation>Vom Broker zum Client</translation>
    </message>
    <message>
        <source>Broker event</source>
        <translation>Broker-Ereignis</translation>
    </message>
    <message>
        <source>%1 bytes, first %2 recorded</source>
        <translation>%1 Bytes, die ersten %2 aufgezeichnet</translation>
    </message>
    <message>
        <source>ack %1</source>
        <translation>Ack %1</translation>
    </message>
    <message>
        <source>No answer after %1</source>
        <translation>Keine Antwort nach %1</translation>
    </message>
    <message>
        <source>Waiting for an answer</source>
        <translation>Wartet auf Antwort</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>%1
Connection %2</source>
        <translation>%1
Verbindung %2</translation>
    </message>
    <message>
        <source>%1 [not delivered: %2]</source>
        <translation>%1 [nicht zugestellt: %2]</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>Nicht zugestellt: %1</translation>
    </message>
    <message>
        <source>Traffic control: %1</source>
        <translation>Verkehrssteuerung: %1</translation>
    </message>
    <message>
        <source>violates %1 · %2</source>
        <translation>verstößt gegen %1 · %2</translation>
    </message>
    <message>
        <source>Contract violation at %1: %2</source>
        <translation>Vertragsverstoß bei %1: %2</translation>
    </message>
</context>
<context>
    <name>HarReader</name>
    <message>
        <source>HAR entry %1: %2</source>
        <translation>HAR-Eintrag %1: %2</translation>
    </message>
    <message>
        <source>HAR entry %1: message type &quot;%2&quot; is neither send nor receive</source>
        <translation>HAR-Eintrag %1: Nachrichtentyp „%2“ ist weder send noch receive</translation>
    </message>
    <message>
        <source>HAR entry %1: not valid JSON: %2</source>
        <translation>HAR-Eintrag %1: kein gültiges JSON: %2</translation>
    </message>
    <message>
        <source>line %1: not a valid HAR: %2</source>
        <translation>Zeile %1: kein gültiges HAR: %2</translation>
    </message>
    <message>
        <source>line 1: not a HAR: there is no &quot;log&quot; member</source>
        <translation>Zeile 1: kein HAR: es gibt kein Element „log“</translation>
    </message>
</context>
<context>
    <name>HeadlessContracts</name>
    <message numerus="yes">
        <source>contracts: %n event(s) not checked (the checker fell behind)</source>
        <translation>
            <numerusform>Verträge: %n Ereignis nicht geprüft (die Prüfung kam nicht nach)</numerusform>
            <numerusform>Verträge: %n Ereignisse nicht geprüft (die Prüfung kam nicht nach)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessRecording</name>
    <message>
        <source>recording stopped: %1</source>
        <translation>Aufzeichnung angehalten: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: the capture&apos;s budget (%2 MiB, %3 frames) has discarded the oldest %n frame(s) so far</source>
        <translation>
            <numerusform>%1: das Budget des Mitschnitts (%2 MiB, %3 Frames) hat bisher den ältesten Frame (%n) verworfen</numerusform>
            <numerusform>%1: das Budget des Mitschnitts (%2 MiB, %3 Frames) hat bisher die ältesten %n Frames verworfen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the disk did not keep up; %n frame(s) were not written so far</source>
        <translation>
            <numerusform>%1: der Datenträger kam nicht nach; bisher wurde %n Frame nicht geschrieben</numerusform>
            <numerusform>%1: der Datenträger kam nicht nach; bisher wurden %n Frames nicht geschrieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessReplay</name>
    <message>
        <source>replay: waiting for the live client(s) %1</source>
        <translation>replay: warte auf den/die echten Client(s) %1</translation>
    </message>
    <message>
        <source>--junit: cannot write %1: %2</source>
        <translation>--junit: %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 gesendet</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 empfangen</translation>
    </message>
    <message>
        <source>replay of %1</source>
        <translation>Wiedergabe von %1</translation>
    </message>
    <message>
        <source>replay: %1 frames sent by simulated clients in %2 s</source>
        <translation>replay: %1 Frames von simulierten Clients gesendet in %2 s</translation>
    </message>
</context>
<context>
    <name>HeadlessScripts</name>
    <message>
        <source>script stopped: %1</source>
        <translation>Skript angehalten: %1</translation>
    </message>
</context>
<context>
    <name>HeldFrameModel</name>
    <message>
        <source>Release refused: %1</source>
        <translation>Freigabe abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>(other)</source>
        <translation>(anderes)</translation>
    </message>
    <message>
        <source>refused: %1 · %2</source>
        <translation>abgelehnt: %1 · %2</translation>
    </message>
    <message>
        <source>Held at</source>
        <translation>Angehalten um</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>From → To</source>
        <translation>Von → An</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Frame</translation>
    </message>
    <message>
        <source>Held for</source>
        <translation>Gehalten seit</translation>
    </message>
</context>
<context>
    <name>HeldFramesPanel</name>
    <message>
        <source>&amp;Release</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Release &amp;Edited</source>
        <translation>&amp;Bearbeitet freigeben</translation>
    </message>
    <message>
        <source>&amp;Drop</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Release &amp;All</source>
        <translation>&amp;Alle freigeben</translation>
    </message>
    <message>
        <source>Select a held frame to see and edit its JSON</source>
        <translation>Wählen Sie einen angehaltenen Frame, um sein JSON zu sehen und zu bearbeiten</translation>
    </message>
    <message>
        <source>Send the frame on as it was held</source>
        <translation>Den Frame so weitersenden, wie er angehalten wurde</translation>
    </message>
    <message>
        <source>Send the edited JSON instead of the held frame (Ctrl+Enter)</source>
        <translation>Das bearbeitete JSON statt des angehaltenen Frames senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Discard the frame: its receiver never gets it</source>
        <translation>Den Frame verwerfen: sein Empfänger erhält ihn nie</translation>
    </message>
    <message>
        <source>Send every held frame on as it was held</source>
        <translation>Jeden angehaltenen Frame so weitersenden, wie er angehalten wurde</translation>
    </message>
    <message>
        <source>Not valid JSON, cannot release the edit: %1</source>
        <translation>Kein gültiges JSON, die Änderung kann nicht freigegeben werden: %1</translation>
    </message>
    <message>
        <source>A frame must stay a JSON object to be released edited.</source>
        <translation>Ein Frame muss ein JSON-Objekt bleiben, um bearbeitet freigegeben zu werden.</translation>
    </message>
    <message>
        <source>The broker refused the edit: %1</source>
        <translation>Der Broker hat die Änderung abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>JsonDiff</name>
    <message>
        <source>The older frame is not JSON.</source>
        <translation>Der ältere Frame ist kein JSON.</translation>
    </message>
    <message>
        <source>The newer frame is not JSON.</source>
        <translation>Der neuere Frame ist kein JSON.</translation>
    </message>
</context>
<context>
    <name>JsonDiffModel</name>
    <message>
        <source>(the whole message)</source>
        <translation>(die ganze Nachricht)</translation>
    </message>
    <message>
        <source>No difference</source>
        <translation>Kein Unterschied</translation>
    </message>
    <message>
        <source>%1 changed, %2 added, %3 removed</source>
        <translation>%1 geändert, %2 hinzugefügt, %3 entfernt</translation>
    </message>
    <message>
        <source>%1 (the first %2 changes; there are more)</source>
        <translation>%1 (die ersten %2 Änderungen; es gibt weitere)</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>JsonEditor</name>
    <message>
        <source>JSON value, e.g. {&quot;hello&quot;: &quot;world&quot;}</source>
        <translation>JSON-Wert, z. B. {&quot;hello&quot;: &quot;world&quot;}</translation>
    </message>
    <message>
        <source>Empty: type a JSON value</source>
        <translation>Leer: einen JSON-Wert eingeben</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
</context>
<context>
    <name>JsonPath</name>
    <message>
        <source>expected a member name (column %1)</source>
        <translation>Name eines Mitglieds erwartet (Spalte %1)</translation>
    </message>
    <message>
        <source>index too large (column %1)</source>
        <translation>Index zu groß (Spalte %1)</translation>
    </message>
    <message>
        <source>unterminated name (column %1)</source>
        <translation>Name nicht abgeschlossen (Spalte %1)</translation>
    </message>
    <message>
        <source>invalid quoted name (column %1)</source>
        <translation>ungültiger Name in Anführungszeichen (Spalte %1)</translation>
    </message>
    <message>
        <source>expected an index or a quoted name (column %1)</source>
        <translation>Index oder Name in Anführungszeichen erwartet (Spalte %1)</translation>
    </message>
    <message>
        <source>expected ] (column %1)</source>
        <translation>] erwartet (Spalte %1)</translation>
    </message>
    <message>
        <source>unexpected character (column %1)</source>
        <translation>unerwartetes Zeichen (Spalte %1)</translation>
    </message>
</context>
<context>
    <name>JsonPathCondition</name>
    <message>
        <source>only &amp;&amp; joins conditions</source>
        <translation>nur &amp;&amp; verbindet Bedingungen</translation>
    </message>
    <message>
        <source>expected &amp;&amp; (two ampersands)</source>
        <translation>&amp;&amp; erwartet (zwei Et-Zeichen)</translation>
    </message>
    <message>
        <source>expected &amp;&amp; between conditions</source>
        <translation>&amp;&amp; zwischen Bedingungen erwartet</translation>
    </message>
    <message>
        <source>%1 (column %2)</source>
        <translation>%1 (Spalte %2)</translation>
    </message>
    <message>
        <source>a condition with ! takes no operator</source>
        <translation>eine Bedingung mit ! hat keinen Operator</translation>
    </message>
    <message>
        <source>expected an operator after %1</source>
        <translation>Operator nach %1 erwartet</translation>
    </message>
    <message>
        <source>%1 compares numbers and strings only</source>
        <translation>%1 vergleicht nur Zahlen und Zeichenketten</translation>
    </message>
    <message>
        <source>use == to compare</source>
        <translation>zum Vergleichen == verwenden</translation>
    </message>
    <message>
        <source>expected a path</source>
        <translation>Pfad erwartet</translation>
    </message>
    <message>
        <source>expected a member name after . (write other names as [&quot;name&quot;])</source>
        <translation>Membername nach . erwartet (andere Namen als [&quot;name&quot;] schreiben)</translation>
    </message>
    <message>
        <source>write a name with other characters as [&quot;name&quot;]</source>
        <translation>einen Namen mit anderen Zeichen als [&quot;name&quot;] schreiben</translation>
    </message>
    <message>
        <source>index too large</source>
        <translation>Index zu groß</translation>
    </message>
    <message>
        <source>expected an index or a quoted name after [</source>
        <translation>Index oder Name in Anführungszeichen nach [ erwartet</translation>
    </message>
    <message>
        <source>expected ]</source>
        <translation>] erwartet</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>nicht abgeschlossene Zeichenkette</translation>
    </message>
    <message>
        <source>invalid escape in string</source>
        <translation>ungültige Escape-Sequenz in der Zeichenkette</translation>
    </message>
    <message>
        <source>expected a value after %1</source>
        <translation>Wert nach %1 erwartet</translation>
    </message>
    <message>
        <source>%1 is not a value: write a string in double quotes</source>
        <translation>%1 ist kein Wert: Zeichenketten in doppelte Anführungszeichen setzen</translation>
    </message>
    <message>
        <source>expected a value after %1 (a number, a string in double quotes, true, false or null)</source>
        <translation>Wert nach %1 erwartet (eine Zahl, eine Zeichenkette in doppelten Anführungszeichen, true, false oder null)</translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation>ungültige Zahl</translation>
    </message>
</context>
<context>
    <name>LastValuesModel</name>
    <message numerus="yes">
        <source>binary, %n byte(s)</source>
        <translation>
            <numerusform>binär, %n Byte</numerusform>
            <numerusform>binär, %n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Letzte Nachricht</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
</context>
<context>
    <name>Listener</name>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>Lauschen auf %1:%2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>answered HTTP %1 %2</source>
        <translation>mit HTTP %1 %2 beantwortet</translation>
    </message>
    <message>
        <source>no complete opening handshake within %1 ms</source>
        <translation>kein vollständiger Eröffnungs-Handshake innerhalb von %1 ms</translation>
    </message>
</context>
<context>
    <name>Liveness</name>
    <message>
        <source>no answer to ping for %1 ms</source>
        <translation>seit %1 ms keine Antwort auf Ping</translation>
    </message>
</context>
<context>
    <name>LogFileWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 — WSMsgBroker</source>
        <translation>%1 — WSMsgBroker</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Reading %p%</source>
        <translation>Lesen: %p%</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 Frames</translation>
    </message>
    <message>
        <source>Could not open everything: %1</source>
        <translation>Nicht alles konnte geöffnet werden: %1</translation>
    </message>
    <message>
        <source>%1 of %2 frames</source>
        <translation>%1 von %2 Frames</translation>
    </message>
    <message>
        <source> · searching…</source>
        <translation> · Suche läuft…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Capture (*.wscap);;JSON Lines, filtered (*.jsonl);;HAR, filtered (*.har)</source>
        <translation>Mitschnitt (*.wscap);;JSON Lines, gefiltert (*.jsonl);;HAR, gefiltert (*.har)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>LogFilterBar</name>
    <message>
        <source>Filter: text, room, client or action</source>
        <translation>Filter: Text, Raum, Client oder Aktion</translation>
    </message>
    <message>
        <source>Treat the text as a regular expression</source>
        <translation>Text als regulären Ausdruck behandeln</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>In and out</source>
        <translation>Empfangen und gesendet</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Direction of the frames to show</source>
        <translation>Richtung der anzuzeigenden Frames</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Clear every filter</source>
        <translation>Alle Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Rooms whose name contains this text (the leading / is optional)</source>
        <translation>Räume, deren Name diesen Text enthält (der führende / ist optional)</translation>
    </message>
    <message>
        <source>Clients whose id contains this text</source>
        <translation>Clients, deren ID diesen Text enthält</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Invalid regular expression, the text filter is off: %1</source>
        <translation>Ungültiger regulärer Ausdruck, der Textfilter ist aus: %1</translation>
    </message>
    <message>
        <source>All system events</source>
        <translation>Alle Systemereignisse</translation>
    </message>
    <message>
        <source>Show only rows with this action or system event</source>
        <translation>Nur Zeilen mit dieser Aktion oder diesem Systemereignis zeigen</translation>
    </message>
    <message>
        <source>JSON condition, e.g. message.price &gt; 100</source>
        <translation>JSON-Bedingung, z. B. message.price &gt; 100</translation>
    </message>
    <message>
        <source>JSON condition: message.price &gt; 100 &amp;&amp; message.type == &quot;order&quot;</source>
        <translation>JSON-Bedingung: message.price &gt; 100 &amp;&amp; message.type == &quot;order&quot;</translation>
    </message>
    <message>
        <source>Regular expression over text, room, client or action</source>
        <translation>Regulärer Ausdruck über Text, Raum, Client oder Aktion</translation>
    </message>
    <message>
        <source>Invalid condition, the text filter is off: %1</source>
        <translation>Ungültige Bedingung, der Textfilter ist aus: %1</translation>
    </message>
</context>
<context>
    <name>LogMatchHint</name>
    <message numerus="yes">
        <source>0 of %n frame(s) match the filters</source>
        <translation>
            <numerusform>0 von %n Frame passt zu den Filtern</numerusform>
            <numerusform>0 von %n Frames passen zu den Filtern</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>WSMsgBroker</source>
        <translation>WSMsgBroker</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export Log…</source>
        <translation>Log &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Broker</source>
        <translation>&amp;Broker</translation>
    </message>
    <message>
        <source>S&amp;top Broker</source>
        <translation>Broker &amp;stoppen</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>URL &amp;kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Log</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Pause the log; frames keep being recorded and appear on resume</source>
        <translation>Log anhalten; Frames werden weiter aufgezeichnet und erscheinen beim Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Follow Newest Frames</source>
        <translation>&amp;Neuesten Frames folgen</translation>
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation>Ctrl+End</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>F&amp;iltern…</translation>
    </message>
    <message>
        <source>Show &amp;All Frames</source>
        <translation>Alle Frames &amp;zeigen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About WSMsgBroker</source>
        <translation>&amp;Über WSMsgBroker</translation>
    </message>
    <message>
        <source>About WSMsgBroker</source>
        <translation>Über WSMsgBroker</translation>
    </message>
    <message>
        <source>&lt;h3&gt;WSMsgBroker %1&lt;/h3&gt;&lt;p&gt;A WebSocket message broker for the wsmsgbroker protocol that shows its traffic live.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;WSMsgBroker %1&lt;/h3&gt;&lt;p&gt;Ein WebSocket-Message-Broker für das wsmsgbroker-Protokoll, der seinen Datenverkehr live anzeigt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Rooms and Clients</source>
        <translation>Räume und Clients</translation>
    </message>
    <message>
        <source>Recently Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Frame Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Click to copy the broker&apos;s URL</source>
        <translation>Klicken, um die URL des Brokers zu kopieren</translation>
    </message>
    <message>
        <source>S&amp;tart Broker</source>
        <translation>Broker &amp;starten</translation>
    </message>
    <message>
        <source>Listening on &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Lauscht auf &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
    <message>
        <source>Broker stopped</source>
        <translation>Broker gestoppt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Broker not running:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Broker läuft nicht:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>The broker could not start: %1. &lt;a href=&quot;settings&quot;&gt;Change the address or port…&lt;/a&gt;</source>
        <translation>Der Broker konnte nicht starten: %1. &lt;a href=&quot;settings&quot;&gt;Adresse oder Port ändern…&lt;/a&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Paused: %n new frame(s) waiting. &lt;a href=&quot;resume&quot;&gt;Resume&lt;/a&gt;</source>
        <translation>
            <numerusform>Angehalten: %n neuer Frame wartet. &lt;a href=&quot;resume&quot;&gt;Fortsetzen&lt;/a&gt;</numerusform>
            <numerusform>Angehalten: %n neue Frames warten. &lt;a href=&quot;resume&quot;&gt;Fortsetzen&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older frame(s) left the log (it keeps the newest %1). &lt;a href=&quot;dismiss&quot;&gt;Dismiss&lt;/a&gt;</source>
        <translation>
            <numerusform>%n älterer Frame hat das Log verlassen (es behält die neuesten %1). &lt;a href=&quot;dismiss&quot;&gt;Ausblenden&lt;/a&gt;</numerusform>
            <numerusform>%n ältere Frames haben das Log verlassen (es behält die neuesten %1). &lt;a href=&quot;dismiss&quot;&gt;Ausblenden&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n Raum</numerusform>
            <numerusform>%n Räume</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n Client</numerusform>
            <numerusform>%n Clients</numerusform>
        </translation>
    </message>
    <message>
        <source> (+%1 unregistered)</source>
        <translation> (+%1 nicht registriert)</translation>
    </message>
    <message>
        <source>in %1/s · out %2/s</source>
        <translation>ein %1/s · aus %2/s</translation>
    </message>
    <message>
        <source>dropped %1 · errors %2</source>
        <translation>verworfen %1 · Fehler %2</translation>
    </message>
    <message>
        <source>Unknown destinations %1, dropped answers %2, undelivered %3; error replies %4</source>
        <translation>Unbekannte Ziele: %1, verworfene Antworten: %2, nicht zugestellt: %3; Fehlerantworten: %4</translation>
    </message>
    <message>
        <source>Show Only This Room in the Log</source>
        <translation>Nur diesen Raum im Log zeigen</translation>
    </message>
    <message>
        <source>Send Message…</source>
        <translation>Nachricht senden…</translation>
    </message>
    <message>
        <source>Copy Id</source>
        <translation>ID kopieren</translation>
    </message>
    <message>
        <source>Show Only This Client in the Log</source>
        <translation>Nur diesen Client im Log zeigen</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Export Log</source>
        <translation>Log exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;HAR, as browsers save it (*.har)</source>
        <translation>JSON Lines (*.jsonl);;HAR, wie Browser es speichern (*.har)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n frame(s) to %1</source>
        <translation>
            <numerusform>%n Frame in %1 gespeichert</numerusform>
            <numerusform>%n Frames in %1 gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>Test Console</source>
        <translation>Testkonsole</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) came faster than the log records (%1 a second) and were only counted.</source>
        <translation>
            <numerusform>%n Frame kam schneller, als das Log aufzeichnet (%1 pro Sekunde), und wurde nur gezählt.</numerusform>
            <numerusform>%n Frames kamen schneller, als das Log aufzeichnet (%1 pro Sekunde), und wurden nur gezählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart the Broker?</source>
        <translation>Broker neu starten?</translation>
    </message>
    <message>
        <source>These settings take effect when the broker restarts.</source>
        <translation>Diese Einstellungen werden beim Neustart des Brokers wirksam.</translation>
    </message>
    <message numerus="yes">
        <source>Restarting disconnects %n client(s).</source>
        <translation>
            <numerusform>Der Neustart trennt %n Client.</numerusform>
            <numerusform>Der Neustart trennt %n Clients.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Filter the log</source>
        <translation>Das Protokoll filtern</translation>
    </message>
    <message>
        <source>Pause / resume the log</source>
        <translation>Das Protokoll anhalten / fortsetzen</translation>
    </message>
    <message>
        <source>Clear the log</source>
        <translation>Das Protokoll leeren</translation>
    </message>
    <message>
        <source>Follow the newest frames again</source>
        <translation>Wieder den neuesten Frames folgen</translation>
    </message>
    <message>
        <source>Start / stop the broker</source>
        <translation>Den Broker starten / stoppen</translation>
    </message>
    <message>
        <source>Show the test console</source>
        <translation>Die Testkonsole zeigen</translation>
    </message>
    <message>
        <source>Copy the broker&apos;s URL</source>
        <translation>Die URL des Brokers kopieren</translation>
    </message>
    <message>
        <source>Ctrl+O / Ctrl+S</source>
        <translation>Ctrl+O / Ctrl+S</translation>
    </message>
    <message>
        <source>Open / export a log</source>
        <translation>Ein Protokoll öffnen / exportieren</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Eingabe</translation>
    </message>
    <message>
        <source>Send, in the console</source>
        <translation>Senden, in der Konsole</translation>
    </message>
    <message>
        <source>Up / Down</source>
        <translation>Hoch / Runter</translation>
    </message>
    <message>
        <source>The console&apos;s history, in its editor</source>
        <translation>Der Verlauf der Konsole, in ihrem Editor</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>The last session ended unexpectedly; its capture was kept. &lt;a href=&quot;open-last&quot;&gt;Open it&lt;/a&gt; · &lt;a href=&quot;dismiss-last&quot;&gt;Dismiss&lt;/a&gt;</source>
        <translation>Die letzte Sitzung wurde unerwartet beendet; ihr Mitschnitt wurde aufbewahrt. &lt;a href=&quot;open-last&quot;&gt;Öffnen&lt;/a&gt; · &lt;a href=&quot;dismiss-last&quot;&gt;Verwerfen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>This session is not recorded to disk: %1. The log keeps the newest frames in memory.</source>
        <translation>Diese Sitzung wird nicht auf die Festplatte aufgezeichnet: %1. Das Log behält die neuesten Frames im Speicher.</translation>
    </message>
    <message numerus="yes">
        <source>The capture&apos;s budget (%1 MiB, %2 frames) discarded the %n oldest frame(s).</source>
        <translation>
            <numerusform>Das Budget des Mitschnitts (%1 MiB, %2 Frames) hat den ältesten Frame (%n) verworfen.</numerusform>
            <numerusform>Das Budget des Mitschnitts (%1 MiB, %2 Frames) hat die %n ältesten Frames verworfen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Captures and frame logs (*.wscap *.jsonl *.har *.json);;All files (*)</source>
        <translation>Mitschnitte und Frame-Logs (*.wscap *.jsonl *.har *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save Capture As</source>
        <translation>Mitschnitt speichern unter</translation>
    </message>
    <message>
        <source>This session is not being recorded to disk.</source>
        <translation>Diese Sitzung wird nicht auf die Festplatte aufgezeichnet.</translation>
    </message>
    <message>
        <source>Capture (*.wscap)</source>
        <translation>Mitschnitt (*.wscap)</translation>
    </message>
    <message>
        <source>Saved the capture to %1</source>
        <translation>Mitschnitt unter %1 gespeichert</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <source>Open a capture, JSON Lines log or HAR in a window of its own</source>
        <translation>Einen Mitschnitt, ein JSON-Lines-Log oder ein HAR in einem eigenen Fenster öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Last Session</source>
        <translation>&amp;Letzte Sitzung öffnen</translation>
    </message>
    <message>
        <source>Save Capture &amp;As…</source>
        <translation>Mitschnitt speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Mitschnitt</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) came faster than the capture could write them: their rows are in the log, their bytes were not recorded.</source>
        <translation>
            <numerusform>%n Frame kam schneller, als die Aufzeichnung ihn schreiben konnte: Seine Zeile steht im Log, seine Bytes wurden nicht aufgezeichnet.</numerusform>
            <numerusform>%n Frames kamen schneller, als die Aufzeichnung sie schreiben konnte: Ihre Zeilen stehen im Log, ihre Bytes wurden nicht aufgezeichnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Held (%1)</source>
        <translation>Angehalten (%1)</translation>
    </message>
    <message>
        <source>Delay This Room…</source>
        <translation>Diesen Raum verzögern…</translation>
    </message>
    <message>
        <source>Delay This Room</source>
        <translation>Diesen Raum verzögern</translation>
    </message>
    <message>
        <source>Delay every frame to the clients of %1 by (ms):</source>
        <translation>Jeden Frame an die Clients von %1 verzögern um (ms):</translation>
    </message>
    <message>
        <source>delay %1</source>
        <translation>Verzögerung %1</translation>
    </message>
    <message>
        <source>Hold Frames to This Client</source>
        <translation>Frames an diesen Client anhalten</translation>
    </message>
    <message>
        <source>hold %1</source>
        <translation>anhalten %1</translation>
    </message>
    <message>
        <source>Added the traffic rule &quot;%1&quot;: %2, %3</source>
        <translation>Verkehrsregel „%1“ hinzugefügt: %2, %3</translation>
    </message>
    <message>
        <source>Peer Scripts</source>
        <translation>Peer-Skripte</translation>
    </message>
    <message>
        <source>Re&amp;play Recording…</source>
        <translation>Aufzeichnung &amp;wiedergeben…</translation>
    </message>
    <message>
        <source>Play a capture, JSON Lines log or HAR into this broker, simulating its clients, and compare what happens with the recording</source>
        <translation>Eine Aufzeichnung, ein JSON-Lines-Protokoll oder ein HAR in diesen Broker abspielen, seine Clients simulieren und das Geschehen mit der Aufzeichnung vergleichen</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Replay Recording</source>
        <translation>Aufzeichnung wiedergeben</translation>
    </message>
    <message>
        <source>The broker is not running: start it first (Broker → Start).</source>
        <translation>Der Broker läuft nicht: Starten Sie ihn zuerst (Broker → Starten).</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>Load Schemas &amp;Folder…</source>
        <translation>&amp;Schema-Ordner laden…</translation>
    </message>
    <message>
        <source>Load Schemas from AsyncAPI &amp;Document…</source>
        <translation>Schemas aus AsyncAPI-&amp;Dokument laden…</translation>
    </message>
    <message>
        <source>Clear Schemas</source>
        <translation>Schemas entfernen</translation>
    </message>
    <message>
        <source>Load Schemas Folder</source>
        <translation>Schema-Ordner laden</translation>
    </message>
    <message>
        <source>Load Schemas from AsyncAPI Document</source>
        <translation>Schemas aus AsyncAPI-Dokument laden</translation>
    </message>
    <message>
        <source>AsyncAPI documents (*.json *.yaml *.yml)</source>
        <translation>AsyncAPI-Dokumente (*.json *.yaml *.yml)</translation>
    </message>
    <message numerus="yes">
        <source>%n schema(s) from %1</source>
        <translation>
            <numerusform>%n Schema aus %1</numerusform>
            <numerusform>%n Schemas aus %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Load Schemas</source>
        <translation>Schemas laden</translation>
    </message>
    <message>
        <source>Some schemas could not be used:
%1</source>
        <translation>Einige Schemas sind nicht verwendbar:
%1</translation>
    </message>
    <message>
        <source>No schemas loaded (File &gt; Load Schemas Folder… or Load Schemas from AsyncAPI Document…)</source>
        <translation>Keine Schemas geladen (Datei &gt; Schema-Ordner laden… oder Schemas aus AsyncAPI-Dokument laden…)</translation>
    </message>
    <message>
        <source>Right-click a number in the JSON tab of Frame Details and choose Plot This Path to plot its values here.</source>
        <translation>Rechtsklick auf eine Zahl im JSON-Tab der Details und „Diesen Pfad plotten“ wählen, um ihre Werte hier zu plotten.</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>Plots</translation>
    </message>
    <message>
        <source>Cannot plot %1: %2</source>
        <translation>%1 lässt sich nicht plotten: %2</translation>
    </message>
    <message>
        <source>By client</source>
        <translation>Pro Client</translation>
    </message>
    <message>
        <source>By room</source>
        <translation>Pro Raum</translation>
    </message>
    <message>
        <source>A line per client, or per room</source>
        <translation>Eine Linie pro Client oder pro Raum</translation>
    </message>
    <message>
        <source>Remove this plot</source>
        <translation>Diesen Plot entfernen</translation>
    </message>
    <message>
        <source>That frame has left the log.</source>
        <translation>Dieser Frame ist nicht mehr im Log.</translation>
    </message>
    <message>
        <source>The log&apos;s filters hide that frame.</source>
        <translation>Die Filter des Logs blenden diesen Frame aus.</translation>
    </message>
    <message>
        <source>That frame is no longer in the log</source>
        <translation>Dieser Frame ist nicht mehr im Log</translation>
    </message>
    <message>
        <source>That frame is hidden by the log&apos;s filters</source>
        <translation>Dieser Frame ist durch die Filter des Logs ausgeblendet</translation>
    </message>
    <message>
        <source>Last Values</source>
        <translation>Letzte Werte</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) were only counted: the broker records at most %1 a second, and drops what its monitor connection to this window cannot take.</source>
        <translation>
            <numerusform>%n Frame wurde nur gezählt: Der Broker zeichnet höchstens %1 pro Sekunde auf und verwirft, was seine Monitor-Verbindung zu diesem Fenster nicht aufnehmen kann.</numerusform>
            <numerusform>%n Frames wurden nur gezählt: Der Broker zeichnet höchstens %1 pro Sekunde auf und verwirft, was seine Monitor-Verbindung zu diesem Fenster nicht aufnehmen kann.</numerusform>
        </translation>
    </message>
    <message>
        <source>A&amp;ttach to Broker…</source>
        <translation>Mit &amp;Broker verbinden…</translation>
    </message>
    <message>
        <source>Show a headless broker running elsewhere, through its monitor endpoint (--monitor-token)</source>
        <translation>Einen anderswo laufenden Broker ohne Fenster über seinen Monitor-Endpunkt zeigen (--monitor-token)</translation>
    </message>
    <message>
        <source>&amp;Detach from Broker</source>
        <translation>Vom Broker &amp;lösen</translation>
    </message>
    <message>
        <source>Show this window&apos;s own broker again</source>
        <translation>Wieder den eigenen Broker dieses Fensters zeigen</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>Verbindung geschlossen</translation>
    </message>
    <message>
        <source>WSMsgBroker — attached to %1</source>
        <translation>WSMsgBroker — verbunden mit %1</translation>
    </message>
    <message>
        <source>Attached to &lt;b&gt;%1&lt;/b&gt; (control)</source>
        <translation>Verbunden mit &lt;b&gt;%1&lt;/b&gt; (Steuerung)</translation>
    </message>
    <message>
        <source>Attached to &lt;b&gt;%1&lt;/b&gt; (read-only)</source>
        <translation>Verbunden mit &lt;b&gt;%1&lt;/b&gt; (nur lesen)</translation>
    </message>
    <message>
        <source>Attaching to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Reconnecting to %1…</source>
        <translation>Verbinde erneut mit %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not attached:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Nicht verbunden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>%1 refused this window: %2. &lt;a href=&quot;attach&quot;&gt;Attach again…&lt;/a&gt;</source>
        <translation>%1 hat dieses Fenster abgewiesen: %2. &lt;a href=&quot;attach&quot;&gt;Erneut verbinden…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2); reconnecting…</source>
        <translation>%1 nicht erreichbar (%2); verbinde erneut…</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2); reconnecting…</source>
        <translation>Die Verbindung zu %1 ist verloren (%2); verbinde erneut…</translation>
    </message>
    <message>
        <source>The broker answered: %1 &lt;a href=&quot;dismiss-attach-error&quot;&gt;Dismiss&lt;/a&gt;</source>
        <translation>Der Broker antwortete: %1 &lt;a href=&quot;dismiss-attach-error&quot;&gt;Ausblenden&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>MonitorHub</name>
    <message>
        <source>unknown request &quot;%1&quot;</source>
        <translation>unbekannte Anfrage „%1“</translation>
    </message>
    <message>
        <source>%1 needs the control role (--monitor-control-token); this monitor is read-only</source>
        <translation>%1 braucht die Steuerungsrolle (--monitor-control-token); dieser Monitor darf nur lesen (read-only)</translation>
    </message>
    <message>
        <source>no open connection %1</source>
        <translation>keine offene Verbindung %1</translation>
    </message>
    <message>
        <source>setRules needs &quot;rules&quot;, an array as in a rules file</source>
        <translation>setRules braucht „rules“, ein Array wie in einer Regeldatei</translation>
    </message>
    <message>
        <source>rule &quot;%1&quot;: hold needs the broker&apos;s own window to release the frames; a monitor may delay or drop them</source>
        <translation>Regel „%1“: hold braucht das eigene Fenster des Brokers, um die Frames freizugeben; ein Monitor darf sie verzögern oder verwerfen</translation>
    </message>
    <message>
        <source>broker shutting down</source>
        <translation>Broker wird beendet</translation>
    </message>
</context>
<context>
    <name>MonitorProtocol</name>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>protocol version %1, this program speaks %2</source>
        <translation>Protokollversion %1, dieses Programm spricht %2</translation>
    </message>
    <message>
        <source>a message without a type</source>
        <translation>eine Nachricht ohne Typ</translation>
    </message>
</context>
<context>
    <name>NewFramesIndicator</name>
    <message>
        <source>Follow the newest frames again (Ctrl+End)</source>
        <translation>Wieder den neuesten Frames folgen (Ctrl+End)</translation>
    </message>
    <message numerus="yes">
        <source>%n new frame(s) below — Ctrl+End</source>
        <translation>
            <numerusform>%n neuer Frame unten — Ctrl+End</numerusform>
            <numerusform>%n neue Frames unten — Ctrl+End</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PathPlotModel</name>
    <message>
        <source>a path names a member, such as message.price</source>
        <translation>ein Pfad nennt ein Mitglied, etwa message.price</translation>
    </message>
</context>
<context>
    <name>PathPlotWidget</name>
    <message>
        <source>%1 = %2
%3 · room %4 · %5
Click to select this frame in the log</source>
        <translation>%1 = %2
%3 · Raum %4 · %5
Klicken, um diesen Frame im Log auszuwählen</translation>
    </message>
    <message>
        <source>No numbers at %1 yet: the plot shows the values clients send there.</source>
        <translation>Noch keine Zahlen unter %1: Der Plot zeigt die Werte, die Clients dorthin senden.</translation>
    </message>
    <message numerus="yes">
        <source>(+%n not plotted)</source>
        <translation>
            <numerusform>(+%n nicht geplottet)</numerusform>
            <numerusform>(+%n nicht geplottet)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeerClient</name>
    <message>
        <source>connection closed (code %1)</source>
        <translation>Verbindung geschlossen (Code %1)</translation>
    </message>
</context>
<context>
    <name>PeerScript</name>
    <message>
        <source>cannot read the script: %1</source>
        <translation>das Skript kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the script ran too long without returning and was interrupted</source>
        <translation>das Skript lief zu lange, ohne zurückzukehren, und wurde unterbrochen</translation>
    </message>
</context>
<context>
    <name>PeerScriptListModel</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Last Output</source>
        <translation>Letzte Ausgabe</translation>
    </message>
    <message>
        <source>— started again —</source>
        <translation>— neu gestartet —</translation>
    </message>
</context>
<context>
    <name>PeerScriptsPanel</name>
    <message>
        <source>What the selected script prints with console.log(), and the error that stopped it</source>
        <translation>Was das ausgewählte Skript mit console.log() ausgibt, und der Fehler, der es angehalten hat</translation>
    </message>
    <message>
        <source>Run Script…</source>
        <translation>Skript ausführen…</translation>
    </message>
    <message>
        <source>Run a JavaScript file whose clients talk to this broker (see the README&apos;s &quot;Scripted peers&quot;)</source>
        <translation>Eine JavaScript-Datei ausführen, deren Clients mit diesem Broker sprechen (siehe „Scripted peers“ im README)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>Read the file again and start it afresh</source>
        <translation>Die Datei neu lesen und von vorn starten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>RateGraphWidget</name>
    <message>
        <source>Frames per second over the last minutes</source>
        <translation>Frames pro Sekunde in den letzten Minuten</translation>
    </message>
    <message>
        <source>in %1/s</source>
        <translation>ein %1/s</translation>
    </message>
    <message>
        <source>out %1/s</source>
        <translation>aus %1/s</translation>
    </message>
    <message numerus="yes">
        <source>−%n min</source>
        <translation>
            <numerusform>−%n min</numerusform>
            <numerusform>−%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
</context>
<context>
    <name>RecentlyClosedModel</name>
    <message>
        <source>Connection %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>%1, after %2</source>
        <translation>%1, nach %2</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Entfernte Adresse</translation>
    </message>
    <message>
        <source>Connected at</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Connection %1, closed by an earlier run of the broker (%2)</source>
        <translation>Verbindung %1, geschlossen bei einem früheren Lauf des Brokers (%2)</translation>
    </message>
    <message>
        <source>Connection %1, closed by an earlier run of the broker</source>
        <translation>Verbindung %1, geschlossen bei einem früheren Lauf des Brokers</translation>
    </message>
</context>
<context>
    <name>RecordedSession</name>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n damaged line(s) skipped (%2)</source>
        <translation>
            <numerusform>%1: %n beschädigte Zeile übersprungen (%2)</numerusform>
            <numerusform>%1: %n beschädigte Zeilen übersprungen (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no frame to replay (no send, answer or message of a registered client)</source>
        <translation>%1: kein Frame zum Wiedergeben (kein send, answer oder message eines registrierten Clients)</translation>
    </message>
</context>
<context>
    <name>RemoteBroker</name>
    <message>
        <source>&quot;%1&quot; is not a ws:// or wss:// URL</source>
        <translation>„%1“ ist keine ws://- oder wss://-URL</translation>
    </message>
    <message>
        <source>the broker refused this monitor: %1</source>
        <translation>der Broker hat diesen Monitor abgewiesen: %1</translation>
    </message>
    <message>
        <source>monitor protocol: %1</source>
        <translation>Monitor-Protokoll: %1</translation>
    </message>
</context>
<context>
    <name>ReplayClient</name>
    <message>
        <source>the broker closed the connection</source>
        <translation>der Broker hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>handshake answer too large</source>
        <translation>Handshake-Antwort zu groß</translation>
    </message>
    <message>
        <source>the broker refused the connection: %1</source>
        <translation>der Broker hat die Verbindung abgelehnt: %1</translation>
    </message>
    <message>
        <source>protocol error: %1</source>
        <translation>Protokollfehler: %1</translation>
    </message>
    <message>
        <source>protocol error: a new message inside a fragmented one</source>
        <translation>Protokollfehler: eine neue Nachricht innerhalb einer fragmentierten</translation>
    </message>
    <message>
        <source>protocol error: a continuation frame without a message</source>
        <translation>Protokollfehler: ein Fortsetzungsframe ohne Nachricht</translation>
    </message>
    <message>
        <source>connection closed (code %1)</source>
        <translation>Verbindung geschlossen (Code %1)</translation>
    </message>
</context>
<context>
    <name>ReplayComparer</name>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>replay: %1 frames matched, %2 differing, %3 missing, %4 extra</source>
        <translation>replay: %1 Frames stimmen überein, %2 abweichend, %3 fehlend, %4 zusätzlich</translation>
    </message>
    <message>
        <source>… and %1 more differences</source>
        <translation>… und %1 weitere Abweichungen</translation>
    </message>
    <message>
        <source>%1 sent #%2 (%3)</source>
        <translation>%1 gesendet Nr. %2 (%3)</translation>
    </message>
    <message>
        <source>%1 received #%2 (%3)</source>
        <translation>%1 empfangen Nr. %2 (%3)</translation>
    </message>
    <message>
        <source>%1 s into the recording</source>
        <translation>%1 s nach Beginn der Aufzeichnung</translation>
    </message>
    <message>
        <source>%1 at %2: missing, expected %3</source>
        <translation>%1 bei %2: fehlt, erwartet %3</translation>
    </message>
    <message>
        <source>%1: extra, not in the recording: %2</source>
        <translation>%1: zusätzlich, nicht in der Aufzeichnung: %2</translation>
    </message>
    <message>
        <source>the frame</source>
        <translation>der Frame</translation>
    </message>
    <message>
        <source>%1: expected %2, got %3</source>
        <translation>%1: erwartet %2, erhalten %3</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>%1 weitere</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 bei %2: %3</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <source>Replay Recording</source>
        <translation>Aufzeichnung wiedergeben</translation>
    </message>
    <message>
        <source>A capture, JSON Lines log or HAR</source>
        <translation>Eine Aufzeichnung, ein JSON-Lines-Protokoll oder ein HAR</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Echt</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Check the clients a real client under test will take: it connects and registers that id, and what it sends and receives is compared with the recording. The others are simulated.</source>
        <translation>Markieren Sie die Clients, die ein echter Client unter Test übernimmt: Er verbindet sich und registriert diese ID, und was er sendet und empfängt, wird mit der Aufzeichnung verglichen. Die anderen werden simuliert.</translation>
    </message>
    <message>
        <source>As recorded</source>
        <translation>Wie aufgezeichnet</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>So schnell wie möglich</translation>
    </message>
    <message>
        <source>Wait for the expected input</source>
        <translation>Auf die erwartete Eingabe warten</translation>
    </message>
    <message>
        <source>Wait for the expected input: a simulated client sends its next frame once it has received what it had received before it</source>
        <translation>Auf die erwartete Eingabe warten: Ein simulierter Client sendet seinen nächsten Frame, sobald er empfangen hat, was er davor empfangen hatte</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>message.timestamp, message.id</source>
        <translation>message.timestamp, message.id</translation>
    </message>
    <message>
        <source>JSON paths not compared, separated by commas</source>
        <translation>Nicht verglichene JSON-Pfade, durch Kommas getrennt</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long to wait for the live clients, and for the end</source>
        <translation>Wie lange auf die echten Clients und auf das Ende gewartet wird</translation>
    </message>
    <message>
        <source>Recording:</source>
        <translation>Aufzeichnung:</translation>
    </message>
    <message>
        <source>Timing:</source>
        <translation>Takt:</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Geschwindigkeit:</translation>
    </message>
    <message>
        <source>Ignore paths:</source>
        <translation>Ignorierte Pfade:</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>Start Replay</source>
        <translation>Wiedergabe starten</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s), %1 s</source>
        <translation>
            <numerusform>%n Client, %1 s</numerusform>
            <numerusform>%n Clients, %1 s</numerusform>
        </translation>
    </message>
    <message>
        <source>Recordings (*.wscap *.jsonl *.har);;All files (*)</source>
        <translation>Aufzeichnungen (*.wscap *.jsonl *.har);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ReplayDifferenceModel</name>
    <message>
        <source>Differs</source>
        <translation>Weicht ab</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Extra</source>
        <translation>Zusätzlich</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 gesendet</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 empfangen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>the frame</source>
        <translation>der Frame</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Frame</translation>
    </message>
    <message>
        <source>In the Recording</source>
        <translation>In der Aufzeichnung</translation>
    </message>
    <message>
        <source>Paths</source>
        <translation>Pfade</translation>
    </message>
</context>
<context>
    <name>ReplayPanel</name>
    <message>
        <source>No replay yet: Broker → Replay Recording…</source>
        <translation>Noch keine Wiedergabe: Broker → Aufzeichnung wiedergeben…</translation>
    </message>
    <message>
        <source>Stop Replay</source>
        <translation>Wiedergabe anhalten</translation>
    </message>
    <message>
        <source>Replay Again</source>
        <translation>Erneut wiedergeben</translation>
    </message>
    <message>
        <source>What the recording has</source>
        <translation>Was die Aufzeichnung enthält</translation>
    </message>
    <message>
        <source>What the replay did</source>
        <translation>Was die Wiedergabe ergab</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Aufgezeichnet</translation>
    </message>
    <message>
        <source>Replayed</source>
        <translation>Wiedergegeben</translation>
    </message>
    <message>
        <source>Waiting for the live client(s) %1 to connect and register</source>
        <translation>Warte, bis sich der/die echten Client(s) %1 verbinden und registrieren</translation>
    </message>
    <message>
        <source>Replaying: %1 of %2 frames sent; %3 matched, %4 differing</source>
        <translation>Wiedergabe: %1 von %2 Frames gesendet; %3 übereinstimmend, %4 abweichend</translation>
    </message>
    <message>
        <source>%1 frames matched, %2 differing, %3 missing, %4 extra</source>
        <translation>%1 Frames übereinstimmend, %2 abweichend, %3 fehlend, %4 zusätzlich</translation>
    </message>
    <message>
        <source>&lt;b&gt;Replay matched:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Wiedergabe stimmt überein:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Replay differs:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Wiedergabe weicht ab:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Replay failed:&lt;/b&gt; %1; %2</source>
        <translation>&lt;b&gt;Wiedergabe fehlgeschlagen:&lt;/b&gt; %1; %2</translation>
    </message>
</context>
<context>
    <name>Replayer</name>
    <message>
        <source>live client(s) %1 did not register within %2 s</source>
        <translation>der/die echten Client(s) %1 haben sich nicht innerhalb von %2 s registriert</translation>
    </message>
    <message>
        <source>the replay did not end within %1 s</source>
        <translation>die Wiedergabe endete nicht innerhalb von %1 s</translation>
    </message>
    <message>
        <source>simulated client %1 lost its connection: %2</source>
        <translation>der simulierte Client %1 hat seine Verbindung verloren: %2</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>replay failed: %1</source>
        <translation>Wiedergabe fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>Router</name>
    <message>
        <source>id &quot;%1&quot; is held by another connection</source>
        <translation>ID „%1“ ist bereits von einer anderen Verbindung belegt</translation>
    </message>
    <message>
        <source>taken over by connection #%1</source>
        <translation>von Verbindung #%1 übernommen</translation>
    </message>
    <message>
        <source>renamed to &quot;%1&quot;</source>
        <translation>umbenannt in „%1“</translation>
    </message>
    <message>
        <source>renamed from &quot;%1&quot;</source>
        <translation>umbenannt (vorher „%1“)</translation>
    </message>
    <message>
        <source>took the id over from connection #%1</source>
        <translation>hat die ID von Verbindung #%1 übernommen</translation>
    </message>
    <message>
        <source>not registered</source>
        <translation>nicht registriert</translation>
    </message>
    <message>
        <source>unregistered by the client</source>
        <translation>vom Client abgemeldet</translation>
    </message>
    <message>
        <source>register before sending</source>
        <translation>vor dem Senden registrieren</translation>
    </message>
    <message>
        <source>%1 (closing)</source>
        <translation>%1 (wird geschlossen)</translation>
    </message>
    <message numerus="yes">
        <source>delivered to %n client(s); not delivered to: %1</source>
        <translation>
            <numerusform>an %n Client zugestellt; nicht zugestellt an: %1</numerusform>
            <numerusform>an %n Clients zugestellt; nicht zugestellt an: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>register before answering</source>
        <translation>vor dem Antworten registrieren</translation>
    </message>
    <message>
        <source>no pending ask with this ack (unknown, expired or already answered)</source>
        <translation>keine offene Anfrage mit diesem Ack (unbekannt, abgelaufen oder schon beantwortet)</translation>
    </message>
    <message>
        <source>this client did not receive the ask</source>
        <translation>dieser Client hat die Anfrage nicht erhalten</translation>
    </message>
    <message>
        <source>the asker has left</source>
        <translation>der Anfragende ist nicht mehr verbunden</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>Verbindung geschlossen</translation>
    </message>
</context>
<context>
    <name>RulesFileWatcher</name>
    <message>
        <source>%1: cannot read it: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (the previous rules stay)</source>
        <translation>%1 (die bisherigen Regeln bleiben)</translation>
    </message>
</context>
<context>
    <name>SessionCapture</name>
    <message>
        <source>The capture folder &quot;%1&quot; is not an absolute path.</source>
        <translation>Der Mitschnitt-Ordner „%1“ ist kein absoluter Pfad.</translation>
    </message>
    <message>
        <source>The capture folder &quot;%1&quot; cannot be made: %2 is not a folder.</source>
        <translation>Der Mitschnitt-Ordner „%1“ kann nicht angelegt werden: %2 ist kein Ordner.</translation>
    </message>
    <message>
        <source>The capture folder &quot;%1&quot; cannot be written: %2 is read-only.</source>
        <translation>In den Mitschnitt-Ordner „%1“ kann nicht geschrieben werden: %2 ist schreibgeschützt.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> Frames/s</translation>
    </message>
    <message>
        <source> frames</source>
        <translation> Frames</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Newcomer takes the id over</source>
        <translation>Neuankömmling übernimmt die ID</translation>
    </message>
    <message>
        <source>Refuse the newcomer</source>
        <translation>Neuankömmling ablehnen</translation>
    </message>
    <message>
        <source>none: any client may connect</source>
        <translation>keiner: jeder Client darf sich verbinden</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>&amp;Host address:</source>
        <translation>&amp;Host-Adresse:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Duplicate ids:</source>
        <translation>&amp;Doppelte IDs:</translation>
    </message>
    <message>
        <source>&amp;Access token:</source>
        <translation>&amp;Zugriffstoken:</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzwerte</translation>
    </message>
    <message>
        <source>Unanswered &amp;ack kept for:</source>
        <translation>Unbeantworteten &amp;Ack behalten für:</translation>
    </message>
    <message>
        <source>Largest &amp;message:</source>
        <translation>Größte &amp;Nachricht:</translation>
    </message>
    <message>
        <source>&amp;Unsent data per client:</source>
        <translation>&amp;Ungesendete Daten pro Client:</translation>
    </message>
    <message>
        <source>Most &amp;connections:</source>
        <translation>Höchstzahl an &amp;Verbindungen:</translation>
    </message>
    <message>
        <source>P&amp;ing interval:</source>
        <translation>P&amp;ing-Intervall:</translation>
    </message>
    <message>
        <source>&amp;Rate limit per client:</source>
        <translation>&amp;Ratenlimit pro Client:</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Frames &amp;kept in the log:</source>
        <translation>Im Log &amp;behaltene Frames:</translation>
    </message>
    <message>
        <source>Mark asks &amp;unanswered after:</source>
        <translation>Anfragen als unbeantwortet &amp;markieren nach:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>„%1“ ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>Listening on %1 lets other machines connect: consider an access token.</source>
        <translation>Lauschen auf %1 erlaubt anderen Rechnern die Verbindung: ein Zugriffstoken ist ratsam.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Takes effect the next time the window starts; --lang overrides it</source>
        <translation>Wirkt beim nächsten Start des Fensters; --lang hat Vorrang</translation>
    </message>
    <message>
        <source>La&amp;nguage (at next start):</source>
        <translation>Spra&amp;che (beim nächsten Start):</translation>
    </message>
    <message>
        <source>%1 takes %2 to %3%4; %5 would be put back to %6.</source>
        <translation>„%1“ nimmt %2 bis %3%4; %5 würde auf %6 zurückgesetzt.</translation>
    </message>
    <message>
        <source>Record &amp;every session</source>
        <translation>&amp;Jede Sitzung mitschneiden</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Off stops the recorder and keeps its file; on starts a new capture, and the log starts empty with it</source>
        <translation>Aus beendet den Mitschnitt und behält seine Datei; an beginnt einen neuen Mitschnitt, und das Protokoll beginnt mit ihm leer</translation>
    </message>
    <message>
        <source>The oldest frames are discarded, in whole chunks, past this size or the frame budget; applies to the running capture</source>
        <translation>Über dieser Größe oder dem Frame-Budget werden die ältesten Frames in ganzen Blöcken verworfen; gilt für den laufenden Mitschnitt</translation>
    </message>
    <message>
        <source>Where session captures are kept; empty for the default. Used from the next session on</source>
        <translation>Wo die Mitschnitte der Sitzungen liegen; leer für den Standardordner. Gilt ab der nächsten Sitzung</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Mitschnitt</translation>
    </message>
    <message>
        <source>Disk &amp;budget:</source>
        <translation>Platten&amp;budget:</translation>
    </message>
    <message>
        <source>&amp;Frame budget:</source>
        <translation>&amp;Frame-Budget:</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Capture Folder</source>
        <translation>Mitschnitt-Ordner</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>Messages delivered</source>
        <translation>Zugestellte Nachrichten</translation>
    </message>
    <message>
        <source>Unknown destinations</source>
        <translation>Unbekannte Ziele</translation>
    </message>
    <message>
        <source>Answers forwarded</source>
        <translation>Weitergeleitete Antworten</translation>
    </message>
    <message>
        <source>Answers dropped</source>
        <translation>Verworfene Antworten</translation>
    </message>
    <message>
        <source>Errors sent</source>
        <translation>Gesendete Fehler</translation>
    </message>
    <message>
        <source>Acks pending</source>
        <translation>Offene Acks</translation>
    </message>
    <message>
        <source>Acks expired / evicted</source>
        <translation>Acks abgelaufen / verdrängt</translation>
    </message>
    <message>
        <source>Undelivered (receiver cut off)</source>
        <translation>Nicht zugestellt (Empfänger getrennt)</translation>
    </message>
    <message>
        <source>Connections opened / closed</source>
        <translation>Verbindungen geöffnet / geschlossen</translation>
    </message>
    <message>
        <source>  closed: %1</source>
        <translation>  geschlossen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Broker restarted %n time(s), last at %1; the counts include the earlier runs.</source>
        <translation>
            <numerusform>Broker %n-mal neu gestartet, zuletzt um %1; die Zählungen enthalten die früheren Läufe.</numerusform>
            <numerusform>Broker %n-mal neu gestartet, zuletzt um %1; die Zählungen enthalten die früheren Läufe.</numerusform>
        </translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>Messages checked</source>
        <translation>Geprüfte Nachrichten</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Verstöße</translation>
    </message>
    <message>
        <source>Not checked (checker behind)</source>
        <translation>Nicht geprüft (Prüfer im Rückstand)</translation>
    </message>
</context>
<context>
    <name>TlsIdentity</name>
    <message>
        <source>TLS is not available: no usable TLS library (%1)</source>
        <translation>TLS ist nicht verfügbar: keine nutzbare TLS-Bibliothek (%1)</translation>
    </message>
    <message>
        <source>cannot read the TLS certificate &quot;%1&quot;: %2</source>
        <translation>TLS-Zertifikat „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no PEM certificate in &quot;%1&quot;</source>
        <translation>kein PEM-Zertifikat in „%1“</translation>
    </message>
    <message>
        <source>cannot read the TLS key &quot;%1&quot;: %2</source>
        <translation>TLS-Schlüssel „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no unencrypted PEM private key in &quot;%1&quot;</source>
        <translation>kein unverschlüsselter privater PEM-Schlüssel in „%1“</translation>
    </message>
</context>
<context>
    <name>TrafficControlStage</name>
    <message>
        <source>traffic control</source>
        <translation>Verkehrssteuerung</translation>
    </message>
    <message>
        <source>delayed %1 by rule %2</source>
        <translation>um %1 verzögert durch Regel %2</translation>
    </message>
    <message>
        <source>dropped by rule %1</source>
        <translation>verworfen durch Regel %1</translation>
    </message>
    <message>
        <source>copy %1 of %2 by rule %3</source>
        <translation>Kopie %1 von %2 durch Regel %3</translation>
    </message>
    <message>
        <source>duplicated ×%1 by rule %2</source>
        <translation>×%1 vervielfacht durch Regel %2</translation>
    </message>
    <message>
        <source>closed by rule %1 after %2 matching frames</source>
        <translation>geschlossen durch Regel %1 nach %2 passenden Frames</translation>
    </message>
    <message>
        <source>the connection closed with %1 after it by rule %2</source>
        <translation>danach Verbindung mit %1 geschlossen durch Regel %2</translation>
    </message>
    <message>
        <source>pings no longer answered by rule %1</source>
        <translation>Pings werden nicht mehr beantwortet, durch Regel %1</translation>
    </message>
    <message>
        <source>not held by rule %1: %2</source>
        <translation>nicht zurückgehalten durch Regel %1: %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>throttled %1 by rule %2</source>
        <translation>um %1 gedrosselt durch Regel %2</translation>
    </message>
    <message>
        <source>held %1 by rule %2</source>
        <translation>%1 zurückgehalten durch Regel %2</translation>
    </message>
    <message>
        <source>%1; edited</source>
        <translation>%1; bearbeitet</translation>
    </message>
    <message>
        <source>no frame is held under ticket %1</source>
        <translation>unter Ticket %1 wird kein Frame zurückgehalten</translation>
    </message>
    <message>
        <source>not JSON: %1 at offset %2</source>
        <translation>kein JSON: %1 an Position %2</translation>
    </message>
    <message>
        <source>a frame must be a JSON object</source>
        <translation>ein Frame muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>%1; dropped by the user</source>
        <translation>%1; vom Benutzer verworfen</translation>
    </message>
</context>
<context>
    <name>TrafficRuleDialog</name>
    <message>
        <source>a name for the log, e.g. flaky-net</source>
        <translation>ein Name für das Protokoll, z.&#xa0;B. flaky-net</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Aktiviert</translation>
    </message>
    <message>
        <source>any room, or e.g. /chat</source>
        <translation>jeder Raum, oder z.&#xa0;B. /chat</translation>
    </message>
    <message>
        <source>any sender</source>
        <translation>jeder Absender</translation>
    </message>
    <message>
        <source>any receiver</source>
        <translation>jeder Empfänger</translation>
    </message>
    <message>
        <source>any ack</source>
        <translation>jedes Ack</translation>
    </message>
    <message>
        <source>a regular expression over the frame&apos;s JSON</source>
        <translation>ein regulärer Ausdruck über das JSON des Frames</translation>
    </message>
    <message>
        <source>e.g. message.type or message.items[0].id</source>
        <translation>z.&#xa0;B. message.type oder message.items[0].id</translation>
    </message>
    <message>
        <source>a JSON value; empty: the path exists</source>
        <translation>ein JSON-Wert; leer: der Pfad existiert</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> bytes/s</source>
        <translation> Bytes/s</translation>
    </message>
    <message>
        <source>Traffic Rule</source>
        <translation>Verkehrsregel</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>any action</source>
        <translation>jede Aktion</translation>
    </message>
    <message>
        <source>Match: frames the broker writes to a client</source>
        <translation>Treffer: Frames, die der Broker an einen Client schreibt</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Raum:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>A&amp;ktion:</translation>
    </message>
    <message>
        <source>A&amp;ck:</source>
        <translation>Ac&amp;k:</translation>
    </message>
    <message>
        <source>Te&amp;xt matches:</source>
        <translation>Te&amp;xt passt auf:</translation>
    </message>
    <message>
        <source>JSON &amp;path:</source>
        <translation>JSON-&amp;Pfad:</translation>
    </message>
    <message>
        <source>E&amp;quals:</source>
        <translation>&amp;Gleich:</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Matching frames wait in the Held list until you release or drop them; later frames to the same client wait behind them.</source>
        <translation>Passende Frames warten in der Liste „Angehalten“, bis Sie sie freigeben oder verwerfen; spätere Frames an denselben Client warten dahinter.</translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation>&amp;Verzögerung:</translation>
    </message>
    <message>
        <source>Plus up to (random):</source>
        <translation>Plus bis zu (zufällig):</translation>
    </message>
    <message>
        <source>&amp;Probability:</source>
        <translation>&amp;Wahrscheinlichkeit:</translation>
    </message>
    <message>
        <source>&amp;Written, in all:</source>
        <translation>&amp;Geschrieben, insgesamt:</translation>
    </message>
    <message>
        <source>Close &amp;code:</source>
        <translation>Schließ&amp;code:</translation>
    </message>
    <message>
        <source>On the matching frame number:</source>
        <translation>Beim passenden Frame Nummer:</translation>
    </message>
    <message>
        <source>&amp;At most:</source>
        <translation>&amp;Höchstens:</translation>
    </message>
    <message>
        <source>The broker stops answering the receiver&apos;s pings, as a broker that hangs.</source>
        <translation>Der Broker beantwortet die Pings des Empfängers nicht mehr, wie ein hängender Broker.</translation>
    </message>
    <message>
        <source>The rule needs a name: the log says which rule acted on a frame.</source>
        <translation>Die Regel braucht einen Namen: das Protokoll nennt die Regel, die auf einen Frame wirkte.</translation>
    </message>
    <message>
        <source>Another rule is named &quot;%1&quot;.</source>
        <translation>Eine andere Regel heißt „%1“.</translation>
    </message>
    <message>
        <source>The regular expression is not valid at character %1: %2.</source>
        <translation>Der reguläre Ausdruck ist bei Zeichen %1 ungültig: %2.</translation>
    </message>
    <message>
        <source>&quot;Equals&quot; needs a JSON path to compare.</source>
        <translation>„Gleich“ braucht einen JSON-Pfad zum Vergleichen.</translation>
    </message>
    <message>
        <source>&quot;Equals&quot; is not a JSON value (text needs quotes: &quot;ready&quot;).</source>
        <translation>„Gleich“ ist kein JSON-Wert (Text braucht Anführungszeichen: &quot;ready&quot;).</translation>
    </message>
    <message>
        <source>A delay of 0 ms does nothing: set a delay or a random part.</source>
        <translation>Eine Verzögerung von 0 ms bewirkt nichts: geben Sie eine Verzögerung oder einen Zufallsanteil an.</translation>
    </message>
    <message>
        <source>Close code %1 cannot be sent: use 1000-1003, 1007-1014 or 3000-4999.</source>
        <translation>Schließcode %1 kann nicht gesendet werden: verwenden Sie 1000-1003, 1007-1014 oder 3000-4999.</translation>
    </message>
</context>
<context>
    <name>TrafficRuleModel</name>
    <message>
        <source>Enabled: the broker applies this rule</source>
        <translation>Aktiviert: der Broker wendet diese Regel an</translation>
    </message>
    <message>
        <source>Disabled: the broker skips this rule</source>
        <translation>Deaktiviert: der Broker überspringt diese Regel</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>room %1</source>
        <translation>Raum %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>an %1</translation>
    </message>
    <message>
        <source>ack %1</source>
        <translation>Ack %1</translation>
    </message>
    <message>
        <source>text matches %1</source>
        <translation>Text passt auf %1</translation>
    </message>
    <message>
        <source>%1 exists</source>
        <translation>%1 existiert</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>any frame</source>
        <translation>jeder Frame</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>anhalten</translation>
    </message>
    <message>
        <source>delay</source>
        <translation>verzögern</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>verwerfen</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplizieren</translation>
    </message>
    <message>
        <source>close</source>
        <translation>schließen</translation>
    </message>
    <message>
        <source>throttle</source>
        <translation>drosseln</translation>
    </message>
    <message>
        <source>ignore pings</source>
        <translation>Pings ignorieren</translation>
    </message>
    <message>
        <source>delay %1 ms ± %2 ms</source>
        <translation>um %1 ms ± %2 ms verzögern</translation>
    </message>
    <message>
        <source>delay %1 ms</source>
        <translation>um %1 ms verzögern</translation>
    </message>
    <message>
        <source>drop %1 %</source>
        <translation>%1 % verwerfen</translation>
    </message>
    <message>
        <source>duplicate ×%1</source>
        <translation>duplizieren ×%1</translation>
    </message>
    <message>
        <source>close %1 after %2</source>
        <translation>schließen %1 nach %2</translation>
    </message>
    <message>
        <source>throttle to %1/s</source>
        <translation>drosseln auf %1/s</translation>
    </message>
</context>
<context>
    <name>TrafficRulesPanel</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Replace the rules with a rules file&apos;s (as --rules reads it)</source>
        <translation>Die Regeln durch die einer Regeldatei ersetzen (wie --rules sie liest)</translation>
    </message>
    <message>
        <source>Save the rules as a rules file for --rules</source>
        <translation>Die Regeln als Regeldatei für --rules speichern</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Import Rules</source>
        <translation>Regeln importieren</translation>
    </message>
    <message>
        <source>Rules files (*.json);;All files (*)</source>
        <translation>Regeldateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Rules</source>
        <translation>Regeln exportieren</translation>
    </message>
    <message>
        <source>Rules files (*.json)</source>
        <translation>Regeldateien (*.json)</translation>
    </message>
</context>
<context>
    <name>TrafficRulesParser</name>
    <message>
        <source>unknown key &quot;%1&quot;</source>
        <translation>unbekannter Schlüssel „%1“</translation>
    </message>
    <message>
        <source>missing &quot;name&quot;</source>
        <translation>„name“ fehlt</translation>
    </message>
    <message>
        <source>&quot;name&quot; is empty</source>
        <translation>„name“ ist leer</translation>
    </message>
    <message>
        <source>&quot;enabled&quot; must be true or false</source>
        <translation>„enabled“ muss true oder false sein</translation>
    </message>
    <message>
        <source>missing &quot;effect&quot;</source>
        <translation>„effect“ fehlt</translation>
    </message>
    <message>
        <source>unknown effect &quot;%1&quot; (hold, delay, drop, duplicate, close, throttle or ignorePings)</source>
        <translation>unbekannte Wirkung „%1“ (hold, delay, drop, duplicate, close, throttle oder ignorePings)</translation>
    </message>
    <message>
        <source>&quot;match&quot; must be an object</source>
        <translation>„match“ muss ein Objekt sein</translation>
    </message>
    <message>
        <source>&quot;probability&quot; must be a number from 0 to 1</source>
        <translation>„probability“ muss eine Zahl von 0 bis 1 sein</translation>
    </message>
    <message>
        <source>&quot;closeCode&quot; %1 cannot be sent (1000-1003, 1007-1009, 1011-1014 or 3000-4999)</source>
        <translation>„closeCode“ %1 kann nicht gesendet werden (1000-1003, 1007-1009, 1011-1014 oder 3000-4999)</translation>
    </message>
    <message>
        <source>throttle needs &quot;bytesPerSecond&quot; above 0</source>
        <translation>throttle braucht „bytesPerSecond“ über 0</translation>
    </message>
    <message>
        <source>delay needs &quot;ms&quot; or &quot;jitterMs&quot; above 0</source>
        <translation>delay braucht „ms“ oder „jitterMs“ über 0</translation>
    </message>
    <message>
        <source>unknown key &quot;match.%1&quot;</source>
        <translation>unbekannter Schlüssel „match.%1“</translation>
    </message>
    <message>
        <source>&quot;match.room&quot; must start with /</source>
        <translation>„match.room“ muss mit / beginnen</translation>
    </message>
    <message>
        <source>unknown action &quot;%1&quot; (message, answer, registered, unregistered or error)</source>
        <translation>unbekannte Aktion „%1“ (message, answer, registered, unregistered oder error)</translation>
    </message>
    <message>
        <source>invalid regex &quot;%1&quot;: %2</source>
        <translation>ungültiger regulärer Ausdruck „%1“: %2</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>invalid path &quot;%1&quot; (e.g. message.items[0].id)</source>
        <translation>ungültiger Pfad „%1“ (z. B. message.items[0].id)</translation>
    </message>
    <message>
        <source>&quot;match.equals&quot; needs &quot;match.path&quot;</source>
        <translation>„match.equals“ braucht „match.path“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation>„%1“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from %2 to %3</source>
        <translation>„%1“ muss eine ganze Zahl von %2 bis %3 sein</translation>
    </message>
    <message>
        <source>not JSON: %1 at offset %2</source>
        <translation>kein JSON: %1 an Position %2</translation>
    </message>
    <message>
        <source>the rules must be a JSON array of objects</source>
        <translation>die Regeln müssen ein JSON-Array von Objekten sein</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>Regel %1</translation>
    </message>
    <message>
        <source>%1: must be an object</source>
        <translation>%1: muss ein Objekt sein</translation>
    </message>
    <message>
        <source>rule &quot;%1&quot;</source>
        <translation>Regel „%1“</translation>
    </message>
    <message>
        <source>the name is used by an earlier rule</source>
        <translation>der Name wird schon von einer früheren Regel verwendet</translation>
    </message>
</context>
<context>
    <name>YamlJson</name>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation>tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>line %1, column %2: a map key that is not a scalar</source>
        <translation>Zeile %1, Spalte %2: ein Map-Schlüssel, der kein Skalar ist</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>warning: listening on %1 without --token lets any machine that reaches it connect</source>
        <translation>Warnung: Lauschen auf %1 ohne --token lässt jeden Rechner verbinden, der diese Adresse erreicht</translation>
    </message>
    <message>
        <source>%1: %2 rules applied</source>
        <translation>%1: %2 Regeln angewendet</translation>
    </message>
    <message>
        <source>--attach shows the broker in a window, which needs a display</source>
        <translation>--attach zeigt den Broker in einem Fenster, das braucht ein Display</translation>
    </message>
</context>
</TS>
