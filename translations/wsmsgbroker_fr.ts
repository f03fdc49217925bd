<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ActionCountModel</name>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçues</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyées</translation>
    </message>
</context>
<context>
    <name>Admission</name>
    <message>
        <source>Origin &quot;%1&quot; is not on the allow-list</source>
        <translation>l’origine (Origin) «&#xa0;%1&#xa0;» n’est pas dans la liste autorisée</translation>
    </message>
    <message>
        <source>too many connections (limit %1)</source>
        <translation>trop de connexions (limite&#xa0;: %1)</translation>
    </message>
    <message>
        <source>missing or wrong access token</source>
        <translation>jeton d’accès absent ou incorrect</translation>
    </message>
    <message>
        <source>more than %1 frames per second</source>
        <translation>plus de %1 trames par seconde</translation>
    </message>
    <message>
        <source>monitor: missing or wrong monitor token</source>
        <translation>moniteur : jeton de moniteur absent ou incorrect</translation>
    </message>
</context>
<context>
    <name>AskRelationText</name>
    <message numerus="yes">
        <source>Ask &lt;b&gt;%1&lt;/b&gt;: delivered to %n recipient(s)</source>
        <translation>
            <numerusform>Demande &lt;b&gt;%1&lt;/b&gt;&#xa0;: remise à %n destinataire</numerusform>
            <numerusform>Demande &lt;b&gt;%1&lt;/b&gt;&#xa0;: remise à %n destinataires</numerusform>
        </translation>
    </message>
    <message>
        <source>; answered by &lt;b&gt;%1&lt;/b&gt; after &lt;b&gt;%2 ms&lt;/b&gt;</source>
        <translation>&#xa0;; réponse de &lt;b&gt;%1&lt;/b&gt; après &lt;b&gt;%2 ms&lt;/b&gt;</translation>
    </message>
    <message>
        <source>; &lt;b&gt;no answer yet&lt;/b&gt;</source>
        <translation>&#xa0;; &lt;b&gt;pas encore de réponse&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>; %n later answer(s) dropped</source>
        <translation>
            <numerusform>&#xa0;; %n réponse tardive abandonnée</numerusform>
            <numerusform>&#xa0;; %n réponses tardives abandonnées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AsyncApiReader</name>
    <message>
        <source>%1: not an AsyncAPI 2.x or 3.0 document (no &quot;asyncapi&quot;: &quot;2.6.0&quot; or &quot;3.0.0&quot;)</source>
        <translation>%1 : pas un document AsyncAPI 2.x ou 3.0 (pas de &quot;asyncapi&quot;: &quot;2.6.0&quot; ni &quot;3.0.0&quot;)</translation>
    </message>
    <message>
        <source>%1: no channels</source>
        <translation>%1 : aucun canal (channels)</translation>
    </message>
    <message>
        <source>%1: %2: $ref nested deeper than %3 (a cycle?)</source>
        <translation>%1 : %2 : $ref imbriqué sur plus de %3 niveaux (un cycle ?)</translation>
    </message>
    <message>
        <source>%1: %2: $ref %3 points to nothing</source>
        <translation>%1 : %2 : $ref %3 ne désigne rien</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>&amp;Remember the token on this computer</source>
        <translation>&amp;Mémoriser le jeton sur cet ordinateur</translation>
    </message>
    <message>
        <source>Attach to Broker</source>
        <translation>S&apos;attacher à un broker</translation>
    </message>
    <message>
        <source>--monitor-token or --monitor-control-token</source>
        <translation>--monitor-token ou --monitor-control-token</translation>
    </message>
    <message>
        <source>Shows a broker running elsewhere (wsmsgbroker --headless --monitor-token …) in this window, through its monitor endpoint. This window&apos;s own broker stops meanwhile.</source>
        <translation>Affiche dans cette fenêtre un broker qui tourne ailleurs (wsmsgbroker --headless --monitor-token …), par son point d&apos;accès de moniteur. Le broker propre à cette fenêtre s&apos;arrête pendant ce temps.</translation>
    </message>
    <message>
        <source>Broker &amp;URL:</source>
        <translation>&amp;URL du broker :</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Jeton :</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;Attacher</translation>
    </message>
    <message>
        <source>The URL must start with ws:// or wss://.</source>
        <translation>L&apos;URL doit commencer par ws:// ou wss://.</translation>
    </message>
</context>
<context>
    <name>Broker</name>
    <message>
        <source>broker shutting down</source>
        <translation>arrêt du broker</translation>
    </message>
    <message>
        <source>disconnected from the inspector</source>
        <translation>déconnecté depuis l’inspecteur</translation>
    </message>
    <message>
        <source>binary frames are not supported</source>
        <translation>les trames binaires ne sont pas prises en charge</translation>
    </message>
    <message>
        <source>binary frames are not supported; send JSON as text</source>
        <translation>les trames binaires ne sont pas prises en charge&#xa0;; envoyez du JSON sous forme de texte</translation>
    </message>
    <message>
        <source>slow consumer: %1 bytes waiting to be sent (limit %2)</source>
        <translation>consommateur lent&#xa0;: %1 octets en attente d’envoi (limite&#xa0;: %2)</translation>
    </message>
    <message>
        <source>dropped: the broker stopped</source>
        <translation>abandonnée : le broker s’est arrêté</translation>
    </message>
    <message>
        <source>no frame is held under ticket %1</source>
        <translation>aucune trame n’est retenue sous le ticket %1</translation>
    </message>
    <message>
        <source>dropped: the receiver left</source>
        <translation>abandonnée&#xa0;: le destinataire est parti</translation>
    </message>
    <message>
        <source>%1 is reserved for the broker, not a room</source>
        <translation>%1 est réservé au broker, ce n&apos;est pas une salle</translation>
    </message>
</context>
<context>
    <name>CaptureConnection</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1&#xa0;: fichier introuvable</translation>
    </message>
    <message>
        <source>%1: Qt&apos;s SQLite driver is missing (Debian: libqt6sql6-sqlite)</source>
        <translation>%1&#xa0;: le pilote SQLite de Qt est absent (Debian&#xa0;: libqt6sql6-sqlite)</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1&#xa0;: impossible d’ouvrir&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>CaptureConverter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1&#xa0;: impossible d’écrire&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>impossible d’écrire&#xa0;: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1&#xa0;: impossible de lire&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot make a temporary directory: %1</source>
        <translation>impossible de créer un répertoire temporaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1&#xa0;: annulé</translation>
    </message>
    <message>
        <source>%1: unknown output format; name it .wscap (capture), .jsonl (JSON Lines) or .har (HAR)</source>
        <translation>%1&#xa0;: format de sortie inconnu&#xa0;; nommez le fichier .wscap (capture), .jsonl (JSON Lines) ou .har (HAR)</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1&#xa0;: fichier introuvable</translation>
    </message>
    <message>
        <source>%1: input and output are the same file</source>
        <translation>%1&#xa0;: l’entrée et la sortie sont le même fichier</translation>
    </message>
    <message numerus="yes">
        <source>%1: damaged; %n frame(s) could not be read and were skipped (%2)</source>
        <translation>
            <numerusform>%1&#xa0;: endommagé&#xa0;; %n trame illisible a été ignorée (%2)</numerusform>
            <numerusform>%1&#xa0;: endommagé&#xa0;; %n trames illisibles ont été ignorées (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>damaged; %n frame(s) could not be read and were skipped (%1)</source>
        <translation>
            <numerusform>endommagé&#xa0;; %n trame illisible a été ignorée (%1)</numerusform>
            <numerusform>endommagé&#xa0;; %n trames illisibles ont été ignorées (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaptureLoader</name>
    <message>
        <source>%1: cannot read the file</source>
        <translation>%1&#xa0;: impossible de lire le fichier</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
</context>
<context>
    <name>CaptureReader</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1&#xa0;: fichier introuvable</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1&#xa0;: impossible de lire&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is not a capture: it is empty or cut short</source>
        <translation>%1 n’est pas une capture&#xa0;: le fichier est vide ou tronqué</translation>
    </message>
    <message>
        <source>%1 is not a capture (not an SQLite database)</source>
        <translation>%1 n’est pas une capture (ce n’est pas une base de données SQLite)</translation>
    </message>
    <message>
        <source>%1 is damaged: %2; what could be read is shown</source>
        <translation>%1 est endommagé&#xa0;: %2&#xa0;; ce qui a pu être lu est affiché</translation>
    </message>
    <message>
        <source>a name table cannot be read</source>
        <translation>une table de noms est illisible</translation>
    </message>
    <message>
        <source>its frames are out of order</source>
        <translation>ses trames sont dans le désordre</translation>
    </message>
</context>
<context>
    <name>CaptureRecorder</name>
    <message>
        <source>%1: no capture is open to save</source>
        <translation>%1&#xa0;: aucune capture ouverte à enregistrer</translation>
    </message>
</context>
<context>
    <name>CaptureSchema</name>
    <message>
        <source>%1 is an SQLite database but not a WSMsgBroker capture</source>
        <translation>%1 est une base de données SQLite, mais pas une capture WSMsgBroker</translation>
    </message>
    <message>
        <source>%1 was written by a newer WSMsgBroker (capture format %2; this version reads up to %3)</source>
        <translation>%1 a été écrit par une version plus récente de WSMsgBroker (format de capture %2&#xa0;; cette version lit jusqu’au format %3)</translation>
    </message>
    <message>
        <source>the table %1 is missing</source>
        <translation>la table %1 est absente</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 est endommagé&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>CaptureWriter</name>
    <message>
        <source>%1: cannot %2: %3</source>
        <translation>%1&#xa0;: impossible de %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1: cannot remove the previous capture</source>
        <translation>%1&#xa0;: impossible de supprimer la capture précédente</translation>
    </message>
    <message>
        <source>%1: cannot find the capture just opened</source>
        <translation>%1&#xa0;: impossible de trouver la capture qui vient d’être ouverte</translation>
    </message>
    <message>
        <source>set it up</source>
        <translation>la configurer</translation>
    </message>
    <message>
        <source>%1: cannot create the capture: %2</source>
        <translation>%1&#xa0;: impossible de créer la capture&#xa0;: %2</translation>
    </message>
    <message>
        <source>read its page size</source>
        <translation>lire sa taille de page</translation>
    </message>
    <message>
        <source>%1: cannot prepare the capture&apos;s statements: %2</source>
        <translation>%1&#xa0;: impossible de préparer les requêtes de la capture&#xa0;: %2</translation>
    </message>
    <message>
        <source>read its counters</source>
        <translation>lire ses compteurs</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1&#xa0;: impossible d’écrire&#xa0;: %2</translation>
    </message>
    <message>
        <source>write</source>
        <translation>écrire</translation>
    </message>
    <message>
        <source>%1: the capture stopped after an earlier error</source>
        <translation>%1&#xa0;: la capture s’est arrêtée après une erreur antérieure</translation>
    </message>
    <message>
        <source>measure it</source>
        <translation>la mesurer</translation>
    </message>
    <message>
        <source>apply its budget</source>
        <translation>appliquer son budget</translation>
    </message>
    <message>
        <source>%1 was removed or replaced while recording</source>
        <translation>%1 a été supprimé ou remplacé pendant l’enregistrement</translation>
    </message>
    <message>
        <source>%1: cannot set up its violations table: %2</source>
        <translation>%1 : impossible de préparer sa table des violations : %2</translation>
    </message>
    <message>
        <source>%1: cannot apply its budget: %2</source>
        <translation>%1 : impossible d’appliquer son budget : %2</translation>
    </message>
</context>
<context>
    <name>ClosingHandshake</name>
    <message>
        <source>close code %1</source>
        <translation>code de fermeture %1</translation>
    </message>
    <message>
        <source>close code %1: %2</source>
        <translation>code de fermeture %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>the connection ended without a close frame (close code %1)</source>
        <translation>la connexion s’est terminée sans trame de fermeture (code de fermeture %1)</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>--%1: &quot;%2&quot; is not a number from %3 to %4</source>
        <translation>--%1&#xa0;: «&#xa0;%2&#xa0;» n’est pas un nombre entre %3 et %4</translation>
    </message>
    <message>
        <source>A WebSocket message broker for the wsmsgbroker protocol that shows its traffic live.
Without --headless it opens the inspector window with the broker listening.</source>
        <translation>Un broker de messages WebSocket pour le protocole wsmsgbroker, qui affiche son trafic en direct.
Sans --headless, il ouvre la fenêtre de l’inspecteur avec le broker à l’écoute.</translation>
    </message>
    <message>
        <source>Run the broker alone, without a window.</source>
        <translation>Exécuter le broker seul, sans fenêtre.</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1).</source>
        <translation>Adresse d’écoute (par défaut 127.0.0.1).</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>Port to listen on (default 9042; 0 picks a free port).</source>
        <translation>Port d’écoute (par défaut 9042&#xa0;; 0 choisit un port libre).</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>Print one line per frame on standard output (headless).</source>
        <translation>Afficher une ligne par trame sur la sortie standard (avec --headless).</translation>
    </message>
    <message>
        <source>What a register with an id held by another connection does: takeover (default; the previous holder is unregistered) or reject (the newcomer gets an error).</source>
        <translation>Effet d’un register avec un identifiant déjà pris par une autre connexion&#xa0;: takeover (par défaut&#xa0;; le détenteur précédent est désinscrit) ou reject (le nouveau venu reçoit une erreur).</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>règle</translation>
    </message>
    <message>
        <source>Read settings from this INI file.</source>
        <translation>Lire les paramètres dans ce fichier INI.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Language of the window, e.g. fr or de (default: the system&apos;s).</source>
        <translation>Langue de la fenêtre, p. ex. fr ou de (par défaut&#xa0;: celle du système).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Seconds an unanswered ack is remembered (default 3600).</source>
        <translation>Durée en secondes pendant laquelle un ack sans réponse est conservé (par défaut 3600).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>Largest frame or message in bytes (default 1048576).</source>
        <translation>Taille maximale d’une trame ou d’un message, en octets (par défaut 1048576).</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>octets</translation>
    </message>
    <message>
        <source>Unsent bytes one client may have waiting before it is cut off as a slow consumer (default 16777216).</source>
        <translation>Octets non envoyés qu’un client peut avoir en attente avant d’être coupé comme consommateur lent (par défaut 16777216).</translation>
    </message>
    <message>
        <source>Most connections at once (default 10000).</source>
        <translation>Nombre maximal de connexions simultanées (par défaut 10000).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Longest client id in bytes (default 256).</source>
        <translation>Longueur maximale d’un identifiant de client, en octets (par défaut 256).</translation>
    </message>
    <message>
        <source>Most ids in one send (default 1000).</source>
        <translation>Nombre maximal d’identifiants dans un send (par défaut 1000).</translation>
    </message>
    <message>
        <source>Most unanswered acks per connection (default 10000).</source>
        <translation>Nombre maximal d’acks sans réponse par connexion (par défaut 10000).</translation>
    </message>
    <message>
        <source>Seconds between pings; a client silent for two intervals is closed (default 30, 0 is off).</source>
        <translation>Secondes entre deux pings&#xa0;; un client silencieux pendant deux intervalles est déconnecté (par défaut 30, 0 pour désactiver).</translation>
    </message>
    <message>
        <source>Frames per second one client may send (default 0, no limit).</source>
        <translation>Trames par seconde qu’un client peut envoyer (par défaut 0, sans limite).</translation>
    </message>
    <message>
        <source>Access token clients must pass as ?token= in the URL.</source>
        <translation>Jeton d’accès que les clients doivent passer sous la forme ?token= dans l’URL.</translation>
    </message>
    <message>
        <source>token</source>
        <translation>jeton</translation>
    </message>
    <message>
        <source>Read the access token from this file.</source>
        <translation>Lire le jeton d’accès dans ce fichier.</translation>
    </message>
    <message>
        <source>Accept only browsers from this Origin (repeatable).</source>
        <translation>N’accepter que les navigateurs de cette origine (Origin&#xa0;; répétable).</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>origine</translation>
    </message>
    <message>
        <source>--settings: cannot read &quot;%1&quot;</source>
        <translation>--settings&#xa0;: impossible de lire «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--settings: &quot;%1&quot; is not a valid INI file</source>
        <translation>--settings&#xa0;: «&#xa0;%1&#xa0;» n’est pas un fichier INI valide</translation>
    </message>
    <message>
        <source>--host: &quot;%1&quot; is not an IP address</source>
        <translation>--host&#xa0;: «&#xa0;%1&#xa0;» n’est pas une adresse IP</translation>
    </message>
    <message>
        <source>--duplicate-ids: &quot;%1&quot; must be takeover or reject</source>
        <translation>--duplicate-ids&#xa0;: «&#xa0;%1&#xa0;» doit valoir takeover ou reject</translation>
    </message>
    <message>
        <source>--token-file: cannot read &quot;%1&quot;</source>
        <translation>--token-file&#xa0;: impossible de lire «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--token-file: &quot;%1&quot; is empty</source>
        <translation>--token-file&#xa0;: «&#xa0;%1&#xa0;» est vide</translation>
    </message>
    <message>
        <source>Seconds a new connection has to finish its WebSocket handshake (default 10).</source>
        <translation>Secondes dont dispose une nouvelle connexion pour achever sa négociation WebSocket (par défaut 10).</translation>
    </message>
    <message>
        <source>Deepest nesting of arrays and objects in a frame (default 128).</source>
        <translation>Profondeur maximale d’imbrication des tableaux et objets dans une trame (par défaut 128).</translation>
    </message>
    <message>
        <source>levels</source>
        <translation>niveaux</translation>
    </message>
    <message>
        <source>Most unanswered acks in the whole broker (default 1000000); the oldest go first.</source>
        <translation>Nombre maximal d’acks sans réponse dans tout le broker (par défaut 1000000)&#xa0;; les plus anciens sont supprimés en premier.</translation>
    </message>
    <message>
        <source>Serve wss:// with this PEM certificate (chain); needs --tls-key.</source>
        <translation>Servir wss:// avec ce certificat PEM (ou cette chaîne)&#xa0;; nécessite --tls-key.</translation>
    </message>
    <message>
        <source>The unencrypted PEM private key of --tls-cert.</source>
        <translation>La clé privée PEM non chiffrée de --tls-cert.</translation>
    </message>
    <message>
        <source>--%1: cannot read &quot;%2&quot;</source>
        <translation>--%1&#xa0;: impossible de lire «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>files</source>
        <translation>fichiers</translation>
    </message>
    <message>
        <source>Captures, JSON Lines logs or HARs to open, each in a window of its own.</source>
        <translation>Captures, journaux JSON Lines ou HAR à ouvrir, chacun dans sa propre fenêtre.</translation>
    </message>
    <message>
        <source>[file...]</source>
        <translation>[fichier...]</translation>
    </message>
    <message>
        <source>cannot open &quot;%1&quot;: no such file</source>
        <translation>impossible d’ouvrir «&#xa0;%1&#xa0;»&#xa0;: fichier introuvable</translation>
    </message>
    <message>
        <source>a file to open (&quot;%1&quot;) needs the window; without --headless it opens beside the live log</source>
        <translation>un fichier à ouvrir («&#xa0;%1&#xa0;») nécessite la fenêtre&#xa0;; sans --headless, il s’ouvre à côté du journal en direct</translation>
    </message>
    <message>
        <source>Record every frame whole into this capture (headless); a capture already there is started anew.</source>
        <translation>Enregistrer chaque trame entière dans cette capture (avec --headless)&#xa0;; une capture déjà présente est recommencée à zéro.</translation>
    </message>
    <message>
        <source>Disk budget of --record in MiB; past it the oldest frames go (default 2048).</source>
        <translation>Budget disque de --record en Mio&#xa0;; au-delà, les trames les plus anciennes sont supprimées (par défaut 2048).</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>Mio</translation>
    </message>
    <message>
        <source>Frame budget of --record; past it the oldest frames go (default 10000000).</source>
        <translation>Budget de trames de --record&#xa0;; au-delà, les trames les plus anciennes sont supprimées (par défaut 10000000).</translation>
    </message>
    <message>
        <source>Convert the capture, JSON Lines log or HAR &lt;in&gt; into the file named after it (--convert IN OUT; the output&apos;s format by its extension: .wscap, .jsonl or .har) and exit.</source>
        <translation>Convertir la capture, le journal JSON Lines ou le HAR &lt;in&gt; dans le fichier nommé ensuite (--convert IN OUT&#xa0;; le format de sortie suit son extension&#xa0;: .wscap, .jsonl ou .har), puis quitter.</translation>
    </message>
    <message>
        <source>in</source>
        <translation>entrée</translation>
    </message>
    <message>
        <source>--convert: name the input and the output: --convert IN OUT</source>
        <translation>--convert&#xa0;: indiquez l’entrée et la sortie&#xa0;: --convert IN OUT</translation>
    </message>
    <message>
        <source>--record needs --headless (the window records its sessions itself)</source>
        <translation>--record nécessite --headless (la fenêtre enregistre elle-même ses sessions)</translation>
    </message>
    <message>
        <source>--record: name the capture file to write</source>
        <translation>--record&#xa0;: indiquez le fichier de capture à écrire</translation>
    </message>
    <message>
        <source>--%1 bounds --record, which is not given</source>
        <translation>--%1 limite --record, qui n’est pas indiqué</translation>
    </message>
    <message>
        <source>Most frames traffic rules may hold or keep waiting behind held ones (default 1000); past it such frames are dropped, and the log says why.</source>
        <translation>Nombre maximal de trames que les règles de trafic peuvent retenir ou faire attendre derrière des trames retenues (par défaut 1000)&#xa0;; au-delà, ces trames sont abandonnées et le journal dit pourquoi.</translation>
    </message>
    <message>
        <source>Apply the traffic rules of this JSON file (hold, delay, drop, duplicate, close, throttle, ignorePings; see the README), and reload it when it changes.</source>
        <translation>Appliquer les règles de trafic de ce fichier JSON (hold, delay, drop, duplicate, close, throttle, ignorePings&#xa0;; voir le README) et le relire quand il change.</translation>
    </message>
    <message>
        <source>--rules needs --headless (in the window, the rules are set in the window)</source>
        <translation>--rules nécessite --headless (dans la fenêtre, les règles se définissent dans la fenêtre)</translation>
    </message>
    <message>
        <source>--rules: cannot read &quot;%1&quot;</source>
        <translation>--rules&#xa0;: impossible de lire «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Run this peer script (JavaScript clients; see the README) against the broker (repeatable).</source>
        <translation>Exécuter ce script de pairs (clients JavaScript ; voir le README) contre le broker (répétable).</translation>
    </message>
    <message>
        <source>--script: cannot read &quot;%1&quot;</source>
        <translation>--script : impossible de lire « %1 »</translation>
    </message>
    <message>
        <source>--%1 is an option of --replay, which is not given</source>
        <translation>--%1 est une option de --replay, qui n’est pas indiqué</translation>
    </message>
    <message>
        <source>--replay: cannot read &quot;%1&quot;</source>
        <translation>--replay : impossible de lire « %1 »</translation>
    </message>
    <message>
        <source>--speed: &quot;%1&quot; is not a number from 0.01 to 1000</source>
        <translation>--speed : « %1 » n’est pas un nombre entre 0.01 et 1000</translation>
    </message>
    <message>
        <source>--timing: &quot;%1&quot; must be recorded, fast or input</source>
        <translation>--timing : « %1 » doit valoir recorded, fast ou input</translation>
    </message>
    <message>
        <source>Play this capture, JSON Lines log or HAR into the broker, simulating every recorded client not named by --live, and compare what happens with the recording; headless, exit 0 when it matched, 1 when not; in the window, the Replay dialog opens with it.</source>
        <translation>Rejouer cette capture, ce journal JSON Lines ou ce HAR dans le broker, en simulant chaque client enregistré non nommé par --live, et comparer ce qui se passe avec l’enregistrement ; avec --headless, code de sortie 0 si tout concorde, 1 sinon ; dans la fenêtre, la boîte de dialogue Rejouer s’ouvre avec ce fichier.</translation>
    </message>
    <message>
        <source>A recorded client id that a real client under test takes (repeatable).</source>
        <translation>Un identifiant de client enregistré que prend un vrai client testé (répétable).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Replay timing as recorded, this many times faster (default 1).</source>
        <translation>Rejouer au rythme enregistré, autant de fois plus vite (par défaut 1).</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>facteur</translation>
    </message>
    <message>
        <source>recorded (default: the recording&apos;s pauses, divided by --speed), fast (as fast as possible) or input (a simulated client waits for what it had received before).</source>
        <translation>recorded (par défaut : les pauses de l’enregistrement, divisées par --speed), fast (aussi vite que possible) ou input (un client simulé attend ce qu’il avait reçu avant).</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>mode</translation>
    </message>
    <message>
        <source>A JSON path not compared by --replay, e.g. message.timestamp (repeatable).</source>
        <translation>Un chemin JSON que --replay ne compare pas, p. ex. message.timestamp (répétable).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
    <message>
        <source>Seconds --replay waits for the live clients, and for the end (default 30).</source>
        <translation>Secondes pendant lesquelles --replay attend les clients réels, puis la fin (par défaut 30).</translation>
    </message>
    <message>
        <source>Write the --replay result as JUnit XML to this file.</source>
        <translation>Écrire le résultat de --replay en XML JUnit dans ce fichier.</translation>
    </message>
    <message>
        <source>Check the message of every send and answer against the JSON Schemas of this folder or AsyncAPI file (see the README) and print each violation.</source>
        <translation>Vérifier le message de chaque send et answer avec les schémas JSON de ce dossier ou fichier AsyncAPI (voir le README) et afficher chaque violation.</translation>
    </message>
    <message>
        <source>--schemas needs --headless</source>
        <translation>--schemas nécessite --headless</translation>
    </message>
    <message>
        <source>--schemas: no such file or folder &quot;%1&quot;</source>
        <translation>--schemas : fichier ou dossier &quot;%1&quot; introuvable</translation>
    </message>
    <message>
        <source>--metrics-token and --metrics-token-file: give one of them</source>
        <translation>--metrics-token et --metrics-token-file&#xa0;: donnez l’une des deux</translation>
    </message>
    <message>
        <source>--metrics-token: the token is empty</source>
        <translation>--metrics-token&#xa0;: le jeton est vide</translation>
    </message>
    <message>
        <source>--metrics-token-file: cannot read &quot;%1&quot;</source>
        <translation>--metrics-token-file&#xa0;: impossible de lire «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--metrics-token-file: &quot;%1&quot; is empty</source>
        <translation>--metrics-token-file&#xa0;: «&#xa0;%1&#xa0;» est vide</translation>
    </message>
    <message>
        <source>Bearer token GET /metrics requires (default: the --token, if any).</source>
        <translation>Jeton Bearer exigé par GET /metrics (par défaut&#xa0;: celui de --token, s’il y en a un).</translation>
    </message>
    <message>
        <source>Read the bearer token of GET /metrics from the first line of this file.</source>
        <translation>Lire le jeton Bearer de GET /metrics sur la première ligne de ce fichier.</translation>
    </message>
    <message>
        <source>Headless: enable the read-only monitor endpoint ws://host:port/.wsmsgbroker/monitor for this token (see docs/monitor-protocol.md). With --attach: the token to present.</source>
        <translation>Sans fenêtre : active le point d&apos;accès de moniteur en lecture seule ws://hôte:port/.wsmsgbroker/monitor pour ce jeton (voir docs/monitor-protocol.md). Avec --attach : le jeton à présenter.</translation>
    </message>
    <message>
        <source>Read the --monitor-token from this file.</source>
        <translation>Lire le --monitor-token dans ce fichier.</translation>
    </message>
    <message>
        <source>Headless: a monitor token that may also disconnect clients and set traffic rules.</source>
        <translation>Sans fenêtre : un jeton de moniteur qui peut aussi déconnecter des clients et définir les règles de trafic.</translation>
    </message>
    <message>
        <source>Events a monitor gets first when it connects (default 1000).</source>
        <translation>Événements qu&apos;un moniteur reçoit d&apos;abord à sa connexion (1000 par défaut).</translation>
    </message>
    <message>
        <source>Show the headless broker at this URL (e.g. ws://host:9042) through its monitor endpoint instead of running a broker in the window.</source>
        <translation>Afficher le broker sans fenêtre à cette URL (p. ex. ws://hôte:9042) par son point d&apos;accès de moniteur au lieu de lancer un broker dans la fenêtre.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>--monitor-token: the token is empty</source>
        <translation>--monitor-token : le jeton est vide</translation>
    </message>
    <message>
        <source>--monitor-token and --monitor-token-file: give one of them</source>
        <translation>--monitor-token et --monitor-token-file : donnez l&apos;un des deux</translation>
    </message>
    <message>
        <source>--monitor-token-file: cannot read &quot;%1&quot;</source>
        <translation>--monitor-token-file : impossible de lire « %1 »</translation>
    </message>
    <message>
        <source>--monitor-token-file: &quot;%1&quot; is empty</source>
        <translation>--monitor-token-file : « %1 » est vide</translation>
    </message>
    <message>
        <source>--monitor-control-token: the token is empty</source>
        <translation>--monitor-control-token : le jeton est vide</translation>
    </message>
    <message>
        <source>--monitor-control-token must differ from --monitor-token</source>
        <translation>--monitor-control-token doit différer de --monitor-token</translation>
    </message>
    <message>
        <source>--monitor-backlog: &quot;%1&quot; is not a number from 0 to 1000000</source>
        <translation>--monitor-backlog : « %1 » n&apos;est pas un nombre de 0 à 1000000</translation>
    </message>
    <message>
        <source>--attach opens a window; it does not go with --headless</source>
        <translation>--attach ouvre une fenêtre ; il ne va pas avec --headless</translation>
    </message>
    <message>
        <source>--attach: &quot;%1&quot; is not a ws:// or wss:// URL</source>
        <translation>--attach : « %1 » n&apos;est pas une URL ws:// ou wss://</translation>
    </message>
    <message>
        <source>--monitor-control-token: with --attach, give the token to present as --monitor-token</source>
        <translation>--monitor-control-token : avec --attach, donnez le jeton à présenter par --monitor-token</translation>
    </message>
    <message>
        <source>the monitor endpoint (--monitor-token) needs --headless; to watch a broker from the window, use --attach</source>
        <translation>le point d&apos;accès de moniteur (--monitor-token) demande --headless ; pour observer un broker depuis la fenêtre, utilisez --attach</translation>
    </message>
    <message>
        <source>--monitor-backlog bounds the monitor endpoint, which needs --monitor-token or --monitor-control-token</source>
        <translation>--monitor-backlog borne le point d&apos;accès de moniteur, qui demande --monitor-token ou --monitor-control-token</translation>
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
            <numerusform>Salon %1&#xa0;: %n connexion</numerusform>
            <numerusform>Salon %1&#xa0;: %n connexions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registered</source>
        <translation>
            <numerusform>%n inscrite</numerusform>
            <numerusform>%n inscrites</numerusform>
        </translation>
    </message>
    <message>
        <source>(unregistered)</source>
        <translation>(non inscrit)</translation>
    </message>
    <message>
        <source>Connection %1 in room %2, connected at %3</source>
        <translation>Connexion %1 dans le salon %2, connectée depuis %3</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Adresse distante</translation>
    </message>
    <message>
        <source>Connected for</source>
        <translation>Connecté depuis</translation>
    </message>
    <message>
        <source>Frames in</source>
        <translation>Trames reçues</translation>
    </message>
    <message>
        <source>Frames out</source>
        <translation>Trames envoyées</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Octets reçus</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Octets envoyés</translation>
    </message>
    <message>
        <source>Pending acks</source>
        <translation>Acks en attente</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file d’attente</translation>
    </message>
    <message>
        <source>%1
Connection %2 in room %3, connected at %4</source>
        <translation>%1
Connexion %2 dans le salon %3, connectée depuis %4</translation>
    </message>
    <message>
        <source>%1  ⚠ %2</source>
        <comment>client and its number of contract violations</comment>
        <translation>%1  ⚠ %2</translation>
    </message>
    <message numerus="yes">
        <source>%n contract violation(s)</source>
        <translation>
            <numerusform>%n violation de contrat</numerusform>
            <numerusform>%n violations de contrat</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleClient</name>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connexion en cours</translation>
    </message>
    <message>
        <source>Connected, not registered</source>
        <translation>Connecté, non inscrit</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrit</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Fermeture en cours</translation>
    </message>
    <message>
        <source>Not a ws:// or wss:// URL: %1</source>
        <translation>Ce n’est pas une URL ws:// ou wss://&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>binary, %n byte(s): %1</source>
        <translation>
            <numerusform>binaire, %n octet&#xa0;: %1</numerusform>
            <numerusform>binaire, %n octets&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>close code %1</source>
        <translation>code de fermeture %1</translation>
    </message>
    <message numerus="yes">
        <source>%n ask(s) left unanswered</source>
        <translation>
            <numerusform>%n demande restée sans réponse</numerusform>
            <numerusform>%n demandes restées sans réponse</numerusform>
        </translation>
    </message>
    <message>
        <source>Unreadable frame: %1</source>
        <translation>Trame illisible&#xa0;: %1</translation>
    </message>
    <message>
        <source>registered as %1</source>
        <translation>inscrit sous %1</translation>
    </message>
    <message>
        <source>unregistered %1</source>
        <translation>%1 désinscrit</translation>
    </message>
    <message>
        <source>%1 was taken over by another connection</source>
        <translation>%1 a été repris par une autre connexion</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;: %2</source>
        <translation>Action inconnue «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Binary frame, %n byte(s): %1</source>
        <translation>
            <numerusform>Trame binaire, %n octet&#xa0;: %1</numerusform>
            <numerusform>Trame binaire, %n octets&#xa0;: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleClientWidget</name>
    <message>
        <source>ws://host:port/room</source>
        <translation>ws://hôte:port/salon</translation>
    </message>
    <message>
        <source>Broker URL; its path names the room</source>
        <translation>URL du broker&#xa0;; son chemin désigne le salon</translation>
    </message>
    <message>
        <source>client id</source>
        <translation>identifiant du client</translation>
    </message>
    <message>
        <source>The id this client registers with</source>
        <translation>L’identifiant sous lequel ce client s’inscrit</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message>
        <source>Open the connection and register the id</source>
        <translation>Ouvrir la connexion et inscrire l’identifiant</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Unregister</source>
        <translation>Désinscrire</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL&#xa0;:</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>Echo the message</source>
        <translation>Renvoyer le message</translation>
    </message>
    <message>
        <source>Fixed value</source>
        <translation>Valeur fixe</translation>
    </message>
    <message>
        <source>Answer every incoming message that carries an ack</source>
        <translation>Répondre à chaque message reçu qui porte un ack</translation>
    </message>
    <message>
        <source>JSON value to answer with</source>
        <translation>Valeur JSON à renvoyer en réponse</translation>
    </message>
    <message>
        <source>Auto-answer:</source>
        <translation>Réponse automatique&#xa0;:</translation>
    </message>
    <message>
        <source>unregistered</source>
        <translation>désinscrit</translation>
    </message>
    <message>
        <source>waiting for an answer</source>
        <translation>en attente de réponse</translation>
    </message>
    <message>
        <source>destination ids, comma separated</source>
        <translation>identifiants des destinataires, séparés par des virgules</translation>
    </message>
    <message>
        <source>JSON message</source>
        <translation>Message JSON</translation>
    </message>
    <message>
        <source>Raw text frame</source>
        <translation>Trame texte brute</translation>
    </message>
    <message>
        <source>Raw binary frame (hex)</source>
        <translation>Trame binaire brute (hexa)</translation>
    </message>
    <message>
        <source>Raw binary frame (text bytes)</source>
        <translation>Trame binaire brute (octets du texte)</translation>
    </message>
    <message>
        <source>Raw modes send the editor&apos;s text exactly as typed, without the protocol around it</source>
        <translation>Les modes bruts envoient le texte de l’éditeur tel quel, sans l’enveloppe du protocole</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Destinataires&#xa0;:</translation>
    </message>
    <message>
        <source>E&amp;xpect an answer</source>
        <translation>Attendre une &amp;réponse</translation>
    </message>
    <message>
        <source>Send a fresh ack and show the answer with its round-trip time</source>
        <translation>Envoyer un nouvel ack et afficher la réponse avec son temps d’aller-retour</translation>
    </message>
    <message>
        <source>&amp;Beautify</source>
        <translation>Mettre en &amp;forme</translation>
    </message>
    <message>
        <source>Co&amp;mpact</source>
        <translation>&amp;Compacter</translation>
    </message>
    <message>
        <source>&amp;Saved</source>
        <translation>&amp;Enregistrés</translation>
    </message>
    <message>
        <source>Named saved messages, shared by all console clients</source>
        <translation>Messages enregistrés sous un nom, partagés par tous les clients de la console</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>Ré&amp;pondre</translation>
    </message>
    <message>
        <source>Send the editor&apos;s JSON as the answer to the selected message</source>
        <translation>Envoyer le JSON de l’éditeur en réponse au message sélectionné</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Envoyer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnecter</translation>
    </message>
    <message>
        <source>Close this connection and open a new one</source>
        <translation>Fermer cette connexion et en ouvrir une nouvelle</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <source>Not hex: type pairs of hex digits, e.g. 7b 22 61 22 7d</source>
        <translation>Pas de l’hexadécimal&#xa0;: tapez des paires de chiffres hexadécimaux, p. ex. 7b 22 61 22 7d</translation>
    </message>
    <message>
        <source>Answering %1 (ack %2)</source>
        <translation>Réponse à %1 (ack %2)</translation>
    </message>
    <message>
        <source>Connect first</source>
        <translation>Connectez-vous d’abord</translation>
    </message>
    <message>
        <source>Name at least one destination</source>
        <translation>Indiquez au moins un destinataire</translation>
    </message>
    <message>
        <source>Save Current Message As…</source>
        <translation>Enregistrer le message actuel sous…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Clear History of Sent Messages</source>
        <translation>Effacer l’historique des messages envoyés</translation>
    </message>
    <message>
        <source>Save Message</source>
        <translation>Enregistrer le message</translation>
    </message>
    <message>
        <source>Name of the saved message:</source>
        <translation>Nom du message enregistré&#xa0;:</translation>
    </message>
    <message>
        <source>Copy Message</source>
        <translation>Copier le message</translation>
    </message>
    <message>
        <source>Copy into Editor</source>
        <translation>Copier dans l’éditeur</translation>
    </message>
    <message>
        <source>Reply to %1</source>
        <translation>Répondre à %1</translation>
    </message>
    <message>
        <source>Clear Conversation</source>
        <translation>Effacer la conversation</translation>
    </message>
    <message>
        <source>Not JSON, nothing is answered</source>
        <translation>Pas du JSON, aucune réponse n’est envoyée</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Sent to %1</source>
        <translation>Envoyé à %1</translation>
    </message>
    <message>
        <source>Answered %1</source>
        <translation>Réponse à %1</translation>
    </message>
    <message>
        <source>Sent as a raw frame</source>
        <translation>Envoyé comme trame brute</translation>
    </message>
    <message>
        <source>%1, in room %2</source>
        <translation>%1, dans le salon %2</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Historique&#xa0;: %1</translation>
    </message>
    <message>
        <source>Recalled from the history of sent messages; Down returns to your draft</source>
        <translation>Rappelé depuis l’historique des messages envoyés&#xa0;; Bas ramène à votre brouillon</translation>
    </message>
</context>
<context>
    <name>ConsoleConversationModel</name>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>inscrit</translation>
    </message>
    <message>
        <source>unregistered</source>
        <translation>désinscrit</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>received</source>
        <translation>reçu</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>répondu</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>réponse</translation>
    </message>
    <message>
        <source>raw frame</source>
        <translation>trame brute</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>answered in %1</source>
        <translation>réponse en %1</translation>
    </message>
    <message>
        <source>waiting for an answer</source>
        <translation>en attente de réponse</translation>
    </message>
    <message>
        <source>select to answer</source>
        <translation>sélectionner pour répondre</translation>
    </message>
    <message>
        <source>auto-answer</source>
        <translation>réponse automatique</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Correspondant</translation>
    </message>
    <message>
        <source>Ack</source>
        <translation>Ack</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>reached no one</source>
        <translation>n’a atteint personne</translation>
    </message>
    <message>
        <source>No answer will come: %1</source>
        <translation>Aucune réponse ne viendra&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ConsoleJson</name>
    <message>
        <source>empty document</source>
        <translation>document vide</translation>
    </message>
    <message>
        <source>more than one value</source>
        <translation>plus d’une valeur</translation>
    </message>
</context>
<context>
    <name>ConsolePanel</name>
    <message>
        <source>New Client</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>Add N Clients…</source>
        <translation>Ajouter N clients…</translation>
    </message>
    <message>
        <source>Open several connected clients at once in one room</source>
        <translation>Ouvrir d’un coup plusieurs clients connectés dans un même salon</translation>
    </message>
    <message>
        <source>Add Clients</source>
        <translation>Ajouter des clients</translation>
    </message>
    <message>
        <source>Id: %1-1</source>
        <translation>Identifiant&#xa0;: %1-1</translation>
    </message>
    <message>
        <source>Ids: %1-1 … %1-%2</source>
        <translation>Identifiants&#xa0;: %1-1 … %1-%2</translation>
    </message>
    <message>
        <source>Base &amp;name:</source>
        <translation>&amp;Nom de base&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation>No&amp;mbre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Salon&#xa0;:</translation>
    </message>
    <message>
        <source>(no id)</source>
        <translation>(sans identifiant)</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Test console</source>
        <translation>Console de test</translation>
    </message>
    <message>
        <source>Pretend to be a client of the broker: register an id, talk to your own clients, answer them, or send malformed frames.</source>
        <translation>Faites-vous passer pour un client du broker&#xa0;: inscrivez un identifiant, dialoguez avec vos propres clients, répondez-leur ou envoyez des trames malformées.</translation>
    </message>
    <message>
        <source>The room New Client and Add N Clients open clients in: one of the broker&apos;s rooms, or a new name</source>
        <translation>Le salon dans lequel Nouveau client et Ajouter N clients ouvrent les clients&#xa0;: l’un des salons du broker, ou un nouveau nom</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>Salon&#xa0;:</translation>
    </message>
    <message>
        <source>Open a new console client in this room</source>
        <translation>Ouvrir un nouveau client de console dans ce salon</translation>
    </message>
    <message>
        <source>All Tabs</source>
        <translation>Tous les onglets</translation>
    </message>
    <message>
        <source>Reconnect the disconnected clients or close every tab</source>
        <translation>Reconnecter les clients déconnectés ou fermer tous les onglets</translation>
    </message>
    <message>
        <source>Reconnect Disconnected Clients</source>
        <translation>Reconnecter les clients déconnectés</translation>
    </message>
    <message>
        <source>Close All Tabs</source>
        <translation>Fermer tous les onglets</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnecter</translation>
    </message>
    <message>
        <source>Close Tab</source>
        <translation>Fermer l’onglet</translation>
    </message>
    <message>
        <source>Close Other Tabs</source>
        <translation>Fermer les autres onglets</translation>
    </message>
    <message numerus="yes">
        <source>Reconnect %n Disconnected Client(s)</source>
        <translation>
            <numerusform>Reconnecter %n client déconnecté</numerusform>
            <numerusform>Reconnecter les %n clients déconnectés</numerusform>
        </translation>
    </message>
    <message>
        <source>Run Script…</source>
        <translation>Exécuter un script…</translation>
    </message>
    <message>
        <source>Run a JavaScript file of simulated clients (scripted peers)</source>
        <translation>Exécuter un fichier JavaScript de clients simulés (pairs scriptés)</translation>
    </message>
    <message>
        <source>Run Peer Script</source>
        <translation>Exécuter un script de pairs</translation>
    </message>
    <message>
        <source>JavaScript (*.js);;All files (*)</source>
        <translation>JavaScript (*.js);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>ContractFailureText</name>
    <message>
        <source>Violates its contract at %1: %2</source>
        <translation>Enfreint son contrat en %1 : %2</translation>
    </message>
</context>
<context>
    <name>ContractSchema</name>
    <message>
        <source>a schema must be a JSON object or a boolean</source>
        <translation>un schéma doit être un objet JSON ou un booléen</translation>
    </message>
    <message>
        <source>the schema false admits no value</source>
        <translation>le schéma false n’admet aucune valeur</translation>
    </message>
    <message>
        <source>$ref %1 is not in this document (other documents are not fetched)</source>
        <translation>$ref %1 n’est pas dans ce document (les autres documents ne sont pas récupérés)</translation>
    </message>
</context>
<context>
    <name>ContractSet</name>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1 : fichier ou dossier introuvable</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: larger than %2 MiB</source>
        <translation>%1 : plus de %2 Mio</translation>
    </message>
    <message>
        <source>%1: not YAML: %2</source>
        <translation>%1 : pas du YAML : %2</translation>
    </message>
    <message>
        <source>%1: not JSON at byte %2: %3</source>
        <translation>%1 : pas du JSON à l’octet %2 : %3</translation>
    </message>
    <message>
        <source>%1: no *.schema.json, *.schema.yaml or *.schema.yml files</source>
        <translation>%1 : aucun fichier *.schema.json, *.schema.yaml ou *.schema.yml</translation>
    </message>
    <message>
        <source>%1: the name should be ACTION.MEMBER=VALUE.schema.json</source>
        <translation>%1 : le nom devrait être ACTION.MEMBRE=VALEUR.schema.json</translation>
    </message>
    <message>
        <source>%1: the name should start with send or answer</source>
        <translation>%1 : le nom devrait commencer par send ou answer</translation>
    </message>
    <message>
        <source>%1: not a usable schema: %2</source>
        <translation>%1 : schéma inutilisable : %2</translation>
    </message>
    <message>
        <source>%1: room %2 already selects %3 schemas by %4, not by %5</source>
        <translation>%1 : le salon %2 choisit déjà ses schémas %3 selon %4, pas selon %5</translation>
    </message>
</context>
<context>
    <name>ContractViolationModel</name>
    <message>
        <source>Room</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
</context>
<context>
    <name>DeliveryPipeline</name>
    <message>
        <source>held %1 ms by %2</source>
        <translation>retenue %1 ms par %2</translation>
    </message>
    <message>
        <source>dropped: the receiver left</source>
        <translation>abandonnée : le destinataire est parti</translation>
    </message>
    <message>
        <source>dropped: %1 frames held or waiting (limit %2)</source>
        <translation>abandonnée&#xa0;: %1 trames retenues ou en attente (limite&#xa0;: %2)</translation>
    </message>
    <message>
        <source>dropped: %1 bytes held or waiting for the receiver (limit %2)</source>
        <translation>abandonnée&#xa0;: %1 octets retenus ou en attente pour le destinataire (limite&#xa0;: %2)</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <source>client closed</source>
        <translation>fermée par le client</translation>
    </message>
    <message>
        <source>broker stopped</source>
        <translation>broker arrêté</translation>
    </message>
    <message>
        <source>disconnected by you</source>
        <translation>déconnectée par vous</translation>
    </message>
    <message>
        <source>slow consumer</source>
        <translation>consommateur lent</translation>
    </message>
    <message>
        <source>message too big</source>
        <translation>message trop gros</translation>
    </message>
    <message>
        <source>invalid UTF-8</source>
        <translation>UTF-8 invalide</translation>
    </message>
    <message>
        <source>ping timeout</source>
        <translation>délai de ping dépassé</translation>
    </message>
    <message>
        <source>token refused</source>
        <translation>jeton refusé</translation>
    </message>
    <message>
        <source>origin refused</source>
        <translation>origine refusée</translation>
    </message>
    <message>
        <source>too many connections</source>
        <translation>trop de connexions</translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation>erreur de protocole</translation>
    </message>
    <message>
        <source>done</source>
        <translation>traité</translation>
    </message>
    <message>
        <source>partly delivered</source>
        <translation>partiellement remis</translation>
    </message>
    <message>
        <source>unknown destination</source>
        <translation>destinataire inconnu</translation>
    </message>
    <message>
        <source>answer dropped</source>
        <translation>réponse abandonnée</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignoré</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <source>id bound</source>
        <translation>identifiant lié</translation>
    </message>
    <message>
        <source>id released</source>
        <translation>identifiant libéré</translation>
    </message>
    <message>
        <source>room created</source>
        <translation>salon créé</translation>
    </message>
    <message>
        <source>room removed</source>
        <translation>salon supprimé</translation>
    </message>
    <message>
        <source>(binary)</source>
        <translation>(binaire)</translation>
    </message>
    <message>
        <source>(invalid)</source>
        <translation>(invalide)</translation>
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
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>handshake refused</source>
        <translation>négociation refusée</translation>
    </message>
    <message>
        <source>handshake timed out</source>
        <translation>négociation expirée</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>connexion perdue</translation>
    </message>
    <message>
        <source>closed by a traffic rule</source>
        <translation>fermée par une règle de trafic</translation>
    </message>
</context>
<context>
    <name>FrameComparison</name>
    <message>
        <source>Those frames are no longer in the log.</source>
        <translation>Ces trames ne sont plus dans le journal.</translation>
    </message>
    <message>
        <source>Only frames can be compared, not broker events.</source>
        <translation>Seules des trames peuvent être comparées, pas des événements du broker.</translation>
    </message>
    <message>
        <source>A binary frame cannot be compared as JSON.</source>
        <translation>Une trame binaire ne peut pas être comparée en JSON.</translation>
    </message>
    <message>
        <source>The bytes of one of the frames were not recorded whole.</source>
        <translation>Les octets de l’une des trames n’ont pas été enregistrés en entier.</translation>
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
        <translation>Brut</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <source>Copy the text of the current tab</source>
        <translation>Copier le texte de l’onglet actif</translation>
    </message>
    <message>
        <source>connection #%1</source>
        <translation>connexion #%1</translation>
    </message>
    <message>
        <source>%1 (connection #%2)</source>
        <translation>%1 (connexion #%2)</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 reçu</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 envoyé</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; %2 · room &lt;b&gt;%3&lt;/b&gt; · %4 · %n byte(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; %2 · salon &lt;b&gt;%3&lt;/b&gt; · %4 · %n octet</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; %2 · salon &lt;b&gt;%3&lt;/b&gt; · %4 · %n octets</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Only the first %n byte(s) were recorded.</source>
        <translation>
            <numerusform>Seul %n octet a été enregistré.</numerusform>
            <numerusform>Seuls les %n premiers octets ont été enregistrés.</numerusform>
        </translation>
    </message>
    <message>
        <source>(binary frame: see the hex view)</source>
        <translation>(trame binaire&#xa0;: voir la vue hexadécimale)</translation>
    </message>
    <message>
        <source>Select a frame in the log to see it here.</source>
        <translation>Sélectionnez une trame dans le journal pour l’afficher ici.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 · room &lt;b&gt;%3&lt;/b&gt; · %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 · salon &lt;b&gt;%3&lt;/b&gt; · %4</translation>
    </message>
    <message>
        <source>A broker event is not a frame: it has no bytes</source>
        <translation>Un événement du broker n’est pas une trame&#xa0;: il n’a pas d’octets</translation>
    </message>
    <message>
        <source>Room: %1
Client: %2</source>
        <translation>Salon&#xa0;: %1
Client&#xa0;: %2</translation>
    </message>
    <message>
        <source>&lt;i&gt;Showing the first %1 of %2 bytes.&lt;/i&gt; &lt;a href=&quot;more&quot;&gt;Show more&lt;/a&gt;</source>
        <translation>&lt;i&gt;Affichage des %1 premiers octets sur %2.&lt;/i&gt; &lt;a href=&quot;more&quot;&gt;Afficher plus&lt;/a&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;The JSON tab shows the first %1 lines.&lt;/i&gt; &lt;a href=&quot;more&quot;&gt;Show more&lt;/a&gt;</source>
        <translation>&lt;i&gt;L’onglet JSON affiche les %1 premières lignes.&lt;/i&gt; &lt;a href=&quot;more&quot;&gt;Afficher plus&lt;/a&gt;</translation>
    </message>
    <message>
        <source>The capture&apos;s writer was too far behind when this frame came: its bytes were not recorded.</source>
        <translation>L’écriture de la capture avait trop de retard à l’arrivée de cette trame : ses octets n’ont pas été enregistrés.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>What changed since the previous frame like this one, or between two frames selected with Ctrl+click</source>
        <translation>Ce qui a changé depuis la trame précédente du même genre, ou entre deux trames sélectionnées avec Ctrl+clic</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>abandonnée</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>Non remise&#xa0;: %1</translation>
    </message>
    <message>
        <source>Traffic control: %1</source>
        <translation>Contrôle du trafic&#xa0;: %1</translation>
    </message>
    <message>
        <source>Plot This Path</source>
        <translation>Tracer ce chemin</translation>
    </message>
    <message>
        <source>Only the members of a text frame&apos;s JSON can be plotted</source>
        <translation>Seuls les membres du JSON d’une trame texte peuvent être tracés</translation>
    </message>
    <message>
        <source>Right-click a member of the frame to plot its values</source>
        <translation>Cliquez avec le bouton droit sur un membre de la trame pour tracer ses valeurs</translation>
    </message>
    <message>
        <source>%1 is not a number here: only numbers can be plotted</source>
        <translation>%1 n’est pas un nombre ici : seuls les nombres peuvent être tracés</translation>
    </message>
    <message>
        <source>Plot the numbers clients send at %1 over time, a line per client</source>
        <translation>Tracer dans le temps les nombres que les clients envoient à %1, une ligne par client</translation>
    </message>
</context>
<context>
    <name>FrameDiffView</name>
    <message>
        <source>Select one frame to compare it with the previous one like it, or two frames (Ctrl+click) to compare them.</source>
        <translation>Sélectionnez une trame pour la comparer à la précédente du même genre, ou deux trames (Ctrl+clic) pour les comparer.</translation>
    </message>
    <message>
        <source>The two selected frames</source>
        <translation>Les deux trames sélectionnées</translation>
    </message>
    <message>
        <source>No earlier %1 of %2 in this room in the log to compare with.</source>
        <translation>Aucun %1 antérieur de %2 dans ce salon dans le journal pour comparer.</translation>
    </message>
    <message>
        <source>A broker event is not a frame: there is nothing to compare.</source>
        <translation>Un événement du broker n’est pas une trame&#xa0;: il n’y a rien à comparer.</translation>
    </message>
    <message>
        <source>Compared with the previous %1 of %2, at %3 (&lt;a href=&quot;other&quot;&gt;show it&lt;/a&gt;)</source>
        <translation>Comparé au %1 précédent de %2, à %3 (&lt;a href=&quot;other&quot;&gt;l’afficher&lt;/a&gt;)</translation>
    </message>
    <message>
        <source>Select a frame to compare it with the previous one like it, or two frames (Ctrl+click) to compare them.</source>
        <translation>Sélectionnez une trame pour la comparer à la précédente du même genre, ou deux trames (Ctrl+clic) pour les comparer.</translation>
    </message>
    <message>
        <source>The filters hide that frame.</source>
        <translation>Les filtres masquent cette trame.</translation>
    </message>
</context>
<context>
    <name>FrameFilterProxyModel</name>
    <message>
        <source>%1 at position %2</source>
        <translation>%1 à la position %2</translation>
    </message>
</context>
<context>
    <name>FrameLogFile</name>
    <message>
        <source>cannot write: %1</source>
        <translation>écriture impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>line %1 is not a frame log entry%2</source>
        <translation>la ligne %1 n’est pas une entrée de journal de trames%2</translation>
    </message>
    <message>
        <source> (%1 at offset %2)</source>
        <translation> (%1 à la position %2)</translation>
    </message>
</context>
<context>
    <name>FrameLogModel</name>
    <message>
        <source>connection opened</source>
        <translation>connexion ouverte</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>registered as %1</source>
        <translation>inscrit sous %1</translation>
    </message>
    <message>
        <source>registered as %1 (%2)</source>
        <translation>inscrit sous %1 (%2)</translation>
    </message>
    <message>
        <source>released %1</source>
        <translation>%1 libéré</translation>
    </message>
    <message>
        <source>released %1 (%2)</source>
        <translation>%1 libéré (%2)</translation>
    </message>
    <message>
        <source>room %1 created</source>
        <translation>salon %1 créé</translation>
    </message>
    <message>
        <source>room %1 removed</source>
        <translation>salon %1 supprimé</translation>
    </message>
    <message>
        <source>binary: %1</source>
        <translation>binaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>to %1: %2</source>
        <translation>à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>from %1: %2</source>
        <translation>de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 [%2: %3]</source>
        <translation>%1 [%2&#xa0;: %3]</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>Connexion %1</translation>
    </message>
    <message>
        <source>From the client to the broker</source>
        <translation>Du client vers le broker</translation>
    </message>
    <message>
        <source>From the broker to the client</source>
        <translation>Du broker vers le client</translation>
    </message>
    <message>
        <source>Broker event</source>
        <translation>Événement du broker</translation>
    </message>
    <message>
        <source>%1 bytes, first %2 recorded</source>
        <translation>%1 octets, les %2 premiers enregistrés</translation>
    </message>
    <message>
        <source>ack %1</source>
        <translation>ack %1</translation>
    </message>
    <message>
        <source>No answer after %1</source>
        <translation>Pas de réponse après %1</translation>
    </message>
    <message>
        <source>Waiting for an answer</source>
        <translation>En attente de réponse</translation>
    </message>
    <message>
        <source>in</source>
        <translation>entrée</translation>
    </message>
    <message>
        <source>out</source>
        <translation>sortie</translation>
    </message>
    <message>
        <source>system</source>
        <translation>système</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>%1
Connection %2</source>
        <translation>%1
Connexion %2</translation>
    </message>
    <message>
        <source>%1 [not delivered: %2]</source>
        <translation>%1 [non remise&#xa0;: %2]</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>abandonnée</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>Non remise&#xa0;: %1</translation>
    </message>
    <message>
        <source>Traffic control: %1</source>
        <translation>Contrôle du trafic&#xa0;: %1</translation>
    </message>
    <message>
        <source>violates %1 · %2</source>
        <translation>enfreint %1 · %2</translation>
    </message>
    <message>
        <source>Contract violation at %1: %2</source>
        <translation>Violation du contrat en %1 : %2</translation>
    </message>
</context>
<context>
    <name>HarReader</name>
    <message>
        <source>HAR entry %1: %2</source>
        <translation>entrée HAR %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>HAR entry %1: message type &quot;%2&quot; is neither send nor receive</source>
        <translation>entrée HAR %1&#xa0;: le type de message «&#xa0;%2&#xa0;» n’est ni send ni receive</translation>
    </message>
    <message>
        <source>HAR entry %1: not valid JSON: %2</source>
        <translation>entrée HAR %1&#xa0;: JSON non valide&#xa0;: %2</translation>
    </message>
    <message>
        <source>line %1: not a valid HAR: %2</source>
        <translation>ligne %1&#xa0;: HAR non valide&#xa0;: %2</translation>
    </message>
    <message>
        <source>line 1: not a HAR: there is no &quot;log&quot; member</source>
        <translation>ligne 1&#xa0;: pas un HAR&#xa0;: il n’y a pas de membre «&#xa0;log&#xa0;»</translation>
    </message>
</context>
<context>
    <name>HeadlessContracts</name>
    <message numerus="yes">
        <source>contracts: %n event(s) not checked (the checker fell behind)</source>
        <translation>
            <numerusform>contrats : %n événement non vérifié (le vérificateur a pris du retard)</numerusform>
            <numerusform>contrats : %n événements non vérifiés (le vérificateur a pris du retard)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessRecording</name>
    <message>
        <source>recording stopped: %1</source>
        <translation>enregistrement arrêté&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: the capture&apos;s budget (%2 MiB, %3 frames) has discarded the oldest %n frame(s) so far</source>
        <translation>
            <numerusform>%1&#xa0;: le budget de la capture (%2 Mio, %3 trames) a supprimé jusqu’ici la trame la plus ancienne (%n)</numerusform>
            <numerusform>%1&#xa0;: le budget de la capture (%2 Mio, %3 trames) a supprimé jusqu’ici les %n trames les plus anciennes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the disk did not keep up; %n frame(s) were not written so far</source>
        <translation>
            <numerusform>%1&#xa0;: le disque n’a pas suivi&#xa0;; %n trame n’a pas été écrite jusqu’ici</numerusform>
            <numerusform>%1&#xa0;: le disque n’a pas suivi&#xa0;; %n trames n’ont pas été écrites jusqu’ici</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessReplay</name>
    <message>
        <source>replay: waiting for the live client(s) %1</source>
        <translation>replay : en attente du ou des clients réels %1</translation>
    </message>
    <message>
        <source>--junit: cannot write %1: %2</source>
        <translation>--junit : impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>rejeu</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 envoyé</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 reçu</translation>
    </message>
    <message>
        <source>replay of %1</source>
        <translation>rejeu de %1</translation>
    </message>
    <message>
        <source>replay: %1 frames sent by simulated clients in %2 s</source>
        <translation>replay : %1 trames envoyées par les clients simulés en %2 s</translation>
    </message>
</context>
<context>
    <name>HeadlessScripts</name>
    <message>
        <source>script stopped: %1</source>
        <translation>script arrêté : %1</translation>
    </message>
</context>
<context>
    <name>HeldFrameModel</name>
    <message>
        <source>Release refused: %1</source>
        <translation>Libération refusée&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>broker</source>
        <translation>broker</translation>
    </message>
    <message>
        <source>(other)</source>
        <translation>(autre)</translation>
    </message>
    <message>
        <source>refused: %1 · %2</source>
        <translation>refusé&#xa0;: %1 · %2</translation>
    </message>
    <message>
        <source>Held at</source>
        <translation>Retenue à</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>From → To</source>
        <translation>De → À</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Trame</translation>
    </message>
    <message>
        <source>Held for</source>
        <translation>En attente depuis</translation>
    </message>
</context>
<context>
    <name>HeldFramesPanel</name>
    <message>
        <source>&amp;Release</source>
        <translation>&amp;Libérer</translation>
    </message>
    <message>
        <source>Release &amp;Edited</source>
        <translation>Libérer &amp;modifiée</translation>
    </message>
    <message>
        <source>&amp;Drop</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Release &amp;All</source>
        <translation>&amp;Tout libérer</translation>
    </message>
    <message>
        <source>Select a held frame to see and edit its JSON</source>
        <translation>Sélectionnez une trame retenue pour voir et modifier son JSON</translation>
    </message>
    <message>
        <source>Send the frame on as it was held</source>
        <translation>Transmettre la trame telle qu’elle a été retenue</translation>
    </message>
    <message>
        <source>Send the edited JSON instead of the held frame (Ctrl+Enter)</source>
        <translation>Envoyer le JSON modifié à la place de la trame retenue (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Discard the frame: its receiver never gets it</source>
        <translation>Supprimer la trame&#xa0;: son destinataire ne la recevra jamais</translation>
    </message>
    <message>
        <source>Send every held frame on as it was held</source>
        <translation>Transmettre chaque trame retenue telle qu’elle a été retenue</translation>
    </message>
    <message>
        <source>Not valid JSON, cannot release the edit: %1</source>
        <translation>JSON non valide, impossible de libérer la modification&#xa0;: %1</translation>
    </message>
    <message>
        <source>A frame must stay a JSON object to be released edited.</source>
        <translation>Une trame doit rester un objet JSON pour être libérée modifiée.</translation>
    </message>
    <message>
        <source>The broker refused the edit: %1</source>
        <translation>Le broker a refusé la modification&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>JsonDiff</name>
    <message>
        <source>The older frame is not JSON.</source>
        <translation>La trame la plus ancienne n’est pas du JSON.</translation>
    </message>
    <message>
        <source>The newer frame is not JSON.</source>
        <translation>La trame la plus récente n’est pas du JSON.</translation>
    </message>
</context>
<context>
    <name>JsonDiffModel</name>
    <message>
        <source>(the whole message)</source>
        <translation>(le message entier)</translation>
    </message>
    <message>
        <source>No difference</source>
        <translation>Aucune différence</translation>
    </message>
    <message>
        <source>%1 changed, %2 added, %3 removed</source>
        <translation>%1 modifié(s), %2 ajouté(s), %3 supprimé(s)</translation>
    </message>
    <message>
        <source>%1 (the first %2 changes; there are more)</source>
        <translation>%1 (les %2 premières différences&#xa0;; il y en a d’autres)</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
</context>
<context>
    <name>JsonEditor</name>
    <message>
        <source>JSON value, e.g. {&quot;hello&quot;: &quot;world&quot;}</source>
        <translation>Valeur JSON, p. ex. {&quot;hello&quot;: &quot;world&quot;}</translation>
    </message>
    <message>
        <source>Empty: type a JSON value</source>
        <translation>Vide&#xa0;: tapez une valeur JSON</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>JsonPath</name>
    <message>
        <source>expected a member name (column %1)</source>
        <translation>nom de membre attendu (colonne %1)</translation>
    </message>
    <message>
        <source>index too large (column %1)</source>
        <translation>indice trop grand (colonne %1)</translation>
    </message>
    <message>
        <source>unterminated name (column %1)</source>
        <translation>nom non terminé (colonne %1)</translation>
    </message>
    <message>
        <source>invalid quoted name (column %1)</source>
        <translation>nom entre guillemets invalide (colonne %1)</translation>
    </message>
    <message>
        <source>expected an index or a quoted name (column %1)</source>
        <translation>indice ou nom entre guillemets attendu (colonne %1)</translation>
    </message>
    <message>
        <source>expected ] (column %1)</source>
        <translation>] attendu (colonne %1)</translation>
    </message>
    <message>
        <source>unexpected character (column %1)</source>
        <translation>caractère inattendu (colonne %1)</translation>
    </message>
</context>
<context>
    <name>JsonPathCondition</name>
    <message>
        <source>only &amp;&amp; joins conditions</source>
        <translation>seul &amp;&amp; relie des conditions</translation>
    </message>
    <message>
        <source>expected &amp;&amp; (two ampersands)</source>
        <translation>&amp;&amp; attendu (deux esperluettes)</translation>
    </message>
    <message>
        <source>expected &amp;&amp; between conditions</source>
        <translation>&amp;&amp; attendu entre les conditions</translation>
    </message>
    <message>
        <source>%1 (column %2)</source>
        <translation>%1 (colonne %2)</translation>
    </message>
    <message>
        <source>a condition with ! takes no operator</source>
        <translation>une condition avec ! ne prend pas d’opérateur</translation>
    </message>
    <message>
        <source>expected an operator after %1</source>
        <translation>opérateur attendu après %1</translation>
    </message>
    <message>
        <source>%1 compares numbers and strings only</source>
        <translation>%1 ne compare que des nombres et des chaînes</translation>
    </message>
    <message>
        <source>use == to compare</source>
        <translation>utilisez == pour comparer</translation>
    </message>
    <message>
        <source>expected a path</source>
        <translation>chemin attendu</translation>
    </message>
    <message>
        <source>expected a member name after . (write other names as [&quot;name&quot;])</source>
        <translation>nom de membre attendu après . (écrivez les autres noms [&quot;nom&quot;])</translation>
    </message>
    <message>
        <source>write a name with other characters as [&quot;name&quot;]</source>
        <translation>écrivez un nom avec d’autres caractères [&quot;nom&quot;]</translation>
    </message>
    <message>
        <source>index too large</source>
        <translation>indice trop grand</translation>
    </message>
    <message>
        <source>expected an index or a quoted name after [</source>
        <translation>indice ou nom entre guillemets attendu après [</translation>
    </message>
    <message>
        <source>expected ]</source>
        <translation>] attendu</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>chaîne non terminée</translation>
    </message>
    <message>
        <source>invalid escape in string</source>
        <translation>échappement invalide dans la chaîne</translation>
    </message>
    <message>
        <source>expected a value after %1</source>
        <translation>valeur attendue après %1</translation>
    </message>
    <message>
        <source>%1 is not a value: write a string in double quotes</source>
        <translation>%1 n’est pas une valeur&#xa0;: écrivez une chaîne entre guillemets doubles</translation>
    </message>
    <message>
        <source>expected a value after %1 (a number, a string in double quotes, true, false or null)</source>
        <translation>valeur attendue après %1 (un nombre, une chaîne entre guillemets doubles, true, false ou null)</translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation>nombre invalide</translation>
    </message>
</context>
<context>
    <name>LastValuesModel</name>
    <message numerus="yes">
        <source>binary, %n byte(s)</source>
        <translation>
            <numerusform>binaire, %n octet</numerusform>
            <numerusform>binaire, %n octets</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Dernier message</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
</context>
<context>
    <name>Listener</name>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>impossible d’écouter sur %1:%2&#xa0;: %3</translation>
    </message>
    <message>
        <source>answered HTTP %1 %2</source>
        <translation>réponse HTTP %1 %2</translation>
    </message>
    <message>
        <source>no complete opening handshake within %1 ms</source>
        <translation>pas de négociation d’ouverture complète en %1&#xa0;ms</translation>
    </message>
</context>
<context>
    <name>Liveness</name>
    <message>
        <source>no answer to ping for %1 ms</source>
        <translation>aucune réponse au ping depuis %1 ms</translation>
    </message>
</context>
<context>
    <name>LogFileWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>%1 — WSMsgBroker</source>
        <translation>%1 — WSMsgBroker</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>Reading %p%</source>
        <translation>Lecture&#xa0;: %p%</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 trames</translation>
    </message>
    <message>
        <source>Could not open everything: %1</source>
        <translation>Impossible de tout ouvrir&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 of %2 frames</source>
        <translation>%1 trames sur %2</translation>
    </message>
    <message>
        <source> · searching…</source>
        <translation> · recherche…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>Capture (*.wscap);;JSON Lines, filtered (*.jsonl);;HAR, filtered (*.har)</source>
        <translation>Capture (*.wscap);;JSON Lines, filtré (*.jsonl);;HAR, filtré (*.har)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
</context>
<context>
    <name>LogFilterBar</name>
    <message>
        <source>Filter: text, room, client or action</source>
        <translation>Filtre&#xa0;: texte, salon, client ou action</translation>
    </message>
    <message>
        <source>Treat the text as a regular expression</source>
        <translation>Interpréter le texte comme une expression régulière</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <source>In and out</source>
        <translation>Reçues et envoyées</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçues</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyées</translation>
    </message>
    <message>
        <source>Direction of the frames to show</source>
        <translation>Sens des trames à afficher</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Identifiant du client</translation>
    </message>
    <message>
        <source>Clear every filter</source>
        <translation>Effacer tous les filtres</translation>
    </message>
    <message>
        <source>Rooms whose name contains this text (the leading / is optional)</source>
        <translation>Salons dont le nom contient ce texte (le / initial est facultatif)</translation>
    </message>
    <message>
        <source>Clients whose id contains this text</source>
        <translation>Clients dont l’identifiant contient ce texte</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Invalid regular expression, the text filter is off: %1</source>
        <translation>Expression régulière invalide, le filtre de texte est inactif&#xa0;: %1</translation>
    </message>
    <message>
        <source>All system events</source>
        <translation>Tous les événements système</translation>
    </message>
    <message>
        <source>Show only rows with this action or system event</source>
        <translation>N’afficher que les lignes avec cette action ou cet événement système</translation>
    </message>
    <message>
        <source>JSON condition, e.g. message.price &gt; 100</source>
        <translation>Condition JSON, p.&#xa0;ex. message.price &gt; 100</translation>
    </message>
    <message>
        <source>JSON condition: message.price &gt; 100 &amp;&amp; message.type == &quot;order&quot;</source>
        <translation>Condition JSON&#xa0;: message.price &gt; 100 &amp;&amp; message.type == &quot;order&quot;</translation>
    </message>
    <message>
        <source>Regular expression over text, room, client or action</source>
        <translation>Expression régulière sur le texte, le salon, le client ou l’action</translation>
    </message>
    <message>
        <source>Invalid condition, the text filter is off: %1</source>
        <translation>Condition invalide, le filtre de texte est inactif&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>LogMatchHint</name>
    <message numerus="yes">
        <source>0 of %n frame(s) match the filters</source>
        <translation>
            <numerusform>0 trame sur %n correspond aux filtres</numerusform>
            <numerusform>0 trame sur %n correspond aux filtres</numerusform>
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
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Export Log…</source>
        <translation>&amp;Exporter le journal…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Broker</source>
        <translation>&amp;Broker</translation>
    </message>
    <message>
        <source>S&amp;top Broker</source>
        <translation>&amp;Arrêter le broker</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>&amp;Copier l’URL</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>Mettre en &amp;pause</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Pause the log; frames keep being recorded and appear on resume</source>
        <translation>Mettre le journal en pause&#xa0;; les trames restent enregistrées et apparaissent à la reprise</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Effacer</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Follow Newest Frames</source>
        <translation>&amp;Suivre les dernières trames</translation>
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation>Ctrl+End</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtrer…</translation>
    </message>
    <message>
        <source>Show &amp;All Frames</source>
        <translation>&amp;Afficher toutes les trames</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About WSMsgBroker</source>
        <translation>À &amp;propos de WSMsgBroker</translation>
    </message>
    <message>
        <source>About WSMsgBroker</source>
        <translation>À propos de WSMsgBroker</translation>
    </message>
    <message>
        <source>&lt;h3&gt;WSMsgBroker %1&lt;/h3&gt;&lt;p&gt;A WebSocket message broker for the wsmsgbroker protocol that shows its traffic live.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;WSMsgBroker %1&lt;/h3&gt;&lt;p&gt;Un broker de messages WebSocket pour le protocole wsmsgbroker, qui affiche son trafic en direct.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Rooms and Clients</source>
        <translation>Salons et clients</translation>
    </message>
    <message>
        <source>Recently Closed</source>
        <translation>Fermetures</translation>
    </message>
    <message>
        <source>Frame Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Click to copy the broker&apos;s URL</source>
        <translation>Cliquer pour copier l’URL du broker</translation>
    </message>
    <message>
        <source>S&amp;tart Broker</source>
        <translation>&amp;Démarrer le broker</translation>
    </message>
    <message>
        <source>Listening on &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>À l’écoute sur &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <source>Broker stopped</source>
        <translation>Broker arrêté</translation>
    </message>
    <message>
        <source>&lt;b&gt;Broker not running:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Le broker ne tourne pas :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>The broker could not start: %1. &lt;a href=&quot;settings&quot;&gt;Change the address or port…&lt;/a&gt;</source>
        <translation>Le broker n’a pas pu démarrer&#xa0;: %1. &lt;a href=&quot;settings&quot;&gt;Modifier l’adresse ou le port…&lt;/a&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Paused: %n new frame(s) waiting. &lt;a href=&quot;resume&quot;&gt;Resume&lt;/a&gt;</source>
        <translation>
            <numerusform>En pause&#xa0;: %n nouvelle trame en attente. &lt;a href=&quot;resume&quot;&gt;Reprendre&lt;/a&gt;</numerusform>
            <numerusform>En pause&#xa0;: %n nouvelles trames en attente. &lt;a href=&quot;resume&quot;&gt;Reprendre&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older frame(s) left the log (it keeps the newest %1). &lt;a href=&quot;dismiss&quot;&gt;Dismiss&lt;/a&gt;</source>
        <translation>
            <numerusform>%n trame plus ancienne a quitté le journal (il garde les %1 plus récentes). &lt;a href=&quot;dismiss&quot;&gt;Masquer&lt;/a&gt;</numerusform>
            <numerusform>%n trames plus anciennes ont quitté le journal (il garde les %1 plus récentes). &lt;a href=&quot;dismiss&quot;&gt;Masquer&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n salon</numerusform>
            <numerusform>%n salons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message>
        <source> (+%1 unregistered)</source>
        <translation> (+%1 sans inscription)</translation>
    </message>
    <message>
        <source>in %1/s · out %2/s</source>
        <translation>entrée %1/s · sortie %2/s</translation>
    </message>
    <message>
        <source>dropped %1 · errors %2</source>
        <translation>abandonnés %1 · erreurs %2</translation>
    </message>
    <message>
        <source>Unknown destinations %1, dropped answers %2, undelivered %3; error replies %4</source>
        <translation>Destinataires inconnus&#xa0;: %1, réponses abandonnées&#xa0;: %2, non remis&#xa0;: %3&#xa0;; erreurs renvoyées&#xa0;: %4</translation>
    </message>
    <message>
        <source>Show Only This Room in the Log</source>
        <translation>N’afficher que ce salon dans le journal</translation>
    </message>
    <message>
        <source>Send Message…</source>
        <translation>Envoyer un message…</translation>
    </message>
    <message>
        <source>Copy Id</source>
        <translation>Copier l’identifiant</translation>
    </message>
    <message>
        <source>Show Only This Client in the Log</source>
        <translation>N’afficher que ce client dans le journal</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Export Log</source>
        <translation>Exporter le journal</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;HAR, as browsers save it (*.har)</source>
        <translation>JSON Lines (*.jsonl);;HAR, comme l’enregistrent les navigateurs (*.har)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n frame(s) to %1</source>
        <translation>
            <numerusform>%n trame enregistrée dans %1</numerusform>
            <numerusform>%n trames enregistrées dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Test Console</source>
        <translation>Console de test</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) came faster than the log records (%1 a second) and were only counted.</source>
        <translation>
            <numerusform>%n trame est arrivée plus vite que le journal n’enregistre (%1 par seconde) et a seulement été comptée.</numerusform>
            <numerusform>%n trames sont arrivées plus vite que le journal n’enregistre (%1 par seconde) et ont seulement été comptées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart the Broker?</source>
        <translation>Redémarrer le broker ?</translation>
    </message>
    <message>
        <source>These settings take effect when the broker restarts.</source>
        <translation>Ces réglages prennent effet au redémarrage du broker.</translation>
    </message>
    <message numerus="yes">
        <source>Restarting disconnects %n client(s).</source>
        <translation>
            <numerusform>Le redémarrage déconnecte %n client.</numerusform>
            <numerusform>Le redémarrage déconnecte %n clients.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Redémarrer</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Filter the log</source>
        <translation>Filtrer le journal</translation>
    </message>
    <message>
        <source>Pause / resume the log</source>
        <translation>Suspendre / reprendre le journal</translation>
    </message>
    <message>
        <source>Clear the log</source>
        <translation>Vider le journal</translation>
    </message>
    <message>
        <source>Follow the newest frames again</source>
        <translation>Suivre de nouveau les trames les plus récentes</translation>
    </message>
    <message>
        <source>Start / stop the broker</source>
        <translation>Démarrer / arrêter le broker</translation>
    </message>
    <message>
        <source>Show the test console</source>
        <translation>Afficher la console de test</translation>
    </message>
    <message>
        <source>Copy the broker&apos;s URL</source>
        <translation>Copier l&apos;URL du broker</translation>
    </message>
    <message>
        <source>Ctrl+O / Ctrl+S</source>
        <translation>Ctrl+O / Ctrl+S</translation>
    </message>
    <message>
        <source>Open / export a log</source>
        <translation>Ouvrir / exporter un journal</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Entrée</translation>
    </message>
    <message>
        <source>Send, in the console</source>
        <translation>Envoyer, dans la console</translation>
    </message>
    <message>
        <source>Up / Down</source>
        <translation>Haut / Bas</translation>
    </message>
    <message>
        <source>The console&apos;s history, in its editor</source>
        <translation>L&apos;historique de la console, dans son éditeur</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>The last session ended unexpectedly; its capture was kept. &lt;a href=&quot;open-last&quot;&gt;Open it&lt;/a&gt; · &lt;a href=&quot;dismiss-last&quot;&gt;Dismiss&lt;/a&gt;</source>
        <translation>La dernière session s’est terminée de façon inattendue&#xa0;; sa capture a été conservée. &lt;a href=&quot;open-last&quot;&gt;L’ouvrir&lt;/a&gt; · &lt;a href=&quot;dismiss-last&quot;&gt;Ignorer&lt;/a&gt;</translation>
    </message>
    <message>
        <source>This session is not recorded to disk: %1. The log keeps the newest frames in memory.</source>
        <translation>Cette session n’est pas enregistrée sur le disque&#xa0;: %1. Le journal garde les trames les plus récentes en mémoire.</translation>
    </message>
    <message numerus="yes">
        <source>The capture&apos;s budget (%1 MiB, %2 frames) discarded the %n oldest frame(s).</source>
        <translation>
            <numerusform>Le budget de la capture (%1 Mio, %2 trames) a supprimé la trame la plus ancienne (%n).</numerusform>
            <numerusform>Le budget de la capture (%1 Mio, %2 trames) a supprimé les %n trames les plus anciennes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Captures and frame logs (*.wscap *.jsonl *.har *.json);;All files (*)</source>
        <translation>Captures et journaux de trames (*.wscap *.jsonl *.har *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save Capture As</source>
        <translation>Enregistrer la capture sous</translation>
    </message>
    <message>
        <source>This session is not being recorded to disk.</source>
        <translation>Cette session n’est pas enregistrée sur le disque.</translation>
    </message>
    <message>
        <source>Capture (*.wscap)</source>
        <translation>Capture (*.wscap)</translation>
    </message>
    <message>
        <source>Saved the capture to %1</source>
        <translation>Capture enregistrée dans %1</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open a capture, JSON Lines log or HAR in a window of its own</source>
        <translation>Ouvrir une capture, un journal JSON Lines ou un HAR dans sa propre fenêtre</translation>
    </message>
    <message>
        <source>Open &amp;Last Session</source>
        <translation>Ouvrir la &amp;dernière session</translation>
    </message>
    <message>
        <source>Save Capture &amp;As…</source>
        <translation>Enregistrer la capture &amp;sous…</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) came faster than the capture could write them: their rows are in the log, their bytes were not recorded.</source>
        <translation>
            <numerusform>%n trame est arrivée plus vite que la capture ne pouvait l’écrire : sa ligne est dans le journal, ses octets n’ont pas été enregistrés.</numerusform>
            <numerusform>%n trames sont arrivées plus vite que la capture ne pouvait les écrire : leurs lignes sont dans le journal, leurs octets n’ont pas été enregistrés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Retenues</translation>
    </message>
    <message>
        <source>Held (%1)</source>
        <translation>Retenues (%1)</translation>
    </message>
    <message>
        <source>Delay This Room…</source>
        <translation>Retarder ce salon…</translation>
    </message>
    <message>
        <source>Delay This Room</source>
        <translation>Retarder ce salon</translation>
    </message>
    <message>
        <source>Delay every frame to the clients of %1 by (ms):</source>
        <translation>Retarder chaque trame vers les clients de %1 de (ms)&#xa0;:</translation>
    </message>
    <message>
        <source>delay %1</source>
        <translation>retard %1</translation>
    </message>
    <message>
        <source>Hold Frames to This Client</source>
        <translation>Retenir les trames vers ce client</translation>
    </message>
    <message>
        <source>hold %1</source>
        <translation>retenir %1</translation>
    </message>
    <message>
        <source>Added the traffic rule &quot;%1&quot;: %2, %3</source>
        <translation>Règle de trafic «&#xa0;%1&#xa0;» ajoutée&#xa0;: %2, %3</translation>
    </message>
    <message>
        <source>Peer Scripts</source>
        <translation>Scripts de pairs</translation>
    </message>
    <message>
        <source>Re&amp;play Recording…</source>
        <translation>Re&amp;jouer un enregistrement…</translation>
    </message>
    <message>
        <source>Play a capture, JSON Lines log or HAR into this broker, simulating its clients, and compare what happens with the recording</source>
        <translation>Rejouer une capture, un journal JSON Lines ou un HAR dans ce broker, en simulant ses clients, et comparer ce qui se passe avec l’enregistrement</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Rejeu</translation>
    </message>
    <message>
        <source>Replay Recording</source>
        <translation>Rejouer un enregistrement</translation>
    </message>
    <message>
        <source>The broker is not running: start it first (Broker → Start).</source>
        <translation>Le broker ne tourne pas : démarrez-le d’abord (Broker → Démarrer).</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contrats</translation>
    </message>
    <message>
        <source>Load Schemas &amp;Folder…</source>
        <translation>Charger un &amp;répertoire de schémas…</translation>
    </message>
    <message>
        <source>Load Schemas from AsyncAPI &amp;Document…</source>
        <translation>Charger les schémas d’un document &amp;AsyncAPI…</translation>
    </message>
    <message>
        <source>Clear Schemas</source>
        <translation>Retirer les schémas</translation>
    </message>
    <message>
        <source>Load Schemas Folder</source>
        <translation>Charger un répertoire de schémas</translation>
    </message>
    <message>
        <source>Load Schemas from AsyncAPI Document</source>
        <translation>Charger les schémas d’un document AsyncAPI</translation>
    </message>
    <message>
        <source>AsyncAPI documents (*.json *.yaml *.yml)</source>
        <translation>Documents AsyncAPI (*.json *.yaml *.yml)</translation>
    </message>
    <message numerus="yes">
        <source>%n schema(s) from %1</source>
        <translation>
            <numerusform>%n schéma de %1</numerusform>
            <numerusform>%n schémas de %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Load Schemas</source>
        <translation>Charger des schémas</translation>
    </message>
    <message>
        <source>Some schemas could not be used:
%1</source>
        <translation>Certains schémas sont inutilisables :
%1</translation>
    </message>
    <message>
        <source>No schemas loaded (File &gt; Load Schemas Folder… or Load Schemas from AsyncAPI Document…)</source>
        <translation>Aucun schéma chargé (Fichier &gt; Charger un répertoire de schémas… ou Charger les schémas d’un document AsyncAPI…)</translation>
    </message>
    <message>
        <source>Right-click a number in the JSON tab of Frame Details and choose Plot This Path to plot its values here.</source>
        <translation>Cliquez avec le bouton droit sur un nombre dans l’onglet JSON des détails et choisissez Tracer ce chemin pour tracer ses valeurs ici.</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>Tracés</translation>
    </message>
    <message>
        <source>Cannot plot %1: %2</source>
        <translation>Impossible de tracer %1 : %2</translation>
    </message>
    <message>
        <source>By client</source>
        <translation>Par client</translation>
    </message>
    <message>
        <source>By room</source>
        <translation>Par salon</translation>
    </message>
    <message>
        <source>A line per client, or per room</source>
        <translation>Une ligne par client, ou par salon</translation>
    </message>
    <message>
        <source>Remove this plot</source>
        <translation>Retirer ce tracé</translation>
    </message>
    <message>
        <source>That frame has left the log.</source>
        <translation>Cette trame a quitté le journal.</translation>
    </message>
    <message>
        <source>The log&apos;s filters hide that frame.</source>
        <translation>Les filtres du journal masquent cette trame.</translation>
    </message>
    <message>
        <source>That frame is no longer in the log</source>
        <translation>Cette trame n’est plus dans le journal</translation>
    </message>
    <message>
        <source>That frame is hidden by the log&apos;s filters</source>
        <translation>Cette trame est masquée par les filtres du journal</translation>
    </message>
    <message>
        <source>Last Values</source>
        <translation>Dernières valeurs</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) were only counted: the broker records at most %1 a second, and drops what its monitor connection to this window cannot take.</source>
        <translation>
            <numerusform>%n trame a seulement été comptée : le broker en enregistre au plus %1 par seconde et abandonne ce que sa connexion de moniteur vers cette fenêtre ne peut pas prendre.</numerusform>
            <numerusform>%n trames ont seulement été comptées : le broker en enregistre au plus %1 par seconde et abandonne ce que sa connexion de moniteur vers cette fenêtre ne peut pas prendre.</numerusform>
        </translation>
    </message>
    <message>
        <source>A&amp;ttach to Broker…</source>
        <translation>S&apos;a&amp;ttacher à un broker…</translation>
    </message>
    <message>
        <source>Show a headless broker running elsewhere, through its monitor endpoint (--monitor-token)</source>
        <translation>Afficher un broker sans fenêtre qui tourne ailleurs, par son point d&apos;accès de moniteur (--monitor-token)</translation>
    </message>
    <message>
        <source>&amp;Detach from Broker</source>
        <translation>Se &amp;détacher du broker</translation>
    </message>
    <message>
        <source>Show this window&apos;s own broker again</source>
        <translation>Afficher de nouveau le broker propre à cette fenêtre</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>connexion fermée</translation>
    </message>
    <message>
        <source>WSMsgBroker — attached to %1</source>
        <translation>WSMsgBroker — attaché à %1</translation>
    </message>
    <message>
        <source>Attached to &lt;b&gt;%1&lt;/b&gt; (control)</source>
        <translation>Attaché à &lt;b&gt;%1&lt;/b&gt; (contrôle)</translation>
    </message>
    <message>
        <source>Attached to &lt;b&gt;%1&lt;/b&gt; (read-only)</source>
        <translation>Attaché à &lt;b&gt;%1&lt;/b&gt; (lecture seule)</translation>
    </message>
    <message>
        <source>Attaching to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Reconnecting to %1…</source>
        <translation>Reconnexion à %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not attached:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Non attaché :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>Détaché</translation>
    </message>
    <message>
        <source>%1 refused this window: %2. &lt;a href=&quot;attach&quot;&gt;Attach again…&lt;/a&gt;</source>
        <translation>%1 a refusé cette fenêtre : %2. &lt;a href=&quot;attach&quot;&gt;S&apos;attacher de nouveau…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2); reconnecting…</source>
        <translation>Impossible de joindre %1 (%2) ; reconnexion…</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2); reconnecting…</source>
        <translation>La connexion à %1 a été perdue (%2) ; reconnexion…</translation>
    </message>
    <message>
        <source>The broker answered: %1 &lt;a href=&quot;dismiss-attach-error&quot;&gt;Dismiss&lt;/a&gt;</source>
        <translation>Le broker a répondu : %1 &lt;a href=&quot;dismiss-attach-error&quot;&gt;Masquer&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>MonitorHub</name>
    <message>
        <source>unknown request &quot;%1&quot;</source>
        <translation>requête inconnue « %1 »</translation>
    </message>
    <message>
        <source>%1 needs the control role (--monitor-control-token); this monitor is read-only</source>
        <translation>%1 demande le rôle de contrôle (--monitor-control-token) ; ce moniteur est en lecture seule (read-only)</translation>
    </message>
    <message>
        <source>no open connection %1</source>
        <translation>aucune connexion ouverte %1</translation>
    </message>
    <message>
        <source>setRules needs &quot;rules&quot;, an array as in a rules file</source>
        <translation>setRules demande « rules », un tableau comme dans un fichier de règles</translation>
    </message>
    <message>
        <source>rule &quot;%1&quot;: hold needs the broker&apos;s own window to release the frames; a monitor may delay or drop them</source>
        <translation>règle « %1 » : hold demande la fenêtre du broker lui-même pour relâcher les trames ; un moniteur peut les retarder ou les abandonner</translation>
    </message>
    <message>
        <source>broker shutting down</source>
        <translation>arrêt du broker</translation>
    </message>
</context>
<context>
    <name>MonitorProtocol</name>
    <message>
        <source>not a JSON object</source>
        <translation>pas un objet JSON</translation>
    </message>
    <message>
        <source>protocol version %1, this program speaks %2</source>
        <translation>protocole en version %1, ce programme parle la %2</translation>
    </message>
    <message>
        <source>a message without a type</source>
        <translation>un message sans type</translation>
    </message>
</context>
<context>
    <name>NewFramesIndicator</name>
    <message>
        <source>Follow the newest frames again (Ctrl+End)</source>
        <translation>Suivre de nouveau les trames les plus récentes (Ctrl+End)</translation>
    </message>
    <message numerus="yes">
        <source>%n new frame(s) below — Ctrl+End</source>
        <translation>
            <numerusform>%n nouvelle trame plus bas — Ctrl+End</numerusform>
            <numerusform>%n nouvelles trames plus bas — Ctrl+End</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PathPlotModel</name>
    <message>
        <source>a path names a member, such as message.price</source>
        <translation>un chemin désigne un membre, par exemple message.price</translation>
    </message>
</context>
<context>
    <name>PathPlotWidget</name>
    <message>
        <source>%1 = %2
%3 · room %4 · %5
Click to select this frame in the log</source>
        <translation>%1 = %2
%3 · salon %4 · %5
Cliquez pour sélectionner cette trame dans le journal</translation>
    </message>
    <message>
        <source>No numbers at %1 yet: the plot shows the values clients send there.</source>
        <translation>Pas encore de nombres à %1 : le tracé montre les valeurs que les clients y envoient.</translation>
    </message>
    <message numerus="yes">
        <source>(+%n not plotted)</source>
        <translation>
            <numerusform>(+%n non tracé)</numerusform>
            <numerusform>(+%n non tracés)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeerClient</name>
    <message>
        <source>connection closed (code %1)</source>
        <translation>connexion fermée (code %1)</translation>
    </message>
</context>
<context>
    <name>PeerScript</name>
    <message>
        <source>cannot read the script: %1</source>
        <translation>impossible de lire le script : %1</translation>
    </message>
    <message>
        <source>the script ran too long without returning and was interrupted</source>
        <translation>le script s’est exécuté trop longtemps sans rendre la main et a été interrompu</translation>
    </message>
</context>
<context>
    <name>PeerScriptListModel</name>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Script</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Last Output</source>
        <translation>Dernière sortie</translation>
    </message>
    <message>
        <source>— started again —</source>
        <translation>— redémarré —</translation>
    </message>
</context>
<context>
    <name>PeerScriptsPanel</name>
    <message>
        <source>What the selected script prints with console.log(), and the error that stopped it</source>
        <translation>Ce que le script sélectionné affiche avec console.log(), et l’erreur qui l’a arrêté</translation>
    </message>
    <message>
        <source>Run Script…</source>
        <translation>Exécuter un script…</translation>
    </message>
    <message>
        <source>Run a JavaScript file whose clients talk to this broker (see the README&apos;s &quot;Scripted peers&quot;)</source>
        <translation>Exécuter un fichier JavaScript dont les clients parlent à ce broker (voir « Scripted peers » dans le README)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation>Relancer</translation>
    </message>
    <message>
        <source>Read the file again and start it afresh</source>
        <translation>Relire le fichier et le redémarrer de zéro</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>RateGraphWidget</name>
    <message>
        <source>Frames per second over the last minutes</source>
        <translation>Trames par seconde au cours des dernières minutes</translation>
    </message>
    <message>
        <source>in %1/s</source>
        <translation>entrée %1/s</translation>
    </message>
    <message>
        <source>out %1/s</source>
        <translation>sortie %1/s</translation>
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
        <translation>maintenant</translation>
    </message>
</context>
<context>
    <name>RecentlyClosedModel</name>
    <message>
        <source>Connection %1</source>
        <translation>Connexion %1</translation>
    </message>
    <message>
        <source>%1, after %2</source>
        <translation>%1, après %2</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Adresse distante</translation>
    </message>
    <message>
        <source>Connected at</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>Fermeture</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Connection %1, closed by an earlier run of the broker (%2)</source>
        <translation>Connexion %1, fermée lors d’une exécution précédente du broker (%2)</translation>
    </message>
    <message>
        <source>Connection %1, closed by an earlier run of the broker</source>
        <translation>Connexion %1, fermée lors d’une exécution précédente du broker</translation>
    </message>
</context>
<context>
    <name>RecordedSession</name>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1&#xa0;: impossible de lire&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n damaged line(s) skipped (%2)</source>
        <translation>
            <numerusform>%1 : %n ligne endommagée ignorée (%2)</numerusform>
            <numerusform>%1 : %n lignes endommagées ignorées (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no frame to replay (no send, answer or message of a registered client)</source>
        <translation>%1 : aucune trame à rejouer (aucun send, answer ou message d’un client inscrit)</translation>
    </message>
</context>
<context>
    <name>RemoteBroker</name>
    <message>
        <source>&quot;%1&quot; is not a ws:// or wss:// URL</source>
        <translation>« %1 » n&apos;est pas une URL ws:// ou wss://</translation>
    </message>
    <message>
        <source>the broker refused this monitor: %1</source>
        <translation>le broker a refusé ce moniteur : %1</translation>
    </message>
    <message>
        <source>monitor protocol: %1</source>
        <translation>protocole de moniteur : %1</translation>
    </message>
</context>
<context>
    <name>ReplayClient</name>
    <message>
        <source>the broker closed the connection</source>
        <translation>le broker a fermé la connexion</translation>
    </message>
    <message>
        <source>handshake answer too large</source>
        <translation>réponse de négociation trop grande</translation>
    </message>
    <message>
        <source>the broker refused the connection: %1</source>
        <translation>le broker a refusé la connexion : %1</translation>
    </message>
    <message>
        <source>protocol error: %1</source>
        <translation>erreur de protocole : %1</translation>
    </message>
    <message>
        <source>protocol error: a new message inside a fragmented one</source>
        <translation>erreur de protocole : un nouveau message au milieu d’un message fragmenté</translation>
    </message>
    <message>
        <source>protocol error: a continuation frame without a message</source>
        <translation>erreur de protocole : une trame de continuation sans message</translation>
    </message>
    <message>
        <source>connection closed (code %1)</source>
        <translation>connexion fermée (code %1)</translation>
    </message>
</context>
<context>
    <name>ReplayComparer</name>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>replay: %1 frames matched, %2 differing, %3 missing, %4 extra</source>
        <translation>replay : %1 trames concordantes, %2 différentes, %3 manquantes, %4 en trop</translation>
    </message>
    <message>
        <source>… and %1 more differences</source>
        <translation>… et %1 autres différences</translation>
    </message>
    <message>
        <source>%1 sent #%2 (%3)</source>
        <translation>%1 a envoyé n° %2 (%3)</translation>
    </message>
    <message>
        <source>%1 received #%2 (%3)</source>
        <translation>%1 a reçu n° %2 (%3)</translation>
    </message>
    <message>
        <source>%1 s into the recording</source>
        <translation>%1 s après le début de l’enregistrement</translation>
    </message>
    <message>
        <source>%1 at %2: missing, expected %3</source>
        <translation>%1 à %2 : manquante, attendu %3</translation>
    </message>
    <message>
        <source>%1: extra, not in the recording: %2</source>
        <translation>%1 : en trop, absente de l’enregistrement : %2</translation>
    </message>
    <message>
        <source>the frame</source>
        <translation>la trame</translation>
    </message>
    <message>
        <source>%1: expected %2, got %3</source>
        <translation>%1 : attendu %2, obtenu %3</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>%1 de plus</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 à %2 : %3</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <source>Replay Recording</source>
        <translation>Rejouer un enregistrement</translation>
    </message>
    <message>
        <source>A capture, JSON Lines log or HAR</source>
        <translation>Une capture, un journal JSON Lines ou un HAR</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Réel</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyées</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçues</translation>
    </message>
    <message>
        <source>Check the clients a real client under test will take: it connects and registers that id, and what it sends and receives is compared with the recording. The others are simulated.</source>
        <translation>Cochez les clients qu’un vrai client testé prendra : il se connecte et inscrit cet identifiant, et ce qu’il envoie et reçoit est comparé avec l’enregistrement. Les autres sont simulés.</translation>
    </message>
    <message>
        <source>As recorded</source>
        <translation>Comme enregistré</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>Aussi vite que possible</translation>
    </message>
    <message>
        <source>Wait for the expected input</source>
        <translation>Attendre l’entrée attendue</translation>
    </message>
    <message>
        <source>Wait for the expected input: a simulated client sends its next frame once it has received what it had received before it</source>
        <translation>Attendre l’entrée attendue : un client simulé envoie sa trame suivante une fois qu’il a reçu ce qu’il avait reçu avant elle</translation>
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
        <translation>Chemins JSON non comparés, séparés par des virgules</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long to wait for the live clients, and for the end</source>
        <translation>Combien de temps attendre les clients réels, puis la fin</translation>
    </message>
    <message>
        <source>Recording:</source>
        <translation>Enregistrement :</translation>
    </message>
    <message>
        <source>Timing:</source>
        <translation>Rythme :</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Vitesse :</translation>
    </message>
    <message>
        <source>Ignore paths:</source>
        <translation>Chemins ignorés :</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Délai :</translation>
    </message>
    <message>
        <source>Start Replay</source>
        <translation>Lancer le rejeu</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s), %1 s</source>
        <translation>
            <numerusform>%n client, %1 s</numerusform>
            <numerusform>%n clients, %1 s</numerusform>
        </translation>
    </message>
    <message>
        <source>Recordings (*.wscap *.jsonl *.har);;All files (*)</source>
        <translation>Enregistrements (*.wscap *.jsonl *.har);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>ReplayDifferenceModel</name>
    <message>
        <source>Differs</source>
        <translation>Diffère</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Manquante</translation>
    </message>
    <message>
        <source>Extra</source>
        <translation>En trop</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 envoyé</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 reçu</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>the frame</source>
        <translation>la trame</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Trame</translation>
    </message>
    <message>
        <source>In the Recording</source>
        <translation>Dans l’enregistrement</translation>
    </message>
    <message>
        <source>Paths</source>
        <translation>Chemins</translation>
    </message>
</context>
<context>
    <name>ReplayPanel</name>
    <message>
        <source>No replay yet: Broker → Replay Recording…</source>
        <translation>Pas encore de rejeu : Broker → Rejouer un enregistrement…</translation>
    </message>
    <message>
        <source>Stop Replay</source>
        <translation>Arrêter le rejeu</translation>
    </message>
    <message>
        <source>Replay Again</source>
        <translation>Rejouer à nouveau</translation>
    </message>
    <message>
        <source>What the recording has</source>
        <translation>Ce que contient l’enregistrement</translation>
    </message>
    <message>
        <source>What the replay did</source>
        <translation>Ce qu’a fait le rejeu</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Replayed</source>
        <translation>Rejoué</translation>
    </message>
    <message>
        <source>Waiting for the live client(s) %1 to connect and register</source>
        <translation>En attente de la connexion et de l’inscription du ou des clients réels %1</translation>
    </message>
    <message>
        <source>Replaying: %1 of %2 frames sent; %3 matched, %4 differing</source>
        <translation>Rejeu : %1 trames envoyées sur %2 ; %3 concordantes, %4 différentes</translation>
    </message>
    <message>
        <source>%1 frames matched, %2 differing, %3 missing, %4 extra</source>
        <translation>%1 trames concordantes, %2 différentes, %3 manquantes, %4 en trop</translation>
    </message>
    <message>
        <source>&lt;b&gt;Replay matched:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Le rejeu concorde :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Replay differs:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Le rejeu diffère :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Replay failed:&lt;/b&gt; %1; %2</source>
        <translation>&lt;b&gt;Le rejeu a échoué :&lt;/b&gt; %1 ; %2</translation>
    </message>
</context>
<context>
    <name>Replayer</name>
    <message>
        <source>live client(s) %1 did not register within %2 s</source>
        <translation>le ou les clients réels %1 ne se sont pas inscrits en %2 s</translation>
    </message>
    <message>
        <source>the replay did not end within %1 s</source>
        <translation>le rejeu ne s’est pas terminé en %1 s</translation>
    </message>
    <message>
        <source>simulated client %1 lost its connection: %2</source>
        <translation>le client simulé %1 a perdu sa connexion : %2</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>replay failed: %1</source>
        <translation>replay a échoué : %1</translation>
    </message>
</context>
<context>
    <name>Router</name>
    <message>
        <source>id &quot;%1&quot; is held by another connection</source>
        <translation>l’identifiant «&#xa0;%1&#xa0;» est déjà pris par une autre connexion</translation>
    </message>
    <message>
        <source>taken over by connection #%1</source>
        <translation>repris par la connexion #%1</translation>
    </message>
    <message>
        <source>renamed to &quot;%1&quot;</source>
        <translation>renommé en «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>renamed from &quot;%1&quot;</source>
        <translation>renommé (anciennement «&#xa0;%1&#xa0;»)</translation>
    </message>
    <message>
        <source>took the id over from connection #%1</source>
        <translation>a repris l’identifiant de la connexion #%1</translation>
    </message>
    <message>
        <source>not registered</source>
        <translation>non inscrit</translation>
    </message>
    <message>
        <source>unregistered by the client</source>
        <translation>désinscrit par le client</translation>
    </message>
    <message>
        <source>register before sending</source>
        <translation>inscrivez-vous avant d’envoyer</translation>
    </message>
    <message>
        <source>%1 (closing)</source>
        <translation>%1 (en cours de fermeture)</translation>
    </message>
    <message numerus="yes">
        <source>delivered to %n client(s); not delivered to: %1</source>
        <translation>
            <numerusform>remis à %n client&#xa0;; non remis à&#xa0;: %1</numerusform>
            <numerusform>remis à %n clients&#xa0;; non remis à&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>register before answering</source>
        <translation>inscrivez-vous avant de répondre</translation>
    </message>
    <message>
        <source>no pending ask with this ack (unknown, expired or already answered)</source>
        <translation>aucune demande en attente avec cet ack (inconnue, expirée ou ayant déjà reçu une réponse)</translation>
    </message>
    <message>
        <source>this client did not receive the ask</source>
        <translation>ce client n’a pas reçu la demande</translation>
    </message>
    <message>
        <source>the asker has left</source>
        <translation>le demandeur est parti</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>connexion fermée</translation>
    </message>
</context>
<context>
    <name>RulesFileWatcher</name>
    <message>
        <source>%1: cannot read it: %2</source>
        <translation>%1&#xa0;: impossible de le lire&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 (the previous rules stay)</source>
        <translation>%1 (les règles précédentes restent en vigueur)</translation>
    </message>
</context>
<context>
    <name>SessionCapture</name>
    <message>
        <source>The capture folder &quot;%1&quot; is not an absolute path.</source>
        <translation>Le dossier de capture «&#xa0;%1&#xa0;» n’est pas un chemin absolu.</translation>
    </message>
    <message>
        <source>The capture folder &quot;%1&quot; cannot be made: %2 is not a folder.</source>
        <translation>Le dossier de capture «&#xa0;%1&#xa0;» ne peut pas être créé&#xa0;: %2 n’est pas un dossier.</translation>
    </message>
    <message>
        <source>The capture folder &quot;%1&quot; cannot be written: %2 is read-only.</source>
        <translation>Le dossier de capture «&#xa0;%1&#xa0;» n’est pas accessible en écriture&#xa0;: %2 est en lecture seule.</translation>
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
        <translation> Kio</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> trames/s</translation>
    </message>
    <message>
        <source> frames</source>
        <translation> trames</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>n’importe quel port libre</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>Newcomer takes the id over</source>
        <translation>Le nouveau venu reprend l’identifiant</translation>
    </message>
    <message>
        <source>Refuse the newcomer</source>
        <translation>Refuser le nouveau venu</translation>
    </message>
    <message>
        <source>none: any client may connect</source>
        <translation>aucun&#xa0;: tout client peut se connecter</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>&amp;Host address:</source>
        <translation>A&amp;dresse d’écoute&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Duplicate ids:</source>
        <translation>Identifiants en dou&amp;ble&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Access token:</source>
        <translation>&amp;Jeton d’accès&#xa0;:</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <source>Unanswered &amp;ack kept for:</source>
        <translation>Ack sans réponse &amp;conservé&#xa0;:</translation>
    </message>
    <message>
        <source>Largest &amp;message:</source>
        <translation>&amp;Taille maximale d’un message&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Unsent data per client:</source>
        <translation>Données &amp;non envoyées par client&#xa0;:</translation>
    </message>
    <message>
        <source>Most &amp;connections:</source>
        <translation>Nombre &amp;maximal de connexions&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;ing interval:</source>
        <translation>&amp;Intervalle de ping&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Rate limit per client:</source>
        <translation>&amp;Limite de débit par client&#xa0;:</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Frames &amp;kept in the log:</source>
        <translation>Trames &amp;gardées dans le journal&#xa0;:</translation>
    </message>
    <message>
        <source>Mark asks &amp;unanswered after:</source>
        <translation>Demandes marquées sans &amp;réponse après&#xa0;:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse IP.</translation>
    </message>
    <message>
        <source>Listening on %1 lets other machines connect: consider an access token.</source>
        <translation>Écouter sur %1 permet à d’autres machines de se connecter&#xa0;: pensez à un jeton d’accès.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Takes effect the next time the window starts; --lang overrides it</source>
        <translation>Prend effet au prochain démarrage de la fenêtre&#xa0;; --lang a la priorité</translation>
    </message>
    <message>
        <source>La&amp;nguage (at next start):</source>
        <translation>Lang&amp;ue (au prochain démarrage)&#xa0;:</translation>
    </message>
    <message>
        <source>%1 takes %2 to %3%4; %5 would be put back to %6.</source>
        <translation>«&#xa0;%1&#xa0;» accepte de %2 à %3%4&#xa0;; %5 serait remplacé par %6.</translation>
    </message>
    <message>
        <source>Record &amp;every session</source>
        <translation>Enregistrer chaque &amp;session</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>Off stops the recorder and keeps its file; on starts a new capture, and the log starts empty with it</source>
        <translation>Désactivé, l’enregistrement s’arrête et son fichier est conservé&#xa0;; activé, une nouvelle capture commence, et le journal repart vide avec elle</translation>
    </message>
    <message>
        <source>The oldest frames are discarded, in whole chunks, past this size or the frame budget; applies to the running capture</source>
        <translation>Au-delà de cette taille ou du budget de trames, les trames les plus anciennes sont supprimées par blocs entiers&#xa0;; s’applique à la capture en cours</translation>
    </message>
    <message>
        <source>Where session captures are kept; empty for the default. Used from the next session on</source>
        <translation>Où les captures des sessions sont conservées&#xa0;; vide pour le dossier par défaut. Utilisé à partir de la prochaine session</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>Disk &amp;budget:</source>
        <translation>&amp;Budget disque&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Frame budget:</source>
        <translation>Budget de &amp;trames&#xa0;:</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>D&amp;ossier&#xa0;:</translation>
    </message>
    <message>
        <source>Capture Folder</source>
        <translation>Dossier de capture</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>Messages delivered</source>
        <translation>Messages remis</translation>
    </message>
    <message>
        <source>Unknown destinations</source>
        <translation>Destinataires inconnus</translation>
    </message>
    <message>
        <source>Answers forwarded</source>
        <translation>Réponses transmises</translation>
    </message>
    <message>
        <source>Answers dropped</source>
        <translation>Réponses abandonnées</translation>
    </message>
    <message>
        <source>Errors sent</source>
        <translation>Erreurs envoyées</translation>
    </message>
    <message>
        <source>Acks pending</source>
        <translation>Acks en attente</translation>
    </message>
    <message>
        <source>Acks expired / evicted</source>
        <translation>Acks expirés / évincés</translation>
    </message>
    <message>
        <source>Undelivered (receiver cut off)</source>
        <translation>Non remis (destinataire coupé)</translation>
    </message>
    <message>
        <source>Connections opened / closed</source>
        <translation>Connexions ouvertes / fermées</translation>
    </message>
    <message>
        <source>  closed: %1</source>
        <translation>  fermées&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Broker restarted %n time(s), last at %1; the counts include the earlier runs.</source>
        <translation>
            <numerusform>Broker redémarré %n fois, dernièrement à %1&#xa0;; les compteurs incluent les exécutions précédentes.</numerusform>
            <numerusform>Broker redémarré %n fois, dernièrement à %1&#xa0;; les compteurs incluent les exécutions précédentes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contrats</translation>
    </message>
    <message>
        <source>Messages checked</source>
        <translation>Messages vérifiés</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Violations</translation>
    </message>
    <message>
        <source>Not checked (checker behind)</source>
        <translation>Non vérifiés (vérificateur en retard)</translation>
    </message>
</context>
<context>
    <name>TlsIdentity</name>
    <message>
        <source>TLS is not available: no usable TLS library (%1)</source>
        <translation>TLS n’est pas disponible&#xa0;: aucune bibliothèque TLS utilisable (%1)</translation>
    </message>
    <message>
        <source>cannot read the TLS certificate &quot;%1&quot;: %2</source>
        <translation>impossible de lire le certificat TLS «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>no PEM certificate in &quot;%1&quot;</source>
        <translation>aucun certificat PEM dans «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>cannot read the TLS key &quot;%1&quot;: %2</source>
        <translation>impossible de lire la clé TLS «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>no unencrypted PEM private key in &quot;%1&quot;</source>
        <translation>aucune clé privée PEM non chiffrée dans «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>TrafficControlStage</name>
    <message>
        <source>traffic control</source>
        <translation>contrôle du trafic</translation>
    </message>
    <message>
        <source>delayed %1 by rule %2</source>
        <translation>retardée de %1 par la règle %2</translation>
    </message>
    <message>
        <source>dropped by rule %1</source>
        <translation>abandonnée par la règle %1</translation>
    </message>
    <message>
        <source>copy %1 of %2 by rule %3</source>
        <translation>copie %1 sur %2 par la règle %3</translation>
    </message>
    <message>
        <source>duplicated ×%1 by rule %2</source>
        <translation>dupliquée ×%1 par la règle %2</translation>
    </message>
    <message>
        <source>closed by rule %1 after %2 matching frames</source>
        <translation>fermée par la règle %1 après %2 trames correspondantes</translation>
    </message>
    <message>
        <source>the connection closed with %1 after it by rule %2</source>
        <translation>connexion fermée avec le code %1 après elle par la règle %2</translation>
    </message>
    <message>
        <source>pings no longer answered by rule %1</source>
        <translation>pings sans réponse désormais, par la règle %1</translation>
    </message>
    <message>
        <source>not held by rule %1: %2</source>
        <translation>non retenue par la règle %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1&#xa0;ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <source>throttled %1 by rule %2</source>
        <translation>ralentie de %1 par la règle %2</translation>
    </message>
    <message>
        <source>held %1 by rule %2</source>
        <translation>retenue %1 par la règle %2</translation>
    </message>
    <message>
        <source>%1; edited</source>
        <translation>%1&#xa0;; modifiée</translation>
    </message>
    <message>
        <source>no frame is held under ticket %1</source>
        <translation>aucune trame n’est retenue sous le ticket %1</translation>
    </message>
    <message>
        <source>not JSON: %1 at offset %2</source>
        <translation>pas du JSON&#xa0;: %1 à la position %2</translation>
    </message>
    <message>
        <source>a frame must be a JSON object</source>
        <translation>une trame doit être un objet JSON</translation>
    </message>
    <message>
        <source>%1; dropped by the user</source>
        <translation>%1&#xa0;; abandonnée par l’utilisateur</translation>
    </message>
</context>
<context>
    <name>TrafficRuleDialog</name>
    <message>
        <source>a name for the log, e.g. flaky-net</source>
        <translation>un nom pour le journal, p.&#xa0;ex. flaky-net</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Activée</translation>
    </message>
    <message>
        <source>any room, or e.g. /chat</source>
        <translation>tout salon, ou p.&#xa0;ex. /chat</translation>
    </message>
    <message>
        <source>any sender</source>
        <translation>tout expéditeur</translation>
    </message>
    <message>
        <source>any receiver</source>
        <translation>tout destinataire</translation>
    </message>
    <message>
        <source>any ack</source>
        <translation>tout ack</translation>
    </message>
    <message>
        <source>a regular expression over the frame&apos;s JSON</source>
        <translation>une expression régulière sur le JSON de la trame</translation>
    </message>
    <message>
        <source>e.g. message.type or message.items[0].id</source>
        <translation>p.&#xa0;ex. message.type ou message.items[0].id</translation>
    </message>
    <message>
        <source>a JSON value; empty: the path exists</source>
        <translation>une valeur JSON&#xa0;; vide&#xa0;: le chemin existe</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> bytes/s</source>
        <translation> octets/s</translation>
    </message>
    <message>
        <source>Traffic Rule</source>
        <translation>Règle de trafic</translation>
    </message>
    <message>
        <source> %</source>
        <translation>&#xa0;%</translation>
    </message>
    <message>
        <source>any action</source>
        <translation>toute action</translation>
    </message>
    <message>
        <source>Match: frames the broker writes to a client</source>
        <translation>Correspondance&#xa0;: trames que le broker écrit à un client</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Salon&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;À&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>A&amp;ction&#xa0;:</translation>
    </message>
    <message>
        <source>A&amp;ck:</source>
        <translation>Ac&amp;k&#xa0;:</translation>
    </message>
    <message>
        <source>Te&amp;xt matches:</source>
        <translation>Le te&amp;xte correspond à&#xa0;:</translation>
    </message>
    <message>
        <source>JSON &amp;path:</source>
        <translation>&amp;Chemin JSON&#xa0;:</translation>
    </message>
    <message>
        <source>E&amp;quals:</source>
        <translation>É&amp;gal à&#xa0;:</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Effet</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Matching frames wait in the Held list until you release or drop them; later frames to the same client wait behind them.</source>
        <translation>Les trames correspondantes attendent dans la liste des trames retenues jusqu’à ce que vous les libériez ou les supprimiez&#xa0;; les trames suivantes vers le même client attendent derrière elles.</translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation>&amp;Retard&#xa0;:</translation>
    </message>
    <message>
        <source>Plus up to (random):</source>
        <translation>Plus jusqu’à (aléatoire)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Probability:</source>
        <translation>&amp;Probabilité&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Written, in all:</source>
        <translation>&amp;Écrite, en tout&#xa0;:</translation>
    </message>
    <message>
        <source>Close &amp;code:</source>
        <translation>&amp;Code de fermeture&#xa0;:</translation>
    </message>
    <message>
        <source>On the matching frame number:</source>
        <translation>À la trame correspondante numéro&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;At most:</source>
        <translation>&amp;Au plus&#xa0;:</translation>
    </message>
    <message>
        <source>The broker stops answering the receiver&apos;s pings, as a broker that hangs.</source>
        <translation>Le broker cesse de répondre aux pings du destinataire, comme un broker bloqué.</translation>
    </message>
    <message>
        <source>The rule needs a name: the log says which rule acted on a frame.</source>
        <translation>La règle a besoin d’un nom&#xa0;: le journal indique quelle règle a agi sur une trame.</translation>
    </message>
    <message>
        <source>Another rule is named &quot;%1&quot;.</source>
        <translation>Une autre règle s’appelle «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The regular expression is not valid at character %1: %2.</source>
        <translation>L’expression régulière n’est pas valide au caractère %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>&quot;Equals&quot; needs a JSON path to compare.</source>
        <translation>«&#xa0;Égal à&#xa0;» demande un chemin JSON à comparer.</translation>
    </message>
    <message>
        <source>&quot;Equals&quot; is not a JSON value (text needs quotes: &quot;ready&quot;).</source>
        <translation>«&#xa0;Égal à&#xa0;» n’est pas une valeur JSON (un texte demande des guillemets&#xa0;: &quot;ready&quot;).</translation>
    </message>
    <message>
        <source>A delay of 0 ms does nothing: set a delay or a random part.</source>
        <translation>Un retard de 0&#xa0;ms ne fait rien&#xa0;: indiquez un retard ou une part aléatoire.</translation>
    </message>
    <message>
        <source>Close code %1 cannot be sent: use 1000-1003, 1007-1014 or 3000-4999.</source>
        <translation>Le code de fermeture %1 ne peut pas être envoyé&#xa0;: utilisez 1000-1003, 1007-1014 ou 3000-4999.</translation>
    </message>
</context>
<context>
    <name>TrafficRuleModel</name>
    <message>
        <source>Enabled: the broker applies this rule</source>
        <translation>Activée&#xa0;: le broker applique cette règle</translation>
    </message>
    <message>
        <source>Disabled: the broker skips this rule</source>
        <translation>Désactivée&#xa0;: le broker ignore cette règle</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Effet</translation>
    </message>
    <message>
        <source>room %1</source>
        <translation>salon %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>à %1</translation>
    </message>
    <message>
        <source>ack %1</source>
        <translation>ack %1</translation>
    </message>
    <message>
        <source>text matches %1</source>
        <translation>le texte correspond à %1</translation>
    </message>
    <message>
        <source>%1 exists</source>
        <translation>%1 existe</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>any frame</source>
        <translation>toute trame</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>retenir</translation>
    </message>
    <message>
        <source>delay</source>
        <translation>retarder</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>supprimer</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>dupliquer</translation>
    </message>
    <message>
        <source>close</source>
        <translation>fermer</translation>
    </message>
    <message>
        <source>throttle</source>
        <translation>ralentir</translation>
    </message>
    <message>
        <source>ignore pings</source>
        <translation>ignorer les pings</translation>
    </message>
    <message>
        <source>delay %1 ms ± %2 ms</source>
        <translation>retarder de %1&#xa0;ms ± %2&#xa0;ms</translation>
    </message>
    <message>
        <source>delay %1 ms</source>
        <translation>retarder de %1&#xa0;ms</translation>
    </message>
    <message>
        <source>drop %1 %</source>
        <translation>supprimer %1&#xa0;%</translation>
    </message>
    <message>
        <source>duplicate ×%1</source>
        <translation>dupliquer ×%1</translation>
    </message>
    <message>
        <source>close %1 after %2</source>
        <translation>fermer %1 après %2</translation>
    </message>
    <message>
        <source>throttle to %1/s</source>
        <translation>ralentir à %1/s</translation>
    </message>
</context>
<context>
    <name>TrafficRulesPanel</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>Replace the rules with a rules file&apos;s (as --rules reads it)</source>
        <translation>Remplacer les règles par celles d’un fichier de règles (tel que --rules le lit)</translation>
    </message>
    <message>
        <source>Save the rules as a rules file for --rules</source>
        <translation>Enregistrer les règles dans un fichier de règles pour --rules</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>règle</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Import Rules</source>
        <translation>Importer des règles</translation>
    </message>
    <message>
        <source>Rules files (*.json);;All files (*)</source>
        <translation>Fichiers de règles (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export Rules</source>
        <translation>Exporter les règles</translation>
    </message>
    <message>
        <source>Rules files (*.json)</source>
        <translation>Fichiers de règles (*.json)</translation>
    </message>
</context>
<context>
    <name>TrafficRulesParser</name>
    <message>
        <source>unknown key &quot;%1&quot;</source>
        <translation>clé inconnue «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>missing &quot;name&quot;</source>
        <translation>«&#xa0;name&#xa0;» manquant</translation>
    </message>
    <message>
        <source>&quot;name&quot; is empty</source>
        <translation>«&#xa0;name&#xa0;» est vide</translation>
    </message>
    <message>
        <source>&quot;enabled&quot; must be true or false</source>
        <translation>«&#xa0;enabled&#xa0;» doit valoir true ou false</translation>
    </message>
    <message>
        <source>missing &quot;effect&quot;</source>
        <translation>«&#xa0;effect&#xa0;» manquant</translation>
    </message>
    <message>
        <source>unknown effect &quot;%1&quot; (hold, delay, drop, duplicate, close, throttle or ignorePings)</source>
        <translation>effet inconnu «&#xa0;%1&#xa0;» (hold, delay, drop, duplicate, close, throttle ou ignorePings)</translation>
    </message>
    <message>
        <source>&quot;match&quot; must be an object</source>
        <translation>«&#xa0;match&#xa0;» doit être un objet</translation>
    </message>
    <message>
        <source>&quot;probability&quot; must be a number from 0 to 1</source>
        <translation>«&#xa0;probability&#xa0;» doit être un nombre entre 0 et 1</translation>
    </message>
    <message>
        <source>&quot;closeCode&quot; %1 cannot be sent (1000-1003, 1007-1009, 1011-1014 or 3000-4999)</source>
        <translation>«&#xa0;closeCode&#xa0;» %1 ne peut pas être envoyé (1000-1003, 1007-1009, 1011-1014 ou 3000-4999)</translation>
    </message>
    <message>
        <source>throttle needs &quot;bytesPerSecond&quot; above 0</source>
        <translation>throttle nécessite «&#xa0;bytesPerSecond&#xa0;» supérieur à 0</translation>
    </message>
    <message>
        <source>delay needs &quot;ms&quot; or &quot;jitterMs&quot; above 0</source>
        <translation>delay nécessite «&#xa0;ms&#xa0;» ou «&#xa0;jitterMs&#xa0;» supérieur à 0</translation>
    </message>
    <message>
        <source>unknown key &quot;match.%1&quot;</source>
        <translation>clé inconnue «&#xa0;match.%1&#xa0;»</translation>
    </message>
    <message>
        <source>&quot;match.room&quot; must start with /</source>
        <translation>«&#xa0;match.room&#xa0;» doit commencer par /</translation>
    </message>
    <message>
        <source>unknown action &quot;%1&quot; (message, answer, registered, unregistered or error)</source>
        <translation>action inconnue «&#xa0;%1&#xa0;» (message, answer, registered, unregistered ou error)</translation>
    </message>
    <message>
        <source>invalid regex &quot;%1&quot;: %2</source>
        <translation>expression régulière «&#xa0;%1&#xa0;» non valide&#xa0;: %2</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>invalid path &quot;%1&quot; (e.g. message.items[0].id)</source>
        <translation>chemin «&#xa0;%1&#xa0;» non valide (p. ex. message.items[0].id)</translation>
    </message>
    <message>
        <source>&quot;match.equals&quot; needs &quot;match.path&quot;</source>
        <translation>«&#xa0;match.equals&#xa0;» nécessite «&#xa0;match.path&#xa0;»</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation>«&#xa0;%1&#xa0;» doit être une chaîne</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from %2 to %3</source>
        <translation>«&#xa0;%1&#xa0;» doit être un nombre entier entre %2 et %3</translation>
    </message>
    <message>
        <source>not JSON: %1 at offset %2</source>
        <translation>pas du JSON&#xa0;: %1 à la position %2</translation>
    </message>
    <message>
        <source>the rules must be a JSON array of objects</source>
        <translation>les règles doivent former un tableau JSON d’objets</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>règle %1</translation>
    </message>
    <message>
        <source>%1: must be an object</source>
        <translation>%1&#xa0;: doit être un objet</translation>
    </message>
    <message>
        <source>rule &quot;%1&quot;</source>
        <translation>règle «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>the name is used by an earlier rule</source>
        <translation>le nom est déjà pris par une règle précédente</translation>
    </message>
</context>
<context>
    <name>YamlJson</name>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation>imbriqué sur plus de %1 niveaux</translation>
    </message>
    <message>
        <source>line %1, column %2: a map key that is not a scalar</source>
        <translation>ligne %1, colonne %2 : une clé de table qui n’est pas un scalaire</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>ligne %1, colonne %2 : %3</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>warning: listening on %1 without --token lets any machine that reaches it connect</source>
        <translation>avertissement&#xa0;: écouter sur %1 sans --token permet à toute machine qui atteint cette adresse de se connecter</translation>
    </message>
    <message>
        <source>%1: %2 rules applied</source>
        <translation>%1&#xa0;: %2 règles appliquées</translation>
    </message>
    <message>
        <source>--attach shows the broker in a window, which needs a display</source>
        <translation>--attach affiche le broker dans une fenêtre, ce qui demande un écran (display)</translation>
    </message>
</context>
</TS>
