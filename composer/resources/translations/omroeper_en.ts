<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>App</name>
    <message numerus="yes">
        <source>%Ln draft(s) rescued. The damaged file stays at {copy} for your IT support.</source>
        <translation>
            <numerusform>%Ln draft rescued. The damaged file stays at {copy} for your IT support.</numerusform>
            <numerusform>%Ln drafts rescued. The damaged file stays at {copy} for your IT support.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message numerus="yes">
        <source>With %Ln photo(s).</source>
        <translation>
            <numerusform>With %Ln photo.</numerusform>
            <numerusform>With %Ln photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On {network} it becomes a thread of %Ln post(s).</source>
        <translation>
            <numerusform>On {network} it becomes a thread of %Ln post.</numerusform>
            <numerusform>On {network} it becomes a thread of %Ln posts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln reply(ies)</source>
        <translation>
            <numerusform>%Ln reply</numerusform>
            <numerusform>%Ln replies</numerusform>
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
            <numerusform>%Ln favourite</numerusform>
            <numerusform>%Ln favourites</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln image</numerusform>
            <numerusform>%Ln images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message numerus="yes">
        <source>Changed on %Ln destination(s).</source>
        <translation>
            <numerusform>Changed on %Ln destination.</numerusform>
            <numerusform>Changed on %Ln destinations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln destination(s) could not be changed: the reason is next to each.</source>
        <translation>
            <numerusform>%Ln destination could not be changed: the reason is next to it.</numerusform>
            <numerusform>%Ln destinations could not be changed: the reason is next to each.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending the change to %Ln destination(s)…</source>
        <translation>
            <numerusform>Sending the change to %Ln destination…</numerusform>
            <numerusform>Sending the change to %Ln destinations…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message numerus="yes">
        <source>This has now happened %Ln time(s).</source>
        <translation>
            <numerusform>This has now happened %Ln time.</numerusform>
            <numerusform>This has now happened %Ln times.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageCard</name>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message numerus="yes">
        <source>✓ Published on {when} on %Ln destination(s).</source>
        <translation>
            <numerusform>✓ Published on {when} on %Ln destination.</numerusform>
            <numerusform>✓ Published on {when} on %Ln destinations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) waiting to be sent.</source>
        <translation>
            <numerusform>%Ln message waiting to be sent.</numerusform>
            <numerusform>%Ln messages waiting to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{title}” has gone out: published on %Ln destination(s).</source>
        <translation>
            <numerusform>“{title}” has gone out: published on %Ln destination.</numerusform>
            <numerusform>“{title}” has gone out: published on %Ln destinations.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverrideEditor</name>
    <message numerus="yes">
        <source>{count} · %Ln post(s)</source>
        <translation>
            <numerusform>{count} · %Ln post</numerusform>
            <numerusform>{count} · %Ln posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewsPanel</name>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln post</numerusform>
            <numerusform>%Ln posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message numerus="yes">
        <source>%Ln characters too long: shorten the text, or split it into a thread of {thread_parts} posts.</source>
        <translation>
            <numerusform>%Ln character too long: shorten the text, or split it into a thread of {thread_parts} posts.</numerusform>
            <numerusform>%Ln characters too long: shorten the text, or split it into a thread of {thread_parts} posts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln characters too long: shorten the text.</source>
        <translation>
            <numerusform>%Ln character too long: shorten the text.</numerusform>
            <numerusform>%Ln characters too long: shorten the text.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln bytes too long: emoji and accented letters take several bytes each. Shorten the text.</source>
        <translation>
            <numerusform>%Ln byte too long: emoji and accented letters take several bytes each. Shorten the text.</numerusform>
            <numerusform>%Ln bytes too long: emoji and accented letters take several bytes each. Shorten the text.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The content warning is %Ln characters too long (at most {limit}).</source>
        <translation>
            <numerusform>The content warning is %Ln character too long (at most {limit}).</numerusform>
            <numerusform>The content warning is %Ln characters too long (at most {limit}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many images: this network takes at most {limit}. Remove %Ln.</source>
        <translation>
            <numerusform>Too many images: this network takes at most {limit}. Remove %Ln.</numerusform>
            <numerusform>Too many images: this network takes at most {limit}. Remove %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The description of image {image} is %Ln characters too long (at most {limit}).</source>
        <translation>
            <numerusform>The description of image {image} is %Ln character too long (at most {limit}).</numerusform>
            <numerusform>The description of image {image} is %Ln characters too long (at most {limit}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Publish</name>
    <message numerus="yes">
        <source>%Ln destination(s) did not work: the reason is next to each. Put it right if needed, then choose “Retry the failed ones”.</source>
        <translation>
            <numerusform>%Ln destination did not work: the reason is next to each. Put it right if needed, then choose “Retry the failed ones”.</numerusform>
            <numerusform>%Ln destinations did not work: the reason is next to each. Put it right if needed, then choose “Retry the failed ones”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>For %Ln destination(s) it is unclear whether the message arrived: look there before sending it again.</source>
        <translation>
            <numerusform>For %Ln destination it is unclear whether the message arrived: look there before sending it again.</numerusform>
            <numerusform>For %Ln destinations it is unclear whether the message arrived: look there before sending it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Publishing to %Ln destination(s)…</source>
        <translation>
            <numerusform>Publishing to %Ln destination…</numerusform>
            <numerusform>Publishing to %Ln destinations…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Published on all %Ln destination(s).</source>
        <translation>
            <numerusform>Published on %Ln destination.</numerusform>
            <numerusform>Published on all %Ln destinations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %Ln published</source>
        <translation>
            <numerusform>{done} of %Ln published</numerusform>
            <numerusform>{done} of %Ln published</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of {total} parts are online.</source>
        <translation>
            <numerusform>%Ln of {total} parts is online.</numerusform>
            <numerusform>%Ln of {total} parts are online.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unclear: look there before sending again</source>
        <translation>
            <numerusform>%Ln unclear: look there before sending again</numerusform>
            <numerusform>%Ln unclear: look there before sending again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not sent yet</source>
        <translation>
            <numerusform>%Ln not sent yet</numerusform>
            <numerusform>%Ln not sent yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishBar</name>
    <message numerus="yes">
        <source>…and %Ln more: see the previews.</source>
        <translation>
            <numerusform>…and %Ln more: see the previews.</numerusform>
            <numerusform>…and %Ln more: see the previews.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready to change the message on %Ln destination(s).</source>
        <translation>
            <numerusform>Ready to change the message on %Ln destination.</numerusform>
            <numerusform>Ready to change the message on %Ln destinations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready to publish to %Ln destination(s).</source>
        <translation>
            <numerusform>Ready to publish to %Ln destination.</numerusform>
            <numerusform>Ready to publish to %Ln destinations.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchedulePlan</name>
    <message numerus="yes">
        <source>{names} holds the message until its time</source>
        <translation>
            <numerusform>{names} holds the message until its time</numerusform>
            <numerusform>{names} hold the message until its time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{names} is sent by this computer</source>
        <translation>
            <numerusform>{names} is sent by this computer</numerusform>
            <numerusform>{names} are sent by this computer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduledNotice</name>
    <message numerus="yes">
        <source>◷ %Ln message(s) scheduled. Next: “{title}”, {time}.</source>
        <translation>
            <numerusform>◷ %Ln message scheduled. Next: “{title}”, {time}.</numerusform>
            <numerusform>◷ %Ln messages scheduled. Next: “{title}”, {time}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
</TS>
