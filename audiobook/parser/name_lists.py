"""Lists of names the parser knows: familiar forms of given names, capitalised words that are
never names, and given names with the sex they usually carry. Part of ``rules``."""

#: Familiar forms of given names, so that "Frank Oakley" and "Francis Oakley" are one person.
NICKNAMES = {
    "Frank": "Francis", "Fran": "Francis", "Bill": "William", "Will": "William", "Willie": "William",
    "Billy": "William", "Bob": "Robert", "Bobby": "Robert", "Rob": "Robert", "Bert": "Albert",
    "Dick": "Richard", "Rick": "Richard", "Tom": "Thomas", "Tommy": "Thomas", "Jim": "James",
    "Jimmy": "James", "Jamie": "James", "Jack": "John", "Johnny": "John", "Harry": "Henry", "Hal": "Henry",
    "Ned": "Edward", "Ted": "Edward", "Teddy": "Edward", "Eddie": "Edward", "Joe": "Joseph",
    "Sam": "Samuel", "Ben": "Benjamin", "Tony": "Anthony", "Nick": "Nicholas", "Alec": "Alexander",
    "Alex": "Alexander", "Charlie": "Charles", "Chas": "Charles", "Fred": "Frederick", "Freddie": "Frederick",
    "Mike": "Michael", "Dan": "Daniel", "Danny": "Daniel", "Dave": "David", "Steve": "Stephen",
    "Phil": "Philip", "Pete": "Peter", "Matt": "Matthew", "Andy": "Andrew", "Larry": "Lawrence",
    "Kate": "Katherine", "Katie": "Katherine", "Kitty": "Katherine", "Kathy": "Katherine",
    "Peggy": "Margaret", "Meg": "Margaret", "Maggie": "Margaret", "Madge": "Margaret", "Mags": "Margaret",
    "Bess": "Elizabeth", "Bessie": "Elizabeth", "Betsy": "Elizabeth", "Betty": "Elizabeth",
    "Beth": "Elizabeth", "Lizzie": "Elizabeth", "Liz": "Elizabeth", "Eliza": "Elizabeth",
    "Polly": "Mary", "Molly": "Mary", "Mamie": "Mary", "Sally": "Sarah", "Fanny": "Frances",
    "Fannie": "Frances", "Jenny": "Jane", "Jennie": "Jane", "Nan": "Ann", "Nancy": "Ann", "Annie": "Ann",
    "Sue": "Susan", "Susie": "Susan", "Patty": "Martha", "Mattie": "Martha", "Dolly": "Dorothy",
    "Dot": "Dorothy", "Lucy": "Lucille", "Nell": "Eleanor", "Nellie": "Eleanor", "Abby": "Abigail",
}

#: Capitalised words that are never a character's name (sentence openers, days, interjections...).
NOT_NAMES = set("""
I A An The This That These Those There Here Then Now When Where What Who Whom Whose Why How Which
While Whilst If Unless Until Though Although Because Since As At By For From In Into Of On Onto To
With Within Without Upon Over Under After Before During Through Throughout Across Against Among
And But Or Nor So Yet Not No Yes Oh Ah Aha Alas Well Why Hey Hi Hello Goodbye Okay Ok Please
Aye Ay Nay Yea Yeah Yep Nope Eh Hm Hmm Huh Ugh Pooh Pshaw Bah Hush Hark
He She It We They You Me Him Her Us Them My Your His Its Our Their Mine Yours Hers Ours Theirs
Myself Yourself Himself Herself Itself Ourselves Themselves One Someone Somebody Something Anyone
Anybody Anything Everyone Everybody Everything Nobody Nothing None Each Every Either Neither Both
All Any Some Many Much More Most Few Less Least Other Another Such Only Just Even Still Also Too
Very Quite Rather Perhaps Maybe Indeed Certainly Surely Really Truly Of Course Sure Good Great
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December God Lord Heaven Christ Jesus Christmas Easter
Mr Mrs Miss Ms Dr Sir Madam Madame Lady Mister Monsieur Chapter Part Book Volume Prologue Epilogue
Let Lets Don't Do Does Did Is Are Was Were Be Been Being Have Has Had Will Would Shall Should Can
Could May Might Must Come Go Look See Say Tell Listen Wait Stop Thank Thanks Sorry Dear Poor
Once Twice Again Never Always Often Sometimes Soon Later Today Tonight Tomorrow Yesterday
First Second Third Last Next Mother Father Mama Papa Mum Mom Dad Daddy Mummy Aunt Uncle Head
English French Spanish German Italian American British Indian Creole Negro Street Road Avenue
Frenchman Frenchwoman Englishman Englishwoman Irishman Irishwoman Scotchman Scotsman Scotswoman
Welshman Dutchman Chinaman Norseman Yankee Frenchmen Englishmen Irishmen Dutchmen Scotchmen
Cornish Cornishman Cornishmen
I'm I've I'd I'll It's That's There's He's She's We're You're They're Let's Don't Can't Won't
I’m I’ve I’d I’ll It’s That’s There’s He’s She’s We’re You’re They’re Let’s
Americans Europeans Indians Germans Italians Russians Spaniards Christians Catholics Protestants
Yankees Britons Romans Greeks Jews Turks Arabs Africans Swedes Norwegians Danes Dutch Scots
Swede Dane Norwegian Pole Russian Turk Greek Jew Arab African Scot Briton Spaniard Mexican
Chinese Japanese Portuguese Austrian Hungarian Bohemian Polack Hindoo Hindu Yankee Dutchwoman
""".split()) | {pronoun + mark + ending for pronoun in ("I", "He", "She", "It", "We", "You", "They", "That", "There",
                                                   "Here", "Who", "What", "Where")
                for mark in ("'", "\u2019") for ending in ("s", "d", "ll", "ve", "re", "m")}  # "She'd had a baby"

#: Words for one person of a people, never a name, that head a description with a capital ("said
#: the Englishman", "the Swede whispered back"): a role of the one on stage so called.
PEOPLE_NOUNS = set("""
Frenchman Frenchwoman Englishman Englishwoman Irishman Irishwoman Scotchman Scotsman Scotswoman
Welshman Dutchman Dutchwoman Chinaman Norseman Cornishman Yankee Swede Dane Norwegian Pole Russian
Turk Greek Arab Scot Briton Spaniard Mexican Portuguese Austrian Hungarian Bohemian American German
Italian Frenchy
""".split())

#: Common given names and the gender they usually carry: a prior that pronoun counts outweigh.
MALE_NAMES = set("""
Aaron Adam Adrian Albert Alan Alec Alexander Alfred Andrew Angus Anthony Archibald Archie Arthur
Austin Ben Benjamin Bernard Bill Billy Bob Bobby Brian Bruce Carl Charles Charlie Chris Christopher
Clarence Colin Daniel Danny David Dennis Dick Donald Douglas Duncan Edgar Edmund Edward Edwin Eli
Elijah Eric Ernest Eugene Felix Francis Frank Franklin Fred Frederick George Gerald Gilbert Gordon
Graham Gregory Guy Hal Hank Harold Harry Henry Herbert Horace Howard Hugh Ian Isaac Jack Jacob Jake
James Jamie Jasper Jeff Jeremy Jim Jimmy Joe Joel John Johnny Jonathan Joseph Joshua Julian Justin
Keith Ken Kenneth Kevin Lawrence Leo Leon Leonard Lewis Louis Luke Malcolm Mark Martin Matthew Maurice
Max Michael Mike Nathan Nathaniel Ned Neil Nicholas Noah Oliver Oscar Owen Patrick Paul Percy Peter
Philip Phillip Ralph Ray Raymond Reginald Richard Rob Robert Roger Ron Ronald Roy Rupert Ryan Sam
Samuel Scott Sean Sebastian Sidney Simon Stanley Stephen Steve Steven Ted Terry Theodore Thomas Tim
Timothy Tom Tommy Tony Victor Vincent Walter Wesley Will William Willie Zachary Pierre Jules
Aidan Callum Cameron Connor Dev Dylan Ethan Finn Jayden Jon Kai Kieran Liam Logan Mason Nathan Rhys
Rory Theo Tyler Zach Ali Omar Ravi Benedict Hamish Ewan Felix Jasper Idris Kwame Tariq
Yusuf Mateo Luca Sven Rhys
Marcus Aiden Caleb Ezra Silas Arjun Kenji Diego Amir Hiro Takeshi Rahul Vikram Sanjay Hassan Ahmed
Mohammed Muhammad Ibrahim Karim Malik Andre Darius Jamal Tobias Elias Gabriel Rafael Carlos Miguel
Javier Alejandro Antonio Marco Giovanni Lorenzo Matteo Hugo Lucas Nico Dmitri Ivan Nikolai Sergei
Viktor Anton Lars Erik Magnus Henrik Declan Brendan Seamus Eoin Cian Alistair Fraser Tristan Damien
Dominic Xavier Isaiah Levi Gideon Ezekiel Jude Bryce Brandon Derek Travis Trevor Kyle Cody Jared
Jason Kurt Luis Manuel Pablo Santiago Sergio Stefan Wolfgang Klaus Hans Otto Fritz Pedro Joaquin
Ramon Enzo Remy Antoine Mathieu Laurent Olivier Etienne Yosef Eitan Noam Jonah Reuben Simeon Chidi
Emeka Kofi Tunde Sipho Thabo Wei Jian
""".split()) | set(  # of older novels, and of the fandoms fan fiction is most written in
    """Allan Allen Alvin Ambrose Amos Augustus Barnaby Bartholomew Basil Bertram Cecil Cedric Clement
Clifford Cornelius Cyril Dudley Ebenezer Edmond Elliot Emil Emmett Enoch Ephraim Erasmus Everett
Fergus Ferdinand Floyd Gareth Geoffrey Godfrey Gustav Harvey Hector Herman Hiram Homer Horatio
Humphrey Ignatius Ira Jeremiah Jerome Jethro Josiah Lemuel Lionel Lloyd Lucius Luther Marcel Marvin
Melvin Milton Montague Mortimer Moses Nigel Norman Obadiah Octavius Orville Oswald Perceval Phineas
Quentin Randolph Roderick Rodney Roland Rudolf Rudolph Rufus Septimus Seth Solomon Stuart Sylvester
Thaddeus Ulysses Vernon Virgil Wallace Wilfred Wilbur Willard Winston Zeke Draco Neville Severus
Remus Albus Anakin Kylo Bucky Thor Loki Clint Castiel Aragorn Frodo Samwise Bilbo Sokka Zuko Aang""".split())

FEMALE_NAMES = set("""
Abigail Ada Adele Agnes Alice Alicia Amanda Amelia Amy Angela Ann Anna Anne Annie Barbara Beatrice
Becky Bella Beth Betsy Betty Bridget Caroline Catherine Cecilia Charlotte Chloe Claire Clara Cora
Daisy Deborah Diana Dora Dorothy Edith Edna Eleanor Elinor Elizabeth Ella Ellen Eliza Emily Emma
Esther Eva Eve Evelyn Fanny Flora Florence Frances Grace Hannah Harriet Helen 
Hester Ida Irene Isabel Isabella Jane Janet Jean Jennifer Jenny Jessica Jessie Joan Josephine Joy
Judith Julia Julie Kate Katherine Kathleen Kitty Laura Lavinia Leah Lena Lily Lillian Lizzie Lois
Louisa Louise Lucy Lydia Mabel Maggie Margaret Maria Marian Marianne Marie Martha Mary Matilda Maud
Meg Millie Minnie Miranda Molly Nancy Nell Nellie Nora Olivia Pamela Patricia Pauline Peggy Penelope
Phoebe Polly Rachel Rebecca Rose Rosie Ruth Sally Sarah Sara Sophia Sophie Susan Susanna Sylvia
Teresa Victoria Violet Virginia Wendy Winifred 
Aisha Amara Ava Bethany Chelsea Fatima Freya Gemma Isla Jade Kayla Keira Leah Liz Maya Megan Mia
Nadia Niamh Priya Ros Rosalind Shannon Siobhan Zara Zoe Mags Imogen Farah Harriet Poppy Ruby
Scarlett Amelia Isabelle Eleanor Yasmin Aaliyah Layla Leila Noor Ayesha Ngozi Chiara Ingrid Astrid
Sofia Lucia Camila Valentina Gabriela Mariana Elena Ana Carmen Rosa Ines Pilar Francesca Giulia
Alessandra Anika Ananya Aditi Kavya Meera Neha Pooja Riya Sunita Mei Yuki Hana Sakura Aiko Keiko
Naomi Miriam Yael Anya Natasha Olga Svetlana Katya Irina Tatiana Sigrid Greta Heidi Elsa Frieda
Saoirse Aoife Maeve Orla Ciara Fiona Moira Isobel Kirsty Kirsten Lauren Brittany Tiffany Vanessa
Veronica Melissa Michelle Nicole Natalie Stephanie Samantha Sabrina Serena Tamsin Tessa Thea Luna
Aurora Stella Nina Lila Mila Elodie Amelie Colette Margot Juliette Chantal Nadine Simone Yvonne
Claudia Bianca Paola Renata Dalia Rania Salma Zainab Mariam Amina Khadija Adaeze Chioma Ifeoma Abena
Thandiwe Zanele Lerato
""".split()) | set(  # of older novels, and of the fandoms fan fiction is most written in
    """Agatha Alberta Alexandra Alma Annabel Antoinette Arabella Augusta Bertha Blanche Camilla Carol
Carrie Cassandra Celia Christina Christine Clarissa Cordelia Cynthia Delia Dinah Drusilla Elsie
Emmeline Ethel Eugenia Euphemia Georgiana Georgina Gertrude Gladys Gwendolen Gwendolyn Hattie
Henrietta Hermione Hilda Honoria Jemima Jocelyn Juliet Juliana Letitia Lilian Lillie Lizzy Lottie
Lucinda Lucille Lucretia Mamie Marguerite Marjorie Mavis Mildred Muriel Myra Myrtle Nettie Octavia
Ophelia Philippa Priscilla Rhoda Rosamund Rowena Sabina Selina Sibyl Sybil Theodora Theresa Ursula
Vera Viola Winnie Zelda Sadie Tillie Addie Effie Maisie Ginny Katara Toph Leia Padme Arya Sansa
Daenerys Cersei Buffy Wanda Lorelai Donna""".split())
