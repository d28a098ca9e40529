#!/usr/bin/env python3
"""Generates the ingest benchmark corpus: JSON Lines articles composed of
sentences of the UD English treebanks (read from ../shared/corpora at run
time, never copied into the repository) and sentences from templates of our
own with varied actor names, so that extraction has work to do.

    bench/gen_corpus.py --shared ../shared --docs 20000 --min-words 10000000 --out DIR [--shards 4]

Writes DIR/corpus-N.jsonl (N = 0..shards-1) and prints the counts. The
output is deterministic for a given seed. Nothing is written to the repository.
"""
import argparse
import glob
import json
import os
import random
import sys

FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Felix", "Greta", "Hugo", "Irina", "Jonas", "Karin",
         "Luca", "Marta", "Nikolai", "Olga", "Pavel", "Rosa", "Stefan", "Tamara", "Viktor", "Yusuf", "Zofia",
         "Marco", "Sophie", "Andrei", "Lena", "Tomas", "Ingrid", "Rafael", "Ines"]
LAST = ["Kovacs", "Moretti", "Lindqvist", "Petrov", "Dubois", "Novak", "Schmidt", "Rossi", "Horvath", "Weber",
        "Jansen", "Kowalski", "Bianchi", "Larsen", "Popescu", "Fischer", "Marchetti", "Varga", "Sokolov",
        "Laurent", "Berg", "Ferrari", "Nagy", "Ivanova", "Keller", "Conti", "Halvorsen", "Dimitrov"]
KNOWN = ["Vladimir Putin", "Marine Le Pen", "Matteo Salvini", "Viktor Orban", "Nigel Farage", "Donald Trump",
         "Jair Bolsonaro", "Olaf Scholz", "Emmanuel Macron", "Sergei Lavrov"]
ORGS = ["the {l} Bank", "{l} Energy", "the National {x} Party", "the {x} Movement", "{l} Media Group",
        "the {x} Foundation"]
ADJ = ["Liberty", "Unity", "Renewal", "Freedom", "Patriotic", "Democratic", "Civic", "Progress"]
COUNTRIES = ["Russia", "Italy", "France", "Hungary", "Brazil", "Ukraine", "Germany", "Poland", "Serbia",
             "the United States", "China", "Austria"]
CITIES = ["Moscow", "Rome", "Paris", "Budapest", "Brasilia", "Kyiv", "Berlin", "Warsaw", "Belgrade", "Vienna"]
TEMPLATES = [
    "{A} praised {B} during a visit to {city} in {year}.",
    "{A} met {B} in {city} on {month} {day}, {year}.",
    "{A} criticized {B} over the trade dispute with {C}.",
    "{A}, the leader of {O}, condemned {C} last week.",
    "According to reports, {O} received a loan of {n} million euros from {O2}.",
    "{A} said that {B} was \"a true friend of {C}\".",
    "{A} is a member of {O} and an adviser to {B}.",
    "{C} imposed sanctions on {C2} after talks between {A} and {B} failed.",
    "{O} signed a gas supply contract with {O2} in {year}.",
    "{A} has long been close to {B}, a former official of {C}.",
    "Prosecutors allege that {O} funded the campaign of {A}.",
    "{A} and {B} held talks in {city} about energy and security.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def ud_sentences(shared):
    files = sorted(glob.glob(os.path.join(shared, "corpora", "ud_english_*", "*.conllu")))
    if not files:
        sys.exit(f"gen_corpus: no UD treebank under {shared}/corpora/ud_english_*")
    out = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# text = "):
                    s = line[9:].strip()
                    if len(s.split()) >= 4:
                        out.append(s)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--min-words", type=int, default=10_000_000)
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    ud = ud_sentences(args.shared)
    people = KNOWN + [f"{f} {l}" for f in FIRST for l in LAST]
    orgs = [o.format(l=rng.choice(LAST), x=rng.choice(ADJ)) for o in ORGS for _ in range(12)]
    words_per_doc = -(-args.min_words // args.docs)

    def template():
        a, b = rng.sample(people, 2)
        c, c2 = rng.sample(COUNTRIES, 2)
        o, o2 = rng.sample(orgs, 2)
        s = rng.choice(TEMPLATES).format(A=a, B=b, C=c, C2=c2, O=o, O2=o2, city=rng.choice(CITIES),
                                         year=rng.randint(2005, 2024), month=rng.choice(MONTHS),
                                         day=rng.randint(1, 28), n=rng.randint(2, 90))
        return s[0].upper() + s[1:]

    os.makedirs(args.out, exist_ok=True)
    shards = [open(os.path.join(args.out, f"corpus-{i}.jsonl"), "w", encoding="utf-8") for i in range(args.shards)]
    total_words = 0
    for d in range(args.docs):
        target = rng.randint(words_per_doc * 3 // 4, words_per_doc * 5 // 4)
        paragraphs, para, words = [], [], 0
        while words < target:
            s = template() if rng.random() < 0.3 else rng.choice(ud)
            para.append(s)
            words += len(s.split())
            if len(para) >= rng.randint(3, 6):
                paragraphs.append(" ".join(para))
                para = []
        if para:
            paragraphs.append(" ".join(para))
        text = "\n\n".join(paragraphs)
        total_words += len(text.split())
        rec = {"id": f"bench-{d:05d}", "title": f"Bench article {d}", "published": f"20{10 + d % 14}-0{1 + d % 9}-15",
               "url": f"https://example.org/bench/{d}", "text": text}
        shards[d % args.shards].write(json.dumps(rec, ensure_ascii=False) + "\n")
    for f in shards:
        f.close()
    # Top up if short (rounding): not expected with the ceiling division above.
    print(f"gen_corpus: {args.docs} documents, {total_words} words, {args.shards} shards in {args.out}")
    if total_words < args.min_words:
        print(f"gen_corpus: warning: {total_words} words < {args.min_words}", file=sys.stderr)


if __name__ == "__main__":
    main()
