"""Original stories (tests/data/fanfic), each with a hand-made gold file: fan fiction as posted,
and novels' chapters in several manners. Eighty have a cast list as a reader would write it
(``<story>.voices.yaml``: names, name aliases, genders).

First the gold files are checked against their stories (every quote's offsets and text), then
each story is scored by ../shared/tools/score-script.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from parser_helpers import REPO, needs_shared, parse_text
from test_seeds import RUN

FANFIC = REPO / "tests" / "data" / "fanfic"
GOLD = sorted(FANFIC.glob("*.gold.json"))
OPEN_MARKS = "\"\u201c\u2018"
CLOSE_MARKS = "\"\u201d\u2019"


def test_there_are_at_least_four_stories():
    assert len(GOLD) >= 4


@pytest.mark.parametrize("gold", GOLD, ids=[g.stem for g in GOLD])
def test_gold_matches_its_story(gold):
    data = json.loads(gold.read_text(encoding="utf-8"))
    text = (FANFIC / data["file"]).read_text(encoding="utf-8")
    assert 400 <= len(text.split()) <= 4000
    names = {c["name"] for c in data["characters"]}
    last = -1
    for q in data["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
        line_start = text.rfind("\n", 0, q["start"]) + 1
        chat = text[line_start:q["start"]].endswith(": ")  # a line of a chat: "Jun: no you don't"
        # A speech that goes on in the next paragraph is printed without its closing mark.
        runs_on = text[q["end"]:q["end"] + 3].startswith("\n\n") and text[q["end"] + 2:q["end"] + 3] in OPEN_MARKS
        assert chat or (q["text"][0] in OPEN_MARKS and (q["text"][-1] in CLOSE_MARKS or runs_on)), q
        assert q["start"] >= last, q
        assert q["speaker"] in names, q
        last = q["end"]


#: (story, min attribution). Before any parser change for the genre (the 'unseen' figures):
#: the_understudy 0.451, north_tower 0.716, night_shift 0.346, harbour_lights 0.281.
STORIES = [
    ("the_understudy", 0.95),
    ("north_tower", 0.95),
    ("night_shift", 0.95),
    ("harbour_lights", 0.95),
    # Held out from the rules above: 0.302 before any of this work, 0.377 with them; after
    # the rules it showed were missing (titled full names, "the doctor", job roles, 0300 hours): 0.943.
    ("dead_reckoning", 0.92),
    # Written after the rules for reader-insert stories and chats, and scored before any
    # change for it: 0.737; then a chat taking no turn in the room and more given names
    # (Marcus had no gender): 0.947.
    ("lanterns", 0.92),
    # Written after all of the above and scored before any change for them: ferry 0.843,
    # letters 0.803. Then a he/she acting between two quotations of one paragraph speaks them,
    # and the posting's "Characters:" line gives full names: letters 0.842, ferry unchanged.
    # Later, "Buck" called in the talk is Bucky, and the tall woman brought in with a clipboard
    # who turns out to be Caroline Bingley has her lines: ferry 0.853, letters 0.921.
    ("ferry", 0.85),
    ("letters", 0.92),
    # Written by someone who had not seen the parser, and scored before any change for them:
    # crossing 0.784, tidewater 0.800, the_orchard 0.523 (with their cast lists 0.810, 0.789,
    # 0.538). Then "You must be Mr. Lacey" names the one spoken to, a tag's clause names nobody
    # who is its subject, a speech left open after its tag runs on, "Uncle said" is a speaker
    # and "A wave slapped the boat" after a cut-off line is not, "came Hagrid's voice" is a tag,
    # and '"Malfoy."' said flatly greets one who answers: crossing 0.828, tidewater 0.916,
    # the_orchard 0.569 (lists: 0.853, 0.905, 0.723). Then a title with its by-line under it is
    # no story, a gender vote stops at a sentence opening with another name, and "It was X who
    # spoke" hands X the floor: crossing 0.845, the_orchard 0.585 (lists: 0.853, 0.905, 0.738).
    ("crossing", 0.83),
    ("tidewater", 0.90),
    # Later, "a young man in a black coat", brought in by a description, is the curate: the_orchard
    # 0.723. Then a noun the book's tags use twice ("said the curate") is a role: 0.800.
    ("the_orchard", 0.80),
    # A third blind set, in four manners: a Victorian parsonage novel, a first-person detective
    # story, a space-opera story as downloaded from its archive, a ranch novel in dialect. Scored
    # before any change for them: parsonage 0.696, inspector 0.564, hyperspace 0.714, prairie
    # 0.782 (lists: 0.684, 0.590, 0.727, 0.859). Then a name given in a speech is never the
    # narrator's and an introduction may give the name in full, a name the tag cuts off opens
    # the speech to that person, the archive's header is no story, and "said my friend" is the
    # friend the narration named: 0.734, 0.744, 0.714, 0.782 (lists: 0.684, 0.769, 0.714, 0.821).
    # Then two listed characters are never one (parsonage's list had made mother and daughter
    # one voice, scored right for both) and the gender votes and "It was X who" above: prairie
    # 0.833 (lists: parsonage 0.709, prairie 0.833). Then one the narration has named beside
    # "the stranger" is not the stranger under another name: prairie 0.808, parsonage 0.684,
    # each lower only because a merged character had scored right for two people; counting one
    # person per character both rose (prairie with its list 63 -> 65 of 78, parsonage 51 -> 53).
    # Then a sentence of narration is no longer cut after "Mrs." ("Then Mrs. Pelham spoke." had
    # left "Pelham spoke.", her husband): parsonage 0.696 (with its list 0.747).
    # Later, people brought in by descriptions: parsonage 0.734; and a list's descriptions in
    # capitals: with its list 0.785. Then "the rector", "the rancher", nouns the tags use twice,
    # as roles: parsonage 0.747, prairie 0.833 (lists 0.785, 0.859). Then "Buck Sayre, the
    # foreman" makes the foreman's lines his, and prairie falls to 0.821: they had scored right
    # under "the foreman", and one line after them now goes another way.
    ("parsonage", 0.74),
    ("inspector", 0.73),
    ("hyperspace", 0.70),
    ("prairie", 0.82),
    # A fourth blind set, written by someone who had not seen the parser, in the seeds' fandom:
    # common_room (Marauders-era, curly quotes, a crowd and a teacher's speech over two
    # paragraphs) and burrow (next generation, first person, posted with its archive header).
    # Scored before any change for them: common_room 0.826, burrow 0.565. Then a tag of the
    # posting naming the point of view ("Rose Weasley POV") says who "I" is, and a "Notes:" line
    # of the header is a note: burrow 0.710. Then "That was Lily, then Al, then Lily again"
    # after a crowd's lines names them in order: burrow 0.783.
    # Later, "Lils" is Lily: common_room 0.841.
    ("common_room", 0.84),
    ("burrow", 0.78),
    # A fifth blind set in the seeds' fandom, written by someone who had not seen the parser:
    # last_prank (FanFiction.Net, a prank and a teacher), staff_room (a posting copied as text,
    # British single quotes, a character brought in by a description), prefects (first person,
    # POV headers switching between two narrators), leaky_cauldron (a download with no "Work
    # Text:" label, people named by description). Scored before any change for them: 0.875,
    # 0.859, 0.861, 0.585. Then the posting shapes, familiar forms called in the talk, people
    # brought in by a description and lines said by "a voice": 0.898, 0.883, 0.869, 0.746. Then
    # "That was Seamus." after a shout from upstairs: prefects 0.877. Later, "Potter" alone is
    # James Potter, not Mrs Potter: leaky_cauldron 0.762.
    ("last_prank", 0.89),
    ("staff_room", 0.87),
    ("prefects", 0.87),
    ("leaky_cauldron", 0.76),
    # And a sixth, written after all of the above: grimmauld (a crowded kitchen, twins, a
    # house-elf, a portrait shouting) and extra_shot (Marvel, present tense, chat lines, comms):
    # scored before any change for them, 0.740 and 0.843; then the one called last answers: 0.764.
    ("grimmauld", 0.76),
    ("extra_shot", 0.84),
    # And two more, written after all of the above: heron (present tense, a Floo call, a crowd of
    # four adults, a voice named before its line) and yoo_hoo (BBC Sherlock, first person, British
    # single quotes, a client brought in by a description). Scored before any change for them:
    # 0.734 and 0.883; then a voice named before its line, and one brought in acting in the
    # narration and naming herself in a later quotation: 0.773 and 0.914.
    ("heron", 0.77),
    ("yoo_hoo", 0.91),
    # Two openings of novels in the manner of the public-domain ones, written blind after all
    # of the above, each with the list of characters its front matter would print: wellow (an
    # 1880s country house, a deaf uncle, a table of seven) and red_butte (an 1890s frontier
    # story told in the first person, dialect, strangers on a stage known by description).
    # Scored before any change for them: 0.762 and 0.504 (with their lists 0.754 and 0.538).
    # Then a cast list's descriptions in capitals ("The Woman in Grey"), a word heard only in the
    # talk renaming no one ("State, mister"), a listed full name's given name, and "her sister"
    # no Mrs.: 0.762 and 0.605 (lists 0.770 and 0.613). Then two brought in by one noun kept
    # apart, and "In the corner was a man" bringing one in: red_butte 0.714. Then "the drummer",
    # twice in tags, a role: 0.723 (with its list 0.664).
    ("wellow", 0.77),
    ("red_butte", 0.72),
    # Four more openings in that manner, written blind after all of the above, each with its
    # printed list: moorgate (an 1890s detective and his friend, a client and her aunt, a page-boy,
    # an inspector), gullwing (a sea story in the first person, a crew known by roles and
    # nicknames), maple_hill (a small-town family at supper, a hired girl, a schoolmaster brought
    # in by a description) and fallowfield (villagers at an inn, dialect, a pedlar named last).
    # Scored before any change for them: 0.775, 0.524, 0.760, 0.694 (lists 0.884, 0.548, 0.800,
    # 0.730). Then a voice answering a call by name is the one called: maple_hill 0.768 (0.816);
    # and "Voke" alone is Jacob Voke, not Mrs. Voke: fallowfield 0.721; and "My name is Clara
    # Ashdown, Mr. Quarrender", the name broken across two lines, names the young woman:
    # moorgate 0.853; and "Simeon Crouch the miller", "Abel Tidy the parish clerk": fallowfield
    # 0.748 (0.739).
    ("moorgate", 0.85),
    ("gullwing", 0.58),
    ("maple_hill", 0.76),
    ("fallowfield", 0.74),
    # And four more, written blind after those, with no list in the text but one as a study
    # guide would publish it: hollins_court (an 1860s sensation novel, a governess, servants),
    # sweetwater (a Western bunkhouse, nicknames), zarechye (a Russian novel in translation,
    # patronymics and pet names), pumphrey (an 1840s comic boarding-house dinner, epithets).
    # Scored before any change for them: 0.758, 0.648, 0.722, 0.654 (lists 0.774, 0.766,
    # 0.746, 0.669). Then the voice answering a call: pumphrey 0.669 (0.685). Then "his sister"
    # is no man: zarechye 0.714, one line fewer only because the major, merged with her, had
    # scored right for a line of hers.
    ("hollins_court", 0.75),
    ("sweetwater", 0.69),
    ("zarechye", 0.71),
    ("pumphrey", 0.66),
    # And four more, written blind after every rule above and scored before any change for them:
    # st_aldric (a public-school study, nicknames), long_island (a 1920s party told by a young
    # man), drumlie (a Scottish village, Scots speech, farmers called by their farms) and
    # ravensholt (a country-house death, an inspector questioning the household): 0.654, 0.600,
    # 0.764, 0.792 (with study-guide lists 0.661, 0.680, 0.745, 0.792). Then the inspector is no
    # longer renamed the nephew when someone greets "Mr. Stanier" after him: ravensholt 0.784,
    # one fewer only because the merged pair had scored right for a line of each. Later the roles
    # a book's tags teach are read from the tags the parser finds, not by patterns of their own,
    # which also catch "the mate", "the prefect", "the Kid" and "the rector" said before the line:
    # gullwing 0.589 (0.637), st_aldric 0.693 (0.685), sweetwater 0.695, wellow 0.778 (0.786).
    ("st_aldric", 0.69),
    ("long_island", 0.60),
    # drumlie 0.755 since one called in a sentence answers though the narration never named
    # them: a name shouted across the yard ("Wattie Kinnear!") now goes to the one called before
    ("drumlie", 0.75),
    ("ravensholt", 0.78),
    # And four more, written blind after every rule above (the one turned to answers included)
    # and scored before any change for them: saltmarsh (an 1880s sea story told by a boy who
    # speaks, a one-legged cook known by a nickname, the mate by his role), aldersey (four sisters,
    # their mother and an aunt in one room), wykeham_lane (a school story, nicknames, a new boy
    # named late) and cressingham (a comedy of manners, titles, rapid untagged talk): 0.714,
    # 0.703, 0.664, 0.655 (with study-guide lists 0.729, 0.710, 0.664, 0.716).
    ("saltmarsh", 0.71),
    ("aldersey", 0.70),
    ("wykeham_lane", 0.66),
    ("cressingham", 0.65),
    # And four more, written blind after the rules drawn from those four (a speaker who says who
    # they are, line breaks no longer counting) and scored before any change for them: wrenfield
    # (an 1870s governess tells it, three children with pet names), lone_pine (an 1880s mining
    # camp, men known by nicknames, dialect), almoner (a 1910s hospital ward, "Sister" and "Sir",
    # patients by their beds) and brackenmoor (an 1890s Yorkshire farm family, "the master" and
    # "the missis", broad dialect): 0.650, 0.658, 0.604, 0.659 (with study-guide lists 0.593,
    # 0.678, 0.576, 0.543: the list costs three of the four).
    ("wrenfield", 0.65),
    ("lone_pine", 0.65),
    ("almoner", 0.60),
    ("brackenmoor", 0.65),
    # And four more, written blind after the rules drawn from those four (a noun-known speaker
    # answering a call, "the ..." forms on stage) and scored before any change for them: steamer
    # (a 1900s coastal steamer, a doctor travelling under another name, Scots dialect), lodgings
    # (a 1920s boarding house, told by a clerk, lodgers known by nicknames), gannet_point (an
    # 1850s New England village, "Barnacle" the harbour master, a Portuguese sailor) and
    # fourth_form (a 1930s girls' school, nicknames and surnames, quick untagged talk): 0.779,
    # 0.808, 0.685, 0.608 (with study-guide lists 0.772, 0.815, 0.705, 0.642).
    ("steamer", 0.77),
    ("lodgings", 0.80),
    ("gannet_point", 0.68),
    ("fourth_form", 0.60),
    # And four more, written blind after the listed-cast and "who"-clause rules of the stop before
    # and scored before any change for them (688eb84): fogbound (an 1890s detective story told by
    # his companion, a cabman and an urchin), spanish_main (a 1720 sea story, a stowaway girl, a
    # one-eyed bosun known by a nickname), maple_street (a 1910 small town, an orphan, two aunts,
    # a hired man in dialect) and netherfold (a Regency courtship comedy, four sisters, a ball):
    # 0.757, 0.768, 0.676, 0.709 (with study-guide lists 0.757, 0.754, 0.727, 0.724).
    ("fogbound", 0.75),
    ("spanish_main", 0.76),
    ("maple_street", 0.72),  # 0.734 before "Aunt Hester" was "Miss Hester" too
    ("netherfold", 0.71),
    # And four more, written blind after those rules and scored before any change for them
    # (3bf37bd): ashcombe (a Regency country house, a widow, three daughters, a meddling aunt,
    # letters read aloud), wheal_jenny (a Cornish mining village, dialect, a voice from the
    # settle), fleet_court (an 1890s newspaper office, a cab ride, a baronet's secretary) and
    # hickory_run (an 1870s Ohio farm, a peddler, a barn raising): 0.660, 0.694, 0.717, 0.736
    # (with study-guide lists 0.743, 0.744, 0.752, 0.797).
    ("ashcombe", 0.67),
    ("wheal_jenny", 0.71),
    ("fleet_court", 0.73),
    # hickory_run 0.777 since a pedlar's sign read aloud ("'H. TUBBS. YANKEE NOTIONS ...'") calls
    # nobody: the line after it had gone to Tubbs by that mistake
    ("hickory_run", 0.77),
    # And eight more, written blind and scored before any change for them: lanternhill (a
    # Pennine mill town, a strike meeting), ballarat_road (a gold-rush coach road), skeena_camp
    # (a British Columbia logging camp), kilcarrig (an Irish big house, a land agent) at 0020e27,
    # 0.755, 0.803, 0.653, 0.837; tollgate (a turnpike keeper's family), pelican_row (a Thames
    # boatyard), orchard_end (a Kentish hop farm) and coldharbour (a London settlement house) at
    # 8e1e464, 0.690, 0.793, 0.792, 0.730.
    ("lanternhill", 0.74),
    ("ballarat_road", 0.79),
    ("skeena_camp", 0.67),
    ("kilcarrig", 0.82),
    ("tollgate", 0.68),
    ("pelican_row", 0.78),
    ("orchard_end", 0.78),
    ("coldharbour", 0.72),
    # And four written blind at the start of the next stop and kept out of its work until its
    # end: elm_hollow (a New England widow's family), cricket_green (a village cricket club),
    # glen_orrin (a Highland estate, Scots speech) and thornbury (a governess's first-person
    # mystery). First contact (3b5edee): 0.786, 0.778, 0.722, 0.824; with that stop's rules the
    # same in sum (elm_hollow +2, glen_orrin -2); then "said the Englishman" (glen_orrin +2).
    ("elm_hollow", 0.79),
    ("cricket_green", 0.77),
    ("glen_orrin", 0.71),
    ("thornbury", 0.81),
    # And four written blind during that stop and not looked at before its end: quarry_hill (a
    # Welsh slate village), river_bend (a steamboat, first person), bellhaven (a seaside boarding
    # house) and ashby_row (a solicitor's office). At its end (8477026): 0.718, 0.831, 0.827,
    # 0.701; the code from before it: 0.702, 0.831, 0.812, 0.688.
    ("quarry_hill", 0.69),  # 0.718 while the porter was joined to Evan Rowlands, whose first lines he had
    ("river_bend", 0.82),
    ("bellhaven", 0.81),
    ("ashby_row", 0.69),
    # And five written blind at the start of the stop after, and not looked at until its rules
    # were in: quenby_house (a mid-Victorian country house), wagon_ford (a wagon train at a
    # river), cathedral_close (a 1920s inspector's interviews), larkspur (three sisters at
    # table, 1905) and apprentice (a ship's apprentice, first person). At first contact
    # (9ef1a82): 0.786, 0.770, 0.652, 0.799, 0.576; with that stop's rules (3f2558c): 0.821,
    # 0.813, 0.652, 0.799, 0.590. apprentice 0.646 once the narrator's "Nat Hollis, from
    # Liverpool" was no call to him.
    ("quenby_house", 0.81),
    ("wagon_ford", 0.80),
    ("cathedral_close", 0.64),
    ("larkspur", 0.79),
    ("apprentice", 0.64),
    # And four written blind in the middle of that stop, after all its rules but one, and not
    # looked at until its end: polar_sea (an Arctic expedition), harrowgate (a sensation novel told
    # by a companion, first person), tinkers_fair (an Irish horse fair) and mill_race (a Lancashire
    # mill town). At first contact (3a52ee2) and at the stop's end the same: 0.783, 0.735, 0.764,
    # 0.818; the code from before that stop: 0.741, 0.714, 0.757, 0.811.
    ("polar_sea", 0.77),
    ("harrowgate", 0.72),
    ("tinkers_fair", 0.75),
    ("mill_race", 0.80),
    # And four written blind at the start of the stop after that, and not looked at until its end:
    # copper_creek (an 1880s copper camp), weir_cottage (an Edwardian detective story told by his
    # friend), lamplighter (1840s London streets, Cockney) and brindle_moor (1850s Yorkshire moor
    # farm, dialect). At first contact (cc03676) 0.778, 0.669, 0.715, 0.755 (423 of 580); at that
    # stop's end 0.750, 0.683, 0.736, 0.755 (424).
    ("copper_creek", 0.74),
    ("weir_cottage", 0.67),
    ("lamplighter", 0.72),
    ("brindle_moor", 0.74),
]

#: (story, min attribution) with the story's cast list given as its voices.yaml.
# parsonage 0.785 before a listed description in the narration ("the Squire") brought its
# character on stage (cressingham +7): here after the name named later in the paragraph; and
# 0.772 before one brought in by a description counted with a list too (fanfic lists +26): its
# "a young man with a young wife", the rector's youth, became someone a "said he" went to.
# The same change took moorgate from 0.884 (its "The first to enter was a stout lady in ..." is
# no one brought in, the young woman behind her is, and "demanded the stout lady" went to her)
# and long_island from 0.688 ("I remembered a thin, laughing girl in a veil", a memory).
WITH_LIST = [("crossing", 0.84), ("tidewater", 0.89), ("the_orchard", 0.81), ("parsonage", 0.73),
             ("inspector", 0.75), ("hyperspace", 0.70), ("prairie", 0.85),
             # lists written after the stories' first contact; before the POV tag: 0.870 and 0.580
             ("common_room", 0.86), ("burrow", 0.73),
             # lists written after first contact
             ("last_prank", 0.93), ("staff_room", 0.89), ("prefects", 0.87), ("leaky_cauldron", 0.77),
             ("grimmauld", 0.76), ("extra_shot", 0.88), ("heron", 0.83), ("yoo_hoo", 0.88),
             # lists as the books' front matter prints them
             # red_butte 0.672 before "the drummer" answered to "Silas" (the call before his
             # reply) rather than "Danny" (the call after it); with the list the boy Danny is no
             # one of his own, and his lines had gone to the drummer as "Danny" by chance
             ("wellow", 0.78), ("red_butte", 0.65),
             ("moorgate", 0.86), ("gullwing", 0.63), ("maple_hill", 0.81), ("fallowfield", 0.73),
             # lists as a study guide would publish them
             # pumphrey 0.693 before the subject of a joined last clause acted last ("Everybody looked
             # at the second floor, and the second floor looked at his mutton." / "I beg your pardon,
             # sir?", which is Mr. Pumphrey's): -2
             ("hollins_court", 0.77), ("sweetwater", 0.76), ("zarechye", 0.74), ("pumphrey", 0.67),
             ("st_aldric", 0.68), ("long_island", 0.66), ("drumlie", 0.74), ("ravensholt", 0.79),
             ("saltmarsh", 0.72), ("aldersey", 0.71), ("wykeham_lane", 0.66), ("cressingham", 0.71),
             # almoner 0.576 at first contact, 0.569 since one known by a noun who gives their
             # name mid-speech turns out to be them (+7 without the list, -1 with it)
             ("wrenfield", 0.59), ("lone_pine", 0.67), ("almoner", 0.56), ("brackenmoor", 0.54),
             ("steamer", 0.77), ("lodgings", 0.81), ("gannet_point", 0.70), ("fourth_form", 0.64),
             ("fogbound", 0.75), ("spanish_main", 0.75), ("maple_street", 0.76), ("netherfold", 0.73),
             ("ashcombe", 0.75), ("wheal_jenny", 0.76), ("fleet_court", 0.77), ("hickory_run", 0.79),
             # first contact 0.741, 0.817, 0.674, 0.830, 0.710, 0.834, 0.785, 0.804
             ("lanternhill", 0.73), ("ballarat_road", 0.80), ("skeena_camp", 0.68), ("kilcarrig", 0.82),
             ("tollgate", 0.70), ("pelican_row", 0.82), ("orchard_end", 0.77), ("coldharbour", 0.79),
             # first contact 0.814, 0.812, 0.757, 0.817; glen_orrin 0.729 since one called in a
             # sentence answers though never named ("Kirsteen, bring the laird a drink of milk.")
             ("elm_hollow", 0.82), ("cricket_green", 0.80), ("glen_orrin", 0.72), ("thornbury", 0.81),
             # at first sight 0.771, 0.809, 0.805, 0.743 (before that stop 0.756, 0.809, 0.805, 0.729)
             ("quarry_hill", 0.74), ("river_bend", 0.80), ("bellhaven", 0.79), ("ashby_row", 0.73),
             # first contact 0.766, 0.777, 0.644, 0.757, 0.667; at 3f2558c 0.800, 0.791, 0.644, 0.743, 0.667
             # (apprentice 0.722 since)
             ("quenby_house", 0.79), ("wagon_ford", 0.78), ("cathedral_close", 0.63), ("larkspur", 0.73),
             ("apprentice", 0.71),
             # first contact and at the stop's end 0.776, 0.721, 0.799, 0.804 (before it 0.762, 0.721,
             # 0.785, 0.804)
             ("polar_sea", 0.76), ("harrowgate", 0.71), ("tinkers_fair", 0.79), ("mill_race", 0.79),
             # first contact 0.764, 0.731, 0.750, 0.789 (440 of 580); at the stop's end 0.736, 0.745,
             # 0.771, 0.789 (441)
             ("copper_creek", 0.72), ("weir_cottage", 0.73), ("lamplighter", 0.76), ("brindle_moor", 0.77)]


@pytest.mark.parametrize("story,attribution", STORIES)
def test_story_scores(story, attribution):
    tool = needs_shared("tools", "score-script")
    proc = subprocess.run(
        [sys.executable, str(tool), str(FANFIC / f"{story}.gold.json"), "--run", RUN,
         "--min-attribution", str(attribution), "--min-quotes", "1.0", "--min-coverage", "1.0"],
        capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("story,attribution", WITH_LIST)
def test_story_scores_with_its_cast_list(story, attribution):
    tool = needs_shared("tools", "score-script")
    run = f"{RUN} --voices {FANFIC / (story + '.voices.yaml')}"
    proc = subprocess.run(
        [sys.executable, str(tool), str(FANFIC / f"{story}.gold.json"), "--run", run,
         "--min-attribution", str(attribution), "--min-quotes", "1.0", "--min-coverage", "1.0"],
        capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr


#: Stories where one person still has two names the parser cannot link without a cast list.
SPLIT = {"the_orchard": "the curate is Mr. Lacey and Miss Ashworth is Eleanor, which the text never says outright",
         "harbour_lights": "'Frank', as the harbourmaster calls Mr. Quinn and as he says he may be called, stays "
                           "apart from him",
         "burrow": "'Dad', as Rose calls Ron, stays apart from Ron Weasley, who is given his lines once his "
                   "wife's call ('Ron, what did you do to the gravy?') makes him the one who answers",
         # Faults still open, each found by this test on the third blind set:
         "parsonage": "the Squire stays apart from Mr. Thornhaugh, and Eleanor from Eleanor Pelham",
         "inspector": "Mr. Julius Voss, only spoken of, is given a line",
         "hyperspace": "C-3PO and Threepio, the droid's nickname, stay two characters",
         "prairie": "the stranger stays apart from Carrick, and the boy from Davy Harlan",
         # and on the fourth:
         "common_room": "Moony, Remus's nickname among his friends, stays a character apart from Remus Lupin",
         # and on the fifth and sixth:
         "last_prank": "Prongs and Padfoot, nicknames called in the talk, stay apart from James and Sirius",
         "staff_room": "the thin wizard, brought in by a description, stays apart from Pettifer, who names "
                       "himself only with his office after it ('I am Mr Pettifer, Senior Inspector')",
         "prefects": "the Slytherin girl stays apart from Pansy Parkinson, whom the narrator recognises later",
         "grimmauld": "Molly, as Sirius calls her, stays apart from Mrs Weasley: no Molly Weasley in the text",
         "leaky_cauldron": "the man behind the counter stays apart from Mr Mulpepper",
         "heron": "'Minister' and 'Miss Weasley', called so in the talk, stay apart from Kingsley and Ginny",
         "yoo_hoo": "Arthur Strand, the client's father, only spoken of, is given a line",
         "wellow": "without the list, Theodore and 'her sister' stay apart from Mr. Pym and Cecily",
         "red_butte": "see MERGED; and the lean man stays apart from Jake Tolliver, named only later",
         # and on the four openings after them:
         "moorgate": "the stout lady stays apart from Mrs. Pennyfeather, and the boy from Alfred",
         "gullwing": "see MERGED; the man who rows the narrator out stays apart from Zeke Mott, whom the mate hails",
         "maple_hill": "see MERGED",
         "fallowfield": "the pedlar stays apart from Daniel Wren, the name he gives last",
         # and on the four after them:
         "hollins_court": "see MERGED; Honoria stays apart from Lady Cressing, and the man from Jem Dowling",
         "sweetwater": "see MERGED; nicknames (Peewee, Happy) stay apart from full names, and the foreman, the "
                       "cook and the stranger from the names they turn out to have",
         "zarechye": "see MERGED; pet names (Kolya, Seryozha, Mitya) stay apart from the full names, as does "
                     "'his wife' from Anna Petrovna",
         "pumphrey": "the landlady and the niece stay apart from Mrs. Gudgeon and Miss Budd; the lodger on the "
                     "second floor, named last, from Mr. Crake",
         # and on the last four:
         "st_aldric": "nicknames (Cinders, Sprat, the Bosun) stay apart from surnames, and the matron and the "
                      "prefect from Mrs. Haskett and Calloway",
         "long_island": "Madge, a pet name, stays apart from Margery Stroud, and the butler and the maid from "
                        "Pollard and Bessie",
         "drumlie": "see MERGED; the post-mistress stays apart from Kirsty Rattray, and the farm name "
                    "Whinnyknowe from James Kinnear",
         "ravensholt": "the inspector stays apart from Detective-Inspector Faulds: a title joined by a hyphen",
         # and on the four after them:
         "saltmarsh": "the cook stays apart from Hopper, his nickname, and the Cornishman from Ned Pascoe",
         "aldersey": "Miss Aldersey stays apart from Honor, 'their mother' from Mrs. Aldersey, the stranger "
                     "from Francis Wray, 'Aunt Harriet' from Lady Marchmont; 'the urn' that begins to hiss "
                     "after a tag is given a line; the gold writes the vicar 'the Reverend Septimus Pryor'",
         "wykeham_lane": "'Fox', Dick Pennefather's nickname, stays apart from him, as do the matron and 'the "
                         "Duchess' from Mrs. Pargeter, and 'the man' from the porter",
         "cressingham": "see MERGED; 'Frederick' stays apart from Lord Harborough, 'Miss Pellew' and 'the girl' "
                        "from Dorothy, 'the butler' from Porlock, and 'his aunt' from Lady Cressingham",
         # and on the four after them:
         "wrenfield": "see MERGED; 'Mouse' stays apart from Dorothea, 'the curate' from Mr. Fenn, 'the boy' "
                      "from Robert, 'Aunt Lavinia' from Mrs. Chalcott",
         "lone_pine": "'Doc' stays apart from Dr. Tolliver, 'the assayer' from Edward Carver, 'the "
                      "schoolmistress' from Miss Prescott, 'the big red-bearded man' from Harrigan, and a "
                      "miner called 'the short, deep-chested man' is nobody the gold names",
         "almoner": "see MERGED; 'Ashes' stays apart from Ruth Ashdown, 'the house surgeon' from Dr. Venn, "
                    "'the physician' from Sir Hector, 'the nurse' from Kitty Pell, 'the child' from Annie Coker",
         "brackenmoor": "see MERGED; 'the master' stays apart from Abel Thwaite, 'the missis' and 'her mother' "
                        "from Mrs. Thwaite, 'Lal' from Alice",
         # and on the four after them:
         "steamer": "'Mr. Grant', the name the doctor travels under, stays apart from Alan Ferrier; the "
                    "purser and 'Toby Pringle' from Mr. Tobias Pringle; the girl from Lucy Bellingham; 'the "
                    "boy' from Tam, and the chief engineer from Mr. Gilchrist",
         "lodgings": "nicknames ('Tinkles', 'Penny', 'Grandpa') stay apart from Mr. Fitch, Arthur Pennick and "
                     "Josiah Tebbutt; the landlady from Mrs. Crouch",
         "gannet_point": "see MERGED; 'Barnacle' stays apart from Captain Hallett, 'the sailor' and 'the "
                         "stranger' from Manoel Rosa, 'the widow' and 'Widow Swain' from Lydia Swain",
         "fourth_form": "'Dorothy Ormerod' stays apart from Toby, the porter and 'the man' from Dobbs, "
                        "'Mam'selle' from Mademoiselle Dupré",
         # and on the four after them:
         "fogbound": "'the cabman' stays apart from Jem Tolley, and 'the boy' from Alfred Dunn, the urchin "
                     "called 'the Sparrow'",
         "spanish_main": "'the bosun' and 'Deadlight', his nickname, stay apart from Amos Crake, and 'the "
                         "surgeon' from Ambrose Fennimore",
         "maple_street": "'Miss Lavinny' stays apart from Lavinia Pettibone, 'Mr. Crockett' from Zenas "
                         "Crockett, the minister from Mr. Goodale; Deuteronomy the horse and Lucy Pettibone, the girl's dead mother, are "
                         "given lines (called in the talk), and the hired man brought in by a description "
                         "is 'the man'",
         "netherfold": "'his lady' and 'their mother' stay apart from Mrs. Merriott, 'Miss Merriott' from "
                       "Anne, 'Harriet' from 'Hetty'",
         # and on the four after them:
         "ashcombe": "'her ladyship' stays apart from Lady Pell, 'the widow' from Mrs. Ashcombe, 'Miss "
                     "Ashcombe' from Eleanor, 'the clergyman' from Septimus Lark; Mr. Denbury, 'the "
                     "gentleman in grey' when he comes in, is 'the gentleman'",
         "wheal_jenny": "'the parson' stays apart from Mr. Penhallow, 'his wife' from Loveday Pascoe, 'the "
                        "captain' from Cap'n Trevaskis, whose full name stands apart again",
         "fleet_court": "'the editor' stays apart from Josiah Crake, 'Nell' from Miss Eleanor Ashdown, 'the "
                        "boy' from Alfred Mudge, 'the secretary' from Gilbert Sowerby, and the cabman is "
                        "three: 'the driver', 'the cabman' and 'the man'",
         "hickory_run": "'the peddler' stays apart from Hiram Tubbs, 'her mother' from Martha Whitlock, 'the "
                        "girl' from Susannah, 'Delia' from Mrs. Haskett, 'the man' from Ab Pruitt, 'the "
                        "woman' from Miss Lydia Carrow",
         # and on the eight after them:
         "lanternhill": "'Brackett' stays apart from Thomas Brackett, 'the solicitor' from Mr. Cuthbert Lomax, "
                        "'Mr. Dancer' from Happy Alf Dancer, 'the maid' from Lucy Ferris; 'Bills' (posters) is "
                        "given lines",
         "ballarat_road": "see MERGED; 'Kit' and 'Ned' stay apart from Christopher and Edmund Hale, 'the "
                          "trooper' from Mr. Dawlish",
         "skeena_camp": "see MERGED; 'the boss' stays apart from Angus McRae, 'the cook' from Baptiste "
                        "Ouellette; Mrs. Hebden and St. Jerome, only spoken of, are given lines",
         "kilcarrig": "'the master' stays apart from Hugh Considine, 'Michael' from Mulcahy, 'the "
                      "priest' from Father Tobias Daly; a letter read aloud goes to 'the gentleman'",
         "tollgate": "see MERGED; the highwayman is seven (Lucius Fane, the captain, the stranger, the rider, "
                     "the voice from the dark, the horseman, the highwayman), and 'the ostler', 'her "
                     "grandfather' and 'the guard' stay apart from Jem Budge, Abel Pell and Ned Hobday",
         "pelican_row": "'Liz' stays apart from Eliza, 'the lady' from Miss Verrall, 'the pawnbroker' from "
                        "Solomon Grist, 'the curate' from Mr. Pennefeather, 'the neighbour' from Mrs. Doyle; "
                        "'the Committee Martha Pellow' is read as a name apart from Mrs. Pellow",
         "orchard_end": "'the postmistress' stays apart from Agnes Pollard, 'the constable' from Tom Varley, "
                        "'Nurse Cob' from Nurse Cobbold",
         "coldharbour": "see MERGED; 'Tom' stays apart from Thomas Pardy, 'Bride Pardy' and 'her mother' from "
                        "Mrs. Pardy, 'the schoolmistress' from Clara Whitten, 'the merchant' from Josiah Keats",
         # and on the four after them:
         "elm_hollow": "see MERGED; 'Aunt Crete' stays apart from Lucretia Pratt, 'the minister', 'the "
                       "stranger' and the tall young man in the buggy from Mr. Thayer; Uncle Silas, whose "
                       "letter is read aloud, is given its lines",
         "cricket_green": "see MERGED; 'Geoffrey' stays apart from Mr. Tallis, 'the vicar' from the Reverend "
                          "Septimus Hale, 'the old man' from Amos Dibble, 'the blacksmith' from Jabez Pook",
         "glen_orrin": "'the factor' stays apart from Duncan Macrae, 'the Englishman' from Reginald Thorold, "
                       "'the shepherd' from Angus Munro",
         "thornbury": "'the master' stays apart from Mr. Thorne, 'the gentleman' from Fenwick, 'the girl' from "
                      "Kitty Dunn, 'Miss Louisa' from Miss Thorne, 'the housekeeper' from Mrs. Prideaux",
         # and on the four after them:
         "quarry_hill": "see MERGED; 'his father' stays apart from Evan Rowlands, 'the minister' from Idris "
                        "Pugh, 'the lady' from Mrs. Greaves, and the manager is four: Greaves, Robert, 'the "
                        "driver' and 'the manager'",
         "river_bend": "'the young lady' stays apart from Celia Marchbanks, 'Aunt Prue' from Mrs. Oakes, 'the "
                       "pilot' from Silas Rudd, 'the Irishman' from Mike Dolan",
         "bellhaven": "see MERGED; 'Mr. Albert Finch' and 'Albert Finch' stay two, as do 'Miss Tibbits' and "
                      "'Araminta'",
         "ashby_row": "see MERGED; 'the lawyer' stays apart from Mr. Pennefather, 'the stranger' from Sergeant "
                      "Gorringe, 'the widow' from Mrs. Henry Vane, 'Nibs' from Samuel Dobbs; Mr. Crane, the "
                      "partner only spoken of, is given lines",
         # and on the five after them:
         "quenby_house": "see MERGED; Hugh Ferrars is also 'her brother' and 'Captain Ferrars', Letitia also "
                         "'the lady', Mrs. Crabbe 'the housekeeper', Pettigrew 'the lawyer', Rose Tallent 'Rose'",
         "wagon_ford": "see MERGED; Martha Hale stays apart from 'the widow', Jubal Creed from 'Jube', Captain "
                       "Ward from 'Cap'n', Ruth Tolliver from 'the girl'",
         "cathedral_close": "'the cook' stays apart from Mrs. Lumb, and 'the widow' from Edith Harrowby",
         "larkspur": "see MERGED; Geoffrey Hale is also 'the man' and, as the deaf aunt hears him, 'Mr. Pale'; "
                     "'Prim' and 'the girl' stay apart from Primrose, 'Aunt Lavinia' from Mrs. Throgmorton",
         "apprentice": "'Tom' stays apart from Mr. Lowrie, and 'the girl' from Margaret Dunlin",
         # and on the four after them, where a calling stays apart from the titled name of its holder:
         "polar_sea": "'Ned' stays apart from Captain Halloran, 'Robert' from Mr. Strang, 'the ice-master' from "
                      "Mr. Meiklejohn, 'the surgeon' from Dr. Pennock, 'Slushy' from Samuel Tibbets",
         "harrowgate": "'Mademoiselle Lyle' stays apart from Margaret Lyle, 'the aunt' from Mrs. Pollexfen, 'the "
                       "girl' from Clara Venn, and Hortense Duval is also 'the woman', 'the maid' and 'the "
                       "Frenchwoman'",
         "tinkers_fair": "'Mr. Dillane' stays apart from Gerald, 'Long Malachy' from Malachy Ward, 'the girl' "
                         "from Nora Ward, 'the priest' from Father Conneely, 'the widow' and 'Honoria Burke' "
                         "from Mrs. Dillane",
         "mill_race": "see MERGED; 'the mill-owner' stays apart from Abel Hargreave, 'Kitty' from Catherine "
                      "Hargreave, 'the preacher' and 'the stranger' from Ezra Whitworth, 'the girl' from Nance "
                      "Tattersall",
         # and on the four of the stop after, again mostly a calling kept apart from its holder:
         "copper_creek": "'the schoolmistress' stays apart from Harriet Lisle, 'the cook' from Wing Lee, 'the "
                         "saloon keeper' and 'Deacon' from Silas Burkett",
         "weir_cottage": "see MERGED; 'the constable' stays apart from Amos Pidgeon, 'the butler' from Quennell, "
                         "'Letty' and 'his sister' from Miss Ashdown",
         "lamplighter": "see MERGED; 'the lamplighter' stays apart from Abel Penhallow, 'the pawnbroker' from "
                        "Josiah Crouch, 'the seamstress' and 'the quiet voice from the stair' from Letty Marsh, "
                        "'the magistrate' from Mr. Fairbrother",
         "brindle_moor": "see MERGED; 'the housekeeper' stays apart from Martha Sugden, 'Ned' from Edmund "
                         "Crowther, 'the curate' and 'the stranger' from Mr. Pennock"}


@pytest.mark.parametrize("story", [s for s, _ in STORIES if s not in SPLIT])
def test_one_character_per_person(story):
    """Every character given lines is one gold person, and no gold person is two characters
    (Jonny and Jonathan, Ms. H and Ms. Henderson, my mum and Mrs. Okoro): one voice each."""
    data = json.loads((FANFIC / f"{story}.gold.json").read_text(encoding="utf-8"))
    script = parse_text((FANFIC / data["file"]).read_text(encoding="utf-8"), data["file"])
    gold = {p["name"]: {_key(a) for a in [p["name"]] + p["aliases"]} for p in data["characters"]}
    matched: dict[str, list[str]] = {}
    for c in script.characters:
        if c.lines == 0:
            continue
        names = {_key(a) for a in [c.name] + list(c.aliases)}
        people = [g for g, keys in gold.items() if names & keys]
        assert len(people) == 1, (c.name, c.aliases, people)
        matched.setdefault(people[0], []).append(c.name)
    assert all(len(v) == 1 for v in matched.values()), matched


#: Stories where one character still stands for two people, and why.
MERGED = {"parsonage": "without a list, Mrs. Pelham and her daughter Eleanor Pelham are taken for one person, and "
                        "'her mother' for the maid Hannah",
          "red_butte": "Hank Morrow takes 'the boy', his son Danny",
          "gullwing": "'the boy', whose first line goes to the mate, is one with Mr. Cragg",
          "maple_hill": "'Dr. Thayer', the father, is joined to his son Benjamin Thayer",
          "hollins_court": "'his master' goes to the captain, not the master of the house; the governess and "
                           "the maid are one 'the girl'",
          "sweetwater": "'the Kid' is joined to Miss Lenore",
          "zarechye": "'the nurse' is joined to Vera Nikolayevna",
          "drumlie": "'the minister' is joined to Wattie Kinnear, the farmer's son",
          "cressingham": "'his lordship' is joined to Mrs. Tibbett, and 'her ladyship' to Mr. Pellew",
          "wrenfield": "'Bobs' (Robert) takes the curate's 'the young man', 'his sister' and 'her sister' go to "
                       "the housekeeper and to the aunt, 'his father' to the curate",
          "almoner": "'the man' is both the porter and the patient Joseph Coker",
          "brackenmoor": "'his father' is joined to the cousin Walter Ackroyd (who is called by name in the "
                         "reply), and 'Thwaite' to Mrs. Thwaite",
          "steamer": "'Bellingham' goes to the daughter as well as the mother's 'Mrs. Bellingham'; 'the "
                     "widow' is joined to 'Toby Pringle', called by name right after she spoke",
          "lodgings": "'her father' (the landlady's, Mr. Tebbutt) is joined to Major Blount",
          "gannet_point": "'his brother' stands for both Swain brothers",
          "fourth_form": "'Dorothy Ormerod' takes 'the girl', whose lines are Philippa's as well as Toby's",
          "fogbound": "'the woman', the client come in as the landlady withdrew, is joined to Mrs. Threlfall: "
                      "the landlady's line from the landing went to her by turns, and the reply calling "
                      "Mrs. Threlfall then named her so",
          "hickory_run": "Amos Whitlock is called 'Mr. Whitlock', a name the gold gives his son Eli as well",
          # and on the eight after them:
          "ballarat_road": "Christopher Hale takes 'Mr. Hale', a name the gold gives his brother Edmund as well",
          "skeena_camp": "'the teamster' is joined to Angus McRae, and 'the girl' to Toronto (Arthur Lindsay's "
                         "nickname)",
          "tollgate": "'Miss Merridew', the elder sister, is joined to Miss Clementina, and 'her sister' "
                      "stands for either",
          "coldharbour": "Elias Pardy takes 'Mr. Pardy', a name the gold gives his son Thomas as well, and "
                         "'the girl' is joined to Clara Whitten",
          "elm_hollow": "Mrs. Hollis, the widow, is joined to her daughter Hetty Hollis",
          "cricket_green": "Miss Hale takes 'Hale', the surname of her brother the vicar as well",
          # and on the four after them:
          "quarry_hill": "Margaret Rowlands takes 'Miss Rowlands', her daughter Gwen's name",
          "bellhaven": "'the lady' is joined to Albert Finch, and 'her sister' stands for either Miss Tibbits",
          # a noun character long in the talk renamed by a line that gives a newcomer's name:
          "ashby_row": "'the senior partner' is joined to Sergeant Gorringe, whose self-introduction was "
                       "given to him",
          # since a he/she after a sentence about 'the old man' is him:
          "saltmarsh": "'the tall man' (the captain, brought in as 'a tall man standing at her rail') is joined to "
                       "Joss Merriman, once 'the big man': one named since is not held to the words that "
                       "described them",
          # and on the five written blind after them:
          "quenby_house": "Walter Ainslie takes 'the young man' (Hugh Ferrars), 'Miss Ferrars' her brother's "
                          "'Ferrars', and the porter is joined to Silas Quenby",
          "wagon_ford": "Ruth Tolliver takes her mother's 'Mrs. Tolliver', and 'Vinnie' 'the woman' (Martha Hale)",
          "larkspur": "'Mr. Finch' is joined to 'the butler' (Pounce), and Harriet takes 'Miss Ashcombe', her "
                      "elder sister Cecily's name",
          "mill_race": "Daniel Royle takes 'the porter'",
          "weir_cottage": "Ellen Marsh takes 'the girl' and 'his aunt' (Miss Ashdown)",
          "lamplighter": "'the boy' is Nat Penhallow and, as 'a fat boy', Crumbs",
          "brindle_moor": "'her sister' is Hester and Rachel both"}


@pytest.mark.parametrize("story", [s for s, _ in STORIES if s not in MERGED])
def test_no_character_is_two_people(story):
    """No character given lines stands for two gold people: two people never share a voice.
    Regression: "Davy, run tell your ma" right after the stranger spoke renamed the stranger
    Davy, though the scene had named Davy as someone else ("Davy watched Buck Sayre")."""
    data = json.loads((FANFIC / f"{story}.gold.json").read_text(encoding="utf-8"))
    script = parse_text((FANFIC / data["file"]).read_text(encoding="utf-8"), data["file"])
    gold = {p["name"]: {_key(a) for a in [p["name"]] + p["aliases"]} for p in data["characters"]}
    for c in script.characters:
        names = {_key(a) for a in [c.name] + list(c.aliases)}
        assert c.lines == 0 or len([g for g, keys in gold.items() if names & keys]) <= 1, (c.name, c.aliases)


def _key(name: str) -> str:
    return " ".join(name.lower().replace(".", "").split())


def test_regression_a_name_the_narrator_gives_as_their_own_is_no_call():
    # '"Nat Hollis, from Liverpool," said I.' was taken for a call to Nathaniel Hollis, so he could
    # not be the "I", and the signature of a letter read aloud named the narrator instead.
    script = parse_text((FANFIC / "apprentice.txt").read_text(encoding="utf-8"), "apprentice.txt")
    assert {s.speaker for s in script.segments() if s.kind.value == "narration"} == {"Nathaniel Hollis"}


def test_regression_the_one_who_reads_aloud_speaks_what_is_read():
    # "Ginny fishes it out, unfolds it, and reads it aloud in her best Andromeda voice:" / "No sugar
    # after ten ...": the note is Ginny's to say, not Andromeda's, whose voice she puts on.
    script = parse_text((FANFIC / "heron.txt").read_text(encoding="utf-8"), "heron.txt")
    [note] = [s for s in script.segments() if s.kind.value == "dialogue" and "No sugar after ten" in s.text]
    assert note.speaker == "Ginny"
