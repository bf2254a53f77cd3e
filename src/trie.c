/*
 * Phrase trie over word ids. Nodes hold the phrases that end there; edges
 * are found by one hash probe per token: a single open-addressing table keyed
 * by (node, word). Stem and regular-ending edges are in the same table, their
 * word id tagged (TRIE_STEM, TRIE_ENDINGS): the matcher probes them with the
 * ids of a token's prefixes and of the token without its ending. Edges that
 * let words come between (WORD_GAP) or take a token only as written
 * (WORD_LITERAL, not by its lemma), rare, hang off their node in a short
 * list that the matcher walks comparing strings. A Bloom filter in front
 * of the table (eight bits a slot) turns away most probes, which are for
 * edges that do not exist, without touching the table.
 */
#include "dict_internal.h"

#include <stdlib.h>
#include <string.h>

static uint64_t slot_hash(uint64_t key) {
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    key *= 0xc4ceb9fe1a85ec53ULL;
    key ^= key >> 33;
    return key;
}

static uint32_t new_node(trie *t) {
    trie_node node = {NONE, NONE, NONE};
    if (VEC_PUSH(t->nodes, node) != 0) return NONE;
    return (uint32_t)(t->nodes.n - 1);
}

int trie_init(trie *t, uint32_t roots) {
    memset(t, 0, sizeof *t);
    for (uint32_t i = 0; i < roots; i++)
        if (new_node(t) == NONE) return BEDE_ERR_NOMEM;
    return 0;
}

void trie_free(trie *t) {
    free(t->nodes.v);
    free(t->specials.v);
    free(t->values.v);
    free(t->slots);
    free(t->filter);
    memset(t, 0, sizeof *t);
}

/* The filter's two bits of a key (hash bits the slot index does not use). */
static inline uint64_t filter_bit(const trie *t, uint64_t h, int which) {
    uint64_t bits = (uint64_t)t->nslots * 8;
    return (which ? h >> 40 : h >> 20) & (bits - 1);
}

static void filter_add(trie *t, uint64_t key) {
    uint64_t h = slot_hash(key);
    for (int w = 0; w < 2; w++) {
        uint64_t b = filter_bit(t, h, w);
        t->filter[b >> 6] |= 1ull << (b & 63);
    }
}

int trie_build_filter(trie *t) {
    free(t->filter);
    t->filter = NULL;
    if (!t->nslots) return 0;
    t->filter = calloc(t->nslots / 8 + 1, sizeof *t->filter);
    if (!t->filter) return BEDE_ERR_NOMEM;
    for (size_t i = 0; i < t->nslots; i++)
        if (t->slots[i].key) filter_add(t, t->slots[i].key);
    return 0;
}

static int grow_slots(trie *t) {
    size_t n = t->nslots ? t->nslots * 2 : 1024;
    trie_slot *s = calloc(n, sizeof *s);
    if (!s) return BEDE_ERR_NOMEM;
    for (size_t i = 0; i < t->nslots; i++) {
        if (!t->slots[i].key) continue;
        size_t j = slot_hash(t->slots[i].key) & (n - 1);
        while (s[j].key) j = (j + 1) & (n - 1);
        s[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = s;
    t->nslots = n;
    return trie_build_filter(t);
}

uint32_t trie_child(const trie *t, uint32_t node, uint32_t word) {
    if (!t->nslots) return NONE;
    uint64_t key = ((uint64_t)node << 32 | word) + 1;
    uint64_t h = slot_hash(key);
    if (t->filter) {
        uint64_t b1 = filter_bit(t, h, 0), b2 = filter_bit(t, h, 1);
        if (!(t->filter[b1 >> 6] >> (b1 & 63) & 1) ||
            !(t->filter[b2 >> 6] >> (b2 & 63) & 1))
            return NONE;
    }
    size_t j = h & (t->nslots - 1);
    while (t->slots[j].key) {
        if (t->slots[j].key == key) return t->slots[j].child;
        j = (j + 1) & (t->nslots - 1);
    }
    return NONE;
}

uint32_t trie_add_edge(trie *t, uint32_t node, uint32_t word, int mode) {
    if (!(mode & WORD_GAP) && (mode & 3) != WORD_LITERAL &&
        word < TRIE_ENDINGS) {
        if ((mode & 3) == WORD_STEM) word |= TRIE_STEM;
        if ((mode & 3) == WORD_ENDINGS) word |= TRIE_ENDINGS;
        mode = WORD_EXACT;
    }
    if (mode != WORD_EXACT) {
        for (uint32_t s = t->nodes.v[node].specials; s != NONE;
             s = t->specials.v[s].next)
            if (t->specials.v[s].word == word && t->specials.v[s].mode == mode)
                return t->specials.v[s].child;
        uint32_t child = new_node(t);
        if (child == NONE) return NONE;
        trie_special sp = {word, child, t->nodes.v[node].specials,
                           (uint8_t)mode};
        if (VEC_PUSH(t->specials, sp) != 0) return NONE;
        t->nodes.v[node].specials = (uint32_t)(t->specials.n - 1);
        return child;
    }
    uint32_t have = trie_child(t, node, word);
    if (have != NONE) return have;
    if ((t->used + 1) * 4 > t->nslots * 3 && grow_slots(t) != 0) return NONE;
    uint32_t child = new_node(t);
    if (child == NONE) return NONE;
    uint64_t key = ((uint64_t)node << 32 | word) + 1;
    size_t j = slot_hash(key) & (t->nslots - 1);
    while (t->slots[j].key) j = (j + 1) & (t->nslots - 1);
    t->slots[j].key = key;
    t->slots[j].child = child;
    t->used++;
    filter_add(t, key);
    return child;
}

int trie_add_value(trie *t, uint32_t node, uint32_t phrase) {
    trie_value v = {phrase, NONE};
    if (VEC_PUSH(t->values, v) != 0) return BEDE_ERR_NOMEM;
    uint32_t id = (uint32_t)(t->values.n - 1);
    trie_node *nd = &t->nodes.v[node];
    if (nd->values == NONE)
        nd->values = id;
    else
        t->values.v[nd->last].next = id;
    nd->last = id;
    return 0;
}

size_t trie_memory(const trie *t) {
    return t->nodes.cap * sizeof(trie_node) +
           t->specials.cap * sizeof(trie_special) +
           t->values.cap * sizeof(trie_value) + t->nslots * sizeof(trie_slot) +
           (t->filter ? (t->nslots / 8 + 1) * sizeof *t->filter : 0);
}
