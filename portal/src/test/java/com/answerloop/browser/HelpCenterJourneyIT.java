package com.answerloop.browser;

/** The help center journey on the embedded H2 database, with the shipped knowledge base. */
@ShippedContentPortal
class HelpCenterJourneyIT extends HelpCenterJourney {}
