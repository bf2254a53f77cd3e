/*
 * Tests for the lemmatizer (src/lemma.c): irregular forms from WordNet,
 * hand-written extras, the suffix rules, tags that are copied, and the
 * output-buffer contract.
 */
#include "harness.h"
#include "internal.h"

typedef struct {
    const char *word;
    int tag;
    const char *lemma;
} lemma_case;

/* Runs lemmatize on each case and checks the lemma and returned length. */
static void check_cases(const lemma_case *cases, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char out[64];
        memset(out, 'x', sizeof out);
        size_t len = lemmatize(cases[i].word, strlen(cases[i].word),
                               cases[i].tag, out, sizeof out);
        harness_checks++;
        if (strcmp(out, cases[i].lemma) != 0 || len != strlen(out)) {
            harness_failures++;
            fprintf(stderr, "%s/%s: got \"%s\" (length %zu), want \"%s\"\n",
                    cases[i].word, bede_tag_name(cases[i].tag), out, len,
                    cases[i].lemma);
        }
    }
}

#define CHECK_CASES(...)                                                       \
    do {                                                                       \
        static const lemma_case cases_[] = {__VA_ARGS__};                      \
        check_cases(cases_, sizeof cases_ / sizeof cases_[0]);                 \
    } while (0)

enum {
    NN = BEDE_TAG_NN, NNS = BEDE_TAG_NNS, NNP = BEDE_TAG_NNP,
    NNPS = BEDE_TAG_NNPS, MD = BEDE_TAG_MD, VB = BEDE_TAG_VB,
    VBD = BEDE_TAG_VBD, VBG = BEDE_TAG_VBG, VBN = BEDE_TAG_VBN,
    VBP = BEDE_TAG_VBP, VBZ = BEDE_TAG_VBZ, JJ = BEDE_TAG_JJ,
    RB = BEDE_TAG_RB, IN = BEDE_TAG_IN, PRP = BEDE_TAG_PRP,
    POS = BEDE_TAG_POS, DT = BEDE_TAG_DT
};

/* Past forms common in news reports. */
static void t_news_past(void) {
    CHECK_CASES({"attacked", VBD, "attack"}, {"condemned", VBD, "condemn"},
                {"urged", VBD, "urge"}, {"sought", VBD, "seek"},
                {"fled", VBD, "flee"}, {"struck", VBD, "strike"},
                {"held", VBD, "hold"}, {"met", VBD, "meet"},
                {"said", VBD, "say"}, {"told", VBD, "tell"},
                {"kept", VBD, "keep"}, {"led", VBD, "lead"},
                {"shot", VBD, "shoot"}, {"fought", VBD, "fight"},
                {"brought", VBD, "bring"}, {"caught", VBD, "catch"},
                {"killed", VBD, "kill"}, {"wounded", VBN, "wound"},
                {"denied", VBD, "deny"}, {"vowed", VBD, "vow"},
                {"accused", VBD, "accuse"}, {"seized", VBD, "seize"},
                {"threatened", VBD, "threaten"}, {"went", VBD, "go"},
                {"visited", VBD, "visit"}, {"stopped", VBD, "stop"},
                {"died", VBD, "die"}, {"hoped", VBD, "hope"},
                {"agreed", VBD, "agree"}, {"referred", VBD, "refer"},
                {"called", VBD, "call"}, {"arrested", VBN, "arrest"},
                {"bombed", VBD, "bomb"}, {"launched", VBD, "launch"},
                {"warned", VBD, "warn"}, {"rejected", VBD, "reject"},
                {"announced", VBD, "announce"}, {"imposed", VBD, "impose"},
                {"signed", VBD, "sign"}, {"negotiated", VBD, "negotiate"},
                {"released", VBN, "release"}, {"injured", VBN, "injure"},
                {"displaced", VBN, "displace"}, {"controlled", VBN, "control"},
                {"patrolled", VBD, "patrol"}, {"planned", VBN, "plan"},
                {"targeted", VBD, "target"}, {"carried", VBD, "carry"},
                {"tried", VBD, "try"}, {"applied", VBD, "apply"},
                {"tied", VBN, "tie"}, {"lied", VBD, "lie"},
                {"freed", VBD, "free"}, {"guaranteed", VBD, "guarantee"},
                {"passed", VBD, "pass"}, {"added", VBD, "add"},
                {"travelled", VBD, "travel"}, {"traveled", VBD, "travel"},
                {"paid", VBD, "pay"}, {"made", VBN, "make"},
                {"taken", VBN, "take"}, {"given", VBN, "give"},
                {"left", VBD, "leave"}, {"won", VBD, "win"},
                {"lost", VBD, "lose"}, {"sent", VBD, "send"},
                {"spoke", VBD, "speak"}, {"broke", VBD, "break"},
                {"chose", VBD, "choose"}, {"drove", VBD, "drive"},
                {"rose", VBD, "rise"}, {"began", VBD, "begin"},
                {"found", VBD, "find"}, {"laid", VBD, "lay"},
                {"lay", VBD, "lie"}, {"forced", VBN, "force"},
                {"ousted", VBN, "oust"}, {"sanctioned", VBN, "sanction"},
                {"shelled", VBD, "shell"}, {"raided", VBD, "raid"},
                {"panicked", VBD, "panic"}, {"eyed", VBD, "eye"},
                {"owed", VBD, "owe"}, {"dyed", VBD, "dye"},
                {"used", VBD, "use"}, {"based", VBN, "base"},
                {"erred", VBD, "err"}, {"focused", VBD, "focus"},
                {"focussed", VBD, "focus"}, {"judged", VBD, "judge"},
                {"solved", VBD, "solve"}, {"argued", VBD, "argue"},
                {"weaponized", VBN, "weaponize"}, {"re-elected", VBN, "re-elect"},
                {"re-filled", VBN, "re-fill"}, {"shed", VBD, "shed"},
                {"bled", VBD, "bleed"}, {"fed", VBN, "feed"},
                {"sped", VBD, "speed"}, {"needed", VBD, "need"},
                {"proceeded", VBD, "proceed"}, {"singed", VBD, "singe"},
                {"taxied", VBD, "taxi"}, {"skied", VBD, "ski"},
                {"outdated", VBN, "outdate"},
                {"overdeveloped", VBN, "overdevelop"},
                {"fluorinated", VBN, "fluorinate"}, {"combated", VBD, "combat"},
                {"installed", VBD, "install"}, {"fulfilled", VBD, "fulfill"},
                {"bathed", VBD, "bathe"}, {"stared", VBD, "stare"});
}

/* Third person singular (VBZ). */
static void t_news_present(void) {
    CHECK_CASES({"attacks", VBZ, "attack"}, {"says", VBZ, "say"},
                {"denies", VBZ, "deny"}, {"dies", VBZ, "die"},
                {"ties", VBZ, "tie"}, {"lies", VBZ, "lie"},
                {"reaches", VBZ, "reach"}, {"pushes", VBZ, "push"},
                {"taxes", VBZ, "tax"}, {"fixes", VBZ, "fix"},
                {"passes", VBZ, "pass"}, {"focuses", VBZ, "focus"},
                {"buzzes", VBZ, "buzz"}, {"uses", VBZ, "use"},
                {"causes", VBZ, "cause"}, {"seizes", VBZ, "seize"},
                {"rises", VBZ, "rise"}, {"goes", VBZ, "go"},
                {"does", VBZ, "do"}, {"vetoes", VBZ, "veto"},
                {"echoes", VBZ, "echo"}, {"agrees", VBZ, "agree"},
                {"hopes", VBZ, "hope"}, {"leaves", VBZ, "leave"},
                {"is", VBZ, "be"}, {"has", VBZ, "have"},
                {"'s", VBZ, "be"}, {"threatens", VBZ, "threaten"},
                {"plays", VBZ, "play"}, {"tries", VBZ, "try"},
                {"quizzes", VBZ, "quiz"});
}

/* Present participles (VBG). */
static void t_news_gerund(void) {
    CHECK_CASES({"making", VBG, "make"}, {"dying", VBG, "die"},
                {"lying", VBG, "lie"}, {"tying", VBG, "tie"},
                {"trying", VBG, "try"}, {"stopping", VBG, "stop"},
                {"killing", VBG, "kill"}, {"visiting", VBG, "visit"},
                {"hoping", VBG, "hope"}, {"hopping", VBG, "hop"},
                {"singing", VBG, "sing"}, {"staring", VBG, "stare"},
                {"agreeing", VBG, "agree"}, {"seeing", VBG, "see"},
                {"fleeing", VBG, "flee"}, {"being", VBG, "be"},
                {"having", VBG, "have"}, {"doing", VBG, "do"},
                {"going", VBG, "go"}, {"saying", VBG, "say"},
                {"running", VBG, "run"}, {"beginning", VBG, "begin"},
                {"referring", VBG, "refer"}, {"calling", VBG, "call"},
                {"fighting", VBG, "fight"}, {"urging", VBG, "urge"},
                {"taking", VBG, "take"}, {"writing", VBG, "write"},
                {"using", VBG, "use"}, {"eyeing", VBG, "eye"},
                {"dyeing", VBG, "dye"}, {"negotiating", VBG, "negotiate"},
                {"bring", VBG, "bring"}, {"gon", VBG, "go"});
}

/* Auxiliaries, contractions and modals. */
static void t_auxiliaries(void) {
    CHECK_CASES({"were", VBD, "be"}, {"was", VBD, "be"},
                {"are", VBP, "be"}, {"am", VBP, "be"},
                {"'re", VBP, "be"}, {"'m", VBP, "be"},
                {"been", VBN, "be"}, {"be", VB, "be"},
                {"had", VBD, "have"}, {"had", VBN, "have"},
                {"'ve", VBP, "have"}, {"'d", VBD, "have"},
                {"'d", MD, "would"}, {"did", VBD, "do"},
                {"done", VBN, "do"}, {"ca", MD, "can"},
                {"wo", MD, "will"}, {"'ll", MD, "will"},
                {"sha", MD, "shall"}, {"will", MD, "will"},
                {"would", MD, "would"}, {"can", MD, "can"},
                {"n't", RB, "n't"}, {"'s", POS, "'s"});
}

/* Base forms stay, including those that look like past forms. */
static void t_base_forms(void) {
    CHECK_CASES({"attack", VB, "attack"}, {"attack", VBP, "attack"},
                {"found", VB, "found"}, {"lay", VBP, "lay"},
                {"saw", VB, "saw"}, {"need", VBP, "need"},
                {"bleed", VB, "bleed"}, {"lies", NNS, "lie"});
}

/* Plural nouns. */
static void t_nouns(void) {
    CHECK_CASES({"troops", NNS, "troop"}, {"forces", NNS, "force"},
                {"militants", NNS, "militant"}, {"casualties", NNS, "casualty"},
                {"countries", NNS, "country"}, {"ceasefires", NNS, "ceasefire"},
                {"talks", NNS, "talk"}, {"people", NNS, "people"},
                {"police", NNS, "police"}, {"media", NNS, "media"},
                {"media", NN, "media"}, {"data", NNS, "data"},
                {"criteria", NNS, "criterion"}, {"theses", NNS, "thesis"},
                {"leaves", NNS, "leaf"}, {"children", NNS, "child"},
                {"women", NNS, "woman"}, {"men", NNS, "man"},
                {"gunmen", NNS, "gunman"}, {"policemen", NNS, "policeman"},
                {"crises", NNS, "crisis"}, {"analyses", NNS, "analysis"},
                {"militias", NNS, "militia"}, {"agencies", NNS, "agency"},
                {"taxes", NNS, "tax"}, {"ties", NNS, "tie"},
                {"lies", NNS, "lie"}, {"buses", NNS, "bus"},
                {"news", NNS, "news"}, {"news", NN, "news"},
                {"series", NNS, "series"}, {"species", NNS, "species"},
                {"politics", NNS, "politics"}, {"headquarters", NNS, "headquarters"},
                {"arms", NNS, "arms"}, {"means", NNS, "means"},
                {"status", NNS, "status"}, {"virus", NNS, "virus"},
                {"crisis", NNS, "crisis"}, {"menus", NNS, "menu"},
                {"taxis", NNS, "taxi"}, {"iraqis", NNS, "iraqi"},
                {"cases", NNS, "case"}, {"houses", NNS, "house"},
                {"causes", NNS, "cause"}, {"headaches", NNS, "headache"},
                {"churches", NNS, "church"}, {"boxes", NNS, "box"},
                {"clashes", NNS, "clash"}, {"prizes", NNS, "prize"},
                {"heroes", NNS, "hero"}, {"potatoes", NNS, "potato"},
                {"shoes", NNS, "shoe"}, {"volcanoes", NNS, "volcano"},
                {"movies", NNS, "movie"}, {"allies", NNS, "ally"},
                {"authorities", NNS, "authority"}, {"lives", NNS, "life"},
                {"wives", NNS, "wife"}, {"knives", NNS, "knife"},
                {"wolves", NNS, "wolf"}, {"archives", NNS, "archive"},
                {"feet", NNS, "foot"}, {"mice", NNS, "mouse"},
                {"phenomena", NNS, "phenomenon"}, {"indices", NNS, "index"},
                {"bases", NNS, "base"}, {"crosses", NNS, "cross"},
                {"losses", NNS, "loss"}, {"glass", NNS, "glass"},
                {"lenses", NNS, "lens"}, {"gases", NNS, "gas"},
                {"biases", NNS, "bias"}, {"statuses", NNS, "status"},
                {"responses", NNS, "response"}, {"purposes", NNS, "purpose"},
                {"meetings", NNS, "meeting"}, {"elections", NNS, "election"},
                {"protesters", NNS, "protester"}, {"sanctions", NNS, "sanction"},
                {"missiles", NNS, "missile"}, {"hostages", NNS, "hostage"},
                {"refugees", NNS, "refugee"}, {"brothers-in-law", NNS, "brother-in-law"},
                {"clothes", NNS, "clothes"}, {"monies", NNS, "money"},
                {"lures", NNS, "lure"}, {"masses", NNS, "mass"},
                {"attack", NN, "attack"}, {"government", NN, "government"},
                {"bus", NN, "bus"}, {"analysis", NN, "analysis"});
}

/* Proper nouns and other tags are copied. */
static void t_copied(void) {
    CHECK_CASES({"states", NNPS, "states"}, {"united", NNP, "united"},
                {"nations", NNPS, "nations"}, {"troops", NNP, "troops"},
                {"attacked", JJ, "attacked"}, {"wounded", JJ, "wounded"},
                {"as", IN, "as"}, {"us", PRP, "us"}, {"the", DT, "the"},
                {"children", JJ, "children"}, {"was", RB, "was"},
                {"were", BEDE_TAG_COUNT, "were"}, {"were", -1, "were"});
}

/* The output is NUL-terminated within cap, never longer. */
static void t_capacity(void) {
    char out[16];
    memset(out, 'x', sizeof out);
    CHECK_INT(lemmatize("attacked", 8, VBD, out, 4), 3);
    CHECK_STR(out, "att");
    CHECK_INT(out[4], 'x');
    memset(out, 'x', sizeof out);
    CHECK_INT(lemmatize("attacked", 8, VBD, out, 7), 6);
    CHECK_STR(out, "attack");
    CHECK_INT(lemmatize("attacked", 8, VBD, out, 6), 5);
    CHECK_STR(out, "attac");
    CHECK_INT(lemmatize("hoped", 5, VBD, out, 5), 4);
    CHECK_STR(out, "hope");
    CHECK_INT(lemmatize("hoped", 5, VBD, out, 4), 3);
    CHECK_STR(out, "hop");
    CHECK_INT(lemmatize("agencies", 8, NNS, out, 6), 5);
    CHECK_STR(out, "agenc");
    CHECK_INT(lemmatize("sought", 6, VBD, out, 3), 2);
    CHECK_STR(out, "se");
    CHECK_INT(lemmatize("sought", 6, VBD, out, 1), 0);
    CHECK_STR(out, "");
    memset(out, 'x', sizeof out);
    CHECK_INT(lemmatize("sought", 6, VBD, out, 0), 0);
    CHECK_INT(out[0], 'x');
    CHECK_INT(lemmatize("sought", 6, IN, out, 4), 3);
    CHECK_STR(out, "sou");
}

/* Empty input, and input that is not NUL-terminated. */
static void t_edges(void) {
    char out[16];
    for (int tag = -1; tag <= BEDE_TAG_COUNT; tag++) {
        memset(out, 'x', sizeof out);
        CHECK_INT(lemmatize("", 0, tag, out, sizeof out), 0);
        CHECK_STR(out, "");
    }
    /* Only the first len bytes count: "attackedXYZ" with len 8. */
    CHECK_INT(lemmatize("attackedXYZ", 8, VBD, out, sizeof out), 6);
    CHECK_STR(out, "attack");
    CHECK_INT(lemmatize("wentworth", 4, VBD, out, sizeof out), 2);
    CHECK_STR(out, "go");
    static const char *const tiny[] = {"s", "ed", "es", "ies", "ing", "men",
                                       "'", "-", "y", "ied", "eed", "ss"};
    static const int tags[] = {NNS, VBZ, VBD, VBN, VBG, VBP, MD};
    for (size_t i = 0; i < sizeof tiny / sizeof tiny[0]; i++) {
        for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
            size_t n = lemmatize(tiny[i], strlen(tiny[i]), tags[t], out,
                                 sizeof out);
            CHECK(n == strlen(out) && n > 0);
        }
    }
    /* A long word is handled without reading or writing out of bounds. */
    char long_word[300], big[400];
    memset(long_word, 'a', sizeof long_word);
    memcpy(long_word + sizeof long_word - 3, "ies", 3);
    CHECK_INT(lemmatize(long_word, sizeof long_word, NNS, big, sizeof big),
              sizeof long_word - 2);
    CHECK_INT(big[sizeof long_word - 3], 'y');
    /* Bytes outside a-z pass through. */
    CHECK_INT(lemmatize("caf\xc3\xa9s", 6, NNS, out, sizeof out), 5);
    CHECK_STR(out, "caf\xc3\xa9");
}

TEST_MAIN(TEST(t_news_past), TEST(t_news_present), TEST(t_news_gerund),
          TEST(t_auxiliaries), TEST(t_base_forms), TEST(t_nouns),
          TEST(t_copied), TEST(t_capacity), TEST(t_edges))
