#!/usr/bin/env python3
"""Writes pii-dataset.jsonl: support messages with personal data marked as [[KIND|value]].

The messages are written by hand as templates; the script fills them with generated values that are valid where a
checksum exists (Luhn for cards, mod 97 for IBANs), so the set can be regenerated and extended. Negatives (dates,
versions, commit ids, invalid checksums, MAC addresses...) are written into the templates as plain text.
Run: python3 make-pii-dataset.py > pii-dataset.jsonl
"""
import json
import random
import string

rnd = random.Random(20261124)

FIRST = ["Ana", "Jonas", "Priya", "Mohammed", "Chloé", "Liam", "Sofia", "Kenji", "Olga", "Diego", "Fatima",
         "Noah", "Ingrid", "Tomasz", "Amara", "Lucas", "Mei", "Sebastián", "Hannah", "Oluwaseun"]
LAST = ["Lopez", "Becker", "Raman", "Al-Farsi", "Dubois", "O'Connor", "Rossi", "Tanaka", "Ivanova", "Fernández",
        "Haddad", "Smith", "Johansson", "Kowalski", "Okafor", "Martin", "Chen", "Ortega", "Schmidt", "Adeyemi"]
DOMAINS = ["example.com", "mail.example.org", "acme-corp.io", "example.co.uk", "post.example.de", "uni-example.edu"]


def email(first, last):
    f, l = first.lower().replace("é", "e").replace("á", "a"), last.lower().replace("'", "").replace("á", "a")
    forms = [f"{f}.{l}", f"{f[0]}{l}", f"{f}_{l}", f"{f}.{l}+billing", f"{l}{rnd.randint(1, 99)}", f"{f.upper()}"]
    return rnd.choice(forms) + "@" + rnd.choice(DOMAINS)


def phone():
    forms = [
        lambda: f"+1 415-555-0{rnd.randint(100, 199)}",
        lambda: f"(415) 555-0{rnd.randint(100, 199)}",
        lambda: f"+44 20 7946 0{rnd.randint(100, 999)}",
        lambda: f"020 7946 0{rnd.randint(100, 999)}",
        lambda: f"+49 30 {rnd.randint(100000, 999999)}",
        lambda: f"0049 89 {rnd.randint(1000000, 9999999)}",
        lambda: f"+33 6 {rnd.randint(10, 99)} {rnd.randint(10, 99)} {rnd.randint(10, 99)} {rnd.randint(10, 99)}",
        lambda: f"06 {rnd.randint(10, 99)} {rnd.randint(10, 99)} {rnd.randint(10, 99)} {rnd.randint(10, 99)}",
        lambda: f"415.555.0{rnd.randint(100, 199)}",
        lambda: f"+61 2 9876 {rnd.randint(1000, 9999)}",
        lambda: f"07700 900{rnd.randint(100, 999)}",
        lambda: f"+1-800-555-0{rnd.randint(100, 199)} ext. {rnd.randint(10, 999)}",
        lambda: f"+81 3-1234-{rnd.randint(1000, 9999)}",
        lambda: f"+34 612 {rnd.randint(100, 999)} {rnd.randint(100, 999)}",
        lambda: f"0171 {rnd.randint(1000000, 9999999)}",
        lambda: f"+91 98765 {rnd.randint(10000, 99999)}",
        lambda: f"555-0{rnd.randint(100, 199)}-{rnd.randint(1000, 9999)}",
    ]
    return rnd.choice(forms)()


def luhn_complete(prefix, length):
    digits = prefix + "".join(rnd.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for check in string.digits:
        candidate = digits + check
        total = 0
        for i, ch in enumerate(reversed(candidate)):
            d = int(ch)
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        if total % 10 == 0:
            return candidate
    raise AssertionError


def card():
    kind = rnd.choice(["visa", "mc", "amex", "disc"])
    if kind == "amex":
        n = luhn_complete(rnd.choice(["34", "37"]), 15)
        return rnd.choice([f"{n[:4]} {n[4:10]} {n[10:]}", n])
    n = luhn_complete({"visa": "4", "mc": rnd.choice(["51", "52", "55"]), "disc": "6011"}[kind], 16)
    sep = rnd.choice([" ", "-", ""])
    return sep.join(n[i:i + 4] for i in range(0, 16, 4))


def iban():
    country, body = rnd.choice([
        ("DE", lambda: "".join(rnd.choice(string.digits) for _ in range(18))),
        ("GB", lambda: "NWBK" + "".join(rnd.choice(string.digits) for _ in range(14))),
        ("FR", lambda: "".join(rnd.choice(string.digits) for _ in range(23))),
        ("NL", lambda: "ABNA" + "".join(rnd.choice(string.digits) for _ in range(10))),
        ("ES", lambda: "".join(rnd.choice(string.digits) for _ in range(20))),
        ("IT", lambda: "X" + "".join(rnd.choice(string.digits) for _ in range(22))),
        ("BE", lambda: "".join(rnd.choice(string.digits) for _ in range(12))),
    ])
    bban = body()
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    compact = f"{country}{check:02d}{bban}"
    if rnd.random() < 0.6:
        return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))
    return compact


def ip4():
    return f"{rnd.choice([23, 45, 81, 93, 104, 151, 176, 185, 203, 212])}.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}"


def ip6():
    return rnd.choice([
        f"2001:db8::{rnd.randint(1, 9999)}",
        f"2a02:810d:{rnd.randint(1000, 9999)}:a100::{rnd.randint(1, 99)}",
        "fe80::1ff:fe23:4567:890a",
        f"2001:0db8:85a3:0000:0000:8a2e:0370:{rnd.randint(1000, 7334)}",
        "2606:4700:4700::1111",
    ])


def alnum(n, chars=string.ascii_letters + string.digits):
    return "".join(rnd.choice(chars) for _ in range(n))


def secret():
    return rnd.choice([
        lambda: "sk_live_" + alnum(24),
        lambda: "sk_test_" + alnum(24),
        lambda: "ghp_" + alnum(36),
        lambda: "AKIA" + alnum(16, string.ascii_uppercase + string.digits),
        lambda: "xoxb-" + alnum(11, string.digits) + "-" + alnum(12, string.digits) + "-" + alnum(24),
        lambda: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI" + alnum(20) + "." + alnum(43, string.ascii_letters + string.digits + "_-"),
        lambda: "AIza" + alnum(35, string.ascii_letters + string.digits + "_-"),
        lambda: "glpat-" + alnum(20),
    ])()


def labelled_secret():
    value = rnd.choice([
        lambda: alnum(32, "0123456789abcdef"),
        lambda: alnum(40),
        lambda: "Tr0ub4dor&" + str(rnd.randint(1, 9)),
        lambda: "Winter" + str(rnd.randint(2019, 2026)) + "!",
    ])()
    label = rnd.choice(["api key: ", "API key is ", "token=", "client secret: ", "password: ", "my password is "])
    return label, value


def account():
    return rnd.choice([f"ORD-{rnd.randint(100000, 999999)}", f"INV-{rnd.randint(20000, 99999)}",
                       f"ACCT-{rnd.randint(1000000, 9999999)}", f"CUST{rnd.randint(10000, 99999)}"])


def invalid_card():
    n = luhn_complete("4", 16)
    bad = n[:-1] + str((int(n[-1]) + 3) % 10)
    return " ".join(bad[i:i + 4] for i in range(0, 16, 4))


def invalid_iban():
    good = iban().replace(" ", "")
    check = int(good[2:4])
    bad = good[:2] + f"{(check + 1) % 100:02d}" + good[4:]
    return " ".join(bad[i:i + 4] for i in range(0, len(bad), 4))


def m(kind, value):
    return f"[[{kind}|{value}]]"


# Templates: {N} full name, {F} first name, {E} email, {P} phone, {C} card, {I} iban, {V4} ipv4, {V6} ipv6,
# {S} secret, {L} labelled secret, {A} account/order number, {BADC} invalid card, {BADI} invalid iban, {D} date.
TEMPLATES = [
    "Hi, I'm {N} and I can't log in since yesterday. My account email is {E}. Please call me back on {P}.",
    "Hello support, my card {C} was charged twice for order {A}. Can you refund one of the payments?",
    "Please send the refund to my IBAN {I} instead of the card. Thanks, {F}",
    "The webhook from our server {V4} gets a 401 since the 2.14.0 release. We rotated the key {S} last week.",
    "Our office IP {V4} is blocked by the firewall rule you added on {D}. Could you whitelist it?",
    "Login from {V6} was flagged as suspicious but that is our VPN. Contact me at {E}.",
    "I pasted my API key in the config by mistake: {S}. Is it safe? Should I rotate it?",
    "Hi team, {N} here. Phone: {P}. Email: {E}. I need an invoice copy for {A}.",
    "Our integration fails with 'invalid signature'. Request id 9b1f-22aa, timestamp {D} 14:32:05 UTC, key {S}.",
    "We moved to a new bank. New IBAN: {I}. Old one was {BADI} (closed). Please update the direct debit.",
    "My colleague {N} ({E}) should become an admin of our workspace.",
    "I typed {BADC} and the checkout said the card is invalid, but my real card {C} also fails.",
    "The export button on version 10.2.0.15 does nothing. Browser Firefox 128.0.3, Windows 11 23H2.",
    "Can you call me? {P} between 9:00 and 17:30 CET. It's about ticket #88231.",
    "Since {D} the sync stops at 99%. Log says: connect ECONNREFUSED {V4}:5432",
    "Hey, this is {F}. I changed my number, it's {P} now, and my email is {E}.",
    "The SSO login loops. Our IdP is at https://sso.example.com and the callback comes from {V6}.",
    "Our developer committed {L} to a public repo, commit 3f2a9c1d4b5e6f708192a3b4c5d6e7f8091a2b3c. Please revoke it.",
    "Invoice {A} shows 1,299.00 EUR but we were quoted 1,099.00 EUR. The PO number is 4500123456.",
    "I'd like to pay by bank transfer. Our account: {I}, BIC DEUTDEFFXXX. Contact {N}, {P}.",
    "Reset link expired (sent {D} 08:15). My username is {E}. I am {N}.",
    "Our MAC address 00:1A:2B:3C:4D:5E is registered but the device still shows offline at 12:30:45.",
    "The UUID 123e4567-e89b-12d3-a456-426614174000 appears in the error, nothing else. Build 2024.03.15.",
    "Printer at {V4} prints blank pages. Firmware 4.2.1.8. Serial SN-20391-AB.",
    "Hi, {F} again. The GitHub token {S} stopped working with error 403 after 90 days.",
    "Charge of $49.99 on {D}, card ending 4242. I never ordered {A}!",
    "I cannot remember which email I used: maybe {E} or {E2}?",
    "Our AWS access key {S} shows up in your audit log, we did not create it.",
    "Please update my billing phone to {P} and remove {P2}.",
    "Our server at {V4} and the backup at {V4B} both time out on port 8443.",
    "Error 0x80070005 when installing. Tried on 3 PCs. Call {P} if you need remote access.",
    "My password is not working. I set it to {L2} yesterday, is that allowed?",
    "Postcode 10115, order {A}, delivered to the wrong address. Contact: {E}.",
    "Payment failed: card {C}, amount 249.00, reference AL-1042, date {D}.",
    "Nothing personal here: the dashboard chart shows 12.5% instead of 125%. Reproduced on 2 accounts.",
    "Our HR contact {N} left; please send contracts to {E} from now on.",
    "curl -H 'Authorization: Bearer {S}' https://api.example.com/v2/items returns 500.",
    "I called 3 times (reference 2024-0091) and nobody answered. My number is {P}.",
    "Device IPv6 {V6} and IPv4 {V4} both show in the session list. Are they mine?",
    "Could you send the SEPA mandate for {I}? Account holder {N}.",
    "The import of 12,000 rows took 45 minutes (v3.1.4). Row 8823 had a bad date 31/02/2024.",
    "Tracking number 1Z999AA10123456784 shows delivered but nothing arrived. Order {A}.",
    "My credit card number is {C}, expiry 09/27, please charge the upgrade.",
    "Our Slack bot token {S} is rejected with invalid_auth.",
    "Hi! {F} from accounting. Reach me at {P} or {E}.",
    "ISBN 978-3-16-148410-0 is missing in the catalog search, and so is 978-0-306-40615-7.",
    "The color #1a2b3c renders wrong and the HTTP status is 503 on /api/health.",
    "Transfer {I} failed with error code 4021. Amount 1 250,00 EUR.",
    "Please delete all data about me, {N}, {E}, {P}.",
    "Timestamp 1700000000 in the export is wrong; it should be 1700003600.",
    "We see requests from {V4} hitting /admin with the header X-Api-Key: {L3}.",
]

NEGATIVE_TEMPLATES = [
    "The report for Q3 2024 ran at 02:00:00 and produced 1,024 pages; version 5.6.7.8 of the agent.",
    "Build 20240315.2 broke the login page. Commit a94a8fe5ccb19ba61c4c0873d391e987982fbbd3.",
    "Our checksum is d41d8cd98f00b204e9800998ecf8427e, and the file is 3,145,728 bytes.",
    "Card number 4111 1111 1111 1112 in your docs fails the test mode check.",
    "The sample IBAN GB82 WEST 1234 5698 7654 33 in the docs is rejected by our bank (typo?).",
    "MAC 3C:22:FB:9A:11:0E, serial 5CD1234XYZ, asset tag 000123456.",
    "Upgrade from 1.2.3 to 1.2.4 failed on 2025-01-31 at 23:59.",
    "Invoice total 12 345,67 EUR, VAT 19%, due 30.04.2025.",
    "We have 15 users, 3 admins and 250 GB storage, plan ID 7 since 12/03/2023.",
    "Release v10.0.0.1 changed the API; the OpenAPI file is 2.3 MB.",
]


def fill(template):
    first, last = rnd.choice(FIRST), rnd.choice(LAST)
    full = f"{first} {last}"
    names = [full]
    values = {
        "N": m("NAME", full), "F": m("NAME", first), "E": m("EMAIL", email(first, last)),
        "E2": m("EMAIL", email(first, rnd.choice(LAST))), "P": m("PHONE", phone()), "P2": m("PHONE", phone()),
        "C": m("CARD", card()), "I": m("IBAN", iban()), "V4": m("IP", ip4()), "V4B": m("IP", ip4()),
        "V6": m("IP", ip6()), "S": m("SECRET", secret()), "A": m("ACCOUNT", account()),
        "BADC": invalid_card(), "BADI": invalid_iban(),
        "D": rnd.choice(["2025-03-14", "14/03/2025", "March 14", "2024-11-02", "03.02.2025"]),
    }
    label, value = labelled_secret()
    values["L"] = label + m("SECRET", value)
    label2, value2 = labelled_secret()
    values["L2"] = m("SECRET", value2)
    values["L3"] = m("SECRET", alnum(32, "0123456789abcdef"))
    text = template
    for key in sorted(values, key=len, reverse=True):
        text = text.replace("{" + key + "}", values[key])
    return {"text": text, "names": names}


rows = []
for template in TEMPLATES:
    for _ in range(3):
        rows.append(fill(template))
for template in NEGATIVE_TEMPLATES:
    rows.append({"text": template, "names": [f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"]})
for i, row in enumerate(rows):
    row = {"id": i + 1, **row}
    print(json.dumps(row, ensure_ascii=False))
