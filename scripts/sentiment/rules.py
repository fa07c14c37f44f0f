"""The Swift scorer's rules, mirrored in Python so the lexicon is learned *through* them.

Sources/Sentiment/SentimentScorer.swift is the reference; this file follows it step by step
(scan -> phrases -> modifiers -> sum -> compound). A sentence's raw sum is linear in the lexicon's
valences, s = amp * sum_i mult_i * v(key_i), so learning the valences is a linear regression on the
features mult_i * amp. Keep the constants below equal to the Swift ones (`SentimentRules`).
"""
import math
import re
import unicodedata

NEGATION = -0.5        # a negated word counts this much of its valence (sign flipped, damped)
CAPS = 1.3             # an ALL-CAPS word among mixed-case text
ELONGATED = 1.2        # "sooo", "goood"
BEFORE_CONTRAST = 0.5  # the clause before "but" / "however"
AFTER_CONTRAST = 1.4   # the clause after it
CONCESSION = 0.5       # the clause introduced by "although" / "though" / "despite"
EXCLAMATION = 0.08     # per "!" (up to 4), multiplies the sum
QUESTIONS = 0.05       # per "?" when there are 2 or more (up to 3)
QUESTION = 0.7         # what a sentence ending in "?" says: it asks or wonders more than it states
EXCLAIMED = 1.25       # what a sentence ending in "!" says: the exclamation marks its own sentence most
ALPHA = 2.0            # compound = s / sqrt(s^2 + ALPHA), chosen by 5-fold r on both sets
PAIR = "+"             # joins the two words of a word pair in the lexicon ("can+wait")
WINDOW = 3             # negation and intensifiers reach this many words ahead, within a clause
DECAY = [1.0, 0.85, 0.7]

NEGATORS = {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere",
            "cannot", "without", "hardly", "barely", "scarcely", "nope", "nah"}
# Scale added to 1 for the words that follow (dampeners are negative).
INTENSIFIERS = {
    "very": 0.3, "really": 0.3, "so": 0.3, "too": 0.2, "extremely": 0.5, "incredibly": 0.5,
    "absolutely": 0.4, "totally": 0.35, "completely": 0.35, "utterly": 0.45, "super": 0.35,
    "highly": 0.3, "truly": 0.3, "seriously": 0.3, "terribly": 0.4, "awfully": 0.4,
    "exceptionally": 0.45, "especially": 0.2, "particularly": 0.2, "remarkably": 0.35,
    "most": 0.25, "more": 0.15, "such": 0.2, "quite": 0.1, "pretty": 0.15, "deeply": 0.3,
    "thoroughly": 0.35, "entirely": 0.3, "fully": 0.2, "hugely": 0.4, "insanely": 0.45,
    "ridiculously": 0.4, "freaking": 0.4, "fucking": 0.5, "damn": 0.3, "bloody": 0.3,
    "slightly": -0.5, "somewhat": -0.4, "fairly": -0.2, "rather": -0.15, "mildly": -0.5,
    "marginally": -0.5, "partly": -0.4, "partially": -0.4, "almost": -0.3, "kinda": -0.4,
    "sorta": -0.4, "barely": -0.5, "hardly": -0.5, "a_bit": -0.4, "a_little": -0.4,
    "kind_of": -0.4, "sort_of": -0.4, "less": -0.4, "occasionally": -0.3,
}
# Reactions, not statements: a negator before them does not flip them ("no way lol", "not me haha", "no... ugh").
INTERJECTIONS = set("""lol haha hehe lmao lmfao rofl yay woohoo woot hooray ugh argh grr meh wow omg ouch oops
yikes xoxo xx smh fml wtf""".split())
CONTRAST = {"but", "however"}
CONCESSIVE = {"although", "though", "despite"}
# Apostrophe-less negative contractions as customers type them.
BARE_NEGATIONS = {"dont", "doesnt", "didnt", "cant", "couldnt", "wont", "wouldnt", "shouldnt",
                  "isnt", "arent", "wasnt", "werent", "havent", "hasnt", "hadnt", "aint",
                  "neednt", "mustnt", "mightnt"}
NEGATED_BASES = {"ca": "can", "wo": "will", "ai": "am", "sha": "shall"}
SUFFIXES = ("'s", "'m", "'re", "'ll", "'ve", "'d")
# Emoticons as whole whitespace-separated chunks, mapped to one key each.
EMOTICONS = {}
for key, forms in {
    ":)": ":) :-) =) :] =] :o) (: ^_^ ^^ :} c: :)) :-)) =)) ^.^ ^-^ (-:",
    ":D": ":D :-D =D xD XD 8D ;D :DD \\o/",
    ";)": ";) ;-) ;] ;))",
    ":P": ":P :p :-P :-p =P =p xP xp ;P ;p ;-P",
    "<3": "<3 <33 <333",
    ":(": ":( :-( =( :[ =[ ): :{ </3 :c :(( :-(( :((( )-: D= >.< >_<",
    ":'(": ":'( :,( ;( ;-( :'-( T_T T.T ;_;",
    ":/": ":/ :-/ :\\ =/ :S :s :l :-l o_O O_o o.O O.o",
    ":|": ":| :-| -_-",
    ">:(": ">:( >:-( D:",
    ":O": ":O :o :-O :-o",
    # Tweets arrive with HTML entities: "&lt;3" is "<3".
    "<3 ": "&lt;3 &lt;33",
    ">:( ": "&gt;:( &gt;:[ &gt;:-(",
}.items():
    key = key.strip()
    for form in forms.split():
        EMOTICONS[form] = key


def is_letter(ch):
    if ch < "\x80":
        return ch.isalpha()
    return unicodedata.category(ch)[0] == "L" or unicodedata.category(ch) in ("Mn", "Mc")


def is_emoji(ch):
    o = ord(ch)
    return 0x1F300 <= o <= 0x1FAFF or 0x2600 <= o <= 0x27BF or 0x2B05 <= o <= 0x2B55


def fold(word):
    w = word.lower()
    if any(ord(c) > 127 for c in w):
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    return w


def collapse(word, keep):
    """Runs of 3+ equal letters shortened to `keep` letters."""
    return re.sub(r"(.)\1{2,}", lambda m: m.group(1) * keep, word)


class Item:
    __slots__ = ("key", "kind", "caps", "elongated", "clause", "sentence", "hashtag")

    def __init__(self, key, kind, caps, elongated, clause, sentence, hashtag=False):
        self.key, self.kind, self.caps, self.elongated = key, kind, caps, elongated
        self.clause, self.sentence, self.hashtag = clause, sentence, hashtag


def scan(text):
    """Words, emoticons and emoji with their clause and sentence numbers; '!' and '?' counts; the sentences ending
    in '?' and in '!'."""
    items = []
    clause = sentence = 0
    exclamations = questions = 0
    asked, exclaimed = set(), set()  # the sentences that end in "?" / "!"
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    for chunk in text.split():
        # An emoticon is a whole chunk, perhaps followed by sentence punctuation (";-)." or ":(!!").
        bare = chunk.rstrip(".,!?")
        i, n = 0, len(chunk)
        if 2 <= len(bare.encode()) <= 8 and bare in EMOTICONS:
            items.append(Item(EMOTICONS[bare], "emoticon", False, False, clause, sentence))
            i = len(bare)
        while i < n:
            ch = chunk[i]
            if is_letter(ch):
                j = i + 1
                while j < n and (is_letter(chunk[j]) or (chunk[j] == "'" and j + 1 < n and is_letter(chunk[j + 1]))):
                    j += 1
                original = chunk[i:j]
                add_word(original, items, clause, sentence)
                if i > 0 and chunk[i - 1] == "#" and items and items[-1].kind == "word":
                    items[-1].hashtag = True
                i = j
                continue
            if ch == "!":
                exclamations += 1
                exclaimed.add(sentence)
                clause += 1; sentence += 1
            elif ch == "?":
                questions += 1
                # A lone "?" asks; a run ("???") is exasperation, which the count above raises instead.
                if (i + 1 >= n or chunk[i + 1] != "?") and (i == 0 or chunk[i - 1] != "?"):
                    asked.add(sentence)
                clause += 1; sentence += 1
            elif ch in ".;\n":
                clause += 1; sentence += 1
            elif ch in ",:()\"\u2013\u2014/":
                clause += 1
            elif is_emoji(ch):
                items.append(Item(ch, "emoji", False, False, clause, sentence))
            i += 1
    return items, exclamations, questions, asked, exclaimed


def add_word(original, items, clause, sentence):
    letters = [c for c in original if c != "'"]
    caps = len(letters) >= 2 and all(c.isupper() for c in letters)
    w = fold(original)
    elongated = re.search(r"(.)\1\1", w) is not None
    if w.endswith("n't") or w in BARE_NEGATIONS:
        base = w[:-3] if w.endswith("n't") else w[:-2]
        base = NEGATED_BASES.get(base, base)
        if base:
            items.append(Item(base, "word", caps, False, clause, sentence))
        items.append(Item("not", "word", caps, False, clause, sentence))
        return
    if "'" in w:
        for s in SUFFIXES:
            if w.endswith(s) and len(w) > len(s):
                w = w[: -len(s)]
                break
        w = w.replace("'", "")
    laugh = laughter(w)
    if laugh:
        w, elongated = laugh, False
    items.append(Item(w, "word", caps, elongated, clause, sentence))


def laughter(w):
    """Laughter typed any length: "hahaha", "ahahah", "hehehe" -> "haha"; "lolol" -> "lol"; else None."""
    if len(w) < 4:
        return None
    if re.fullmatch(r"a?(?:h[aei])+h?", w) and w.count("h") >= 2 and w != "haha":
        return "haha"
    if re.fullmatch(r"l(?:o+l)+", w) and w != "lol":
        return "lol"
    return None


def resolve(key, elongated, lexicon):
    if not elongated:
        return key
    two = collapse(key, 2)
    if two in lexicon:
        return two
    return collapse(key, 1)


def split_hashtag(word, lexicon):
    """A hashtag run together from known words ("#sadface", "#wearedoomed", "#notgood") -> its words, or None when it
    is a word itself or has no such split. A part is a known word of 3+ letters or one of FUNCTION_WORDS, and at
    least one part is not a function word. Fewest parts win (at most HASHTAG_PARTS), then the shortest first part,
    then the shortest second, and so on."""
    n = len(word)
    if n < HASHTAG_PART + 1 or n > HASHTAG_LONGEST or word in lexicon:
        return None

    def usable(part):
        return part in FUNCTION_WORDS or (len(part) >= HASHTAG_PART and part in lexicon)

    # best[i] = (parts, end of the first part) for word[i:], None if it cannot split. Trying the shortest first part
    # first and keeping it on a tie gives the shortest first part, then the shortest second, and so on.
    best = [None] * (n + 1)
    best[n] = (0, n)
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n + 1):
            if best[j] is not None and best[j][0] < HASHTAG_PARTS and usable(word[i:j]) \
                    and (best[i] is None or best[j][0] + 1 < best[i][0]):
                best[i] = (best[j][0] + 1, j)
    if best[0] is None or best[0][0] < 2:
        return None
    parts, i = [], 0
    while i < n:
        parts.append(word[i:best[i][1]])
        i = best[i][1]
    return parts if any(part not in FUNCTION_WORDS for part in parts) else None


HASHTAG_PART = 3
# A hashtag of more letters than this, or that needs more parts, is left whole (hashtags are short; this caps the DP).
HASHTAG_LONGEST = 30
HASHTAG_PARTS = 4
# Common English function words, written from general knowledge, that may be parts of a hashtag whatever their length
# ("#wearedoomed", "#notgood"). Negators among them work as in running text.
FUNCTION_WORDS = set("""i me my we us our you your he him his she her it its they them their this that these those
a an the am is are was were be been being have has had do does did will would can could should
not no never to of in on at for with by from up out off so as if or and all too
what who how why when where there here just still ever""".split())
SPLIT_HASHTAGS = True


def expand_hashtags(items, lexicon):
    if not SPLIT_HASHTAGS or not any(it.hashtag for it in items):
        return items
    out = []
    for it in items:
        parts = split_hashtag(it.key, lexicon) if it.hashtag and not it.elongated else None
        if parts:
            for part in parts:
                out.append(Item(part, "word", it.caps, False, it.clause, it.sentence))
        else:
            out.append(it)
    return out


def features(text, lexicon, phrases, known=None):
    """[(key, weight)] such that the raw sum is sum(weight * valence[key]); also used to score. `known`: the words
    a hashtag may split into (the lexicon's own when scoring; while learning, the words that can get a valence)."""
    items, exclamations, questions, asked, exclaimed = scan(text)
    items = expand_hashtags(items, lexicon if known is None else known)
    words = [it for it in items]
    n = len(words)
    # Mixed case: caps emphasis counts only when not everything is shouted.
    word_items = [it for it in words if it.kind == "word"]
    mixed = any(not it.caps for it in word_items)
    keys = [resolve(it.key, it.elongated, lexicon) if it.kind == "word" else it.key for it in words]

    # Phrases: longest match first, up to 4 words, within a clause.
    units = []  # (start index, end index, key)
    i = 0
    while i < n:
        matched = None
        if words[i].kind == "word" and keys[i] in phrases:
            for length in range(min(4, n - i), 1, -1):
                span = words[i:i + length]
                if any(s.kind != "word" or s.clause != words[i].clause for s in span):
                    continue
                candidate = " ".join(keys[i:i + length])
                if candidate in lexicon:
                    matched = (i, i + length, candidate)
                    break
        if matched:
            units.append(matched)
            i = matched[1]
        else:
            units.append((i, i + 1, keys[i]))
            i += 1

    # Contrast: the last "but"/"however" in each sentence splits it.
    contrast_at = {}
    for idx, it in enumerate(words):
        if it.kind == "word" and keys[idx] in CONTRAST:
            contrast_at[it.sentence] = idx
    concession_clauses = set()
    after_concession = {}
    for idx, it in enumerate(words):
        if it.kind == "word" and keys[idx] in CONCESSIVE:
            concession_clauses.add((it.sentence, it.clause))
            if idx == 0 or words[idx - 1].sentence != it.sentence:
                after_concession[it.sentence] = it.clause

    in_phrase = set()
    for (start, end, key) in units:
        if end - start > 1:
            in_phrase.update(range(start, end))
    # The words of a two-word dampener only dampen: "kind" in "kind of annoyed" is not kindness.
    in_pair = set()
    for j in range(1, n):
        if words[j].kind == "word" and words[j - 1].kind == "word" and (keys[j - 1] + "_" + keys[j]) in INTENSIFIERS:
            in_pair.update((j - 1, j))

    out = []
    previous = None  # the word unit just before, for word pairs: (its index in units, its key)
    for u, (start, end, key) in enumerate(units):
        if end - start == 1 and start in in_pair:
            previous = None
            continue
        it = words[start]
        weight = 1.0
        if it.kind == "word":
            # Modifiers reach from the WINDOW words before the unit, within its clause.
            negated = False
            for d in range(1, WINDOW + 1):
                j = start - d
                if j < 0 or words[j].clause != it.clause or words[j].kind != "word":
                    break
                k = keys[j]
                if j in in_phrase:
                    break
                if k in NEGATORS:
                    negated = True
                    if k in ("hardly", "barely"):
                        weight *= 1 + INTENSIFIERS[k] * DECAY[d - 1]
                elif j > 0 and words[j - 1].kind == "word" and (keys[j - 1] + "_" + k) in INTENSIFIERS:
                    weight *= 1 + INTENSIFIERS[keys[j - 1] + "_" + k] * DECAY[d - 1]
                elif k in INTENSIFIERS:
                    weight *= 1 + INTENSIFIERS[k] * DECAY[d - 1]
            if negated and key not in INTERJECTIONS and not (start >= 1 and keys[start - 1] == "no" and key == "longer"):
                weight *= NEGATION
            if it.caps and mixed:
                weight *= CAPS
            if it.elongated:
                weight *= ELONGATED
        s = it.sentence
        if s in contrast_at:
            c = contrast_at[s]
            if start < c:
                weight *= BEFORE_CONTRAST
            elif start > c:
                weight *= AFTER_CONTRAST
        if s in asked:
            weight *= QUESTION
        if s in exclaimed:
            weight *= EXCLAIMED
        if (s, it.clause) in concession_clauses:
            weight *= CONCESSION
        elif s in after_concession and it.clause > after_concession[s]:
            weight *= AFTER_CONTRAST
        out.append((key, weight))
        # A pair of adjacent single words in one clause adds a valence of its own, weighed like its second word:
        # "can't wait", "at least", "miss you" mean more than their words.
        single = end - start == 1 and it.kind == "word"
        if single and previous is not None and previous[0] == u - 1 and words[units[u - 1][0]].clause == it.clause:
            out.append((previous[1] + PAIR + key, weight))
        previous = (u, key) if single else None
    amp = 1.0 + EXCLAMATION * min(exclamations, 4)
    if questions >= 2:
        amp *= 1.0 + QUESTIONS * min(questions, 3)
    return [(k, w * amp) for k, w in out]


def compound(raw):
    return raw / math.sqrt(raw * raw + ALPHA)


def score(text, lexicon, phrases):
    raw = sum(w * lexicon.get(k, 0.0) for k, w in features(text, lexicon, phrases))
    return compound(raw)


def phrase_starts(lexicon):
    return {k.split(" ")[0] for k in lexicon if " " in k}
