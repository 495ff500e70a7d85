<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>Cli</name>
    <message>
        <source>run “omroeper --help” for the commands</source>
        <translation>typ “omroeper --help” voor de opdrachten</translation>
    </message>
    <message>
        <source>Write one message, publish it on your own website first, then on the networks.</source>
        <translation>Schrijf één bericht, publiceer het eerst op je eigen website en daarna op de netwerken.</translation>
    </message>
    <message>
        <source>folder for drafts, accounts and settings (also OMROEPER_PROFILE)</source>
        <translation>map voor concepten, accounts en instellingen (ook OMROEPER_PROFILE)</translation>
    </message>
    <message>
        <source>show how a draft file fits every network, as JSON</source>
        <translation>laat als JSON zien hoe een conceptbestand op elk netwerk past</translation>
    </message>
    <message>
        <source>the draft file, or - for stdin</source>
        <translation>het conceptbestand, of - voor standaardinvoer</translation>
    </message>
</context>
<context>
    <name>ComposerWindow</name>
    <message>
        <source>Your message for the networks:</source>
        <translation>Je bericht voor de netwerken:</translation>
    </message>
    <message>
        <source>Write your message here. Links, hashtags and mentions count as each network counts them.</source>
        <translation>Schrijf hier je bericht. Links, hashtags en vermeldingen tellen zoals elk netwerk ze telt.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Start typing: the counters show how much room each network gives.</source>
        <translation>Begin met typen: de tellers laten zien hoeveel ruimte elk netwerk geeft.</translation>
    </message>
    <message>
        <source>✓ The text fits on every network.</source>
        <translation>✓ De tekst past op elk netwerk.</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <source>{network}: {length} of {limit} characters</source>
        <translation>{network}: {length} van {limit} tekens</translation>
    </message>
</context>
<context>
    <name>Input</name>
    <message>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>een lijst</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>een object</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true of false</translation>
    </message>
    <message>
        <source>The draft file is not valid JSON (line {line}, column {column}: {reason}).</source>
        <translation>Het conceptbestand is geen geldige JSON (regel {line}, kolom {column}: {reason}).</translation>
    </message>
    <message>
        <source>The draft file must hold one JSON object {{…}}.</source>
        <translation>Het conceptbestand moet één JSON-object {{…}} bevatten.</translation>
    </message>
    <message>
        <source>Unknown field “{key}” in {where}: check its spelling.</source>
        <translation>Onbekend veld “{key}” in {where}: controleer de spelling.</translation>
    </message>
    <message>
        <source>The field “{key}” must be {expected}.</source>
        <translation>Het veld “{key}” moet {expected} zijn.</translation>
    </message>
    <message>
        <source>File not found: {path}</source>
        <translation>Bestand niet gevonden: {path}</translation>
    </message>
    <message>
        <source>This is a folder, not a draft file: {path}</source>
        <translation>Dit is een map, geen conceptbestand: {path}</translation>
    </message>
    <message>
        <source>The draft file is not UTF-8 text: {path}</source>
        <translation>Het conceptbestand is geen UTF-8-tekst: {path}</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>Kan {path} niet lezen: {reason}</translation>
    </message>
    <message>
        <source>Image {position} not found: {path}</source>
        <translation>Afbeelding {position} niet gevonden: {path}</translation>
    </message>
    <message>
        <source>Image {position} has no “path”.</source>
        <translation>Afbeelding {position} heeft geen “path”.</translation>
    </message>
    <message>
        <source>The link “{link}” must be a web address starting with https://</source>
        <translation>De link “{link}” moet een webadres zijn dat begint met https://</translation>
    </message>
    <message>
        <source>“{language}” is not a language code such as nl or en.</source>
        <translation>“{language}” is geen taalcode zoals nl of en.</translation>
    </message>
    <message>
        <source>“{key}” must be true, false or &quot;numbered&quot;.</source>
        <translation>“{key}” moet true, false of &quot;numbered&quot; zijn.</translation>
    </message>
    <message>
        <source>Unknown target “{target}”: use website, mastodon, bluesky, pixelfed or discord.</source>
        <translation>Onbekende bestemming “{target}”: gebruik website, mastodon, bluesky, pixelfed of discord.</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message numerus="yes">
        <source>%n characters too long: shorten the text, or split it into a thread of {thread_parts} posts.</source>
        <translation>
            <numerusform>%n teken te lang: maak de tekst korter, of splits hem in een draad van {thread_parts} berichten.</numerusform>
            <numerusform>%n tekens te lang: maak de tekst korter, of splits hem in een draad van {thread_parts} berichten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n characters too long: shorten the text.</source>
        <translation>
            <numerusform>%n teken te lang: maak de tekst korter.</numerusform>
            <numerusform>%n tekens te lang: maak de tekst korter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Image {image} is a {type} file, which this network does not accept.</source>
        <translation>Afbeelding {image} is een {type}-bestand, en dat accepteert dit netwerk niet.</translation>
    </message>
    <message>
        <source>The message is empty: write a text or add an image.</source>
        <translation>Het bericht is leeg: schrijf een tekst of voeg een afbeelding toe.</translation>
    </message>
    <message numerus="yes">
        <source>%n bytes too long: emoji and accented letters take several bytes each. Shorten the text.</source>
        <translation>
            <numerusform>%n byte te lang: emoji en letters met accenten nemen elk meerdere bytes in. Maak de tekst korter.</numerusform>
            <numerusform>%n bytes te lang: emoji en letters met accenten nemen elk meerdere bytes in. Maak de tekst korter.</numerusform>
        </translation>
    </message>
    <message>
        <source>A link, mention or hashtag is longer than a whole post ({length} of {limit} characters): shorten it.</source>
        <translation>Een link, vermelding of hashtag is langer dan een heel bericht ({length} van {limit} tekens): maak hem korter.</translation>
    </message>
    <message numerus="yes">
        <source>The content warning is %n characters too long (at most {limit}).</source>
        <translation>
            <numerusform>De inhoudswaarschuwing is %n teken te lang (hoogstens {limit}).</numerusform>
            <numerusform>De inhoudswaarschuwing is %n tekens te lang (hoogstens {limit}).</numerusform>
        </translation>
    </message>
    <message>
        <source>This network has no content warnings: the warning will not be shown here.</source>
        <translation>Dit netwerk kent geen inhoudswaarschuwingen: de waarschuwing wordt hier niet getoond.</translation>
    </message>
    <message numerus="yes">
        <source>Too many images: this network takes at most {limit}. Remove %n.</source>
        <translation>
            <numerusform>Te veel afbeeldingen: dit netwerk neemt er hoogstens {limit}. Haal er %n weg.</numerusform>
            <numerusform>Te veel afbeeldingen: dit netwerk neemt er hoogstens {limit}. Haal er %n weg.</numerusform>
        </translation>
    </message>
    <message>
        <source>This network only shows posts with a photo: add at least one image.</source>
        <translation>Dit netwerk toont alleen berichten met een foto: voeg minstens één afbeelding toe.</translation>
    </message>
    <message>
        <source>Image {image} has no description (alt text): describe what it shows, or mark it as decorative.</source>
        <translation>Afbeelding {image} heeft geen beschrijving (alt-tekst): beschrijf wat erop staat, of markeer hem als decoratief.</translation>
    </message>
    <message numerus="yes">
        <source>The description of image {image} is %n characters too long (at most {limit}).</source>
        <translation>
            <numerusform>De beschrijving van afbeelding {image} is %n teken te lang (hoogstens {limit}).</numerusform>
            <numerusform>De beschrijving van afbeelding {image} is %n tekens te lang (hoogstens {limit}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Image {image} is larger than this network accepts ({width} × {height} pixels, {bytes} bytes).</source>
        <translation>Afbeelding {image} is groter dan dit netwerk accepteert ({width} × {height} pixels, {bytes} bytes).</translation>
    </message>
    <message>
        <source>Image {image} is an empty file: choose the photo again.</source>
        <translation>Afbeelding {image} is een leeg bestand: kies de foto opnieuw.</translation>
    </message>
    <message>
        <source>Image {image} could not be read: check that the file still exists.</source>
        <translation>Afbeelding {image} kon niet worden gelezen: controleer of het bestand nog bestaat.</translation>
    </message>
    <message>
        <source>Image {image} is not a picture Omroeper can read, or the file is damaged.</source>
        <translation>Afbeelding {image} is geen afbeelding die Omroeper kan lezen, of het bestand is beschadigd.</translation>
    </message>
    <message>
        <source>Image {image} has too many pixels to open safely: export a smaller version.</source>
        <translation>Afbeelding {image} heeft te veel pixels om veilig te openen: exporteer een kleinere versie.</translation>
    </message>
</context>
</TS>
