<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Connected accounts</source>
        <translation>Gekoppelde accounts</translation>
    </message>
    <message>
        <source>Omroeper publishes to these accounts. Their passwords stay on this computer.</source>
        <translation>Omroeper publiceert op deze accounts. Hun wachtwoorden blijven op deze computer.</translation>
    </message>
    <message>
        <source>No accounts connected yet.</source>
        <translation>Nog geen accounts gekoppeld.</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>&amp;Account toevoegen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Connect a&amp;gain…</source>
        <translation>Opnieuw &amp;koppelen…</translation>
    </message>
    <message>
        <source>Which kind of account?</source>
        <translation>Wat voor account?</translation>
    </message>
    <message>
        <source>Choose where Omroeper should publish.</source>
        <translation>Kies waar Omroeper moet publiceren.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s own website, through a webhook its developer set up.</source>
        <translation>De eigen website van je organisatie, via een webhook die de ontwikkelaar heeft ingesteld.</translation>
    </message>
    <message>
        <source>An account on a Mastodon server: you sign in with your browser.</source>
        <translation>Een account op een Mastodon-server: je logt in met je browser.</translation>
    </message>
    <message>
        <source>Photos on a Pixelfed server: you sign in with your browser.</source>
        <translation>Foto’s op een Pixelfed-server: je logt in met je browser.</translation>
    </message>
    <message>
        <source>A Bluesky account, with an app password.</source>
        <translation>Een Bluesky-account, met een app-wachtwoord.</translation>
    </message>
    <message>
        <source>A channel in a Discord server, through its webhook.</source>
        <translation>Een kanaal op een Discord-server, via de webhook van dat kanaal.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s website on WordPress, with an application password. Publishing to it comes in a next version.</source>
        <translation>De website van je organisatie op WordPress, met een applicatiewachtwoord. Publiceren erop komt in een volgende versie.</translation>
    </message>
    <message>
        <source>Give this key to your web developer, separately from the instructions (for example by phone or in person): with it, the website checks that messages really come from you. Omroeper shows it only this once; copy it now. It is kept safely on this computer.</source>
        <translation>Geef deze sleutel aan je webontwikkelaar, los van de instructies (bijvoorbeeld telefonisch of persoonlijk): daarmee controleert de website dat berichten echt van jou komen. Omroeper laat hem maar één keer zien: kopieer hem nu. Hij wordt veilig bewaard op deze computer.</translation>
    </message>
    <message>
        <source>Key for the website</source>
        <translation>Sleutel voor de website</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Koppelen</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Gekoppeld</translation>
    </message>
    <message>
        <source>Profile picture</source>
        <translation>Profielfoto</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>K&amp;opiëren</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Klaar</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Account verwijderen</translation>
    </message>
    <message>
        <source>Remove {name} ({kind}) from Omroeper? Its password or key is removed from this computer. The account itself on {kind} stays as it is.</source>
        <translation>{name} ({kind}) uit Omroeper verwijderen? Het wachtwoord of de sleutel wordt van deze computer verwijderd. Het account zelf op {kind} blijft zoals het is.</translation>
    </message>
    <message>
        <source>⚠ This account was connected without permission to read its own posts, so Omroeper cannot delete its threads or check what was already posted. Connect it again and allow Omroeper.</source>
        <translation>⚠ Dit account is gekoppeld zonder toestemming om de eigen berichten te lezen. Daardoor kan Omroeper de draadjes ervan niet verwijderen en niet nagaan wat al online staat. Koppel het opnieuw en geef Omroeper toestemming.</translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>{name} is verwijderd.</translation>
    </message>
    <message>
        <source>Connect {kind}</source>
        <translation>{kind} koppelen</translation>
    </message>
    <message>
        <source>&amp;Sign in with your browser</source>
        <translation>&amp;Inloggen met je browser</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Bezig met koppelen…</translation>
    </message>
    <message>
        <source>Omroeper could not open your web browser.</source>
        <translation>Omroeper kon je webbrowser niet openen.</translation>
    </message>
    <message>
        <source>Your browser shows the server&apos;s page. Sign in there and allow Omroeper; then copy the code it shows into the field above.</source>
        <translation>Je browser toont de pagina van de server. Log daar in en geef Omroeper toestemming; kopieer daarna de code die daar verschijnt naar het veld hierboven.</translation>
    </message>
    <message>
        <source>Your browser shows the server&apos;s page. Sign in there and allow Omroeper; Omroeper waits here and continues by itself.</source>
        <translation>Je browser toont de pagina van de server. Log daar in en geef Omroeper toestemming; Omroeper wacht hier en gaat vanzelf verder.</translation>
    </message>
    <message>
        <source>Connected as {name} ({handle}).</source>
        <translation>Gekoppeld als {name} ({handle}).</translation>
    </message>
    <message>
        <source>Connected as {name}.</source>
        <translation>Gekoppeld als {name}.</translation>
    </message>
    <message>
        <source>Copy &amp;instructions for your web developer</source>
        <translation>&amp;Instructies voor je webontwikkelaar kopiëren</translation>
    </message>
    <message>
        <source>Something went wrong, and nothing was connected. Try again.</source>
        <translation>Er ging iets mis en er is niets gekoppeld. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Instructions copied</source>
        <translation>Instructies gekopieerd</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Gekopieerd</translation>
    </message>
</context>
<context>
    <name>Answers</name>
    <message>
        <source>This computer is not connected to the internet. Check the Wi-Fi or network cable; Omroeper tries again when the connection is back.</source>
        <translation>Deze computer heeft geen internetverbinding. Controleer de wifi of de netwerkkabel; Omroeper probeert het opnieuw zodra de verbinding terug is.</translation>
    </message>
    <message>
        <source>This computer is not connected to the internet. Check the Wi-Fi or network cable, then connect again.</source>
        <translation>Deze computer heeft geen internetverbinding. Controleer de wifi of de netwerkkabel en koppel daarna opnieuw.</translation>
    </message>
    <message>
        <source>Your website does not answer at {address} (the internet works). Ask your web developer whether the receiver for Omroeper is running.</source>
        <translation>Je website antwoordt niet op {address} (het internet werkt wel). Vraag je webontwikkelaar of de ontvanger voor Omroeper draait.</translation>
    </message>
    <message>
        <source>Your website did not answer in time. Omroeper tries again; if this keeps happening, tell your web developer.</source>
        <translation>Je website antwoordde niet op tijd. Omroeper probeert het opnieuw; blijft dit gebeuren, meld het dan aan je webontwikkelaar.</translation>
    </message>
    <message>
        <source>The connection to your website is not trusted: its certificate was refused. Ask your web developer to renew it (or your IT support, if your network checks connections).</source>
        <translation>De verbinding met je website wordt niet vertrouwd: het certificaat is geweigerd. Vraag je webontwikkelaar het te vernieuwen (of je IT-ondersteuning, als je netwerk verbindingen controleert).</translation>
    </message>
    <message>
        <source>Your website does not accept Omroeper’s key (401). Give the key to your web developer again, or connect the website again with a new key.</source>
        <translation>Je website accepteert de sleutel van Omroeper niet (401). Geef de sleutel opnieuw aan je webontwikkelaar, of koppel de website opnieuw met een nieuwe sleutel.</translation>
    </message>
    <message>
        <source>Your website refuses Omroeper’s messages (403). Ask your web developer to allow them at this address.</source>
        <translation>Je website weigert de berichten van Omroeper (403). Vraag je webontwikkelaar ze op dit adres toe te laten.</translation>
    </message>
    <message>
        <source>Nothing on your website receives Omroeper’s messages at this address (404). Check the address with your web developer.</source>
        <translation>Op dit adres ontvangt niets op je website de berichten van Omroeper (404). Controleer het adres met je webontwikkelaar.</translation>
    </message>
    <message>
        <source>The message is too large for your website (413). Use fewer or smaller photos, or ask your web developer to accept larger messages.</source>
        <translation>Het bericht is te groot voor je website (413). Gebruik minder of kleinere foto’s, of vraag je webontwikkelaar grotere berichten toe te laten.</translation>
    </message>
    <message>
        <source>Your website sends Omroeper to another address ({status}). Ask your web developer for the final address and connect the website again.</source>
        <translation>Je website stuurt Omroeper door naar een ander adres ({status}). Vraag je webontwikkelaar om het uiteindelijke adres en koppel de website opnieuw.</translation>
    </message>
    <message>
        <source>Your website refused the message ({status}). Show your web developer what it said: “{message}”</source>
        <translation>Je website weigerde het bericht ({status}). Laat je webontwikkelaar zien wat ze antwoordde: “{message}”</translation>
    </message>
    <message>
        <source>Your website asks Omroeper to slow down (429); it tries again later.</source>
        <translation>Je website vraagt Omroeper om even te wachten (429); Omroeper probeert het later opnieuw.</translation>
    </message>
    <message>
        <source>Your website has a problem ({status}). Omroeper tries again later; if this keeps happening, tell your web developer.</source>
        <translation>Je website heeft een probleem ({status}). Omroeper probeert het later opnieuw; blijft dit gebeuren, meld het dan aan je webontwikkelaar.</translation>
    </message>
    <message>
        <source>Your website accepted a message signed with a key it cannot know: it does not check the key, so anyone could publish on it. Ask your web developer to check it (see the instructions), then connect again.</source>
        <translation>Je website accepteerde een bericht met een sleutel die ze niet kan kennen: ze controleert de sleutel niet, dus iedereen zou erop kunnen publiceren. Vraag je webontwikkelaar de sleutel te controleren (zie de instructies) en koppel daarna opnieuw.</translation>
    </message>
    <message>
        <source>{network}’s server does not answer (the internet works). Omroeper tries again; the server may be down for a while.</source>
        <translation>De server van {network} antwoordt niet (het internet werkt wel). Omroeper probeert het opnieuw; de server ligt misschien een tijdje plat.</translation>
    </message>
    <message>
        <source>{network}’s server did not answer in time; Omroeper tries again.</source>
        <translation>De server van {network} antwoordde niet op tijd; Omroeper probeert het opnieuw.</translation>
    </message>
    <message>
        <source>The connection to {network}’s server is not trusted (its certificate was refused). Ask your IT support.</source>
        <translation>De verbinding met de server van {network} wordt niet vertrouwd (het certificaat is geweigerd). Vraag je IT-ondersteuning om hulp.</translation>
    </message>
    <message>
        <source>{network} no longer accepts this account’s sign-in (401). Connect the account again in Accounts, then retry.</source>
        <translation>{network} accepteert de toegang van dit account niet meer (401). Koppel het account opnieuw bij Accounts en probeer het dan nog eens.</translation>
    </message>
    <message>
        <source>{network}’s server refused the message (403): the account may be limited. Ask the server’s moderators.</source>
        <translation>De server van {network} weigerde het bericht (403): het account is misschien beperkt. Vraag het aan de moderatoren van de server.</translation>
    </message>
    <message>
        <source>{network} does not let Omroeper do this: the account was connected with too few permissions (403). Connect the account again in Accounts, then retry.</source>
        <translation>{network} staat dit Omroeper niet toe: het account is gekoppeld met te weinig toestemming (403). Koppel het account opnieuw bij Accounts en probeer het dan nog eens.</translation>
    </message>
    <message>
        <source>{network}’s server does not know this address (404). Connect the account again.</source>
        <translation>De server van {network} kent dit adres niet (404). Koppel het account opnieuw.</translation>
    </message>
    <message>
        <source>The message is too large for {network} (413). Use fewer or smaller photos.</source>
        <translation>Het bericht is te groot voor {network} (413). Gebruik minder of kleinere foto’s.</translation>
    </message>
    <message>
        <source>{network}’s server asks Omroeper to slow down (429); it tries again later.</source>
        <translation>De server van {network} vraagt Omroeper om even te wachten (429); Omroeper probeert het later opnieuw.</translation>
    </message>
    <message>
        <source>{network}’s server has a problem ({status}); Omroeper tries again later.</source>
        <translation>De server van {network} heeft een probleem ({status}); Omroeper probeert het later opnieuw.</translation>
    </message>
    <message>
        <source>✓ Your website answered the test message and accepted the key.</source>
        <translation>✓ Je website beantwoordde het testbericht en accepteerde de sleutel.</translation>
    </message>
    <message>
        <source>✓ Your website answered the test message and checks the key. It does not have this new key yet: give the key to your web developer, separately from the instructions.</source>
        <translation>✓ Je website beantwoordde het testbericht en controleert de sleutel. Ze heeft deze nieuwe sleutel nog niet: geef de sleutel aan je webontwikkelaar, los van de instructies.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message numerus="yes">
        <source>%Ln draft(s) rescued. The damaged file stays at {copy} for your IT support.</source>
        <translation>
            <numerusform>%Ln concept gered. Het beschadigde bestand blijft bewaard als {copy}, voor je IT-ondersteuning.</numerusform>
            <numerusform>%Ln concepten gered. Het beschadigde bestand blijft bewaard als {copy}, voor je IT-ondersteuning.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rescue every draft that can still be read, and carry on with those?</source>
        <translation>Alle concepten redden die nog te lezen zijn, en daarmee verder werken?</translation>
    </message>
</context>
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
    <message>
        <source>also write each fitted image as DIR/&lt;target&gt;/&lt;position&gt;.&lt;ext&gt;</source>
        <translation>schrijf ook elke passend gemaakte foto weg als DIR/&lt;target&gt;/&lt;position&gt;.&lt;ext&gt;</translation>
    </message>
    <message>
        <source>judge against these connected accounts and their servers</source>
        <translation>beoordeel voor deze gekoppelde accounts en hun servers</translation>
    </message>
    <message>
        <source>the output was closed before all of it was written.</source>
        <translation>de uitvoer werd gesloten voordat alles geschreven was.</translation>
    </message>
    <message>
        <source>not enough memory for this input.</source>
        <translation>niet genoeg geheugen voor deze invoer.</translation>
    </message>
    <message>
        <source>list, show, export and import the drafts</source>
        <translation>concepten opsommen, bekijken, exporteren en importeren</translation>
    </message>
    <message>
        <source>list, connect and remove accounts</source>
        <translation>accounts opsommen, koppelen en verwijderen</translation>
    </message>
    <message>
        <source>the connected accounts</source>
        <translation>de gekoppelde accounts</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>als JSON tonen</translation>
    </message>
    <message>
        <source>disconnect an account and forget its secret</source>
        <translation>een account ontkoppelen en het geheim vergeten</translation>
    </message>
    <message>
        <source>connect an account</source>
        <translation>een account koppelen</translation>
    </message>
    <message>
        <source>the server&apos;s address</source>
        <translation>het adres van de server</translation>
    </message>
    <message>
        <source>Bluesky handle or e-mail</source>
        <translation>Bluesky-gebruikersnaam of e-mailadres</translation>
    </message>
    <message>
        <source>WordPress user name</source>
        <translation>WordPress-gebruikersnaam</translation>
    </message>
    <message>
        <source>WordPress: what to publish as (post, page…); post by default</source>
        <translation>WordPress: waarvan een bericht wordt gemaakt (post, page…); standaard post</translation>
    </message>
    <message>
        <source>read the secret from stdin</source>
        <translation>lees het geheim van standaardinvoer</translation>
    </message>
    <message>
        <source>No accounts connected yet.</source>
        <translation>Nog geen accounts gekoppeld.</translation>
    </message>
    <message>
        <source>{name} ({id}) was connected without permission to read its own posts: Omroeper cannot delete its threads. Connect it again in the window (Accounts, Connect again).</source>
        <translation>{name} ({id}) is gekoppeld zonder toestemming om de eigen berichten te lezen: Omroeper kan de draadjes ervan niet verwijderen. Koppel het opnieuw in het venster (Accounts, “Opnieuw koppelen”).</translation>
    </message>
    <message>
        <source>Sign in and allow Omroeper in your browser: {url}</source>
        <translation>Log in en geef Omroeper toestemming in je browser: {url}</translation>
    </message>
    <message>
        <source>Then paste the code the server shows you here:</source>
        <translation>Plak daarna hier de code die de server je toont:</translation>
    </message>
    <message>
        <source>the drafts, newest change first</source>
        <translation>de concepten, laatst gewijzigde eerst</translation>
    </message>
    <message>
        <source>only drafts holding TEXT</source>
        <translation>alleen concepten waarin TEXT staat</translation>
    </message>
    <message>
        <source>one draft, in the draft-file format</source>
        <translation>één concept, in de vorm van een conceptbestand</translation>
    </message>
    <message>
        <source>write one draft and its images to one file</source>
        <translation>één concept met zijn foto’s in één bestand zetten</translation>
    </message>
    <message>
        <source>for example review.omroeper</source>
        <translation>bijvoorbeeld controle.omroeper</translation>
    </message>
    <message>
        <source>add a draft from an exported file or a draft file</source>
        <translation>een concept toevoegen uit een geëxporteerd bestand of een conceptbestand</translation>
    </message>
    <message>
        <source>--out needs a folder name.</source>
        <translation>--out heeft een mapnaam nodig.</translation>
    </message>
    <message>
        <source>--to needs one or more account IDs.</source>
        <translation>--to heeft een of meer account-ID’s nodig.</translation>
    </message>
    <message>
        <source>Cannot write the images to {path}: {reason}</source>
        <translation>Kan de foto’s niet opslaan in {path}: {reason}</translation>
    </message>
    <message>
        <source>delete a published message everywhere</source>
        <translation>een gepubliceerd bericht overal verwijderen</translation>
    </message>
    <message>
        <source>publish a draft file: your website first, then the networks</source>
        <translation>een conceptbestand publiceren: eerst je website, dan de netwerken</translation>
    </message>
    <message>
        <source>the draft file</source>
        <translation>het conceptbestand</translation>
    </message>
    <message>
        <source>the accounts to publish to</source>
        <translation>de accounts om op te publiceren</translation>
    </message>
    <message>
        <source>continue an interrupted job</source>
        <translation>een onderbroken publicatie afmaken</translation>
    </message>
    <message>
        <source>offline, wait for the connection to return instead of stopping</source>
        <translation>zonder verbinding wachten tot die terug is, in plaats van te stoppen</translation>
    </message>
    <message>
        <source>publish at this time instead of now, such as 2026-12-24T09:00:00+01:00</source>
        <translation>op dit tijdstip publiceren in plaats van nu, bijvoorbeeld 2026-12-24T09:00:00+01:00</translation>
    </message>
    <message>
        <source>the time zone of --at, such as Europe/Amsterdam (default: this computer’s)</source>
        <translation>de tijdzone van --at, bijvoorbeeld Europe/Amsterdam (standaard: die van deze computer)</translation>
    </message>
    <message>
        <source>send every scheduled message whose time has come</source>
        <translation>elk gepland bericht versturen waarvan het tijdstip gekomen is</translation>
    </message>
    <message>
        <source>cancel a scheduled message</source>
        <translation>een gepland bericht annuleren</translation>
    </message>
    <message>
        <source>send a scheduled message now (one found too late, for instance)</source>
        <translation>een gepland bericht nu versturen (bijvoorbeeld een dat te laat gevonden werd)</translation>
    </message>
    <message>
        <source>change a scheduled message: its text (FILE), its time (--at), or both</source>
        <translation>een gepland bericht wijzigen: de tekst (FILE), het tijdstip (--at), of allebei</translation>
    </message>
    <message>
        <source>give a FILE with --to ID[,ID…] (and --at TIME to schedule it), or one of --resume JOB, --due, --cancel JOB, --send-now JOB</source>
        <translation>geef een FILE met --to ID[,ID…] (en --at TIME om het te plannen), of een van --resume JOB, --due, --cancel JOB, --send-now JOB</translation>
    </message>
    <message>
        <source>--at and --zone go with a FILE to schedule</source>
        <translation>--at en --zone horen bij een FILE om te plannen</translation>
    </message>
    <message>
        <source>--change JOB takes a FILE with the new text, --at with the new time, or both</source>
        <translation>--change JOB heeft een FILE met de nieuwe tekst nodig, --at met het nieuwe tijdstip, of allebei</translation>
    </message>
    <message>
        <source>the published and scheduled messages</source>
        <translation>de gepubliceerde en geplande berichten</translation>
    </message>
    <message>
        <source>every message sent or scheduled, newest first</source>
        <translation>elk verstuurd of gepland bericht, nieuwste eerst</translation>
    </message>
    <message>
        <source>change a published message everywhere it is online</source>
        <translation>een gepubliceerd bericht overal wijzigen waar het online staat</translation>
    </message>
    <message>
        <source>the changed draft file</source>
        <translation>het gewijzigde conceptbestand</translation>
    </message>
    <message>
        <source>Bluesky cannot change a post: delete it there and post the change anew (its likes and replies are lost)</source>
        <translation>Bluesky kan een bericht niet wijzigen: verwijder het daar en plaats het gewijzigde bericht opnieuw (de likes en reacties gaan verloren)</translation>
    </message>
    <message>
        <source>message {job} is not online (scheduled, cancelled or deleted): there is nothing to change; use “publish --change” for a scheduled one</source>
        <translation>bericht {job} staat niet online (ingepland, geannuleerd of verwijderd): er is niets te wijzigen; gebruik “publish --change” voor een ingepland bericht</translation>
    </message>
</context>
<context>
    <name>ComposerWindow</name>
    <message>
        <source>Save status</source>
        <translation>Opslagstatus</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Schrijven</translation>
    </message>
    <message>
        <source>Write the full text first.</source>
        <translation>Schrijf eerst de volledige tekst.</translation>
    </message>
    <message>
        <source>✓ Saved</source>
        <translation>✓ Opgeslagen</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
    <message>
        <source>⚠ Not saved yet. Omroeper keeps trying.</source>
        <translation>⚠ Nog niet opgeslagen. Omroeper blijft het proberen.</translation>
    </message>
    <message>
        <source>The changes are published.</source>
        <translation>De wijzigingen zijn gepubliceerd.</translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation>“{title}” verwijderd.</translation>
    </message>
    <message>
        <source>(empty draft)</source>
        <translation>(leeg concept)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>Your latest changes could not be saved. If you close now, they are lost. Close anyway?</source>
        <translation>Je laatste wijzigingen konden niet worden opgeslagen. Als je nu sluit, gaan ze verloren. Toch sluiten?</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>&amp;Publish now</source>
        <translation>Nu &amp;publiceren</translation>
    </message>
    <message>
        <source>Publish this message?</source>
        <translation>Dit bericht publiceren?</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Inplannen</translation>
    </message>
    <message>
        <source>Where it goes, in this order:</source>
        <translation>Waar het heen gaat, in deze volgorde:</translation>
    </message>
    <message>
        <source>1. {website}</source>
        <translation>1. {website}</translation>
    </message>
    <message>
        <source>2. Then, each with a link to it:</source>
        <translation>2. Daarna, elk met een link ernaar:</translation>
    </message>
    <message>
        <source>At the same time, each with a link to {link}:</source>
        <translation>Tegelijk, elk met een link naar {link}:</translation>
    </message>
    <message>
        <source>At the same time:</source>
        <translation>Tegelijk:</translation>
    </message>
    <message>
        <source>Message: “{line}”</source>
        <translation>Bericht: “{line}”</translation>
    </message>
    <message numerus="yes">
        <source>With %Ln photo(s).</source>
        <translation>
            <numerusform>Met %Ln foto.</numerusform>
            <numerusform>Met %Ln foto’s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On {network} it becomes a thread of %Ln post(s).</source>
        <translation>
            <numerusform>Op {network} wordt het een draadje van %Ln bericht.</numerusform>
            <numerusform>Op {network} wordt het een draadje van %Ln berichten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Connect</name>
    <message>
        <source>“{address}” is not a web address. Type it like mastodon.social.</source>
        <translation>“{address}” is geen webadres. Typ bijvoorbeeld mastodon.social.</translation>
    </message>
    <message>
        <source>“{address}” is not secure (http://). Use the https:// address of the server.</source>
        <translation>“{address}” is niet beveiligd (http://). Gebruik het https://-adres van de server.</translation>
    </message>
    <message>
        <source>The server {address} does not answer (the internet works). Check the address; the server may be down for a while.</source>
        <translation>De server {address} antwoordt niet (het internet werkt wel). Controleer het adres; de server ligt misschien een tijdje plat.</translation>
    </message>
    <message>
        <source>The server {address} did not answer in time. Try again in a moment.</source>
        <translation>De server {address} antwoordde niet op tijd. Probeer het zo meteen opnieuw.</translation>
    </message>
    <message>
        <source>The connection to {address} is not trusted (its certificate was refused). Ask your IT support.</source>
        <translation>De verbinding met {address} wordt niet vertrouwd (het certificaat is geweigerd). Vraag je IT-ondersteuning om hulp.</translation>
    </message>
    <message>
        <source>{address} does not speak https on that port. Check the address: often it has no port number, or a different one.</source>
        <translation>{address} spreekt op die poort geen https. Controleer het adres: vaak hoort er geen poortnummer bij, of een ander.</translation>
    </message>
    <message>
        <source>{address} answers, but it is not the kind of server you chose.</source>
        <translation>{address} antwoordt, maar is niet het soort server dat je koos.</translation>
    </message>
    <message>
        <source>The server did not accept these details. Check them, or create a new token or app password.</source>
        <translation>De server accepteerde deze gegevens niet. Controleer ze, of maak een nieuw toegangstoken of app-wachtwoord.</translation>
    </message>
    <message>
        <source>The sign-in has expired or was withdrawn. Connect the account again.</source>
        <translation>De toegang is verlopen of ingetrokken. Koppel het account opnieuw.</translation>
    </message>
    <message>
        <source>This token does not allow what Omroeper needs. Sign in with your browser instead, or create a token that may read and write.</source>
        <translation>Dit token staat niet toe wat Omroeper nodig heeft. Log liever in met je browser, of maak een token dat mag lezen en schrijven.</translation>
    </message>
    <message>
        <source>Omroeper was not allowed on the server&apos;s page. Nothing was connected.</source>
        <translation>Omroeper kreeg geen toestemming op de pagina van de server. Er is niets gekoppeld.</translation>
    </message>
    <message>
        <source>The server asks to slow down. Try again in a few minutes.</source>
        <translation>De server vraagt om even te wachten. Probeer het over een paar minuten opnieuw.</translation>
    </message>
    <message>
        <source>The server had a problem ({status}). Try again later.</source>
        <translation>De server had een probleem ({status}). Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>The server {address} answered with far more data than expected. Check the address.</source>
        <translation>De server {address} stuurde veel meer gegevens terug dan verwacht. Controleer het adres.</translation>
    </message>
    <message>
        <source>The server {address} tried to send Omroeper to another, unsafe address. Check the address.</source>
        <translation>De server {address} probeerde Omroeper naar een ander, onveilig adres te sturen. Controleer het adres.</translation>
    </message>
    <message>
        <source>That signing key is not valid: a valid one starts with whsec_.</source>
        <translation>Die ondertekeningssleutel is niet geldig: een geldige sleutel begint met whsec_.</translation>
    </message>
    <message>
        <source>Nothing was given for {flag}: paste it on standard input and try again.</source>
        <translation>Er kwam niets binnen bij {flag}: plak het op de standaardinvoer en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>{flag} does not go with {kind}.</source>
        <translation>{flag} hoort niet bij {kind}.</translation>
    </message>
    <message>
        <source>Connecting failed ({code}).</source>
        <translation>Koppelen is mislukt ({code}).</translation>
    </message>
    <message>
        <source>WordPress did not accept this application password. Make a new one in WordPress under Users → Profile → Application Passwords, and paste it here (not your own password).</source>
        <translation>WordPress accepteert dit applicatiewachtwoord niet. Maak in WordPress een nieuw aan onder Gebruikers → Profiel → Applicatiewachtwoorden en plak het hier (niet je eigen wachtwoord).</translation>
    </message>
    <message>
        <source>WordPress does not know the user name “{user}”. Use the user name you sign in to WordPress with.</source>
        <translation>WordPress kent de gebruikersnaam “{user}” niet. Gebruik de naam waarmee je inlogt bij WordPress.</translation>
    </message>
    <message>
        <source>Application passwords are switched off on this WordPress site (by a setting or a security plugin). Ask whoever manages the site to allow them for your account.</source>
        <translation>Applicatiewachtwoorden staan uit op deze WordPress-site (door een instelling of een beveiligingsplugin). Vraag de beheerder van de site om ze voor jouw account toe te staan.</translation>
    </message>
    <message>
        <source>WordPress lets apps sign in only over a secure connection. Use your site’s https:// address; if it has none, ask your host to switch on https.</source>
        <translation>WordPress laat apps alleen inloggen via een beveiligde verbinding. Gebruik het https://-adres van je site; heeft de site dat niet, vraag dan je hostingpartij om https aan te zetten.</translation>
    </message>
    <message>
        <source>The password is right, but the web server in front of WordPress removes it from every request (the Authorization header). Ask your host or web developer to pass the Authorization header through to WordPress (for Apache: “CGIPassAuth On” or “SetEnvIf Authorization”), or to allow it in the security plugin.</source>
        <translation>Het wachtwoord klopt, maar de webserver vóór WordPress haalt het uit elk verzoek (de Authorization-header). Vraag je hostingpartij of webontwikkelaar om de Authorization-header door te geven aan WordPress (voor Apache: “CGIPassAuth On” of “SetEnvIf Authorization”), of om hem toe te staan in de beveiligingsplugin.</translation>
    </message>
    <message>
        <source>WordPress answered as if nobody had signed in. Check the user name and make a new application password. If that does not help, ask your host whether the web server removes the Authorization header.</source>
        <translation>WordPress antwoordde alsof niemand was ingelogd. Controleer de gebruikersnaam en maak een nieuw applicatiewachtwoord. Helpt dat niet, vraag dan je hostingpartij of de webserver de Authorization-header weghaalt.</translation>
    </message>
    <message>
        <source>This WordPress account may not write posts (its role is probably Subscriber). Ask whoever manages the site for the role Author or Editor.</source>
        <translation>Dit WordPress-account mag geen berichten schrijven (de rol is waarschijnlijk Abonnee). Vraag de beheerder van de site om de rol Auteur of Redacteur.</translation>
    </message>
    <message>
        <source>This account cannot write “{post_type}” on this site. It can write: {choices}.</source>
        <translation>Dit account kan op deze site geen “{post_type}” schrijven. Het kan schrijven: {choices}.</translation>
    </message>
    <message>
        <source>Your WordPress site does not know it is reached over https, so it offers no application passwords. Ask your host or web developer to set the site’s address to https:// in WordPress.</source>
        <translation>Je WordPress-site weet niet dat hij via https bereikt wordt en biedt daarom geen applicatiewachtwoorden aan. Vraag je hostingpartij of webontwikkelaar om het adres van de site in WordPress op https:// te zetten.</translation>
    </message>
    <message>
        <source>This account may write posts but not publish them: WordPress holds them for review until an editor publishes them.</source>
        <translation>Dit account mag berichten schrijven maar niet publiceren: WordPress houdt ze ter beoordeling vast tot een redacteur ze publiceert.</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Beheerder</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Redacteur</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Contributor</source>
        <translation>Schrijver</translation>
    </message>
    <message>
        <source>Subscriber</source>
        <translation>Abonnee</translation>
    </message>
    <message>
        <source>Role on the site: {roles}.</source>
        <translation>Rol op de website: {roles}.</translation>
    </message>
    <message>
        <source>This computer offers no safe place for passwords (a keyring), so Omroeper keeps none. Ask your IT support to enable one.</source>
        <translation>Deze computer heeft geen veilige plek voor wachtwoorden (een wachtwoordkluis), dus bewaart Omroeper geen wachtwoorden. Vraag je IT-ondersteuning er een in te schakelen.</translation>
    </message>
    <message>
        <source>The keyring is locked. Unlock it (sign in again) and try once more.</source>
        <translation>De wachtwoordkluis is vergrendeld. Ontgrendel hem (log opnieuw in op de computer) en probeer het nog eens.</translation>
    </message>
    <message>
        <source>The password for this account is gone from the keyring. Connect it again.</source>
        <translation>Het wachtwoord voor dit account staat niet meer in de wachtwoordkluis. Koppel het account opnieuw.</translation>
    </message>
    <message>
        <source>The keyring did not work ({code}).</source>
        <translation>De wachtwoordkluis werkte niet ({code}).</translation>
    </message>
    <message>
        <source>This does not look like an app password. In Bluesky, go to Settings → Privacy and security → App passwords, create one for Omroeper, and use that instead of your own password.</source>
        <translation>Dit lijkt geen app-wachtwoord. Ga in Bluesky naar Instellingen → Privacy en beveiliging → App-wachtwoorden, maak er een voor Omroeper en gebruik dat in plaats van je eigen wachtwoord.</translation>
    </message>
</context>
<context>
    <name>ConnectForm</name>
    <message>
        <source>Show advanced settings</source>
        <translation>Geavanceerde instellingen tonen</translation>
    </message>
    <message>
        <source>&amp;Address for Omroeper’s messages:</source>
        <translation>&amp;Adres voor de berichten van Omroeper:</translation>
    </message>
    <message>
        <source>Your web developer gives you this address: ask them for “the address where the website receives Omroeper’s messages”. It starts with https://.</source>
        <translation>Dit adres krijg je van je webontwikkelaar: vraag naar “het adres waar de website de berichten van Omroeper ontvangt”. Het begint met https://.</translation>
    </message>
    <message>
        <source>Make a new key (recommended)</source>
        <translation>Een nieuwe sleutel maken (aanbevolen)</translation>
    </message>
    <message>
        <source>I already have a key from the web developer</source>
        <translation>Ik heb al een sleutel van de webontwikkelaar</translation>
    </message>
    <message>
        <source>Key that proves messages come from you:</source>
        <translation>Sleutel die bewijst dat berichten van jou komen:</translation>
    </message>
    <message>
        <source>Key from the web developer</source>
        <translation>Sleutel van de webontwikkelaar</translation>
    </message>
    <message>
        <source>The website only accepts messages signed with this key. A new key is shown once, after connecting: give it to your web developer separately.</source>
        <translation>De website accepteert alleen berichten die met deze sleutel zijn ondertekend. Een nieuwe sleutel zie je één keer, na het koppelen: geef hem apart aan je webontwikkelaar.</translation>
    </message>
    <message>
        <source>Copy &amp;instructions for your web developer</source>
        <translation>&amp;Instructies voor je webontwikkelaar kopiëren</translation>
    </message>
    <message>
        <source>(not filled in yet)</source>
        <translation>(nog niet ingevuld)</translation>
    </message>
    <message>
        <source>Omroeper will publish our news on our website first. Could you set this up on the website?</source>
        <translation>Omroeper gaat ons nieuws eerst op onze website publiceren. Kun jij dit op de website instellen?</translation>
    </message>
    <message>
        <source>1. Install a receiver for Omroeper’s webhook: it takes signed messages and makes a page for each. How it works: {docs} in Omroeper’s source code. A working example to copy (Hugo and Jekyll): {example}.</source>
        <translation>1. Installeer een ontvanger voor de webhook van Omroeper: die neemt ondertekende berichten aan en maakt van elk een pagina. Hoe het werkt: {docs} in de broncode van Omroeper. Een werkend voorbeeld om over te nemen (Hugo en Jekyll): {example}.</translation>
    </message>
    <message>
        <source>2. Make it receive messages at this address: {address}</source>
        <translation>2. Laat hem berichten ontvangen op dit adres: {address}</translation>
    </message>
    <message>
        <source>3. The signing key (whsec_…) is not in this message: I send it to you separately. The receiver must refuse every message not signed with it.</source>
        <translation>3. De ondertekeningssleutel (whsec_…) staat niet in dit bericht: die stuur ik je apart. De ontvanger moet elk bericht weigeren dat er niet mee is ondertekend.</translation>
    </message>
    <message>
        <source>4. When you are ready, tell me: connecting in Omroeper sends a test message (webhook.test), which must be answered with 200 and make no page.</source>
        <translation>4. Laat me weten wanneer je klaar bent: bij het koppelen stuurt Omroeper een testbericht (webhook.test), dat met 200 beantwoord moet worden en geen pagina mag maken.</translation>
    </message>
    <message>
        <source>Instructions copied</source>
        <translation>Instructies gekopieerd</translation>
    </message>
    <message>
        <source>&amp;Webhook address:</source>
        <translation>&amp;Webhookadres:</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>&amp;Serveradres:</translation>
    </message>
    <message>
        <source>Where the account lives: for @name@mastodon.social, that is mastodon.social. Omroeper then opens your browser, where you sign in and allow Omroeper.</source>
        <translation>Waar het account staat: bij @naam@mastodon.social is dat mastodon.social. Omroeper opent dan je browser; daar log je in en geef je Omroeper toestemming.</translation>
    </message>
    <message>
        <source>&amp;Code from the page:</source>
        <translation>&amp;Code van de pagina:</translation>
    </message>
    <message>
        <source>The server shows a code after you allow Omroeper. Copy it here.</source>
        <translation>De server toont een code nadat je Omroeper toestemming hebt gegeven. Plak die hier.</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>&amp;Toegangstoken:</translation>
    </message>
    <message>
        <source>Instead of signing in: a token made on the server under Preferences → Development. Leave it empty to sign in with your browser.</source>
        <translation>In plaats van inloggen: een toegangstoken dat je op de server maakt onder Voorkeuren → Ontwikkeling. Laat het leeg om in te loggen met je browser.</translation>
    </message>
    <message>
        <source>&amp;Handle or e-mail:</source>
        <translation>&amp;Gebruikersnaam of e-mailadres:</translation>
    </message>
    <message>
        <source>The account&apos;s name, like yourname.bsky.social, or its e-mail address.</source>
        <translation>De gebruikersnaam van het account, zoals jouwnaam.bsky.social, of het e-mailadres.</translation>
    </message>
    <message>
        <source>&amp;App password:</source>
        <translation>&amp;App-wachtwoord:</translation>
    </message>
    <message>
        <source>A separate password just for Omroeper, made in Bluesky under Settings → Privacy and security → App passwords. It looks like abcd-efgh-ijkl-mnop.</source>
        <translation>Een apart wachtwoord alleen voor Omroeper, dat je in Bluesky maakt onder Instellingen → Privacy en beveiliging → App-wachtwoorden. Het ziet eruit als abcd-efgh-ijkl-mnop.</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>Only for accounts that are not on bsky.social.</source>
        <translation>Alleen voor accounts die niet op bsky.social staan.</translation>
    </message>
    <message>
        <source>In Discord, open the channel&apos;s settings (the gear next to its name) → Integrations → Webhooks → New Webhook (or pick one) → Copy Webhook URL, and paste it here. Keep it to yourself: anyone who has it can post.</source>
        <translation>Open in Discord de instellingen van het kanaal (het tandwiel naast de naam) → Integraties → Webhooks → Nieuwe webhook (of kies er een) → Webhook-URL kopiëren, en plak hem hier. Houd hem voor jezelf: wie hem heeft, kan berichten plaatsen.</translation>
    </message>
    <message>
        <source>&amp;Website address:</source>
        <translation>&amp;Adres van de website:</translation>
    </message>
    <message>
        <source>The address of your WordPress site, as visitors type it.</source>
        <translation>Het adres van je WordPress-site, zoals bezoekers het intypen.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Gebruikersnaam:</translation>
    </message>
    <message>
        <source>The name you sign in to WordPress with.</source>
        <translation>De naam waarmee je inlogt bij WordPress.</translation>
    </message>
    <message>
        <source>&amp;Application password:</source>
        <translation>A&amp;pplicatiewachtwoord:</translation>
    </message>
    <message>
        <source>Not your own password: a separate one just for Omroeper. Sign in to WordPress, go to Users → Profile, scroll down to Application Passwords, type Omroeper as its name and click Add New Application Password. Copy the password it shows (it looks like abcd efgh ijkl mnop qrst uvwx).</source>
        <translation>Niet je eigen wachtwoord, maar een apart wachtwoord alleen voor Omroeper. Log in bij WordPress, ga naar Gebruikers → Profiel, scrol naar Applicatiewachtwoorden, typ Omroeper als naam en klik op Nieuw applicatiewachtwoord toevoegen. Kopieer het wachtwoord dat je dan ziet (het lijkt op abcd efgh ijkl mnop qrst uvwx).</translation>
    </message>
    <message>
        <source>WordPress’s profile page, with Application Passwords</source>
        <translation>De profielpagina van WordPress, met Applicatiewachtwoorden</translation>
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
    <name>Counters</name>
    <message>
        <source>Your website</source>
        <translation>Je website</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln reply(ies)</source>
        <translation>
            <numerusform>%Ln reactie</numerusform>
            <numerusform>%Ln reacties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln repost(s)</source>
        <translation>
            <numerusform>%Ln repost</numerusform>
            <numerusform>%Ln reposts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln boost(s)</source>
        <translation>
            <numerusform>%Ln boost</numerusform>
            <numerusform>%Ln boosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln like(s)</source>
        <translation>
            <numerusform>%Ln like</numerusform>
            <numerusform>%Ln likes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln favourite(s)</source>
        <translation>
            <numerusform>%Ln favoriet</numerusform>
            <numerusform>%Ln favorieten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DestinationPreview</name>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>This network gets its own text.</source>
        <translation>Dit netwerk krijgt een eigen tekst.</translation>
    </message>
    <message>
        <source>Use the common message again</source>
        <translation>Weer de algemene tekst gebruiken</translation>
    </message>
    <message>
        <source>Photo {number}: {width} × {height} pixels, {size}</source>
        <translation>Foto {number}: {width} × {height} pixels, {size}</translation>
    </message>
    <message>
        <source>Edit for this network only…</source>
        <translation>Alleen voor dit netwerk bewerken…</translation>
    </message>
    <message>
        <source>Edit the text for this network only</source>
        <translation>De tekst alleen voor dit netwerk bewerken</translation>
    </message>
    <message>
        <source>✓ Fits on {network}.</source>
        <translation>✓ Past op {network}.</translation>
    </message>
    <message>
        <source>⚠ {about} — does not fit here.</source>
        <translation>⚠ {about} — past hier niet.</translation>
    </message>
</context>
<context>
    <name>DestinationsPanel</name>
    <message>
        <source>Your website</source>
        <translation>Je website</translation>
    </message>
    <message>
        <source>Where to publish</source>
        <translation>Waar publiceren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Publish to:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Publiceren op:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No accounts connected yet. You can write and check your message now, and connect your website and networks when you are ready to publish.</source>
        <translation>Nog geen accounts gekoppeld. Je kunt je bericht nu al schrijven en controleren, en je website en netwerken koppelen zodra je wilt publiceren.</translation>
    </message>
    <message>
        <source>&amp;Connect an account…</source>
        <translation>Account koppel&amp;en…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The change goes to:&lt;/b&gt;</source>
        <translation>&lt;b&gt;De wijziging gaat naar:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Manage accounts…</source>
        <translation>Accounts behe&amp;ren…</translation>
    </message>
</context>
<context>
    <name>DraftTransfer</name>
    <message>
        <source>Export draft</source>
        <translation>Concept exporteren</translation>
    </message>
    <message>
        <source>Omroeper drafts (*{suffix})</source>
        <translation>Omroeper-concepten (*{suffix})</translation>
    </message>
    <message>
        <source>Import draft</source>
        <translation>Concept importeren</translation>
    </message>
    <message>
        <source>Omroeper drafts (*{suffix} *.json)</source>
        <translation>Omroeper-concepten (*{suffix} *.json)</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln foto</numerusform>
            <numerusform>%Ln foto’s</numerusform>
        </translation>
    </message>
    <message>
        <source>No drafts.</source>
        <translation>Geen concepten.</translation>
    </message>
    <message>
        <source>{id}  {modified}  {title}</source>
        <translation>{id}  {modified}  {title}</translation>
    </message>
    <message>
        <source>Draft {id}, last changed {modified}</source>
        <translation>Concept {id}, laatst gewijzigd {modified}</translation>
    </message>
    <message>
        <source>Title: {title}</source>
        <translation>Titel: {title}</translation>
    </message>
    <message>
        <source>For: {targets}</source>
        <translation>Voor: {targets}</translation>
    </message>
    <message>
        <source>Draft {id} exported to {file}.</source>
        <translation>Concept {id} geëxporteerd naar {file}.</translation>
    </message>
    <message>
        <source>Imported as draft {id}.</source>
        <translation>Geïmporteerd als concept {id}.</translation>
    </message>
    <message>
        <source>(empty draft)</source>
        <translation>(leeg concept)</translation>
    </message>
</context>
<context>
    <name>DraftsPanel</name>
    <message>
        <source>Search drafts</source>
        <translation>Concepten zoeken</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Concepten</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nieuw</translation>
    </message>
    <message>
        <source>Start a new draft (Ctrl+N)</source>
        <translation>Een nieuw concept beginnen (Ctrl+N)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Dupliceren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Ver&amp;wijderen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>(empty draft)</source>
        <translation>(leeg concept)</translation>
    </message>
    <message>
        <source>✎ Change to a published message</source>
        <translation>✎ Wijziging van een gepubliceerd bericht</translation>
    </message>
    <message>
        <source>✓ Published {when}</source>
        <translation>✓ Gepubliceerd {when}</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Publish the changes</source>
        <translation>Wijzigingen publiceren</translation>
    </message>
    <message>
        <source>Publish the changes?</source>
        <translation>Wijzigingen publiceren?</translation>
    </message>
    <message>
        <source>The message published on {date}, now:</source>
        <translation>Het bericht dat op {date} is gepubliceerd, voortaan:</translation>
    </message>
    <message>
        <source>“{line}”</source>
        <translation>“{line}”</translation>
    </message>
    <message>
        <source>What happens to each copy:</source>
        <translation>Wat er met elke kopie gebeurt:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>&amp;Publish changes</source>
        <translation>&amp;Wijzigingen publiceren</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Opnieuw proberen</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>Wachten…</translation>
    </message>
    <message>
        <source>Not changed.</source>
        <translation>Niet gewijzigd.</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <source>Changed:</source>
        <translation>Gewijzigd:</translation>
    </message>
    <message>
        <source>{name}: changed</source>
        <translation>{name}: gewijzigd</translation>
    </message>
    <message>
        <source>{name}: stays as it was</source>
        <translation>{name}: blijft zoals het was</translation>
    </message>
    <message>
        <source>Trying again. {reason}</source>
        <translation>Wordt opnieuw geprobeerd. {reason}</translation>
    </message>
    <message>
        <source>Not changed. {reason}</source>
        <translation>Niet gewijzigd. {reason}</translation>
    </message>
    <message>
        <source>{name}: not changed — {reason}</source>
        <translation>{name}: niet gewijzigd — {reason}</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>Bezig met wijzigen…</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>Wachten…</translation>
    </message>
    <message>
        <source>Not changed yet.</source>
        <translation>Nog niet gewijzigd.</translation>
    </message>
    <message numerus="yes">
        <source>Changed on %Ln destination(s).</source>
        <translation>
            <numerusform>Gewijzigd op %Ln bestemming.</numerusform>
            <numerusform>Gewijzigd op %Ln bestemmingen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln destination(s) could not be changed: the reason is next to each.</source>
        <translation>
            <numerusform>Bij %Ln bestemming lukte het wijzigen niet: de reden staat ernaast.</numerusform>
            <numerusform>Bij %Ln bestemmingen lukte het wijzigen niet: de reden staat ernaast.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending the change to %Ln destination(s)…</source>
        <translation>
            <numerusform>Bezig met het versturen van de wijziging naar %Ln bestemming…</numerusform>
            <numerusform>Bezig met het versturen van de wijziging naar %Ln bestemmingen…</numerusform>
        </translation>
    </message>
    <message>
        <source>stays as it was: its account is no longer connected.</source>
        <translation>blijft zoals het was: het account is niet meer gekoppeld.</translation>
    </message>
    <message>
        <source>the page is changed and keeps its address.</source>
        <translation>de pagina wordt gewijzigd en houdt haar adres.</translation>
    </message>
    <message>
        <source>changed where it is; its replies, boosts and likes stay.</source>
        <translation>wordt ter plekke gewijzigd; reacties, boosts en likes blijven.</translation>
    </message>
    <message>
        <source>deleted and posted again with the change, at a new address; its likes and replies are lost.</source>
        <translation>wordt verwijderd en met de wijziging opnieuw geplaatst, op een nieuw adres; de likes en reacties gaan verloren.</translation>
    </message>
    <message>
        <source>stays as it was: Bluesky cannot change a post that is already online.</source>
        <translation>blijft zoals het was: Bluesky kan een bericht dat al online staat niet wijzigen.</translation>
    </message>
    <message>
        <source>stays as it was: this server cannot change a message that is already online.</source>
        <translation>blijft zoals het was: deze server kan een bericht dat al online staat niet wijzigen.</translation>
    </message>
    <message>
        <source>Post again on Bluesky — likes and replies are lost</source>
        <translation>Opnieuw plaatsen op Bluesky — likes en reacties gaan verloren</translation>
    </message>
    <message>
        <source>Your website first, then the networks. This takes a few seconds.</source>
        <translation>Eerst je website, dan de netwerken. Dit duurt een paar seconden.</translation>
    </message>
    <message>
        <source>Publishing the changes…</source>
        <translation>Bezig met het publiceren van de wijzigingen…</translation>
    </message>
    <message>
        <source>The changes were not sent</source>
        <translation>De wijzigingen zijn niet verstuurd</translation>
    </message>
    <message>
        <source>Changes published</source>
        <translation>Wijzigingen gepubliceerd</translation>
    </message>
    <message>
        <source>Every copy now shows the change.</source>
        <translation>Elke kopie toont nu de wijziging.</translation>
    </message>
    <message>
        <source>The others stay as they were: see below.</source>
        <translation>De andere blijven zoals ze waren: zie hieronder.</translation>
    </message>
    <message>
        <source>Choose “Try again”: nothing is changed twice.</source>
        <translation>Kies “Opnieuw proberen”: niets wordt twee keer gewijzigd.</translation>
    </message>
    <message>
        <source>Not everything was changed</source>
        <translation>Niet alles is gewijzigd</translation>
    </message>
    <message>
        <source>Something went wrong and Omroeper stopped sending the change. Nothing is changed twice: try again.</source>
        <translation>Er ging iets mis en Omroeper is gestopt met het versturen van de wijziging. Niets wordt twee keer gewijzigd: probeer het opnieuw.</translation>
    </message>
</context>
<context>
    <name>EditingNotice</name>
    <message>
        <source>Stop &amp;changing</source>
        <translation>Stoppen met &amp;wijzigen</translation>
    </message>
    <message>
        <source>Put this change in the bin: the published message stays as it is</source>
        <translation>Deze wijziging naar de prullenbak: het gepubliceerde bericht blijft zoals het is</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(geen tekst)</translation>
    </message>
    <message>
        <source>✎ You are changing “{title}”, published on {when}. “Publish changes” changes its copies; nothing new is posted.</source>
        <translation>✎ Je wijzigt “{title}”, gepubliceerd op {when}. “Wijzigingen publiceren” past de kopieën aan; er wordt niets nieuws geplaatst.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Omroeper: something went wrong</source>
        <translation>Omroeper: er ging iets mis</translation>
    </message>
    <message>
        <source>To get help, copy this report and send it to your IT support. Passwords and keys are left out of it.</source>
        <translation>Voor hulp: kopieer dit rapport en stuur het naar je IT-ondersteuning. Wachtwoorden en sleutels staan er niet in.</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Foutrapport</translation>
    </message>
    <message>
        <source>The log file is at: {path}</source>
        <translation>Het logbestand staat in: {path}</translation>
    </message>
    <message>
        <source>Something went wrong in Omroeper.</source>
        <translation>Er ging iets mis in Omroeper.</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>Rapport &amp;kopiëren</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>&amp;Logmap openen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Your latest changes are not saved yet; Omroeper keeps trying. To be safe, copy your message somewhere else too. If this happens again, restart Omroeper.</source>
        <translation>Je laatste wijzigingen zijn nog niet opgeslagen; Omroeper blijft het proberen. Kopieer je bericht voor de zekerheid ook ergens anders heen. Gebeurt dit nog eens, start Omroeper dan opnieuw.</translation>
    </message>
    <message>
        <source>Your draft is saved. You can carry on working; if this happens again, restart Omroeper.</source>
        <translation>Je concept is opgeslagen. Je kunt gewoon verder werken; gebeurt dit nog eens, start Omroeper dan opnieuw.</translation>
    </message>
    <message>
        <source>You can carry on working; if this happens again, restart Omroeper.</source>
        <translation>Je kunt gewoon verder werken; gebeurt dit nog eens, start Omroeper dan opnieuw.</translation>
    </message>
    <message>
        <source>Omroeper could not open its window and has to close. The drafts you saved earlier are not affected. Try starting Omroeper again.</source>
        <translation>Omroeper kon zijn venster niet openen en moet stoppen. De concepten die je eerder hebt opgeslagen, blijven bewaard. Probeer Omroeper opnieuw te starten.</translation>
    </message>
    <message numerus="yes">
        <source>This has now happened %Ln time(s).</source>
        <translation>
            <numerusform>Dit is nu %Ln keer gebeurd.</numerusform>
            <numerusform>Dit is nu %Ln keer gebeurd.</numerusform>
        </translation>
    </message>
    <message>
        <source>The report is copied: paste it into an e-mail.</source>
        <translation>Het rapport is gekopieerd: plak het in een e-mail.</translation>
    </message>
</context>
<context>
    <name>FitPanel</name>
    <message>
        <source>&amp;Split into a thread</source>
        <translation>&amp;Splits in een draadje</translation>
    </message>
    <message>
        <source>Sets “Too long” to a thread: each network gets as many posts as it needs</source>
        <translation>Zet “Te lang” op een draadje: elk netwerk krijgt zoveel berichten als nodig is</translation>
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
    <name>History</name>
    <message>
        <source>Delete “{title}” everywhere? It will be removed from: {names}.</source>
        <translation>“{title}” overal verwijderen? Het verdwijnt van: {names}.</translation>
    </message>
    <message>
        <source>Omroeper cannot remove a copy it is not sure arrived ({names}): look there and remove it yourself if it is there.</source>
        <translation>Omroeper kan geen kopie verwijderen waarvan niet zeker is dat die aankwam ({names}): kijk daar zelf en verwijder de kopie als die er staat.</translation>
    </message>
    <message>
        <source>✓ Removed from {name}.</source>
        <translation>✓ Verwijderd van {name}.</translation>
    </message>
    <message>
        <source>✗ Still on {name}: {reason}</source>
        <translation>✗ Staat nog op {name}: {reason}</translation>
    </message>
    <message>
        <source>Something went wrong; nothing more was deleted.</source>
        <translation>Er ging iets mis; er is niets meer verwijderd.</translation>
    </message>
    <message>
        <source>the server could not be reached or had a problem. Try again later.</source>
        <translation>de server was niet bereikbaar of had een probleem. Probeer het later opnieuw.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Published messages</source>
        <translation>Gepubliceerde berichten</translation>
    </message>
    <message>
        <source>Nothing published yet.</source>
        <translation>Nog niets gepubliceerd.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Refresh &amp;figures</source>
        <translation>&amp;Cijfers vernieuwen</translation>
    </message>
    <message>
        <source>Read the replies, reposts and likes again</source>
        <translation>Reacties, reposts en likes opnieuw ophalen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bewerken…</translation>
    </message>
    <message>
        <source>Change the text or the photos, on your website and on every network</source>
        <translation>De tekst of de foto’s wijzigen, op je website en op elk netwerk</translation>
    </message>
    <message>
        <source>&amp;Delete everywhere…</source>
        <translation>Overal ver&amp;wijderen…</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(geen tekst)</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Bezig met versturen…</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Gepubliceerd</translation>
    </message>
    <message>
        <source>Partly published</source>
        <translation>Deels gepubliceerd</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Niet gepubliceerd</translation>
    </message>
    <message>
        <source>Sent on {date}. {standing}.</source>
        <translation>Verstuurd op {date}. {standing}.</translation>
    </message>
    <message>
        <source>&amp;Retry the failed ones…</source>
        <translation>&amp;Mislukte opnieuw proberen…</translation>
    </message>
    <message>
        <source>C&amp;ontinue sending…</source>
        <translation>&amp;Verder versturen…</translation>
    </message>
    <message>
        <source>Changed on {date}.</source>
        <translation>Gewijzigd op {date}.</translation>
    </message>
    <message>
        <source>Not every copy has it yet: “Edit…” tries again.</source>
        <translation>Nog niet elke kopie heeft de wijziging: “Bewerken…” probeert het opnieuw.</translation>
    </message>
    <message>
        <source>Not every copy could be changed.</source>
        <translation>Niet elke kopie kon worden gewijzigd.</translation>
    </message>
    <message>
        <source>Reading the replies, reposts and likes…</source>
        <translation>Reacties, reposts en likes ophalen…</translation>
    </message>
    <message>
        <source>Delete everywhere?</source>
        <translation>Overal verwijderen?</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Dit kun je niet ongedaan maken.</translation>
    </message>
    <message>
        <source>Delete everywhere</source>
        <translation>Overal verwijderen</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Bezig met verwijderen…</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>&amp;Nu versturen</translation>
    </message>
    <message>
        <source>Change the &amp;time…</source>
        <translation>&amp;Tijd wijzigen…</translation>
    </message>
    <message>
        <source>Change the te&amp;xt…</source>
        <translation>Te&amp;kst wijzigen…</translation>
    </message>
    <message>
        <source>&amp;Cancel the message…</source>
        <translation>Bericht &amp;annuleren…</translation>
    </message>
    <message>
        <source>Cancelled: not sent.</source>
        <translation>Geannuleerd: niet verstuurd.</translation>
    </message>
    <message>
        <source>Scheduled for {time}.</source>
        <translation>Gepland op {time}.</translation>
    </message>
    <message>
        <source>Planned for {time}. Too late: send now or cancel?</source>
        <translation>Gepland op {time}. Te laat: nu versturen of annuleren?</translation>
    </message>
    <message>
        <source>Was planned for {time}. Cancelled: nothing was sent.</source>
        <translation>Was gepland op {time}. Geannuleerd: er is niets verstuurd.</translation>
    </message>
    <message>
        <source>It went out after its time ({time}).</source>
        <translation>Het ging later weg dan gepland ({time}).</translation>
    </message>
    <message>
        <source>Changing the time…</source>
        <translation>Bezig met de tijd wijzigen…</translation>
    </message>
    <message>
        <source>Saving the new text…</source>
        <translation>Bezig met de nieuwe tekst opslaan…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
    <message>
        <source>Cancelled: it will not be sent.</source>
        <translation>Geannuleerd: het wordt niet verstuurd.</translation>
    </message>
    <message>
        <source>Changed: it will be sent at {time}.</source>
        <translation>Gewijzigd: het wordt verstuurd op {time}.</translation>
    </message>
</context>
<context>
    <name>ImageCard</name>
    <message>
        <source>Remove</source>
        <translation>Weghalen</translation>
    </message>
    <message>
        <source>Description (alt text)</source>
        <translation>Beschrijving (alt-tekst)</translation>
    </message>
    <message>
        <source>This image is decorative (no description needed)</source>
        <translation>Deze foto is decoratief (geen beschrijving nodig)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Decorative: no description needed.</source>
        <translation>Decoratief: geen beschrijving nodig.</translation>
    </message>
    <message>
        <source>No description yet: write one, or tick “decorative”.</source>
        <translation>Nog geen beschrijving: schrijf er een, of vink “decoratief” aan.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln teken</numerusform>
            <numerusform>%Ln tekens</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ {length} / {limit}: too long for {network}</source>
        <translation>⚠ {length} / {limit}: te lang voor {network}</translation>
    </message>
    <message>
        <source>{length} / {limit} — {network} allows the least</source>
        <translation>{length} / {limit} — {network} staat het minst toe</translation>
    </message>
    <message>
        <source>{length} / {limit} for {network}</source>
        <translation>{length} / {limit} voor {network}</translation>
    </message>
    <message>
        <source>Photo {position}</source>
        <translation>Foto {position}</translation>
    </message>
    <message>
        <source>Ctrl+Left and Ctrl+Right move it, Delete removes it.</source>
        <translation>Ctrl+Links en Ctrl+Rechts verplaatsen hem, Delete haalt hem weg.</translation>
    </message>
    <message>
        <source>Move photo {position} earlier</source>
        <translation>Foto {position} naar voren</translation>
    </message>
    <message>
        <source>Move photo {position} later</source>
        <translation>Foto {position} naar achteren</translation>
    </message>
    <message>
        <source>Move earlier (Ctrl+Left)</source>
        <translation>Naar voren (Ctrl+Links)</translation>
    </message>
    <message>
        <source>Move later (Ctrl+Right)</source>
        <translation>Naar achteren (Ctrl+Rechts)</translation>
    </message>
    <message>
        <source>Remove photo {position}</source>
        <translation>Foto {position} weghalen</translation>
    </message>
    <message>
        <source>Description of photo {position} (alt text)</source>
        <translation>Beschrijving van foto {position} (alt-tekst)</translation>
    </message>
    <message>
        <source>Photo {position} is decorative (no description needed)</source>
        <translation>Foto {position} is decoratief (geen beschrijving nodig)</translation>
    </message>
    <message>
        <source>Describe what matters in the photo for someone who cannot see it: who, what, where. Don’t start with “image of”.</source>
        <translation>Beschrijf wat belangrijk is op de foto, voor iemand die hem niet kan zien: wie, wat, waar. Schrijf niet “foto van”.</translation>
    </message>
</context>
<context>
    <name>ImageGrid</name>
    <message>
        <source>Image 1 of {count}</source>
        <translation>Foto 1 van {count}</translation>
    </message>
</context>
<context>
    <name>ImageTile</name>
    <message>
        <source>Photo {number}</source>
        <translation>Foto {number}</translation>
    </message>
</context>
<context>
    <name>ImagesStrip</name>
    <message>
        <source>Photos</source>
        <translation>Foto’s</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>Foto’s toevoegen…</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Foto’s toevoegen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>“{name}” is a folder: open it and choose the photos in it.</source>
        <translation>“{name}” is een map: open die en kies de foto’s erin.</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle bestanden</translation>
    </message>
    <message>
        <source>The pasted picture could not be saved. Is the disk full?</source>
        <translation>De geplakte foto kon niet worden opgeslagen. Is de schijf vol?</translation>
    </message>
    <message>
        <source>Photo {position} removed.</source>
        <translation>Foto {position} weggehaald.</translation>
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
        <translation>Foto {position} niet gevonden: {path}</translation>
    </message>
    <message>
        <source>Image {position} is a folder, not a photo: {path}</source>
        <translation>Foto {position} is een map, geen foto: {path}</translation>
    </message>
    <message>
        <source>Image {position} is a device or other special file, not a photo: {path}</source>
        <translation>Foto {position} is een apparaat of ander speciaal bestand, geen foto: {path}</translation>
    </message>
    <message>
        <source>Image {position} is not a photo Omroeper can use ({reason}): {path}</source>
        <translation>Foto {position} is geen foto die Omroeper kan gebruiken ({reason}): {path}</translation>
    </message>
    <message>
        <source>The draft file is larger than {limit} MB, far more than a draft: {path}</source>
        <translation>Het conceptbestand is groter dan {limit} MB, veel meer dan een concept: {path}</translation>
    </message>
    <message>
        <source>The draft file nests more than {limit} levels deep: it is not a draft.</source>
        <translation>Het conceptbestand is meer dan {limit} niveaus diep genest: het is geen concept.</translation>
    </message>
    <message>
        <source>The draft file holds a broken character (such as \ud800): save it again as ordinary text.</source>
        <translation>Het conceptbestand bevat een kapot teken (zoals \ud800): sla het opnieuw op als gewone tekst.</translation>
    </message>
    <message>
        <source>Image {position} has no “path”.</source>
        <translation>Foto {position} heeft geen “path”.</translation>
    </message>
    <message>
        <source>The link “{link}” must be one web address starting with https://, without spaces or line breaks.</source>
        <translation>De link “{link}” moet één webadres zijn dat met https:// begint, zonder spaties of regeleinden.</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>te groot</translation>
    </message>
    <message>
        <source>too many animation frames</source>
        <translation>te veel animatiebeelden</translation>
    </message>
    <message>
        <source>too many pixels</source>
        <translation>te veel pixels</translation>
    </message>
    <message>
        <source>a format Omroeper cannot convert</source>
        <translation>een formaat dat Omroeper niet kan omzetten</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>beschadigd</translation>
    </message>
    <message>
        <source>an empty file</source>
        <translation>een leeg bestand</translation>
    </message>
    <message>
        <source>not a picture</source>
        <translation>geen afbeelding</translation>
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
    <message>
        <source>{path} is damaged, or is not a draft exported by Omroeper.</source>
        <translation>{path} is beschadigd, of is geen concept dat Omroeper heeft geëxporteerd.</translation>
    </message>
    <message>
        <source>{path} holds no draft.json: it is not a draft.</source>
        <translation>{path} bevat geen draft.json: het is geen concept.</translation>
    </message>
    <message>
        <source>The draft file holds “{name}”, which points outside it: not imported.</source>
        <translation>Het conceptbestand bevat “{name}”, dat naar een plek erbuiten wijst: niet geïmporteerd.</translation>
    </message>
    <message>
        <source>The draft file holds “{name}” more than once: not imported.</source>
        <translation>Het conceptbestand bevat “{name}” meer dan eens: niet geïmporteerd.</translation>
    </message>
    <message>
        <source>The draft file holds “{name}” both as a file and as a folder: not imported.</source>
        <translation>Het conceptbestand bevat “{name}” zowel als bestand als als map: niet geïmporteerd.</translation>
    </message>
    <message>
        <source>The draft file holds “{name}”, packed more than {ratio} times smaller than it unpacks (a trap): not imported.</source>
        <translation>Het conceptbestand bevat “{name}”, meer dan {ratio} keer kleiner ingepakt dan het uitgepakt is (een valstrik): niet geïmporteerd.</translation>
    </message>
    <message>
        <source>The draft file holds “{name}”, larger than {limit} MB: not imported.</source>
        <translation>Het conceptbestand bevat “{name}”, groter dan {limit} MB: niet geïmporteerd.</translation>
    </message>
    <message>
        <source>The draft file unpacks to more than {limit} MB: not imported.</source>
        <translation>Uitgepakt is het conceptbestand groter dan {limit} MB: niet geïmporteerd.</translation>
    </message>
    <message>
        <source>The draft file holds {count} files, more than the {limit} a draft can have.</source>
        <translation>Het conceptbestand bevat {count} bestanden, meer dan de {limit} die een concept kan hebben.</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>No messages sent or scheduled yet.</source>
        <translation>Nog geen berichten verstuurd of gepland.</translation>
    </message>
    <message>
        <source>{job}  {state}  {when}  {title}</source>
        <translation>{job}  {state}  {when}  {title}</translation>
    </message>
    <message>
        <source>(sent after its time)</source>
        <translation>(na het tijdstip verstuurd)</translation>
    </message>
    <message>
        <source>held by its server</source>
        <translation>vastgehouden door zijn server</translation>
    </message>
    <message>
        <source>sent by this computer</source>
        <translation>verstuurd door deze computer</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>wordt verstuurd</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>klaar</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>gepland</translation>
    </message>
    <message>
        <source>too late: send now or cancel</source>
        <translation>te laat: nu versturen of annuleren</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wacht</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>bezig met versturen</translation>
    </message>
    <message>
        <source>published</source>
        <translation>gepubliceerd</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>unclear: check the network</source>
        <translation>onduidelijk: kijk op het netwerk</translation>
    </message>
</context>
<context>
    <name>LinkCardView</name>
    <message>
        <source>Link preview</source>
        <translation>Linkvoorbeeld</translation>
    </message>
    <message>
        <source>Made from your website page once it is published.</source>
        <translation>Gemaakt van de pagina op je website zodra die gepubliceerd is.</translation>
    </message>
    <message>
        <source>Made from that page when the post is published.</source>
        <translation>Gemaakt van die pagina zodra het bericht gepubliceerd is.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Draft</source>
        <translation>&amp;Concept</translation>
    </message>
    <message>
        <source>&amp;New draft</source>
        <translation>&amp;Nieuw concept</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Dupliceren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Ver&amp;wijderen</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>&amp;Publiceren…</translation>
    </message>
    <message>
        <source>Published &amp;messages…</source>
        <translation>Gepubliceerde &amp;berichten…</translation>
    </message>
    <message>
        <source>&amp;Export for a colleague…</source>
        <translation>&amp;Exporteren voor een collega…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importeren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Accounts</translation>
    </message>
    <message>
        <source>Connect and manage accounts…</source>
        <translation>Accounts koppelen en beheren…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Instellingen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Published messages…</source>
        <translation>Gepubliceerde berichten…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Show the messages waiting to be sent</source>
        <translation>Toon de berichten die nog verstuurd moeten worden</translation>
    </message>
    <message numerus="yes">
        <source>✓ Published on {when} on %Ln destination(s).</source>
        <translation>
            <numerusform>✓ Gepubliceerd op {when} op %Ln bestemming.</numerusform>
            <numerusform>✓ Gepubliceerd op {when} op %Ln bestemmingen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your page: {url}</source>
        <translation>Je pagina: {url}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) waiting to be sent.</source>
        <translation>
            <numerusform>%Ln bericht wacht om verstuurd te worden.</numerusform>
            <numerusform>%Ln berichten wachten om verstuurd te worden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your message</source>
        <translation>Je bericht</translation>
    </message>
    <message numerus="yes">
        <source>“{title}” has gone out: published on %Ln destination(s).</source>
        <translation>
            <numerusform>“{title}” is verstuurd: gepubliceerd op %Ln bestemming.</numerusform>
            <numerusform>“{title}” is verstuurd: gepubliceerd op %Ln bestemmingen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish again?</source>
        <translation>Opnieuw publiceren?</translation>
    </message>
    <message>
        <source>This message was already published on {when}. Publishing it again puts a second copy on every network and a second page on your website.

To correct the published message, choose “Edit…” under “Published messages…”: its copies change where they are.</source>
        <translation>Dit bericht is al gepubliceerd op {when}. Als je het opnieuw publiceert, komt er op elk netwerk een tweede exemplaar en op je website een tweede pagina.

Om het gepubliceerde bericht te verbeteren, kies je “Bewerken…” bij “Gepubliceerde berichten…”: de kopieën worden dan ter plekke gewijzigd.</translation>
    </message>
</context>
<context>
    <name>OverrideEditor</name>
    <message>
        <source>Text for {network} only</source>
        <translation>Tekst alleen voor {network}</translation>
    </message>
    <message>
        <source>Text for {network}</source>
        <translation>Tekst voor {network}</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Tekst:</translation>
    </message>
    <message>
        <source>Content warning</source>
        <translation>Inhoudswaarschuwing</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Content &amp;warning:</source>
        <translation>Inhoud&amp;swaarschuwing:</translation>
    </message>
    <message>
        <source>The link to the website is added at the end.</source>
        <translation>De link naar de website komt er aan het eind bij.</translation>
    </message>
    <message>
        <source>Off: one post</source>
        <translation>Uit: één bericht</translation>
    </message>
    <message>
        <source>Split into a thread when too long</source>
        <translation>In een draadje splitsen als het te lang is</translation>
    </message>
    <message>
        <source>Split and number the posts (1/3)</source>
        <translation>Splitsen en de berichten nummeren (1/3)</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Draadje</translation>
    </message>
    <message>
        <source>T&amp;hread:</source>
        <translation>&amp;Draadje:</translation>
    </message>
    <message>
        <source>Use the common message again</source>
        <translation>Weer de algemene tekst gebruiken</translation>
    </message>
    <message numerus="yes">
        <source>{count} · %Ln post(s)</source>
        <translation>
            <numerusform>{count} · %Ln bericht</numerusform>
            <numerusform>{count} · %Ln berichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoRow</name>
    <message>
        <source>Drop photos here, paste them (Ctrl+V), or choose “Add photos…”.</source>
        <translation>Sleep foto’s hierheen, plak ze (Ctrl+V) of kies “Foto’s toevoegen…”.</translation>
    </message>
    <message>
        <source>Photos of this message</source>
        <translation>Foto’s bij dit bericht</translation>
    </message>
</context>
<context>
    <name>PostCard</name>
    <message>
        <source>Show more</source>
        <translation>Meer tonen</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Tekst van het bericht</translation>
    </message>
    <message>
        <source>Profile picture</source>
        <translation>Profielfoto</translation>
    </message>
    <message>
        <source>APP</source>
        <translation>APP</translation>
    </message>
    <message>
        <source>Post {number} of {count}</source>
        <translation>Bericht {number} van {count}</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>{count}, too long</source>
        <translation>{count}, te lang</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Minder tonen</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln teken</numerusform>
            <numerusform>%Ln tekens</numerusform>
        </translation>
    </message>
    <message>
        <source>{length} of {limit} characters</source>
        <translation>{length} van {limit} tekens</translation>
    </message>
</context>
<context>
    <name>PreviewsPanel</name>
    <message>
        <source>Tick above where to publish: a preview for each destination appears here.</source>
        <translation>Vink hierboven aan waar je wilt publiceren: hier verschijnt voor elke bestemming een voorbeeld.</translation>
    </message>
    <message>
        <source>Previews</source>
        <translation>Voorbeelden</translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln bericht</numerusform>
            <numerusform>%Ln berichten</numerusform>
        </translation>
    </message>
    <message>
        <source>fits</source>
        <translation>past</translation>
    </message>
    <message>
        <source>does not fit</source>
        <translation>past niet</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message numerus="yes">
        <source>%Ln characters too long: shorten the text, or split it into a thread of {thread_parts} posts.</source>
        <translation>
            <numerusform>%Ln teken te lang: maak de tekst korter, of splits hem in een draadje van {thread_parts} berichten.</numerusform>
            <numerusform>%Ln tekens te lang: maak de tekst korter, of splits hem in een draadje van {thread_parts} berichten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln characters too long: shorten the text.</source>
        <translation>
            <numerusform>%Ln teken te lang: maak de tekst korter.</numerusform>
            <numerusform>%Ln tekens te lang: maak de tekst korter.</numerusform>
        </translation>
    </message>
    <message>
        <source>The message is empty: write a text or add an image.</source>
        <translation>Het bericht is leeg: schrijf een tekst of voeg een foto toe.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln bytes too long: emoji and accented letters take several bytes each. Shorten the text.</source>
        <translation>
            <numerusform>%Ln byte te lang: emoji en letters met accenten nemen elk meerdere bytes in. Maak de tekst korter.</numerusform>
            <numerusform>%Ln bytes te lang: emoji en letters met accenten nemen elk meerdere bytes in. Maak de tekst korter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Photo {image} is a {type} file, which this network does not accept.</source>
        <translation>Foto {image} is een {type}-bestand, en dat accepteert dit netwerk niet.</translation>
    </message>
    <message>
        <source>A link, mention or hashtag is longer than a whole post ({length} of {limit} characters): shorten it.</source>
        <translation>Een link, vermelding of hashtag is langer dan een heel bericht ({length} van {limit} tekens): maak hem korter.</translation>
    </message>
    <message>
        <source>Omroeper does not know how this server counts characters, so it counts strictly: every link and name in full. The server may accept a little more.</source>
        <translation>Omroeper weet niet hoe deze server tekens telt, dus telt streng: elke link en naam volledig. De server accepteert misschien iets meer.</translation>
    </message>
    <message>
        <source>Photo {image} has no description (alt text): describe what it shows, or mark it as decorative.</source>
        <translation>Foto {image} heeft geen beschrijving (alt-tekst): beschrijf wat erop staat, of vink “decoratief” aan.</translation>
    </message>
    <message>
        <source>Photo {image} is larger than this network accepts ({width} × {height} pixels, {bytes} bytes).</source>
        <translation>Foto {image} is groter dan dit netwerk accepteert ({width} × {height} pixels, {bytes} bytes).</translation>
    </message>
    <message>
        <source>Photo {image} is an empty file: choose the photo again.</source>
        <translation>Foto {image} is een leeg bestand: kies de foto opnieuw.</translation>
    </message>
    <message>
        <source>Photo {image} could not be read: check that the file still exists.</source>
        <translation>Foto {image} kon niet worden gelezen: controleer of het bestand nog bestaat.</translation>
    </message>
    <message>
        <source>Photo {image} is not a picture Omroeper can read, or the file is damaged.</source>
        <translation>Foto {image} is geen afbeelding die Omroeper kan lezen, of het bestand is beschadigd.</translation>
    </message>
    <message>
        <source>Photo {image} has too many pixels to open safely: export a smaller version.</source>
        <translation>Foto {image} heeft te veel pixels om veilig te openen: exporteer een kleinere versie.</translation>
    </message>
    <message>
        <source>Photo {image} is damaged or incomplete: save or export it again, then add it anew.</source>
        <translation>Foto {image} is beschadigd of onvolledig: sla of exporteer hem opnieuw en voeg hem daarna weer toe.</translation>
    </message>
    <message>
        <source>Photo {image} is a {type} file, which Omroeper cannot convert: export it as JPEG or PNG.</source>
        <translation>Foto {image} is een {type}-bestand, dat Omroeper niet kan omzetten: exporteer het als JPEG of PNG.</translation>
    </message>
    <message>
        <source>Photo {image} is a folder or a device, not a photo file: choose the photo itself.</source>
        <translation>Foto {image} is een map of een apparaat, geen fotobestand: kies de foto zelf.</translation>
    </message>
    <message>
        <source>Photo {image} is a file of more than {limit} MB, too large to open safely: export a smaller version.</source>
        <translation>Foto {image} is een bestand van meer dan {limit} MB, te groot om veilig te openen: exporteer een kleinere versie.</translation>
    </message>
    <message>
        <source>Photo {image} is an animation of more than {limit} frames, too many to send: make it shorter or choose a still picture.</source>
        <translation>Foto {image} is een animatie van meer dan {limit} beelden, te veel om te versturen: maak hem korter of kies een stilstaande foto.</translation>
    </message>
    <message>
        <source>Photo {image} is animated, but the animation does not fit here: this network gets its first frame as a still picture.</source>
        <translation>Foto {image} beweegt, maar de animatie past hier niet: dit netwerk krijgt alleen het eerste beeld, zonder beweging.</translation>
    </message>
    <message numerus="yes">
        <source>The content warning is %Ln characters too long (at most {limit}).</source>
        <translation>
            <numerusform>De inhoudswaarschuwing is %Ln teken te lang (hoogstens {limit}).</numerusform>
            <numerusform>De inhoudswaarschuwing is %Ln tekens te lang (hoogstens {limit}).</numerusform>
        </translation>
    </message>
    <message>
        <source>This network has no content warnings: the warning will not be shown here.</source>
        <translation>Dit netwerk kent geen inhoudswaarschuwingen: de waarschuwing wordt hier niet getoond.</translation>
    </message>
    <message numerus="yes">
        <source>Too many images: this network takes at most {limit}. Remove %Ln.</source>
        <translation>
            <numerusform>Te veel foto’s: dit netwerk accepteert er hoogstens {limit}. Haal er %Ln weg.</numerusform>
            <numerusform>Te veel foto’s: dit netwerk accepteert er hoogstens {limit}. Haal er %Ln weg.</numerusform>
        </translation>
    </message>
    <message>
        <source>This network only shows posts with a photo: add at least one image.</source>
        <translation>Dit netwerk toont alleen berichten met een foto: voeg minstens één foto toe.</translation>
    </message>
    <message numerus="yes">
        <source>The description of image {image} is %Ln characters too long (at most {limit}).</source>
        <translation>
            <numerusform>De beschrijving van foto {image} is %Ln teken te lang (hoogstens {limit}).</numerusform>
            <numerusform>De beschrijving van foto {image} is %Ln tekens te lang (hoogstens {limit}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Publish</name>
    <message>
        <source>The server refused the message ({status}): {message}</source>
        <translation>De server weigerde het bericht ({status}): {message}</translation>
    </message>
    <message>
        <source>The server refused the message ({status}) without saying why.</source>
        <translation>De server weigerde het bericht ({status}) zonder te zeggen waarom.</translation>
    </message>
    <message>
        <source>The message is too long for this network: shorten it and try again.</source>
        <translation>Het bericht is te lang voor dit netwerk: maak het korter en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>This network only takes posts with a photo: add one and try again.</source>
        <translation>Dit netwerk accepteert alleen berichten met een foto: voeg er een toe en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The sign-in for this account has expired: connect it again, then retry.</source>
        <translation>De toegang tot dit account is verlopen: koppel het opnieuw en probeer het dan nog eens.</translation>
    </message>
    <message>
        <source>This account was connected without permission for this (reading or deleting its own posts). Connect it again under Accounts, allow Omroeper, then retry.</source>
        <translation>Dit account is gekoppeld zonder toestemming hiervoor (de eigen berichten lezen of verwijderen). Koppel het opnieuw bij Accounts, geef Omroeper toestemming en probeer het dan nog eens.</translation>
    </message>
    <message>
        <source>The server no longer accepts this account&apos;s password or token: connect it again, then retry.</source>
        <translation>De server accepteert het wachtwoord of toegangstoken van dit account niet meer: koppel het account opnieuw en probeer het dan nog eens.</translation>
    </message>
    <message>
        <source>The server asked Omroeper to slow down; it will try again later.</source>
        <translation>De server vroeg Omroeper even te wachten; Omroeper probeert het later opnieuw.</translation>
    </message>
    <message>
        <source>The server had a problem ({status}); Omroeper will try again.</source>
        <translation>De server had een probleem ({status}); Omroeper probeert het opnieuw.</translation>
    </message>
    <message>
        <source>The server did not answer in time; Omroeper will try again.</source>
        <translation>De server antwoordde niet op tijd; Omroeper probeert het opnieuw.</translation>
    </message>
    <message>
        <source>The server cannot be reached (offline?); Omroeper will try again.</source>
        <translation>De server is niet bereikbaar (geen verbinding?); Omroeper probeert het opnieuw.</translation>
    </message>
    <message>
        <source>The connection broke before the server answered.</source>
        <translation>De verbinding viel weg voordat de server antwoordde.</translation>
    </message>
    <message>
        <source>Omroeper stopped while sending this copy.</source>
        <translation>Omroeper stopte terwijl deze kopie werd verstuurd.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be understood.</source>
        <translation>Het antwoord van de server was niet te begrijpen.</translation>
    </message>
    <message>
        <source>The server answered with far more data than a reply holds, so Omroeper stopped reading. Check whether the copy arrived before trying again.</source>
        <translation>De server stuurde veel meer gegevens terug dan een antwoord bevat, dus Omroeper is gestopt met lezen. Kijk of de kopie is aangekomen voordat je het opnieuw probeert.</translation>
    </message>
    <message>
        <source>The server tried to send Omroeper to another address ({status}); Omroeper does not follow it, so nothing was sent there. Check the account&apos;s address.</source>
        <translation>De server probeerde Omroeper naar een ander adres te sturen ({status}); Omroeper volgt dat niet, dus daar is niets naartoe gestuurd. Controleer het adres van het account.</translation>
    </message>
    <message>
        <source>The connection is not trusted (certificate refused): ask your IT support.</source>
        <translation>De verbinding wordt niet vertrouwd (certificaat geweigerd): vraag je IT-ondersteuning om hulp.</translation>
    </message>
    <message>
        <source>The server does not speak https at the account&apos;s address (wrong port?). Nothing was sent: connect the account again with the right address.</source>
        <translation>De server spreekt geen https op het adres van dit account (verkeerde poort?). Er is niets verstuurd: koppel het account opnieuw met het juiste adres.</translation>
    </message>
    <message>
        <source>Omroeper cannot check whether this copy arrived: the account was connected without permission to read its posts. Connect it again, then retry; nothing is sent twice.</source>
        <translation>Omroeper kan niet nagaan of deze kopie is aangekomen: het account is gekoppeld zonder toestemming om zijn berichten te lezen. Koppel het opnieuw en probeer het dan nog eens; er wordt niets dubbel verstuurd.</translation>
    </message>
    <message>
        <source>This account is no longer connected: connect it again, then retry.</source>
        <translation>Dit account is niet meer gekoppeld: koppel het opnieuw en probeer het dan nog eens.</translation>
    </message>
    <message>
        <source>The password for this account is gone from the keyring: connect it again.</source>
        <translation>Het wachtwoord voor dit account staat niet meer in de wachtwoordkluis: koppel het account opnieuw.</translation>
    </message>
    <message>
        <source>Photo {index} could not be prepared for this network.</source>
        <translation>Foto {index} kon niet worden klaargemaakt voor dit netwerk.</translation>
    </message>
    <message>
        <source>This WordPress account may not upload photos (a contributor). Publish without photos, or ask the site&apos;s administrator for the author role, then retry.</source>
        <translation>Dit WordPress-account mag geen foto’s uploaden (de rol Schrijver). Publiceer zonder foto’s, of vraag de beheerder van de site om de rol Auteur, en probeer het daarna opnieuw.</translation>
    </message>
    <message>
        <source>Your message is waiting for approval in WordPress; the networks will not follow until it is published there. Once an editor has published it, send it again: Omroeper finds it and does not post it twice.</source>
        <translation>Je bericht wacht op goedkeuring in WordPress; de netwerken volgen niet tot het daar gepubliceerd is. Verstuur het opnieuw zodra een redacteur het heeft gepubliceerd: Omroeper vindt het terug en plaatst het niet twee keer.</translation>
    </message>
    <message>
        <source>Your WordPress site no longer lets this account write or publish this kind of post (its role on the site may have changed). Connect the site again under Accounts, so that Omroeper sees what the account may do, then send it again.</source>
        <translation>Je WordPress-website laat dit account dit soort bericht niet meer schrijven of publiceren (misschien is de rol op de website veranderd). Koppel de website opnieuw bij Accounts, zodat Omroeper ziet wat het account mag, en verstuur het bericht dan opnieuw.</translation>
    </message>
    <message>
        <source>Your WordPress site did not accept photo {index} (a {type} photo): it does not take this kind of file. Ask whoever manages the site to allow {type} photos, or remove the photo, then send it again.</source>
        <translation>Je WordPress-website nam foto {index} (een {type}-foto) niet aan: dit soort bestand neemt de website niet. Vraag wie de website beheert om {type}-foto’s toe te laten, of haal de foto weg, en verstuur het bericht dan opnieuw.</translation>
    </message>
    <message>
        <source>Your WordPress site refused photo {index} as too large ({size}). Ask whoever manages the site to allow larger uploads, or use a smaller photo, then send it again.</source>
        <translation>Je WordPress-website weigerde foto {index}: te groot ({size}). Vraag wie de website beheert om grotere bestanden toe te laten, of gebruik een kleinere foto, en verstuur het bericht dan opnieuw.</translation>
    </message>
    <message>
        <source>Your WordPress site refused the post as too large. Shorten it, or ask whoever manages the site to allow larger posts, then send it again.</source>
        <translation>Je WordPress-website weigerde het bericht: te groot. Maak het korter, of vraag wie de website beheert om grotere berichten toe te laten, en verstuur het dan opnieuw.</translation>
    </message>
    <message>
        <source>Your WordPress site did not accept part of the post ({fields}). WordPress says: “{message}”. Ask whoever manages the site, then send it again.</source>
        <translation>Je WordPress-website nam een deel van het bericht niet aan ({fields}). WordPress zegt: “{message}”. Vraag het aan wie de website beheert en verstuur het bericht daarna opnieuw.</translation>
    </message>
    <message>
        <source>Your WordPress site did not accept part of the post ({fields}). Ask whoever manages the site, then send it again.</source>
        <translation>Je WordPress-website nam een deel van het bericht niet aan ({fields}). Vraag het aan wie de website beheert en verstuur het bericht daarna opnieuw.</translation>
    </message>
    <message>
        <source>That time is too close: the server needs the message at least {minutes} minutes ahead to hold it. Choose a later time, or publish now.</source>
        <translation>Dat tijdstip is te dichtbij: de server moet het bericht minstens {minutes} minuten van tevoren hebben om het vast te houden. Kies een later tijdstip, of publiceer nu.</translation>
    </message>
    <message>
        <source>The server holds no more scheduled messages for this account (Mastodon: at most 25 a day and 300 in all). Choose another day, or publish now.</source>
        <translation>De server houdt voor dit account geen geplande berichten meer vast (Mastodon: hoogstens 25 per dag en 300 in totaal). Kies een andere dag, of publiceer nu.</translation>
    </message>
    <message>
        <source>This WordPress account may not publish, so it cannot schedule either. Ask the site&apos;s administrator for the author role, or publish now and an editor approves it.</source>
        <translation>Dit WordPress-account mag niet publiceren, dus ook niet inplannen. Vraag de beheerder van de site om de rol Auteur, of publiceer nu en laat een redacteur het goedkeuren.</translation>
    </message>
    <message>
        <source>This server cannot hold a message until a chosen time; this computer sends it instead.</source>
        <translation>Deze server kan een bericht niet tot een gekozen tijdstip vasthouden; deze computer verstuurt het in plaats daarvan.</translation>
    </message>
    <message>
        <source>A message in several parts cannot be handed to the server to hold; this computer sends it instead.</source>
        <translation>Een bericht in meerdere delen kan niet aan de server worden meegegeven om vast te houden; deze computer verstuurt het in plaats daarvan.</translation>
    </message>
    <message>
        <source>The server no longer holds this scheduled message and did not publish it: it was cancelled there, or refused when its time came. Look on the network, then publish it again if it is missing.</source>
        <translation>De server houdt dit geplande bericht niet meer vast en heeft het niet gepubliceerd: het is daar geannuleerd, of geweigerd toen het tijdstip kwam. Kijk op het netwerk en publiceer het opnieuw als het ontbreekt.</translation>
    </message>
    <message>
        <source>This server cannot change a message that is already online, so this copy stays as it was. Delete it there and publish again if the change matters.</source>
        <translation>Deze server kan een bericht dat al online staat niet wijzigen, dus deze kopie blijft zoals ze was. Verwijder het daar en publiceer het opnieuw als de wijziging belangrijk is.</translation>
    </message>
    <message>
        <source>The change needs a different number of parts on this network, and parts cannot be added or taken away afterwards. Keep the same length, or delete the message there and publish it again.</source>
        <translation>Door de wijziging krijgt het bericht op dit netwerk een ander aantal delen, en achteraf kunnen er geen delen bij of af. Houd dezelfde lengte aan, of verwijder het bericht daar en publiceer het opnieuw.</translation>
    </message>
    <message>
        <source>This server cannot change the description of a photo that is already online. Keep the descriptions as they were, or delete the message there and publish it again.</source>
        <translation>Deze server kan de beschrijving van een foto die al online staat niet wijzigen. Laat de beschrijvingen zoals ze waren, of verwijder het bericht daar en publiceer het opnieuw.</translation>
    </message>
    <message>
        <source>This server cannot add or take away photos of a message that is already online. Keep the same photos, or delete the message there and publish it again.</source>
        <translation>Deze server kan geen foto’s toevoegen aan of weghalen uit een bericht dat al online staat. Houd dezelfde foto’s, of verwijder het bericht daar en publiceer het opnieuw.</translation>
    </message>
    <message>
        <source>This copy is no longer online (it was deleted on the network), so there is nothing to change.</source>
        <translation>Deze kopie staat niet meer online (het is op het netwerk verwijderd), dus er valt niets te wijzigen.</translation>
    </message>
    <message>
        <source>Bluesky cannot change a post that is already online, so this copy stays as it was. You can post it again with the change: its likes and replies are then lost.</source>
        <translation>Bluesky kan een bericht dat al online staat niet wijzigen, dus deze kopie blijft zoals ze was. Je kunt het gewijzigde bericht opnieuw plaatsen: de likes en reacties gaan dan verloren.</translation>
    </message>
    <message>
        <source>Message {job} is being changed or sent right now, in the window or by another command, so nothing was sent. Try again when that is done.</source>
        <translation>Bericht {job} wordt op dit moment gewijzigd of verstuurd, in het venster of door een andere opdracht, dus er is niets verstuurd. Probeer het opnieuw als dat klaar is.</translation>
    </message>
    <message>
        <source>The message links to a page on your website that was there already, so Omroeper left that page as it was. Change it on your website if needed.</source>
        <translation>Het bericht verwijst naar een pagina op je website die er al was, dus Omroeper heeft die pagina gelaten zoals ze was. Pas haar zo nodig aan op je website.</translation>
    </message>
    <message>
        <source>This message is no longer online (deleted, cancelled or never sent), so there is nothing to change.</source>
        <translation>Dit bericht staat niet meer online (verwijderd, geannuleerd of nooit verstuurd), dus er valt niets te wijzigen.</translation>
    </message>
    <message>
        <source>The server refused the change ({status}): {message}</source>
        <translation>De server weigerde de wijziging ({status}): {message}</translation>
    </message>
    <message>
        <source>The server refused the change ({status}) without saying why.</source>
        <translation>De server weigerde de wijziging ({status}) zonder te zeggen waarom.</translation>
    </message>
    <message>
        <source>Your website took the message, but the address it gave for the page is not a safe web address, so the other places wait (they would link to it). Ask your website&apos;s developer to check it, then retry.</source>
        <translation>Je website heeft het bericht aangenomen, maar het adres dat hij voor de pagina gaf is geen veilig webadres. Daarom wachten de andere bestemmingen (zij zouden ernaar linken). Vraag de ontwikkelaar van de website het te controleren en probeer het daarna opnieuw.</translation>
    </message>
    <message>
        <source>Publishing failed ({code}).</source>
        <translation>Publiceren is mislukt ({code}).</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>The server asked Omroeper to slow down. Try again in a few minutes.</source>
        <translation>De server vroeg Omroeper het rustiger aan te doen. Probeer het over een paar minuten opnieuw.</translation>
    </message>
    <message>
        <source>The server had a problem ({status}). Try again later.</source>
        <translation>De server had een probleem ({status}). Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again later.</source>
        <translation>De server antwoordde niet op tijd. Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>The server cannot be reached (offline?). Try again later.</source>
        <translation>De server is niet bereikbaar (offline?). Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>Published, but the server gave an address that is not a safe web address, so Omroeper shows no link. Look for the message on the network itself.</source>
        <translation>Gepubliceerd, maar de server gaf een adres dat geen veilig webadres is. Daarom toont Omroeper geen link. Zoek het bericht op het netwerk zelf.</translation>
    </message>
    <message>
        <source>Omroeper cannot tell whether this copy arrived: look in the channel before trying again.</source>
        <translation>Omroeper kan niet zien of deze kopie is aangekomen: kijk in het kanaal voordat je het opnieuw probeert.</translation>
    </message>
    <message>
        <source>Your website ({host})</source>
        <translation>Je website ({host})</translation>
    </message>
    <message>
        <source>Your website</source>
        <translation>Je website</translation>
    </message>
    <message>
        <source>{network} (no longer connected)</source>
        <translation>{network} (niet meer gekoppeld)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln of {total} parts are online.</source>
        <translation>
            <numerusform>%Ln van {total} delen staat online.</numerusform>
            <numerusform>%Ln van {total} delen staan online.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Open the copy on {name} in your browser</source>
        <translation>De kopie op {name} openen in je browser</translation>
    </message>
    <message>
        <source>Sending to {name}</source>
        <translation>Bezig met versturen naar {name}</translation>
    </message>
    <message>
        <source>Not there: send &amp;again…</source>
        <translation>Staat er niet: &amp;opnieuw versturen…</translation>
    </message>
    <message>
        <source>Send to {name} again</source>
        <translation>Opnieuw naar {name} versturen</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>Wachten…</translation>
    </message>
    <message>
        <source>Deleted on {date}.</source>
        <translation>Hier verwijderd op {date}.</translation>
    </message>
    <message>
        <source>Published:</source>
        <translation>Gepubliceerd:</translation>
    </message>
    <message>
        <source>{name}: published</source>
        <translation>{name}: gepubliceerd</translation>
    </message>
    <message>
        <source>{name}: waiting for approval</source>
        <translation>{name}: wacht op goedkeuring</translation>
    </message>
    <message>
        <source>Trying again. {reason}</source>
        <translation>Wordt opnieuw geprobeerd. {reason}</translation>
    </message>
    <message>
        <source>Not completely published: {parts} {reason}</source>
        <translation>Niet helemaal gepubliceerd: {parts} {reason}</translation>
    </message>
    <message>
        <source>Not published. {reason}</source>
        <translation>Niet gepubliceerd. {reason}</translation>
    </message>
    <message>
        <source>{name}: failed — {reason}</source>
        <translation>{name}: mislukt — {reason}</translation>
    </message>
    <message>
        <source>{name}: unclear — {reason}</source>
        <translation>{name}: onduidelijk — {reason}</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Bezig met versturen…</translation>
    </message>
    <message>
        <source>Waits for your website: it links back to its page.</source>
        <translation>Wacht op je website: het bericht linkt naar de pagina daar.</translation>
    </message>
    <message>
        <source>Not sent yet.</source>
        <translation>Nog niet verstuurd.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln destination(s) did not work: the reason is next to each. Put it right if needed, then choose “Retry the failed ones”.</source>
        <translation>
            <numerusform>Bij %Ln bestemming lukte het niet: de reden staat ernaast. Los het zo nodig op en kies dan “Mislukte opnieuw proberen”.</numerusform>
            <numerusform>Bij %Ln bestemmingen lukte het niet: de reden staat ernaast. Los het zo nodig op en kies dan “Mislukte opnieuw proberen”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>For %Ln destination(s) it is unclear whether the message arrived: look there before sending it again.</source>
        <translation>
            <numerusform>Bij %Ln bestemming is niet duidelijk of het bericht aankwam: kijk daar voordat je het opnieuw verstuurt.</numerusform>
            <numerusform>Bij %Ln bestemmingen is niet duidelijk of het bericht aankwam: kijk daar voordat je het opnieuw verstuurt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Publishing to %Ln destination(s)…</source>
        <translation>
            <numerusform>Bezig met publiceren op %Ln bestemming…</numerusform>
            <numerusform>Bezig met publiceren op %Ln bestemmingen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Published on all %Ln destination(s).</source>
        <translation>
            <numerusform>Gepubliceerd op %Ln bestemming.</numerusform>
            <numerusform>Gepubliceerd op alle %Ln bestemmingen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %Ln published</source>
        <translation>
            <numerusform>{done} van %Ln gepubliceerd</numerusform>
            <numerusform>{done} van %Ln gepubliceerd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln mislukt</numerusform>
            <numerusform>%Ln mislukt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unclear: look there before sending again</source>
        <translation>
            <numerusform>%Ln onduidelijk: kijk daar voordat je opnieuw verstuurt</numerusform>
            <numerusform>%Ln onduidelijk: kijk daar voordat je opnieuw verstuurt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not sent yet</source>
        <translation>
            <numerusform>%Ln nog niet verstuurd</numerusform>
            <numerusform>%Ln nog niet verstuurd</numerusform>
        </translation>
    </message>
    <message>
        <source>No internet connection. Omroeper sends it as soon as the connection is back — you can keep working.</source>
        <translation>Geen internetverbinding. Omroeper verstuurt het zodra de verbinding terug is — je kunt gewoon verder werken.</translation>
    </message>
    <message>
        <source>Waiting for the connection</source>
        <translation>Wachten op de verbinding</translation>
    </message>
    <message>
        <source>You can close this window and keep working: Omroeper carries on in the background.</source>
        <translation>Je kunt dit venster sluiten en verder werken: Omroeper gaat op de achtergrond door.</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Bezig met publiceren…</translation>
    </message>
    <message>
        <source>&amp;Retry the failed ones</source>
        <translation>&amp;Mislukte opnieuw proberen</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>Opnieuw &amp;controleren</translation>
    </message>
    <message>
        <source>&amp;Continue sending</source>
        <translation>&amp;Verder versturen</translation>
    </message>
    <message>
        <source>Publishing stopped</source>
        <translation>Publiceren gestopt</translation>
    </message>
    <message>
        <source>Published everywhere. Each copy links back to your website.</source>
        <translation>Overal gepubliceerd. Elke kopie linkt terug naar je website.</translation>
    </message>
    <message>
        <source>Published everywhere.</source>
        <translation>Overal gepubliceerd.</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Gepubliceerd</translation>
    </message>
    <message>
        <source>Not finished yet: choose “Continue sending” to send the rest.</source>
        <translation>Nog niet klaar: kies “Verder versturen” om de rest te versturen.</translation>
    </message>
    <message>
        <source>Not everything was published</source>
        <translation>Niet alles is gepubliceerd</translation>
    </message>
    <message>
        <source>The connection is back.</source>
        <translation>De verbinding is terug.</translation>
    </message>
    <message>
        <source>Publishing stopped. {reason}</source>
        <translation>Publiceren gestopt. {reason}</translation>
    </message>
    <message>
        <source>Something went wrong and Omroeper stopped sending. What was published stays published, and nothing is sent twice: try again.</source>
        <translation>Er ging iets mis en Omroeper is gestopt met versturen. Wat gepubliceerd is, blijft staan, en niets wordt twee keer verstuurd: probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>PublishBar</name>
    <message>
        <source>Ready to publish?</source>
        <translation>Klaar om te publiceren?</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>&amp;Publiceren…</translation>
    </message>
    <message>
        <source>Publish on your website and the chosen networks (Ctrl+Enter)</source>
        <translation>Publiceren op je website en de gekozen netwerken (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Connect your website or a network to publish.</source>
        <translation>Koppel je website of een netwerk om te publiceren.</translation>
    </message>
    <message>
        <source>Choose at least one place to publish.</source>
        <translation>Kies minstens één plek om te publiceren.</translation>
    </message>
    <message>
        <source>Write your message: the previews show how it will look.</source>
        <translation>Schrijf je bericht: de voorbeelden laten zien hoe het eruitziet.</translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more: see the previews.</source>
        <translation>
            <numerusform>…en nog %Ln: zie de voorbeelden.</numerusform>
            <numerusform>…en nog %Ln: zie de voorbeelden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Before publishing:</source>
        <translation>Voor het publiceren:</translation>
    </message>
    <message numerus="yes">
        <source>Ready to change the message on %Ln destination(s).</source>
        <translation>
            <numerusform>Klaar om het bericht te wijzigen op %Ln bestemming.</numerusform>
            <numerusform>Klaar om het bericht te wijzigen op %Ln bestemmingen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already published (see above). Publishing it again puts a second copy on every network.</source>
        <translation>Al gepubliceerd (zie hierboven). Als je opnieuw publiceert, komt er op elk netwerk een tweede exemplaar.</translation>
    </message>
    <message numerus="yes">
        <source>Ready to publish to %Ln destination(s).</source>
        <translation>
            <numerusform>Klaar om te publiceren op %Ln bestemming.</numerusform>
            <numerusform>Klaar om te publiceren op %Ln bestemmingen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Publish changes…</source>
        <translation>&amp;Wijzigingen publiceren…</translation>
    </message>
    <message>
        <source>&amp;Publish again…</source>
        <translation>Opnieuw &amp;publiceren…</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish</source>
        <translation>Publiceren</translation>
    </message>
    <message>
        <source>Send again?</source>
        <translation>Opnieuw versturen?</translation>
    </message>
    <message>
        <source>Scheduling…</source>
        <translation>Bezig met inplannen…</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Niet ingepland</translation>
    </message>
    <message>
        <source>Not scheduled.</source>
        <translation>Niet ingepland.</translation>
    </message>
    <message>
        <source>Only send it again if the message is not on {name}. If it is there, it will appear twice.</source>
        <translation>Verstuur het alleen opnieuw als het bericht niet op {name} staat. Staat het er wel, dan verschijnt het twee keer.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Opnieuw versturen</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>Niet verstuurd.</translation>
    </message>
</context>
<context>
    <name>Reception</name>
    <message>
        <source>No figures from the network.</source>
        <translation>Het netwerk gaf geen cijfers.</translation>
    </message>
    <message>
        <source>{counts} (on {date})</source>
        <translation>{counts} (op {date})</translation>
    </message>
    <message>
        <source>No connection to {names} just now: the last figures are shown.</source>
        <translation>Even geen verbinding met {names}: je ziet de laatste cijfers.</translation>
    </message>
    <message>
        <source>No connection to {names} just now: try again later.</source>
        <translation>Even geen verbinding met {names}: probeer het later nog eens.</translation>
    </message>
    <message>
        <source>The figures of {names} could not be read just now: the last ones are shown.</source>
        <translation>De cijfers van {names} konden even niet worden opgehaald: je ziet de laatste.</translation>
    </message>
    <message>
        <source>The figures of {names} could not be read just now.</source>
        <translation>De cijfers van {names} konden even niet worden opgehaald.</translation>
    </message>
    <message>
        <source>The figures could not be read just now.</source>
        <translation>De cijfers konden even niet worden opgehaald.</translation>
    </message>
    <message>
        <source>View replies</source>
        <translation>Reacties bekijken</translation>
    </message>
    <message>
        <source>View the replies on {name} in your browser</source>
        <translation>De reacties op {name} in je browser bekijken</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <source>The time cannot be read: write it as 2026-12-24T09:00 (with +01:00 for the zone).</source>
        <translation>Het tijdstip is niet te lezen: schrijf het als 2026-12-24T09:00 (met +01:00 voor de tijdzone).</translation>
    </message>
    <message>
        <source>Add the time zone to the time, such as +01:00, or choose a time zone.</source>
        <translation>Zet de tijdzone bij het tijdstip, bijvoorbeeld +01:00, of kies een tijdzone.</translation>
    </message>
    <message>
        <source>There is no time zone called “{zone}”.</source>
        <translation>Er is geen tijdzone die “{zone}” heet.</translation>
    </message>
    <message>
        <source>{time} does not exist in {zone}: the clocks jump forward an hour then. Choose a time an hour later or earlier.</source>
        <translation>{time} bestaat niet in {zone}: de klok springt dan een uur vooruit. Kies een tijdstip een uur later of eerder.</translation>
    </message>
    <message>
        <source>This time has passed already: choose a time in the future.</source>
        <translation>Dit tijdstip is al voorbij: kies een tijdstip in de toekomst.</translation>
    </message>
    <message>
        <source>This time is less than a minute away: choose a later time, or publish now.</source>
        <translation>Dit tijdstip is minder dan een minuut van nu: kies een later tijdstip, of publiceer nu.</translation>
    </message>
    <message>
        <source>Message {job} is being sent right now: try again in a moment.</source>
        <translation>Bericht {job} wordt op dit moment verstuurd: probeer het zo nog eens.</translation>
    </message>
    <message>
        <source>Message {job} is not waiting to be sent any more: nothing was changed.</source>
        <translation>Bericht {job} wacht niet meer om verstuurd te worden: er is niets veranderd.</translation>
    </message>
    <message>
        <source>A server holds message {job} until its time: it cannot be sent now instead. Cancel it and publish it again.</source>
        <translation>Een server houdt bericht {job} vast tot het tijdstip: het kan niet nu al verstuurd worden. Annuleer het en publiceer het opnieuw.</translation>
    </message>
    <message>
        <source>Scheduling failed ({code}).</source>
        <translation>Plannen is mislukt ({code}).</translation>
    </message>
</context>
<context>
    <name>SchedulePlan</name>
    <message numerus="yes">
        <source>{names} holds the message until its time</source>
        <translation>
            <numerusform>{names} houdt het bericht tot het tijdstip vast</numerusform>
            <numerusform>{names} houden het bericht tot het tijdstip vast</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{names} is sent by this computer</source>
        <translation>
            <numerusform>{names} wordt verstuurd door deze computer</numerusform>
            <numerusform>{names} worden verstuurd door deze computer</numerusform>
        </translation>
    </message>
    <message>
        <source>your website</source>
        <translation>je website</translation>
    </message>
    <message>
        <source>{held}; {sent}: leave it on, or open Omroeper afterwards.</source>
        <translation>{held}; {sent}: laat hem aan staan of open Omroeper daarna.</translation>
    </message>
    <message>
        <source>{held}: this computer may be switched off then.</source>
        <translation>{held}: deze computer mag dan uit staan.</translation>
    </message>
    <message>
        <source>{sent}: leave it on, or open Omroeper afterwards.</source>
        <translation>{sent}: laat hem aan staan of open Omroeper daarna.</translation>
    </message>
    <message>
        <source>Scheduled for {when}</source>
        <translation>Ingepland voor {when}</translation>
    </message>
    <message>
        <source>This computer sends what it holds at that time: leave it on, or open Omroeper afterwards. You can close Omroeper now.</source>
        <translation>Deze computer verstuurt op dat tijdstip wat hij vasthoudt: laat hem aan staan of open Omroeper daarna. Je kunt Omroeper nu sluiten.</translation>
    </message>
    <message>
        <source>The servers hold the message: this computer may be switched off.</source>
        <translation>De servers houden het bericht vast: deze computer mag uit staan.</translation>
    </message>
    <message>
        <source>Held by {network} until its time.</source>
        <translation>Wordt tot het tijdstip vastgehouden door {network}.</translation>
    </message>
    <message>
        <source>This computer sends it at its time.</source>
        <translation>Deze computer verstuurt het op het tijdstip.</translation>
    </message>
</context>
<context>
    <name>ScheduleTask</name>
    <message>
        <source>Omroeper cannot use this computer’s scheduler.</source>
        <translation>Omroeper kan de taakplanner van deze computer niet gebruiken.</translation>
    </message>
    <message>
        <source>This computer has no scheduler that Omroeper can use.</source>
        <translation>Deze computer heeft geen taakplanner die Omroeper kan gebruiken.</translation>
    </message>
    <message>
        <source>This computer’s scheduler does not run for your user account.</source>
        <translation>De taakplanner van deze computer draait niet voor je gebruikersaccount.</translation>
    </message>
    <message>
        <source>This computer’s scheduler refused the task.</source>
        <translation>De taakplanner van deze computer weigerde de taak.</translation>
    </message>
    <message>
        <source>This computer’s scheduler did not answer in time.</source>
        <translation>De taakplanner van deze computer antwoordde niet op tijd.</translation>
    </message>
    <message>
        <source>The folder Omroeper is installed in cannot be given to this computer’s scheduler.</source>
        <translation>De map waarin Omroeper staat, kan niet aan de taakplanner van deze computer worden doorgegeven.</translation>
    </message>
    <message>
        <source>The task for this computer’s scheduler could not be saved.</source>
        <translation>De taak voor de taakplanner van deze computer kon niet worden bewaard.</translation>
    </message>
    <message>
        <source>Omroeper could not switch off its check for scheduled messages on this computer. That does no harm: the check sends nothing.</source>
        <translation>Omroeper kon zijn controle op geplande berichten op deze computer niet uitzetten. Dat kan geen kwaad: die controle verstuurt niets.</translation>
    </message>
    <message>
        <source>Setting up the scheduler failed.</source>
        <translation>Het instellen van de taakplanner is mislukt.</translation>
    </message>
    <message>
        <source>This computer cannot send the message by itself: keep Omroeper open at that time, or open it afterwards.</source>
        <translation>Deze computer kan het bericht niet zelf versturen: houd Omroeper op dat tijdstip open, of open het daarna.</translation>
    </message>
</context>
<context>
    <name>Scheduled</name>
    <message>
        <source>Something went wrong; the message was not changed.</source>
        <translation>Er ging iets mis; het bericht is niet gewijzigd.</translation>
    </message>
    <message>
        <source>Cancel “{title}”, planned for {time}? It will not be sent anywhere.</source>
        <translation>“{title}”, gepland op {time}, annuleren? Het wordt nergens verstuurd.</translation>
    </message>
    <message>
        <source>The copies the servers hold are cancelled there too.</source>
        <translation>De exemplaren die de servers vasthouden, worden daar ook geannuleerd.</translation>
    </message>
    <message>
        <source>Cancel the scheduled message?</source>
        <translation>Gepland bericht annuleren?</translation>
    </message>
    <message>
        <source>The message stays in Published messages as cancelled.</source>
        <translation>Het bericht blijft als geannuleerd in Gepubliceerde berichten staan.</translation>
    </message>
    <message>
        <source>Cancel the message</source>
        <translation>Bericht annuleren</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Bewaren</translation>
    </message>
    <message>
        <source>Your message</source>
        <translation>Je bericht</translation>
    </message>
    <message>
        <source>Its server holds it and publishes it at its time.</source>
        <translation>De server houdt het vast en publiceert het op het geplande tijdstip.</translation>
    </message>
    <message>
        <source>This computer sends it: leave it on, or open Omroeper after the time.</source>
        <translation>Deze computer verstuurt het: laat hem aan staan, of open Omroeper na het tijdstip.</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <source>Too late: send now or cancel?</source>
        <translation>Te laat: nu versturen of annuleren?</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>“{title}” was not sent at its time ({time}). Too late: send now or cancel?</source>
        <translation>“{title}” is niet op het geplande tijdstip verstuurd ({time}). Te laat: nu versturen of annuleren?</translation>
    </message>
    <message>
        <source>“{title}” could not be sent everywhere: see Published messages.</source>
        <translation>“{title}” kon niet overal verstuurd worden: kijk bij Gepubliceerde berichten.</translation>
    </message>
    <message>
        <source>“{title}” was sent late: at {sent} instead of {time}.</source>
        <translation>“{title}” is te laat verstuurd: om {sent} in plaats van {time}.</translation>
    </message>
    <message>
        <source>“{title}” was sent at its time ({time}).</source>
        <translation>“{title}” is op tijd verstuurd ({time}).</translation>
    </message>
</context>
<context>
    <name>ScheduledNotice</name>
    <message>
        <source>Show…</source>
        <translation>Tonen…</translation>
    </message>
    <message>
        <source>Show the scheduled message</source>
        <translation>Het geplande bericht tonen</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>&amp;Nu versturen</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Annuleren…</translation>
    </message>
    <message>
        <source>Cancel the late message</source>
        <translation>Het te late bericht annuleren</translation>
    </message>
    <message numerus="yes">
        <source>◷ %Ln message(s) scheduled. Next: “{title}”, {time}.</source>
        <translation>
            <numerusform>◷ %Ln bericht gepland. Het volgende: “{title}”, {time}.</numerusform>
            <numerusform>◷ %Ln berichten gepland. Het volgende: “{title}”, {time}.</numerusform>
        </translation>
    </message>
    <message>
        <source>“{title}” is cancelled: it will not be sent.</source>
        <translation>“{title}” is geannuleerd: het wordt niet verstuurd.</translation>
    </message>
    <message>
        <source>“{title}” has been sent.</source>
        <translation>“{title}” is verstuurd.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Omroeper</source>
        <translation>Omroeper</translation>
    </message>
    <message>
        <source>Language of Omroeper</source>
        <translation>Taal van Omroeper</translation>
    </message>
    <message>
        <source>Same as the computer ({language})</source>
        <translation>Taal van de computer ({language})</translation>
    </message>
    <message>
        <source>Omroeper switches to this language when it starts again.</source>
        <translation>Omroeper gebruikt deze taal zodra het opnieuw start.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>Nu opnieuw &amp;starten</translation>
    </message>
    <message>
        <source>Saves the settings and your draft, then starts Omroeper again</source>
        <translation>Slaat de instellingen en je concept op en start Omroeper opnieuw</translation>
    </message>
    <message>
        <source>&amp;Language of Omroeper:</source>
        <translation>&amp;Taal van Omroeper:</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Nieuwe berichten</translation>
    </message>
    <message>
        <source>Language of new messages</source>
        <translation>Taal van nieuwe berichten</translation>
    </message>
    <message>
        <source>Other language…</source>
        <translation>Andere taal…</translation>
    </message>
    <message>
        <source>Language code</source>
        <translation>Taalcode</translation>
    </message>
    <message>
        <source>code, e.g. pl</source>
        <translation>code, bijv. pl</translation>
    </message>
    <message>
        <source>Two or three letters (ISO 639), e.g. pl for Polish</source>
        <translation>Twee of drie letters (ISO 639), bijv. pl voor Pools</translation>
    </message>
    <message>
        <source>Networks use it to show your message to people who read that language, and screen readers to pronounce it. You can change it for each message.</source>
        <translation>Netwerken gebruiken dit om je bericht te tonen aan mensen die die taal lezen, en schermlezers om het goed uit te spreken. Je kunt het per bericht veranderen.</translation>
    </message>
    <message>
        <source>When a new message is too long</source>
        <translation>Als een nieuw bericht te lang is</translation>
    </message>
    <message>
        <source>Don&apos;t split: I&apos;ll shorten it</source>
        <translation>Niet splitsen: ik maak het korter</translation>
    </message>
    <message>
        <source>Split into a thread</source>
        <translation>In een draadje splitsen</translation>
    </message>
    <message>
        <source>Split into a numbered thread (1/3)</source>
        <translation>In een genummerd draadje splitsen (1/3)</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>T&amp;aal:</translation>
    </message>
    <message>
        <source>&amp;Too long for a network:</source>
        <translation>Te &amp;lang voor een netwerk:</translation>
    </message>
    <message>
        <source>Type the language&apos;s code: two or three letters, e.g. pl for Polish.</source>
        <translation>Typ de code van de taal: twee of drie letters, bijv. pl voor Pools.</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Instellingen niet opgeslagen</translation>
    </message>
    <message>
        <source>Scheduled messages</source>
        <translation>Geplande berichten</translation>
    </message>
    <message>
        <source>How late a scheduled message is still sent</source>
        <translation>Hoe laat een gepland bericht nog verstuurd wordt</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuut</numerusform>
            <numerusform>%n minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n uur</numerusform>
            <numerusform>%n uur</numerusform>
        </translation>
    </message>
    <message>
        <source>When the computer was off at a message&apos;s time, Omroeper sends it afterwards up to this late, and tells you. Later than that, it asks you first: send now or cancel.</source>
        <translation>Stond de computer uit op het tijdstip van een bericht, dan verstuurt Omroeper het daarna tot zo laat nog, en zegt het je. Later dan dat vraagt het je eerst: nu versturen of annuleren.</translation>
    </message>
    <message>
        <source>Still sent &amp;up to:</source>
        <translation>Te laat &amp;verstuurd tot:</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Omroeper may not write to its folder {path}. Check that the disk is not write-protected, or ask your IT support; Omroeper keeps trying to save.</source>
        <translation>Omroeper mag niet schrijven in zijn map {path}. Controleer of de schijf niet tegen schrijven is beveiligd, of vraag je IT-ondersteuning om hulp; Omroeper blijft proberen op te slaan.</translation>
    </message>
    <message>
        <source>The drafts database is damaged. A copy was kept at {copy}; contact your IT support with that file.</source>
        <translation>De database met concepten is beschadigd. Er is een kopie bewaard als {copy}: geef dat bestand aan je IT-ondersteuning.</translation>
    </message>
    <message>
        <source>Omroeper may not write to {path}: nothing was changed or saved.</source>
        <translation>Omroeper mag niet schrijven in {path}: er is niets gewijzigd of opgeslagen.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation>De schijf is vol: er is niets opgeslagen. Maak wat ruimte vrij en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The drafts are in use by another Omroeper window. Close it and try again.</source>
        <translation>De concepten zijn in gebruik in een ander Omroeper-venster. Sluit dat en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>These drafts were saved by a newer version of Omroeper. Install that version to open them.</source>
        <translation>Deze concepten zijn opgeslagen met een nieuwere versie van Omroeper. Installeer die versie om ze te openen.</translation>
    </message>
    <message>
        <source>There is no draft {id}.</source>
        <translation>Er is geen concept {id}.</translation>
    </message>
    <message>
        <source>Image {position} not found: {path}</source>
        <translation>Foto {position} niet gevonden: {path}</translation>
    </message>
    <message>
        <source>Could not read or write {path}: {reason}</source>
        <translation>Kon {path} niet lezen of schrijven: {reason}</translation>
    </message>
    <message>
        <source>The drafts could not be used ({code}).</source>
        <translation>De concepten konden niet worden gebruikt ({code}).</translation>
    </message>
    <message>
        <source>The disk is full. Free some space; Omroeper keeps trying to save.</source>
        <translation>De schijf is vol. Maak wat ruimte vrij; Omroeper blijft proberen op te slaan.</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>Change the text</source>
        <translation>Tekst wijzigen</translation>
    </message>
    <message>
        <source>Message for the networks</source>
        <translation>Bericht voor de netwerken</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Bericht:</translation>
    </message>
    <message>
        <source>Full text for your website</source>
        <translation>Volledige tekst voor je website</translation>
    </message>
    <message>
        <source>&amp;Full text:</source>
        <translation>&amp;Volledige tekst:</translation>
    </message>
    <message>
        <source>&amp;Save the changes</source>
        <translation>Wijzigingen &amp;opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Characters per destination</source>
        <translation>Tekens per bestemming</translation>
    </message>
</context>
<context>
    <name>TimeDialog</name>
    <message>
        <source>Change the time</source>
        <translation>Tijd wijzigen</translation>
    </message>
    <message>
        <source>New date and time</source>
        <translation>Nieuwe datum en tijd</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>&amp;Datum en tijd:</translation>
    </message>
    <message>
        <source>Time zone: {zone}</source>
        <translation>Tijdzone: {zone}</translation>
    </message>
    <message>
        <source>&amp;Change the time</source>
        <translation>Tijd &amp;wijzigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>WhenChoice</name>
    <message>
        <source>&amp;Now</source>
        <translation>&amp;Nu</translation>
    </message>
    <message>
        <source>At a &amp;time…</source>
        <translation>Op een &amp;tijdstip…</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Wanneer:</translation>
    </message>
    <message>
        <source>Date and time to publish</source>
        <translation>Datum en tijd van publiceren</translation>
    </message>
    <message>
        <source>This computer’s time</source>
        <translation>De tijd van deze computer</translation>
    </message>
    <message>
        <source>{zone} ({city})</source>
        <translation>{zone} ({city})</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>Scheduled already</source>
        <translation>Al ingepland</translation>
    </message>
    <message>
        <source>This message is scheduled already, for {when}. Publishing or scheduling it again makes a second copy everywhere.

To change its time or text, or to cancel it, use “Published messages…”.</source>
        <translation>Dit bericht is al ingepland, voor {when}. Als je het opnieuw publiceert of inplant, komt het overal twee keer.

Wil je het tijdstip of de tekst wijzigen, of het annuleren? Gebruik dan “Gepubliceerde berichten…”.</translation>
    </message>
    <message>
        <source>Still publishing</source>
        <translation>Nog bezig met publiceren</translation>
    </message>
    <message>
        <source>Omroeper is still publishing your message. If you quit now, it carries on the next time you start Omroeper; nothing is sent twice. Quit anyway?</source>
        <translation>Omroeper is nog bezig je bericht te publiceren. Als je nu afsluit, gaat het verder zodra je Omroeper weer start; niets wordt twee keer verstuurd. Toch afsluiten?</translation>
    </message>
</context>
<context>
    <name>WordPressChoices</name>
    <message>
        <source>Post type</source>
        <translation>Soort bericht</translation>
    </message>
    <message>
        <source>&amp;Post type:</source>
        <translation>&amp;Soort bericht:</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Categorie:</translation>
    </message>
    <message>
        <source>What Omroeper writes on your site, and where it is listed.</source>
        <translation>Wat Omroeper op je website zet, en waar het staat.</translation>
    </message>
    <message>
        <source>None (the site’s default)</source>
        <translation>Geen (wat de website standaard doet)</translation>
    </message>
</context>
<context>
    <name>WritingPanel</name>
    <message>
        <source>The headline on your website</source>
        <translation>De kop op je website</translation>
    </message>
    <message>
        <source>Title for your website</source>
        <translation>Titel voor je website</translation>
    </message>
    <message>
        <source>The whole story, as it appears on your own website. Optional.</source>
        <translation>Het hele verhaal, zoals het op je eigen website komt. Niet verplicht.</translation>
    </message>
    <message>
        <source>Full text for your website</source>
        <translation>Volledige tekst voor je website</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Full text:</source>
        <translation>&amp;Volledige tekst:</translation>
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
        <source>Make from the full te&amp;xt</source>
        <translation>Maken uit de volledige te&amp;kst</translation>
    </message>
    <message>
        <source>Shorten the full text into a message that fits every chosen network</source>
        <translation>De volledige tekst inkorten tot een bericht dat op elk gekozen netwerk past</translation>
    </message>
    <message>
        <source>&amp;Message for the networks:</source>
        <translation>&amp;Bericht voor de netwerken:</translation>
    </message>
    <message>
        <source>Language of the message</source>
        <translation>Taal van het bericht</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Content warning</source>
        <translation>Inhoudswaarschuwing</translation>
    </message>
    <message>
        <source>Networks that support it hide the message behind this line until opened</source>
        <translation>Netwerken die dit kennen, verbergen het bericht achter deze regel tot iemand het openklikt</translation>
    </message>
    <message>
        <source>When the message is too long</source>
        <translation>Als het bericht te lang is</translation>
    </message>
    <message>
        <source>Don&apos;t split: I&apos;ll shorten it</source>
        <translation>Niet splitsen: ik maak het korter</translation>
    </message>
    <message>
        <source>Split into a thread</source>
        <translation>In een draadje splitsen</translation>
    </message>
    <message>
        <source>Split into a numbered thread (1/3)</source>
        <translation>In een genummerd draadje splitsen (1/3)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Taa&amp;l:</translation>
    </message>
    <message>
        <source>Content &amp;warning:</source>
        <translation>Inhoud&amp;swaarschuwing:</translation>
    </message>
    <message>
        <source>Too lon&amp;g:</source>
        <translation>Te lan&amp;g:</translation>
    </message>
</context>
</TS>
