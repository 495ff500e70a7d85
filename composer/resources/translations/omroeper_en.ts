<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>App</name>
    <message numerus="yes">
        <source>%n draft(s) rescued. The damaged file stays at {copy} for your IT support.</source>
        <translation>
            <numerusform>%n draft rescued. The damaged file stays at {copy} for your IT support.</numerusform>
            <numerusform>%n drafts rescued. The damaged file stays at {copy} for your IT support.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message numerus="yes">
        <source>%n characters too long: shorten the text, or split it into a thread of {thread_parts} posts.</source>
        <translation>
            <numerusform>%n character too long: shorten the text, or split it into a thread of {thread_parts} posts.</numerusform>
            <numerusform>%n characters too long: shorten the text, or split it into a thread of {thread_parts} posts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n characters too long: shorten the text.</source>
        <translation>
            <numerusform>%n character too long: shorten the text.</numerusform>
            <numerusform>%n characters too long: shorten the text.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bytes too long: emoji and accented letters take several bytes each. Shorten the text.</source>
        <translation>
            <numerusform>%n byte too long: emoji and accented letters take several bytes each. Shorten the text.</numerusform>
            <numerusform>%n bytes too long: emoji and accented letters take several bytes each. Shorten the text.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The content warning is %n characters too long (at most {limit}).</source>
        <translation>
            <numerusform>The content warning is %n character too long (at most {limit}).</numerusform>
            <numerusform>The content warning is %n characters too long (at most {limit}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many images: this network takes at most {limit}. Remove %n.</source>
        <translation>
            <numerusform>Too many images: this network takes at most {limit}. Remove %n.</numerusform>
            <numerusform>Too many images: this network takes at most {limit}. Remove %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The description of image {image} is %n characters too long (at most {limit}).</source>
        <translation>
            <numerusform>The description of image {image} is %n character too long (at most {limit}).</numerusform>
            <numerusform>The description of image {image} is %n characters too long (at most {limit}).</numerusform>
        </translation>
    </message>
</context>
</TS>
