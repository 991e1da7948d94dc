"""The demo: ten accounts and a year of their work, built by the real services.

Nothing that counts is written directly. Businesses publish offers, creators apply, businesses
accept, visits are scheduled and marked, content is submitted and analysed by the local analyzer,
approved and rated, each at its own moment of a story that ends at "now" (influfinder/clock.py).
So every counter, karma history, analysis and timeline agrees with the records.

    accounts.py     the ten accounts and their profiles
    offer_texts.py  what the businesses write, in English and Spanish
    offers.py       the forty current offers, planned, then published, paused or archived
    steps.py        one step of an application or collaboration, by its person, at a moment
    history.py      the creators' past campaigns, which earn them their tiers
    story.py        the present: applications and collaborations in every state
    views.py        visitors viewing the open offers
    load.py         `load_demo_data(db)`, all of it in order
"""
