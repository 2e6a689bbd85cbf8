"""The data passed between pipeline stages.

Document -> Script -> Cast -> RenderPlan -> clips -> chapter audio.
Each stage is a function from one of these to the next; see ``pipeline.py``.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union


#: The gender of one who is neither he nor she, as voices.yaml may say: the parser never gives
#: them a he/she and reads "they said" as them; their automatic voice comes from either pool.
NONBINARY = "nonbinary"


# --------------------------------------------------------------------------- source

@dataclass
class Document:
    """A decoded source file: the text every offset in the script refers to."""

    path: Path
    """Where the source was read from."""
    text: str
    """The decoded plain text (for EPUB/HTML: the extracted text)."""
    info: BookInfo = field(default_factory=lambda: BookInfo())
    """What the file's own metadata says of the book (EPUB package, HTML <title> and author):
    an empty title, and None or the default elsewhere, where it says nothing."""
    cover: Optional[bytes] = None
    """Cover image bytes from the file's metadata (EPUB), if any."""
    cover_type: Optional[str] = None
    """MIME type of ``cover`` (``image/jpeg``, ``image/png``), None without a cover."""
    plain: bool = True
    """False when ``text`` was extracted from a marked-up format (Markdown, HTML, EPUB) rather
    than decoded from a plain-text file."""


# --------------------------------------------------------------------------- script
class SegmentKind(str, enum.Enum):
    """The closed set of segment kinds of the script format."""

    HEADING = "heading"
    NARRATION = "narration"
    DIALOGUE = "dialogue"
    BREAK = "break"
    NOTE = "note"


@dataclass
class Segment:
    """One span of the source: a heading, prose, a quote, a scene break or a note."""

    kind: SegmentKind
    """What the span is."""
    speaker: Optional[str]
    """Who voices it: a character name, or None for the narrator."""
    text: str
    """What is spoken for this span (hard wraps joined, quote marks dropped)."""
    start: int
    """Offset of the first character in the decoded source text."""
    end: int
    """Offset one past the last character (half-open)."""
    verb: Optional[str] = None
    """For dialogue: the speech verb of the tag that goes with it (``shouted``), lower case;
    None when its tag has none or it has no tag."""
    how: Optional[str] = None
    """For dialogue: how the speaker was found, one of HOW, most certain first; None otherwise."""

    def to_json(self) -> dict:
        out = {
            "kind": self.kind.value,
            "speaker": self.speaker,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }
        if self.verb:
            out["verb"] = self.verb
        if self.how:
            out["how"] = self.how
        return out


#: How a quote's speaker was found, most certain first: pinned in voices.yaml; a tag naming
#: them; a tag naming a form of theirs that voices.yaml gives; the first-person narrator's own
#: tag ("I said"); a he/she tag; called by name in the line before (vocative); turn-taking;
#: a guess from who is about.
HOW = ("pinned", "tag", "cast", "narrator", "pronoun", "vocative", "turn", "guess")


@dataclass(frozen=True)
class KnownCharacter:
    """A character the user lists in voices.yaml."""

    name: str
    """The name the book's script uses for them."""
    aliases: tuple[str, ...] = ()
    """Other names the text uses for them."""
    gender: Optional[str] = None
    """``male``/``female``/``nonbinary``, or None to let the parser judge."""


@dataclass(frozen=True)
class Pin:
    """A pinned line: whatever the parser thinks, the quote holding ``words`` is ``speaker``'s."""

    words: str
    """A stretch of the quote's words (matched case-, space- and quote-mark-insensitively)."""
    speaker: Optional[str]
    """A character's name or alias; None for the narrator."""
    where: str
    """``file:line: lines."..."``, for messages."""


@dataclass(frozen=True)
class KnownCast:
    """What the user's voices.yaml says about the people of a book, for the parser."""

    characters: tuple[KnownCharacter, ...] = ()
    """The cast as listed: never split or merged otherwise; others are still discovered."""
    not_characters: tuple[str, ...] = ()
    """Names that are never speakers."""
    pins: tuple[Pin, ...] = ()
    """Pinned lines."""


@dataclass
class Chapter:
    """A chapter of the script: a title and its segments in reading order."""

    title: str
    """The chapter's title as it will be tagged and read."""
    segments: list[Segment] = field(default_factory=list)
    """Segments in reading order; they never overlap."""

    def to_json(self) -> dict:
        return {"title": self.title, "segments": [s.to_json() for s in self.segments]}


@dataclass
class Character:
    """A speaker found in the script."""

    name: str
    """Canonical name, as used in ``Segment.speaker``."""
    aliases: list[str] = field(default_factory=list)
    """Every form of the name the parser matched (including ``name``)."""
    gender: Optional[str] = None
    """``"male"``, ``"female"``, ``"nonbinary"`` (only as voices.yaml says) or None when unknown."""
    lines: int = 0
    """Number of dialogue segments spoken."""

    def to_json(self) -> dict:
        return {"name": self.name, "aliases": list(self.aliases), "gender": self.gender, "lines": self.lines}


@dataclass
class Script:
    """The parsed story: the contract of ``audiobook script --format json``."""

    source: str
    """File name of the source (no folders)."""
    title: str
    """Book title."""
    author: Optional[str]
    """Author, or None when unknown."""
    chapters: list[Chapter] = field(default_factory=list)
    """Chapters in reading order."""
    characters: list[Character] = field(default_factory=list)
    """Every speaker named in the segments."""

    FORMAT_VERSION = 1

    def segments(self):
        """All segments of all chapters in reading order."""
        for chapter in self.chapters:
            yield from chapter.segments

    def to_json(self) -> dict:
        return {
            "format": self.FORMAT_VERSION,
            "source": self.source,
            "title": self.title,
            "author": self.author,
            "chapters": [c.to_json() for c in self.chapters],
            "characters": [c.to_json() for c in self.characters],
        }


# --------------------------------------------------------------------------- voices
#: What each number of a VoiceSettings may be: voices.yaml is checked against these, and a
#: speech verb's change of voice is kept within them.
VOICE_RANGES = {"rate": (80, 450), "pitch": (0, 99), "volume": (0.0, 2.0)}


@dataclass(frozen=True)
class VoiceSettings:
    """How one speaker sounds: everything the engine needs for a clip."""

    voice: str
    """Engine voice id as pyttsx3 reports it, optionally with an espeak-ng variant (``gmw/en-us+f3``)."""
    rate: int = 175
    """Words per minute."""
    pitch: int = 50
    """espeak-ng pitch, 0-99 (50 is the voice's own)."""
    volume: float = 1.0
    """0.0-2.0, 1.0 is the engine's normal level."""
    speaker: Optional[str] = None
    """For a voice model with several speakers (Piper): which one, by id or name; None otherwise."""


@dataclass(frozen=True)
class Prosody:
    """How a speech verb changes the voice of the quote it tags."""

    rate: float = 1.0
    """Factor on words per minute."""
    volume: float = 1.0
    """Factor on volume."""
    pitch: int = 0
    """Offset added to pitch."""
    variant: Optional[str] = None
    """espeak-ng variant that replaces the voice's own (``whisper``), or None."""


@dataclass
class Cast:
    """Who sounds how: the narrator and one voice per speaking character."""

    narrator: VoiceSettings
    """The narrator's voice; also used for headings."""
    characters: dict[str, VoiceSettings] = field(default_factory=dict)
    """Character name (as in the script) -> voice."""
    aliases: dict[str, str] = field(default_factory=dict)
    """Alias (lower case) -> character name, from voices.yaml."""
    pauses_ms: dict[str, int] = field(default_factory=dict)
    """Pause lengths by occasion: paragraph, speaker, break, chapter."""
    read_notes: bool = False
    """Whether author's notes are spoken."""
    pov_narration: str = "character"
    """Who voices first-person narration: the POV ``character`` or the ``narrator``."""
    pronunciations: dict[str, str] = field(default_factory=dict)
    """Word -> respelling, applied to whole words of the spoken text."""
    prosody: dict[str, Prosody] = field(default_factory=dict)
    """Speech verb (lower case) -> change of voice for the quote it tags."""

    def voice_for(self, speaker: Optional[str]) -> VoiceSettings:
        """The voice of ``speaker`` (None or unknown: the narrator)."""
        if speaker is None:
            return self.narrator
        name = self.aliases.get(speaker.lower(), speaker)
        return self.characters.get(name, self.narrator)


# --------------------------------------------------------------------------- rendering
@dataclass(frozen=True)
class ClipItem:
    """One utterance to synthesize."""

    text: str
    """What to say: a sentence or a paragraph, never more."""
    voice: VoiceSettings
    """How to say it."""
    speaker: Optional[str]
    """Who says it (None: narrator); for messages and levelling."""
    source_offset: int
    """Offset in the source where the text starts, for error messages."""
    base_voice: Optional[VoiceSettings] = None
    """The speaker's voice before a speech verb changed it: clips are levelled by it, so a
    shouted line stays louder than the same character's others (None: ``voice``)."""
    gain_db: float = 0.0
    """Gain applied when the clip is stitched, so every voice sits at the same loudness."""
    shown: Optional[str] = None
    """The text as the book writes it (before respellings), for subtitles and the read-along
    EPUB; None: ``text``."""
    paragraph: int = 0
    """Paragraph of the chapter the clip belongs to, counted from 1 (a heading is one); 0 for the
    chapter's title when the chapter has no heading of its own to read it."""
    heading: bool = False
    """Whether the clip reads a heading (or the chapter's title) rather than prose."""
    after_break: bool = False
    """Whether the clip is the first after a scene break (a rule in the read-along EPUB)."""

    @property
    def display(self) -> str:
        """What a reader sees for this clip."""
        return self.shown if self.shown is not None else self.text


@dataclass(frozen=True)
class SilenceItem:
    """A pause between clips."""

    ms: int
    """Length in milliseconds."""


PlanItem = Union[ClipItem, SilenceItem]


@dataclass
class ChapterPlan:
    """What one output file will contain, in order."""

    number: int
    """1-based chapter number within the whole book."""
    title: str
    """Chapter title (tags, file name)."""
    items: list[PlanItem] = field(default_factory=list)
    """Clips and pauses in playing order."""


@dataclass(frozen=True)
class BookInfo:
    """What is known about the book as a publication: written into every output's tags."""

    title: str = ""
    """Book title (album tag, folder and file names); empty only in what the command line gives
    when it gives none."""
    author: Optional[str] = None
    """Author (artist tag), None for unknown."""
    narrator: Optional[str] = None
    """Who reads it (composer tag, ``reader.txt``), None for unnamed."""
    series: Optional[str] = None
    """Series the book belongs to, if any."""
    series_index: Optional[str] = None
    """The book's place in its series (``2``, ``2.5``), if any."""
    year: Optional[str] = None
    """Year of publication (never the date of the render, so the same input gives the same bytes)."""
    description: Optional[str] = None
    """A summary of the book (comment and description tags, ``desc.txt``)."""
    language: str = "en"
    """BCP 47 language of the text (the EPUB's ``dc:language``)."""


@dataclass
class RenderPlan:
    """The whole book as a list of chapters of clips and pauses."""

    info: BookInfo
    """The book's metadata."""
    chapters: list[ChapterPlan] = field(default_factory=list)
    """Chapters to render, in order."""
    total_chapters: int = 0
    """Number of chapters in the whole book (track n/N)."""

    @property
    def title(self) -> str:
        """Book title."""
        return self.info.title

    @property
    def author(self) -> Optional[str]:
        """Author, None for unknown."""
        return self.info.author

    @property
    def year(self) -> Optional[str]:
        """Year of publication, when known."""
        return self.info.year


@dataclass(frozen=True)
class Clip:
    """Synthesized audio for one ClipItem: 16-bit signed little-endian mono PCM."""

    pcm: bytes
    """Raw samples."""
    sample_rate: int
    """Samples per second."""

    @property
    def duration(self) -> float:
        return len(self.pcm) / 2 / self.sample_rate


@dataclass
class ChapterFile:
    """An output file written for one chapter."""

    path: Path
    """Where it was written."""
    number: int
    """Chapter number (track)."""
    title: str
    """Chapter title."""
    duration: float
    """Length in seconds."""
