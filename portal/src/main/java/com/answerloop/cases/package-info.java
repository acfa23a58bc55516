/** Support cases: the contact form that suggests answers first, customers' requests, and the agents' console. */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package com.answerloop.cases;
