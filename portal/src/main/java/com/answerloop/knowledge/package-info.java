/** Articles, their immutable versions, categories and sections, kb-content import/export and article feedback. */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
package com.answerloop.knowledge;
