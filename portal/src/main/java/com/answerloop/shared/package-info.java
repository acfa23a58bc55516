/** Building blocks every module uses: sanitized Markdown rendering, page metadata, small value types. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.answerloop.shared;
