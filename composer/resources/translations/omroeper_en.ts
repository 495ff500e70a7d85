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
    <name>ConfirmPage</name>
    <message numerus="yes">
        <source>With %n photo(s).</source>
        <translation>
            <numerusform>With %n photo.</numerusform>
            <numerusform>With %n photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On {network} it becomes a thread of %n post(s).</source>
        <translation>
            <numerusform>On {network} it becomes a thread of %n post.</numerusform>
            <numerusform>On {network} it becomes a thread of %n posts.</numerusform>
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
    <name>ErrorDialog</name>
    <message numerus="yes">
        <source>This has now happened %n time(s).</source>
        <translation>
            <numerusform>This has now happened %n time.</numerusform>
            <numerusform>This has now happened %n times.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageCard</name>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverrideEditor</name>
    <message numerus="yes">
        <source>{count} · %n post(s)</source>
        <translation>
            <numerusform>{count} · %n post</numerusform>
            <numerusform>{count} · %n posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewsPanel</name>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
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
<context>
    <name>Publish</name>
    <message numerus="yes">
        <source>%n destination(s) did not work: the reason is next to each. Put it right if needed, then choose “Retry the failed ones”.</source>
        <translation>
            <numerusform>%n destination did not work: the reason is next to each. Put it right if needed, then choose “Retry the failed ones”.</numerusform>
            <numerusform>%n destinations did not work: the reason is next to each. Put it right if needed, then choose “Retry the failed ones”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>For %n destination(s) it is unclear whether the message arrived: look there before sending it again.</source>
        <translation>
            <numerusform>For %n destination it is unclear whether the message arrived: look there before sending it again.</numerusform>
            <numerusform>For %n destinations it is unclear whether the message arrived: look there before sending it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Publishing to %n destination(s)…</source>
        <translation>
            <numerusform>Publishing to %n destination…</numerusform>
            <numerusform>Publishing to %n destinations…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Published on all %n destination(s).</source>
        <translation>
            <numerusform>Published on %n destination.</numerusform>
            <numerusform>Published on all %n destinations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n published</source>
        <translation>
            <numerusform>{done} of %n published</numerusform>
            <numerusform>{done} of %n published</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unclear: look there before sending again</source>
        <translation>
            <numerusform>%n unclear: look there before sending again</numerusform>
            <numerusform>%n unclear: look there before sending again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent yet</source>
        <translation>
            <numerusform>%n not sent yet</numerusform>
            <numerusform>%n not sent yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishBar</name>
    <message numerus="yes">
        <source>…and %n more: see the previews.</source>
        <translation>
            <numerusform>…and %n more: see the previews.</numerusform>
            <numerusform>…and %n more: see the previews.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready to publish to %n destination(s).</source>
        <translation>
            <numerusform>Ready to publish to %n destination.</numerusform>
            <numerusform>Ready to publish to %n destinations.</numerusform>
        </translation>
    </message>
</context>
</TS>
