"""Rendering: the plan of clips and pauses (``plan``), every voice at one loudness (``level``),
clips made in blocks (``blocks``) by a speech engine (``engine``, ``espeak``) on worker
processes (``schedule``, ``workers``) into the clip cache (``cache``), with ``progress`` shown."""
