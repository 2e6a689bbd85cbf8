"""Output: the encoding profile (``profile``), cached clips joined as PCM (``pcm``) and encoded
as MP3 stretches (``mp3``), one file per chapter (``chapters``), single-file books (``books``,
``m4b``), tags (``tags``), safe names and atomic writes (``files``) and the cover (``cover``)."""
