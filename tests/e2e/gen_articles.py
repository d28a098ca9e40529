#!/usr/bin/env python3
"""Writes N small, distinct news articles (a few sentences naming well-known
political actors, so the pipeline finds mentions and claims) as N .txt files
into a folder, for the crash and concurrency tests. Seeded: same N and seed,
same files.

    python3 tests/e2e/gen_articles.py OUT_DIR N [SEED]
"""
import os
import random
import sys

PEOPLE = ["Vladimir Putin", "Marine Le Pen", "Angela Merkel", "Emmanuel Macron", "Donald Trump",
          "Viktor Orban", "Nigel Farage", "Mike Pompeo", "Xi Jinping", "Joe Biden", "Boris Johnson",
          "Recep Tayyip Erdogan", "Olaf Scholz", "Giorgia Meloni", "Volodymyr Zelensky"]
ORGS = ["NATO", "the European Union", "Gazprom", "the United Nations", "the Kremlin"]
COUNTRIES = ["Russia", "France", "Germany", "Hungary", "China", "Ukraine", "Turkey", "Italy"]
CITIES = ["Moscow", "Paris", "Berlin", "Budapest", "Beijing", "Kyiv", "Ankara", "Rome", "London"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
TEMPLATES = [
    "{a} met {b} in {city} on {date}.",
    "{a} praised {b} for the agreement on energy.",
    "{a} sharply criticized {b} over the sanctions.",
    "{a} said that {b} had supported the plan.",
    "{a} accused {b} of interfering in the elections.",
    "{org} received funding from {country}, according to documents seen by reporters.",
    "{a} opposed the decision by {org}.",
    "{a} is a member of {org}.",
    "{a} thanked {b} for the visit to {city}.",
]


def article(rng, i):
    date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2012, 2023)}"
    sentences = [f"Report {i} from {rng.choice(CITIES)}."]
    for _ in range(rng.randint(2, 4)):
        a, b = rng.sample(PEOPLE, 2)
        sentences.append(rng.choice(TEMPLATES).format(
            a=a, b=b, city=rng.choice(CITIES), date=date, org=rng.choice(ORGS), country=rng.choice(COUNTRIES)))
    return " ".join(sentences) + "\n"


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 8)
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        with open(os.path.join(out, f"article-{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(article(rng, i))


if __name__ == "__main__":
    main()
