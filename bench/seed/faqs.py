#!/usr/bin/env python3
"""Writes INSERT statements for realistic FAQ articles (default 10 000) to stdout.

Questions combine help-desk verbs, objects and contexts, so searches with typos and inflections have
real competition. The SQL is the same for SQLite and PostgreSQL; timestamps use the given format.
Usage: faqs.py COUNT sqlite|postgresql
"""
import random
import sys
import uuid

VERBS = ["reset", "change", "update", "delete", "cancel", "download", "configure", "enable", "disable",
         "connect", "share", "recover", "find", "create", "export", "import", "rename", "verify", "transfer",
         "merge", "restore", "schedule", "archive", "invite", "remove", "upgrade", "downgrade", "pause", "renew",
         "sync"]
OBJECTS = ["password", "invoice", "refund", "account", "email address", "subscription", "data export", "API key",
           "billing address", "payment method", "integration", "notification settings", "report", "dashboard",
           "team members", "permissions", "login", "two-factor authentication", "webhook", "profile picture",
           "language", "time zone", "receipt", "plan", "credit card", "workspace", "calendar", "backup", "domain",
           "single sign-on", "mobile app", "contacts", "tags", "custom fields", "automation", "template",
           "attachments", "audit log", "tax ID", "coupon"]
CONTEXTS = ["", "on the mobile app", "from the dashboard", "for my whole team", "after my trial ends",
            "without losing data", "in bulk", "on a shared account", "when I am locked out", "for last month",
            "from another provider", "on iOS", "on Android", "in the browser", "as an admin", "via the API"]
CATEGORIES = ["general", "account", "technical", "billing"]
STEPS = ["Open Settings and choose {o}.", "Click {v} and confirm in the dialog.", "Changes apply within a few minutes.",
         "Admins can do this for the whole workspace.", "If the button is greyed out, ask your workspace owner.",
         "You will get a confirmation email.", "This cannot be undone after 30 days.",
         "Contact support if you see an error message."]


def main():
    count = int(sys.argv[1])
    vendor = sys.argv[2]
    rnd = random.Random(42)
    combos = [(v, o, c) for v in VERBS for o in OBJECTS for c in CONTEXTS]
    rnd.shuffle(combos)
    print("BEGIN;")
    for i, (verb, obj, ctx) in enumerate(combos[:count]):
        question = f"How do I {verb} my {obj}{' ' + ctx if ctx else ''}?"
        answer = " ".join(s.format(v=verb.capitalize(), o=obj) for s in rnd.sample(STEPS, 4))
        category = CATEGORIES[i % 4]
        seconds = i * 60
        if vendor == "postgresql":
            ts = f"timestamptz '2025-01-01 00:00:00+00' + interval '{seconds} seconds'"
        else:
            ts = f"strftime('%Y-%m-%dT%H:%M:%f', '2025-01-01', '+{seconds} seconds') || '000Z'"
        q = question.replace("'", "''")
        a = answer.replace("'", "''")
        print(f"INSERT INTO faqs (id, question, answer, category, status, created_at, updated_at) VALUES "
              f"('{uuid.UUID(int=rnd.getrandbits(128), version=4)}', '{q}', '{a}', '{category}', 'published', {ts}, {ts});")
    print("COMMIT;")


if __name__ == "__main__":
    main()
