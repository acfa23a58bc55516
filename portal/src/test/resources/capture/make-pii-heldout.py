#!/usr/bin/env python3
"""Writes pii-heldout.jsonl: a held-out set of support messages, written by hand after the scrubber was tuned.

Unlike pii-dataset.jsonl (templates filled with generated values), every message here is written out once, in the
styles support really receives: signatures, forwarded mails, log and config snippets, chat transcripts, forum posts.
Only the checksum digits of IBANs (mod 97) and card numbers (Luhn) are computed, so the values are valid; everything
else is literal. Expected spans are marked [[KIND|value]]. Run: python3 make-pii-heldout.py > pii-heldout.jsonl
"""
import json


def iban(country, bban, grouped=True):
    """A valid IBAN for the country and BBAN (check digits computed), grouped by four unless told otherwise."""
    digits = "".join(str(int(ch, 36)) for ch in (bban + country + "00").upper())
    check = 98 - int(digits) % 97
    value = f"{country}{check:02d}{bban}"
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4)) if grouped else value


def card(body, sep=" ", groups=(4, 4, 4, 4)):
    """A Luhn-valid card number from its digits without the check digit, grouped and separated as given."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    digits = body + str((10 - total % 10) % 10)
    out, at = [], 0
    for g in groups:
        out.append(digits[at:at + g])
        at += g
    return sep.join(out)


M = []


def msg(text, names=()):
    M.append({"text": text, "names": list(names)})


# ---- signatures and ordinary mails
msg("Hi team,\n\nthe export still times out after the upgrade.\n\nBest regards\n[[NAME|Margarethe Vogel]]\n"
    "Head of Finance | Vogel & Söhne GmbH\nTel. [[PHONE|+49 (0)711 2049 3381]]\nMobil [[PHONE|+49 171 5523907]]\n"
    "[[EMAIL|m.vogel@vogel-soehne.example.de]]", ["Margarethe Vogel"])
msg("Thanks for the quick fix!\n--\n[[NAME|Raj Patel]] · Platform Engineer\n[[PHONE|+91 22 6152 4400]] (office) · "
    "[[PHONE|+91 98200 41767]] (mobile)\nSent from my iPhone", ["Raj Patel"])
msg("Cordialement,\n[[NAME|Élodie Marchand]]\nService comptabilité\nTél : [[PHONE|01 44 55 66 77]]\n"
    "Courriel : [[EMAIL|elodie.marchand@compta.example.fr]]", ["Élodie Marchand"])
msg("Kind regards, [[NAME|Siobhán Byrne]] | [[PHONE|+353 1 677 4021]] | [[EMAIL|sbyrne@example.ie]]",
    ["Siobhán Byrne"])
msg("Saludos,\n[[NAME|Javier Morales]]\n[[PHONE|+34 915 48 72 10]]\nMadrid", ["Javier Morales"])
msg("Met vriendelijke groet,\n[[NAME|Daan de Vries]]\nT [[PHONE|+31 20 794 3310]]\nE [[EMAIL|daan@devries-it.example.nl]]",
    ["Daan de Vries"])
msg("Cheers,\n[[NAME|Kiri Walker]]\nP: [[PHONE|+64 9 379 2200]] | M: [[PHONE|021 448 9012]]", ["Kiri Walker"])
msg("--\n[[NAME|Tanaka Hiroshi]]\nTEL: [[PHONE|+81 3-5412-7788]] / FAX: [[PHONE|03-5412-7789]]\n"
    "[[EMAIL|h.tanaka@example.co.jp]]", ["Tanaka Hiroshi"])

# ---- forwarded mails and mail headers
msg("---------- Forwarded message ---------\nFrom: [[NAME|Grace Okafor]] <[[EMAIL|grace.okafor@northwind.example.com]]>\n"
    "Date: Mon, 3 Mar 2025 at 09:14\nSubject: Invoice INV-2025-0311 not received\nTo: "
    "<[[EMAIL|billing@answerloop.example]]>\n\nHello, we never received the invoice for February.", ["Grace Okafor"])
msg("> On 12 Feb 2025, at 17:02, [[NAME|Mateusz Zieliński]] <[[EMAIL|mateusz.zielinski@firma.example.pl]]> wrote:\n"
    "> The sync client crashes on start.\n\nCould you send the log file?", ["Mateusz Zieliński"])
msg("Begin forwarded message:\n\nFrom: \"[[EMAIL|IT-Helpdesk@contoso.example.com]]\" "
    "<[[EMAIL|IT-Helpdesk@contoso.example.com]]>\nReply-To: [[EMAIL|noreply+ticket-88123@contoso.example.com]]\n"
    "Subject: RE: SSO login loop", [])
msg("Please reply to my colleague [[NAME|Ahmed]] ([[EMAIL|ahmed.el-sayed@example.com.eg]]) instead, cc "
    "[[EMAIL|Support.Team@Example.COM]].", ["Ahmed El-Sayed"])
msg("My address changed, please use [[EMAIL|olga.petrova@yandex.example.ru]] from now on (the old one bounced).",
    ["Olga Petrova"])
msg("You can reach me at [[EMAIL|lena dot weber at example dot de]] because your form strips the @ sign.",
    ["Lena Weber"])

# ---- phones in prose, international formats
msg("Please call me back on [[PHONE|(212) 555-0187]] between 9 and 5 EST, or text [[PHONE|+1 917 555 0142]].",
    ["Dana Kim"])
msg("Our office in Sydney is on [[PHONE|+61 (0)2 8123 4567]]; the after-hours line is [[PHONE|1300 655 506]].", [])
msg("Numéro de rappel : [[PHONE|+33 (0)6 12 34 56 78]]. Merci !", ["Camille Roux"])
msg("Call our CFO on [[PHONE|+44 (0) 20 3318 2145]] ext. 204 if the invoice is still wrong.", [])
msg("WhatsApp me at [[PHONE|+55 11 98765-4321]], I'm travelling this week.", ["Bruno Costa"])
msg("My number is [[PHONE|+86 138 0013 8000]] and the phone I registered with is [[PHONE|+852 9123 4567]].", [])
msg("Hotline [[PHONE|+43 1 58 800]] did not pick up; my direct line: [[PHONE|+43 664 123 4567]].", [])
msg("Contact person: [[NAME|Nomvula Dlamini]], cell [[PHONE|082 555 0193]], work [[PHONE|+27 21 460 9000]].",
    ["Nomvula Dlamini"])
msg("Rufen Sie mich bitte unter [[PHONE|0151 23456789]] zurück, Festnetz [[PHONE|030 / 2639 1180]].",
    ["Jan Krüger"])
msg("tel:[[PHONE|+4689204040]] is the number on the invoice, but nobody answers.", [])
msg("Call me: [[PHONE|+7 (495) 123-45-67]].", ["Irina Sokolova"])
msg("I called [[PHONE|1-800-555-0199]] three times and was on hold for 40 minutes each time.", [])

# ---- cards, with spaces and dashes
msg("The charge on my card [[CARD|" + card("411111111111111") + "]] went through twice on 14 March.",
    ["Peter Hall"])
msg("Card: [[CARD|" + card("555555555555444", "-") + "]], exp 09/27, the payment page keeps saying declined.", [])
msg("Amex [[CARD|" + card("37828224631000", " ", (4, 6, 5)) + "]] was refused although the limit is fine.", [])
msg("please refund to card ending 4242, full number [[CARD|" + card("424242424242424", "") + "]]", [])
msg("Visa [[CARD|" + card("401288888888188", " ", (4, 4, 4, 4)) + "]] / CVC 737 / 03/26 - is that enough for "
    "the manual booking?", [])
msg("Kartennummer [[CARD|" + card("520082828282821", "-") + "]], Ablaufdatum 11/26.", ["Sabine Meyer"])
msg("Diners card [[CARD|" + card("3056930009020", " ", (4, 6, 4)) + "]] is not accepted at checkout.", [])

# ---- IBANs of several countries
msg("Please refund to my account [[IBAN|" + iban("DE", "500105175407324931") + "]] (Commerzbank).",
    ["Thomas Berger"])
msg("IBAN : [[IBAN|" + iban("FR", "30006000011234567890189") + "]] - BIC AGRIFRPP882", [])
msg("Our new bank details: [[IBAN|" + iban("GB", "NWBK60161331926819", grouped=False) + "]], sort code 60-16-13.",
    [])
msg("Bankverbindung: [[IBAN|" + iban("AT", "1904300234573201") + "]], lautend auf die GmbH.", [])
msg("Rekening [[IBAN|" + iban("NL", "RABO0300065264") + "]] t.n.v. De Vries IT.", [])
msg("Bonifico su [[IBAN|" + iban("IT", "X0542811101000000123456") + "]] eseguito il 2 aprile.", [])
msg("Transferencia a [[IBAN|" + iban("ES", "21000418450200051332") + "]] rechazada.", [])
msg("Konto [[IBAN|" + iban("PL", "109010140000071219812874") + "]] - prosze o zwrot.", [])
msg("Bitte auf [[IBAN|" + iban("CH", "00762011623852957") + "]] überweisen.", [])
msg("Refund account: [[IBAN|" + iban("BE", "539007547034", grouped=False) + "]]", [])
msg("IBAN [[IBAN|" + iban("SE", "50000000058398257466") + "]] (Swedbank) for the credit note.", [])
msg("Our Dubai entity uses [[IBAN|" + iban("AE", "0331234567890123456") + "]].", [])

# ---- logs, IPs (v4 and v6) and config snippets
msg("2025-03-04T10:22:31.918Z WARN  [auth] login failed for user=[[EMAIL|k.nakamura@example.jp]] "
    "ip=[[IP|203.0.113.77]] attempt=5 agent=\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\"", ["Kenta Nakamura"])
msg("nginx: [[IP|198.51.100.23]] - - [04/Mar/2025:10:22:31 +0000] \"POST /api/v2/orders HTTP/1.1\" 502 157 "
    "\"-\" \"curl/8.5.0\"", [])
msg("Our egress IPs are [[IP|2001:db8:4f2a:10::25]] and [[IP|2001:db8:4f2a:10::26]]; please allow-list them.", [])
msg("ping6 [[IP|fe80::1c2b:3aff:fe4d:5e6f]] works but the app cannot reach [[IP|2001:db8:85a3::8a2e:370:7334]].",
    [])
msg("The webhook comes from [[[IP|2606:4700:4700::1111]]] port 443 and from [[IP|192.0.2.146]]:8443.", [])
msg("Connection refused: connect to [[IP|10.20.30.40]]:5432 failed (PostgreSQL 15.4, build 15.4.2)", [])
msg("X-Forwarded-For: [[IP|203.0.113.195]], [[IP|70.41.3.18]], [[IP|150.172.238.178]]", [])
msg("Client [[IP|2a02:8070:b84:6a00:d5c3:7e1:f00d:9b1]] gets 403 since Windows 10.0.19045.3693 was installed.",
    [])
msg("ERROR 2025-02-11 08:01:44,120 smtp.send: 535 Authentication failed for [[EMAIL|mailer@shop.example.com]] "
    "from [[IP|172.16.254.1]] (retry 3/5)", [])

# ---- API keys and tokens of various vendors
msg("Our integration uses STRIPE_SECRET_KEY=[[SECRET|sk_live_51Mz9QbLk2uT7vX8yZ0aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV3wX4yZ]]"
    " and it returns 401 since this morning.", [])
msg("I pasted my token by mistake in the last message: [[SECRET|ghp_8fJ2kL9mN3pQ7rS1tV5wX0yZ4aB6cD2eF8gH]] "
    "- please delete it!", [])
msg("git clone https://oauth2:[[SECRET|glpat-Xy7_bK2mQp9RtV4wZs1L]]@gitlab.example.com/team/app.git fails with 403",
    [])
msg("[default]\naws_access_key_id = [[SECRET|AKIAZ4NQ7XW2LM5TRB3K]]\naws_secret_access_key = "
    "[[SECRET|q8Vh2Lr+Jt5Nw0Yk3Xp7Zs1Bc9Df4Gm6Hj2Kl8Qn]]\nregion = eu-central-1", [])
msg("Maps stopped working, key [[SECRET|AIzaSyD3kE7fG9hJ1kL3mN5pQ7rS9tU1vW3xY5z]] shows 'RefererNotAllowedMapError'.",
    [])
msg("The bot posts with [[SECRET|xoxb-2841957301-5829104738261-Qm7Rt2Vx9Yz4Bc6Dn8Fh1Jk3]] and Slack answers "
    "invalid_auth.", [])
msg("Webhook URL: https://hooks.slack.com/services/T04AB12CD/B05EF34GH/[[SECRET|k9Lm2Nb7Vc4Xz1Qw8Er5Ty3U]]", [])
msg("export OPENAI_API_KEY=[[SECRET|sk-proj-Tq8W2eR5tY7uI9oP1aS3dF6gH8jK0lZ2xC4vB6nM8qW0eR2tY4uI6oP8aS0dF2gH4jK6l]]",
    [])
msg("Authorization: Bearer [[SECRET|eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ODEyMyIsInJvbGUiOiJhZG1pbiJ9."
    "Yt3kQm8Vw2Zp5Lr9Xs1Bn7Cd4Fh6Gj0Hk2Jl5Mn8Pq1R]]", [])
msg("SENDGRID_API_KEY=[[SECRET|SG.Hk3mQp9Rt2Vw5Xy8Zb1Cd4.Fg7Hj0Kl3Mn6Pq9Rs2Tv5Wx8Yz1Ab4Cd7Ef0Gh3Jk6]]", [])
msg("Twilio says 20003 Authenticate. Account SID ACf3a91c2b7d4e5f60718293a4b5c6d7e8, auth token "
    "[[SECRET|9f8e7d6c5b4a39281706f5e4d3c2b1a0]].", [])
msg("//registry.npmjs.org/:_authToken=[[SECRET|npm_Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz1Xc3Vb5N]]", [])
msg("Mailgun key [[SECRET|key-3ax6xnjp29jd6fds4gc373sgvjxteol0]] was rotated but the old one still works?", [])
msg("Shopify admin token [[SECRET|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]] gets 401 on /admin/api/2024-01/orders.json",
    [])
msg("DefaultEndpointsProtocol=https;AccountName=contosofiles;AccountKey="
    "[[SECRET|Zm9yZXhhbXBsZW9ubHkvbm90YXJlYWxrZXkrMTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0dQ==]];"
    "EndpointSuffix=core.windows.net", [])
msg("Our HF token [[SECRET|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]] can't download the private model.", [])
msg("-----BEGIN OPENSSH PRIVATE KEY-----\n[[SECRET|b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"
    "QyNTUxOQAAACBJ2k9Tq4mZ8wX1vB3nF6hG0jK2lP5oR7sT9uV1wX3yZ5]]\n-----END OPENSSH PRIVATE KEY-----\n"
    "is the deploy key we use, is that the problem?", [])
msg("Datadog: DD_API_KEY=[[SECRET|5f2e8a1c9b3d7e4f6a0c2b8d1e9f3a7c]] DD_SITE=datadoghq.eu", [])

# ---- order numbers and account references
msg("Order [[ACCOUNT|ORD-00482913]] arrived damaged; the replacement [[ACCOUNT|ORD-00483377]] never shipped.",
    ["Lucy Grant"])
msg("Customer number [[ACCOUNT|CUST0093817]], invoice [[ACCOUNT|INV-77120345]]: VAT is missing.", [])
msg("My order #[[ACCOUNT|100238857]] from 2 March (tracking 1Z999AA10123456784) is still not here.", [])
msg("Bestellnummer [[ACCOUNT|ACCT-5510029]], Rechnung vom 04.03.2025 über 1.249,00 EUR.", [])

# ---- chat transcripts and forum posts
msg("[10:42] Visitor: hi my login is [[EMAIL|chris.p@example.net]]\n[10:43] Agent Sam: thanks [[NAME|Chris]], checking\n"
    "[10:45] Visitor: also my phone for 2FA changed to [[PHONE|+1 (646) 555-0175]]", ["Chris Park"])
msg("Same problem here. Running 4.12.1 on Ubuntu 22.04, kernel 6.5.0-26-generic, 16 GB RAM. Error code 0x80070005. "
    "Request id 7f3c9a2e-5b1d-4e8f-a6c0-92d4b1e7f053.", [])
msg("Here's my config (API key redacted): endpoint=https://api.example.com/v3, timeout=30s, retries=5, "
    "build=2025.03.1-rc2, commit 3e1b7c9a0f2d4e6b8a1c3e5f7a9b0d2c4e6f8a1b", [])
msg("The MAC address of the gateway is 00:1A:2B:3C:4D:5E and the serial SN-4821-7735-0091.", [])
msg("Meeting moved to 2025-04-01 14:30-15:30 CET; dial-in code 845 221 903#.", [])
msg("Version 10.4.22.1 of the agent breaks TLS 1.2 with cipher ECDHE-RSA-AES128-GCM-SHA256.", [])

for i, m in enumerate(M, start=1):
    print(json.dumps({"id": i, **m}, ensure_ascii=False))
