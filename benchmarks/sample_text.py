"""A realistic long draft: Dutch prose with links, mentions, hashtags and emoji."""

SENTENCES = (
    "De bibliotheek is zaterdag open van 10.00 tot 16.00 uur, ook voor wie geen lid is.",
    "Kom langs op https://bibliotheek.example.nl/agenda/open-dag-2026?bron=omroeper "
    "voor het programma.",
    "Met dank aan @vrijwilligers.bsky.social en @cultuur@mastodon.example.nl voor hun hulp! 🎉",
    "Neem je kinderen mee: er is voorlezen, knutselen en een quiz over ĳsvogels. 👨‍👩‍👧",
    "Meer weten? Kijk op gemeente.example.nl/cultuur of bel ons.",
    "#OpenDag #Bibliotheek #Cultuur ❤️ Tot zaterdag!",
    "Het café in de leeszaal serveert koffie, thee en taart; de opbrengst gaat naar het leesfonds.",
    "Toegankelijk met rolstoel, en er is een stille ruimte voor wie even rust nodig heeft. 🇳🇱",
)


def long_text(characters: int = 5_000) -> str:
    parts: list[str] = []
    length = 0
    index = 0
    while length < characters:
        sentence = SENTENCES[index % len(SENTENCES)]
        parts.append(sentence)
        length += len(sentence) + 1
        index += 1
        if index % 4 == 0:
            parts.append("\n\n")
    return " ".join(parts)[:characters]
