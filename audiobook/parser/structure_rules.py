"""Named tables of the shapes of a text's paragraphs: data, not code.

What counts as a chapter heading, a by-line, a scene break, a point-of-view or time header, an
author's note or a line of the facts a story is posted with (``structure.py`` reads them; the
readers use the heading tables too). The wording rules of speech and names are in ``rules.py``.
"""
from __future__ import annotations

import re

#: Number words accepted after ``Chapter``/``Part`` ("CHAPTER ONE", "Part Two").
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty first second third fourth "
    "fifth sixth seventh eighth ninth tenth last final"
).split()

_NUM = r"(?:\d+|[ivxlcdm]+|(?:%s)(?:[- ](?:%s))?)" % ("|".join(NUMBER_WORDS), "|".join(NUMBER_WORDS))

#: A paragraph that opens a chapter. Group ``title`` (when present) is the title on the same line.
CHAPTER_HEADING_PATTERNS = [
    re.compile(r"^(?:chapter|chap\.)\s+%s\b[.:)]?\s*(?:[-:.\u2013\u2014]\s*)?(?P<title>.*)$" % _NUM, re.I),
    re.compile(r"^(?:part|book|volume)\s+%s\b[.:)]?\s*(?:[-:.\u2013\u2014]\s*)?(?P<title>.*)$" % _NUM, re.I),
    re.compile(r"^(?:prologue|epilogue|preface|foreword|introduction|afterword|interlude)\b[.:]?"
               r"\s*(?:[-:.\u2013\u2014]\s*)?(?P<title>.*)$", re.I),
    re.compile(r"^#{1,6}\s+(?P<title>.+)$"),
    # A Roman or Arabic numeral alone on its line ("IV", "12."), as Gutenberg books number chapters.
    re.compile(r"^(?:[IVXLC]+|\d{1,3})(?:\.?|\.\s+(?P<title>[A-Z].*))$"),
    # ... or between dashes and spaces ("\u2014 I \u2014", "-- 2 --"), which would otherwise read as a
    # line of talk ("\u2014I\u2014" alone, without the spaces, is a stammer in dash-led dialogue).
    re.compile(r"^(?:\u2014|\u2013|--?)\s+(?:[IVXLC]+|\d{1,3})\s+(?:\u2014|\u2013|--?)$"),
]

#: Longest line that may still be a heading, in characters.
HEADING_MAX_CHARS = 80

#: A by-line under the title: "by" alone (the name on the next line) or "by Anna Vell".
BYLINE = re.compile(r"^by(?:\s+(?P<author>[A-Z][\w.'\u2019 -]{1,60}(?:(?:,|,? and|,? &) [\w.'\u2019 -]{1,60}){0,4}))?$",
                    re.I)

#: An author's name as a story is posted, on a line of its own before the posting facts:
#: a user name ("orbitalflotsam", "Jo_March42") or a name of two or three words.
AUTHOR_HANDLE = re.compile(r"^[\w.'\u2019-]{2,40}(?: [\w.'\u2019-]{1,20}){0,2}$")

#: Scene-break lines: a line of one repeated symbol (with optional spaces), or a lone ``#``.
SCENE_BREAK_SHAPES = [
    re.compile(r"^\s*([-*~=_#+.\u2022\u00b7\u2014\u2013o])(?:\s*\1){2,}\s*$"),
    re.compile(r"^\s*[#*\u2042\u2234\u00a7]\s*$"),
    re.compile(r"^\s*(?:[-*~=]\s*)?x(?:\s+x){2,}(?:\s*[-*~=])?\s*$", re.I),
    # Two symbols taking turns, three or more in all: "~*~*~", "oOoOo", "*~*", "-x-x-", "o0o".
    re.compile(r"^\s*(?=(?:\s*\S){3})(?![a-z\s]+$)([-*~=_+#.\u2022\u00b7oO0xX])\s*(?!\1)([-*~=_+#.\u2022\u00b7oO0xX])"
               r"(?:\s*\1\s*\2)*(?:\s*\1)?\s*$"),
]

#: Decoration fan fiction puts around a header line ("~Tom's POV~", "*General POV*",
#: "-- Normal POV --", "oOo Liz's POV oOo"): stripped before the header shapes are tried.
HEADER_DECORATION = re.compile(
    r"^(?:[\s~*=_+#<>|\u2022\u00b7-]+|(?:oOo|xXx|OoO|XxX)\s+)|(?:[\s~*=_+#<>|\u2022\u00b7-]+|\s+(?:oOo|xXx|OoO|XxX))$")

#: Point-of-view headers. Group ``who`` is the character (``general``/``normal`` mean the narrator).
POV_HEADER_PATTERNS = [
    re.compile(r"^(?P<who>[A-Z][\w.'\u2019 -]{0,40}?)(?:['\u2019]s?)?\s*(?:POV|P\.O\.V\.?|point of view)\s*:?$", re.I),
    re.compile(r"^(?:POV|point of view)\s*[:\-\u2013\u2014]\s*(?P<who>[A-Z][\w.'\u2019 -]{0,40})$", re.I),
]

#: Words in a POV header that mean "no character: back to the narrator".
NEUTRAL_POV_WORDS = {"general", "normal", "third", "third person", "narrator", "omniscient", "nobody", "no one",
                     "first person", "1st person", "second person", "alternating", "multiple", "multi", "various"}

#: The line of a posting's free tags ("Additional Tags: Fluff, Rose Weasley POV"): a tag naming a
#: point of view there says who the story's "I" is.
TAGS_LINE = re.compile(r"^\W{0,3}(?:additional |freeform )?tags\W{0,2}:", re.I)

#: A time of day as headers write it: "9:47 p.m.", "3 a.m.", "14:30", "noon".
_CLOCK = (r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)|\d{1,2}:\d{2}|\d{4}\s*hours|noon|midday|midnight"
          r"|dawn|dusk|sunrise|sunset)")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

#: Time and place headers ("3 MONTHS LATER", "The next morning", "Meanwhile, in London").
TIME_HEADER_PATTERNS = [
    re.compile(r"^(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several|some)"
               r"\s+(?:second|minute|hour|day|week|month|year|decade)s?\s+(?:later|earlier|before|after|ago)\b.{0,40}$", re.I),
    re.compile(r"^(?:the\s+)?(?:next|following)\s+(?:morning|day|evening|night|week|month|year)\b.{0,30}$", re.I),
    re.compile(r"^(?:meanwhile|later|earlier|flashback|present day|present|elsewhere)\b.{0,40}$", re.I),
    # A day or an occasion and a clock time: "Saturday, 3 a.m.", "Opening night, 9:47 p.m.".
    re.compile(r"^[A-Z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,4}\s*,\s*%s\.?$" % _CLOCK, re.I),
    # A weekday alone or with its part of the day: "Saturday", "Tuesday night".
    re.compile(r"^%s(?:\s+(?:morning|afternoon|evening|night))?\.?$" % _WEEKDAY, re.I),
    # A clock time alone: "3:00 a.m.", "Midnight."
    re.compile(r"^%s\.?$" % _CLOCK, re.I),
]

#: Author's notes, disclaimers, thanks: markers at the start of a paragraph.
NOTE_MARKERS = [
    re.compile(r"^\W{0,3}(?:a/n|a\.n\.|an:|author'?s?\s*note|author\u2019s\s*note|authors'\s*note|"
               r"note from the author|disclaimer|dedication|acknowledge?ments?|beta(?:'d)? by|"
               r"translator'?s note|editor'?s note)\b", re.I),
]

#: What an archive writes around a story it lets be downloaded, anywhere in a paragraph: a note,
#: never the story ("Posted originally on the Archive of Our Own at ...").
ARCHIVE_MESSAGE = re.compile(r"Posted originally on the Archive of Our Own|Please drop by the Archive and comment|"
                             r"^See the end of the (?:work|chapter) for", re.I | re.M)

#: The labels of the sections a posted story is downloaded with, alone on their line: those
#: whose section is a note (the summary, the author's notes before or after), and those after
#: which the story itself begins.
NOTE_SECTION_LABEL = re.compile(r"^(?:summary|(?:chapter |end |chapter end )?notes|chapter summary)\s*:?\s*$", re.I)
#: A paragraph opening with a quotation mark; a labelled note with this many of them is the story.
OPENS_SPEECH = re.compile(r"\s*[\"\u201c\u2018']")
NOTE_SECTION_MAX_SPEECHES = 3
STORY_SECTION_LABEL = re.compile(r"^(?:work text|chapter text)\s*:?\s*$", re.I)

#: A line of the facts a story is posted with ("Fandom: ...", "Rating: T", "Characters: ...",
#: "Summary: ..."): before the story begins, a note, not a title or the story's first words.
METADATA_LINE = re.compile(
    r"^\W{0,3}(?:fandoms?|rating|rated|(?:archive )?warnings?|categor(?:y|ies)|relationships?|pairings?|"
    r"characters?|(?:additional |freeform )?tags|summary|word ?count|words|chapters|language|series|status|"
    r"published|updated|completed|stats|kudos|hits|bookmarks|comments|genre|prompt|spoilers|beta(?:'d| reader)?|disclaimer|ship|au|"
    r"notes)\W{0,2}:", re.I)

#: Such a line that lists the story's people ("Characters: Steve Rogers, Sam Wilson", "Pairing:
#: Elizabeth Bennet/Fitzwilliam Darcy"): their full names, as the author gives them.
CAST_LINE = re.compile(r"^\W{0,3}(?:characters?|relationships?|pairings?|ship)\W{0,2}:", re.I)

#: Words that mark a paragraph near the end (or start) of a story as thanks or a plea to readers.
NOTE_WORDS = re.compile(
    r"\b(?:my beta|beta[- ]?read|beta[- ]?ing|thanks? (?:to|you)|review(?:s|ing)?\b|reader(?:s)?\b.*\b(?:enjoy|thank)"
    r"|do not own|don't own|i own nothing|disclaimer|fanfic|chapter \d+ (?:will|is)|update)", re.I)

#: How many paragraphs from either end of a story a thank-you note without a marker may sit.
NOTE_EDGE_PARAGRAPHS = 2
