"""Characters: names found without a list, titles, alias merging, gender."""
from __future__ import annotations

import pytest
from parser_helpers import parse_text

from audiobook.parser import rules


def cast(text: str) -> dict:
    return {c.name: c for c in parse_text(text).characters}


def test_aliases_merge_into_the_full_name():
    text = ('Mr. Aldous Penrose came in. Penrose was tall and he stooped.\n\n'
            '"Good evening," said Mr. Penrose.\n\n'
            '"Evening," said Aldous Penrose again.\n\n'
            '"Well?" said Penrose.\n')
    people = cast(text)
    assert list(people) == ["Aldous Penrose"]
    assert set(people["Aldous Penrose"].aliases) >= {"Mr. Penrose", "Aldous Penrose", "Penrose"}
    assert people["Aldous Penrose"].lines == 3
    assert people["Aldous Penrose"].gender == "male"


def test_mr_and_mrs_are_different_people():
    text = ('Mr. Fenwick and Mrs. Fenwick sat by the fire.\n\n'
            '"More tea?" said Mrs. Fenwick.\n\n'
            '"No," said Mr. Fenwick.\n')
    people = cast(text)
    assert people["Mrs. Fenwick"].gender == "female"
    assert people["Mr. Fenwick"].gender == "male"


@pytest.mark.parametrize("text,one", [
    ('Lavinia Pettibone stood by the stove.\n\n"You are late," said Miss Lavinia.\n\n'
     '"Sit down," said Aunt Lavinia.\n',
     {"Lavinia Pettibone", "Miss Lavinia", "Aunt Lavinia"}),
    ('Mrs. Shaw lay on the sofa.\n\n"Edith!" said Mrs. Shaw.\n\n"Yes, Aunt Shaw," said Margaret.\n\n'
     '"Ring for tea," said Aunt Shaw.\n',
     {"Mrs. Shaw", "Aunt Shaw"}),
])
def test_a_kin_title_is_no_other_title(text, one):
    # Regression: "Aunt Hester" and "Miss Hester", "Aunt Shaw" and "Mrs. Shaw" were two people,
    # as "Miss Morstan" and "Captain Morstan" are; an aunt is a Miss or a Mrs. as well.
    people = parse_text(text).characters
    assert [c for c in people if one <= {c.name, *c.aliases}], [(c.name, c.aliases) for c in people]


def test_gender_from_pronouns():
    text = ('Ysolde came down the stairs. She was late again.\n\n'
            'Ysolde sat down. She poured the tea.\n\n'
            '"Morning," said Ysolde.\n\n'
            'Corwin looked up. He smiled.\n\n"Morning," said Corwin.\n')
    people = cast(text)
    assert people["Ysolde"].gender == "female"
    assert people["Corwin"].gender == "male"


def test_regression_the_he_of_a_sentence_that_opens_with_another_name_is_theirs():
    # "Hermione followed. Harry stepped in after her ... he thought": the he is Harry's, no vote
    # for Hermione being a man.
    text = ('Mara followed more carefully. Tom stepped in after her, and he sat down.\n\n'
            'Mara looked at the water. She was cold.\n\n"Cold," said Mara.\n')
    assert cast(text)["Mara"].gender == "female"


def test_regression_a_pronoun_of_someone_else_in_the_names_sentence_gives_no_gender():
    # "..., and he waited for her" and "tear her from her hold" speak of another: they outvoted
    # the given name, and both came out of no sex.
    text = ('Emma was a tall woman from Devon. Emma had gone down to the basement, and he waited for her '
            'on the stairs. Emma came back and shook her head. Emma knocked, and he heard her speak.\n\n'
            '"Come in," said Emma.\n\n'
            'Carl climbed the pole. Carl had to tear her from her hold, for the kitten clung on. '
            'Carl did not say anything, but she felt his sympathy.\n\n"Here," said Carl.\n')
    people = cast(text)
    assert people["Emma"].gender == "female"
    assert people["Carl"].gender == "male"


def test_regression_a_nationality_is_no_name():
    # "a little Swede boy": Swede became a character of no known sex, and a he or she took it.
    text = ('On the sidewalk in front of the store sat a little Swede boy, crying bitterly. '
            'His cap was pulled down over his ears.\n\n"My kitten!" he whimpered.\n')
    assert "Swede" not in cast(text)
    # Likewise "a Cornish widow", once the widow had left the room.
    text = ('Mrs. Threlfall was a Cornish widow who had never been known to hurry.\n\n'
            '"A young person below, sir," said Mrs. Threlfall, and withdrew.\n\n"Well?" she said.\n')
    assert "Cornish" not in cast(text)


def test_titles_dr_and_miss():
    text = '"Sit down," said Dr. Quill.\n\n"Thank you," said Miss Amberley.\n'
    people = cast(text)
    assert people["Miss Amberley"].gender == "female"
    assert "Dr. Quill" in people


def test_familiar_given_name_merges_with_the_formal_one():
    text = ('Francis Dunmore was the younger brother. Frank Dunmore, everyone called him.\n\n'
            '"Coming?" said Frank.\n')
    people = cast(text)
    assert list(people) == ["Francis Dunmore"]
    assert "Frank" in people["Francis Dunmore"].aliases


def test_places_are_not_speakers():
    text = ('They sailed from Falmouth to Brest. Falmouth was grey.\n\n'
            '"Cold," said Tom.\n\n"Very," said Mara.\n')
    assert set(cast(text)) == {"Tom", "Mara"}


@pytest.mark.parametrize("before, place", [
    ("she had spent a year in ", True),
    ("the afternoon train for ", True),
    ("your first visit to ", True),
    ("when we got to ", True),
    ("he went to ", True),
    ("she said to ", False),  # regression: one speaks to a person
    ("he waited for ", False),
    ("she looked at him and turned to ", False),
])
def test_words_before_a_place_name(before, place):
    assert bool(rules.PLACE_CONTEXT.search(before)) is place


def test_table_view_lists_lines_gender_aliases():
    from audiobook.parser.views import cast_table
    text = '"Sit down," said Dr. Quill.\n\n"Thank you," said Miss Amberley.\n\n"Well," said Miss Amberley.\n'
    table = cast_table(parse_text(text)).splitlines()
    assert table[0].split() == ["character", "lines", "gender", "aliases"]
    assert table[1].split()[:4] == ["Miss", "Amberley", "2", "female"]


def test_regression_dialect_title_means_mister():
    text = ('Maurice Barrow owned the house. Mr. Barrow was stern and he rarely smiled.\n\n'
            '"Mistah Barrow, suh, de cyarriage is ready," said Jem.\n\n'
            '"Thank you," said Mr. Barrow.\n')
    people = cast(text)
    assert "Mistah Barrow" in people["Maurice Barrow"].aliases or "Mistah Barrow" not in str(people)
    assert "Mistah Barrow" not in people


def test_regression_mrs_surname_is_not_merged_into_a_man_of_that_name():
    text = ('Maurice Barrow came in. He sat down.\n\n'
            'Mrs. Barrow poured the tea. She smiled.\n\n'
            '"Thank you," said Maurice Barrow.\n\n"Not at all," said Mrs. Barrow.\n')
    people = cast(text)
    assert people["Maurice Barrow"].gender == "male"
    assert people["Mrs. Barrow"].gender == "female"


def test_regression_surname_that_is_also_a_common_word():
    text = ('Jonathan Small was a small man with a wooden leg.\n\n'
            '"I have nothing to say," said Small.\n')
    assert list(cast(text)) == ["Jonathan Small"]


def test_regression_possessive_after_a_full_name_gives_gender():
    text = ('The fog came early. Ysolde Marrow shouldered her ladder and counted the lamps.\n\n'
            '"Late again," said Mr. Penrose.\n\n"The fog is early," said Ysolde.\n')
    people = cast(text)
    assert people["Ysolde Marrow"].gender == "female"


def test_a_name_never_runs_on_from_a_heading_into_the_next_paragraph():
    text = ("# Chapter 2: River\n\n"
            "Mara looked at the water. \u201cThere,\u201d she whispered.\n\n"
            "\u201cWhere?\u201d said Okafor.\n")
    assert set(cast(text)) == {"Mara", "Okafor"}


def test_regression_given_name_cut_short_is_the_same_person():
    text = ('Lettie Marsh came home late. Lettie was tired and she sat down.\n\n'
            '"Where were you?" said Tom.\n\n'
            '"At the hall," Lett answered.\n')
    people = cast(text)
    assert "Lett" not in people
    assert "Lett" in people["Lettie Marsh"].aliases
    assert people["Lettie Marsh"].lines == 1


def test_regression_bare_surname_goes_to_the_man_so_titled():
    text = ('Mr. Corvell and Mrs. Corvell lived in the square. Mrs. Corvell had a maid; Mrs. Corvell '
            'had a cook; Mrs. Corvell had a carriage. Mr. Corvell had a dog.\n\n'
            '"Walk the dog," said Mrs. Corvell.\n\n'
            '"Presently," said Corvell.\n')
    people = cast(text)
    assert "Corvell" in people["Mr. Corvell"].aliases
    assert people["Mr. Corvell"].lines == 1


def test_regression_bare_surname_goes_to_the_man_with_a_given_name_not_mrs():
    # "said Pettibone" is the cook, Amos Pettibone, not his wife, whom the text calls only Mrs.
    text = ('Amos Pettibone had cooked for the ranch for years. Mrs. Pettibone kept the house; Mrs. '
            'Pettibone kept the hens; Mrs. Pettibone kept the accounts.\n\n'
            '"Supper," said Mrs. Pettibone.\n\n'
            '"I knew it the minute I seen the dust," said Pettibone.\n')
    people = cast(text)
    assert "Pettibone" in people["Amos Pettibone"].aliases
    assert people["Amos Pettibone"].lines == 1 and people["Mrs. Pettibone"].lines == 1


def test_regression_a_nationality_is_not_a_name():
    from audiobook.parser import characters, names
    text = ('The room was full. I admired the Frenchman at the window; the Englishman '
            'beside him said nothing, and the Frenchman smiled at Tom.\n')
    cast_ = names.find_cast(text, characters.tokenize(text, []))
    names = {f for p in cast_.people for f in p.forms}
    assert "Frenchman" not in names and "Englishman" not in names
    assert "Tom" in names


def test_a_role_keeps_the_words_a_tag_calls_it_by():
    from parser_helpers import parse_text
    script = parse_text('The house was quiet.\n\n"Hush," said the child\'s nurse.\n\n'
                        '"Hush now," said the old nurse.\n')
    nurse = next(c for c in script.characters if c.name == "the nurse")
    assert "the child's nurse" in nurse.aliases and "the old nurse" in nurse.aliases


def test_someone_new_keeps_the_whole_description_as_an_alias():
    from parser_helpers import parse_text
    script = parse_text('The crowd pressed round the scaffold.\n\n'
                        '"Shame on her!" cried a man in the crowd.\n\n'
                        '"Hush, now," said a stout dame of sixty.\n')
    man = next(c for c in script.characters if c.name == "the man")
    dame = next(c for c in script.characters if c.name == "the dame")
    assert "a man in the crowd" in man.aliases and "a stout dame of sixty" in dame.aliases


def test_one_name_is_one_character_when_a_noun_turns_out_to_be_someone():
    # The clerk of the first scene speaks as "the clerk"; the one of the second says who she is
    # and becomes Hetty there. "the clerk" is then a character of its own, not Hetty's alias too.
    text = ('Lena walked into the shop.\n\n'
            '"Closed," said the clerk.\n\n'
            '"Oh," said Lena.\n\n'
            '* * *\n\n'
            'The next week Lena came back.\n\n'
            '"Open today," said the clerk.\n\n'
            '"Who are you?" said Lena.\n\n'
            '"My name is Hetty, ma\'am."\n')
    people = cast(text)
    assert people["the clerk"].lines == 1 and people["Hetty"].lines == 2
    names = [a.lower() for c in people.values() for a in {c.name, *c.aliases}]
    assert len(names) == len(set(names))


def test_regression_a_middle_initial_is_part_of_the_name():
    # Its full stop ends no sentence: "Ward P. Hollis" is one name, not "Ward P" and a sentence
    # that opens with "Hollis".
    text = ('There were two of us, Ward P. Hollis and I. Ward was rich and he knew it.\n\n'
            '"Let us go," said Ward.\n\n'
            '"Go where?" said Ward P. Hollis\'s sister, Ada.\n')
    people = cast(text)
    assert "Ward P. Hollis" in people
    assert "Ward" in people["Ward P. Hollis"].aliases


def test_regression_a_capital_letter_ending_a_sentence_is_no_initial():
    text = ('Mara sat at the table with Kit. Kit laughed.\n\n"Is it a moon?" said Mara.\n\n'
            '"No," said Kit.\n\nThey looked at the letter O. Kit laughed again.\n')
    assert sorted(cast(text)) == ["Kit", "Mara"]


@pytest.mark.parametrize("name, gender", [
    ("Ginny", "female"), ("Lizzy", "female"), ("Hermione", "female"), ("Carol", "female"),
    ("Zuko", "male"), ("Emil", "male"), ("Fergus", "male"), ("Allan", "male"),
])
def test_a_common_given_name_gives_its_usual_sex(name, gender):
    # Regression: these had no sex until a pronoun voted, so a he or she took them for no one.
    text = f"{name} looked out at the rain.\n\n\"Wet again,\" said {name}.\n"
    assert cast(text)[name].gender == gender


def test_regression_a_band_or_family_in_the_plural_is_no_one_and_takes_no_one_in():
    # "the Marauders" beside "a Marauder prank" was a person, and Mary (cut to "Mar") was
    # merged into it, so "Mary said" went to "Marauders".
    text = ("The Marauders spent the night in the classroom. It was the last Marauder prank.\n\n"
            '"They are plotting," Mary said.\n\n'
            "The Weasleys came in late, and Ron Weasley sat down.\n\n"
            '"Budge up," Ron said.\n')
    people = cast(text)
    assert "Mary" in people and people["Mary"].lines == 1
    assert not any("Marauder" in c.name or c.name == "Weasleys" for c in people.values())
    assert people["Ron Weasley"].lines == 1


def test_regression_an_opening_phrase_set_off_by_a_comma_is_no_speaker():
    # "Far overhead, Sam's drone banks": "Far" became a character and was given the line after.
    text = ("Steve and Sam crouched behind the crates.\n\n"
            "Far overhead, the drone banked over the roof. \"I count nine in there.\"\n\n"
            "\"Nine?\" said Steve.\n")
    assert "Far" not in cast(text)


def test_regression_head_before_a_role_is_no_name_that_shortens_another():
    # "Head" of "Head Auror" shortened "Headmistress": the Auror and the Headmistress were one.
    text = ("The Headmistress looked up from her marking when Harry came in.\n\n"
            "\"Mrs Potter. Head Auror,\" said the Headmistress.\n\n"
            "\"Headmistress,\" said Harry.\n\n\"Is it the cupboard?\" asked the Head Auror.\n")
    assert not any({"Head Auror", "Headmistress"} <= set(c.aliases) for c in cast(text).values())


def test_regression_ids_the_attribution_holds_outlive_a_merge(monkeypatch):
    """Who speaks hung on what the process had parsed before: one merged away was freed, and a
    person made later at the same address was taken for them ("on stage" by a stale id)."""
    from audiobook.parser import attribution
    held = []
    run = attribution.Attributor.run

    def keep(self):
        held.append(self)
        return run(self)

    monkeypatch.setattr(attribution.Attributor, "run", keep)
    parse_text('Jacob Marsh kept the store. The coach came in with a drummer on the box.\n\n'
               '"Silas, you old sinner!" said Marsh.\n\n"Not them, Jacob," said the drummer.\n\n'
               '"Slow. Danny, take the bags."\n')
    att = held[0]
    alive = {id(p) for p in att.cast.people + att.cast.retired}
    assert [p.name for p in att.cast.retired] == ["the drummer"]
    assert att.state.scene <= alive and att.state.tagged_here <= alive


@pytest.mark.parametrize("text, one, other", [
    ('The freckled girl held out her hand.\n\n"I\'m Carstairs. Everybody calls me Bunty."\n\n'
     '"Hullo, Bunty," said Philippa.\n\n"Carstairs, be quiet," said Hale.\n', "Carstairs", "Bunty"),
    ('"And I\'m Pennington," said the small dark one, "but I\'m called Sprat because I swim."\n\n'
     '"Hullo, Sprat," said Philippa.\n\n"Pennington, be quiet," said Hale.\n', "Pennington", "Sprat"),
])
def test_two_names_one_speech_gives_as_the_speakers_own_are_one_person(text, one, other):
    people = cast(text)
    [who] = [p for p in people.values() if one in p.aliases or p.name == one]
    assert other in who.aliases or who.name == other



@pytest.mark.parametrize("quote, name", [
    ("Everybody calls me Bunty, except the mistresses", "Bunty"),
    ("but I'm called Sprat because I'm little", "Sprat"),
    ("Don't call me Nymphadora, Molly.", "Nymphadora"),
    ("I'm better known as Sadness", "Sadness"),
    # regression: "known as" of anyone but the speaker names no one the speaker is
    ("They met at the corner known as Liberty Point.", None),
])
def test_names_a_speaker_says_others_call_them_by(quote, name):
    found = rules.CALLED_ME.search(quote)
    assert (found.group("name") if found else None) == name
