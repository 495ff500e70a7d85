<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>Cli</name>
    <message>
        <source>run “omroeper --help” for the commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write one message, publish it on your own website first, then on the networks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder for drafts, accounts and settings (also OMROEPER_PROFILE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show how a draft file fits every network, as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the draft file, or - for stdin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposerWindow</name>
    <message>
        <source>Your message for the networks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your message here. Links, hashtags and mentions count as each network counts them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <source>{network}: {length} of {limit} characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Input</name>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft file is not valid JSON (line {line}, column {column}: {reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft file must hold one JSON object {{…}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field “{key}” in {where}: check its spelling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field “{key}” must be {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File not found: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a folder, not a draft file: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft file is not UTF-8 text: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image {position} not found: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image {position} has no “path”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link “{link}” must be a web address starting with https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{language}” is not a language code such as nl or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{key}” must be true, false or &quot;numbered&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown target “{target}”: use website, mastodon, bluesky, pixelfed or discord.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message numerus="yes">
        <source>%n characters too long: shorten the text, or split it into a thread of {thread_parts} posts.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n characters too long: shorten the text.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Image {image} is a {type} file, which this network does not accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is empty: write a text or add an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n bytes too long: emoji and accented letters take several bytes each. Shorten the text.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A link, mention or hashtag is longer than a whole post ({length} of {limit} characters): shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The content warning is %n characters too long (at most {limit}).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This network has no content warnings: the warning will not be shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many images: this network takes at most {limit}. Remove %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This network only shows posts with a photo: add at least one image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image {image} has no description (alt text): describe what it shows, or mark it as decorative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The description of image {image} is %n characters too long (at most {limit}).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Image {image} is larger than this network accepts ({width} × {height} pixels, {bytes} bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image {image} is an empty file: choose the photo again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image {image} could not be read: check that the file still exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image {image} is not a picture Omroeper can read, or the file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image {image} has too many pixels to open safely: export a smaller version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
