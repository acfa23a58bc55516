/** Turning solved cases and accepted community answers into article drafts: templates, personal-data scrubbing, and the editors' review queue. */
@org.springframework.modulith.ApplicationModule(displayName = "Capture")
package com.answerloop.capture;
